/*
 * Health module: form validation, the weighing round in one transaction,
 * "measure again" rows left out of the statistics, round report counts
 * checked against the stored rows, and who may see what.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/account.h"
#include "core/config.h"
#include "core/date.h"
#include "core/db.h"
#include "core/health.h"
#include "core/reg_util.h"
#include "core/registers.h"

/*
 * The registers' tables, created only when the schema does not have them
 * yet, in the registers' shape, so these tests run before and after the
 * registers land.
 */
static const char register_tables[] =
    "CREATE TABLE IF NOT EXISTS school_years (id INTEGER PRIMARY KEY, "
    "name TEXT NOT NULL UNIQUE, first_day TEXT NOT NULL, last_day TEXT "
    "NOT NULL, version INTEGER NOT NULL DEFAULT 1, changed_by TEXT NOT "
    "NULL, changed_at TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS staff (id INTEGER PRIMARY KEY, staff_code "
    "TEXT NOT NULL UNIQUE, full_name TEXT NOT NULL, name_fold TEXT NOT "
    "NULL, name_key TEXT NOT NULL, sex TEXT NOT NULL, account_id INTEGER "
    "UNIQUE, version INTEGER NOT NULL DEFAULT 1, changed_by TEXT NOT NULL, "
    "changed_at TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS classes (id INTEGER PRIMARY KEY, "
    "school_year_id INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT "
    "NULL, age_group TEXT NOT NULL, capacity INTEGER NOT NULL, version "
    "INTEGER NOT NULL DEFAULT 1, changed_by TEXT NOT NULL, changed_at TEXT "
    "NOT NULL);"
    "CREATE TABLE IF NOT EXISTS class_teachers (class_id INTEGER NOT NULL, "
    "staff_id INTEGER NOT NULL, PRIMARY KEY (class_id, staff_id));"
    "CREATE TABLE IF NOT EXISTS children (id INTEGER PRIMARY KEY, "
    "school_code TEXT NOT NULL UNIQUE, full_name TEXT NOT NULL, name_fold "
    "TEXT NOT NULL, name_key TEXT NOT NULL, birth_date TEXT NOT NULL, sex "
    "TEXT NOT NULL, class_id INTEGER, enrolment_date TEXT NOT NULL, status "
    "TEXT NOT NULL DEFAULT 'enrolled', allergies TEXT NOT NULL DEFAULT '', "
    "chronic_conditions TEXT NOT NULL DEFAULT '', version INTEGER NOT NULL "
    "DEFAULT 1, changed_by TEXT NOT NULL, changed_at TEXT NOT NULL);";

/* Two classes of school year 2025-2026; the teacher has class 1 only. */
static const char school[] =
    "INSERT INTO school_years (id, name, first_day, last_day, changed_by, "
    "changed_at) VALUES (1, '2025-2026', '2025-09-05', '2026-05-31', 't', "
    "'t');"
    "INSERT INTO classes (id, school_year_id, code, name, age_group, "
    "capacity, changed_by, changed_at) VALUES "
    "(1, 1, 'MG4A', 'Chồi A', 'mg-4-5', 30, 't', 't'),"
    "(2, 1, 'NT2A', 'Nhà trẻ A', 'nt-24-36', 25, 't', 't');";

struct kid {
	const char *name, *birth, *sex, *allergies;
	int class_id;
};

static const struct kid kids[] = {
	{ "Nguyễn Văn An", "2021-03-10", "M", "", 1 },
	{ "Trần Thị Bình", "2021-06-22", "F", "Tôm, cua", 1 },
	{ "Lê Minh Châu", "2020-12-01", "M", "", 1 },
	{ "Phạm Thu Dung", "2021-01-15", "F", "", 1 },
	{ "Hoàng Gia Huy", "2023-02-05", "M", "Sữa bò", 2 },
	{ "Vũ Ngọc Lan", "2023-05-30", "F", "", 2 },
};
#define KID_COUNT (sizeof kids / sizeof *kids)

struct fixture {
	struct mn_ctx ctx;
	struct mn_config cfg;
	struct mn_actor host;
	int64_t teacher, nurse, kitchen, accountant, clerk, principal;
};

static void
exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("SQL failed: %s", msg);
}

static int64_t
add_account(struct fixture *f, const char *login, unsigned roles)
{
	struct mn_error err = { 0 };
	int64_t id = 0;

	if (mn_account_add(&f->ctx, login, roles, login, "password-1234", &id,
	    &err) != MN_OK)
		fail_msg("mn_account_add %s: %s", login, err.message);
	return id;
}

