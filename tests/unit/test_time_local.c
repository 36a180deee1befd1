/*
 * Stored UTC times shown in the school's time zone: the day of a time
 * between 17:00 and 24:00 UTC is the next day in Việt Nam.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "helpers.h"
#include "core/date.h"

static int
vietnam(void **state)
{
	(void)state;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	return 0;
}

static void
evening_utc_is_next_local_day(void **state)
{
	char buf[32];

	(void)state;
	mn_time_local_day("2026-12-04T18:59:37Z", buf, sizeof buf);
	assert_string_equal(buf, "05/12/2026");
	mn_time_local("2026-12-04T18:59:37Z", buf, sizeof buf);
	assert_string_equal(buf, "01:59 05/12/2026");
	mn_time_local_short("2026-12-04T18:52:21Z", buf, sizeof buf);
	assert_string_equal(buf, "01:52 05/12");
	/* Before 17:00 UTC the day is the same. */
	mn_time_local_day("2026-12-04T16:59:59Z", buf, sizeof buf);
	assert_string_equal(buf, "04/12/2026");
	/* Seconds count: 16:59:59 plus one second is the next day. */
	mn_time_local("2026-12-31T17:00:00Z", buf, sizeof buf);
	assert_string_equal(buf, "00:00 01/01/2027");
	/* Without seconds or Z, as some rows store it. */
	mn_time_local("2026-06-30T23:30", buf, sizeof buf);
	assert_string_equal(buf, "06:30 01/07/2026");
}

static void
other_zone_follows_setting(void **state)
{
	char buf[32];

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	mn_time_local_day("2026-12-04T18:59:37Z", buf, sizeof buf);
	assert_string_equal(buf, "04/12/2026");
	vietnam(NULL);
}

static void
not_a_time_is_shown_safely(void **state)
{
	char buf[32];

	(void)state;
	mn_time_local("x\x1b]0;pwn\a", buf, sizeof buf);
	assert_null(strchr(buf, '\x1b'));
	assert_null(strchr(buf, '\a'));
	assert_non_null(strstr(buf, "pwn"));
	mn_time_local(NULL, buf, sizeof buf);
	assert_string_equal(buf, "");
	mn_time_local_day("", buf, sizeof buf);
	assert_string_equal(buf, "");
	/* A short buffer is cut, never overrun. */
	mn_time_local("2026-12-04T18:59:37Z", buf, 6);
	assert_true(strlen(buf) < 6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(evening_utc_is_next_local_day),
		cmocka_unit_test(other_zone_follows_setting),
		cmocka_unit_test(not_a_time_is_shown_safely),
	};

	return cmocka_run_group_tests(tests, vietnam, NULL);
}
