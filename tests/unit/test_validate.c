/*
 * Validators: logins, person names, phone numbers, personal
 * identification numbers, integers and decimals.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/validate.h"

static void
test_login(void **state)
{
	static const struct {
		const char *login;
		int status;
	} cases[] = {
		{ "a", MN_OK },
		{ "lan.anh", MN_OK },
		{ "gv_mam-1", MN_OK },
		{ "abcdefghijklmnopqrstuvwxyz012345", MN_OK },
		{ "abcdefghijklmnopqrstuvwxyz0123456", MN_ERR_INVALID },
		{ "", MN_ERR_INVALID },
		{ "1abc", MN_ERR_INVALID },
		{ ".abc", MN_ERR_INVALID },
		{ "Lan", MN_ERR_INVALID },
		{ "lan anh", MN_ERR_INVALID },
		{ "l\xc3\xa2n", MN_ERR_INVALID },
		{ "lan\n", MN_ERR_INVALID },
		{ "lan;drop", MN_ERR_INVALID },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mn_error err;
		int rc;

		mn_error_clear(&err);
		rc = mn_valid_login(cases[i].login, &err);
		if (rc != cases[i].status)
			fail_msg("login \"%s\": status %d", cases[i].login, rc);
		if (rc != MN_OK)
			assert_non_null(strstr(err.message, "a-z"));
	}
}

static void
test_person_name(void **state)
{
	static const struct {
		const char *name;
		int status;
	} cases[] = {
		{ "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc3\xa0", MN_OK },
		{ "Nguye\xcc\x82\xcc\x83n", MN_OK },		/* NFD */
		{ "H'Hen Ni\xc3\xaa", MN_OK },
		{ "H\xe2\x80\x99Hen Ni\xc3\xaa", MN_OK },	/* ’ */
		{ "Y Moan \xc3\x8anu\xc3\xb4l", MN_OK },
		{ "Tr\xe1\xba\xa7n-L\xc3\xaa", MN_OK },
		{ "王小明", MN_OK },
		{ "A", MN_OK },
		{ "", MN_ERR_INVALID },
		{ " An", MN_ERR_INVALID },
		{ "An ", MN_ERR_INVALID },
		{ "'An", MN_ERR_INVALID },
		{ "An2", MN_ERR_INVALID },
		{ "An\tB\xc3\xacnh", MN_ERR_INVALID },
		{ "An\x1b[2J", MN_ERR_INVALID },
		{ "An\xe2\x80\xae" "B", MN_ERR_INVALID },
		{ "An\xff", MN_ERR_INVALID },
		{ "An.", MN_ERR_INVALID },
		{ "\xcc\x81" "An", MN_ERR_INVALID },
	};
	char longest[128];
	struct mn_error err;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc;

		mn_error_clear(&err);
		rc = mn_valid_person_name(cases[i].name, "Họ tên", &err);
		if (rc != cases[i].status)
			fail_msg("name %zu: status %d", i, rc);
		if (rc != MN_OK) {
			assert_string_equal(err.field, "Họ tên");
			assert_null(strchr(err.message, '\x1b'));
		}
	}
	memset(longest, 'a', 100);
	longest[100] = '\0';
	assert_int_equal(mn_valid_person_name(longest, "Họ tên", &err), MN_OK);
	longest[100] = 'a';
	longest[101] = '\0';
	assert_int_equal(mn_valid_person_name(longest, "Họ tên", &err),
	    MN_ERR_INVALID);
}

