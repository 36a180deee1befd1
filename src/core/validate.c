/*
 * Validators for logins, person names, phone numbers, personal
 * identification numbers and typed numbers.  Messages name the field,
 * repeat the value through mn_text_safe and state the expected form.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/validate.h"

#define LOGIN_MAX 32
#define PERSON_NAME_MAX 100

/* Safe, shortened copy of a user value for a message. */
static const char *
echo(const char *value, char *buf, size_t size)
{
	mn_text_safe(value != NULL ? value : "", buf, size);
	return buf;
}

int
mn_valid_login(const char *login, struct mn_error *err)
{
	const char *field = T("Login", "Tên đăng nhập");
	char shown[80];
	size_t n = login != NULL ? strlen(login) : 0;
	bool ok = n >= 1 && n <= LOGIN_MAX && login[0] >= 'a' &&
	    login[0] <= 'z';

	for (size_t i = 0; ok && i < n; i++) {
		char c = login[i];

		ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '-';
	}
	if (ok)
		return MN_OK;
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: \"%s\" is invalid; expected 1-%d characters a-z, 0-9, "
	    "'.', '_' or '-', starting with a letter",
	    "%s: \"%s\" không hợp lệ; cần 1-%d ký tự a-z, 0-9, '.', '_' "
	    "hoặc '-', bắt đầu bằng chữ cái"),
	    field, echo(login, shown, sizeof shown), LOGIN_MAX);
}

/* Apostrophes used inside names such as H'Hen: ASCII and U+2019. */
static bool
is_name_apostrophe(UChar32 c)
{
	return c == '\'' || c == 0x2019;
}

/*
 * Accepts letters of any script, spaces, apostrophes and hyphens.
 * Combining marks may follow a letter, so NFD input passes.  The name
 * starts and ends without a space, starts with a letter and has 1-100
 * characters.
 */
int
mn_valid_person_name(const char *name, const char *field,
    struct mn_error *err)
{
	const uint8_t *s = (const uint8_t *)(name != NULL ? name : "");
	int32_t i = 0, len = (int32_t)strlen((const char *)s);
	int32_t chars = 0;
	UChar32 prev = ' ';
	char shown[160];
	bool ok = len > 0;

	while (ok && i < len) {
		UChar32 c;
		int8_t type;

		U8_NEXT(s, i, len, c);
		chars++;
		if (c < 0) {
			ok = false;
			break;
		}
		type = u_charType(c);
		if (u_isalpha(c))
			ok = true;
		else if (type == U_NON_SPACING_MARK ||
		    type == U_COMBINING_SPACING_MARK)
			ok = chars > 1 && prev != ' ';
		else if (c == ' ' || is_name_apostrophe(c) || c == '-')
			ok = chars > 1;
		else
			ok = false;
		prev = c;
	}
	if (ok && chars > PERSON_NAME_MAX)
		ok = false;
	if (ok && (prev == ' '))
		ok = false;
	if (ok)
		return MN_OK;
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: \"%s\" is not a valid name; expected 1-%d characters: "
	    "letters, spaces, apostrophes and hyphens, starting with a "
	    "letter",
	    "%s: \"%s\" không phải họ tên hợp lệ; cần 1-%d ký tự gồm chữ "
	    "cái, dấu cách, dấu nháy và gạch nối, bắt đầu bằng chữ cái"),
	    field, echo(name, shown, sizeof shown), PERSON_NAME_MAX);
}

static int
phone_invalid(const char *in, const char *field, struct mn_error *err)
{
	char shown[80];

	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: \"%s\" is not a Vietnamese phone number; expected a "
	    "mobile 0xxx xxx xxx (10 digits, 03/05/07/08/09) or a landline "
	    "02xx xxxx xxx (11 digits)",
	    "%s: \"%s\" không phải số điện thoại Việt Nam; cần số di động "
	    "0xxx xxx xxx (10 chữ số, đầu 03/05/07/08/09) hoặc số cố định "
	    "02xx xxxx xxx (11 chữ số)"),
	    field, echo(in, shown, sizeof shown));
}

int
mn_phone_normalise(const char *in, char *out, size_t size,
    const char *field, struct mn_error *err)
{
	char digits[32];
	size_t n = 0;
	const char *p = in != NULL ? in : "";
	bool plus = false, intl;
	const char *d;

	if (out != NULL && size > 0)
		out[0] = '\0';
	while (*p == ' ')
		p++;
	if (*p == '+') {
		plus = true;
		p++;
	}
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 1 >= sizeof digits)
				return phone_invalid(in, field, err);
			digits[n++] = *p;
		} else if (*p != ' ' && *p != '.' && *p != '-') {
			return phone_invalid(in, field, err);
		}
	}
	digits[n] = '\0';

	/* International form: 84 then the domestic number without its 0. */
	d = digits;
	intl = n >= 2 && digits[0] == '8' && digits[1] == '4';
	if (plus && !intl)
		return phone_invalid(in, field, err);
	if (intl && (n == 11 || n == 12)) {
		d = digits + 1;
		digits[1] = '0';
		n--;
	}
	if (d[0] != '0' ||
	    !((n == 10 && strchr("35789", d[1]) != NULL) ||
	    (n == 11 && d[1] == '2')))
		return phone_invalid(in, field, err);
	if (out == NULL || size <= n)
		return phone_invalid(in, field, err);
	memcpy(out, d, n + 1);
	return MN_OK;
}

