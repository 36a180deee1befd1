/*
 * bench_saves: timed saves against one database, for ssh_sessions.sh.
 *
 *   bench_saves DATABASE mamnon|raw SECONDS INTERVAL_MS FIRST
 *
 * "mamnon" saves the way every form does: mn_tx_begin (BEGIN IMMEDIATE
 * with the busy timeout), an audit row through mn_audit, mn_tx_commit.
 * "raw" issues the same two INSERTs in a plain SQLite loop with the same
 * pragmas, as the baseline.  With INTERVAL_MS > 0 a save starts every
 * INTERVAL_MS; with 0 they run back to back.  Prints the latency of each
 * save in microseconds, one per line, then "saves N errors E".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/db.h"

static long long
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static const char values[] = "{\"child_id\":1,\"date\":\"2026-12-04\","
    "\"present\":1,\"note\":\"\"}";

static int
save_mamnon(sqlite3 *db, long long seq)
{
	struct mn_actor actor = { .login = "host:bench", .source = "local",
	    .roles = MN_ROLE_HOST };
	struct mn_error err = { 0 };

	if (mn_tx_begin(db, &err) != MN_OK)
		return -1;
	if (mn_audit(db, &actor, "insert", "benchsave", seq, NULL, values,
	    "benchmark save", &err) != MN_OK ||
	    mn_tx_commit(db, &err) != MN_OK) {
		mn_tx_rollback(db);
		return -1;
	}
	return 0;
}

/* The same rows as mn_audit writes, without the program's helpers. */
static int
save_raw(sqlite3 *db, long long seq)
{
	static sqlite3_stmt *audit, *vals;
	int ok;

	if (audit == NULL &&
	    (sqlite3_prepare_v2(db, "INSERT INTO audit (at, login, source, "
	    "action, table_name, row_id, detail) VALUES "
	    "(strftime('%Y-%m-%dT%H:%M:%SZ'), 'host:bench', 'local', "
	    "'insert', 'benchsave', ?, 'benchmark save')", -1, &audit,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO audit_values (audit_id, "
	    "new_values) VALUES (?, ?)", -1, &vals, NULL) != SQLITE_OK))
		return -1;
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_int64(audit, 1, seq);
	ok = sqlite3_step(audit) == SQLITE_DONE;
	sqlite3_reset(audit);
	if (ok) {
		sqlite3_bind_int64(vals, 1, sqlite3_last_insert_rowid(db));
		sqlite3_bind_text(vals, 2, values, -1, SQLITE_STATIC);
		ok = sqlite3_step(vals) == SQLITE_DONE;
		sqlite3_reset(vals);
	}
	if (!ok || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct mn_error err = { 0 };
	long long seconds, interval_us, seq, end, next;
	int saves = 0, errors = 0;
	bool raw;
	sqlite3 *db;

	if (argc != 6) {
		fprintf(stderr, "usage: bench_saves DATABASE mamnon|raw "
		    "SECONDS INTERVAL_MS FIRST\n");
		return 2;
	}
	raw = strcmp(argv[2], "raw") == 0;
	seconds = atoll(argv[3]);
	interval_us = atoll(argv[4]) * 1000;
	seq = atoll(argv[5]);
	if (mn_db_open(argv[1], &db, &err) != MN_OK) {
		fprintf(stderr, "bench_saves: %s\n", err.message);
		return 1;
	}
	end = now_us() + seconds * 1000000;
	next = now_us();
	while (now_us() < end) {
		long long start = now_us();
		int rc = raw ? save_raw(db, seq) : save_mamnon(db, seq);

		if (rc == 0) {
			printf("%lld\n", now_us() - start);
			saves++;
		} else
			errors++;
		seq++;
		if (interval_us > 0) {
			next += interval_us;
			if (next > now_us())
				usleep((useconds_t)(next - now_us()));
		}
	}
	printf("saves %d errors %d\n", saves, errors);
	mn_db_close(db);
	return 0;
}
