/*
 * Unicode text handling for Vietnamese with ICU: input cleaning, search
 * folding, collation keys and display width.  Every function works on
 * UTF-8 and does not depend on the process locale, so it behaves the same
 * under LANG=C as under vi_VN.UTF-8.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

#include "core/text.h"

/* Bidirectional formatting characters, which can reorder displayed text. */
static bool
is_bidi_control(UChar32 c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x200e || c == 0x200f || c == 0x061c;
}

/* C0 controls, DEL and C1 controls. */
static bool
is_control(UChar32 c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/*
 * Converts UTF-8 to a malloc'd, NUL-terminated UTF-16 buffer.  With
 * strict set, ill-formed input fails; otherwise each bad sequence becomes
 * U+FFFD.
 */
static UChar *
utf16_from_utf8(const char *in, bool strict, int32_t *len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = 0;
	UChar *buf;

	if (strict)
		u_strFromUTF8(NULL, 0, &n, in, -1, &status);
	else
		u_strFromUTF8WithSub(NULL, 0, &n, in, -1, 0xfffd, NULL,
		    &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return NULL;
	buf = malloc(((size_t)n + 1) * sizeof *buf);
	if (buf == NULL)
		return NULL;
	status = U_ZERO_ERROR;
	if (strict)
		u_strFromUTF8(buf, n + 1, len, in, -1, &status);
	else
		u_strFromUTF8WithSub(buf, n + 1, len, in, -1, 0xfffd, NULL,
		    &status);
	if (U_FAILURE(status)) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Converts UTF-16 to a malloc'd UTF-8 string. */
static char *
utf8_from_utf16(const UChar *in, int32_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = 0;
	char *buf;

	u_strToUTF8(NULL, 0, &n, in, len, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return NULL;
	buf = malloc((size_t)n + 1);
	if (buf == NULL)
		return NULL;
	status = U_ZERO_ERROR;
	u_strToUTF8(buf, n + 1, NULL, in, len, &status);
	if (U_FAILURE(status)) {
		free(buf);
		return NULL;
	}
	return buf;
}

/*
 * Applies an ICU normaliser to in[0..len) and returns a malloc'd result
 * with its length in *out_len.
 */
static UChar *
normalize(const UNormalizer2 *norm, const UChar *in, int32_t len,
    int32_t *out_len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n;
	UChar *buf;

	n = unorm2_normalize(norm, in, len, NULL, 0, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return NULL;
	buf = malloc(((size_t)n + 1) * sizeof *buf);
	if (buf == NULL)
		return NULL;
	status = U_ZERO_ERROR;
	*out_len = unorm2_normalize(norm, in, len, buf, n + 1, &status);
	if (U_FAILURE(status)) {
		free(buf);
		return NULL;
	}
	return buf;
}

/*
 * Removes controls and bidi characters and collapses white space in
 * place.  Tabs and line breaks count as white space.  U+FEFF and U+200B,
 * which some editors insert invisibly, are removed too.
 */
static int32_t
strip_and_collapse(UChar *s, int32_t len)
{
	int32_t i = 0, o = 0;
	bool pending_space = false;

	while (i < len) {
		UChar32 c;
		int32_t start = i;

		U16_NEXT(s, i, len, c);
		if (c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
		    c == '\f' || u_isUWhiteSpace(c)) {
			pending_space = o > 0;
			continue;
		}
		if (is_control(c) || is_bidi_control(c) || c == 0xfeff ||
		    c == 0x200b)
			continue;
		if (pending_space) {
			s[o++] = ' ';
			pending_space = false;
		}
		while (start < i)
			s[o++] = s[start++];
	}
	return o;
}

int
mn_text_clean(const char *in, const char *field, size_t max_chars,
    char **out, struct mn_error *err)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfc;
	UChar *raw, *norm;
	int32_t len, norm_len;
	int32_t chars;

	*out = NULL;
	if (in == NULL)
		in = "";
	raw = utf16_from_utf8(in, true, &len);
	if (raw == NULL)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: the text is not valid UTF-8; retype it or save "
		    "the file as UTF-8",
		    "%s: văn bản không phải UTF-8 hợp lệ; hãy gõ lại hoặc "
		    "lưu tệp dạng UTF-8"), field);
	len = strip_and_collapse(raw, len);
	nfc = unorm2_getNFCInstance(&status);
	if (U_FAILURE(status)) {
		free(raw);
		return mn_fail(err, MN_ERR_NOMEM, field, "%s: %s", field,
		    T("Unicode normalisation data is unavailable",
		    "không tải được dữ liệu chuẩn hoá Unicode"));
	}
	norm = normalize(nfc, raw, len, &norm_len);
	free(raw);
	if (norm == NULL)
		return mn_fail(err, MN_ERR_NOMEM, field, "%s: %s", field,
		    T("out of memory", "hết bộ nhớ"));
	chars = u_countChar32(norm, norm_len);
	if (max_chars > 0 && (size_t)chars > max_chars) {
		free(norm);
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: the text has %d characters; at most %zu are "
		    "allowed",
		    "%s: văn bản dài %d ký tự; tối đa %zu ký tự"),
		    field, (int)chars, max_chars);
	}
	*out = utf8_from_utf16(norm, norm_len);
	free(norm);
	if (*out == NULL)
		return mn_fail(err, MN_ERR_NOMEM, field, "%s: %s", field,
		    T("out of memory", "hết bộ nhớ"));
	return MN_OK;
}

