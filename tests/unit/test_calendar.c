/*
 * Calendar entries: listing a school year's holidays and make-up days,
 * editing and deleting them with row versions and audit rows, access,
 * and the rule that keeps days with saved attendance as they were.
 * Also the school year that promotion into a given year starts from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/config.h"
#include "core/registers.h"

struct fixture {
	struct mn_ctx ctx;
	struct mn_config cfg;
	struct mn_school_year year;
	struct mn_date today;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct mn_error err = { 0 };
	struct mn_date first, last;
	char name[32];
	int y;

	assert_non_null(f);
	test_open_db(&f->ctx, &f->cfg);
	mn_date_today(&f->today);
	y = f->today.month >= 8 ? f->today.year : f->today.year - 1;
	first = (struct mn_date){ y, 8, 1 };
	last = (struct mn_date){ y + 1, 7, 31 };
	snprintf(name, sizeof name, "%d-%d", y, y + 1);
	if (mn_school_year_add(&f->ctx, name, &first, &last, NULL, &err) !=
	    MN_OK)
		fail_msg("school year: %s", err.message);
	assert_int_equal(mn_school_year_find(&f->ctx, name, &f->year, &err),
	    MN_OK);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	test_close_db(&f->ctx);
	free(f);
	return 0;
}

/* Returns the day n days after today (n < 0: before). */
static struct mn_date
day_from_today(const struct fixture *f, long n)
{
	struct mn_date d;

	mn_date_from_days(mn_date_to_days(&f->today) + n, &d);
	return d;
}

