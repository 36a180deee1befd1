/*
 * Unicode text handling: cleaning, folding and search, Vietnamese name
 * order, display width and safe display copies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/text.h"

/* "Nguyễn" typed precomposed (NFC) and as e + circumflex + tilde (NFD). */
#define NGUYEN_NFC "Nguy\xe1\xbb\x85n"
#define NGUYEN_NFD "Nguye\xcc\x82\xcc\x83n"

static void
clean_ok(const char *in, size_t max, const char *expected)
{
	struct mn_error err;
	char *out = NULL;

	mn_error_clear(&err);
	assert_int_equal(mn_text_clean(in, "Họ tên", max, &out, &err), MN_OK);
	assert_non_null(out);
	assert_string_equal(out, expected);
	free(out);
}

static void
test_clean_nfc_equivalence(void **state)
{
	clean_ok(NGUYEN_NFC, 0, NGUYEN_NFC);
	clean_ok(NGUYEN_NFD, 0, NGUYEN_NFC);
	clean_ok(NGUYEN_NFD " Th\xe1\xbb\x8b H\xc3\xa0", 0,
	    NGUYEN_NFC " Th\xe1\xbb\x8b H\xc3\xa0");
	/* "Thị" typed as i + dot below. */
	clean_ok("Thi\xcc\xa3", 0, "Th\xe1\xbb\x8b");
}