/*
 * Case folds s[0..len) into a new malloc'd buffer; *out_len gets the
 * length.
 */
static UChar *
case_fold(const UChar *s, int32_t len, int32_t *out_len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n;
	UChar *buf;

	n = u_strFoldCase(NULL, 0, s, len, U_FOLD_CASE_DEFAULT, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return NULL;
	buf = malloc(((size_t)n + 1) * sizeof *buf);
	if (buf == NULL)
		return NULL;
	status = U_ZERO_ERROR;
	*out_len = u_strFoldCase(buf, n + 1, s, len, U_FOLD_CASE_DEFAULT,
	    &status);
	if (U_FAILURE(status)) {
		free(buf);
		return NULL;
	}
	return buf;
}

/*
 * Folding order: compatibility decomposition (NFKD, so full-width letters
 * and symbols such as U+338B match their plain letters), case folding,
 * NFKD again because a few case foldings yield composed letters, then
 * marks dropped, đ mapped to d and white space collapsed.
 */
char *
mn_text_fold(const char *in)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfkd;
	UChar *raw, *step, *folded, *decomp;
	int32_t len, n, i, o;
	bool pending_space = false;
	char *result;

	if (in == NULL)
		return NULL;
	nfkd = unorm2_getNFKDInstance(&status);
	if (U_FAILURE(status))
		return NULL;
	raw = utf16_from_utf8(in, false, &len);
	if (raw == NULL)
		return NULL;
	step = normalize(nfkd, raw, len, &n);
	free(raw);
	if (step == NULL)
		return NULL;
	folded = case_fold(step, n, &len);
	free(step);
	if (folded == NULL)
		return NULL;
	decomp = normalize(nfkd, folded, len, &len);
	free(folded);
	if (decomp == NULL)
		return NULL;

	for (i = 0, o = 0; i < len;) {
		UChar32 c;
		int8_t type;

		U16_NEXT(decomp, i, len, c);
		type = u_charType(c);
		if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
		    type == U_COMBINING_SPACING_MARK)
			continue;
		if (is_control(c) || is_bidi_control(c) ||
		    u_isUWhiteSpace(c)) {
			pending_space = o > 0;
			continue;
		}
		if (type == U_FORMAT_CHAR)
			continue;
		if (pending_space) {
			decomp[o++] = ' ';
			pending_space = false;
		}
		if (c == 0x0111 || c == 0x0110)
			c = 'd';
		/* Each kept character keeps its length, so o never passes i. */
		U16_APPEND_UNSAFE(decomp, o, c);
	}
	result = utf8_from_utf16(decomp, o);
	free(decomp);
	return result;
}

