/*
 * Exports fetched with a one-time code: format, single use, binding to
 * an account, expiry and the audit trail.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "core/account.h"
#include "core/config.h"
#include "core/db.h"
#include "core/exports.h"

static struct mn_ctx ctx;
static struct mn_config cfg;
static int64_t admin_id;
static int serial;

static int
setup(void **state)
{
	struct mn_account acct;
	char dir[PATH_MAX - 16];

	(void)state;
	test_open_db(&ctx, &cfg);
	/* A folder per test, so each has its own exports folder. */
	snprintf(dir, sizeof dir, "%s/case-%d", test_tmpdir(), ++serial);
	assert_int_equal(mkdir(dir, 0770), 0);
	snprintf(cfg.db_path, sizeof cfg.db_path, "%s/mamnon.db", dir);
	assert_int_equal(mn_account_get(&ctx, "admin", &acct, NULL), MN_OK);
	admin_id = acct.id;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	test_close_db(&ctx);
	return 0;
}

static const char *
sample_file(size_t size)
{
	static char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof path, "%s/sample-%d.bin", test_tmpdir(),
	    serial);
	f = fopen(path, "w");
	assert_non_null(f);
	for (size_t i = 0; i < size; i++)
		fputc((int)(i * 7 % 256), f);
	fclose(f);
	return path;
}

/* Redeems into a fresh file; returns its path. */
static int
redeem_to_file(const char *code, const char *expect_login, char *out,
    size_t out_size, off_t *bytes)
{
	struct mn_error err = { 0 };
	char name[128];
	int fd, rc;

	snprintf(out, out_size, "%s/got-%d-%ld.bin", test_tmpdir(), serial,
	    (long)random());
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	rc = mn_export_redeem(&ctx, code, expect_login, fd, name,
	    sizeof name, bytes, &err);
	close(fd);
	return rc;
}

static bool
same_bytes(const char *a, const char *b)
{
	char cmd[PATH_MAX * 3];

	snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", a, b);
	return system(cmd) == 0;
}