static int
count_rows(struct fixture *f, const char *sql)
{
	sqlite3_stmt *st;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(f->ctx.db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Records that a class saved its attendance on day. */
static void
save_attendance(struct fixture *f, const struct mn_date *day)
{
	struct mn_class c = { 0 };
	struct mn_error err = { 0 };
	char sql[256], iso[16];

	if (count_rows(f, "SELECT count(*) FROM classes") == 0) {
		c.school_year_id = f->year.id;
		snprintf(c.code, sizeof c.code, "MG5A");
		snprintf(c.age_group, sizeof c.age_group, "mg-5-6");
		c.capacity = 30;
		if (mn_class_add(&f->ctx, &c, &err) != MN_OK)
			fail_msg("class: %s", err.message);
	}
	mn_date_format_iso(day, iso, sizeof iso);
	snprintf(sql, sizeof sql, "INSERT INTO class_days (class_id, day, "
	    "attendance_saved, changed_by, changed_at) SELECT id, '%s', 1, "
	    "'test', '%s' FROM classes LIMIT 1", iso, iso);
	assert_int_equal(sqlite3_exec(f->ctx.db, sql, NULL, NULL, NULL),
	    SQLITE_OK);
}

struct collected {
	struct mn_calendar_entry e[8];
	int n;
};

static int
collect(const struct mn_calendar_entry *e, void *arg)
{
	struct collected *c = arg;

	if (c->n < 8)
		c->e[c->n++] = *e;
	return 0;
}

static struct collected
list_entries(struct fixture *f)
{
	struct collected c = { .n = 0 };
	struct mn_error err = { 0 };

	if (mn_calendar_entry_list(&f->ctx, &f->year, collect, &c, &err) !=
	    MN_OK)
		fail_msg("list: %s", err.message);
	return c;
}

static int64_t
add_holiday(struct fixture *f, const char *name, struct mn_date first,
    struct mn_date last)
{
	struct mn_error err = { 0 };
	int64_t id = 0;

	if (mn_holiday_add(&f->ctx, name, &first, &last, &id, &err) != MN_OK)
		fail_msg("holiday: %s", err.message);
	return id;
}

static void
list_orders_by_first_day(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_date sat = { f->year.first_day.year, 10, 1 };
	struct collected c;
	int64_t makeup;

	while (mn_date_weekday(&sat) != 5)
		sat.day++;
	add_holiday(f, "Tết Nguyên đán",
	    (struct mn_date){ f->year.last_day.year, 2, 5 },
	    (struct mn_date){ f->year.last_day.year, 2, 13 });
	add_holiday(f, "Quốc khánh",
	    (struct mn_date){ f->year.first_day.year, 9, 2 },
	    (struct mn_date){ f->year.first_day.year, 9, 2 });
	assert_int_equal(mn_makeup_day_add(&f->ctx, &sat, "Bù Quốc khánh",
	    &makeup, &err), MN_OK);
	/* Outside the school year: not listed. */
	add_holiday(f, "Năm khác",
	    (struct mn_date){ f->year.first_day.year - 2, 9, 2 },
	    (struct mn_date){ f->year.first_day.year - 2, 9, 2 });

	c = list_entries(f);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.e[0].name, "Quốc khánh");
	assert_false(c.e[0].makeup);
	assert_int_equal(c.e[0].version, 1);
	assert_string_equal(c.e[1].name, "Bù Quốc khánh");
	assert_true(c.e[1].makeup);
	assert_int_equal(c.e[1].id, makeup);
	assert_int_equal(mn_date_cmp(&c.e[1].first_day, &sat), 0);
	assert_string_equal(c.e[2].name, "Tết Nguyên đán");
	assert_int_equal(c.e[2].last_day.day, 13);
}

static void
holiday_update_checks_version(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_date first = day_from_today(f, 30);
	struct mn_date last = day_from_today(f, 32);
	int64_t id = add_holiday(f, "Nghỉ giữa kỳ", first, first);
	struct collected c;

	assert_int_equal(mn_holiday_update(&f->ctx, id, 1, "Nghỉ giữa học kỳ",
	    &first, &last, &err), MN_OK);
	c = list_entries(f);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.e[0].name, "Nghỉ giữa học kỳ");
	assert_int_equal(c.e[0].version, 2);
	assert_int_equal(mn_date_cmp(&c.e[0].last_day, &last), 0);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM audit WHERE "
	    "table_name = 'holidays' AND action = 'update'"), 1);

	/* A second writer still holding version 1 loses. */
	assert_int_equal(mn_holiday_update(&f->ctx, id, 1, "Khác", &first,
	    &first, &err), MN_ERR_CONFLICT);
	assert_int_equal(mn_holiday_delete(&f->ctx, id, 1, &err),
	    MN_ERR_CONFLICT);
	c = list_entries(f);
	assert_string_equal(c.e[0].name, "Nghỉ giữa học kỳ");
	assert_int_equal(count_rows(f, "SELECT count(*) FROM audit WHERE "
	    "table_name = 'holidays' AND action = 'update'"), 1);
}

static void
holiday_update_rejects_bad_input(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_date first = day_from_today(f, 30);
	struct mn_date before = day_from_today(f, 29);
	int64_t id = add_holiday(f, "Nghỉ", first, first);

	assert_int_equal(mn_holiday_update(&f->ctx, id, 1, "  ", &first,
	    &first, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "Ngày nghỉ"));
	assert_int_equal(mn_holiday_update(&f->ctx, id, 1, "Nghỉ", &first,
	    &before, &err), MN_ERR_INVALID);
	assert_int_equal(mn_holiday_update(&f->ctx, id + 100, 1, "Nghỉ",
	    &first, &first, &err), MN_ERR_NOTFOUND);
	assert_int_equal(list_entries(f).e[0].version, 1);
}

static void
holiday_delete_writes_audit(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_date past = day_from_today(f, -3);
	int64_t id = add_holiday(f, "Nghỉ bão", past, past);

	/* A past holiday without saved attendance, entered by mistake. */
	assert_int_equal(mn_holiday_delete(&f->ctx, id, 1, &err), MN_OK);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM holidays"), 0);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM audit WHERE "
	    "table_name = 'holidays' AND action = 'delete'"), 1);
	assert_int_equal(mn_holiday_delete(&f->ctx, id, 1, &err),
	    MN_ERR_NOTFOUND);
}

