/*
 * Search speed in the children register: a database of 20,000 children,
 * then the list refreshed for each keystroke of a search as a user types
 * it.  Prints the mean and the maximum time per keystroke, both for the
 * in-memory index the list screen uses and for a new database query per
 * keystroke, to show why the screen uses the index.
 *
 * usage: search DIR      (DIR: an empty folder for the database)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/account.h"
#include "core/config.h"
#include "core/db.h"
#include "core/demo_registers.h"
#include "core/registers.h"
#include "core/text.h"

#define TARGET_CHILDREN 20000

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
count_row(const struct mn_child *c, void *arg)
{
	(void)c;
	(*(int *)arg)++;
	return 0;
}

/* Copies the demo's children until the register holds about 20,000. */
static int
grow_register(sqlite3 *db)
{
	const char *sql =
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
	    "WHERE i < (SELECT 20000 / count(*) FROM children)) "
	    "INSERT INTO children (school_code, full_name, name_fold, "
	    "name_key, birth_date, sex, ethnicity, class_id, enrolment_date, "
	    "status, changed_by, changed_at) "
	    "SELECT c.school_code || '-' || n.i, c.full_name, c.name_fold, "
	    "c.name_key, c.birth_date, c.sex, c.ethnicity, c.class_id, "
	    "c.enrolment_date, c.status, 'bench', c.changed_at "
	    "FROM children c, n";

	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

int
main(int argc, char **argv)
{
	static const char *typed = "nguyen thi ha";
	static struct mn_config cfg;
	struct mn_ctx ctx = { 0 };
	struct mn_error err = { 0 };
	char path[4096], prefix[64];
	double total = 0, max = 0;
	int children = 0, keys = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: search DIR\n");
		return 2;
	}
	mn_config_defaults(&cfg);
	snprintf(path, sizeof path, "%s/search.db", argv[1]);
	ctx.cfg = &cfg;
	mn_actor_set_host(&ctx.actor);
	if (mn_db_create(path, &ctx.db, &err) != MN_OK ||
	    mn_demo_registers(&ctx, 1, &err) != MN_OK) {
		fprintf(stderr, "search: %s\n", err.message);
		return 1;
	}
	if (grow_register(ctx.db) != SQLITE_OK) {
		fprintf(stderr, "search: %s\n", sqlite3_errmsg(ctx.db));
		return 1;
	}

	/* The principal sees the whole school, the largest list. */
	ctx.actor.roles = MN_ROLE_PRINCIPAL;
	struct mn_child_filter all = { 0 };
	mn_child_list(&ctx, &all, count_row, &children, &err);
	for (size_t len = 1; len <= strlen(typed); len++) {
		struct mn_child_filter f = { 0 };
		int found = 0;
		double start, took;

		snprintf(prefix, sizeof prefix, "%.*s", (int)len, typed);
		if (prefix[len - 1] == ' ')
			continue;
		f.search = prefix;
		start = now_ms();
		if (mn_child_list(&ctx, &f, count_row, &found, &err) != MN_OK) {
			fprintf(stderr, "search: %s\n", err.message);
			return 1;
		}
		took = now_ms() - start;
		total += took;
		if (took > max)
			max = took;
		keys++;
		printf("  \"%s\": %d children in %.2f ms\n", prefix, found,
		    took);
	}
	printf("register: %d children\n", children);
	printf("database query per keystroke: mean %.2f ms, max %.2f ms over "
	    "%d keystrokes\n", total / keys, max, keys);

	struct mn_child_index idx;
	size_t *matches;
	double start = now_ms();

	if (mn_child_index_load(&ctx, &all, &idx, &err) != MN_OK) {
		fprintf(stderr, "search: %s\n", err.message);
		return 1;
	}
	printf("index load (once per screen): %.2f ms\n", now_ms() - start);
	matches = malloc((idx.count + 1) * sizeof *matches);
	total = max = 0;
	keys = 0;
	for (size_t len = 1; len <= strlen(typed); len++) {
		double took;
		size_t found;

		snprintf(prefix, sizeof prefix, "%.*s", (int)len, typed);
		if (prefix[len - 1] == ' ')
			continue;
		start = now_ms();
		found = mn_child_index_search(&idx, prefix, matches);
		took = now_ms() - start;
		total += took;
		if (took > max)
			max = took;
		keys++;
		printf("  \"%s\": %zu children in %.2f ms\n", prefix, found,
		    took);
	}
	printf("in-memory index per keystroke: mean %.2f ms, max %.2f ms "
	    "over %d keystrokes (target: under 5 ms)\n", total / keys, max,
	    keys);
	free(matches);
	mn_child_index_free(&idx);
	mn_db_close(ctx.db);
	return 0;
}
