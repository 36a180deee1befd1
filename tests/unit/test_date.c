/*
 * Calendar dates: parsing dd/mm/yyyy and YYYY-MM-DD, day numbers,
 * weekdays and comparison.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "helpers.h"
#include "core/date.h"

static void
test_parse_valid(void **state)
{
	static const struct {
		const char *text;
		int year, month, day;
	} cases[] = {
		{ "05/09/2025", 2025, 9, 5 },
		{ "5/9/2025", 2025, 9, 5 },
		{ "31/12/1900", 1900, 12, 31 },
		{ "01/01/2200", 2200, 1, 1 },
		{ "29/02/2024", 2024, 2, 29 },
		{ "29/02/2000", 2000, 2, 29 },
		{ " 1/6/2021 ", 2021, 6, 1 },
		/* Pasted with blanks around, as in a wide box. */
		{ " 04/12/2026 ", 2026, 12, 4 },
		{ "   04/12/2026", 2026, 12, 4 },
		{ "04/12/2026    ", 2026, 12, 4 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mn_date d;
		struct mn_error err;

		mn_error_clear(&err);
		if (mn_date_parse(cases[i].text, "Ngày sinh", &d, &err) !=
		    MN_OK)
			fail_msg("\"%s\" rejected: %s", cases[i].text,
			    err.message);
		assert_int_equal(d.year, cases[i].year);
		assert_int_equal(d.month, cases[i].month);
		assert_int_equal(d.day, cases[i].day);
	}
}

static void
test_parse_rejects(void **state)
{
	static const char *const bad[] = {
		"31/02/2024", "29/02/2023", "29/02/1900", "31/04/2025",
		"00/01/2025", "01/13/2025", "01/00/2025", "05/09/2025x",
		"05/09/20255", "+5/09/2025", "-5/09/2025", "05/ 09/2025",
		"05 /09/2025", "05/09/25", "05-09-2025", "2025-09-05",
		"31/12/1899", "01/01/2201", "", "//", "005/09/2025",
		"05/09/2025/", "5/9/2025\n", "\xef\xbc\x95/9/2025",
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct mn_date d = { 1, 2, 3 };
		struct mn_error err;

		mn_error_clear(&err);
		if (mn_date_parse(bad[i], "Ngày sinh", &d, &err) !=
		    MN_ERR_INVALID)
			fail_msg("\"%s\" accepted", bad[i]);
		assert_int_equal(d.year, 1);
		assert_string_equal(err.field, "Ngày sinh");
		assert_non_null(strstr(err.message, "Ngày sinh"));
		assert_non_null(strstr(err.message, "dd/mm/yyyy"));
	}
}

/* The stored form takes no blanks: callers store the text checked. */
static void
test_parse_iso_rejects_blanks(void **state)
{
	static const char *const bad[] = {
		" 2026-12-04", "2026-12-04 ", " 2026-12-04 ",
	};
	struct mn_date d;

	(void)state;
	assert_int_equal(mn_date_parse_iso("2026-12-04", "day", &d, NULL),
	    MN_OK);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (mn_date_parse_iso(bad[i], "day", &d, NULL) !=
		    MN_ERR_INVALID)
			fail_msg("\"%s\" accepted", bad[i]);
}

static void
test_parse_message_is_safe(void **state)
{
	struct mn_date d;
	struct mn_error err;

	mn_error_clear(&err);
	assert_int_equal(mn_date_parse("1/1/2020\x1b[2J", "Ngày", &d, &err),
	    MN_ERR_INVALID);
	assert_null(strchr(err.message, '\x1b'));
	assert_non_null(strstr(err.message, "1/1/2020"));
}

