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

/*
 * Appends a '0' to an English "1.125" or "-12.500", which
 * mn_parse_number would read as thousands, so it reads back as typed.
 */
static void
keep_point_decimal(char *buf, size_t size)
{
	const char *p = buf[0] == '-' ? buf + 1 : buf;
	size_t whole = strspn(p, "0123456789"), n = strlen(buf);

	if (whole >= 1 && whole <= 3 && p[0] != '0' && p[whole] == '.' &&
	    strlen(p + whole + 1) == 3 && n + 1 < size) {
		buf[n] = '0';
		buf[n + 1] = '\0';
	}
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
	if (sep == '.' && decimals == 3)
		keep_point_decimal(buf, size);
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

/*
 * Typed numbers follow the way the screens print them: '.' (or a space,
 * NBSP or narrow NBSP) between groups of thousands and ',' before the
 * decimals, so "150.000" is a hundred and fifty thousand and
 * "1.000,5" is 1000.5.  A '.' is read as a decimal point only when the
 * text cannot be a grouped whole number: "92.3", "1.5", "0.250" and
 * "1000.5" are decimals, while "1.000" and "12.500" are thousands.
 * Grouping needs every group after the first to have exactly three
 * digits and the first group to have one to three digits without a
 * leading zero.  Rejected: exponents ("1e6"), hex, "inf"/"nan", digits
 * other than 0-9, a leading '+', a bare ".5" or "5,", more than one ','
 * and mixed or misplaced separators ("1.00.0", "1 000.5").  "1,000.5"
 * is rejected too, because an English reader means 1000.5 while a
 * Vietnamese one cannot read it at all.
 */

/* Significant digits are limited so the value stays exact in a double. */
#define NUMBER_MAX_DIGITS 15
/* Longest typed number looked at; longer text is rejected. */
#define NUMBER_MAX_TEXT 64

enum scan_status { SCAN_OK, SCAN_FORM, SCAN_LONG };

/* A typed number split into its sign and digits. */
struct scanned_number {
	bool negative;
	char whole[NUMBER_MAX_TEXT];	/* digits before the decimals */
	char fraction[NUMBER_MAX_TEXT];	/* digits after, trailing 0 cut */
};

/* True when s[0..n) is one or more ASCII digits. */
static bool
all_digits(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/*
 * Copies the digits of s[0..n) to out when s is a whole number grouped
 * by sep ("1.000.000"): at least two groups, the first of 1 to 3 digits
 * not starting with '0', every other of exactly 3.
 */
static bool
grouped_digits(const char *s, size_t n, char sep, char *out)
{
	size_t start = 0, groups = 0, used = 0;

	for (size_t i = 0; i <= n; i++) {
		size_t len;

		if (i < n && s[i] != sep)
			continue;
		len = i - start;
		if (!all_digits(s + start, len))
			return false;
		if (groups == 0 ? len > 3 || s[start] == '0' : len != 3)
			return false;
		memcpy(out + used, s + start, len);
		used += len;
		groups++;
		start = i + 1;
	}
	out[used] = '\0';
	return groups >= 2;
}

/* Copies s[0..n) to out when it is plain digits. */
static bool
plain_digits(const char *s, size_t n, char *out)
{
	if (!all_digits(s, n))
		return false;
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}

/*
 * Reads the part before the decimals: plain digits, or digits grouped
 * by '.' or by spaces (never both).
 */
static bool
whole_part(const char *s, size_t n, char *out)
{
	bool dot = memchr(s, '.', n) != NULL, space = memchr(s, ' ', n) !=
	    NULL;

	if (dot && space)
		return false;
	if (dot)
		return grouped_digits(s, n, '.', out);
	if (space)
		return grouped_digits(s, n, ' ', out);
	return plain_digits(s, n, out);
}

/*
 * Copies text[0..len) to buf with NBSP (U+00A0) and narrow NBSP
 * (U+202F) turned into plain spaces.  False when it is too long.
 */
static bool
fold_spaces(const char *text, size_t len, char *buf, size_t size)
{
	size_t used = 0;

	for (size_t i = 0; i < len; i++) {
		if (used + 1 >= size)
			return false;
		if ((unsigned char)text[i] == 0xc2 && i + 1 < len &&
		    (unsigned char)text[i + 1] == 0xa0) {
			buf[used++] = ' ';
			i++;
		} else if ((unsigned char)text[i] == 0xe2 && i + 2 < len &&
		    (unsigned char)text[i + 1] == 0x80 &&
		    (unsigned char)text[i + 2] == 0xaf) {
			buf[used++] = ' ';
			i += 2;
		} else
			buf[used++] = text[i];
	}
	buf[used] = '\0';
	return true;
}

/* Splits trimmed text into sign and digits following the rule above. */
static enum scan_status
scan_number(const char *text, size_t len, struct scanned_number *s)
{
	char buf[NUMBER_MAX_TEXT];
	const char *p = buf, *comma, *dot;
	size_t n, whole_len, frac_len;

	memset(s, 0, sizeof *s);
	if (!fold_spaces(text, len, buf, sizeof buf))
		return SCAN_LONG;
	if (*p == '-') {
		s->negative = true;
		p++;
	}
	n = strlen(p);
	comma = memchr(p, ',', n);
	if (comma != NULL) {
		size_t before = (size_t)(comma - p);

		if (!whole_part(p, before, s->whole) ||
		    !plain_digits(comma + 1, n - before - 1, s->fraction))
			return SCAN_FORM;
	} else if (!whole_part(p, n, s->whole)) {
		/* Not a grouped whole number: one '.' may be a point. */
		dot = memchr(p, '.', n);
		if (dot == NULL || memchr(p, ' ', n) != NULL ||
		    !plain_digits(p, (size_t)(dot - p), s->whole) ||
		    !plain_digits(dot + 1, n - (size_t)(dot - p) - 1,
		    s->fraction))
			return SCAN_FORM;
	}
	/* Leading zeros of the whole part and trailing zeros of the
	 * decimals change nothing. */
	whole_len = strspn(s->whole, "0");
	memmove(s->whole, s->whole + whole_len,
	    strlen(s->whole + whole_len) + 1);
	frac_len = strlen(s->fraction);
	while (frac_len > 0 && s->fraction[frac_len - 1] == '0')
		s->fraction[--frac_len] = '\0';
	if (strlen(s->whole) + frac_len > NUMBER_MAX_DIGITS)
		return SCAN_LONG;
	return SCAN_OK;
}

/* The value of scanned digits; exact up to NUMBER_MAX_DIGITS digits. */
static double
scanned_value(const struct scanned_number *s)
{
	long long whole = 0, fraction = 0;
	size_t n = strlen(s->fraction);
	double value;

	for (const char *p = s->whole; *p != '\0'; p++)
		whole = whole * 10 + (*p - '0');
	for (const char *p = s->fraction; *p != '\0'; p++)
		fraction = fraction * 10 + (*p - '0');
	value = (double)whole;
	if (n > 0)
		value += (double)fraction / pow(10, (double)n);
	if (s->negative && value != 0)
		value = -value;
	return value;
}

/* Fails with the rule for typing numbers. */
static int
fail_form(const char *field, const char *label, const char *text,
    struct mn_error *err)
{
	char shown[80];

	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: \"%s\" is not a number; write it like 1.500 or 12,5 "
	    "('.' or a space between thousands, ',' before decimals)",
	    "%s: \"%s\" không phải là số; hãy viết như 1.500 hoặc 12,5 "
	    "(dấu chấm hoặc dấu cách ngăn hàng nghìn, dấu phẩy trước phần "
	    "thập phân)"), label, echo(text, shown, sizeof shown));
}