/*
 * Search rule: the needle is split at spaces and every word must occur
 * somewhere in the haystack as a substring, in any order.  So "ha thi"
 * and "nguyen ha" both match "nguyen thi ha".  An empty needle matches.
 */
bool
mn_text_matches(const char *folded_haystack, const char *folded_needle)
{
	const char *p = folded_needle;

	if (folded_haystack == NULL || folded_needle == NULL)
		return false;
	for (;;) {
		const char *end;
		size_t n;
		const char *h;
		bool found = false;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			return true;
		end = strchr(p, ' ');
		n = end != NULL ? (size_t)(end - p) : strlen(p);
		for (h = folded_haystack; *h != '\0'; h++) {
			if (strncmp(h, p, n) == 0) {
				found = true;
				break;
			}
		}
		if (!found)
			return false;
		p += n;
	}
}

static pthread_once_t collator_once = PTHREAD_ONCE_INIT;
static UCollator *collator;

/*
 * Opens the Vietnamese collator once per process.  ICU documents
 * ucol_getSortKey on a shared collator as safe across threads.  The
 * collator stays open until exit.
 */
static void
open_collator(void)
{
	UErrorCode status = U_ZERO_ERROR;

	collator = ucol_open("vi", &status);
	if (U_FAILURE(status)) {
		collator = NULL;
		return;
	}
	/* Input may be NFD; the "vi" tailoring assumes normalised text. */
	ucol_setAttribute(collator, UCOL_NORMALIZATION_MODE, UCOL_ON,
	    &status);
}

/* Replaces each run of ASCII spaces with one space, in place. */
static void
squeeze_spaces(char *s)
{
	char *o = s;

	for (const char *p = s; *p != '\0'; p++)
		if (*p != ' ' || o == s || o[-1] != ' ')
			*o++ = *p;
	*o = '\0';
}

/*
 * Appends the sort key of UTF-8 text in[0..len), without its final 0x00,
 * to a growing byte buffer.  Runs of spaces count as one space, so that
 * spacing typos do not move a name.  Returns false on failure.
 */
static bool
append_sortkey(const char *in, size_t len, uint8_t **buf, size_t *used)
{
	char *copy;
	UChar *text;
	int32_t text_len, n;
	uint8_t *grown;

	if (collator == NULL)
		return false;
	copy = strndup(in, len);
	if (copy == NULL)
		return false;
	squeeze_spaces(copy);
	text = utf16_from_utf8(copy, false, &text_len);
	free(copy);
	if (text == NULL)
		return false;
	n = ucol_getSortKey(collator, text, text_len, NULL, 0);
	grown = n > 0 ? realloc(*buf, *used + (size_t)n) : NULL;
	if (grown == NULL) {
		free(text);
		return false;
	}
	*buf = grown;
	ucol_getSortKey(collator, text, text_len, *buf + *used, n);
	free(text);
	/* n counts the terminating 0x00, which is dropped. */
	*used += (size_t)n - 1;
	return true;
}

static char *
hex_encode(const uint8_t *bytes, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	char *out = malloc(2 * n + 1);

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[bytes[i] >> 4];
		out[2 * i + 1] = digits[bytes[i] & 0xf];
	}
	out[2 * n] = '\0';
	return out;
}

char *
mn_text_sortkey(const char *text)
{
	uint8_t *key = NULL;
	size_t used = 0;
	char *hex;

	if (text == NULL)
		return NULL;
	pthread_once(&collator_once, open_collator);
	if (!append_sortkey(text, strlen(text), &key, &used)) {
		free(key);
		return NULL;
	}
	hex = hex_encode(key, used);
	free(key);
	return hex;
}