static void
test_parse_iso(void **state)
{
	static const char *const bad[] = {
		"2024-02-30", "2023-02-29", "2024-2-05", "2024-02-05 ",
		" 2024-02-05", "2024/02/05", "+024-02-05", "2024-02-0x",
		"1899-12-31",
	};
	struct mn_date d;
	struct mn_error err;

	assert_int_equal(mn_date_parse_iso("2024-02-29", "ngay", &d, &err),
	    MN_OK);
	assert_int_equal(d.year, 2024);
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 29);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (mn_date_parse_iso(bad[i], "ngay", &d, &err) !=
		    MN_ERR_INVALID)
			fail_msg("\"%s\" accepted", bad[i]);
}

static void
test_format(void **state)
{
	struct mn_date d = { 2025, 9, 5 };
	char buf[16];

	mn_date_format(&d, buf, sizeof buf);
	assert_string_equal(buf, "05/09/2025");
	mn_date_format_iso(&d, buf, sizeof buf);
	assert_string_equal(buf, "2025-09-05");
}

static void
test_days_in_month(void **state)
{
	assert_int_equal(mn_days_in_month(2024, 2), 29);
	assert_int_equal(mn_days_in_month(2023, 2), 28);
	assert_int_equal(mn_days_in_month(1900, 2), 28);
	assert_int_equal(mn_days_in_month(2000, 2), 29);
	assert_int_equal(mn_days_in_month(2025, 4), 30);
	assert_int_equal(mn_days_in_month(2025, 12), 31);
	assert_int_equal(mn_days_in_month(2025, 13), 0);
}

static void
test_days_known_values(void **state)
{
	static const struct {
		struct mn_date date;
		long days;
		int weekday;
	} cases[] = {
		{ { 1970, 1, 1 }, 0, 3 },
		{ { 1969, 12, 31 }, -1, 2 },
		{ { 2000, 3, 1 }, 11017, 2 },
		{ { 2024, 2, 29 }, 19782, 3 },
		{ { 2025, 9, 5 }, 20336, 4 },
		{ { 2026, 12, 6 }, 20793, 6 },
		{ { 1900, 1, 1 }, -25567, 0 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mn_date back;

		assert_int_equal(mn_date_to_days(&cases[i].date),
		    cases[i].days);
		assert_int_equal(mn_date_weekday(&cases[i].date),
		    cases[i].weekday);
		mn_date_from_days(cases[i].days, &back);
		assert_int_equal(mn_date_cmp(&back, &cases[i].date), 0);
	}
}

/* Checks the day numbers against timegm(), one day at a time. */
static void
test_days_match_libc(void **state)
{
	struct mn_date d = { 1900, 1, 1 };
	long days = mn_date_to_days(&d);

	for (; days < mn_date_to_days(&(struct mn_date){ 2201, 1, 1 });
	    days++) {
		struct tm tm = { 0 };
		struct mn_date back;
		time_t t = (time_t)days * 86400;

		assert_non_null(gmtime_r(&t, &tm));
		mn_date_from_days(days, &back);
		assert_int_equal(back.year, tm.tm_year + 1900);
		assert_int_equal(back.month, tm.tm_mon + 1);
		assert_int_equal(back.day, tm.tm_mday);
		assert_int_equal(mn_date_weekday(&back), (tm.tm_wday + 6) % 7);
		assert_int_equal(mn_date_to_days(&back), days);
	}
}

static void
test_cmp_and_today(void **state)
{
	struct mn_date a = { 2025, 9, 5 }, b = { 2025, 9, 6 };
	struct mn_date c = { 2024, 12, 31 }, today;

	assert_true(mn_date_cmp(&a, &b) < 0);
	assert_true(mn_date_cmp(&b, &a) > 0);
	assert_true(mn_date_cmp(&c, &a) < 0);
	assert_int_equal(mn_date_cmp(&a, &a), 0);
	mn_date_today(&today);
	assert_true(mn_date_valid(today.year, today.month, today.day));
	assert_true(today.year >= 2024);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_parse_iso_rejects_blanks),
		cmocka_unit_test(test_parse_message_is_safe),
		cmocka_unit_test(test_parse_iso),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_days_known_values),
		cmocka_unit_test(test_days_match_libc),
		cmocka_unit_test(test_cmp_and_today),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
