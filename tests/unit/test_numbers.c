/*
 * Numbers typed by users (mn_parse_number, mn_parse_money): thousands
 * grouped by '.' or spaces, ',' before decimals, '.' as a point only
 * where it cannot be grouping, and the formatters reading back.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/validate.h"

static void
test_number_accepted(void **state)
{
	static const struct {
		const char *text;
		int decimals;
		double value;
	} cases[] = {
		{ "150000", 0, 150000 },
		{ "150.000", 0, 150000 },
		{ "1.000.000", 0, 1000000 },
		{ "24 000", 0, 24000 },
		{ "24\xc2\xa0" "000", 0, 24000 },		/* NBSP */
		{ "24\xe2\x80\xaf" "000", 0, 24000 },	/* narrow NBSP */
		{ "1 000 000", 0, 1000000 },
		{ "1.000", 1, 1000 },
		{ "1.000,5", 1, 1000.5 },
		{ "1 000,5", 1, 1000.5 },
		{ "1000,5", 1, 1000.5 },
		{ "1000.5", 1, 1000.5 },
		{ "92.3", 1, 92.3 },
		{ "1.5", 1, 1.5 },
		{ "14,9", 1, 14.9 },
		{ "0.250", 3, 0.25 },
		{ "0,125", 3, 0.125 },
		{ "1,125", 3, 1.125 },
		{ "1.1250", 3, 1.125 },
		{ "12.50", 2, 12.5 },
		{ "1.00", 2, 1 },
		{ "0.000", 3, 0 },
		{ "007", 0, 7 },
		{ "150.000,00", 0, 150000 },
		{ "  5.000  ", 0, 5000 },
		{ "-3,5", 1, -3.5 },
		{ "-1.000", 0, -1000 },
		{ "-0", 0, 0 },
		{ "999999999999999", 0, 999999999999999.0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mn_error err;
		double v = NAN;
		int rc;

		mn_error_clear(&err);
		rc = mn_parse_number(cases[i].text, "f", "Số",
		    cases[i].decimals, -1e15, 1e15, &v, &err);
		if (rc != MN_OK)
			fail_msg("\"%s\" rejected: %s", cases[i].text,
			    err.message);
		if (fabs(v - cases[i].value) > 1e-9)
			fail_msg("\"%s\" read as %.6f, expected %.6f",
			    cases[i].text, v, cases[i].value);
	}
}

static void
test_number_rejected(void **state)
{
	static const char *const cases[] = {
		"", "   ", "1e6", "1E3", "0x10", "inf", "-inf", "nan", "NaN",
		"+12", ".5", ",5", "5,", "5.", "1.00.0", "1.0000.000",
		"1,000.5", "1,000,000", "1.000.00", "12.5.3",
		"1 000.5", "1 00", "12 5", "1  000", "1.000 000", "--1", "1-",
		"- 1", "1,5,0", "\xd9\xa1\xd9\xa2",	/* Arabic-Indic 12 */
		"\xef\xbc\x91", "12kg", "1'000", "1_000",
		"1234567890123456", "0,1234567890123456",
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mn_error err;
		double v = -7;
		int rc;

		mn_error_clear(&err);
		rc = mn_parse_number(cases[i], "weight", "Khối lượng", 3, -1e15,
		    1e15, &v, &err);
		if (rc != MN_ERR_INVALID)
			fail_msg("\"%s\" accepted as %.6f", cases[i], v);
		assert_true(v == -7);
		assert_string_equal(err.field, "weight");
		assert_non_null(strstr(err.message, "Khối lượng"));
	}
}

/* "1.000" is a thousand even in a field with decimals, as screens print. */
static void
test_number_thousand_in_decimal_field(void **state)
{
	double v = 0;

	(void)state;
	assert_int_equal(mn_parse_number("1.000", "g", "Gam", 1, 0, 5000, &v,
	    NULL), MN_OK);
	assert_true(v == 1000);
	assert_int_equal(mn_parse_number("5.000", "g", "Gam", 3, 0, 1e9, &v,
	    NULL), MN_OK);
	assert_true(v == 5000);
}