static void
test_clean_removes_controls(void **state)
{
	static const struct {
		const char *in;
		const char *expected;
	} cases[] = {
		{ "  Lan   Anh  ", "Lan Anh" },
		{ "Lan\tAnh\r\n", "Lan Anh" },
		{ "Lan\x1b[2JAnh", "Lan[2JAnh" },
		{ "A\x7f" "B", "AB" },
		{ "A\xc2\x80" "B", "AB" },			/* C1 PAD */
		/* C1 NEL is a line break, so it becomes a space. */
		{ "A\xc2\x85" "B", "A B" },
		{ "A\xe2\x80\xae" "B", "AB" },			/* RLO */
		{ "A\xe2\x81\xa6" "B\xe2\x81\xa9", "AB" },	/* LRI, PDI */
		{ "A\xe2\x80\x8e\xe2\x80\x8f" "B", "AB" },	/* LRM, RLM */
		{ "A\xd8\x9c" "B", "AB" },			/* ALM */
		{ "\xef\xbb\xbf" "An", "An" },			/* BOM */
		{ "A\xc2\xa0\xc2\xa0" "B", "A B" },		/* NBSP run */
		{ "\t\n ", "" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		clean_ok(cases[i].in, 0, cases[i].expected);
}

static void
test_clean_rejects_invalid_utf8(void **state)
{
	static const char *bad[] = {
		"An\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xe1\xbb",
	};
	struct mn_error err;
	char *out;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		mn_error_clear(&err);
		out = (char *)1;
		assert_int_equal(mn_text_clean(bad[i], "Ghi chú", 0, &out,
		    &err), MN_ERR_INVALID);
		assert_null(out);
		assert_string_equal(err.field, "Ghi chú");
		assert_non_null(strstr(err.message, "Ghi chú"));
		assert_non_null(strstr(err.message, "UTF-8"));
	}
}

static void
test_clean_max_chars(void **state)
{
	struct mn_error err;
	char *out = NULL;

	/* NFD input counts after NFC: "Nguyễn" is 6 characters. */
	clean_ok(NGUYEN_NFD, 6, NGUYEN_NFC);
	mn_error_clear(&err);
	assert_int_equal(mn_text_clean(NGUYEN_NFD, "Tên", 5, &out, &err),
	    MN_ERR_INVALID);
	assert_null(out);
	assert_non_null(strstr(err.message, "Tên"));
	assert_non_null(strstr(err.message, "5"));
}

static void
fold_is(const char *in, const char *expected)
{
	char *out = mn_text_fold(in);

	assert_non_null(out);
	assert_string_equal(out, expected);
	free(out);
}

static void
test_fold_cases(void **state)
{
	fold_is("Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc3\xa0", "nguyen thi ha");
	fold_is(NGUYEN_NFD, "nguyen");
	fold_is("\xc4\x90\xe1\xba\xa1t", "dat");		/* Đạt */
	fold_is("\xc4\x91\xc6\xb0\xe1\xbb\x9dng", "duong");	/* đường */
	fold_is("D\xc5\xa9ng", "dung");				/* Dũng */
	fold_is("  \xc6\xa0N \t  \xc6\xaf  ", "on u");		/* ƠN Ư */
	fold_is("h\xc3\xb2" "a", "hoa");			/* hòa */
	fold_is("ho\xc3\xa0", "hoa");				/* hoà */
	fold_is("\xef\xbc\xa1" "B", "ab");			/* full-width */
	fold_is("\xe2\x84\xa1", "tel");			/* U+2121 */
	fold_is("\xc4\xb0" "A", "ia");				/* U+0130 */
}

static bool
search(const char *haystack, const char *needle)
{
	char *h = mn_text_fold(haystack);
	char *n = mn_text_fold(needle);
	bool found;

	assert_non_null(h);
	assert_non_null(n);
	found = mn_text_matches(h, n);
	free(h);
	free(n);
	return found;
}

static void
test_matches_rule(void **state)
{
	static const struct {
		const char *haystack;
		const char *needle;
		bool found;
	} cases[] = {
		{ "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc3\xa0", "nguyen thi ha",
		    true },
		{ "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc3\xa0", "ha nguyen",
		    true },
		{ "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc3\xa0", "NGUY", true },
		{ "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc3\xa0", "nguyen lan",
		    false },
		{ "L\xc3\xbd Ti\xe1\xba\xbfn D\xc5\xa9ng", "dung", true },
		{ "B\xc3\xb9i V\xc4\x83n Dung", "dung", true },
		{ "B\xc3\xb9i V\xc4\x83n Dung", "d\xc5\xa9ng", true },
		{ "Ngô Thành Đạt", "dat", true },
		{ "Tr\xe1\xba\xa7n Th\xe1\xbb\xa7y", "thuy", true },
		{ "Tr\xe1\xba\xa7n Anh", "", true },
		{ "Tr\xe1\xba\xa7n Anh", "binh", false },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool found = search(cases[i].haystack, cases[i].needle);

		if (found != cases[i].found)
			fail_msg("search \"%s\" in \"%s\": got %d",
			    cases[i].needle, cases[i].haystack, found);
	}
}

struct keyed {
	const char *name;
	char *key;
};

static int
by_key(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	return strcmp(x->key, y->key);
}

/*
 * Expected class-list order, sorted by given name and then by the family
 * and middle names.  It follows the Vietnamese alphabet
 * (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y) and the tone
 * order none, huyền, hỏi, ngã, sắc, nặng.
 *   An < Anh (prefix) < Ánh (same letters, sắc tone) < Ân (a < â);
 *   the four "Anh" differ in the rest: Dương < Đỗ (d < đ) < Lê < Phạm;
 *   Dung < Dũng (tone only); Đạt after D, Ênuôl after Đ (đ < e < ê);
 *   Hà < Hải (prefix) < Hạnh (i < n); Ngọc < Niê (g < i);
 *   Ơn after O-words, Ư after U-words, Yến last.
 * The literals are UTF-8 in NFC.
 */
static const char *const class_order[] = {
	"Nguyễn Văn An",
	"Dương Minh Anh",
	"Đỗ Minh Anh",
	"Lê Bảo Anh",
	"Phạm Minh Anh",
	"Trần Thị Ánh",
	"Võ Thị Ân",
	"Đỗ Thanh Bình",
	"Hoàng Mai Chi",
	"Bùi Văn Dung",
	"Lý Tiến Dũng",
	"Ngô Thành Đạt",
	"Y Moan Ênuôl",
	"Vũ Thu Hà",
	"Trịnh Văn Hải",
	"Mai Thị Hạnh",
	"Phan Thị Ngọc",
	"H'Hen Niê",
	"Lâm Văn Ơn",
	"Đinh Thị Ư",
	"Hồ Ngọc Yến",
};

#define CLASS_SIZE (sizeof class_order / sizeof class_order[0])

static void
test_name_sortkey_class_order(void **state)
{
	struct keyed list[CLASS_SIZE];
	size_t i;

	/* Fill in reverse so the sort has to move every entry. */
	for (i = 0; i < CLASS_SIZE; i++) {
		list[i].name = class_order[CLASS_SIZE - 1 - i];
		list[i].key = mn_text_name_sortkey(list[i].name);
		assert_non_null(list[i].key);
	}
	qsort(list, CLASS_SIZE, sizeof list[0], by_key);
	for (i = 0; i < CLASS_SIZE; i++) {
		if (strcmp(list[i].name, class_order[i]) != 0)
			fail_msg("position %zu: got \"%s\", expected \"%s\"",
			    i, list[i].name, class_order[i]);
	}
	for (i = 0; i < CLASS_SIZE; i++)
		free(list[i].key);
}

static void
test_name_sortkey_nfd_and_spaces(void **state)
{
	char *a = mn_text_name_sortkey(NGUYEN_NFC " V\xc4\x83n An");
	char *b = mn_text_name_sortkey("  " NGUYEN_NFD "  V\xc4\x83n An ");

	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a, b);
	for (const char *p = a; *p != '\0'; p++)
		assert_non_null(strchr("0123456789abcdef", *p));
	free(a);
	free(b);
}

