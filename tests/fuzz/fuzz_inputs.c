/*
 * Mutation fuzzer for the input parsers, without libFuzzer.
 *
 *   fuzz_inputs CORPUS_DIR [MUTATIONS]
 *
 * Every file under CORPUS_DIR/{dates,numbers,names,ids,phones,logins} is
 * fed to the parsers for its kind and to the text functions, then
 * MUTATIONS (default 2000) mutated copies of it, made by a fixed-seed
 * generator so a failure can be replayed.  Files under CORPUS_DIR/config
 * go to mn_config_load, with fewer mutations because each needs a file.
 * Each input is checked against properties that hold for any accepted
 * value: a parsed date exists, a cleaned text is NFC UTF-8 without
 * controls, a canonical phone number is 10 or 11 digits, and so on.
 * Exits 1 if any check failed.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "core/config.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/text.h"
#include "core/validate.h"

#define INPUT_MAX_BYTES 4096
#define DEFAULT_MUTATIONS 2000
#define CONFIG_MUTATIONS 300
#define MAX_REPORTED 25

enum kind { DATES, NUMBERS, NAMES, IDS, PHONES, LOGINS, CSV, CONFIG, KINDS };

static const char *const kind_dirs[KINDS] = {
	"dates", "numbers", "names", "ids", "phones", "logins", "csv",
	"config",
};

static unsigned long passed, failed;
static const char *current_file;
static char tmpdir[PATH_MAX];

/* xorshift64*: small, fast and the same on every platform. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t
rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static size_t
rng_below(size_t n)
{
	return n == 0 ? 0 : (size_t)(rng_next() % n);
}

static void
print_escaped(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '\\')
			fputc(*p, f);
		else
			fprintf(f, "\\x%02x", *p);
	}
}

/* Records one failed property, printing the first few in full. */
static void
report(const char *input, const char *problem)
{
	failed++;
	if (failed > MAX_REPORTED)
		return;
	fprintf(stderr, "fuzz: FAIL %s: %s, input \"", current_file,
	    problem);
	print_escaped(stderr, input);
	fprintf(stderr, "\"\n");
}

#define CHECK(cond, input, problem) do {	\
	if (!(cond)) {				\
		report((input), (problem));	\
		return;				\
	}					\
} while (0)

/*
 * Strict UTF-8 check written independently of ICU, so the property test
 * does not trust the code it tests: no overlong forms, no surrogates,
 * nothing above U+10FFFF.
 */
static bool
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c = *p, cp;
		int n;

		if (c < 0x80) {
			p++;
			continue;
		} else if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		for (int i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return false;
		p += n + 1;
	}
	return true;
}

/*
 * True when valid UTF-8 text contains a C0 or C1 control, DEL or a bidi
 * formatting character.
 */
static bool
has_control(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return true;
		/* U+0080..U+009F is encoded C2 80..C2 9F. */
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return true;
		/* U+061C ALM. */
		if (p[0] == 0xd8 && p[1] == 0x9c)
			return true;
		/* U+200E, U+200F, U+202A..U+202E, U+2066..U+2069. */
		if (p[0] == 0xe2 && p[1] == 0x80 &&
		    (p[2] == 0x8e || p[2] == 0x8f ||
		    (p[2] >= 0xaa && p[2] <= 0xae)))
			return true;
		if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 &&
		    p[2] <= 0xa9)
			return true;
	}
	return false;
}

static bool
is_nfc(const char *s)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar buf[2 * INPUT_MAX_BYTES + 16];
	int32_t len;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);

	u_strFromUTF8(buf, (int32_t)(sizeof buf / sizeof buf[0]), &len, s, -1,
	    &status);
	if (U_FAILURE(status))
		return false;
	return unorm2_isNormalized(nfc, buf, len, &status) &&
	    U_SUCCESS(status);
}

static bool
spaces_tidy(const char *s)
{
	size_t n = strlen(s);

	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		return false;
	return strstr(s, "  ") == NULL;
}

