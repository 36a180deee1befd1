/*
 * Attendance and daily logs: date rules, access, the whole-class save,
 * conflicts and the monthly sheet, on a fresh database each.  Dates are
 * relative to today, with a school year around it and no holidays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "helpers.h"
#include "core/account.h"
#include "core/attendance.h"
#include "core/config.h"
#include "core/dailylog.h"
#include "core/date.h"
#include "core/db.h"
#include "core/parents.h"

#define CLASS_SIZE 6

static struct mn_ctx ctx;
static struct mn_config cfg;
static struct mn_actor host, teacher, other_teacher, principal;
static int64_t class_a, class_b;
static int64_t kids_a[CLASS_SIZE], kid_b;

static void
exec_sql(const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(ctx.db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

static int64_t
insert_id(const char *sql)
{
	exec_sql(sql);
	return sqlite3_last_insert_rowid(ctx.db);
}

static void
day_offset(long offset, struct mn_date *d)
{
	struct mn_date today;

	mn_date_today(&today);
	mn_date_from_days(mn_date_to_days(&today) + offset, d);
}

/* The n-th Monday-to-Friday day counting back from today (0: latest). */
static void
weekday_back(int n, struct mn_date *d)
{
	long offset = 0;

	for (;;) {
		day_offset(offset, d);
		if (mn_date_weekday(d) < 5 && n-- == 0)
			return;
		offset--;
	}
}

/* Latest Saturday or Sunday up to today. */
static void
weekend_back(struct mn_date *d)
{
	long offset = 0;

	do
		day_offset(offset--, d);
	while (mn_date_weekday(d) < 5);
}

static void
make_actor(struct mn_actor *a, const char *login, unsigned roles,
    int64_t *account_id)
{
	struct mn_error err = { 0 };
	int64_t id;

	if (mn_account_add(&ctx, login, roles, login, "long-password-1", &id,
	    &err) != MN_OK)
		fail_msg("mn_account_add: %s", err.message);
	memset(a, 0, sizeof *a);
	a->account_id = id;
	a->roles = roles;
	snprintf(a->login, sizeof a->login, "%s", login);
	snprintf(a->source, sizeof a->source, "local");
	if (account_id != NULL)
		*account_id = id;
}

static int
setup(void **state)
{
	struct mn_date first, last;
	char sql[1024], f[16], l[16];
	int64_t year, staff1, staff2, acc1, acc2;

	(void)state;
	test_open_db(&ctx, &cfg);
	cfg.attendance_edit_days = 3;
	host = ctx.actor;
	day_offset(-300, &first);
	day_offset(60, &last);
	mn_date_format_iso(&first, f, sizeof f);
	mn_date_format_iso(&last, l, sizeof l);
	snprintf(sql, sizeof sql, "INSERT INTO school_years (name, first_day, "
	    "last_day, changed_by, changed_at) VALUES ('2025-2026', '%s', "
	    "'%s', 'test', 'now')", f, l);
	year = insert_id(sql);
	for (int k = 0; k < 2; k++) {
		snprintf(sql, sizeof sql, "INSERT INTO classes ("
		    "school_year_id, code, name, age_group, capacity, "
		    "changed_by, changed_at) "
		    "VALUES (%lld, '%s', 'Lớp', 'mg-5-6', 35, 't', 'now')",
		    (long long)year, k == 0 ? "MG5A" : "MG5B");
		*(k == 0 ? &class_a : &class_b) = insert_id(sql);
	}
	for (int i = 0; i <= CLASS_SIZE; i++) {
		int64_t id, cls = i < CLASS_SIZE ? class_a : class_b;

		snprintf(sql, sizeof sql, "INSERT INTO children (school_code, "
		    "full_name, name_fold, name_key, birth_date, sex, "
		    "class_id, enrolment_date, changed_by, changed_at) "
		    "VALUES ('HS%02d', "
		    "'Trẻ %02d', 'tre %02d', '%02d', '2020-01-01', 'F', %lld, "
		    "'%s', 't', 'now')", i, i, i, i, (long long)cls, f);
		id = insert_id(sql);
		snprintf(sql, sizeof sql, "INSERT INTO child_class_history "
		    "(child_id, class_id, from_date) VALUES (%lld, %lld, '%s')",
		    (long long)id, (long long)cls, f);
		exec_sql(sql);
		if (i < CLASS_SIZE)
			kids_a[i] = id;
		else
			kid_b = id;
	}
	make_actor(&teacher, "gv-a", MN_ROLE_TEACHER, &acc1);
	make_actor(&other_teacher, "gv-b", MN_ROLE_TEACHER, &acc2);
	make_actor(&principal, "ht", MN_ROLE_PRINCIPAL, NULL);
	snprintf(sql, sizeof sql, "INSERT INTO staff (staff_code, full_name, "
	    "name_fold, name_key, sex, account_id, changed_by, changed_at) "
	    "VALUES ('GV1', 'A', 'a', 'a', 'F', %lld, 't', 'now')",
	    (long long)acc1);
	staff1 = insert_id(sql);
	snprintf(sql, sizeof sql, "INSERT INTO staff (staff_code, full_name, "
	    "name_fold, name_key, sex, account_id, changed_by, changed_at) "
	    "VALUES ('GV2', 'B', 'b', 'b', 'F', %lld, 't', 'now')",
	    (long long)acc2);
	staff2 = insert_id(sql);
	snprintf(sql, sizeof sql, "INSERT INTO class_teachers VALUES "
	    "(%lld, %lld), (%lld, %lld)", (long long)class_a,
	    (long long)staff1, (long long)class_b, (long long)staff2);
	exec_sql(sql);
	ctx.actor = teacher;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	test_close_db(&ctx);
	return 0;
}