int
mn_valid_phone(const char *phone, const char *field, struct mn_error *err)
{
	char canonical[16];

	return mn_phone_normalise(phone, canonical, sizeof canonical, field,
	    err);
}

/*
 * Province codes of birth registration in personal identification
 * numbers: "0" followed by the statistics office code of one of the 63
 * provinces that existed before the 2025 merger (TT 07/2016/TT-BCA,
 * TT 59/2021/TT-BCA).  Numbers already issued keep these codes after the
 * merger.  NOTE: codes for births registered abroad are not published
 * here, so an unknown code yields a warning, not a rejection.
 */
static const unsigned char province_codes[] = {
	1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27,
	30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52,
	54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82,
	83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
};

bool
mn_personal_id_province_known(int code)
{
	for (size_t i = 0; i < sizeof province_codes; i++)
		if (province_codes[i] == code)
			return true;
	return false;
}

int
mn_personal_id_normalise(const char *id, char *out, size_t size,
    struct mn_error *err)
{
	const char *field = T("Personal ID", "Mã định danh");
	char shown[80];
	size_t n = 0;
	const char *p;

	if (out != NULL && size > 0)
		out[0] = '\0';
	for (p = id != NULL ? id : ""; *p != '\0'; p++) {
		if (*p == ' ' || *p == '.')
			continue;
		if (*p < '0' || *p > '9' || n >= MN_PERSONAL_ID_LEN)
			break;
		if (out != NULL && n + 1 < size)
			out[n] = *p;
		n++;
	}
	if (*p != '\0' || n != MN_PERSONAL_ID_LEN || out == NULL ||
	    size <= MN_PERSONAL_ID_LEN) {
		if (out != NULL && size > 0)
			out[0] = '\0';
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: \"%s\" is invalid; expected 12 digits",
		    "%s: \"%s\" không hợp lệ; cần đúng 12 chữ số"),
		    field, echo(id, shown, sizeof shown));
	}
	out[n] = '\0';
	return MN_OK;
}

int
mn_personal_id_check(const char *id, int sex, int birth_year,
    struct mn_error *err)
{
	const char *field = T("Personal ID", "Mã định danh");
	char digits[MN_PERSONAL_ID_LEN + 1];
	char problems[400] = "";
	size_t used = 0;
	int province, century_sex, year;
	bool female;
	int rc;

	rc = mn_personal_id_normalise(id, digits, sizeof digits, err);
	if (rc != MN_OK)
		return rc;
	province = (digits[0] - '0') * 100 + (digits[1] - '0') * 10 +
	    (digits[2] - '0');
	century_sex = digits[3] - '0';
	year = 1900 + (century_sex / 2) * 100 + (digits[4] - '0') * 10 +
	    (digits[5] - '0');
	female = century_sex % 2 == 1;

	if (!mn_personal_id_province_known(province))
		used += (size_t)snprintf(problems + used,
		    sizeof problems - used,
		    T("; province code %03d is not in the table",
		    "; mã tỉnh %03d không có trong danh mục"), province);
	if (used < sizeof problems && (sex == 'M' || sex == 'F') &&
	    female != (sex == 'F'))
		used += (size_t)snprintf(problems + used,
		    sizeof problems - used,
		    T("; digit 4 (%d) means %s but the record says %s",
		    "; chữ số thứ 4 (%d) ứng với %s nhưng hồ sơ ghi %s"),
		    century_sex,
		    female ? T("female", "nữ") : T("male", "nam"),
		    female ? T("male", "nam") : T("female", "nữ"));
	if (used < sizeof problems && birth_year > 0 && year != birth_year)
		used += (size_t)snprintf(problems + used,
		    sizeof problems - used,
		    T("; digits 4-6 mean birth year %d but the record says %d",
		    "; chữ số 4-6 ứng với năm sinh %d nhưng hồ sơ ghi %d"),
		    year, birth_year);
	if (problems[0] == '\0')
		return MN_OK;
	return mn_fail(err, MN_ERR_MISMATCH, field,
	    T("%s %s needs checking%s; correct it or give a reason",
	    "%s %s cần kiểm tra lại%s; hãy sửa hoặc ghi lý do"),
	    field, digits, problems);
}