static void
act_as(struct fixture *f, int64_t id, unsigned roles)
{
	if (roles == MN_ROLE_HOST) {
		f->ctx.actor = f->host;
		return;
	}
	memset(&f->ctx.actor, 0, sizeof f->ctx.actor);
	f->ctx.actor.account_id = id;
	f->ctx.actor.roles = roles;
	snprintf(f->ctx.actor.login, sizeof f->ctx.actor.login, "user%lld",
	    (long long)id);
	snprintf(f->ctx.actor.source, sizeof f->ctx.actor.source, "local");
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char sql[512];
	sqlite3_stmt *st;

	test_open_db(&f->ctx, &f->cfg);
	f->host = f->ctx.actor;
	exec(f->ctx.db, register_tables);
	exec(f->ctx.db, school);
	f->teacher = add_account(f, "teacher", MN_ROLE_TEACHER);
	f->nurse = add_account(f, "nurse", MN_ROLE_NURSE);
	f->kitchen = add_account(f, "kitchen", MN_ROLE_KITCHEN);
	f->accountant = add_account(f, "accountant", MN_ROLE_ACCOUNTANT);
	f->clerk = add_account(f, "clerk", MN_ROLE_CLERK);
	f->principal = add_account(f, "principal", MN_ROLE_PRINCIPAL);
	snprintf(sql, sizeof sql,
	    "INSERT INTO staff (id, staff_code, full_name, name_fold, "
	    "name_key, sex, account_id, changed_by, changed_at) "
	    "VALUES (1, 'GV01', "
	    "'Trần Thị Mai', 'tran thi mai', 'mai', 'F', %lld, 't', 't');"
	    "INSERT INTO class_teachers (class_id, staff_id) VALUES (1, 1);",
	    (long long)f->teacher);
	exec(f->ctx.db, sql);
	if (sqlite3_prepare_v2(f->ctx.db,
	    "INSERT INTO children (id, school_code, full_name, name_fold, "
	    "name_key, birth_date, sex, class_id, enrolment_date, allergies, "
	    "changed_by, changed_at) VALUES (?1, 'HS' || ?1, ?2, ?2, ?2, ?3, "
	    "?4, ?5, '2025-09-05', ?6, 't', 't')", -1, &st, NULL) != SQLITE_OK)
		fail_msg("prepare: %s", sqlite3_errmsg(f->ctx.db));
	for (size_t i = 0; i < KID_COUNT; i++) {
		sqlite3_bind_int64(st, 1, (int64_t)i + 1);
		sqlite3_bind_text(st, 2, kids[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, kids[i].birth, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, kids[i].sex, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, kids[i].class_id);
		sqlite3_bind_text(st, 6, kids[i].allergies, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			fail_msg("insert child: %s",
			    sqlite3_errmsg(f->ctx.db));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
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

static int
count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("prepare %s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static struct mn_measure_input
input(int64_t child, const char *date, double kg, double cm, int position)
{
	struct mn_measure_input in;

	memset(&in, 0, sizeof in);
	in.child_id = child;
	snprintf(in.date, sizeof in.date, "%s", date);
	snprintf(in.round, sizeof in.round, "%.7s", date);
	in.weight_kg = kg;
	in.height_cm = cm;
	in.position = position;
	return in;
}

static void
expect_invalid(struct fixture *f, struct mn_measure_input in,
    const char *field)
{
	struct mn_error err = { 0 };

	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, field);
	assert_true(err.message[0] != '\0');
}

static void
test_measure_rejects_bad_form(void **state)
{
	struct fixture *f = *state;
	struct mn_measure_input in;
	struct mn_date today;
	char tomorrow[11];

	act_as(f, f->nurse, MN_ROLE_NURSE);
	expect_invalid(f, input(1, "2025-09-15", 0.0, 104.0,
	    MN_POSITION_STANDING), "weight");
	expect_invalid(f, input(1, "2025-09-15", 250.0, 104.0,
	    MN_POSITION_STANDING), "weight");
	expect_invalid(f, input(1, "2025-09-15", 0.9, 104.0,
	    MN_POSITION_STANDING), "weight");
	expect_invalid(f, input(1, "2025-09-15", 16.0, 37.9,
	    MN_POSITION_STANDING), "height");
	expect_invalid(f, input(1, "2025-09-15", 16.0, 150.1,
	    MN_POSITION_STANDING), "height");
	expect_invalid(f, input(1, "2025-09-15", 16.0, 104.0,
	    MN_POSITION_NONE), "position");
	/* Child 1 was born on 2021-03-10. */
	expect_invalid(f, input(1, "2021-03-09", 3.0, 50.0,
	    MN_POSITION_LYING), "date");
	mn_date_today(&today);
	mn_date_from_days(mn_date_to_days(&today) + 1, &today);
	mn_date_format_iso(&today, tomorrow, sizeof tomorrow);
	expect_invalid(f, input(1, tomorrow, 16.0, 104.0,
	    MN_POSITION_STANDING), "date");
	in = input(1, "2025-09-15", 16.0, 104.0, MN_POSITION_STANDING);
	snprintf(in.round, sizeof in.round, "2025-13");
	expect_invalid(f, in, "round");
	in = input(1, "2025-09-15", 16.0, 104.0, MN_POSITION_STANDING);
	in.head_cm = 80.0;
	expect_invalid(f, in, "head");
	assert_int_equal(count(f->ctx.db,
	    "SELECT count(*) FROM measurements"), 0);
	/* The limits themselves are accepted. */
	in = input(1, "2025-09-15", 60.0, 150.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
}

static void
test_round_writes_all_or_nothing(void **state)
{
	struct fixture *f = *state;
	struct mn_measure_input rows[4];
	struct mn_error err = { 0 };
	int64_t ids[4] = { 0 };
	size_t bad = 99;

	act_as(f, f->nurse, MN_ROLE_NURSE);
	rows[0] = input(1, "", 16.2, 103.5, MN_POSITION_STANDING);
	rows[1] = input(2, "", 15.1, 100.2, MN_POSITION_STANDING);
	rows[2] = input(3, "", 0.0, 106.0, MN_POSITION_STANDING);
	rows[3] = input(4, "", 15.8, 102.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_round(&f->ctx, "2025-09-16", "2025-09",
	    rows, 4, ids, &bad, &err), MN_ERR_INVALID);
	assert_int_equal(bad, 2);
	assert_string_equal(err.field, "weight");
	assert_int_equal(count(f->ctx.db,
	    "SELECT count(*) FROM measurements"), 0);
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM audit "
	    "WHERE table_name = 'measurements'"), 0);

	rows[2].weight_kg = 17.0;
	assert_int_equal(mn_measure_round(&f->ctx, "2025-09-16", "2025-09",
	    rows, 4, ids, &bad, &err), MN_OK);
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM measurements "
	    "WHERE round = '2025-09' AND measured_on = '2025-09-16'"), 4);
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM audit a "
	    "JOIN audit_values v ON v.audit_id = a.id WHERE a.action = "
	    "'insert' AND a.table_name = 'measurements' AND "
	    "json_extract(v.new_values, '$.weight_kg') IS NOT NULL"), 4);
	for (int i = 0; i < 4; i++)
		assert_true(ids[i] > 0);

	/* A second entry on the same day is reported, not doubled. */
	assert_int_equal(mn_measure_round(&f->ctx, "2025-09-16", "2025-09",
	    rows, 1, NULL, &bad, &err), MN_ERR_EXISTS);
	assert_int_equal(count(f->ctx.db,
	    "SELECT count(*) FROM measurements"), 4);
}

static void
test_measure_stores_zscores(void **state)
{
	struct fixture *f = *state;
	struct mn_measure_input in;
	struct mn_measurement m;
	struct mn_zscore z[MN_INDICATOR_COUNT];
	struct mn_date b, d;
	int64_t id = 0;

	act_as(f, f->nurse, MN_ROLE_NURSE);
	in = input(5, "2025-09-16", 12.34, 88.06, MN_POSITION_LYING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, &id, NULL), MN_OK);
	assert_int_equal(mn_measure_get(&f->ctx, id, &m, NULL), MN_OK);
	assert_true(fabs(m.weight_kg - 12.3) < 1e-9);
	assert_true(fabs(m.height_cm - 88.1) < 1e-9);
	mn_date_parse_iso("2023-02-05", "b", &b, NULL);
	mn_date_parse_iso("2025-09-16", "d", &d, NULL);
	assert_int_equal(m.age_days, mn_date_to_days(&d) - mn_date_to_days(&b));
	/* Same numbers as growth.c gives for the stored, rounded values. */
	mn_growth_zscores(1, m.age_days, 12.3, 88.1, true, z);
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		assert_int_equal(z[i].computed, !isnan(m.z[i]));
		if (z[i].computed) {
			assert_true(fabs(z[i].z - m.z[i]) < 1e-9);
			assert_int_equal(z[i].category, m.category[i]);
		}
	}
	assert_false(m.measure_again);
}