/* Fails unless each text's mn_text_sortkey is above the previous one. */
static void
assert_ascending(const char *const *texts, size_t n)
{
	char *prev = NULL;

	for (size_t i = 0; i < n; i++) {
		char *key = mn_text_sortkey(texts[i]);

		assert_non_null(key);
		if (prev != NULL && strcmp(prev, key) >= 0)
			fail_msg("\"%s\" does not sort after \"%s\"",
			    texts[i], texts[i - 1]);
		free(prev);
		prev = key;
	}
	free(prev);
}

static void
test_sortkey_plain_order(void **state)
{
	static const char *const letters[] = {
		"a", "\xc4\x83", "\xc3\xa2", "b", "d", "\xc4\x91", "e",
		"\xc3\xaa", "o", "\xc3\xb4", "\xc6\xa1", "u", "\xc6\xb0", "y",
	};
	/* No mark, huyền, hỏi, ngã, sắc, nặng. */
	static const char *const tones[] = {
		"ma", "m\xc3\xa0", "m\xe1\xba\xa3", "m\xc3\xa3",
		"m\xc3\xa1", "m\xe1\xba\xa1",
	};

	assert_ascending(letters, sizeof letters / sizeof letters[0]);
	assert_ascending(tones, sizeof tones / sizeof tones[0]);
}

static void
test_width(void **state)
{
	static const struct {
		const char *text;
		int width;
	} cases[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ NGUYEN_NFC, 6 },
		{ NGUYEN_NFD, 6 },
		{ "Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t", 10 },	/* Tiếng Việt */
		{ "\xe4\xb8\xad\xe6\x96\x87", 4 },		/* 中文 */
		{ "\xef\xbc\xa1", 2 },			/* full-width A */
		{ "a\xcc\x81\xcc\xa3", 1 },		/* a + 2 marks */
		{ "\x1b[2J", 4 },			/* ESC takes 1 cell */
		{ "\xff", 1 },					/* shown as ? */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int w = mn_text_width(cases[i].text);

		if (w != cases[i].width)
			fail_msg("case %zu: width %d, expected %d", i, w,
			    cases[i].width);
	}
}

static void
test_safe_escape_sequence(void **state)
{
	char out[64];

	mn_text_safe("\x1b[2J", out, sizeof out);
	assert_string_equal(out, "\xef\xbf\xbd[2J");
	mn_text_safe("a\xe2\x80\xae" "b", out, sizeof out);
	assert_string_equal(out, "a\xef\xbf\xbd" "b");
	mn_text_safe("a\xff" "b\xc3", out, sizeof out);
	assert_string_equal(out, "a?b?");
	mn_text_safe(NGUYEN_NFC, out, sizeof out);
	assert_string_equal(out, NGUYEN_NFC);
}

static void
test_safe_truncation(void **state)
{
	char out[8];

	/* "Nguyễn" is 8 bytes; the 3-byte ễ must not be split. */
	memset(out, 'x', sizeof out);
	mn_text_safe(NGUYEN_NFC, out, 6);
	assert_string_equal(out, "Nguy");
	mn_text_safe(NGUYEN_NFC, out, 8);
	assert_string_equal(out, "Nguy\xe1\xbb\x85");
	mn_text_safe("\x1b\x1b", out, 5);
	assert_string_equal(out, "\xef\xbf\xbd");
	mn_text_safe("abc", out, 1);
	assert_string_equal(out, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_nfc_equivalence),
		cmocka_unit_test(test_clean_removes_controls),
		cmocka_unit_test(test_clean_rejects_invalid_utf8),
		cmocka_unit_test(test_clean_max_chars),
		cmocka_unit_test(test_fold_cases),
		cmocka_unit_test(test_matches_rule),
		cmocka_unit_test(test_name_sortkey_class_order),
		cmocka_unit_test(test_name_sortkey_nfd_and_spaces),
		cmocka_unit_test(test_sortkey_plain_order),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_safe_escape_sequence),
		cmocka_unit_test(test_safe_truncation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