static void
test_phone(void **state)
{
	static const struct {
		const char *in;
		const char *canonical;	/* NULL when invalid */
	} cases[] = {
		{ "0912345678", "0912345678" },
		{ "0912 345 678", "0912345678" },
		{ "0912.345.678", "0912345678" },
		{ "0912-345-678", "0912345678" },
		{ "+84 912 345 678", "0912345678" },
		{ "84912345678", "0912345678" },
		{ "0389999999", "0389999999" },
		{ "0569999999", "0569999999" },
		{ "0709999999", "0709999999" },
		{ "0869999999", "0869999999" },
		{ "02838123456", "02838123456" },
		{ "028 3812 3456", "02838123456" },
		{ "+84 28 3812 3456", "02838123456" },
		{ "0112345678", NULL },
		{ "0212345678", NULL },
		{ "0412345678", NULL },
		{ "091234567", NULL },
		{ "09123456789", NULL },
		{ "912345678", NULL },
		{ "+1 912 345 678", NULL },
		{ "0912x345678", NULL },
		{ "0912/345/678", NULL },
		{ "", NULL },
		{ "+", NULL },
		{ "0912345678+", NULL },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mn_error err;
		char out[16];
		int rc;

		mn_error_clear(&err);
		rc = mn_phone_normalise(cases[i].in, out, sizeof out,
		    "Điện thoại", &err);
		if (cases[i].canonical != NULL) {
			if (rc != MN_OK)
				fail_msg("\"%s\" rejected: %s", cases[i].in,
				    err.message);
			assert_string_equal(out, cases[i].canonical);
			assert_int_equal(mn_valid_phone(cases[i].in,
			    "Điện thoại", &err), MN_OK);
		} else {
			if (rc != MN_ERR_INVALID)
				fail_msg("\"%s\" accepted as %s", cases[i].in,
				    out);
			assert_string_equal(out, "");
			assert_non_null(strstr(err.message, "Điện thoại"));
			assert_int_equal(mn_valid_phone(cases[i].in,
			    "Điện thoại", &err), MN_ERR_INVALID);
		}
	}
}

static void
test_personal_id(void **state)
{
	static const struct {
		const char *id;
		int sex;
		int year;
		int status;
	} cases[] = {
		{ "079220123456", 'M', 2020, MN_OK },
		{ "079 220 123 456", 'M', 2020, MN_OK },
		{ "001321654321", 'F', 2021, MN_OK },
		{ "001090000001", 'M', 1990, MN_OK },
		{ "001190000001", 'F', 1990, MN_OK },
		{ "096421000000", 'M', 2121, MN_OK },
		{ "079220123456", 0, 0, MN_OK },
		{ "07922012345", 'M', 2020, MN_ERR_INVALID },
		{ "0792201234567", 'M', 2020, MN_ERR_INVALID },
		{ "07922012345A", 'M', 2020, MN_ERR_INVALID },
		{ "O79220123456", 'M', 2020, MN_ERR_INVALID },
		{ "", 'M', 2020, MN_ERR_INVALID },
		{ "079-220-123-456", 'M', 2020, MN_ERR_INVALID },
		{ "079220123456", 'F', 2020, MN_ERR_MISMATCH },
		{ "079320123456", 'M', 2020, MN_ERR_MISMATCH },
		{ "079220123456", 'M', 2021, MN_ERR_MISMATCH },
		{ "079020123456", 'M', 2020, MN_ERR_MISMATCH },
		{ "003220123456", 'M', 2020, MN_ERR_MISMATCH },
		{ "000220123456", 0, 0, MN_ERR_MISMATCH },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mn_error err;
		int rc;

		mn_error_clear(&err);
		rc = mn_personal_id_check(cases[i].id, cases[i].sex,
		    cases[i].year, &err);
		if (rc != cases[i].status)
			fail_msg("id \"%s\" %c %d: status %d, expected %d",
			    cases[i].id, cases[i].sex ? cases[i].sex : '-',
			    cases[i].year, rc, cases[i].status);
		if (rc == MN_ERR_INVALID) {
			assert_string_equal(err.field, "Mã định danh");
			assert_non_null(strstr(err.message, "Mã định danh"));
			assert_non_null(strstr(err.message, "12"));
		}
	}
}