/*
 * Formats a bound of a range for a message: a whole bound with at most
 * one decimal ("0,0", "34,0"), any other with `decimals`.
 */
static void
format_bound(double value, int decimals, char *buf, size_t size)
{
	if (value == floor(value) && decimals > 1)
		decimals = 1;
	mn_format_decimal(value, decimals, buf, size);
}

/* Fails for a value outside [min, max], naming a negative one. */
static int
fail_range(const char *field, const char *label, const char *text,
    int decimals, double value, double min, double max,
    struct mn_error *err)
{
	char shown[80], lo[48], hi[48];

	echo(text, shown, sizeof shown);
	format_bound(min, decimals, lo, sizeof lo);
	format_bound(max, decimals, hi, sizeof hi);
	if (value < 0 && min >= 0)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: \"%s\" is negative; expected at least %s",
		    "%s: \"%s\" là số âm; cần ít nhất %s"), label, shown, lo);
	if (value < min)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: \"%s\" is too small; expected from %s to %s",
		    "%s: \"%s\" quá nhỏ; cần từ %s đến %s"), label, shown, lo,
		    hi);
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: \"%s\" is too large; expected from %s to %s",
	    "%s: \"%s\" quá lớn; cần từ %s đến %s"), label, shown, lo, hi);
}

int
mn_parse_number(const char *text, const char *field, const char *label,
    int decimals, double min, double max, double *out,
    struct mn_error *err)
{
	struct scanned_number s;
	enum scan_status st;
	char shown[80];
	const char *p;
	size_t len;
	double value;