static void
test_implausible_flag_excluded(void **state)
{
	struct fixture *f = *state;
	struct mn_measure_input rows[3];
	struct mn_round_report rep;
	struct mn_measurement m;
	int64_t ids[3];
	size_t bad;

	act_as(f, f->nurse, MN_ROLE_NURSE);
	rows[0] = input(1, "", 16.0, 104.0, MN_POSITION_STANDING);
	/* 45 kg at 100 cm for a 4-year-old is far beyond +5 SD. */
	rows[1] = input(2, "", 45.0, 100.0, MN_POSITION_STANDING);
	rows[2] = input(3, "", 17.0, 106.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_round(&f->ctx, "2025-09-16", "2025-09",
	    rows, 3, ids, &bad, NULL), MN_OK);
	assert_int_equal(mn_measure_get(&f->ctx, ids[1], &m, NULL), MN_OK);
	assert_true(m.measure_again);
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM measurements "
	    "WHERE measure_again = 1"), 1);

	assert_int_equal(mn_round_report_build(&f->ctx, "2025-09", NULL, &rep,
	    NULL), MN_OK);
	assert_true(rep.group_count > 0);
	assert_int_equal(rep.groups[0].dimension, MN_DIM_ALL);
	assert_int_equal(rep.groups[0].measured, 3);
	assert_int_equal(rep.groups[0].flagged, 1);
	assert_int_equal(rep.groups[0].included, 2);
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		assert_true(rep.groups[0].computed[i] <= 2);
		assert_int_equal(rep.groups[0].counts[i][MN_GROWTH_IMPLAUSIBLE],
		    0);
	}
	/* The flagged child is on the follow-up list. */
	bool listed = false;
	for (size_t i = 0; i < rep.follow_count; i++)
		if (rep.follow[i].child_id == 2 && rep.follow[i].measure_again)
			listed = true;
	assert_true(listed);
	mn_round_report_free(&rep);

	/* After a correct re-measurement the child counts normally. */
	rows[1] = input(2, "2025-09-18", 15.0, 100.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &rows[1], NULL, NULL), MN_OK);
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-09", NULL, &rep,
	    NULL), MN_OK);
	assert_int_equal(rep.groups[0].measured, 3);
	assert_int_equal(rep.groups[0].flagged, 0);
	mn_round_report_free(&rep);
}

/* Weights and heights that spread the children over several categories. */
static const double spread[KID_COUNT][2] = {
	{ 16.0, 104.0 }, { 11.0, 92.0 }, { 23.5, 105.0 }, { 12.2, 101.0 },
	{ 9.0, 84.0 }, { 12.0, 90.0 },
};

/* A stored measurement for mn_measure_change_check. */
static struct mn_measurement
stored(const char *date, double kg, double cm, int position)
{
	struct mn_measurement m;

	memset(&m, 0, sizeof m);
	snprintf(m.date, sizeof m.date, "%s", date);
	m.weight_kg = kg;
	m.height_cm = cm;
	m.position = position;
	return m;
}

static void
test_change_check_rule(void **state)
{
	struct mn_measurement prev = stored("2025-09-01", 16.0, 104.0,
	    MN_POSITION_STANDING);
	struct mn_measure_input in;

	(void)state;
	/* Height: up to 1.0 cm lower passes, more is a drop. */
	in = input(1, "2025-09-06", 16.0, 103.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_change_check(&prev, &in), 0);
	in.height_cm = 102.9;
	assert_int_equal(mn_measure_change_check(&prev, &in),
	    MN_CHANGE_HEIGHT_DROP);
	/* The report's case: 98,1 cm then 92,3 cm five days later. */
	prev = stored("2026-11-30", 16.4, 98.1, MN_POSITION_STANDING);
	in = input(1, "2026-12-05", 16.5, 92.3, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_change_check(&prev, &in),
	    MN_CHANGE_HEIGHT_DROP);
	/* Lying length to standing height allows 0.7 cm more. */
	prev = stored("2025-09-01", 12.0, 88.0, MN_POSITION_LYING);
	in = input(1, "2025-09-20", 12.0, 86.3, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_change_check(&prev, &in), 0);
	in.height_cm = 86.2;
	assert_int_equal(mn_measure_change_check(&prev, &in),
	    MN_CHANGE_HEIGHT_DROP);
	/* Standing to lying: the length should read 0.7 cm more. */
	prev = stored("2025-09-01", 12.0, 88.0, MN_POSITION_STANDING);
	in = input(1, "2025-09-20", 12.0, 87.7, MN_POSITION_LYING);
	assert_int_equal(mn_measure_change_check(&prev, &in), 0);
	in.height_cm = 87.6;
	assert_int_equal(mn_measure_change_check(&prev, &in),
	    MN_CHANGE_HEIGHT_DROP);
	/* Weight: 10 % within 30 days passes, more does not. */
	prev = stored("2025-09-01", 20.0, 110.0, MN_POSITION_STANDING);
	in = input(1, "2025-10-01", 22.0, 110.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_change_check(&prev, &in), 0);
	in.weight_kg = 22.1;
	assert_int_equal(mn_measure_change_check(&prev, &in),
	    MN_CHANGE_WEIGHT_RATE);
	in.weight_kg = 17.9;
	assert_int_equal(mn_measure_change_check(&prev, &in),
	    MN_CHANGE_WEIGHT_RATE);
	/* 31 days start a second period: 20 % passes. */
	in = input(1, "2025-10-02", 24.0, 110.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_change_check(&prev, &in), 0);
	in.weight_kg = 24.1;
	in.height_cm = 108.0;
	assert_int_equal(mn_measure_change_check(&prev, &in),
	    MN_CHANGE_WEIGHT_RATE | MN_CHANGE_HEIGHT_DROP);
	/* Nothing to compare: a missing value or no later date. */
	in = input(1, "2025-09-15", 0.0, 0.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_change_check(&prev, &in), 0);
	in = input(1, "2025-09-01", 30.0, 90.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_change_check(&prev, &in), 0);
	assert_int_equal(mn_measure_change_check(NULL, &in), 0);
}

static int
measure_again_of(struct fixture *f, int64_t child, const char *date)
{
	char sql[200];

	snprintf(sql, sizeof sql, "SELECT measure_again FROM measurements "
	    "WHERE child_id = %lld AND measured_on = '%s'", (long long)child,
	    date);
	return count(f->ctx.db, sql);
}

static void
test_implausible_change_flagged(void **state)
{
	struct fixture *f = *state;
	struct mn_measure_input in;
	struct mn_round_report rep;
	struct mn_error err = { 0 };

	act_as(f, f->nurse, MN_ROLE_NURSE);
	in = input(1, "2025-09-10", 16.0, 104.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	in = input(2, "2025-09-10", 15.0, 100.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	in = input(3, "2025-09-10", 17.0, 106.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	/* Child 1 shrinks 1,5 cm: stored, but flagged. */
	in = input(1, "2025-09-20", 16.1, 102.5, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, &err), MN_OK);
	assert_int_equal(measure_again_of(f, 1, "2025-09-20"), 1);
	/* Child 2 gains 13 %: re-checked, so it counts. */
	in = input(2, "2025-09-20", 17.0, 100.5, MN_POSITION_STANDING);
	in.change_checked = true;
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	assert_int_equal(measure_again_of(f, 2, "2025-09-20"), 0);
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM audit "
	    "WHERE table_name = 'measurements' AND action = 'insert' AND "
	    "detail = 'implausible change checked'"), 1);
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM audit "
	    "WHERE table_name = 'measurements' AND action = 'insert' AND "
	    "detail = 'implausible change, measure again'"), 1);
	/* A plausible change stays unflagged. */
	in = input(3, "2025-09-20", 17.1, 106.2, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	assert_int_equal(measure_again_of(f, 3, "2025-09-20"), 0);

	/* The report leaves child 1 out of the rates and lists it. */
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-09", NULL, &rep,
	    NULL), MN_OK);
	assert_int_equal(rep.groups[0].measured, 3);
	assert_int_equal(rep.groups[0].flagged, 1);
	assert_int_equal(rep.groups[0].included, 2);
	for (int i = 0; i < MN_INDICATOR_COUNT; i++)
		assert_true(rep.groups[0].computed[i] <= 2);
	bool listed = false;
	for (size_t i = 0; i < rep.follow_count; i++)
		if (rep.follow[i].child_id == 1 && rep.follow[i].measure_again)
			listed = true;
	assert_true(listed);
	mn_round_report_free(&rep);

	/*
	 * The next values are compared with the last plausible ones
	 * (104,0 cm), not with the slip: 103,8 cm passes.
	 */
	in = input(1, "2025-09-25", 16.1, 103.8, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	assert_int_equal(measure_again_of(f, 1, "2025-09-25"), 0);
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-09", NULL, &rep,
	    NULL), MN_OK);
	assert_int_equal(rep.groups[0].flagged, 0);
	assert_int_equal(rep.groups[0].included, 3);
	mn_round_report_free(&rep);
}