/* Returns the first property a cleaned text breaks, or NULL. */
static const char *
clean_problem(const char *in, const char *clean)
{
	struct mn_error err;
	char *again = NULL;
	const char *problem = NULL;

	if (!valid_utf8(in))
		return "clean accepted invalid UTF-8";
	if (!valid_utf8(clean))
		return "clean gave invalid UTF-8";
	if (has_control(clean))
		return "clean left a control";
	if (!spaces_tidy(clean))
		return "clean left untidy spaces";
	if (!is_nfc(clean))
		return "clean output is not NFC";
	if (mn_text_clean(clean, "fuzz", 0, &again, &err) != MN_OK ||
	    strcmp(clean, again) != 0)
		problem = "clean is not idempotent";
	free(again);
	return problem;
}

static void
check_clean(const char *in)
{
	struct mn_error err;
	char *clean = NULL;
	const char *problem;
	int rc;

	rc = mn_text_clean(in, "fuzz", 0, &clean, &err);
	if (rc == MN_OK) {
		CHECK(clean != NULL, in, "clean returned OK without text");
		problem = clean_problem(in, clean);
		free(clean);
		CHECK(problem == NULL, in, problem);
	} else {
		CHECK(rc == MN_ERR_INVALID, in,
		    "clean failed without MN_ERR_INVALID");
		CHECK(clean == NULL, in, "clean failed but returned text");
		CHECK(!valid_utf8(in), in, "clean rejected valid UTF-8");
	}
}

