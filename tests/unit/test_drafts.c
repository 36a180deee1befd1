/*
 * Drafts of unsaved forms and logins bound to an SSH key, on a fresh
 * database each.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/account.h"
#include "core/config.h"
#include "core/db.h"
#include "core/drafts.h"
#include "core/login_key.h"

#define NAME_VALUE "Nguyễn Thị Lan"

static struct mn_ctx ctx;
static struct mn_config cfg;

/* Field values read back by mn_draft_load, in the order it gave them. */
struct loaded {
	int n;
	char names[MN_DRAFT_FIELDS_MAX][64];
	char values[MN_DRAFT_FIELDS_MAX][256];
};

static int64_t
account_id(const char *login)
{
	sqlite3_stmt *stmt;
	int64_t id = 0;

	assert_int_equal(sqlite3_prepare_v2(ctx.db, "SELECT id FROM accounts "
	    "WHERE login = ?", -1, &stmt, NULL), SQLITE_OK);
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	assert_true(id > 0);
	return id;
}

/* Makes ctx act as login, as a session does after mn_login. */
static void
act_as(const char *login)
{
	ctx.actor.account_id = account_id(login);
	snprintf(ctx.actor.login, sizeof ctx.actor.login, "%s", login);
}

static int
count_rows(const char *sql)
{
	sqlite3_stmt *stmt;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(ctx.db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

static int
setup(void **state)
{
	struct mn_error err = { 0 };

	(void)state;
	test_open_db(&ctx, &cfg);
	snprintf(ctx.actor.source, sizeof ctx.actor.source, "10.0.0.7");
	if (mn_account_add(&ctx, "gv.mai", MN_ROLE_TEACHER, "Trần Thị Mai",
	    "mat-khau-mai-1", NULL, &err) != MN_OK)
		fail_msg("mn_account_add: %s", err.message);
	act_as("admin");
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
collect(const char *name, const char *value, void *arg)
{
	struct loaded *l = arg;

	assert_true(l->n < MN_DRAFT_FIELDS_MAX);
	snprintf(l->names[l->n], sizeof l->names[l->n], "%s", name);
	snprintf(l->values[l->n], sizeof l->values[l->n], "%s", value);
	l->n++;
	return 0;
}

/* Returns the loaded value of name, or NULL. */
static const char *
value_of(const struct loaded *l, const char *name)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->names[i], name) == 0)
			return l->values[i];
	return NULL;
}