static void
holiday_with_saved_attendance_kept(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_date past = day_from_today(f, -3);
	struct mn_date future = day_from_today(f, 20);
	struct mn_date other = day_from_today(f, -10);
	char date[16];
	int64_t id = add_holiday(f, "Nghỉ bão", past, past);

	save_attendance(f, &past);
	assert_int_equal(mn_holiday_delete(&f->ctx, id, 1, &err),
	    MN_ERR_INVALID);
	mn_date_format(&past, date, sizeof date);
	assert_non_null(strstr(err.message, date));
	assert_int_equal(count_rows(f, "SELECT count(*) FROM holidays"), 1);
	/* Moving it away from the saved day is the same change. */
	assert_int_equal(mn_holiday_update(&f->ctx, id, 1, "Nghỉ bão",
	    &future, &future, &err), MN_ERR_INVALID);
	/* Renaming keeps every day as it was. */
	assert_int_equal(mn_holiday_update(&f->ctx, id, 1, "Nghỉ vì bão",
	    &past, &past, &err), MN_OK);

	/* Stretching another holiday over a saved past day is refused. */
	save_attendance(f, &other);
	id = add_holiday(f, "Nghỉ khác", future, future);
	assert_int_equal(mn_holiday_update(&f->ctx, id, 1, "Nghỉ khác",
	    &other, &future, &err), MN_ERR_INVALID);
}

static void
makeup_day_edit_and_delete(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_date past = day_from_today(f, -7);
	struct mn_date next = day_from_today(f, 14);
	struct collected c;
	int64_t id, past_id;

	assert_int_equal(mn_makeup_day_add(&f->ctx, &next, "Bù", &id, &err),
	    MN_OK);
	next = day_from_today(f, 21);
	assert_int_equal(mn_makeup_day_update(&f->ctx, id, 1, &next,
	    "Bù ngày Giỗ Tổ", &err), MN_OK);
	c = list_entries(f);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.e[0].name, "Bù ngày Giỗ Tổ");
	assert_int_equal(mn_date_cmp(&c.e[0].first_day, &next), 0);
	assert_int_equal(mn_makeup_day_delete(&f->ctx, id, 1, &err),
	    MN_ERR_CONFLICT);
	assert_int_equal(mn_makeup_day_delete(&f->ctx, id, 2, &err), MN_OK);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM makeup_days"), 0);

	/* A past make-up day that was taught keeps its attendance. */
	assert_int_equal(mn_makeup_day_add(&f->ctx, &past, "Bù", &past_id,
	    &err), MN_OK);
	save_attendance(f, &past);
	assert_int_equal(mn_makeup_day_delete(&f->ctx, past_id, 1, &err),
	    MN_ERR_INVALID);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM makeup_days"), 1);
}

static void
school_year_edit_and_delete(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_school_year next;
	struct mn_date first = f->year.first_day, last = f->year.last_day;
	struct mn_date nfirst = { last.year, 9, 5 };
	struct mn_date nlast = { last.year + 1, 5, 31 };
	struct mn_date saved;
	char name[32];
	int64_t id;

	snprintf(name, sizeof name, "%d-%d", last.year, last.year + 1);
	assert_int_equal(mn_school_year_add(&f->ctx, name, &nfirst, &nlast,
	    &id, &err), MN_OK);
	nlast.day = 30;
	assert_int_equal(mn_school_year_update(&f->ctx, id, 1, name, &nfirst,
	    &nlast, &err), MN_OK);
	assert_int_equal(mn_school_year_find(&f->ctx, name, &next, &err),
	    MN_OK);
	assert_int_equal(next.version, 2);
	assert_int_equal(next.last_day.day, 30);
	assert_int_equal(mn_school_year_update(&f->ctx, id, 2, "2030-2032",
	    &nfirst, &nlast, &err), MN_ERR_INVALID);
	assert_int_equal(mn_school_year_delete(&f->ctx, id, 2, &err), MN_OK);
	assert_int_equal(mn_school_year_find(&f->ctx, name, &next, &err),
	    MN_ERR_NOTFOUND);

	/* The current year has a class and a saved day in September. */
	saved = (struct mn_date){ first.year, 9, 15 };
	save_attendance(f, &saved);
	assert_int_equal(mn_school_year_delete(&f->ctx, f->year.id, 1, &err),
	    MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "1 lớp"));
	first = (struct mn_date){ first.year, 10, 1 };
	assert_int_equal(mn_school_year_update(&f->ctx, f->year.id, 1,
	    f->year.name, &first, &last, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "15/09/"));
	assert_int_equal(count_rows(f, "SELECT version FROM school_years"), 1);
}

