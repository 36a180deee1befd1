/*
 * The parent-only reads of parent_view.c on the demo school.  A parent
 * reads their own child, and each read is audited.  Another family's
 * child, an unknown id and a staff account are refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/config.h"
#include "core/date.h"
#include "core/demo.h"
#include "core/parent_view.h"
#include "core/parents.h"

struct fixture {
	struct mn_ctx host;
	struct mn_config cfg;
	int64_t own_child;	/* linked to "parent" */
	int64_t other_child;	/* linked to no parent */
};

static struct fixture *fx;

static int64_t
query_id(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* A context acting as one demo account with the given roles. */
static struct mn_ctx
as(const char *login, unsigned roles)
{
	struct mn_ctx c = fx->host;
	char sql[128];

	memset(&c.actor, 0, sizeof c.actor);
	snprintf(sql, sizeof sql, "SELECT id FROM accounts WHERE login = '%s'",
	    login);
	c.actor.account_id = query_id(c.db, sql);
	assert_true(c.actor.account_id > 0);
	c.actor.roles = roles;
	snprintf(c.actor.login, sizeof c.actor.login, "%s", login);
	snprintf(c.actor.source, sizeof c.actor.source, "local");
	return c;
}

/* Counts audit rows on the child with the action and detail prefix. */
static int
audit_count(const char *action, int64_t child_id, const char *detail)
{
	sqlite3_stmt *st;
	int n;

	assert_int_equal(sqlite3_prepare_v2(fx->host.db, "SELECT count(*) "
	    "FROM audit WHERE action = ? AND table_name = 'children' "
	    "AND row_id = ? AND detail LIKE ? || '%'", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, child_id);
	sqlite3_bind_text(st, 3, detail, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
count_visit(const struct mn_parent_visit *v, void *arg)
{
	(void)v;
	(*(int *)arg)++;
	return 0;
}

static int
setup(void **state)
{
	struct mn_error err = { 0 };

	(void)state;
	fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	test_open_db(&fx->host, &fx->cfg);
	if (mn_demo_build(&fx->host, 3, "demo-password", &err) != MN_OK)
		fail_msg("demo: %s", err.message);
	if (query_id(fx->host.db, "SELECT count(*) FROM parent_children") ==
	    0 && mn_demo_parents(&fx->host, 3, "demo-password", &err) !=
	    MN_OK)
		fail_msg("demo parents: %s", err.message);
	fx->own_child = query_id(fx->host.db, "SELECT pc.child_id FROM "
	    "parent_children pc JOIN accounts a ON a.id = pc.account_id "
	    "WHERE a.login = 'parent' ORDER BY pc.child_id LIMIT 1");
	fx->other_child = query_id(fx->host.db, "SELECT id FROM children "
	    "WHERE id NOT IN (SELECT child_id FROM parent_children) "
	    "ORDER BY id LIMIT 1");
	assert_true(fx->own_child > 0);
	assert_true(fx->other_child > 0);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	test_close_db(&fx->host);
	free(fx);
	return 0;
}

static void
parent_reads_own_child(void **state)
{
	struct mn_ctx c = as("parent", MN_ROLE_PARENT);
	struct mn_parent_card card;
	struct mn_parent_growth growth;
	struct mn_child_month *month = malloc(sizeof *month);
	struct mn_daily_log *log = malloc(sizeof *log);
	struct mn_parent_measure *measures = NULL;
	struct mn_error err = { 0 };
	struct mn_date today;
	size_t count = 0;
	int visits = 0;

	(void)state;
	assert_non_null(month);
	assert_non_null(log);
	mn_date_today(&today);
	assert_int_equal(mn_parent_card_get(&c, fx->own_child, &card, &err),
	    MN_OK);
	assert_int_equal(card.child_id, fx->own_child);
	assert_true(card.school_code[0] != '\0');
	assert_true(card.full_name[0] != '\0');
	assert_int_equal(audit_count("view", fx->own_child, "child_card"), 1);

	assert_int_equal(mn_parent_growth_get(&c, fx->own_child, &growth,
	    &err), MN_OK);
	/* The demo measures every enrolled child. */
	assert_true(growth.measured);
	assert_true(growth.weight_kg > 0);
	assert_int_equal(audit_count("view", fx->own_child, "growth_view"),
	    1);

	assert_int_equal(mn_parent_measurements(&c, fx->own_child, &measures,
	    &count, &err), MN_OK);
	assert_true(count > 0);
	assert_non_null(measures);
	/* Oldest first, ending with the measurement the status shows. */
	assert_string_equal(measures[count - 1].measured_on,
	    growth.measured_on);
	for (size_t i = 1; i < count; i++)
		assert_true(strcmp(measures[i - 1].measured_on,
		    measures[i].measured_on) <= 0);
	free(measures);
	assert_int_equal(audit_count("view", fx->own_child,
	    "growth_chart_view"), 1);

	assert_int_equal(mn_parent_visits(&c, fx->own_child, count_visit,
	    &visits, &err), MN_OK);
	assert_int_equal(audit_count("view", fx->own_child, "visits_view"),
	    1);

	assert_int_equal(mn_parent_attendance_month(&c, fx->own_child,
	    today.year, today.month, month, &err), MN_OK);
	assert_int_equal(month->child_id, fx->own_child);
	assert_int_equal(audit_count("view", fx->own_child,
	    "attendance_view"), 1);

	assert_int_equal(mn_parent_daily_log(&c, fx->own_child, &today, log,
	    &err), MN_OK);
	assert_int_equal(audit_count("view", fx->own_child, "daily_log_view"),
	    1);
	free(month);
	free(log);
}

static void
parent_refused_other_child(void **state)
{
	struct mn_ctx c = as("parent", MN_ROLE_PARENT);
	struct mn_parent_card card;
	struct mn_parent_growth growth;
	struct mn_child_month *month = malloc(sizeof *month);
	struct mn_daily_log *log = malloc(sizeof *log);
	struct mn_parent_measure *measures = NULL;
	struct mn_error err = { 0 };
	struct mn_date today;
	size_t count = 0;
	int visits = 0;

	(void)state;
	assert_non_null(month);
	assert_non_null(log);
	mn_date_today(&today);
	assert_int_equal(mn_parent_card_get(&c, fx->other_child, &card, &err),
	    MN_ERR_DENIED);
	assert_string_equal(card.full_name, "");
	assert_int_equal(mn_parent_growth_get(&c, fx->other_child, &growth,
	    &err), MN_ERR_DENIED);
	assert_false(growth.measured);
	assert_int_equal(mn_parent_visits(&c, fx->other_child, count_visit,
	    &visits, &err), MN_ERR_DENIED);
	assert_int_equal(mn_parent_measurements(&c, fx->other_child,
	    &measures, &count, &err), MN_ERR_DENIED);
	assert_null(measures);
	assert_int_equal(count, 0);
	assert_int_equal(visits, 0);
	assert_int_equal(mn_parent_attendance_month(&c, fx->other_child,
	    today.year, today.month, month, &err), MN_ERR_DENIED);
	assert_int_equal(mn_parent_daily_log(&c, fx->other_child, &today, log,
	    &err), MN_ERR_DENIED);
	assert_int_equal(audit_count("denied", fx->other_child, "child_card"),
	    1);
	assert_int_equal(audit_count("denied", fx->other_child,
	    "growth_view"), 1);
	assert_int_equal(audit_count("denied", fx->other_child,
	    "visits_view"), 1);
	assert_int_equal(audit_count("denied", fx->other_child,
	    "attendance_view"), 1);
	assert_int_equal(audit_count("denied", fx->other_child,
	    "daily_log_view"), 1);
	assert_int_equal(audit_count("view", fx->other_child, ""), 0);
	free(month);
	free(log);
}

static void
parent_unknown_child_denied(void **state)
{
	struct mn_ctx c = as("parent", MN_ROLE_PARENT);
	struct mn_parent_card card;
	struct mn_error err = { 0 };

	(void)state;
	/* Refused like another family's child, so ids cannot be probed. */
	assert_int_equal(mn_parent_card_get(&c, 999999, &card, &err),
	    MN_ERR_DENIED);
	assert_string_equal(err.field, "child");
}

static void
staff_refused_parent_view(void **state)
{
	struct mn_ctx c = as("principal", MN_ROLE_PRINCIPAL);
	struct mn_parent_growth growth;
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_parent_growth_get(&c, fx->own_child, &growth,
	    &err), MN_ERR_DENIED);
	assert_false(growth.measured);
	assert_int_equal(audit_count("denied", fx->own_child, "growth_view"),
	    1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parent_reads_own_child),
		cmocka_unit_test(parent_refused_other_child),
		cmocka_unit_test(parent_unknown_child_denied),
		cmocka_unit_test(staff_refused_parent_view),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
