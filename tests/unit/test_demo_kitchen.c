/*
 * The demo kitchen on a fresh database with the demo registers: menus
 * only on school days, approval of past weeks, purchases equal to each
 * day's market list, food-safety logs for past days, and the read-only
 * lists the screens use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#include "core/config.h"
#include "core/date.h"
#include "core/db.h"
#include "core/demo_kitchen.h"
#include "core/demo_registers.h"
#include "core/kitchen.h"
#include "core/kitchen_view.h"
#include "core/attendance.h"
#include "core/registers.h"

static struct mn_ctx ctx;
static struct mn_config cfg;

static int
setup(void **state)
{
	struct mn_error err;
	int added;

	(void)state;
	test_open_db(&ctx, &cfg);
	if (mn_kitchen_seed_foods(&ctx, &added, &err) != MN_OK ||
	    mn_demo_registers(&ctx, 7, &err) != MN_OK ||
	    mn_demo_attendance(&ctx, 7, &err) != MN_OK ||
	    mn_demo_kitchen(&ctx, 7, &err) != MN_OK) {
		fprintf(stderr, "demo: %s\n", err.message);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	test_close_db(&ctx);
	return 0;
}

static int64_t
query_int(const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_prepare_v2(ctx.db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
test_demo_twice_rejected(void **state)
{
	struct mn_error err;

	(void)state;
	assert_int_equal(mn_demo_kitchen(&ctx, 7, &err), MN_ERR_EXISTS);
}

/* A manual meal count above the group's enrolled children is refused. */
/*
 * The demo's meal counts from attendance agree with its attendance
 * marks on every past school day; changing a mark makes the day's
 * count stale until the kitchen copies the attendance again.
 */