/*
 * Key layout: key(given) 0x01 key(rest).  ICU sort keys use 0x00 and 0x01
 * only as terminator and level separator, so every other key byte is at
 * least 0x02.  When one given name's key is a prefix of another's, the
 * shorter one meets 0x01 first and sorts first, and equal given names
 * fall through to the rest.  Hex encoding keeps the byte order because
 * '0'-'9' < 'a'-'f' in ASCII.
 */
char *
mn_text_name_sortkey(const char *name)
{
	const char *start, *end, *given_name;
	uint8_t *key = NULL, *grown;
	size_t used = 0, rest_len;
	char *hex;

	if (name == NULL)
		return NULL;
	pthread_once(&collator_once, open_collator);
	start = name;
	while (*start == ' ')
		start++;
	end = start + strlen(start);
	while (end > start && end[-1] == ' ')
		end--;
	given_name = end;
	while (given_name > start && given_name[-1] != ' ')
		given_name--;
	rest_len = (size_t)(given_name - start);
	while (rest_len > 0 && start[rest_len - 1] == ' ')
		rest_len--;

	if (!append_sortkey(given_name, (size_t)(end - given_name), &key,
	    &used))
		goto fail;
	grown = realloc(key, used + 1);
	if (grown == NULL)
		goto fail;
	key = grown;
	key[used++] = 0x01;
	if (!append_sortkey(start, rest_len, &key, &used))
		goto fail;
	hex = hex_encode(key, used);
	free(key);
	return hex;
fail:
	free(key);
	return NULL;
}

/*
 * Cells for one code point, decided with ICU properties so the result
 * does not depend on the C library's locale.  Characters mn_text_safe
 * replaces count as their replacement (one cell).
 */
static int
codepoint_width(UChar32 c)
{
	int8_t type;
	int ea;

	if (is_control(c) || is_bidi_control(c) || c == 0x2028 ||
	    c == 0x2029)
		return 1;
	type = u_charType(c);
	if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
	    type == U_FORMAT_CHAR)
		return 0;
	/* Hangul medial vowels and final consonants join the syllable. */
	if (c >= 0x1160 && c <= 0x11ff)
		return 0;
	ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH)
		return 2;
	return 1;
}

int
mn_text_width(const char *text)
{
	const uint8_t *s = (const uint8_t *)text;
	int32_t i = 0, len;
	int width = 0;

	if (text == NULL)
		return 0;
	len = (int32_t)strnlen(text, INT32_MAX);
	while (i < len) {
		UChar32 c;

		U8_NEXT(s, i, len, c);
		width += c < 0 ? 1 : codepoint_width(c);
	}
	return width;
}

void
mn_text_safe(const char *in, char *out, size_t size)
{
	const uint8_t *s = (const uint8_t *)in;
	int32_t i = 0, len;
	size_t o = 0;

	if (out == NULL || size == 0)
		return;
	if (in == NULL) {
		out[0] = '\0';
		return;
	}
	len = (int32_t)strnlen(in, INT32_MAX);
	while (i < len) {
		int32_t start = i;
		UChar32 c;
		size_t n;

		U8_NEXT(s, i, len, c);
		if (c < 0) {
			if (o + 1 >= size)
				break;
			out[o++] = '?';
			continue;
		}
		if (is_control(c) || is_bidi_control(c) || c == 0x2028 ||
		    c == 0x2029) {
			if (o + 3 >= size)
				break;
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			continue;
		}
		n = (size_t)(i - start);
		if (o + n >= size)
			break;
		memcpy(out + o, in + start, n);
		o += n;
	}
	out[o] = '\0';
}

char *
mn_text_nfc(const char *in)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
	UChar *raw, *norm;
	int32_t len, norm_len;
	char *out;

	if (U_FAILURE(status) || in == NULL)
		return NULL;
	raw = utf16_from_utf8(in, true, &len);
	if (raw == NULL)
		return NULL;
	norm = normalize(nfc, raw, len, &norm_len);
	free(raw);
	if (norm == NULL)
		return NULL;
	out = utf8_from_utf16(norm, norm_len);
	free(norm);
	return out;
}