	p = trim_spaces(text != NULL ? text : "", &len);
	if (decimals < 0)
		decimals = 0;
	if (len == 0)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: missing; expected a number such as 1.500 or 12,5",
		    "%s: bị thiếu; cần một số, ví dụ 1.500 hoặc 12,5"),
		    label);
	st = scan_number(p, len, &s);
	if (st == SCAN_FORM)
		return fail_form(field, label, text, err);
	if (st == SCAN_LONG)
		return fail_range(field, label, text, decimals,
		    max + 1, min, max, err);
	if (strlen(s.fraction) > (size_t)decimals) {
		echo(text, shown, sizeof shown);
		if (decimals == 0)
			return mn_fail(err, MN_ERR_INVALID, field,
			    T("%s: \"%s\" is not a whole number; expected "
			    "no decimals", "%s: \"%s\" không phải là số "
			    "nguyên; cần số không có phần thập phân"), label,
			    shown);
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: \"%s\" has too many decimals; expected at most %d "
		    "digits after ','", "%s: \"%s\" có quá nhiều chữ số "
		    "thập phân; tối đa %d chữ số sau dấu phẩy"), label, shown,
		    decimals);
	}
	value = scanned_value(&s);
	/* A field without negatives rejects the sign itself, even on "-0". */
	if (s.negative && min >= 0)
		value = -INFINITY;
	if (!(value >= min && value <= max))
		return fail_range(field, label, text, decimals, value, min,
		    max, err);
	*out = value;
	return MN_OK;
}

int
mn_parse_money(const char *text, const char *field, const char *label,
    int64_t max, int64_t *out, struct mn_error *err)
{
	struct scanned_number s;
	const char *p;
	char shown[80];
	size_t len;
	double value;
	int rc;

	/* A decimal part gets its own message: đồng have no fractions. */
	p = trim_spaces(text != NULL ? text : "", &len);
	if (len > 0 && scan_number(p, len, &s) == SCAN_OK &&
	    s.fraction[0] != '\0')
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s must be whole đồng: \"%s\" has a decimal part; "
		    "write 150.000 or 150000", "%s phải là số đồng nguyên: "
		    "\"%s\" có phần thập phân; hãy viết 150.000 hoặc 150000"),
		    label, echo(text, shown, sizeof shown));
	rc = mn_parse_number(text, field, label, 0, 0, (double)max, &value,
	    err);
	if (rc == MN_OK)
		*out = (int64_t)value;
	return rc;
}

int
mn_parse_decimal(const char *text, const char *field, int decimals,
    double min, double max, double *out, struct mn_error *err)
{
	return mn_parse_number(text, field, field, decimals, min, max, out,
	    err);
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