static void
test_personal_id_mismatch_message(void **state)
{
	struct mn_error err;

	mn_error_clear(&err);
	assert_int_equal(mn_personal_id_check("079220123456", 'F', 2019,
	    &err), MN_ERR_MISMATCH);
	assert_non_null(strstr(err.message, "2020"));
	assert_non_null(strstr(err.message, "2019"));
	assert_non_null(strstr(err.message, "nam"));
	assert_true(MN_ERR_MISMATCH > MN_ERR_NOMEM);
}

static void
test_parse_decimal(void **state)
{
	static const struct {
		const char *text;
		int decimals;
		double value;
		int status;
	} cases[] = {
		{ "12.5", 1, 12.5, MN_OK },
		{ "12,5", 1, 12.5, MN_OK },
		{ " 12,5 ", 1, 12.5, MN_OK },
		{ "0", 1, 0, MN_OK },
		{ "150", 1, 150, MN_OK },
		{ "3,25", 2, 3.25, MN_OK },
		{ "-0,5", 1, -0.5, MN_ERR_INVALID },	/* below min 0 */
		{ "12,55", 1, 0, MN_ERR_INVALID },
		{ "150,1", 1, 0, MN_ERR_INVALID },
		{ "12,", 1, 0, MN_ERR_INVALID },
		{ ",5", 1, 0, MN_ERR_INVALID },
		{ "1.234,5", 1, 0, MN_ERR_INVALID },
		{ "1e2", 1, 0, MN_ERR_INVALID },
		{ "0x10", 1, 0, MN_ERR_INVALID },
		{ "nan", 1, 0, MN_ERR_INVALID },
		{ "inf", 1, 0, MN_ERR_INVALID },
		{ "12 5", 1, 0, MN_ERR_INVALID },
		{ "+12", 1, 0, MN_ERR_INVALID },
		{ "", 1, 0, MN_ERR_INVALID },
		{ "12.5", 0, 0, MN_ERR_INVALID },
		{ "9999999999999999", 1, 0, MN_ERR_INVALID },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mn_error err;
		double value = -1;
		int rc;

		mn_error_clear(&err);
		rc = mn_parse_decimal(cases[i].text, "Cân nặng",
		    cases[i].decimals, 0, 150, &value, &err);
		if (rc != cases[i].status)
			fail_msg("\"%s\": status %d", cases[i].text, rc);
		if (rc == MN_OK) {
			assert_true(value == cases[i].value);
		} else {
			assert_true(value == -1);
			assert_non_null(strstr(err.message, "Cân nặng"));
			assert_non_null(strstr(err.message, cases[i].text));
		}
	}
}

static void
test_parse_decimal_negative_range(void **state)
{
	struct mn_error err;
	double value;

	assert_int_equal(mn_parse_decimal("-3,5", "Nhiệt độ", 1, -50, 60,
	    &value, &err), MN_OK);
	assert_true(value == -3.5);
}

static void
test_format_decimal(void **state)
{
	char buf[32];

	(void)state;
	mn_set_language(MN_LANG_VI);
	mn_format_decimal(34.0, 1, buf, sizeof buf);
	assert_string_equal(buf, "34,0");
	mn_format_decimal(3.75, 2, buf, sizeof buf);
	assert_string_equal(buf, "3,75");
	mn_format_decimal(1560.0, 1, buf, sizeof buf);
	assert_string_equal(buf, "1560,0");
	mn_format_decimal(12.0, 0, buf, sizeof buf);
	assert_string_equal(buf, "12");
	/* Nothing rounds to "-0,0". */
	mn_format_decimal(-0.04, 1, buf, sizeof buf);
	assert_string_equal(buf, "0,0");
	mn_format_decimal(-2.5, 1, buf, sizeof buf);
	assert_string_equal(buf, "-2,5");
	mn_format_value(3.75, buf, sizeof buf);
	assert_string_equal(buf, "3,75");
	mn_format_value(92.3, buf, sizeof buf);
	assert_string_equal(buf, "92,3");
	mn_format_value(16.0, buf, sizeof buf);
	assert_string_equal(buf, "16,0");
	mn_format_value(0.125, buf, sizeof buf);
	assert_string_equal(buf, "0,125");
	/* A buffer too small is cut, not overrun. */
	mn_format_decimal(123456.5, 1, buf, 5);
	assert_string_equal(buf, "1234");

	mn_set_language(MN_LANG_EN);
	mn_format_decimal(34.0, 1, buf, sizeof buf);
	assert_string_equal(buf, "34.0");
	mn_format_value(3.75, buf, sizeof buf);
	assert_string_equal(buf, "3.75");
	mn_set_language(MN_LANG_VI);
}