static void
test_second_measurement_named(void **state)
{
	struct fixture *f = *state;
	struct mn_measure_input in;
	struct mn_measure_input rows[2];
	struct mn_error err = { 0 };
	size_t bad = 99;
	char who[32];

	mn_set_language(MN_LANG_VI);
	act_as(f, f->nurse, MN_ROLE_NURSE);
	in = input(1, "2025-09-10", 16.0, 104.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	/* A second nurse enters the round with the same child. */
	act_as(f, f->principal, MN_ROLE_NURSE);
	rows[0] = input(3, "", 17.0, 106.0, MN_POSITION_STANDING);
	rows[1] = input(1, "", 16.2, 104.3, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_round(&f->ctx, "2025-09-10", "2025-09",
	    rows, 2, NULL, &bad, &err), MN_ERR_EXISTS);
	assert_int_equal(bad, 1);
	assert_non_null(strstr(err.message, "Nguyễn Văn An"));
	assert_non_null(strstr(err.message, "10/09/2025"));
	assert_non_null(strstr(err.message, "16,0 kg"));
	assert_non_null(strstr(err.message, "104,0 cm"));
	/* Who saved the first one, not who is saving now. */
	snprintf(who, sizeof who, "user%lld", (long long)f->nurse);
	assert_non_null(strstr(err.message, who));
	assert_null(strstr(err.message, f->ctx.actor.login));
	assert_null(strstr(err.message, "2025-09-10"));
	assert_null(strstr(err.message, "trẻ 1 "));
	/* Nothing of the round was written, nothing overwritten. */
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM measurements"),
	    1);
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM measurements "
	    "WHERE weight_kg = 16.0 AND version = 1"), 1);
}

static void
test_missing_value_named(void **state)
{
	struct mn_measure_input in;
	struct mn_error err = { 0 };

	(void)state;
	mn_set_language(MN_LANG_VI);
	in = input(1, "2025-09-10", 0.0, 104.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_check(&in, "2021-03-10", &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "weight");
	assert_non_null(strstr(err.message, "chưa nhập cân nặng"));
	assert_null(strstr(err.message, "cân nặng 0"));
	in = input(1, "2025-09-10", 16.0, 0.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_check(&in, "2021-03-10", &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "height");
	assert_non_null(strstr(err.message, "chưa nhập chiều dài"));
	/* A value out of range is shown with the decimal comma. */
	in = input(1, "2025-09-10", 156.0, 104.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_check(&in, "2021-03-10", &err),
	    MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "156,0 kg"));
	assert_non_null(strstr(err.message, "1,0-60,0 kg"));
	assert_null(strstr(err.message, "."));
	mn_set_language(MN_LANG_EN);
	assert_int_equal(mn_measure_check(&in, "2021-03-10", &err),
	    MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "156.0 kg"));
	assert_non_null(strstr(err.message, "1.0-60.0 kg"));
	mn_set_language(MN_LANG_VI);
}

static void
test_class_code_any_case(void **state)
{
	struct fixture *f = *state;
	struct mn_round_report rep;
	struct mn_class c;
	struct mn_error err = { 0 };
	struct mn_measure_input in;
	char code[32];

	assert_int_equal(mn_class_code_stored(&f->ctx, " mg4a ", code,
	    sizeof code), MN_OK);
	assert_string_equal(code, "MG4A");
	assert_int_equal(mn_class_code_stored(&f->ctx, "Nt2a", code,
	    sizeof code), MN_OK);
	assert_string_equal(code, "NT2A");
	assert_int_equal(mn_class_code_stored(&f->ctx, "MG9Z", code,
	    sizeof code), MN_ERR_NOTFOUND);
	assert_string_equal(code, "MG9Z");
	act_as(f, f->principal, MN_ROLE_PRINCIPAL);
	assert_int_equal(mn_class_get(&f->ctx, 1, "mg4a", &c, &err), MN_OK);
	assert_string_equal(c.code, "MG4A");
	assert_int_equal(c.id, 1);

	act_as(f, f->nurse, MN_ROLE_NURSE);
	in = input(1, "2025-09-10", 16.0, 104.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	/* The teacher of MG4A types her class in lower case. */
	act_as(f, f->teacher, MN_ROLE_TEACHER);
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-09", "mg4a",
	    &rep, &err), MN_OK);
	assert_string_equal(rep.class_code, "MG4A");
	assert_int_equal(rep.groups[0].measured, 1);
	mn_round_report_free(&rep);
	/* Another class is still refused, whatever its case. */
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-09", "nt2a",
	    &rep, &err), MN_ERR_DENIED);
}

static void
test_report_counts_match_rows(void **state)
{
	static const char *const columns[MN_INDICATOR_COUNT] = {
		"cat_wfa", "cat_lhfa", "cat_wflh", "cat_bfa",
	};
	struct fixture *f = *state;
	struct mn_measure_input rows[KID_COUNT];
	struct mn_round_report rep;
	const struct mn_report_group *all = NULL;
	char sql[512];
	size_t bad;
	int expected, sum;

	act_as(f, f->nurse, MN_ROLE_NURSE);
	for (size_t i = 0; i < KID_COUNT; i++)
		rows[i] = input((int64_t)i + 1, "", spread[i][0], spread[i][1],
		    kids[i].class_id == 2 ? MN_POSITION_LYING :
		    MN_POSITION_STANDING);
	assert_int_equal(mn_measure_round(&f->ctx, "2025-12-10", "2025-12",
	    rows, KID_COUNT, NULL, &bad, NULL), MN_OK);
	/* A measurement of another round must not be counted. */
	rows[0] = input(1, "2025-09-15", 15.0, 101.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &rows[0], NULL, NULL), MN_OK);

	act_as(f, f->principal, MN_ROLE_PRINCIPAL);
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-12", "", &rep,
	    NULL), MN_OK);
	for (size_t g = 0; g < rep.group_count; g++)
		if (rep.groups[g].dimension == MN_DIM_ALL)
			all = &rep.groups[g];
	assert_non_null(all);
	assert_int_equal(all->measured, count(f->ctx.db,
	    "SELECT count(*) FROM measurements WHERE round = '2025-12'"));
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		for (int c = 0; c < MN_GROWTH_CATEGORY_COUNT; c++) {
			snprintf(sql, sizeof sql, "SELECT count(*) FROM "
			    "measurements WHERE round = '2025-12' AND "
			    "measure_again = 0 AND %s = '%s'", columns[i],
			    mn_growth_category_name(c));
			expected = count(f->ctx.db, sql);
			if (c == MN_GROWTH_NONE)
				continue;
			assert_int_equal(all->counts[i][c], expected);
			/* Class groups add up to the whole. */
			sum = 0;
			for (size_t g = 0; g < rep.group_count; g++)
				if (rep.groups[g].dimension == MN_DIM_CLASS)
					sum += rep.groups[g].counts[i][c];
			assert_int_equal(sum, expected);
			sum = 0;
			for (size_t g = 0; g < rep.group_count; g++)
				if (rep.groups[g].dimension == MN_DIM_SEX)
					sum += rep.groups[g].counts[i][c];
			assert_int_equal(sum, expected);
		}
		if (all->computed[i] > 0)
			assert_true(fabs(mn_report_percent(all, i,
			    MN_GROWTH_NORMAL) - 100.0 *
			    all->counts[i][MN_GROWTH_NORMAL] /
			    all->computed[i]) < 1e-9);
	}
	/* Every child with a concern is listed, and only those. */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM measurements WHERE "
	    "round = '2025-12' AND (measure_again = 1 OR cat_wfa IN "
	    "('moderate', 'severe') OR cat_lhfa IN ('moderate', 'severe') OR "
	    "cat_wflh IN ('moderate', 'severe', 'overweight', 'obese') OR "
	    "cat_bfa IN ('moderate', 'severe', 'overweight', 'obese'))");
	assert_int_equal((int)rep.follow_count, count(f->ctx.db, sql));
	assert_true(rep.follow_count > 0);
	mn_round_report_free(&rep);

	/* One class only. */
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-12", "NT2A",
	    &rep, NULL), MN_OK);
	assert_int_equal(rep.groups[0].measured, 2);
	mn_round_report_free(&rep);

	assert_int_equal(mn_round_report_build(&f->ctx, "2025-13", NULL, &rep,
	    NULL), MN_ERR_INVALID);
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-1", NULL, &rep,
	    NULL), MN_ERR_INVALID);
}