static const char *
fold_problem(const char *folded)
{
	if (!valid_utf8(folded))
		return "fold gave invalid UTF-8";
	if (has_control(folded))
		return "fold left a control";
	if (!spaces_tidy(folded))
		return "fold left untidy spaces";
	for (const char *p = folded; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			return "fold left upper case";
	if (!mn_text_matches(folded, folded))
		return "text does not match itself";
	return NULL;
}

static bool
is_hex(const char *s)
{
	return strspn(s, "0123456789abcdef") == strlen(s);
}

/* Properties of the text functions, which accept any bytes. */
static void
check_text(const char *in)
{
	char *folded, *key;
	const char *problem;
	char safe[64];
	size_t size;
	bool hex;

	check_clean(in);

	folded = mn_text_fold(in);
	CHECK(folded != NULL, in, "fold returned NULL");
	problem = fold_problem(folded);
	free(folded);
	CHECK(problem == NULL, in, problem);

	key = mn_text_sortkey(in);
	CHECK(key != NULL, in, "sortkey returned NULL");
	hex = is_hex(key);
	free(key);
	CHECK(hex, in, "sortkey is not hex");
	key = mn_text_name_sortkey(in);
	CHECK(key != NULL, in, "name sortkey returned NULL");
	hex = is_hex(key);
	free(key);
	CHECK(hex, in, "name sortkey is not hex");

	CHECK(mn_text_width(in) >= 0, in, "negative width");
	CHECK((size_t)mn_text_width(in) <= 2 * strlen(in), in,
	    "width above two cells per byte");

	size = 1 + rng_below(sizeof safe);
	memset(safe, 'X', sizeof safe);
	mn_text_safe(in, safe, size);
	CHECK(memchr(safe, '\0', size) != NULL, in, "safe not terminated");
	CHECK(valid_utf8(safe), in, "safe gave invalid UTF-8");
	CHECK(!has_control(safe), in, "safe left a control");
	passed++;
}

static void
check_date(const char *in)
{
	struct mn_error err;
	struct mn_date d = { 0, 0, 0 }, back;
	char buf[32];
	int rc;

	rc = mn_date_parse(in, "fuzz", &d, &err);
	if (rc == MN_OK) {
		CHECK(mn_date_valid(d.year, d.month, d.day), in,
		    "parsed a day that does not exist");
		CHECK(d.year >= 1900, in, "parsed a year before 1900");
		CHECK(d.year <= 2200, in, "parsed a year after 2200");
		CHECK(strspn(in, "0123456789/ ") == strlen(in), in,
		    "date accepted other characters");
		mn_date_format(&d, buf, sizeof buf);
		CHECK(mn_date_parse(buf, "fuzz", &back, &err) == MN_OK &&
		    mn_date_cmp(&d, &back) == 0, in, "format does not parse");
		mn_date_from_days(mn_date_to_days(&d), &back);
		CHECK(mn_date_cmp(&d, &back) == 0, in, "day number round trip");
	} else {
		CHECK(rc == MN_ERR_INVALID, in, "date failed oddly");
		CHECK(strstr(err.message, "dd/mm/yyyy") != NULL, in,
		    "date message lacks the expected form");
		CHECK(!has_control(err.message), in,
		    "date message has a control");
	}
	rc = mn_date_parse_iso(in, "fuzz", &d, &err);
	if (rc == MN_OK) {
		CHECK(mn_date_valid(d.year, d.month, d.day), in,
		    "ISO parsed a day that does not exist");
		mn_date_format_iso(&d, buf, sizeof buf);
		CHECK(strcmp(buf, in) == 0, in, "ISO is not strict");
	}
	passed++;
}

/* True when v has at most `decimals` digits after the point. */
static bool
fits_decimals(double v, int decimals)
{
	double scaled = v * pow(10, decimals);

	return fabs(scaled - round(scaled)) <= 1e-6 * fmax(1.0, fabs(scaled));
}

/* Writes v the way the kitchen screens print it: "1.234.567,25". */
static void
format_grouped(double v, int decimals, char *buf, size_t size)
{
	char plain[64], *dot;
	size_t len, used = 0;
	const char *p = plain;

	snprintf(plain, sizeof plain, "%.*f", decimals, fabs(v));
	dot = strchr(plain, '.');
	len = dot != NULL ? (size_t)(dot - plain) : strlen(plain);
	if (v < 0 && used + 1 < size)
		buf[used++] = '-';
	for (size_t i = 0; i < len && used + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[used++] = '.';
		buf[used++] = p[i];
	}
	buf[used] = '\0';
	if (dot != NULL)
		snprintf(buf + used, size - used, ",%s", dot + 1);
}

/*
 * The value shown in a message, in either language, reads back as the
 * same number with the same parser.
 */
static bool
format_round_trip(double v, int decimals)
{
	static const enum mn_lang langs[] = { MN_LANG_VI, MN_LANG_EN };
	enum mn_lang was = mn_language();
	bool ok = true;

	for (size_t k = 0; k < sizeof langs / sizeof langs[0] && ok; k++) {
		char buf[64];
		double back = NAN;

		mn_set_language(langs[k]);
		mn_format_decimal(v, decimals, buf, sizeof buf);
		ok = strchr(buf, langs[k] == MN_LANG_VI ? '.' : ',') == NULL &&
		    mn_parse_decimal(buf, "fuzz", decimals, -1e18, 1e18, &back,
		    NULL) == MN_OK && fabs(back - v) <= 1e-9 * fmax(1.0,
		    fabs(v));
		/* The grouped form of the kitchen screens reads back too. */
		format_grouped(v, decimals, buf, sizeof buf);
		back = NAN;
		ok = ok && mn_parse_number(buf, "fuzz", "fuzz", decimals,
		    -1e18, 1e18, &back, NULL) == MN_OK &&
		    fabs(back - v) <= 1e-9 * fmax(1.0, fabs(v));
	}
	mn_set_language(was);
	return ok;
}

static void
check_number(const char *in)
{
	static const struct {
		int decimals;
		double min, max;
	} ranges[] = {
		{ 1, 0, 150 }, { 2, -50, 60 }, { 0, 0, 1e9 }, { 3, 0.5, 0.75 },
	};
	struct mn_error err;
	int64_t money;
	long l;
	int rc;

	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
		double v = NAN;

		rc = mn_parse_decimal(in, "fuzz", ranges[i].decimals,
		    ranges[i].min, ranges[i].max, &v, &err);
		if (rc != MN_OK) {
			CHECK(rc == MN_ERR_INVALID, in, "decimal failed oddly");
			CHECK(!has_control(err.message), in,
			    "decimal message has a control");
			continue;
		}
		CHECK(isfinite(v), in, "decimal is not finite");
		CHECK(v >= ranges[i].min, in, "decimal below min");
		CHECK(v <= ranges[i].max, in, "decimal above max");
		CHECK(fits_decimals(v, ranges[i].decimals), in,
		    "decimal has too many decimals");
		/* Digits, separators and the bytes of NBSP and narrow NBSP. */
		CHECK(strspn(in, "0123456789.,- \xc2\xa0\xe2\x80\xaf") ==
		    strlen(in), in, "decimal accepted other characters");
		CHECK(strpbrk(in, "eExX") == NULL, in,
		    "decimal accepted an exponent or hex");
		CHECK(format_round_trip(v, ranges[i].decimals), in,
		    "formatted decimal does not parse back");
	}
	rc = mn_parse_money(in, "fuzz", "fuzz", 1000000000, &money, &err);
	if (rc == MN_OK) {
		CHECK(money >= 0, in, "money below 0");
		CHECK(money <= 1000000000, in, "money above its maximum");
		CHECK(strpbrk(in, "eExX-") == NULL, in,
		    "money accepted a sign, an exponent or hex");
	} else {
		CHECK(rc == MN_ERR_INVALID, in, "money failed oddly");
	}
	rc = mn_parse_int(in, "fuzz", -1000, 1000000, &l, &err);
	if (rc == MN_OK) {
		CHECK(l >= -1000, in, "integer below min");
		CHECK(l <= 1000000, in, "integer above max");
		CHECK(strspn(in, "0123456789- ") == strlen(in), in,
		    "integer accepted other characters");
	} else {
		CHECK(rc == MN_ERR_INVALID, in, "integer failed oddly");
	}
	passed++;
}