static void
test_number_messages(void **state)
{
	struct mn_error err;
	double v;

	(void)state;
	mn_set_language(MN_LANG_VI);
	mn_error_clear(&err);
	assert_int_equal(mn_parse_number("-5", "quantity", "Số lượng", 3, 0,
	    1000, &v, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "Số lượng"));
	assert_non_null(strstr(err.message, "số âm"));
	assert_non_null(strstr(err.message, "ít nhất 0,0"));
	assert_null(strstr(err.message, "quantity"));
	assert_null(strstr(err.message, "không phải là số"));

	mn_error_clear(&err);
	assert_int_equal(mn_parse_number("5", "q", "Chiều cao", 1, 45, 130, &v,
	    &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "từ 45,0 đến 130,0"));

	mn_error_clear(&err);
	assert_int_equal(mn_parse_number("1e6", "q", "Đơn giá", 0, 0, 1e9, &v,
	    &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "không phải là số"));
	assert_non_null(strstr(err.message, "1.500"));

	mn_error_clear(&err);
	assert_int_equal(mn_parse_number("12,55", "q", "Cân nặng", 1, 0, 150,
	    &v, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "tối đa 1"));

	mn_error_clear(&err);
	assert_int_equal(mn_parse_number("12,5", "q", "Số suất", 0, 0, 5000,
	    &v, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "số nguyên"));

	mn_set_language(MN_LANG_EN);
	mn_error_clear(&err);
	assert_int_equal(mn_parse_number("-5", "q", "Quantity", 3, 0, 1000,
	    &v, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "negative"));
	mn_set_language(MN_LANG_VI);
}

static void
test_money(void **state)
{
	static const struct {
		const char *text;
		int64_t value;
	} good[] = {
		{ "150000", 150000 }, { "150.000", 150000 },
		{ "150 000", 150000 }, { "24.000", 24000 }, { "0", 0 },
		{ "1.000.000", 1000000 }, { "150.000,0", 150000 },
	};
	static const char *const bad[] = {
		"150,5", "1.5", "150.000,5", "-1", "-0", "1e6", "", "abc",
		"2.000.000.000",
	};
	struct mn_error err;
	int64_t v;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		v = -1;
		if (mn_parse_money(good[i].text, "unit_price", "Đơn giá",
		    1000000000, &v, NULL) != MN_OK)
			fail_msg("\"%s\" rejected", good[i].text);
		assert_true(v == good[i].value);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		v = -1;
		if (mn_parse_money(bad[i], "unit_price", "Đơn giá", 1000000000,
		    &v, NULL) != MN_ERR_INVALID)
			fail_msg("\"%s\" accepted", bad[i]);
		assert_true(v == -1);
	}
	mn_set_language(MN_LANG_VI);
	mn_error_clear(&err);
	assert_int_equal(mn_parse_money("150,5", "unit_price", "Đơn giá",
	    1000000000, &v, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "Đơn giá phải là số đồng nguyên"));
	assert_string_equal(err.field, "unit_price");
}

/* What a screen prints reads back as the same value, in both languages. */
static void
test_format_round_trip(void **state)
{
	static const enum mn_lang langs[] = { MN_LANG_VI, MN_LANG_EN };
	static const double fixed[] = {
		0, 1, 1.125, -1.125, 12.5, 999.999, 1000, 1000.5, 150000,
		0.001, 1.0, 100.25, -12.5, 123456.789,
	};

	(void)state;
	for (size_t k = 0; k < 2; k++) {
		mn_set_language(langs[k]);
		for (int decimals = 0; decimals <= 3; decimals++) {
			double scale = pow(10, decimals);

			for (size_t i = 0; i < 4000; i++) {
				char buf[64];
				double v, back = NAN;

				if (i < sizeof fixed / sizeof fixed[0])
					v = fixed[i];
				else
					v = (double)((long)(i * 7919 % 2000003)
					    - 1000000) / scale;
				v = round(v * scale) / scale;
				mn_format_decimal(v, decimals, buf,
				    sizeof buf);
				if (mn_parse_number(buf, "f", "f", decimals,
				    -1e9, 1e9, &back, NULL) != MN_OK ||
				    fabs(back - v) > 1e-9)
					fail_msg("%s: %.6f printed \"%s\" "
					    "reads %.6f", k == 0 ? "vi" : "en",
					    v, buf, back);
			}
		}
	}
	mn_set_language(MN_LANG_VI);
}

static void
test_format_english_three_decimals(void **state)
{
	char buf[32];

	(void)state;
	mn_set_language(MN_LANG_EN);
	mn_format_decimal(1.125, 3, buf, sizeof buf);
	assert_string_equal(buf, "1.1250");
	mn_format_decimal(1234.125, 3, buf, sizeof buf);
	assert_string_equal(buf, "1234.125");
	mn_format_decimal(0.125, 3, buf, sizeof buf);
	assert_string_equal(buf, "0.125");
	mn_set_language(MN_LANG_VI);
	mn_format_decimal(1.125, 3, buf, sizeof buf);
	assert_string_equal(buf, "1,125");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_accepted),
		cmocka_unit_test(test_number_rejected),
		cmocka_unit_test(test_number_thousand_in_decimal_field),
		cmocka_unit_test(test_number_messages),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_format_english_three_decimals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