static void
test_meal_counts_follow_attendance(void **state)
{
	struct mn_error err = { 0 };
	struct mn_meal_check check;
	struct mn_date day, today, last = { 0, 0, 0 };
	int days = 0, meals[MN_GROUP_COUNT];
	int64_t day_id;
	char sql[512];

	(void)state;
	mn_date_today(&today);
	for (long d = mn_date_to_days(&today) - 60;
	    d <= mn_date_to_days(&today); d++) {
		mn_date_from_days(d, &day);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM meal_counts "
		    "WHERE day = '%04d-%02d-%02d' AND from_attendance IS NOT "
		    "NULL", day.year, day.month, day.day);
		if (query_int(sql) == 0)
			continue;
		assert_int_equal(mn_kitchen_meals_check(&ctx, &day, &check,
		    &err), MN_OK);
		assert_false(check.stale);
		for (int g = 0; g < MN_GROUP_COUNT; g++)
			assert_int_equal(check.saved[g], check.attendance[g]);
		if (check.classes_taken > 0) {
			days++;
			last = day;
		}
	}
	assert_true(days > 0);
	/* A present child of that day is marked absent afterwards. */
	snprintf(sql, sizeof sql, "SELECT d.id FROM class_days d JOIN "
	    "attendance_marks m ON m.class_day_id = d.id JOIN classes c ON "
	    "c.id = d.class_id WHERE d.day = '%04d-%02d-%02d' AND m.mark = "
	    "'present' AND c.age_group GLOB 'mg-*' LIMIT 1", last.year,
	    last.month, last.day);
	day_id = query_int(sql);
	assert_true(day_id > 0);
	snprintf(sql, sizeof sql, "UPDATE attendance_marks SET mark = "
	    "'unexcused' WHERE class_day_id = %lld AND child_id = (SELECT "
	    "child_id FROM attendance_marks WHERE class_day_id = %lld AND "
	    "mark = 'present' LIMIT 1)", (long long)day_id,
	    (long long)day_id);
	assert_int_equal(sqlite3_exec(ctx.db, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(mn_kitchen_meals_check(&ctx, &last, &check, &err),
	    MN_OK);
	assert_true(check.stale);
	assert_int_equal(check.attendance[MN_GROUP_MAU_GIAO],
	    check.saved[MN_GROUP_MAU_GIAO] - 1);
	assert_int_equal(mn_kitchen_meals_from_attendance(&ctx, &last, meals,
	    NULL, &err), MN_OK);
	assert_int_equal(mn_kitchen_meals_check(&ctx, &last, &check, &err),
	    MN_OK);
	assert_false(check.stale);
}

static void
test_meal_count_capped(void **state)
{
	struct mn_error err = { 0 };
	struct mn_date day;
	int64_t enrolled;
	char sql[512];

	(void)state;
	mn_date_today(&day);
	while (!mn_calendar_is_school_day(&ctx, &day)) {
		long d = mn_date_to_days(&day) - 1;

		mn_date_from_days(d, &day);
	}
	snprintf(sql, sizeof sql, "SELECT count(*) FROM children c JOIN "
	    "classes k ON k.id = c.class_id JOIN age_groups a ON a.code = "
	    "k.age_group JOIN school_years y ON y.id = k.school_year_id "
	    "WHERE a.level = 'nt' AND '%04d-%02d-%02d' BETWEEN y.first_day "
	    "AND y.last_day AND c.status IN ('enrolled', 'transferred_in')",
	    day.year, day.month, day.day);
	enrolled = query_int(sql);
	assert_true(enrolled > 0);
	assert_int_equal(mn_kitchen_meals_set(&ctx, &day, MN_GROUP_NHA_TRE,
	    MN_COUNT_MANUAL, (int)enrolled + 1, "kiểm thử", &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "count");
	assert_int_equal(mn_kitchen_meals_set(&ctx, &day, MN_GROUP_NHA_TRE,
	    MN_COUNT_MANUAL, (int)enrolled, "kiểm thử", &err), MN_OK);
}

static void
test_menus_on_school_days(void **state)
{
	sqlite3_stmt *st;
	int days = 0;

	(void)state;
	assert_int_equal(sqlite3_prepare_v2(ctx.db, "SELECT DISTINCT "
	    "menu_date FROM menu_items", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct mn_date d;

		assert_int_equal(mn_date_parse_iso((const char *)
		    sqlite3_column_text(st, 0), "date", &d, NULL), MN_OK);
		assert_true(mn_calendar_is_school_day(&ctx, &d));
		days++;
	}
	sqlite3_finalize(st);
	assert_true(days > 0);
	/* Every menu day has lunch for both groups. */
	assert_int_equal(query_int("SELECT count(*) FROM (SELECT menu_date "
	    "FROM menu_items WHERE meal = 'lunch' GROUP BY menu_date HAVING "
	    "count(DISTINCT age_group) = 2)"), days);
}

static void
test_past_weeks_approved(void **state)
{
	struct mn_date today, monday, parsed;
	struct mn_error err;
	sqlite3_stmt *st;
	char week[9];
	bool approved = false;

	(void)state;
	/* Every week up to this one was approved on the Friday before. */
	assert_int_equal(query_int("SELECT count(*) FROM menu_weeks WHERE "
	    "status = 'draft'"), 0);
	assert_true(query_int("SELECT count(*) FROM menu_weeks WHERE "
	    "status = 'approved' AND approved_by = 'principal'") > 0);

	/* The newest week is this one, and parents may read it. */
	assert_int_equal(sqlite3_prepare_v2(ctx.db, "SELECT max(week) FROM "
	    "menu_weeks", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(week, sizeof week, "%s",
	    (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	mn_date_today(&today);
	mn_date_from_days(mn_date_to_days(&today) - mn_date_weekday(&today),
	    &monday);
	assert_int_equal(mn_week_parse(week, &parsed, &err), MN_OK);
	assert_int_equal(mn_date_cmp(&parsed, &monday), 0);
	assert_int_equal(mn_kitchen_menu_status(&ctx, week,
	    MN_GROUP_MAU_GIAO, &approved, &err), MN_OK);
	assert_true(approved);
}

/* Compares each day's purchases with its market list, line by line. */
static void
test_purchases_match_market(void **state)
{
	sqlite3_stmt *days, *lines;
	int checked = 0;

	(void)state;
	assert_int_equal(sqlite3_prepare_v2(ctx.db, "SELECT DISTINCT day "
	    "FROM purchases ORDER BY day", -1, &days, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(ctx.db, "SELECT f.code, "
	    "p.quantity, p.unit_price, p.amount FROM purchases p JOIN foods "
	    "f ON f.id = p.food_id WHERE p.day = ? ORDER BY p.id", -1,
	    &lines, NULL), SQLITE_OK);
	while (sqlite3_step(days) == SQLITE_ROW) {
		struct mn_market_list list;
		struct mn_error err;
		struct mn_date d;
		int64_t bought = 0;
		int rows = 0;
		size_t i = 0;

		assert_int_equal(mn_date_parse_iso((const char *)
		    sqlite3_column_text(days, 0), "date", &d, NULL), MN_OK);
		assert_int_equal(mn_kitchen_market(&ctx, &d, &list, &err),
		    MN_OK);
		sqlite3_bind_text(lines, 1, (const char *)
		    sqlite3_column_text(days, 0), -1, SQLITE_TRANSIENT);
		while (sqlite3_step(lines) == SQLITE_ROW) {
			assert_true(i < list.count);
			assert_int_equal(sqlite3_column_int(lines, 0),
			    list.lines[i].food->code);
			assert_float_equal(sqlite3_column_double(lines, 1),
			    list.lines[i].quantity, 1e-9);
			assert_int_equal(sqlite3_column_int64(lines, 2),
			    list.lines[i].unit_price);
			assert_int_equal(sqlite3_column_int64(lines, 3),
			    list.lines[i].amount);
			i++;
		}
		sqlite3_reset(lines);
		assert_int_equal(i, list.count);
		assert_int_equal(list.missing_prices, 0);
		assert_int_equal(mn_kitchen_purchases_total(&ctx, &d, &bought,
		    &rows, &err), MN_OK);
		assert_int_equal(bought, list.total);
		assert_int_equal(rows, (int)list.count);
		mn_market_free(&list);
		checked++;
	}
	sqlite3_finalize(lines);
	sqlite3_finalize(days);
	assert_true(checked > 0);
}

static void
test_safety_logs_for_past_days(void **state)
{
	(void)state;
	/*
	 * Past days with purchases have receiving checks, and every logged
	 * day has all three steps.
	 */
	assert_int_equal(query_int("SELECT count(DISTINCT menu_date) FROM "
	    "menu_items WHERE menu_date < date('now', 'localtime') AND "
	    "menu_date NOT IN (SELECT day FROM food_checks WHERE step = 1) "
	    "AND menu_date IN (SELECT day FROM purchases)"), 0);
	assert_int_equal(query_int("SELECT count(*) FROM (SELECT day FROM "
	    "food_checks GROUP BY day HAVING count(DISTINCT step) <> 3)"), 0);
	assert_true(query_int("SELECT count(*) FROM food_samples") > 0);
	/* No sample is disposed of before 24 hours. */
	assert_int_equal(query_int("SELECT count(*) FROM food_samples WHERE "
	    "disposed_at IS NOT NULL AND julianday(disposed_at) - "
	    "julianday(taken_at) < 1.0"), 0);
	/* Nothing is logged for days without purchases (future days). */
	assert_int_equal(query_int("SELECT count(*) FROM food_checks WHERE "
	    "day NOT IN (SELECT day FROM purchases)"), 0);
}

static void
test_suppliers_registered(void **state)
{
	(void)state;
	assert_int_equal(query_int("SELECT count(*) FROM suppliers WHERE "
	    "active = 1 AND certificate_no <> '' AND certificate_expiry IS "
	    "NOT NULL AND phone <> ''"), 3);
	/* Every purchase and receiving check points at the register. */
	assert_true(query_int("SELECT count(*) FROM purchases") > 0);
	assert_int_equal(query_int("SELECT count(*) FROM purchases p WHERE "
	    "p.supplier_id IS NULL OR p.supplier <> (SELECT s.name FROM "
	    "suppliers s WHERE s.id = p.supplier_id)"), 0);
	assert_int_equal(query_int("SELECT count(*) FROM food_checks WHERE "
	    "step = 1 AND supplier_id IS NULL"), 0);
	assert_int_equal(query_int("SELECT count(*) FROM food_checks WHERE "
	    "step > 1 AND supplier_id IS NOT NULL"), 0);
}

static void
test_view_lists(void **state)
{
	struct mn_dish_info *dishes;
	struct mn_meal_count_info info;
	struct mn_error err;
	struct mn_date d;
	size_t count;
	int64_t fee;
	sqlite3_stmt *st;

	(void)state;
	assert_int_equal(mn_kitchen_dish_list(&ctx, MN_GROUP_NHA_TRE,
	    &dishes, &count, &err), MN_OK);
	assert_int_equal((int64_t)count, query_int("SELECT count(DISTINCT "
	    "dish_id) FROM dish_items WHERE age_group = 'nha-tre'"));
	for (size_t i = 1; i < count; i++)
		assert_true(strcmp(dishes[i - 1].name, dishes[i].name) <= 0);
	free(dishes);

	assert_int_equal(sqlite3_prepare_v2(ctx.db, "SELECT day, planned, "
	    "from_attendance FROM meal_counts WHERE age_group = 'mau-giao' "
	    "AND from_attendance IS NOT NULL LIMIT 1", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(mn_date_parse_iso((const char *)
	    sqlite3_column_text(st, 0), "date", &d, NULL), MN_OK);
	assert_int_equal(mn_kitchen_meal_count_get(&ctx, &d,
	    MN_GROUP_MAU_GIAO, &info, &err), MN_OK);
	assert_int_equal(info.planned, sqlite3_column_int(st, 1));
	assert_int_equal(info.from_attendance, sqlite3_column_int(st, 2));
	assert_int_equal(info.manual, -1);
	assert_int_equal(info.effective, info.from_attendance);
	assert_true(info.from_attendance <= info.planned);
	sqlite3_finalize(st);

	assert_int_equal(mn_kitchen_meal_fee(&ctx, MN_GROUP_MAU_GIAO, &d,
	    &fee, &err), MN_OK);
	assert_int_equal(fee, query_int("SELECT fee_per_day FROM meal_fees "
	    "WHERE age_group = 'mau-giao'"));
	assert_true(fee > 0);
}

static void
test_view_denies_parent(void **state)
{
	struct mn_food_check_row *rows = NULL;
	struct mn_error err;
	struct mn_date d;
	size_t count = 0;
	unsigned roles = ctx.actor.roles;

	(void)state;
	mn_date_today(&d);
	ctx.actor.roles = MN_ROLE_PARENT;
	assert_int_equal(mn_kitchen_food_check_list(&ctx, &d, &rows, &count,
	    &err), MN_ERR_DENIED);
	assert_null(rows);
	ctx.actor.roles = roles;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_twice_rejected),
		cmocka_unit_test(test_menus_on_school_days),
		cmocka_unit_test(test_past_weeks_approved),
		cmocka_unit_test(test_purchases_match_market),
		cmocka_unit_test(test_safety_logs_for_past_days),
		cmocka_unit_test(test_suppliers_registered),
		cmocka_unit_test(test_view_lists),
		cmocka_unit_test(test_view_denies_parent),
		/* Last, because it changes a day's meal count. */
		cmocka_unit_test(test_meal_counts_follow_attendance),
		cmocka_unit_test(test_meal_count_capped),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