static int
count_rows(const char *sql)
{
	sqlite3_stmt *st;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(ctx.db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
load_starts_present(void **state)
{
	struct mn_attendance_day att;
	struct mn_error err = { 0 };
	struct mn_date day;
	int present, enrolled;

	(void)state;
	weekday_back(0, &day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &att, &err),
	    MN_OK);
	assert_int_equal(att.count, CLASS_SIZE);
	assert_int_equal(att.version, 0);
	assert_false(att.saved);
	for (size_t i = 0; i < att.count; i++)
		assert_int_equal(att.entries[i].mark, MN_MARK_PRESENT);
	mn_attendance_count(&att, &present, &enrolled);
	assert_int_equal(present, CLASS_SIZE);
	assert_int_equal(enrolled, CLASS_SIZE);
	assert_string_equal(att.class_code, "MG5A");
	mn_attendance_free(&att);
}

static void
future_date_rejected(void **state)
{
	struct mn_attendance_day att;
	struct mn_error err = { 0 };
	struct mn_date day;

	(void)state;
	day_offset(1, &day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &att, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "date");
	/* A save of a doctored record is rejected the same way. */
	memset(&att, 0, sizeof att);
	att.class_id = class_a;
	att.day = day;
	ctx.actor = principal;
	assert_int_equal(mn_attendance_save(&ctx, &att, NULL, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "date");
	assert_int_equal(count_rows("SELECT count(*) FROM class_days"), 0);
}

static void
non_school_day_rejected(void **state)
{
	struct mn_attendance_day att;
	struct mn_error err = { 0 };
	struct mn_date day;

	(void)state;
	weekend_back(&day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &att, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "date");
	assert_non_null(strstr(err.message, "ngày học"));
	day_offset(-400, &day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &att, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "date");
	assert_non_null(strstr(err.message, "năm học"));
}

static void
edit_window_teacher_principal(void **state)
{
	struct mn_attendance_day att;
	struct mn_error err = { 0 };
	struct mn_date old, recent;

	(void)state;
	weekday_back(0, &recent);
	weekday_back(10, &old);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &recent, &att,
	    &err), MN_OK);
	att.entries[0].mark = MN_MARK_LATE;
	assert_int_equal(mn_attendance_save(&ctx, &att, NULL, &err), MN_OK);
	assert_int_equal(att.version, 1);
	mn_attendance_free(&att);

	/* Reading an old day is allowed, changing it is not. */
	assert_int_equal(mn_attendance_load(&ctx, class_a, &old, &att, &err),
	    MN_OK);
	att.entries[0].mark = MN_MARK_EXCUSED;
	assert_int_equal(mn_attendance_save(&ctx, &att, NULL, &err),
	    MN_ERR_DENIED);
	assert_string_equal(err.field, "date");
	assert_int_equal(att.version, 0);
	ctx.actor = principal;
	assert_int_equal(mn_attendance_save(&ctx, &att, NULL, &err), MN_OK);
	mn_attendance_free(&att);
	assert_int_equal(count_rows("SELECT count(*) FROM class_days "
	    "WHERE attendance_saved = 1"), 2);
}