static void
test_teacher_scope(void **state)
{
	struct fixture *f = *state;
	struct mn_measure_input mine, other;
	struct mn_round_report rep;
	struct mn_health_summary sum;
	struct mn_error err = { 0 };
	struct mn_measurement *list = NULL;
	size_t n = 0, bad = 0;
	struct mn_visit visit;

	act_as(f, f->teacher, MN_ROLE_TEACHER);
	mine = input(1, "2025-09-16", 16.0, 104.0, MN_POSITION_STANDING);
	other = input(5, "2025-09-16", 12.0, 88.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &mine, NULL, &err), MN_OK);
	assert_int_equal(mn_measure_add(&f->ctx, &other, NULL, &err),
	    MN_ERR_DENIED);
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM audit WHERE "
	    "action = 'denied' AND row_id = 5"), 1);
	/* A round with a child of another class writes nothing. */
	struct mn_measure_input both[2] = { mine, other };
	both[0].child_id = 2;
	assert_int_equal(mn_measure_round(&f->ctx, "2025-09-17", "2025-09",
	    both, 2, NULL, &bad, &err), MN_ERR_DENIED);
	assert_int_equal(bad, 1);
	assert_int_equal(count(f->ctx.db,
	    "SELECT count(*) FROM measurements"), 1);

	assert_int_equal(mn_measure_list(&f->ctx, 1, &list, &n, &err), MN_OK);
	assert_int_equal(n, 1);
	free(list);
	assert_int_equal(mn_measure_list(&f->ctx, 5, &list, &n, &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_health_summary_get(&f->ctx, 2, &sum, &err), MN_OK);
	assert_string_equal(sum.allergies, "Tôm, cua");
	assert_int_equal(mn_health_summary_get(&f->ctx, 6, &sum, &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-09", "MG4A",
	    &rep, &err), MN_OK);
	mn_round_report_free(&rep);
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-09", "NT2A",
	    &rep, &err), MN_ERR_DENIED);
	assert_int_equal(mn_round_report_build(&f->ctx, "2025-09", NULL,
	    &rep, &err), MN_ERR_DENIED);
	/* The medical room is the nurse's. */
	memset(&visit, 0, sizeof visit);
	visit.child_id = 1;
	snprintf(visit.visit_at, sizeof visit.visit_at, "2025-09-16 09:30");
	visit.complaint = "Đau bụng";
	visit.action = MN_VISIT_REST;
	assert_int_equal(mn_visit_add(&f->ctx, &visit, NULL, &err),
	    MN_ERR_DENIED);
}

static void
test_other_roles_denied(void **state)
{
	struct fixture *f = *state;
	const struct { int64_t id; unsigned roles; } who[] = {
		{ f->accountant, MN_ROLE_ACCOUNTANT },
		{ f->clerk, MN_ROLE_CLERK },
		{ 1, MN_ROLE_ADMIN },
		{ f->kitchen, MN_ROLE_KITCHEN },
	};
	struct mn_measure_input in;
	struct mn_measurement *list = NULL, prev;
	struct mn_health_summary sum;
	struct mn_growth_status gs;
	struct mn_round_report rep;
	struct mn_allergy_row *rows = NULL;
	struct mn_medical_counts mc;
	size_t n = 0;
	int64_t id = 0;

	act_as(f, f->nurse, MN_ROLE_NURSE);
	in = input(1, "2025-09-16", 16.0, 104.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, &id, NULL), MN_OK);
	for (size_t i = 0; i < sizeof who / sizeof *who; i++) {
		act_as(f, who[i].id, who[i].roles);
		in.child_id = 2;
		assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL),
		    MN_ERR_DENIED);
		assert_int_equal(mn_measure_list(&f->ctx, 1, &list, &n, NULL),
		    MN_ERR_DENIED);
		assert_null(list);
		assert_int_equal(mn_measure_get(&f->ctx, id, &prev, NULL),
		    MN_ERR_DENIED);
		assert_int_equal(mn_measure_previous(&f->ctx, 1, NULL, &prev,
		    NULL), MN_ERR_DENIED);
		assert_int_equal(mn_growth_status_get(&f->ctx, 1, &gs, NULL),
		    MN_ERR_DENIED);
		assert_int_equal(mn_health_summary_get(&f->ctx, 1, &sum, NULL),
		    MN_ERR_DENIED);
		assert_int_equal(mn_medical_counts_get(&f->ctx, 1, &mc, NULL),
		    MN_ERR_DENIED);
		assert_int_equal(mn_round_report_build(&f->ctx, "2025-09",
		    NULL, &rep, NULL), MN_ERR_DENIED);
		if (who[i].roles != MN_ROLE_KITCHEN)
			assert_int_equal(mn_health_allergies(&f->ctx, NULL,
			    &rows, &n, NULL), MN_ERR_DENIED);
	}
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM measurements"),
	    1);
}

static void
test_kitchen_sees_allergies_only(void **state)
{
	struct fixture *f = *state;
	struct mn_allergy_row *rows = NULL;
	size_t n = 0;

	act_as(f, f->kitchen, MN_ROLE_KITCHEN);
	assert_int_equal(mn_health_allergies(&f->ctx, NULL, &rows, &n, NULL),
	    MN_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].class_code, "MG4A");
	assert_string_equal(rows[0].allergies, "Tôm, cua");
	assert_string_equal(rows[1].allergies, "Sữa bò");
	free(rows);
	assert_int_equal(mn_health_allergies(&f->ctx, "NT2A", &rows, &n,
	    NULL), MN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].child_id, 5);
	free(rows);

	/* A teacher sees the allergies of her own classes only. */
	act_as(f, f->teacher, MN_ROLE_TEACHER);
	assert_int_equal(mn_health_allergies(&f->ctx, NULL, &rows, &n, NULL),
	    MN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].child_id, 2);
	free(rows);
}

