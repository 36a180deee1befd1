/*
 * Accounts, passwords, logins and lockout, on a fresh database each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/access.h"
#include "core/account.h"
#include "core/config.h"
#include "core/db.h"

static struct mn_ctx ctx;
static struct mn_config cfg;

static int
setup(void **state)
{
	(void)state;
	test_open_db(&ctx, &cfg);
	cfg.max_failed_logins = 3;
	cfg.lockout_time = 60;
	snprintf(ctx.actor.source, sizeof ctx.actor.source, "10.0.0.1");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	test_close_db(&ctx);
	return 0;
}

static void
hash_is_yescrypt(void **state)
{
	char *hash = NULL;

	(void)state;
	assert_int_equal(mn_password_hash("correct horse", &hash, NULL), MN_OK);
	assert_non_null(hash);
	assert_true(strncmp(hash, "$y$", 3) == 0);
	assert_true(mn_password_verify("correct horse", hash));
	assert_false(mn_password_verify("correct hors", hash));
	assert_false(mn_password_verify("correct horse ", hash));
	assert_false(mn_password_verify("correct horse", "*0"));
	assert_false(mn_password_verify("correct horse", ""));
	free(hash);
}

static void
password_rules(void **state)
{
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_password_check(&cfg, "short", &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "password");
	/* Eight letters, counted as characters, not bytes. */
	assert_int_equal(mn_password_check(&cfg, "mậtkhẩuđ", &err), MN_OK);
	assert_int_equal(mn_password_check(&cfg, "abc\x1b[2Jdefgh", &err),
	    MN_ERR_INVALID);
}

static void
login_success_and_roles(void **state)
{
	struct mn_account acct;
	struct mn_error err = { 0 };
	struct mn_ctx user = ctx;

	(void)state;
	assert_int_equal(mn_account_add(&ctx, "gv.mai", MN_ROLE_TEACHER |
	    MN_ROLE_NURSE, "Trần Thị Mai", "mat-khau-1", NULL, &err), MN_OK);
	assert_int_equal(mn_login(&user, "gv.mai", "mat-khau-1", &acct, &err),
	    MN_OK);
	assert_int_equal(user.actor.roles, MN_ROLE_TEACHER | MN_ROLE_NURSE);
	assert_true(acct.must_change_password);
	assert_string_equal(acct.full_name, "Trần Thị Mai");

	/* The new password must differ, and clears the forced change. */
	assert_int_equal(mn_password_change(&user, "mat-khau-1", &err),
	    MN_ERR_INVALID);
	assert_int_equal(mn_password_change(&user, "mat-khau-2", &err), MN_OK);
	assert_int_equal(mn_login(&user, "gv.mai", "mat-khau-2", &acct, &err),
	    MN_OK);
	assert_false(acct.must_change_password);
	assert_int_equal(mn_login(&user, "gv.mai", "mat-khau-1", &acct, &err),
	    MN_ERR_AUTH);
}

/* A password typed with combining marks matches its precomposed form. */
static void
password_matches_across_normal_forms(void **state)
{
	struct mn_error err = { 0 };
	struct mn_ctx user = ctx;

	(void)state;
	assert_int_equal(mn_account_add(&ctx, "gv.hoa", MN_ROLE_TEACHER, "",
	    "M\xe1\xba\xadtkh\xe1\xba\xa9u1", NULL, &err), MN_OK);
	assert_int_equal(mn_login(&user, "gv.hoa",
	    "Ma\xcc\xa3\xcc\x82tkha\xcc\x82\xcc\x89u1", NULL, &err), MN_OK);
	assert_int_equal(mn_login(&user, "gv.hoa", "Matkhau1", NULL, &err),
	    MN_ERR_AUTH);
}