static void
teacher_limited_to_own_class(void **state)
{
	struct mn_attendance_day att;
	struct mn_error err = { 0 };
	struct mn_date day;
	struct mn_school_day sd;

	(void)state;
	weekday_back(0, &day);
	ctx.actor = other_teacher;
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &att, &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_attendance_load(&ctx, class_b, &day, &att, &err),
	    MN_OK);
	mn_attendance_free(&att);
	assert_int_equal(count_rows("SELECT count(*) FROM audit "
	    "WHERE action = 'denied'"), 1);
	/* Teachers do not get the whole school's counts; the kitchen does. */
	assert_int_equal(mn_attendance_school_day(&ctx, &day, &sd, &err),
	    MN_ERR_DENIED);
}

static void
child_not_in_class_rejected(void **state)
{
	struct mn_attendance_day att;
	struct mn_error err = { 0 };
	struct mn_date day;

	(void)state;
	weekday_back(0, &day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &att, &err),
	    MN_OK);
	att.entries[1].child_id = kid_b;
	att.entries[0].mark = MN_MARK_UNEXCUSED;
	assert_int_equal(mn_attendance_save(&ctx, &att, NULL, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "child");
	assert_int_equal(count_rows("SELECT count(*) FROM attendance_marks"),
	    0);
	assert_int_equal(count_rows("SELECT count(*) FROM class_days"), 0);
	mn_attendance_free(&att);
}

static int
count_commit(void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static void
save_whole_class_one_transaction(void **state)
{
	struct mn_attendance_day att, again;
	struct mn_error err = { 0 };
	struct mn_date day;
	int commits = 0;

	(void)state;
	weekday_back(1, &day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &att, &err),
	    MN_OK);
	att.entries[0].mark = MN_MARK_EXCUSED;
	snprintf(att.entries[0].note, sizeof att.entries[0].note, "ốm sốt");
	att.entries[1].mark = MN_MARK_UNEXCUSED;
	att.entries[2].mark = MN_MARK_LATE;
	/* A child missing from the list is saved as present. */
	att.count = CLASS_SIZE - 1;
	sqlite3_commit_hook(ctx.db, count_commit, &commits);
	assert_int_equal(mn_attendance_save(&ctx, &att, NULL, &err), MN_OK);
	sqlite3_commit_hook(ctx.db, NULL, NULL);
	assert_int_equal(commits, 1);
	assert_int_equal(count_rows("SELECT count(*) FROM attendance_marks"),
	    CLASS_SIZE);
	assert_int_equal(count_rows("SELECT count(*) FROM audit "
	    "WHERE table_name = 'class_days' AND action = 'insert'"), 1);
	att.count = CLASS_SIZE;
	mn_attendance_free(&att);

	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &again, &err),
	    MN_OK);
	assert_true(again.saved);
	assert_int_equal(again.version, 1);
	assert_string_equal(again.changed_by, "gv-a");
	assert_int_equal(mn_attendance_entry(&again, kids_a[0])->mark,
	    MN_MARK_EXCUSED);
	assert_string_equal(mn_attendance_entry(&again, kids_a[0])->note,
	    "ốm sốt");
	assert_int_equal(mn_attendance_entry(&again, kids_a[1])->mark,
	    MN_MARK_UNEXCUSED);
	assert_int_equal(mn_attendance_entry(&again, kids_a[2])->mark,
	    MN_MARK_LATE);
	assert_int_equal(mn_attendance_entry(&again, kids_a[5])->mark,
	    MN_MARK_PRESENT);
	mn_attendance_free(&again);
}