/* The range in a refusal uses the interface's decimal sign too. */
static void
test_parse_decimal_message_sign(void **state)
{
	struct mn_error err;
	double v;

	(void)state;
	mn_set_language(MN_LANG_VI);
	mn_error_clear(&err);
	assert_int_equal(mn_parse_decimal("99", "Nhiệt độ", 1, 34.0, 43.0,
	    &v, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "34,0"));
	assert_non_null(strstr(err.message, "43,0"));
	assert_null(strstr(err.message, "34.0"));
	/* Spaces around a number are dropped; inside they are not. */
	assert_int_equal(mn_parse_decimal("  37,5  ", "Nhiệt độ", 1, 34.0,
	    43.0, &v, NULL), MN_OK);
	assert_true(v > 37.49 && v < 37.51);
	assert_int_equal(mn_parse_decimal("37, 5", "Nhiệt độ", 1, 34.0,
	    43.0, &v, NULL), MN_ERR_INVALID);
	mn_set_language(MN_LANG_EN);
	mn_error_clear(&err);
	assert_int_equal(mn_parse_decimal("99", "Temperature", 1, 34.0, 43.0,
	    &v, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "34.0"));
	mn_set_language(MN_LANG_VI);
}

static void
test_parse_int(void **state)
{
	static const struct {
		const char *text;
		long value;
		int status;
	} cases[] = {
		{ "0", 0, MN_OK },
		{ "42", 42, MN_OK },
		{ " 42 ", 42, MN_OK },
		{ "-7", -7, MN_OK },
		{ "100", 100, MN_OK },
		{ "101", 0, MN_ERR_INVALID },
		{ "-11", 0, MN_ERR_INVALID },
		{ "4 2", 0, MN_ERR_INVALID },
		{ "42x", 0, MN_ERR_INVALID },
		{ "+42", 0, MN_ERR_INVALID },
		{ "-", 0, MN_ERR_INVALID },
		{ "", 0, MN_ERR_INVALID },
		{ "4.2", 0, MN_ERR_INVALID },
		{ "99999999999999999999999", 0, MN_ERR_INVALID },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mn_error err;
		long value = 12345;
		int rc;

		mn_error_clear(&err);
		rc = mn_parse_int(cases[i].text, "Số trẻ", -10, 100, &value,
		    &err);
		if (rc != cases[i].status)
			fail_msg("\"%s\": status %d", cases[i].text, rc);
		if (rc == MN_OK) {
			assert_int_equal(value, cases[i].value);
		} else {
			assert_int_equal(value, 12345);
			assert_non_null(strstr(err.message, "Số trẻ"));
			assert_non_null(strstr(err.message, "100"));
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_login),
		cmocka_unit_test(test_person_name),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_personal_id),
		cmocka_unit_test(test_personal_id_mismatch_message),
		cmocka_unit_test(test_parse_decimal),
		cmocka_unit_test(test_parse_decimal_negative_range),
		cmocka_unit_test(test_format_decimal),
		cmocka_unit_test(test_parse_decimal_message_sign),
		cmocka_unit_test(test_parse_int),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