static void
test_principal_reads_not_writes(void **state)
{
	struct fixture *f = *state;
	struct mn_measure_input in;
	struct mn_measurement *list = NULL;
	struct mn_medical_counts mc;
	size_t n = 0;
	int views;

	act_as(f, f->nurse, MN_ROLE_NURSE);
	in = input(3, "2025-09-16", 17.0, 106.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	act_as(f, f->principal, MN_ROLE_PRINCIPAL);
	in.child_id = 4;
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL),
	    MN_ERR_DENIED);
	views = count(f->ctx.db, "SELECT count(*) FROM audit WHERE action = "
	    "'view' AND row_id = 3");
	assert_int_equal(mn_measure_list(&f->ctx, 3, &list, &n, NULL), MN_OK);
	assert_int_equal(n, 1);
	free(list);
	assert_int_equal(mn_medical_counts_get(&f->ctx, 3, &mc, NULL), MN_OK);
	/* Each read of the child's record leaves one "view" row. */
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM audit WHERE "
	    "action = 'view' AND row_id = 3"), views + 2);
}

static void
test_update_and_trend(void **state)
{
	struct fixture *f = *state;
	struct mn_measure_input in;
	struct mn_measurement m, prev;
	struct mn_growth_status gs;
	struct mn_error err = { 0 };
	int64_t first = 0, second = 0;

	act_as(f, f->nurse, MN_ROLE_NURSE);
	in = input(1, "2025-09-16", 16.0, 104.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, &first, NULL), MN_OK);
	/* 13 kg at 105 cm is below -3 SD: the trend gets worse. */
	in = input(1, "2025-12-10", 13.0, 105.0, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, &second, NULL), MN_OK);

	assert_int_equal(mn_measure_previous(&f->ctx, 1, "2025-12-10", &prev,
	    NULL), MN_OK);
	assert_int_equal(prev.id, first);
	assert_int_equal(mn_measure_previous(&f->ctx, 1, "2025-09-16", &prev,
	    &err), MN_ERR_NOTFOUND);

	assert_int_equal(mn_growth_status_get(&f->ctx, 1, &gs, NULL), MN_OK);
	assert_true(gs.has_latest);
	assert_true(gs.has_previous);
	assert_int_equal(gs.latest.id, second);
	assert_true(fabs(gs.weight_gain_kg + 3.0) < 1e-9);
	assert_true(gs.no_weight_gain);
	assert_int_equal(gs.trend[MN_WFLH], MN_TREND_WORSE);
	assert_true(gs.dz[MN_WFLH] < 0.0);

	/* Editing needs the current version. */
	assert_int_equal(mn_measure_get(&f->ctx, second, &m, NULL), MN_OK);
	in.weight_kg = 16.5;
	assert_int_equal(mn_measure_update(&f->ctx, second, m.version + 1, &in,
	    &err), MN_ERR_CONFLICT);
	assert_int_equal(mn_measure_update(&f->ctx, second, m.version, &in,
	    &err), MN_OK);
	assert_int_equal(mn_growth_status_get(&f->ctx, 1, &gs, NULL), MN_OK);
	assert_int_equal(gs.trend[MN_WFLH], MN_TREND_SAME);
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM audit a JOIN "
	    "audit_values v ON v.audit_id = a.id WHERE a.action = 'update' "
	    "AND a.table_name = 'measurements' AND json_extract(v.old_values, "
	    "'$.weight_kg') = 13.0 AND json_extract(v.new_values, "
	    "'$.weight_kg') = 16.5"), 1);
	in.weight_kg = 250.0;
	assert_int_equal(mn_measure_update(&f->ctx, second, m.version + 1, &in,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "weight");
}