static void
unknown_and_wrong_same_message(void **state)
{
	struct mn_error e1 = { 0 }, e2 = { 0 };
	struct mn_ctx user = ctx;

	(void)state;
	assert_int_equal(mn_account_add(&ctx, "ketoan", MN_ROLE_ACCOUNTANT,
	    "", "mat-khau-1", NULL, &e1), MN_OK);
	assert_int_equal(mn_login(&user, "ketoan", "sai-mat-khau", NULL, &e1),
	    MN_ERR_AUTH);
	assert_int_equal(mn_login(&user, "khongco", "sai-mat-khau", NULL,
	    &e2), MN_ERR_AUTH);
	assert_string_equal(e1.message, e2.message);
	assert_int_equal(mn_login(&user, "BAD LOGIN", "x", NULL, &e2),
	    MN_ERR_AUTH);
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

static void
lockout_per_source(void **state)
{
	struct mn_error err = { 0 };
	struct mn_ctx here = ctx, there = ctx;

	(void)state;
	snprintf(there.actor.source, sizeof there.actor.source, "10.0.0.2");
	assert_int_equal(mn_account_add(&ctx, "hieutruong",
	    MN_ROLE_PRINCIPAL, "", "mat-khau-1", NULL, &err), MN_OK);
	assert_int_equal(mn_login(&here, "hieutruong", "x1", NULL, &err),
	    MN_ERR_AUTH);
	assert_int_equal(mn_login(&here, "hieutruong", "x2", NULL, &err),
	    MN_ERR_AUTH);
	assert_int_equal(mn_login(&here, "hieutruong", "x3", NULL, &err),
	    MN_ERR_LOCKED);
	assert_non_null(strstr(err.message, "bị khóa"));

	/* Locked from here even with the right password ... */
	assert_int_equal(mn_login(&here, "hieutruong", "mat-khau-1", NULL,
	    &err), MN_ERR_LOCKED);
	/* ... but not from another address. */
	assert_int_equal(mn_login(&there, "hieutruong", "mat-khau-1", NULL,
	    &err), MN_OK);
	assert_int_equal(count_rows("SELECT count(*) FROM audit WHERE "
	    "action = 'lockout'"), 1);
	assert_int_equal(count_rows("SELECT count(*) FROM audit WHERE "
	    "action = 'login_failed'"), 3);

	/* The admin's unlock lifts the lockout. */
	assert_int_equal(mn_account_set_locked(&ctx, "hieutruong", false,
	    &err), MN_OK);
	assert_int_equal(mn_login(&here, "hieutruong", "mat-khau-1", NULL,
	    &err), MN_OK);
}

static void
admin_lock(void **state)
{
	struct mn_error err = { 0 };
	struct mn_ctx user = ctx;

	(void)state;
	assert_int_equal(mn_account_add(&ctx, "bep", MN_ROLE_KITCHEN, "",
	    "mat-khau-1", NULL, &err), MN_OK);
	assert_int_equal(mn_account_set_locked(&ctx, "bep", true, &err),
	    MN_OK);
	assert_int_equal(mn_login(&user, "bep", "mat-khau-1", NULL, &err),
	    MN_ERR_LOCKED);
	assert_int_equal(mn_account_set_locked(&ctx, "bep", false, &err),
	    MN_OK);
	assert_int_equal(mn_login(&user, "bep", "mat-khau-1", NULL, &err),
	    MN_OK);
}

static void
add_rejects_bad_input(void **state)
{
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_account_add(&ctx, "Admin2", MN_ROLE_ADMIN, "",
	    "mat-khau-1", NULL, &err), MN_ERR_INVALID);
	assert_int_equal(mn_account_add(&ctx, "9abc", MN_ROLE_ADMIN, "",
	    "mat-khau-1", NULL, &err), MN_ERR_INVALID);
	assert_int_equal(mn_account_add(&ctx,
	    "abcdefghijabcdefghijabcdefghijabc",
	    MN_ROLE_ADMIN, "", "mat-khau-1", NULL, &err), MN_ERR_INVALID);
	assert_int_equal(mn_account_add(&ctx, "noroles", 0, "",
	    "mat-khau-1", NULL, &err), MN_ERR_INVALID);
	assert_int_equal(mn_account_add(&ctx, "admin", MN_ROLE_ADMIN, "",
	    "mat-khau-1", NULL, &err), MN_ERR_EXISTS);
	assert_int_equal(mn_account_add(&ctx, "shortpw", MN_ROLE_ADMIN, "",
	    "abc", NULL, &err), MN_ERR_INVALID);
	assert_int_equal(count_rows("SELECT count(*) FROM accounts"), 1);
}

static void
update_detects_conflict(void **state)
{
	struct mn_error err = { 0 };
	struct mn_account a;

	(void)state;
	assert_int_equal(mn_account_add(&ctx, "vanthu", MN_ROLE_CLERK, "",
	    "mat-khau-1", NULL, &err), MN_OK);
	assert_int_equal(mn_account_get(&ctx, "vanthu", &a, &err), MN_OK);
	assert_int_equal(mn_account_update(&ctx, "vanthu", MN_ROLE_CLERK |
	    MN_ROLE_ACCOUNTANT, "Vũ Ngọc", a.version, &err), MN_OK);
	/* A second save with the version read before the first: refused. */
	assert_int_equal(mn_account_update(&ctx, "vanthu", MN_ROLE_CLERK,
	    "Vũ Thị Ngọc", a.version, &err), MN_ERR_CONFLICT);
	assert_int_equal(mn_account_get(&ctx, "vanthu", &a, &err), MN_OK);
	assert_int_equal(a.roles, MN_ROLE_CLERK | MN_ROLE_ACCOUNTANT);
	assert_string_equal(a.full_name, "Vũ Ngọc");
}