static int
audit_count(const char *action)
{
	sqlite3_stmt *stmt;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(ctx.db,
	    "SELECT count(*) FROM audit WHERE action = ?", -1, &stmt, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(stmt, 1, action, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

static void
code_fetches_once(void **state)
{
	struct mn_error err = { 0 };
	char code[MN_EXPORT_CODE_SIZE], got[PATH_MAX];
	const char *src = sample_file(150000);
	off_t bytes = 0;

	(void)state;
	assert_int_equal(mn_export_add_file(&ctx, admin_id, "admin", src,
	    "báo cáo.xlsx", code, sizeof code, &err), MN_OK);
	assert_int_equal(strlen(code), 14);
	assert_int_equal(code[4], '-');
	assert_int_equal(code[9], '-');
	assert_null(strpbrk(code, "01OI"));
	assert_int_equal(audit_count("export"), 1);

	assert_int_equal(redeem_to_file(code, NULL, got, sizeof got, &bytes),
	    MN_OK);
	assert_int_equal(bytes, 150000);
	assert_true(same_bytes(src, got));
	assert_int_equal(audit_count("download"), 1);

	assert_int_equal(redeem_to_file(code, NULL, got, sizeof got, &bytes),
	    MN_ERR_NOTFOUND);
	assert_int_equal(bytes, 0);
	assert_int_equal(audit_count("download"), 1);
}

static void
code_ignores_case_and_dashes(void **state)
{
	struct mn_error err = { 0 };
	char code[MN_EXPORT_CODE_SIZE], plain[16], got[PATH_MAX];
	off_t bytes;
	int n = 0;

	(void)state;
	assert_int_equal(mn_export_add_file(&ctx, admin_id, "admin",
	    sample_file(10), "a.csv", code, sizeof code, &err), MN_OK);
	for (const char *p = code; *p != '\0'; p++)
		if (*p != '-')
			plain[n++] = (char)(*p >= 'A' && *p <= 'Z' ?
			    *p - 'A' + 'a' : *p);
	plain[n] = '\0';
	assert_int_equal(redeem_to_file(plain, NULL, got, sizeof got, &bytes),
	    MN_OK);
	assert_int_equal(bytes, 10);
}

static void
code_bound_to_its_login(void **state)
{
	struct mn_error err = { 0 };
	char code[MN_EXPORT_CODE_SIZE], got[PATH_MAX];
	off_t bytes;

	(void)state;
	assert_int_equal(mn_export_add_file(&ctx, admin_id, "admin",
	    sample_file(100), "a.csv", code, sizeof code, &err), MN_OK);
	assert_int_equal(redeem_to_file(code, "teacher1", got, sizeof got,
	    &bytes), MN_ERR_NOTFOUND);
	assert_int_equal(bytes, 0);
	/* The rejected attempt did not use the code up. */
	assert_int_equal(redeem_to_file(code, "admin", got, sizeof got,
	    &bytes), MN_OK);
	assert_int_equal(bytes, 100);
}

static void
malformed_codes_rejected(void **state)
{
	static const char *const bad[] = {
		"", "ABC", "ABCD-EFGH-JKL", "ABCD-EFGH-JKLMN", "ABCD-EFGH-JKL0",
		"../../etc/pass", "ABCD/EFGH/JKLM", "ABCD-EFGH-JKL;",
	};
	char got[PATH_MAX];
	off_t bytes;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(redeem_to_file(bad[i], NULL, got, sizeof got,
		    &bytes), MN_ERR_INVALID);
	assert_int_equal(redeem_to_file("2222-3333-4444", NULL, got,
	    sizeof got, &bytes), MN_ERR_NOTFOUND);
}

static void
expired_code_removed(void **state)
{
	struct mn_error err = { 0 };
	char code[MN_EXPORT_CODE_SIZE], root[PATH_MAX], meta[PATH_MAX * 2];
	char dir[PATH_MAX + 32], got[PATH_MAX];
	FILE *f;
	off_t bytes;

	(void)state;
	assert_int_equal(mn_export_add_file(&ctx, admin_id, "admin",
	    sample_file(10), "old.csv", code, sizeof code, &err), MN_OK);
	mn_export_root(&cfg, root, sizeof root);
	snprintf(dir, sizeof dir, "%s/%.4s%.4s%.4s", root, code, code + 5,
	    code + 10);
	snprintf(meta, sizeof meta, "%s/meta", dir);
	f = fopen(meta, "w");
	assert_non_null(f);
	fprintf(f, "account_id=%lld\nlogin=admin\nname=old.csv\n"
	    "created=1000\nexpires=2000\n", (long long)admin_id);
	fclose(f);
	assert_int_equal(redeem_to_file(code, NULL, got, sizeof got, &bytes),
	    MN_ERR_NOTFOUND);
	assert_int_equal(access(dir, F_OK), -1);
}

static void
export_for_other_account_denied(void **state)
{
	struct mn_error err = { 0 };
	struct mn_export ex;
	struct mn_actor saved = ctx.actor;

	(void)state;
	ctx.actor.account_id = admin_id;
	ctx.actor.roles = MN_ROLE_TEACHER;
	assert_int_equal(mn_export_begin(&ctx, admin_id + 1, "other", "x.csv",
	    &ex, &err), MN_ERR_DENIED);
	assert_int_equal(mn_export_begin(&ctx, admin_id, "admin", "x.csv",
	    &ex, &err), MN_OK);
	/* Names keep only safe characters. */
	mn_export_abort(&ex);
	assert_int_equal(mn_export_begin(&ctx, admin_id, "admin",
	    "../b c.xlsx", &ex, &err), MN_OK);
	assert_null(strchr(ex.name, '/'));
	assert_null(strchr(ex.name, ' '));
	mn_export_abort(&ex);
	assert_int_equal(access(ex.path, F_OK), -1);
	ctx.actor = saved;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(code_fetches_once, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(code_ignores_case_and_dashes,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(code_bound_to_its_login, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(malformed_codes_rejected, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(expired_code_removed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(export_for_other_account_denied,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