static void
save_list_load(void **state)
{
	const struct mn_draft_field fields[] = {
		{ "login", "gv.lan" },
		{ "full_name", NAME_VALUE },
		{ "role", "4" },
	};
	struct mn_error err = { 0 };
	struct mn_draft drafts[4];
	struct loaded l = { 0 };
	regex_t re;
	int n = -1;

	(void)state;
	assert_int_equal(mn_draft_save(&ctx, "account_form:", fields, 3,
	    &err), MN_OK);
	assert_int_equal(mn_draft_list(&ctx, drafts, 4, &n, &err), MN_OK);
	assert_int_equal(n, 1);
	assert_string_equal(drafts[0].form_key, "account_form:");
	assert_int_equal(strlen(drafts[0].saved_at), 20);
	assert_int_equal(regcomp(&re, "^[0-3][0-9]/[01][0-9]/20[0-9][0-9] "
	    "[0-2][0-9]:[0-5][0-9]$", REG_EXTENDED | REG_NOSUB), 0);
	assert_int_equal(regexec(&re, drafts[0].saved_local, 0, NULL, 0), 0);
	regfree(&re);

	assert_int_equal(mn_draft_load(&ctx, "account_form:", collect, &l,
	    &err), MN_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(value_of(&l, "login"), "gv.lan");
	assert_string_equal(value_of(&l, "full_name"), NAME_VALUE);
	assert_string_equal(value_of(&l, "role"), "4");
	assert_int_equal(count_rows("SELECT count(*) FROM drafts WHERE "
	    "json_valid(values_json)"), 1);
}

static void
save_replaces_older(void **state)
{
	const struct mn_draft_field first[] = { { "full_name", "Lan" } };
	const struct mn_draft_field second[] = {
		{ "full_name", "Lê Văn Hùng" },
		{ "login", "gv.hung" },
	};
	struct mn_error err = { 0 };
	struct loaded l = { 0 };

	(void)state;
	assert_int_equal(mn_draft_save(&ctx, "account_form:x", first, 1,
	    &err), MN_OK);
	assert_int_equal(mn_draft_save(&ctx, "account_form:x", second, 2,
	    &err), MN_OK);
	assert_int_equal(count_rows("SELECT count(*) FROM drafts"), 1);
	assert_int_equal(mn_draft_load(&ctx, "account_form:x", collect, &l,
	    &err), MN_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(value_of(&l, "full_name"), "Lê Văn Hùng");
	assert_string_equal(value_of(&l, "login"), "gv.hung");
}

static void
drafts_are_per_account(void **state)
{
	const struct mn_draft_field fields[] = { { "full_name", "Mai" } };
	struct mn_error err = { 0 };
	struct mn_draft drafts[4];
	struct loaded l = { 0 };
	int n = -1;

	(void)state;
	assert_int_equal(mn_draft_save(&ctx, "account_form:", fields, 1,
	    &err), MN_OK);
	act_as("gv.mai");
	assert_int_equal(mn_draft_list(&ctx, drafts, 4, &n, &err), MN_OK);
	assert_int_equal(n, 0);
	assert_int_equal(mn_draft_load(&ctx, "account_form:", collect, &l,
	    &err), MN_ERR_NOTFOUND);
	assert_int_equal(l.n, 0);
	/* Deleting another account's draft key touches only one's own. */
	assert_int_equal(mn_draft_delete(&ctx, "account_form:", &err), MN_OK);
	assert_int_equal(count_rows("SELECT count(*) FROM drafts"), 1);
	assert_int_equal(mn_draft_save(&ctx, "account_form:", fields, 1,
	    &err), MN_OK);
	assert_int_equal(count_rows("SELECT count(*) FROM drafts"), 2);
}

static void
list_newest_first_and_limit(void **state)
{
	const struct mn_draft_field fields[] = { { "name", "x" } };
	struct mn_error err = { 0 };
	struct mn_draft drafts[2];
	int n = -1;

	(void)state;
	assert_int_equal(mn_draft_save(&ctx, "form_a", fields, 1, &err),
	    MN_OK);
	assert_int_equal(mn_draft_save(&ctx, "form_b", fields, 1, &err),
	    MN_OK);
	assert_int_equal(mn_draft_save(&ctx, "form_c", fields, 1, &err),
	    MN_OK);
	assert_int_equal(sqlite3_exec(ctx.db, "UPDATE drafts SET saved_at = "
	    "CASE form_key WHEN 'form_a' THEN '2026-01-03T00:00:00Z' "
	    "WHEN 'form_b' THEN '2026-01-01T00:00:00Z' "
	    "ELSE '2026-01-02T00:00:00Z' END", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(mn_draft_list(&ctx, drafts, 2, &n, &err), MN_OK);
	assert_int_equal(n, 2);
	assert_string_equal(drafts[0].form_key, "form_a");
	assert_string_equal(drafts[1].form_key, "form_c");
}

static void
delete_removes_draft(void **state)
{
	const struct mn_draft_field fields[] = { { "full_name", "Mai" } };
	struct mn_error err = { 0 };
	struct loaded l = { 0 };

	(void)state;
	assert_int_equal(mn_draft_save(&ctx, "account_form:", fields, 1,
	    &err), MN_OK);
	assert_int_equal(mn_draft_delete(&ctx, "account_form:", &err), MN_OK);
	assert_int_equal(count_rows("SELECT count(*) FROM drafts"), 0);
	assert_int_equal(mn_draft_load(&ctx, "account_form:", collect, &l,
	    &err), MN_ERR_NOTFOUND);
	assert_string_equal(err.field, "form_key");
	/* No draft is not an error. */
	assert_int_equal(mn_draft_delete(&ctx, "account_form:", &err), MN_OK);
}

static void
values_are_quoted_and_cleaned(void **state)
{
	const struct mn_draft_field fields[] = {
		{ "note", "he said \"hi\", \\ {\"x\": 1}" },
		{ "name", "A\x1b[2JB" },
		{ "empty", "" },
		{ "missing", NULL },
	};
	struct mn_error err = { 0 };
	struct loaded l = { 0 };

	(void)state;
	assert_int_equal(mn_draft_save(&ctx, "form_q", fields, 4, &err),
	    MN_OK);
	assert_int_equal(mn_draft_load(&ctx, "form_q", collect, &l, &err),
	    MN_OK);
	assert_int_equal(l.n, 4);
	assert_string_equal(value_of(&l, "note"),
	    "he said \"hi\", \\ {\"x\": 1}");
	assert_non_null(value_of(&l, "name"));
	assert_null(strchr(value_of(&l, "name"), 0x1b));
	assert_string_equal(value_of(&l, "empty"), "");
	assert_string_equal(value_of(&l, "missing"), "");
}

static void
save_rejects_bad_input(void **state)
{
	const struct mn_draft_field twice[] = {
		{ "full_name", "a" },
		{ "full_name", "b" },
	};
	const struct mn_draft_field one[] = { { "full_name", "a" } };
	const struct mn_draft_field unnamed[] = { { "", "a" } };
	struct mn_error err = { 0 };
	char long_key[MN_DRAFT_KEY_SIZE + 1];

	(void)state;
	assert_int_equal(mn_draft_save(&ctx, "f", twice, 2, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "full_name");
	assert_int_equal(mn_draft_save(&ctx, "f", one, 0, &err),
	    MN_ERR_INVALID);
	assert_int_equal(mn_draft_save(&ctx, "f", unnamed, 1, &err),
	    MN_ERR_INVALID);
	assert_int_equal(mn_draft_save(&ctx, "", one, 1, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "form_key");
	assert_int_equal(mn_draft_save(&ctx, "a\x1b" "b", one, 1, &err),
	    MN_ERR_INVALID);
	memset(long_key, 'k', sizeof long_key - 1);
	long_key[sizeof long_key - 1] = '\0';
	assert_int_equal(mn_draft_save(&ctx, long_key, one, 1, &err),
	    MN_ERR_INVALID);
	ctx.actor.account_id = 0;
	assert_int_equal(mn_draft_save(&ctx, "f", one, 1, &err),
	    MN_ERR_DENIED);
	assert_int_equal(count_rows("SELECT count(*) FROM drafts"), 0);
}

static void
key_login_without_password(void **state)
{
	struct mn_account acct;
	struct mn_error err = { 0 };

	(void)state;
	memset(&ctx.actor, 0, sizeof ctx.actor);
	snprintf(ctx.actor.source, sizeof ctx.actor.source, "10.0.0.7");
	assert_int_equal(mn_login_by_key(&ctx, "gv.mai", &acct, &err), MN_OK);
	assert_string_equal(acct.login, "gv.mai");
	assert_true(acct.must_change_password);
	assert_int_equal(ctx.actor.account_id, account_id("gv.mai"));
	assert_int_equal(ctx.actor.roles, MN_ROLE_TEACHER);
	assert_string_equal(ctx.actor.login, "gv.mai");
	assert_int_equal(count_rows("SELECT count(*) FROM audit WHERE "
	    "action = 'login' AND login = 'gv.mai' AND detail = 'ssh key' "
	    "AND source = '10.0.0.7'"), 1);
	assert_int_equal(count_rows("SELECT count(*) FROM accounts WHERE "
	    "login = 'gv.mai' AND last_login_at IS NOT NULL"), 1);
}

static void
key_login_refusals(void **state)
{
	struct mn_account acct;
	struct mn_error err = { 0 };
	struct mn_ctx host = ctx;

	(void)state;
	mn_actor_set_host(&host.actor);
	memset(&ctx.actor, 0, sizeof ctx.actor);
	snprintf(ctx.actor.source, sizeof ctx.actor.source, "10.0.0.7");
	assert_int_equal(mn_login_by_key(&ctx, "nobody", &acct, &err),
	    MN_ERR_NOTFOUND);
	assert_int_equal(ctx.actor.account_id, 0);
	assert_int_equal(mn_login_by_key(&ctx, "Bad Login", &acct, &err),
	    MN_ERR_INVALID);
	assert_int_equal(mn_account_set_locked(&host, "gv.mai", true, &err),
	    MN_OK);
	assert_int_equal(mn_login_by_key(&ctx, "gv.mai", &acct, &err),
	    MN_ERR_LOCKED);
	assert_int_equal(ctx.actor.account_id, 0);
	assert_int_equal(ctx.actor.login[0], '\0');
	assert_int_equal(count_rows("SELECT count(*) FROM audit WHERE "
	    "action = 'login' AND detail = 'ssh key'"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(save_list_load, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(save_replaces_older, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(drafts_are_per_account, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(list_newest_first_and_limit,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(delete_removes_draft, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(values_are_quoted_and_cleaned,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(save_rejects_bad_input, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(key_login_without_password,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(key_login_refusals, setup,
		    teardown),
	};

	mn_set_language(MN_LANG_VI);
	return cmocka_run_group_tests_name("drafts", tests, NULL, NULL);
}
