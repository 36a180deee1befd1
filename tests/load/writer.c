/*
 * writer: a stream of small saves for the fault tests.
 *
 *   writer DATABASE FIRST COUNT [PAD_BYTES [PAUSE_US]]
 *
 * Each save is one write transaction of the kind every form makes: BEGIN
 * IMMEDIATE, an audit row (table "loadtest", row_id = the sequence number,
 * PAD_BYTES of padding in its values so commits span several pages and
 * the WAL reaches checkpoints), COMMIT.  Only after COMMIT returns does it
 * print the sequence number and flush, so every number on standard
 * output is an acknowledged save.  COUNT 0 means until killed.  PAUSE_US
 * microseconds between saves let several writers take turns: SQLite's
 * busy handler polls, so a writer that never pauses can keep the lock
 * for itself.  Exit status 1 with the error on stderr when a save fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/db.h"

int
main(int argc, char **argv)
{
	struct mn_error err = { 0 };
	struct mn_actor actor = { .account_id = 0, .login = "host:writer",
	    .source = "local", .roles = MN_ROLE_HOST };
	long long first, count, seq;
	size_t pad = 600;
	useconds_t pause = 0;
	char *values;
	sqlite3 *db;

	if (argc < 4 || argc > 6) {
		fprintf(stderr, "usage: writer DATABASE FIRST COUNT "
		    "[PAD_BYTES [PAUSE_US]]\n");
		return 2;
	}
	first = strtoll(argv[2], NULL, 10);
	count = strtoll(argv[3], NULL, 10);
	if (argc >= 5)
		pad = strtoul(argv[4], NULL, 10);
	if (argc == 6)
		pause = (useconds_t)strtoul(argv[5], NULL, 10);
	if ((values = malloc(pad + 32)) == NULL)
		return 1;
	memcpy(values, "{\"pad\":\"", 8);
	memset(values + 8, 'x', pad);
	strcpy(values + 8 + pad, "\"}");

	if (mn_db_open(argv[1], &db, &err) != MN_OK) {
		fprintf(stderr, "writer: %s\n", err.message);
		return 1;
	}
	for (seq = first; count == 0 || seq < first + count; seq++) {
		if (mn_tx_begin(db, &err) != MN_OK ||
		    mn_audit(db, &actor, "insert", "loadtest", seq, NULL,
		    values, "fault test save", &err) != MN_OK ||
		    mn_tx_commit(db, &err) != MN_OK) {
			mn_tx_rollback(db);
			fprintf(stderr, "writer: save %lld: %s\n", seq,
			    err.message);
			mn_db_close(db);
			return 1;
		}
		printf("%lld\n", seq);
		fflush(stdout);
		if (pause > 0)
			usleep(pause);
	}
	mn_db_close(db);
	free(values);
	return 0;
}