static void
non_admin_cannot_manage(void **state)
{
	struct mn_error err = { 0 };
	struct mn_ctx user = ctx;

	(void)state;
	assert_int_equal(mn_account_add(&ctx, "gv.lan", MN_ROLE_TEACHER, "",
	    "mat-khau-1", NULL, &err), MN_OK);
	assert_int_equal(mn_login(&user, "gv.lan", "mat-khau-1", NULL, &err),
	    MN_OK);
	assert_int_equal(mn_account_add(&user, "gv.hoa", MN_ROLE_TEACHER, "",
	    "mat-khau-1", NULL, &err), MN_ERR_DENIED);
	assert_int_equal(mn_account_set_password(&user, "admin",
	    "mat-khau-9", &err), MN_ERR_DENIED);
	assert_int_equal(count_rows("SELECT count(*) FROM audit WHERE "
	    "action = 'denied'"), 2);
}

static void
audit_is_append_only(void **state)
{
	(void)state;
	assert_true(count_rows("SELECT count(*) FROM audit") > 0);
	assert_int_not_equal(sqlite3_exec(ctx.db, "UPDATE audit SET login = "
	    "'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(ctx.db, "DELETE FROM audit", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(ctx.db, "DELETE FROM audit_values",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_true(count_rows("SELECT count(*) FROM audit") > 0);
}

static void
audit_has_no_password_hash(void **state)
{
	(void)state;
	assert_int_equal(count_rows("SELECT count(*) FROM audit_values WHERE "
	    "coalesce(old_values, '') || coalesce(new_values, '') LIKE "
	    "'%$y$%'"), 0);
}

static void
roles_parse_and_format(void **state)
{
	struct mn_error err = { 0 };
	unsigned roles;
	char buf[128];

	(void)state;
	assert_int_equal(mn_roles_parse("teacher,nurse", &roles, &err), MN_OK);
	assert_int_equal(roles, MN_ROLE_TEACHER | MN_ROLE_NURSE);
	mn_roles_format(roles, buf, sizeof buf);
	assert_string_equal(buf, "teacher,nurse");
	assert_int_equal(mn_roles_parse("teacher,,", &roles, &err),
	    MN_ERR_INVALID);
	assert_int_equal(mn_roles_parse("teacherx", &roles, &err),
	    MN_ERR_INVALID);
	assert_int_equal(mn_roles_parse("", &roles, &err), MN_ERR_INVALID);
}

static void
access_table(void **state)
{
	struct mn_actor a = { 0 };

	(void)state;
	a.roles = MN_ROLE_TEACHER;
	assert_false(mn_allowed(&a, MN_ACT_ACCOUNT_MANAGE));
	assert_true(mn_allowed(&a, MN_ACT_CHILD_READ));
	a.roles = MN_ROLE_ADMIN;
	assert_true(mn_allowed(&a, MN_ACT_ACCOUNT_MANAGE));
	a.roles = MN_ROLE_PARENT;
	assert_false(mn_allowed(&a, MN_ACT_STAFF_READ));
	assert_false(mn_allowed(&a, MN_ACT_COUNT));
}

static void
schema_reopens_and_checks(void **state)
{
	struct mn_error err = { 0 };
	sqlite3 *db;
	char path[512];

	(void)state;
	snprintf(path, sizeof path, "%s", sqlite3_db_filename(ctx.db, "main"));
	assert_int_equal(mn_db_open(path, &db, &err), MN_OK);
	mn_db_close(db);
	assert_int_equal(mn_db_create(path, &db, &err), MN_ERR_EXISTS);
	snprintf(path, sizeof path, "%s/missing.db", test_tmpdir());
	assert_int_equal(mn_db_open(path, &db, &err), MN_ERR_NOTFOUND);
	assert_int_equal(count_rows("PRAGMA user_version"),
	    mn_schema_version());
	assert_int_equal(count_rows("SELECT count(*) FROM pragma_foreign_keys"),
	    1);
}

static void
open_rejects_foreign_file(void **state)
{
	struct mn_error err = { 0 };
	sqlite3 *db;
	char path[512];

	(void)state;
	snprintf(path, sizeof path, "%s/other.db", test_tmpdir());
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(mn_db_open(path, &db, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "mamnon"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hash_is_yescrypt),
		cmocka_unit_test(roles_parse_and_format),
		cmocka_unit_test(access_table),
		cmocka_unit_test_setup_teardown(password_rules, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(login_success_and_roles, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    password_matches_across_normal_forms, setup, teardown),
		cmocka_unit_test_setup_teardown(unknown_and_wrong_same_message,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(lockout_per_source, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(admin_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(add_rejects_bad_input, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(update_detects_conflict, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(non_admin_cannot_manage, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(audit_is_append_only, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(audit_has_no_password_hash,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(schema_reopens_and_checks,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(open_rejects_foreign_file,
		    setup, teardown),
	};

	mn_set_language(MN_LANG_VI);
	return cmocka_run_group_tests_name("account", tests, NULL, NULL);
}