static void
check_name(const char *in)
{
	struct mn_error err;
	int rc = mn_valid_person_name(in, "fuzz", &err);

	if (rc == MN_OK) {
		CHECK(valid_utf8(in), in, "name accepted invalid UTF-8");
		CHECK(!has_control(in), in, "name accepted a control");
		CHECK(strpbrk(in, "0123456789.,;:\"<>/\\@") == NULL, in,
		    "name accepted a digit or punctuation");
		CHECK(strchr(" -'", in[0]) == NULL, in,
		    "name starts with a non-letter");
	} else {
		CHECK(rc == MN_ERR_INVALID, in, "name failed oddly");
		CHECK(!has_control(err.message), in,
		    "name message has a control");
	}
	passed++;
}

static void
check_id(const char *in)
{
	static const int sexes[] = { 0, 'M', 'F' };
	struct mn_error err;
	char digits[16];
	int rc;

	rc = mn_personal_id_normalise(in, digits, sizeof digits, &err);
	if (rc == MN_OK) {
		CHECK(strlen(digits) == 12 &&
		    strspn(digits, "0123456789") == 12, in,
		    "ID normalised to something other than 12 digits");
		CHECK(strspn(in, "0123456789 .") == strlen(in), in,
		    "ID accepted other characters");
	} else {
		CHECK(rc == MN_ERR_INVALID, in, "ID normalise failed oddly");
		CHECK(digits[0] == '\0', in, "ID normalise left output");
	}
	for (size_t i = 0; i < 3; i++) {
		int year = 1990 + (int)rng_below(40);
		int check = mn_personal_id_check(in, sexes[i], year, &err);

		CHECK((check == MN_ERR_INVALID) == (rc != MN_OK), in,
		    "ID check and normalise disagree");
		if (check == MN_OK) {
			int g = digits[3] - '0';
			int born = 1900 + g / 2 * 100 + (digits[4] - '0') * 10 +
			    digits[5] - '0';

			CHECK(born == year, in, "ID accepted a wrong year");
			CHECK(sexes[i] == 0 ||
			    (g % 2 == 1) == (sexes[i] == 'F'), in,
			    "ID accepted a wrong sex");
		} else {
			CHECK(check == MN_ERR_INVALID ||
			    check == MN_ERR_MISMATCH, in,
			    "ID check returned an unknown status");
		}
	}
	passed++;
}