void
mn_format_decimal(double value, int decimals, char *buf, size_t size)
{
	char sep = mn_language() == MN_LANG_VI ? ',' : '.';

	if (size == 0)
		return;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	/* A value that rounds to zero would print "-0,0". */
	if (isfinite(value) && fabs(value) < 0.5 * pow(10, -decimals))
		value = 0.0;
	snprintf(buf, size, "%.*f", decimals, value);
	for (char *p = buf; *p != '\0'; p++)
		if (*p == '.')
			*p = sep;
}

void
mn_format_value(double value, char *buf, size_t size)
{
	int decimals = 1;

	/* The fewest decimals (1 to 3) that keep the value as typed. */
	while (decimals < 3 && isfinite(value) &&
	    fabs(value * pow(10, decimals) -
	    round(value * pow(10, decimals))) > 1e-6)
		decimals++;
	mn_format_decimal(value, decimals, buf, size);
}

/*
 * Only the space is a blank: a box cannot hold a tab or a line end, and
 * one in a file or an argument is more likely a fault than padding.
 */
static bool
is_blank(char c)
{
	return c == ' ';
}

/* Trims spaces: returns the first non-space and sets *len. */
static const char *
trim_spaces(const char *text, size_t *len)
{
	size_t n;

	while (is_blank(*text))
		text++;
	n = strlen(text);
	while (n > 0 && is_blank(text[n - 1]))
		n--;
	*len = n;
	return text;
}

/* Integer and fraction digits are limited so the value stays exact. */
#define DECIMAL_MAX_DIGITS 15

int
mn_parse_decimal(const char *text, const char *field, int decimals,
    double min, double max, double *out, struct mn_error *err)
{
	char shown[80], lo[48], hi[48];
	const char *p;
	size_t len, i = 0;
	bool negative = false, ok = true;
	long long whole = 0, fraction = 0;
	int int_digits = 0, frac_digits = 0;
	double value = 0;

	p = trim_spaces(text != NULL ? text : "", &len);
	if (decimals < 0)
		decimals = 0;
	if (i < len && p[i] == '-') {
		negative = true;
		i++;
	}
	while (i < len && p[i] >= '0' && p[i] <= '9') {
		if (int_digits < DECIMAL_MAX_DIGITS)
			whole = whole * 10 + (p[i] - '0');
		else
			ok = false;
		int_digits++;
		i++;
	}
	if (ok && i < len && (p[i] == '.' || p[i] == ',')) {
		i++;
		while (i < len && p[i] >= '0' && p[i] <= '9') {
			if (frac_digits < DECIMAL_MAX_DIGITS)
				fraction = fraction * 10 + (p[i] - '0');
			frac_digits++;
			i++;
		}
		if (frac_digits == 0 || frac_digits > decimals ||
		    int_digits + frac_digits > DECIMAL_MAX_DIGITS)
			ok = false;
	}
	if (ok && (i != len || int_digits == 0))
		ok = false;
	if (ok) {
		value = (double)whole;
		if (frac_digits > 0)
			value += (double)fraction / pow(10, frac_digits);
		if (negative)
			value = -value;
		ok = value >= min && value <= max;
	}
	if (ok) {
		*out = value;
		return MN_OK;
	}
	mn_format_decimal(min, decimals, lo, sizeof lo);
	mn_format_decimal(max, decimals, hi, sizeof hi);
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: \"%s\" is invalid; expected a number from %s to %s with "
	    "at most %d decimals (e.g. 12.5)",
	    "%s: \"%s\" không hợp lệ; cần một số từ %s đến %s, tối đa %d "
	    "chữ số thập phân (ví dụ 12,5)"),
	    field, echo(text, shown, sizeof shown), lo, hi, decimals);
}

int
mn_parse_int(const char *text, const char *field, long min, long max,
    long *out, struct mn_error *err)
{
	char shown[80];
	char digits[32];
	const char *p;
	size_t len, i;
	bool ok;
	long value = 0;

	p = trim_spaces(text != NULL ? text : "", &len);
	ok = len > 0 && len < sizeof digits;
	for (i = 0; ok && i < len; i++)
		ok = (p[i] >= '0' && p[i] <= '9') || (i == 0 && p[i] == '-' &&
		    len > 1);
	if (ok) {
		char *end;

		memcpy(digits, p, len);
		digits[len] = '\0';
		errno = 0;
		value = strtol(digits, &end, 10);
		ok = errno == 0 && *end == '\0' && value >= min &&
		    value <= max;
	}
	if (ok) {
		*out = value;
		return MN_OK;
	}
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: \"%s\" is invalid; expected a whole number from %ld "
	    "to %ld",
	    "%s: \"%s\" không hợp lệ; cần một số nguyên từ %ld đến %ld"),
	    field, echo(text, shown, sizeof shown), min, max);
}