static void
conflict_returns_other_values(void **state)
{
	struct mn_attendance_day mine, base, other, theirs;
	struct mn_error err = { 0 };
	struct mn_date day;

	(void)state;
	weekday_back(0, &day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &mine, &err),
	    MN_OK);
	assert_int_equal(mn_attendance_copy(&mine, &base, &err), MN_OK);
	ctx.actor = principal;
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &other, &err),
	    MN_OK);
	other.entries[3].mark = MN_MARK_EXCUSED;
	assert_int_equal(mn_attendance_save(&ctx, &other, NULL, &err), MN_OK);

	ctx.actor = teacher;
	mine.entries[0].mark = MN_MARK_LATE;
	assert_int_equal(mn_attendance_save(&ctx, &mine, &theirs, &err),
	    MN_ERR_CONFLICT);
	assert_string_equal(err.field, "version");
	assert_non_null(strstr(err.message, "ht"));
	assert_int_equal(theirs.version, 1);
	assert_int_equal(mn_attendance_entry(&theirs, kids_a[3])->mark,
	    MN_MARK_EXCUSED);
	assert_int_equal(mn_attendance_entry(&theirs, kids_a[0])->mark,
	    MN_MARK_PRESENT);
	/* Nothing of mine was written. */
	assert_int_equal(count_rows("SELECT count(*) FROM attendance_marks "
	    "WHERE mark = 'late'"), 0);

	assert_int_equal(mn_attendance_merge(&mine, &base, &theirs, &err), 0);
	assert_int_equal(mine.version, 1);
	assert_int_equal(mn_attendance_save(&ctx, &mine, NULL, &err), MN_OK);
	assert_int_equal(mine.version, 2);
	assert_int_equal(count_rows("SELECT count(*) FROM attendance_marks "
	    "WHERE mark = 'late'"), 1);
	assert_int_equal(count_rows("SELECT count(*) FROM attendance_marks "
	    "WHERE mark = 'excused'"), 1);
	mn_attendance_free(&mine);
	mn_attendance_free(&base);
	mn_attendance_free(&other);
	mn_attendance_free(&theirs);
}

/* The conflict names the other save's time in the school's time zone. */
static void
conflict_time_is_local(void **state)
{
	struct mn_attendance_day mine, other, theirs;
	struct mn_error err = { 0 };
	struct mn_date day;
	char *old_tz = getenv("TZ") != NULL ? strdup(getenv("TZ")) : NULL;

	(void)state;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	weekday_back(0, &day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &mine, &err),
	    MN_OK);
	ctx.actor = principal;
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &other, &err),
	    MN_OK);
	assert_int_equal(mn_attendance_save(&ctx, &other, NULL, &err), MN_OK);
	/* 01:15 UTC is 08:15 in Hà Nội (UTC+7, no daylight saving). */
	exec_sql("UPDATE class_days SET changed_at = '2026-12-04T01:15:00Z'");

	ctx.actor = teacher;
	mine.entries[0].mark = MN_MARK_LATE;
	assert_int_equal(mn_attendance_save(&ctx, &mine, &theirs, &err),
	    MN_ERR_CONFLICT);
	assert_non_null(strstr(err.message, "08:15 04/12/2026"));
	assert_null(strstr(err.message, "2026-12-04T01:15"));
	if (old_tz != NULL)
		setenv("TZ", old_tz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old_tz);
	mn_attendance_free(&mine);
	mn_attendance_free(&other);
	mn_attendance_free(&theirs);
}

/* Second connection that saves when the first begins its transaction. */
static sqlite3 *racer;

static int
save_before_begin(unsigned type, void *arg, void *stmt, void *sql)
{
	(void)arg;
	(void)sql;
	if (type == SQLITE_TRACE_STMT && racer != NULL &&
	    strcmp(sqlite3_sql(stmt), "BEGIN IMMEDIATE") == 0) {
		assert_int_equal(sqlite3_exec(racer, "UPDATE class_days SET "
		    "version = version + 1, changed_by = 'racer'", NULL, NULL,
		    NULL), SQLITE_OK);
		assert_int_equal(sqlite3_exec(racer, "UPDATE attendance_marks "
		    "SET mark = 'unexcused' WHERE child_id = (SELECT "
		    "min(child_id) FROM attendance_marks)", NULL, NULL, NULL),
		    SQLITE_OK);
		sqlite3_close(racer);
		racer = NULL;
	}
	return 0;
}