static void
check_phone(const char *in)
{
	struct mn_error err;
	char out[16], again[16];
	size_t n;
	int rc;

	rc = mn_phone_normalise(in, out, sizeof out, "fuzz", &err);
	if (rc == MN_OK) {
		n = strlen(out);
		CHECK(strspn(out, "0123456789") == n, in,
		    "phone canonical form has non-digits");
		CHECK((n == 10 && strchr("35789", out[1]) != NULL) ||
		    (n == 11 && out[1] == '2'), in, "phone has a wrong form");
		CHECK(out[0] == '0', in, "phone does not start with 0");
		CHECK(mn_phone_normalise(out, again, sizeof again, "fuzz",
		    &err) == MN_OK && strcmp(out, again) == 0, in,
		    "phone normalise is not idempotent");
		CHECK(strspn(in, "+0123456789 .-") == strlen(in), in,
		    "phone accepted other characters");
	} else {
		CHECK(rc == MN_ERR_INVALID, in, "phone failed oddly");
	}
	CHECK((mn_valid_phone(in, "fuzz", &err) == MN_OK) == (rc == MN_OK),
	    in, "valid_phone and normalise disagree");
	passed++;
}

static void
check_login(const char *in)
{
	struct mn_error err;
	size_t n = strlen(in);

	if (mn_valid_login(in, &err) == MN_OK) {
		CHECK(n >= 1, in, "login is empty");
		CHECK(n <= 32, in, "login longer than 32");
		CHECK(in[0] >= 'a' && in[0] <= 'z', in,
		    "login does not start with a letter");
		CHECK(strspn(in, "abcdefghijklmnopqrstuvwxyz0123456789._-") ==
		    n, in, "login has other characters");
	}
	passed++;
}

static void
check_config_file(const char *path, const char *shown)
{
	struct mn_config cfg;
	struct mn_error err;
	int rc;

	mn_config_defaults(&cfg);
	mn_error_clear(&err);
	rc = mn_config_load(&cfg, path, &err);
	if (rc == MN_OK) {
		CHECK(memchr(cfg.db_path, '\0', sizeof cfg.db_path) != NULL &&
		    memchr(cfg.school_name, '\0', sizeof cfg.school_name) !=
		    NULL && memchr(cfg.timezone, '\0', sizeof cfg.timezone) !=
		    NULL, shown, "config string not terminated");
		CHECK(cfg.language == MN_LANG_VI || cfg.language == MN_LANG_EN,
		    shown, "config language out of range");
	} else {
		CHECK(rc == MN_ERR_INVALID || rc == MN_ERR_IO, shown,
		    "config failed oddly");
		CHECK(err.message[0] != '\0', shown,
		    "config failed without a message");
	}
	passed++;
}

/*
 * Reads every record of a CSV text: each call must end in a record, the
 * end, or a rejection with a message, records must come in line order,
 * and every field must be valid UTF-8 without NUL bytes.
 */
static void
check_csv(const char *in)
{
	struct mn_csv_reader *r = NULL;
	struct mn_csv_row row;
	struct mn_error err = { 0 };
	size_t last_line = 0;
	int rc, records = 0;

	rc = mn_csv_open_mem(in, strlen(in), "fuzz.csv", &r, &err);
	if (rc != MN_OK) {
		CHECK(rc == MN_ERR_INVALID && err.message[0] != '\0', in,
		    "CSV open failed without a message");
		return;
	}
	while ((rc = mn_csv_next(r, &row, &err)) == MN_OK && records < 10000) {
		records++;
		CHECK(row.line >= last_line, in, "CSV records out of order");
		last_line = row.line;
		for (size_t i = 0; i < row.count; i++)
			CHECK(row.fields[i] != NULL &&
			    valid_utf8(row.fields[i]), in,
			    "CSV field is not valid UTF-8");
	}
	mn_csv_close(r);
	CHECK(rc == MN_OK || rc == MN_ERR_NOTFOUND ||
	    (rc == MN_ERR_INVALID && err.message[0] != '\0'), in,
	    "CSV reader failed without a message");
	passed++;
}