static void
test_medical_room_records(void **state)
{
	struct fixture *f = *state;
	struct mn_visit v;
	struct mn_medicine_request med;
	struct mn_vaccination vac;
	struct mn_checkup ck;
	struct mn_injury inj;
	struct mn_medical_counts mc;
	struct mn_error err = { 0 };
	int64_t id = 0, req = 0;

	act_as(f, f->nurse, MN_ROLE_NURSE);
	memset(&v, 0, sizeof v);
	v.child_id = 2;
	snprintf(v.visit_at, sizeof v.visit_at, "2025-10-02 09:40");
	v.complaint = "Sốt";
	v.temperature_c = 38.2;
	v.action = MN_VISIT_SENT_HOME;
	v.parent_informed = true;
	assert_int_equal(mn_visit_add(&f->ctx, &v, &id, &err), MN_OK);
	v.temperature_c = 45.0;
	assert_int_equal(mn_visit_add(&f->ctx, &v, NULL, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "temperature");
	/* One decimal sign in the message: the typed value and the range. */
	mn_set_language(MN_LANG_VI);
	v.temperature_c = 3.75;
	assert_int_equal(mn_visit_add(&f->ctx, &v, NULL, &err),
	    MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "nhiệt độ 3,75 °C"));
	assert_non_null(strstr(err.message, "34,0-43,0 °C"));
	assert_null(strstr(err.message, "."));
	v.temperature_c = 38.0;
	v.complaint = "  ";
	assert_int_equal(mn_visit_add(&f->ctx, &v, NULL, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "complaint");
	v.complaint = "Sốt";
	snprintf(v.visit_at, sizeof v.visit_at, "2025-10-02 25:00");
	assert_int_equal(mn_visit_add(&f->ctx, &v, NULL, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "visit_at");
	/* Before the child was born. */
	snprintf(v.visit_at, sizeof v.visit_at, "1999-01-01 10:00");
	assert_int_equal(mn_visit_add(&f->ctx, &v, NULL, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "visit_at");
	v.id = id;
	v.version = 1;
	snprintf(v.visit_at, sizeof v.visit_at, "2025-10-02 09:45");
	assert_int_equal(mn_visit_update(&f->ctx, &v, &err), MN_OK);
	assert_int_equal(mn_visit_update(&f->ctx, &v, &err), MN_ERR_CONFLICT);

	memset(&med, 0, sizeof med);
	med.child_id = 2;
	med.medicine = "Siro ho";
	med.dose = "5 ml";
	med.times = "10:00, 14:30";
	snprintf(med.first_day, sizeof med.first_day, "2025-10-06");
	snprintf(med.last_day, sizeof med.last_day, "2025-10-08");
	assert_int_equal(mn_medicine_add(&f->ctx, &med, &req, &err), MN_OK);
	assert_int_equal(mn_medicine_give(&f->ctx, req, "2025-10-06 10:05",
	    NULL, NULL, &err), MN_OK);
	assert_int_equal(mn_medicine_give(&f->ctx, req, "2025-10-09 10:05",
	    NULL, NULL, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "given_at");
	snprintf(med.last_day, sizeof med.last_day, "2025-10-01");
	assert_int_equal(mn_medicine_add(&f->ctx, &med, NULL, &err),
	    MN_ERR_INVALID);

	memset(&vac, 0, sizeof vac);
	vac.child_id = 2;
	vac.vaccine = "Sởi - Rubella";
	vac.dose_number = 1;
	vac.source = MN_VACCINE_FAMILY_BOOK;
	assert_int_equal(mn_vaccination_add(&f->ctx, &vac, NULL, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "given_on");
	vac.catch_up = true;
	assert_int_equal(mn_vaccination_add(&f->ctx, &vac, NULL, &err), MN_OK);

	memset(&ck, 0, sizeof ck);
	ck.child_id = 2;
	snprintf(ck.checked_on, sizeof ck.checked_on, "2025-09-20");
	ck.examiner = "BS. Nguyễn Văn Tâm";
	ck.teeth = "Sâu răng R64";
	ck.conclusion = "Sức khỏe loại A";
	assert_int_equal(mn_checkup_add(&f->ctx, &ck, NULL, &err), MN_OK);
	ck.examiner = NULL;
	assert_int_equal(mn_checkup_add(&f->ctx, &ck, NULL, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "examiner");

	memset(&inj, 0, sizeof inj);
	inj.child_id = 2;
	snprintf(inj.occurred_at, sizeof inj.occurred_at, "2025-10-03 15:10");
	inj.kind = MN_INJURY_FALL;
	inj.severity = MN_SEVERITY_MINOR;
	inj.place = "Sân chơi";
	assert_int_equal(mn_injury_add(&f->ctx, &inj, NULL, &err), MN_OK);

	assert_int_equal(mn_medical_counts_get(&f->ctx, 2, &mc, &err), MN_OK);
	assert_int_equal(mc.visits, 1);
	assert_int_equal(mc.medicines, 1);
	assert_int_equal(mc.doses, 1);
	assert_int_equal(mc.vaccinations, 1);
	assert_int_equal(mc.checkups, 1);
	assert_int_equal(mc.injuries, 1);
	/* Every write left its audit row. */
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM audit WHERE "
	    "action IN ('insert', 'update') AND table_name IN "
	    "('medical_visits', 'medicine_requests', 'medicine_doses', "
	    "'vaccinations', 'checkups', 'injuries')"), 7);
}

static void
test_sheet_shows_previous_values(void **state)
{
	struct fixture *f = *state;
	struct mn_measure_input in;
	struct mn_sheet_row *rows = NULL;
	struct mn_error err = { 0 };
	size_t n = 0;

	act_as(f, f->nurse, MN_ROLE_NURSE);
	in = input(5, "2025-09-16", 12.0, 88.0, MN_POSITION_LYING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	in = input(5, "2025-12-10", 12.6, 90.1, MN_POSITION_STANDING);
	assert_int_equal(mn_measure_add(&f->ctx, &in, NULL, NULL), MN_OK);
	exec(f->ctx.db, "UPDATE children SET status = 'left' WHERE id = 6");

	assert_int_equal(mn_measure_sheet(&f->ctx, 2, "2025-12-10", &rows, &n,
	    &err), MN_OK);
	/* Child 6 has left; child 5 shows the September values. */
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].child_id, 5);
	assert_true(rows[0].has_previous);
	assert_string_equal(rows[0].previous.date, "2025-09-16");
	assert_true(fabs(rows[0].previous.weight_kg - 12.0) < 1e-9);
	assert_int_equal(rows[0].default_position, MN_POSITION_STANDING);
	free(rows);

	act_as(f, f->teacher, MN_ROLE_TEACHER);
	assert_int_equal(mn_measure_sheet(&f->ctx, 2, "2025-12-10", &rows, &n,
	    &err), MN_ERR_DENIED);
	assert_int_equal(mn_measure_sheet(&f->ctx, 1, "2025-12-10", &rows, &n,
	    &err), MN_OK);
	assert_int_equal(n, 4);
	for (size_t i = 0; i < n; i++)
		assert_false(rows[i].has_previous);
	free(rows);
}

static void
test_medical_lists_and_updates(void **state)
{
	struct fixture *f = *state;
	struct mn_visit v, *visits = NULL;
	struct mn_medicine_request med, *meds = NULL;
	struct mn_medicine_dose *doses = NULL;
	struct mn_vaccination vac, *vacs = NULL;
	struct mn_checkup ck, *cks = NULL;
	struct mn_injury inj, *injs = NULL;
	struct mn_error err = { 0 };
	int64_t req = 0, id = 0;
	size_t n = 0;

	act_as(f, f->nurse, MN_ROLE_NURSE);
	memset(&v, 0, sizeof v);
	v.child_id = 1;
	snprintf(v.visit_at, sizeof v.visit_at, "2025-10-02 08:15");
	v.complaint = "Ho";
	v.action = MN_VISIT_REST;
	assert_int_equal(mn_visit_add(&f->ctx, &v, NULL, &err), MN_OK);
	v.child_id = 5;
	snprintf(v.visit_at, sizeof v.visit_at, "2025-10-02 10:00");
	v.complaint = "Sốt";
	v.temperature_c = 38.4;
	v.action = MN_VISIT_SENT_HOME;
	v.medicine = "Paracetamol 250 mg";
	assert_int_equal(mn_visit_add(&f->ctx, &v, NULL, &err), MN_OK);
	snprintf(v.visit_at, sizeof v.visit_at, "2025-10-03 10:00");
	assert_int_equal(mn_visit_add(&f->ctx, &v, NULL, &err), MN_OK);

	assert_int_equal(mn_visit_list(&f->ctx, 0, "2025-10-02", &visits, &n,
	    &err), MN_OK);
	assert_int_equal(n, 2);
	assert_int_equal(visits[0].child_id, 1);
	assert_string_equal(visits[1].complaint, "Sốt");
	assert_string_equal(visits[1].medicine, "Paracetamol 250 mg");
	assert_int_equal(visits[1].action, MN_VISIT_SENT_HOME);
	assert_true(fabs(visits[1].temperature_c - 38.4) < 1e-9);
	mn_visit_list_free(visits, n);
	assert_int_equal(mn_visit_list(&f->ctx, 5, NULL, &visits, &n, &err),
	    MN_OK);
	assert_int_equal(n, 2);
	mn_visit_list_free(visits, n);
	assert_int_equal(mn_visit_list(&f->ctx, 0, NULL, &visits, &n, &err),
	    MN_ERR_INVALID);

	memset(&med, 0, sizeof med);
	med.child_id = 5;
	med.medicine = "Siro ho";
	med.dose = "5 ml";
	med.times = "10:00";
	snprintf(med.first_day, sizeof med.first_day, "2025-10-06");
	snprintf(med.last_day, sizeof med.last_day, "2025-10-07");
	assert_int_equal(mn_medicine_add(&f->ctx, &med, &req, &err), MN_OK);
	assert_int_equal(mn_medicine_give(&f->ctx, req, "2025-10-07 10:02",
	    "Uống hết", NULL, &err), MN_OK);
	assert_int_equal(mn_medicine_give(&f->ctx, req, "2025-10-06 10:01",
	    NULL, NULL, &err), MN_OK);
	assert_int_equal(mn_medicine_dose_list(&f->ctx, req, &doses, &n,
	    &err), MN_OK);
	assert_int_equal(n, 2);
	assert_string_equal(doses[0].given_at, "2025-10-06 10:01");
	assert_string_equal(doses[1].note, "Uống hết");
	assert_string_equal(doses[1].given_by, f->ctx.actor.login);
	mn_medicine_dose_list_free(doses, n);
	assert_int_equal(mn_medicine_list(&f->ctx, 0, "2025-10-07", &meds, &n,
	    &err), MN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(meds[0].version, 1);
	med = meds[0];
	med.dose = "7 ml";
	assert_int_equal(mn_medicine_update(&f->ctx, &med, &err), MN_OK);
	assert_int_equal(mn_medicine_update(&f->ctx, &med, &err),
	    MN_ERR_CONFLICT);
	mn_medicine_list_free(meds, n);
	assert_int_equal(mn_medicine_list(&f->ctx, 0, "2025-10-08", &meds, &n,
	    &err), MN_OK);
	assert_int_equal(n, 0);
	mn_medicine_list_free(meds, n);
	assert_int_equal(mn_medicine_list(&f->ctx, 5, NULL, &meds, &n, &err),
	    MN_OK);
	assert_int_equal(n, 1);
	assert_string_equal(meds[0].dose, "7 ml");
	assert_int_equal(meds[0].version, 2);
	mn_medicine_list_free(meds, n);

	memset(&vac, 0, sizeof vac);
	vac.child_id = 5;
	vac.vaccine = "Viêm não Nhật Bản";
	vac.dose_number = 2;
	vac.source = MN_VACCINE_NATIONAL_RECORD;
	vac.catch_up = true;
	assert_int_equal(mn_vaccination_add(&f->ctx, &vac, &id, &err), MN_OK);
	vac.id = id;
	vac.version = 1;
	vac.catch_up = false;
	snprintf(vac.given_on, sizeof vac.given_on, "2025-10-20");
	vac.source = MN_VACCINE_SCHOOL;
	assert_int_equal(mn_vaccination_update(&f->ctx, &vac, &err), MN_OK);
	assert_int_equal(mn_vaccination_list(&f->ctx, 5, &vacs, &n, &err),
	    MN_OK);
	assert_int_equal(n, 1);
	assert_string_equal(vacs[0].given_on, "2025-10-20");
	assert_int_equal(vacs[0].source, MN_VACCINE_SCHOOL);
	assert_false(vacs[0].catch_up);
	assert_string_equal(vacs[0].vaccine, "Viêm não Nhật Bản");
	mn_vaccination_list_free(vacs, n);

	memset(&inj, 0, sizeof inj);
	inj.child_id = 5;
	snprintf(inj.occurred_at, sizeof inj.occurred_at, "2025-10-03 15:10");
	inj.kind = MN_INJURY_CUT;
	inj.severity = MN_SEVERITY_MINOR;
	inj.body_part = "Ngón tay";
	assert_int_equal(mn_injury_add(&f->ctx, &inj, &id, &err), MN_OK);
	inj.id = id;
	inj.version = 1;
	inj.days_absent = 2;
	inj.severity = MN_SEVERITY_MODERATE;
	assert_int_equal(mn_injury_update(&f->ctx, &inj, &err), MN_OK);
	assert_int_equal(mn_injury_list(&f->ctx, 5, &injs, &n, &err), MN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(injs[0].kind, MN_INJURY_CUT);
	assert_int_equal(injs[0].severity, MN_SEVERITY_MODERATE);
	assert_int_equal(injs[0].days_absent, 2);
	assert_string_equal(injs[0].body_part, "Ngón tay");
	mn_injury_list_free(injs, n);

	memset(&ck, 0, sizeof ck);
	ck.child_id = 5;
	snprintf(ck.checked_on, sizeof ck.checked_on, "2025-09-20");
	ck.examiner = "BS. Lê Văn Nam";
	ck.heart_rate = 110;
	ck.skin = "Bình thường";
	assert_int_equal(mn_checkup_add(&f->ctx, &ck, &id, &err), MN_OK);
	ck.id = id;
	ck.version = 1;
	ck.conclusion = "Khỏe mạnh";
	assert_int_equal(mn_checkup_update(&f->ctx, &ck, &err), MN_OK);
	assert_int_equal(mn_checkup_list(&f->ctx, 5, &cks, &n, &err), MN_OK);
	assert_int_equal(n, 1);
	assert_string_equal(cks[0].examiner, "BS. Lê Văn Nam");
	assert_string_equal(cks[0].conclusion, "Khỏe mạnh");
	assert_string_equal(cks[0].teeth, "");
	assert_int_equal(cks[0].heart_rate, 110);
	assert_int_equal(cks[0].version, 2);
	mn_checkup_list_free(cks, n);

	/* The teacher of child 1 still cannot read the medical room. */
	act_as(f, f->teacher, MN_ROLE_TEACHER);
	assert_int_equal(mn_visit_list(&f->ctx, 1, NULL, &visits, &n, &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_checkup_list(&f->ctx, 1, &cks, &n, &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_vaccination_list(&f->ctx, 1, &vacs, &n, &err),
	    MN_ERR_DENIED);
	act_as(f, f->principal, MN_ROLE_PRINCIPAL);
	assert_int_equal(mn_injury_list(&f->ctx, 5, &injs, &n, &err), MN_OK);
	mn_injury_list_free(injs, n);
	assert_int_equal(mn_injury_update(&f->ctx, &inj, &err), MN_ERR_DENIED);
}

static void
test_demo_health_deterministic(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	int rounds;

	act_as(f, 0, MN_ROLE_HOST);
	/* Children enrolled this school year, so rounds are in the past. */
	exec(f->ctx.db, "INSERT INTO school_years (id, name, first_day, "
	    "last_day, changed_by, changed_at) VALUES (2, '2099-2100', "
	    "date('now', '-100 days'), date('now', '+200 days'), 't', 't')");
	assert_int_equal(mn_demo_health(&f->ctx, 7, &err), MN_OK);
	rounds = count(f->ctx.db, "SELECT count(DISTINCT measured_on) FROM "
	    "measurements");
	assert_true(rounds >= 2 && rounds <= 3);
	assert_int_equal(count(f->ctx.db, "SELECT count(*) FROM measurements"),
	    rounds * (int)KID_COUNT);
	assert_true(count(f->ctx.db, "SELECT count(*) FROM vaccinations") ==
	    (int)KID_COUNT);
	assert_true(count(f->ctx.db, "SELECT count(*) FROM medicine_doses") >
	    0);
	assert_int_equal(mn_demo_health(&f->ctx, 7, &err), MN_ERR_EXISTS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_measure_rejects_bad_form,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_round_writes_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_measure_stores_zscores,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_implausible_flag_excluded,
		    setup, teardown),
		cmocka_unit_test(test_change_check_rule),
		cmocka_unit_test_setup_teardown(test_implausible_change_flagged,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_measurement_named,
		    setup, teardown),
		cmocka_unit_test(test_missing_value_named),
		cmocka_unit_test_setup_teardown(test_class_code_any_case,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_report_counts_match_rows,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_teacher_scope, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_other_roles_denied, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_kitchen_sees_allergies_only, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_principal_reads_not_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_and_trend, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_medical_room_records,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_sheet_shows_previous_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_medical_lists_and_updates,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_demo_health_deterministic,
		    setup, teardown),
	};

	mn_set_language(MN_LANG_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