static void
conflict_inside_transaction(void **state)
{
	struct mn_attendance_day mine, theirs;
	struct mn_error err = { 0 };
	struct mn_date day;

	(void)state;
	weekday_back(0, &day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &mine, &err),
	    MN_OK);
	assert_int_equal(mn_attendance_save(&ctx, &mine, NULL, &err), MN_OK);
	/* Another save lands after the checks, before the write lock. */
	assert_int_equal(sqlite3_open(sqlite3_db_filename(ctx.db, "main"),
	    &racer), SQLITE_OK);
	sqlite3_trace_v2(ctx.db, SQLITE_TRACE_STMT, save_before_begin, NULL);
	mine.entries[0].mark = MN_MARK_LATE;
	assert_int_equal(mn_attendance_save(&ctx, &mine, &theirs, &err),
	    MN_ERR_CONFLICT);
	sqlite3_trace_v2(ctx.db, 0, NULL, NULL);
	assert_null(racer);
	assert_int_equal(theirs.version, 2);
	assert_string_equal(theirs.changed_by, "racer");
	assert_int_equal(count_rows("SELECT count(*) FROM attendance_marks "
	    "WHERE mark = 'late'"), 0);
	assert_int_equal(count_rows("SELECT count(*) FROM attendance_marks "
	    "WHERE mark = 'unexcused'"), 1);
	mn_attendance_free(&mine);
	mn_attendance_free(&theirs);
}

