/*
 * Attendance benchmarks, run by tests/bench/attendance.sh:
 *
 *   attendance_bench setup DB CLASSES SIZE
 *       a new database with one school year around today and CLASSES
 *       classes of SIZE children
 *   attendance_bench paced DB SESSIONS INTERVAL_MS ROUNDS
 *       SESSIONS processes, each saving its own class through
 *       mn_attendance_save every INTERVAL_MS; prints save times
 *   attendance_bench burst DB SESSIONS SECONDS core|plain
 *       the same processes saving back to back, through the core or
 *       through a plain loop of the same SQLite statements
 *   attendance_bench demo DB CLASSES SIZE
 *       a school year that started 280 days ago, then the time of
 *       mn_demo_attendance filling it
 *   attendance_bench sheet DB YEARS SIZE
 *       YEARS school years of SIZE children with every school day
 *       marked, then the time of one class's monthly sheet
 *
 * Times are wall-clock microseconds from CLOCK_MONOTONIC.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/account.h"
#include "core/attendance.h"
#include "core/config.h"
#include "core/db.h"
#include "core/demo.h"

static struct mn_config cfg;

static long long
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void
die(const char *what, const struct mn_error *err)
{
	fprintf(stderr, "attendance_bench: %s: %s\n", what,
	    err != NULL ? err->message : "failed");
	exit(1);
}

static void
exec_sql(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "attendance_bench: %s\n", msg);
		exit(1);
	}
}

/* The latest Monday-to-Friday day up to today. */
static void
bench_day(struct mn_date *d)
{
	struct mn_date today;
	long n;

	mn_date_today(&today);
	for (n = mn_date_to_days(&today);; n--) {
		mn_date_from_days(n, d);
		if (mn_date_weekday(d) < 5)
			return;
	}
}

/*
 * A busy handler that retries every 0.1-0.3 ms up to MN_BUSY_TIMEOUT_MS.
 * SQLite's own handler (sqlite3_busy_timeout) sleeps longer the longer
 * it has waited, so under a steady stream of writers a process that
 * waited long polls rarely and keeps losing the lock to newcomers.
 * Polling at a short fixed pace gives every waiter the same chance.
 */
static int
poll_busy(void *arg, int count)
{
	static long long start;

	(void)arg;
	if (count == 0)
		start = now_us();
	if (now_us() - start > MN_BUSY_TIMEOUT_MS * 1000LL)
		return 0;
	usleep(100 + (useconds_t)(rand() % 200));
	return 1;
}

/*
 * The plain loop queues its writers on the same flock(2) on DB-writer
 * that mn_tx_begin takes, so both sides run the same transactions
 * under the same queue.  The core takes the lock itself.
 */
static int writer_fd = -1;

static void
writer_lock(void)
{
	if (writer_fd >= 0)
		flock(writer_fd, LOCK_EX);
}

static void
writer_unlock(void)
{
	if (writer_fd >= 0)
		flock(writer_fd, LOCK_UN);
}

static void
open_ctx(struct mn_ctx *ctx, const char *path)
{
	struct mn_error err = { 0 };
	const char *busy = getenv("BENCH_BUSY");

	memset(ctx, 0, sizeof *ctx);
	if (mn_db_open(path, &ctx->db, &err) != MN_OK)
		die("open", &err);
	if (writer_fd < 0) {
		char lock[4200];

		snprintf(lock, sizeof lock, "%s-writer", path);
		writer_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0660);
	}
	/* BENCH_BUSY=poll replaces the handler mn_db_open set. */
	if (busy != NULL && strcmp(busy, "poll") == 0) {
		srand((unsigned)getpid());
		sqlite3_busy_handler(ctx->db, poll_busy, NULL);
	}
	ctx->cfg = &cfg;
	mn_actor_set_host(&ctx->actor);
}