static void
check_input(enum kind kind, const char *in)
{
	check_text(in);
	switch (kind) {
	case DATES:
		check_date(in);
		break;
	case NUMBERS:
		check_number(in);
		break;
	case NAMES:
		check_name(in);
		break;
	case IDS:
		check_id(in);
		break;
	case PHONES:
		check_phone(in);
		break;
	case LOGINS:
		check_login(in);
		break;
	case CSV:
		check_csv(in);
		break;
	default:
		break;
	}
}

/* Fragments that tend to reach edge cases in the parsers. */
static const char *const fragments[] = {
	"/", ".", ",", "-", "+", " ", "  ", "0", "9", "29", "31", "02",
	"1900", "2200", "84", "+84", "\t", "\n", "\x1b[2J", "\x7f", "\xff",
	"\xc3", "\xc2\x85", "\xcc\x81", "\xcc\xa3", "\xe2\x80\xae",
	"\xe2\x81\xa6", "\xef\xbb\xbf", "\xc4\x91", "\xe1\xbb\x85",
	"\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "'", "\xe2\x80\x99",
	"e", "E", "inf", "nan", "0x", "a", "Z",
};

/* Applies one to four random edits to buf (length *len, max cap - 1). */
static void
mutate(char *buf, size_t *len, size_t cap)
{
	int edits = 1 + (int)rng_below(4);

	for (int e = 0; e < edits; e++) {
		size_t pos = rng_below(*len + 1);
		const char *frag;
		size_t flen;

		switch (rng_below(6)) {
		case 0:		/* replace a byte with a random one */
			if (*len > 0)
				buf[rng_below(*len)] =
				    (char)(1 + rng_below(255));
			break;
		case 1:		/* delete a run */
			if (*len > 0) {
				size_t n = 1 + rng_below(3);

				if (pos + n > *len)
					n = *len - pos;
				memmove(buf + pos, buf + pos + n,
				    *len - pos - n);
				*len -= n;
			}
			break;
		case 2:		/* insert a fragment */
		case 3:
			frag = fragments[rng_below(sizeof fragments /
			    sizeof fragments[0])];
			flen = strlen(frag);
			if (*len + flen < cap) {
				memmove(buf + pos + flen, buf + pos,
				    *len - pos);
				memcpy(buf + pos, frag, flen);
				*len += flen;
			}
			break;
		case 4:		/* swap two bytes */
			if (*len > 1) {
				size_t a = rng_below(*len), b = rng_below(*len);
				char t = buf[a];

				buf[a] = buf[b];
				buf[b] = t;
			}
			break;
		default:	/* truncate */
			*len = pos;
			break;
		}
	}
	buf[*len] = '\0';
}

/*
 * Reads a corpus file and drops one final newline.  Unless keep_nul is
 * set, the input ends at the first NUL byte, as every parser takes a C
 * string.
 */
static bool
read_input(const char *path, char *buf, size_t cap, size_t *len,
    bool keep_nul)
{
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		fprintf(stderr, "fuzz: cannot open %s: %s\n", path,
		    strerror(errno));
		return false;
	}
	*len = fread(buf, 1, cap - 1, f);
	fclose(f);
	if (*len > 0 && buf[*len - 1] == '\n')
		(*len)--;
	buf[*len] = '\0';
	if (!keep_nul)
		*len = strlen(buf);
	return true;
}