static void
temperature_range_checked(void **state)
{
	struct mn_daily_log *logs, reread;
	struct mn_error err = { 0 };
	struct mn_date day;
	size_t n;

	(void)state;
	weekday_back(0, &day);
	assert_int_equal(mn_dailylog_load_class(&ctx, class_a, &day, &logs, &n,
	    &err), MN_OK);
	assert_int_equal(n, CLASS_SIZE);
	logs[0].temperature = 43.5;
	assert_int_equal(mn_dailylog_save_class(&ctx, class_a, &day, logs, n,
	    NULL, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "temperature");
	assert_non_null(strstr(err.message, "34-43"));
	logs[0].temperature = 33.9;
	assert_int_equal(mn_dailylog_save_class(&ctx, class_a, &day, logs, n,
	    NULL, &err), MN_ERR_INVALID);
	assert_int_equal(count_rows("SELECT count(*) FROM daily_logs"), 0);

	logs[0].temperature = 37.8;
	logs[0].meals[MN_MEAL_LUNCH] = MN_INTAKE_PART;
	logs[0].meals[MN_MEAL_AFTERNOON] = MN_INTAKE_REFUSED;
	logs[0].nap_minutes = 90;
	snprintf(logs[0].medicine, sizeof logs[0].medicine, "hạ sốt");
	assert_int_equal(mn_dailylog_save_class(&ctx, class_a, &day, logs, n,
	    NULL, &err), MN_OK);
	assert_int_equal(logs[0].version, 1);
	/* The grid's empty logs are not stored. */
	assert_int_equal(logs[1].version, 0);
	assert_int_equal(count_rows("SELECT count(*) FROM daily_logs"), 1);
	assert_int_equal(mn_dailylog_get(&ctx, kids_a[0], &day, &reread, &err),
	    MN_OK);
	assert_true(reread.temperature > 37.79 && reread.temperature < 37.81);
	assert_int_equal(reread.meals[MN_MEAL_LUNCH], MN_INTAKE_PART);
	assert_int_equal(reread.meals[MN_MEAL_BREAKFAST], MN_INTAKE_NONE);
	assert_int_equal(reread.meals[MN_MEAL_AFTERNOON], MN_INTAKE_REFUSED);
	assert_int_equal(reread.meals[MN_MEAL_SNACK], MN_INTAKE_NONE);
	assert_int_equal(reread.nap_minutes, 90);
	assert_string_equal(reread.medicine, "hạ sốt");

	/* A second grid still holding version 0 meets a conflict. */
	logs[0].version = 0;
	size_t at = 99;
	assert_int_equal(mn_dailylog_save_class(&ctx, class_a, &day, logs, n,
	    &at, &err), MN_ERR_CONFLICT);
	assert_int_equal(at, 0);
	free(logs);
}

static void
diary_versioned(void **state)
{
	struct mn_error err = { 0 };
	struct mn_date day;
	int64_t version = 0, stale = 0;
	char *text;

	(void)state;
	weekday_back(0, &day);
	assert_int_equal(mn_diary_save(&ctx, class_a, &day, "Hát, vẽ tranh",
	    &version, &err), MN_OK);
	assert_int_equal(version, 1);
	assert_int_equal(mn_diary_save(&ctx, class_a, &day, "Khác", &stale,
	    &err), MN_ERR_CONFLICT);
	assert_int_equal(mn_diary_get(&ctx, class_a, &day, &text, &version,
	    &err), MN_OK);
	assert_string_equal(text, "Hát, vẽ tranh");
	free(text);
	/* The diary made a class-day row but took no attendance. */
	assert_int_equal(count_rows("SELECT attendance_saved FROM class_days"),
	    0);
}

static void
sheet_totals_match_marks(void **state)
{
	struct mn_attendance_sheet sheet;
	struct mn_error err = { 0 };
	struct mn_date days[3];
	int stored[MN_MARK_COUNT] = { 0 };
	int total_letters = 0;
	char *path;
	FILE *out;

	(void)state;
	ctx.actor = principal;
	/* Three school days of the current month, when it has them. */
	for (int i = 0, n = 0; n < 3 && i < 25; i++) {
		struct mn_attendance_day att;
		struct mn_date d;

		weekday_back(i, &d);
		if (n > 0 && d.month != days[0].month)
			break;
		days[n] = d;
		assert_int_equal(mn_attendance_load(&ctx, class_a, &d, &att,
		    &err), MN_OK);
		att.entries[n].mark = MN_MARK_EXCUSED;
		att.entries[(n + 1) % CLASS_SIZE].mark = MN_MARK_LATE;
		if (n == 2)
			att.entries[5].mark = MN_MARK_UNEXCUSED;
		assert_int_equal(mn_attendance_save(&ctx, &att, NULL, &err),
		    MN_OK);
		mn_attendance_free(&att);
		n++;
	}
	assert_int_equal(mn_attendance_sheet(&ctx, "MG5A", days[0].year,
	    days[0].month, &sheet, &err), MN_OK);
	assert_int_equal(sheet.count, CLASS_SIZE);
	for (size_t i = 0; i < sheet.count; i++) {
		const struct mn_attendance_row *r = &sheet.rows[i];
		int x = 0, p = 0, k = 0, m = 0;

		for (int d = 0; d < sheet.days; d++) {
			x += strcmp(r->marks[d], "x") == 0;
			p += strcmp(r->marks[d], "P") == 0;
			k += strcmp(r->marks[d], "K") == 0;
			m += strcmp(r->marks[d], "M") == 0;
		}
		assert_int_equal(r->present, x + m);
		assert_int_equal(r->excused, p);
		assert_int_equal(r->unexcused, k);
		assert_int_equal(r->late, m);
		total_letters += x + p + k + m;
	}
	/* The sheet counts exactly the stored marks of the month. */
	{
		sqlite3_stmt *st;
		char first[16];

		snprintf(first, sizeof first, "%04d-%02d-01", days[0].year,
		    days[0].month);
		assert_int_equal(sqlite3_prepare_v2(ctx.db, "SELECT m.mark, "
		    "count(*) FROM attendance_marks m JOIN class_days d "
		    "ON d.id = m.class_day_id WHERE d.class_id = ? "
		    "AND substr(d.day, 1, 8) = substr(?, 1, 8) GROUP BY m.mark",
		    -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_int64(st, 1, class_a);
		sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			enum mn_mark mk;

			assert_int_equal(mn_mark_parse((const char *)
			    sqlite3_column_text(st, 0), "mark", &mk, NULL),
			    MN_OK);
			stored[mk] = sqlite3_column_int(st, 1);
		}
		sqlite3_finalize(st);
	}
	assert_int_equal(sheet.present, stored[MN_MARK_PRESENT] +
	    stored[MN_MARK_LATE]);
	assert_int_equal(sheet.excused, stored[MN_MARK_EXCUSED]);
	assert_int_equal(sheet.unexcused, stored[MN_MARK_UNEXCUSED]);
	assert_int_equal(sheet.late, stored[MN_MARK_LATE]);
	assert_int_equal(total_letters, stored[0] + stored[1] + stored[2] +
	    stored[3]);
	assert_int_equal(sheet.day_present[days[0].day - 1], CLASS_SIZE - 1);

	/* CSV: header, one line per child, the "Tổng" line. */
	path = strdup(test_write_file("sheet.csv", ""));
	out = fopen(path, "w");
	assert_non_null(out);
	assert_int_equal(mn_attendance_sheet_csv(&sheet, out, &err), MN_OK);
	fclose(out);
	{
		char line[2048];
		int lines = 0;

		out = fopen(path, "r");
		assert_non_null(fgets(line, sizeof line, out));
		assert_int_equal(strncmp(line, "STT,Mã trẻ,Họ và tên,1,2,", 25),
		    0);
		assert_non_null(strstr(line, "Có mặt,Vắng có phép,Vắng không "
		    "phép,Đi muộn\r\n"));
		lines = 1;
		while (fgets(line, sizeof line, out) != NULL)
			lines++;
		assert_int_equal(strncmp(line, "Tổng,", 7), 0);
		assert_int_equal(lines, CLASS_SIZE + 2);
		fclose(out);
	}
	free(path);
	mn_attendance_sheet_free(&sheet);
}

static void
school_day_counts_meals(void **state)
{
	struct mn_attendance_day att;
	struct mn_school_day sd;
	struct mn_error err = { 0 };
	struct mn_actor kitchen;
	struct mn_date day;

	(void)state;
	weekday_back(0, &day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &att, &err),
	    MN_OK);
	att.entries[0].mark = MN_MARK_EXCUSED;
	att.entries[1].mark = MN_MARK_LATE;
	assert_int_equal(mn_attendance_save(&ctx, &att, NULL, &err), MN_OK);
	mn_attendance_free(&att);
	ctx.actor = host;
	make_actor(&kitchen, "bep", MN_ROLE_KITCHEN, NULL);
	ctx.actor = kitchen;
	assert_int_equal(mn_attendance_school_day(&ctx, &day, &sd, &err),
	    MN_OK);
	assert_int_equal(sd.class_count, 2);
	assert_int_equal(sd.classes[0].enrolled, CLASS_SIZE);
	assert_int_equal(sd.classes[0].present, CLASS_SIZE - 1);
	assert_true(sd.classes[0].taken);
	assert_false(sd.classes[1].taken);
	assert_int_equal(sd.group_count, 1);
	/* Late eats; the untaken class counts as all present. */
	assert_int_equal(sd.groups[0].meals, CLASS_SIZE - 1 + 1);
	assert_int_equal(sd.groups[0].classes_not_taken, 1);
	assert_int_equal(sd.kitchen_meals[MN_GROUP_MAU_GIAO], CLASS_SIZE);
	assert_int_equal(sd.kitchen_meals[MN_GROUP_NHA_TRE], 0);
	assert_int_equal(sd.absent, 1);
	mn_school_day_free(&sd);
	/* The kitchen reads counts only, never the class list. */
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &att, &err),
	    MN_ERR_DENIED);
}