/* Adds a school year from first to last with classes of size children. */
static void
add_year(sqlite3 *db, int year, const char *first, const char *last,
    int classes, int size, int *next_child)
{
	sqlite3_stmt *cls, *child, *hist;
	char name[16], code[16];

	snprintf(name, sizeof name, "%d-%d", year, year + 1);
	sqlite3_prepare_v2(db, "INSERT INTO school_years (name, first_day, "
	    "last_day, changed_by, changed_at) VALUES (?, ?, ?, 'b', 'b')", -1,
	    &cls, NULL);
	sqlite3_bind_text(cls, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(cls, 2, first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(cls, 3, last, -1, SQLITE_TRANSIENT);
	sqlite3_step(cls);
	sqlite3_finalize(cls);
	int64_t year_id = sqlite3_last_insert_rowid(db);

	sqlite3_prepare_v2(db, "INSERT INTO classes (school_year_id, code, "
	    "name, age_group, capacity, changed_by, changed_at) "
	    "VALUES (?, ?, ?, 'mg-5-6', 35, 'b', 'b')", -1, &cls, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO children (id, school_code, "
	    "full_name, name_fold, name_key, birth_date, sex, enrolment_date, "
	    "changed_by, changed_at) VALUES (?1, 'B' || ?1, 'Trẻ ' || ?1, "
	    "'tre', printf('%08d', ?1), '2020-01-01', 'F', ?2, 'b', 'b')", -1,
	    &child, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO child_class_history (child_id, "
	    "class_id, from_date, to_date) VALUES (?, ?, ?, ?)", -1, &hist,
	    NULL);
	for (int c = 0; c < classes; c++) {
		snprintf(code, sizeof code, "L%d", c + 1);
		sqlite3_reset(cls);
		sqlite3_bind_int64(cls, 1, year_id);
		sqlite3_bind_text(cls, 2, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(cls, 3, code, -1, SQLITE_TRANSIENT);
		sqlite3_step(cls);
		int64_t class_id = sqlite3_last_insert_rowid(db);

		for (int k = 0; k < size; k++) {
			int id = (*next_child)++;

			sqlite3_reset(child);
			sqlite3_bind_int(child, 1, id);
			sqlite3_bind_text(child, 2, first, -1,
			    SQLITE_TRANSIENT);
			sqlite3_step(child);
			sqlite3_reset(hist);
			sqlite3_bind_int(hist, 1, id);
			sqlite3_bind_int64(hist, 2, class_id);
			sqlite3_bind_text(hist, 3, first, -1,
			    SQLITE_TRANSIENT);
			sqlite3_bind_text(hist, 4, last, -1, SQLITE_TRANSIENT);
			sqlite3_step(hist);
		}
	}
	sqlite3_finalize(cls);
	sqlite3_finalize(child);
	sqlite3_finalize(hist);
}

static void
cmd_setup(const char *path, int classes, int size, long back)
{
	struct mn_error err = { 0 };
	struct mn_date today, first, last;
	char f[16], l[16];
	sqlite3 *db;
	int next = 1;

	if (mn_db_create(path, &db, &err) != MN_OK)
		die("create", &err);
	mn_date_today(&today);
	mn_date_from_days(mn_date_to_days(&today) - back, &first);
	mn_date_from_days(mn_date_to_days(&today) + 100, &last);
	mn_date_format_iso(&first, f, sizeof f);
	mn_date_format_iso(&last, l, sizeof l);
	exec_sql(db, "BEGIN");
	add_year(db, first.year, f, l, classes, size, &next);
	/* The plain loop updates the class-day row, so it must exist. */
	bench_day(&today);
	mn_date_format_iso(&today, f, sizeof f);
	{
		char sql[256];

		snprintf(sql, sizeof sql, "INSERT INTO class_days (class_id, "
		    "day, changed_by, changed_at) SELECT id, '%s', 'b', 'b' "
		    "FROM classes", f);
		exec_sql(db, sql);
	}
	exec_sql(db, "COMMIT");
	mn_db_close(db);
}

/* One session of the paced run: prints "us" per save to out. */
static void
paced_session(const char *path, int session, int interval_ms, int rounds,
    FILE *out)
{
	struct mn_ctx ctx;
	struct mn_error err = { 0 };
	struct mn_attendance_day att;
	struct mn_date day;
	int64_t class_id;
	char code[16];
	long long next;

	open_ctx(&ctx, path);
	bench_day(&day);
	snprintf(code, sizeof code, "L%d", session + 1);
	if (mn_attendance_class_find(&ctx, code, &day, &class_id, &err) !=
	    MN_OK || mn_attendance_load(&ctx, class_id, &day, &att, &err) !=
	    MN_OK)
		die("load", &err);
	/* Spread the sessions over the interval, as people would be. */
	usleep((useconds_t)(session * interval_ms * 1000 / 50));
	next = now_us();
	for (int r = 0; r < rounds; r++) {
		long long start, wait;

		att.entries[r % att.count].mark = mn_mark_next(
		    att.entries[r % att.count].mark);
		start = now_us();
		if (mn_attendance_save(&ctx, &att, NULL, &err) != MN_OK)
			die("save", &err);
		fprintf(out, "%lld\n", now_us() - start);
		next += interval_ms * 1000LL;
		wait = next - now_us();
		if (wait > 0)
			usleep((useconds_t)wait);
	}
	mn_attendance_free(&att);
	mn_db_close(ctx.db);
}

/*
 * The same transaction as mn_attendance_save, written plainly: check the
 * version, read the class list of the day, bump the version, replace
 * the marks, append the audit row.  The core adds its access, calendar
 * and input checks, the names and notes, and the audit values.
 */
static bool
plain_save(sqlite3 *db, int64_t class_id, const char *day,
    const int64_t *children, int count, int round)
{
	static sqlite3_stmt *sel, *list, *upd, *del, *ins, *aud, *audv;
	int64_t day_id, version;

	if (sel == NULL) {
		sqlite3_prepare_v2(db, "SELECT ch.id, m.mark FROM "
		    "child_class_history h JOIN children ch "
		    "ON ch.id = h.child_id LEFT JOIN attendance_marks m "
		    "ON m.class_day_id = ?3 AND m.child_id = ch.id "
		    "WHERE h.class_id = ?1 AND h.from_date <= ?2 "
		    "AND (h.to_date IS NULL OR h.to_date > ?2)", -1, &list,
		    NULL);
		sqlite3_prepare_v2(db, "SELECT id, version FROM class_days "
		    "WHERE class_id = ? AND day = ?", -1, &sel, NULL);
		sqlite3_prepare_v2(db, "UPDATE class_days SET version = "
		    "version + 1, attendance_saved = 1, changed_by = 'p', "
		    "changed_at = 'p' WHERE id = ? AND version = ?", -1, &upd,
		    NULL);
		sqlite3_prepare_v2(db, "DELETE FROM attendance_marks "
		    "WHERE class_day_id = ?", -1, &del, NULL);
		sqlite3_prepare_v2(db, "INSERT INTO attendance_marks "
		    "(class_day_id, child_id, mark, note) VALUES (?, ?, ?, '')",
		    -1, &ins, NULL);
		sqlite3_prepare_v2(db, "INSERT INTO audit (at, login, source, "
		    "action, table_name, row_id) VALUES ('p', 'p', 'local', "
		    "'update', 'class_days', ?)", -1, &aud, NULL);
		sqlite3_prepare_v2(db, "INSERT INTO audit_values (audit_id, "
		    "new_values) VALUES (?, '{}')", -1, &audv, NULL);
	}
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(sel, 1, class_id);
	sqlite3_bind_text(sel, 2, day, -1, SQLITE_STATIC);
	if (sqlite3_step(sel) != SQLITE_ROW) {
		fprintf(stderr, "attendance_bench: no class-day\n");
		exit(1);
	}
	day_id = sqlite3_column_int64(sel, 0);
	version = sqlite3_column_int64(sel, 1);
	sqlite3_reset(sel);
	sqlite3_bind_int64(list, 1, class_id);
	sqlite3_bind_text(list, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(list, 3, day_id);
	while (sqlite3_step(list) == SQLITE_ROW)
		;
	sqlite3_reset(list);
	sqlite3_bind_int64(upd, 1, day_id);
	sqlite3_bind_int64(upd, 2, version);
	sqlite3_step(upd);
	sqlite3_reset(upd);
	sqlite3_bind_int64(del, 1, day_id);
	sqlite3_step(del);
	sqlite3_reset(del);
	for (int i = 0; i < count; i++) {
		sqlite3_bind_int64(ins, 1, day_id);
		sqlite3_bind_int64(ins, 2, children[i]);
		sqlite3_bind_text(ins, 3, i == round % count ? "late" :
		    "present", -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			fprintf(stderr, "attendance_bench: %s\n",
			    sqlite3_errmsg(db));
			exit(1);
		}
		sqlite3_reset(ins);
	}
	sqlite3_bind_int64(aud, 1, day_id);
	sqlite3_step(aud);
	sqlite3_reset(aud);
	sqlite3_bind_int64(audv, 1, sqlite3_last_insert_rowid(db));
	sqlite3_step(audv);
	sqlite3_reset(audv);
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return false;
	}
	return true;
}

/* One session of the burst run: prints "us" per save to out. */
static void
burst_session(const char *path, int session, int seconds, bool plain,
    FILE *out)
{
	struct mn_ctx ctx;
	struct mn_error err = { 0 };
	struct mn_attendance_day att;
	struct mn_date day;
	int64_t class_id, *children;
	char code[16], iso[16];
	long long end;

	open_ctx(&ctx, path);
	bench_day(&day);
	mn_date_format_iso(&day, iso, sizeof iso);
	snprintf(code, sizeof code, "L%d", session + 1);
	if (mn_attendance_class_find(&ctx, code, &day, &class_id, &err) !=
	    MN_OK || mn_attendance_load(&ctx, class_id, &day, &att, &err) !=
	    MN_OK)
		die("load", &err);
	children = calloc(att.count, sizeof *children);
	for (size_t i = 0; i < att.count; i++)
		children[i] = att.entries[i].child_id;
	end = now_us() + seconds * 1000000LL;
	for (int r = 0; now_us() < end; r++) {
		long long start = now_us();

		bool saved = true;

		if (plain) {
			writer_lock();
			saved = plain_save(ctx.db, class_id, iso, children,
			    (int)att.count, r);
			writer_unlock();
		} else {
			att.entries[r % att.count].mark = mn_mark_next(
			    att.entries[r % att.count].mark);
			saved = mn_attendance_save(&ctx, &att, NULL, &err) ==
			    MN_OK;
		}
		/* A failed save (the busy timeout ran out) is counted. */
		if (saved)
			fprintf(out, "%lld\n", now_us() - start);
		else
			fprintf(out, "failed %lld\n", now_us() - start);
	}
	free(children);
	mn_attendance_free(&att);
	mn_db_close(ctx.db);
}

/* Forks sessions; each writes its times to OUT.N beside the database. */
static void
run_sessions(const char *path, int sessions, int mode, int a, int b,
    bool plain)
{
	for (int s = 0; s < sessions; s++) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("fork");
			exit(1);
		}
		if (pid == 0) {
			char name[4200];
			FILE *out;

			snprintf(name, sizeof name, "%s.times.%d", path, s);
			if ((out = fopen(name, "w")) == NULL)
				exit(1);
			if (mode == 'p')
				paced_session(path, s, a, b, out);
			else
				burst_session(path, s, a, plain, out);
			fclose(out);
			_exit(0);
		}
	}
	/* Wait for every session, so none outlives a failed run. */
	int failed = 0;

	for (int s = 0; s < sessions; s++) {
		int status;

		if (wait(&status) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			failed++;
	}
	if (failed > 0) {
		fprintf(stderr, "attendance_bench: %d sessions failed\n",
		    failed);
		exit(1);
	}
}

static void
cmd_demo(const char *path, int classes, int size)
{
	struct mn_error err = { 0 };
	struct mn_ctx ctx;
	sqlite3_stmt *st;
	long long start;

	cmd_setup(path, classes, size, 280);
	open_ctx(&ctx, path);
	/*
	 * cmd_setup made empty class-days for the saves; the demo adds its
	 * own.
	 */
	exec_sql(ctx.db, "DELETE FROM class_days");
	start = now_us();
	if (mn_demo_attendance(&ctx, 1, &err) != MN_OK)
		die("demo", &err);
	printf("demo attendance: %d children, %.2f s", classes * size,
	    (now_us() - start) / 1e6);
	sqlite3_prepare_v2(ctx.db, "SELECT (SELECT count(*) FROM "
	    "attendance_marks), (SELECT count(*) FROM daily_logs)", -1, &st,
	    NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		printf(", %d marks, %d daily logs", sqlite3_column_int(st, 0),
		    sqlite3_column_int(st, 1));
	printf("\n");
	sqlite3_finalize(st);
	mn_db_close(ctx.db);
}

/* Ten school years of a school: every school day marked, in bulk. */
static void
cmd_sheet(const char *path, int years, int size)
{
	struct mn_error err = { 0 };
	struct mn_ctx ctx;
	struct mn_date today, day;
	struct mn_attendance_sheet sheet;
	sqlite3_stmt *days, *marks;
	int next = 1, classes = (size + 29) / 30, start_year;
	long long t0, best = -1, worst = 0, total = 0;
	const int runs = 20;

	if (mn_db_create(path, &ctx.db, &err) != MN_OK)
		die("create", &err);
	mn_date_today(&today);
	start_year = (today.month >= 9 ? today.year : today.year - 1) -
	    years + 1;
	t0 = now_us();
	exec_sql(ctx.db, "BEGIN");
	for (int y = 0; y < years; y++) {
		char f[16], l[16];

		snprintf(f, sizeof f, "%d-09-05", start_year + y);
		snprintf(l, sizeof l, "%d-05-31", start_year + y + 1);
		add_year(ctx.db, start_year + y, f, l, classes, 30, &next);
	}
	/* Mark every weekday of every year for every child, in SQL. */
	sqlite3_prepare_v2(ctx.db, "WITH RECURSIVE d(day) AS ("
	    "SELECT first_day FROM school_years UNION ALL "
	    "SELECT date(day, '+1 day') FROM d WHERE day < (SELECT "
	    "max(last_day) FROM school_years)) "
	    "INSERT INTO class_days (class_id, day, attendance_saved, "
	    "changed_by, changed_at) SELECT DISTINCT c.id, d.day, 1, 'b', 'b' "
	    "FROM d JOIN school_years y ON d.day BETWEEN y.first_day "
	    "AND y.last_day JOIN classes c ON c.school_year_id = y.id "
	    "WHERE strftime('%w', d.day) NOT IN ('0', '6') AND d.day <= "
	    "date('now')", -1, &days, NULL);
	if (sqlite3_step(days) != SQLITE_DONE)
		die("class days", NULL);
	sqlite3_finalize(days);
	sqlite3_prepare_v2(ctx.db, "INSERT INTO attendance_marks "
	    "(class_day_id, child_id, mark) SELECT d.id, h.child_id, "
	    "CASE abs(random()) % 40 WHEN 0 THEN 'excused' WHEN 1 THEN "
	    "'unexcused' WHEN 2 THEN 'late' ELSE 'present' END "
	    "FROM class_days d JOIN child_class_history h "
	    "ON h.class_id = d.class_id", -1, &marks, NULL);
	if (sqlite3_step(marks) != SQLITE_DONE)
		die("marks", NULL);
	sqlite3_finalize(marks);
	exec_sql(ctx.db, "COMMIT");
	printf("sheet database: %d school years of %d children, built in "
	    "%.1f s\n", years, classes * 30, (now_us() - t0) / 1e6);
	mn_db_close(ctx.db);

	open_ctx(&ctx, path);
	{
		sqlite3_stmt *st;

		sqlite3_prepare_v2(ctx.db, "SELECT count(*) FROM "
		    "attendance_marks", -1, &st, NULL);
		sqlite3_step(st);
		printf("marks stored: %d\n", sqlite3_column_int(st, 0));
		sqlite3_finalize(st);
	}
	/* A full month of the latest year: October. */
	day = (struct mn_date){ start_year + years - 1, 10, 1 };
	for (int r = 0; r < runs; r++) {
		long long s = now_us(), us;

		if (mn_attendance_sheet(&ctx, "L1", day.year, day.month,
		    &sheet, &err) != MN_OK)
			die("sheet", &err);
		us = now_us() - s;
		total += us;
		if (best < 0 || us < best)
			best = us;
		if (us > worst)
			worst = us;
		if (r == 0)
			printf("sheet rows: %zu, marks present: %d\n",
			    sheet.count, sheet.present);
		mn_attendance_sheet_free(&sheet);
	}
	printf("sheet of one class for %04d-%02d: best %.2f ms, mean %.2f ms, "
	    "worst %.2f ms over %d runs\n", day.year, day.month, best / 1e3,
	    total / 1e3 / runs, worst / 1e3, runs);
	mn_db_close(ctx.db);
}

int
main(int argc, char **argv)
{
	mn_config_defaults(&cfg);
	mn_config_apply_timezone(&cfg);
	if (argc == 5 && strcmp(argv[1], "setup") == 0)
		cmd_setup(argv[2], atoi(argv[3]), atoi(argv[4]), 200);
	else if (argc == 5 && strcmp(argv[1], "demo") == 0)
		cmd_demo(argv[2], atoi(argv[3]), atoi(argv[4]));
	else if (argc == 6 && strcmp(argv[1], "paced") == 0)
		run_sessions(argv[2], atoi(argv[3]), 'p', atoi(argv[4]),
		    atoi(argv[5]), false);
	else if (argc == 6 && strcmp(argv[1], "burst") == 0)
		run_sessions(argv[2], atoi(argv[3]), 'b', atoi(argv[4]), 0,
		    strcmp(argv[5], "plain") == 0);
	else if (argc == 5 && strcmp(argv[1], "sheet") == 0)
		cmd_sheet(argv[2], atoi(argv[3]), atoi(argv[4]));
	else {
		fprintf(stderr, "usage: attendance_bench setup|paced|burst|"
		    "sheet ...\n");
		return 2;
	}
	return 0;
}