static bool
write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	bool ok;

	if (f == NULL)
		return false;
	ok = fwrite(data, 1, len, f) == len;
	return fclose(f) == 0 && ok;
}

static void
fuzz_config(const char *path, const char *seed, size_t seed_len,
    int mutations)
{
	char buf[INPUT_MAX_BYTES];
	char tmp[PATH_MAX + 32];

	check_config_file(path, path);
	snprintf(tmp, sizeof tmp, "%s/mutated.ini", tmpdir);
	for (int i = 0; i < mutations; i++) {
		size_t len = seed_len;

		memcpy(buf, seed, seed_len + 1);
		mutate(buf, &len, sizeof buf);
		/* Configuration files are bytes, so NULs are kept. */
		if (!write_file(tmp, buf, len)) {
			report(buf, "cannot write mutated config");
			return;
		}
		check_config_file(tmp, buf);
	}
}

static void
fuzz_file(enum kind kind, const char *path, int mutations)
{
	char seed[INPUT_MAX_BYTES], buf[INPUT_MAX_BYTES];
	size_t seed_len;

	current_file = path;
	if (!read_input(path, seed, sizeof seed, &seed_len, kind == CONFIG)) {
		failed++;
		return;
	}
	if (kind == CONFIG) {
		int n = mutations < CONFIG_MUTATIONS ? mutations :
		    CONFIG_MUTATIONS;

		fuzz_config(path, seed, seed_len, n);
		return;
	}
	check_input(kind, seed);
	for (int i = 0; i < mutations; i++) {
		size_t len = seed_len;

		memcpy(buf, seed, seed_len + 1);
		mutate(buf, &len, sizeof buf);
		check_input(kind, buf);
	}
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Fuzzes every regular file of one corpus folder, in name order. */
static int
fuzz_dir(const char *corpus, enum kind kind, int mutations)
{
	char dir[PATH_MAX], path[PATH_MAX * 2];
	char *names[1024];
	size_t count = 0;
	struct dirent *ent;
	DIR *d;

	snprintf(dir, sizeof dir, "%s/%s", corpus, kind_dirs[kind]);
	d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "fuzz: cannot open %s: %s\n", dir,
		    strerror(errno));
		return -1;
	}
	while ((ent = readdir(d)) != NULL && count < 1024) {
		struct stat st;

		snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
		if (ent->d_name[0] == '.' || stat(path, &st) != 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		names[count++] = strdup(ent->d_name);
	}
	closedir(d);
	qsort(names, count, sizeof names[0], by_name);
	for (size_t i = 0; i < count; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		fuzz_file(kind, path, mutations);
		free(names[i]);
	}
	return (int)count;
}

static void
remove_tmpdir(void)
{
	char path[PATH_MAX + 32];

	snprintf(path, sizeof path, "%s/mutated.ini", tmpdir);
	unlink(path);
	rmdir(tmpdir);
}

int
main(int argc, char **argv)
{
	const char *base = getenv("TMPDIR");
	int mutations = DEFAULT_MUTATIONS;
	int missing = 0;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s CORPUS_DIR [MUTATIONS]\n", argv[0]);
		return 2;
	}
	if (argc == 3)
		mutations = atoi(argv[2]);
	if (mutations < 0) {
		fprintf(stderr, "fuzz: MUTATIONS must be 0 or more\n");
		return 2;
	}
	snprintf(tmpdir, sizeof tmpdir, "%s/mamnon-fuzz-XXXXXX",
	    base != NULL ? base : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		perror("fuzz: mkdtemp");
		return 2;
	}
	atexit(remove_tmpdir);

	for (int k = 0; k < KINDS; k++) {
		int n = fuzz_dir(argv[1], (enum kind)k, mutations);

		if (n <= 0) {
			fprintf(stderr, "fuzz: no corpus files for %s\n",
			    kind_dirs[k]);
			missing++;
		}
	}
	printf("fuzz: %lu passed, %lu failed\n", passed, failed);
	return failed == 0 && missing == 0 ? 0 : 1;
}