/* A digest of every mark and log, to compare two demo runs. */
static uint64_t
demo_digest(void)
{
	static const char *const sql[] = {
		"SELECT d.class_id, d.day, m.child_id, m.mark, m.note "
		"FROM attendance_marks m JOIN class_days d "
		"ON d.id = m.class_day_id ORDER BY 1, 2, 3",
		"SELECT child_id, day, breakfast, lunch, afternoon, snack, "
		"nap_minutes, "
		"temperature FROM daily_logs ORDER BY 1, 2",
	};
	uint64_t h = 1469598103934665603ULL;

	for (size_t q = 0; q < 2; q++) {
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(ctx.db, sql[q], -1, &st,
		    NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *t = sqlite3_column_text(st,
				    c);

				for (; t != NULL && *t; t++)
					h = (h ^ *t) * 1099511628211ULL;
				h = (h ^ '|') * 1099511628211ULL;
			}
		}
		sqlite3_finalize(st);
	}
	return h;
}

static void
demo_fills_year_deterministically(void **state)
{
	struct mn_error err = { 0 };
	struct mn_attendance_sheet sheet;
	struct mn_date day;
	uint64_t first;
	int days, marks, absences;

	(void)state;
	ctx.actor = host;
	assert_int_equal(mn_demo_attendance(&ctx, 7, &err), MN_OK);
	first = demo_digest();
	days = count_rows("SELECT count(DISTINCT day) FROM class_days");
	marks = count_rows("SELECT count(*) FROM attendance_marks");
	absences = count_rows("SELECT count(*) FROM attendance_marks "
	    "WHERE mark IN ('excused', 'unexcused')");
	/* About 300 days back, five school days a week. */
	assert_in_range(days, 200, 220);
	assert_int_equal(marks, days * (CLASS_SIZE + 1));
	assert_in_range(absences, 1, marks / 5);
	assert_int_equal(count_rows("SELECT count(*) FROM daily_logs"),
	    marks - absences);
	assert_int_equal(count_rows("SELECT count(*) FROM class_days "
	    "WHERE day > date('now', '+1 day')"), 0);
	/* The sheet of the month agrees with the stored marks. */
	weekday_back(0, &day);
	assert_int_equal(mn_attendance_sheet(&ctx, "MG5A", day.year,
	    day.month, &sheet, &err), MN_OK);
	assert_true(sheet.present + sheet.excused + sheet.unexcused > 0);
	mn_attendance_sheet_free(&sheet);
	test_close_db(&ctx);

	/* The same seed on a new database gives the same records. */
	setup(NULL);
	ctx.actor = host;
	assert_int_equal(mn_demo_attendance(&ctx, 7, &err), MN_OK);
	assert_true(demo_digest() == first);
	test_close_db(&ctx);
	setup(NULL);
	ctx.actor = host;
	assert_int_equal(mn_demo_attendance(&ctx, 8, &err), MN_OK);
	assert_false(demo_digest() == first);
}