static void
calendar_writes_need_calendar_role(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_date day = day_from_today(f, 30);
	int64_t id = add_holiday(f, "Nghỉ", day, day);
	static const unsigned roles[] = { MN_ROLE_TEACHER, MN_ROLE_KITCHEN,
	    MN_ROLE_ACCOUNTANT, MN_ROLE_PARENT };

	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		f->ctx.actor.roles = roles[i];
		assert_int_equal(mn_holiday_update(&f->ctx, id, 1, "Khác",
		    &day, &day, &err), MN_ERR_DENIED);
		assert_int_equal(mn_holiday_delete(&f->ctx, id, 1, &err),
		    MN_ERR_DENIED);
		assert_int_equal(mn_school_year_delete(&f->ctx, f->year.id,
		    1, &err), MN_ERR_DENIED);
	}
	f->ctx.actor.roles = MN_ROLE_PRINCIPAL;
	assert_int_equal(mn_holiday_update(&f->ctx, id, 1, "Khác", &day,
	    &day, &err), MN_OK);
}

static void
promotion_previous_year(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_school_year from;
	int y = f->year.first_day.year;
	struct mn_date a1 = { y + 1, 9, 5 }, a2 = { y + 2, 5, 31 };
	struct mn_date b1 = { y - 3, 9, 5 }, b2 = { y - 2, 5, 31 };
	char next[32], old[32];
	int64_t next_id, old_id;

	snprintf(next, sizeof next, "%d-%d", y + 1, y + 2);
	snprintf(old, sizeof old, "%d-%d", y - 3, y - 2);
	assert_int_equal(mn_school_year_add(&f->ctx, next, &a1, &a2, &next_id,
	    &err), MN_OK);
	assert_int_equal(mn_school_year_add(&f->ctx, old, &b1, &b2, &old_id,
	    &err), MN_OK);
	assert_int_equal(mn_promotion_previous_year(&f->ctx, next_id, &from,
	    &err), MN_OK);
	assert_int_equal(from.id, f->year.id);
	assert_string_equal(from.name, f->year.name);
	assert_int_equal(mn_promotion_previous_year(&f->ctx, f->year.id,
	    &from, &err), MN_OK);
	assert_int_equal(from.id, old_id);
	assert_int_equal(mn_promotion_previous_year(&f->ctx, old_id, &from,
	    &err), MN_ERR_NOTFOUND);
	f->ctx.actor.roles = MN_ROLE_TEACHER;
	assert_int_equal(mn_promotion_previous_year(&f->ctx, next_id, &from,
	    &err), MN_ERR_DENIED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(list_orders_by_first_day,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(holiday_update_checks_version,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    holiday_update_rejects_bad_input, setup, teardown),
		cmocka_unit_test_setup_teardown(holiday_delete_writes_audit,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    holiday_with_saved_attendance_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(makeup_day_edit_and_delete,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(school_year_edit_and_delete,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    calendar_writes_need_calendar_role, setup, teardown),
		cmocka_unit_test_setup_teardown(promotion_previous_year,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