static void
child_month_for_parent(void **state)
{
	struct mn_attendance_day att;
	struct mn_child_month month;
	struct mn_daily_log log;
	struct mn_error err = { 0 };
	struct mn_actor parent;
	struct mn_date day;

	(void)state;
	weekday_back(0, &day);
	assert_int_equal(mn_attendance_load(&ctx, class_a, &day, &att, &err),
	    MN_OK);
	mn_attendance_entry(&att, kids_a[0])->mark = MN_MARK_EXCUSED;
	assert_int_equal(mn_attendance_save(&ctx, &att, NULL, &err), MN_OK);
	mn_attendance_free(&att);

	ctx.actor = host;
	make_actor(&parent, "phhs", MN_ROLE_PARENT, NULL);
	assert_int_equal(mn_parent_link(&ctx, "phhs", kids_a[0], &err), MN_OK);
	ctx.actor = parent;
	assert_int_equal(mn_attendance_child_month(&ctx, kids_a[0], day.year,
	    day.month, &month, &err), MN_OK);
	assert_true(month.day[day.day - 1].marked);
	assert_true(month.day[day.day - 1].school_day);
	assert_int_equal(month.day[day.day - 1].mark, MN_MARK_EXCUSED);
	assert_int_equal(month.excused, 1);
	assert_int_equal(mn_dailylog_get(&ctx, kids_a[0], &day, &log, &err),
	    MN_OK);
	/* Another family's child stays hidden. */
	assert_int_equal(mn_attendance_child_month(&ctx, kids_a[1], day.year,
	    day.month, &month, &err), MN_ERR_DENIED);
	assert_int_equal(mn_dailylog_get(&ctx, kids_a[1], &day, &log, &err),
	    MN_ERR_DENIED);
	/* The teacher of another class is denied the month. */
	ctx.actor = other_teacher;
	assert_int_equal(mn_attendance_child_month(&ctx, kids_a[0], day.year,
	    day.month, &month, &err), MN_ERR_DENIED);
}

static void
mark_cycle_and_parse(void **state)
{
	enum mn_mark m = MN_MARK_PRESENT;
	struct mn_error err = { 0 };

	(void)state;
	m = mn_mark_next(m);
	assert_int_equal(m, MN_MARK_EXCUSED);
	m = mn_mark_next(mn_mark_next(m));
	assert_int_equal(m, MN_MARK_LATE);
	assert_int_equal(mn_mark_next(m), MN_MARK_PRESENT);
	assert_int_equal(mn_mark_parse("k", "mark", &m, &err), MN_OK);
	assert_int_equal(m, MN_MARK_UNEXCUSED);
	assert_int_equal(mn_mark_parse("Z", "mark", &m, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "mark");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mark_cycle_and_parse),
		cmocka_unit_test_setup_teardown(load_starts_present, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(future_date_rejected, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(non_school_day_rejected, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(edit_window_teacher_principal,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(teacher_limited_to_own_class,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(child_not_in_class_rejected,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    save_whole_class_one_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(conflict_returns_other_values,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(conflict_time_is_local,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(conflict_inside_transaction,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(temperature_range_checked,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(diary_versioned, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(sheet_totals_match_marks, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(school_day_counts_meals, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    demo_fills_year_deterministically, setup, teardown),
		cmocka_unit_test_setup_teardown(child_month_for_parent, setup,
		    teardown),
	};

	mn_set_language(MN_LANG_VI);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
