/*
 * Backups, restores and mamnon check on a fresh database each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "core/account.h"
#include "core/backup.h"
#include "core/config.h"
#include "core/db.h"

static struct mn_ctx ctx;
static struct mn_config cfg;
static int serial;

static int
setup(void **state)
{
	(void)state;
	test_open_db(&ctx, &cfg);
	snprintf(cfg.db_path, sizeof cfg.db_path, "%s",
	    sqlite3_db_filename(ctx.db, "main"));
	snprintf(cfg.backup_dir, sizeof cfg.backup_dir, "%s/backups-%d",
	    test_tmpdir(), ++serial);
	cfg.backup_keep = 2;
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
count_rows(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int n = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return n;
}

static void
touch(const char *dir, const char *name)
{
	char path[PATH_MAX * 2];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
}

static bool
exists_in(const char *dir, const char *name)
{
	char path[PATH_MAX * 2];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return access(path, F_OK) == 0;
}

static void
backup_copies_rows(void **state)
{
	struct mn_error err = { 0 };
	char dest[PATH_MAX], written[PATH_MAX * 2];

	(void)state;
	snprintf(dest, sizeof dest, "%s/copy-%d.db", test_tmpdir(), serial);
	assert_int_equal(mn_backup_run(&cfg, dest, written, sizeof written,
	    &err), MN_OK);
	assert_string_equal(written, dest);
	assert_int_equal(count_rows(dest,
	    "SELECT count(*) FROM accounts WHERE login = 'admin'"), 1);
	assert_int_equal(mn_backup_verify(dest, &err), MN_OK);
	/* A second backup to the same name must not overwrite the first. */
	assert_int_equal(mn_backup_run(&cfg, dest, written, sizeof written,
	    &err), MN_ERR_EXISTS);
}

static void
backup_keeps_newest(void **state)
{
	struct mn_error err = { 0 };
	char written[PATH_MAX * 2];

	(void)state;
	assert_int_equal(mkdir(cfg.backup_dir, 0750), 0);
	touch(cfg.backup_dir, "mamnon-20200101-000000.db");
	touch(cfg.backup_dir, "mamnon-20210101-000000.db");
	touch(cfg.backup_dir, "mamnon-20220101-000000.db");
	touch(cfg.backup_dir, "mamnon-notes.db");
	touch(cfg.backup_dir, "other.db");
	assert_int_equal(mn_backup_run(&cfg, NULL, written, sizeof written,
	    &err), MN_OK);
	assert_non_null(strstr(written, "/mamnon-"));
	assert_int_equal(access(written, F_OK), 0);
	/* keep = 2: the new backup and the newest old one remain. */
	assert_true(exists_in(cfg.backup_dir, "mamnon-20220101-000000.db"));
	assert_false(exists_in(cfg.backup_dir, "mamnon-20210101-000000.db"));
	assert_false(exists_in(cfg.backup_dir, "mamnon-20200101-000000.db"));
	/* Files not named like backups are never removed. */
	assert_true(exists_in(cfg.backup_dir, "mamnon-notes.db"));
	assert_true(exists_in(cfg.backup_dir, "other.db"));
}

static void
verify_rejects_foreign_files(void **state)
{
	struct mn_error err = { 0 };
	char path[PATH_MAX];
	sqlite3 *db;

	(void)state;
	assert_int_equal(mn_backup_verify(test_write_file("text.db",
	    "not a database\n"), &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "text.db"));

	snprintf(path, sizeof path, "%s/plain-%d.db", test_tmpdir(), serial);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(mn_backup_verify(path, &err), MN_ERR_INVALID);

	assert_int_equal(mn_backup_verify("/nonexistent/x.db", &err),
	    MN_ERR_NOTFOUND);
}

static void
verify_rejects_newer_schema(void **state)
{
	struct mn_error err = { 0 };
	char path[PATH_MAX], written[PATH_MAX * 2], sql[64];
	sqlite3 *db;

	(void)state;
	snprintf(path, sizeof path, "%s/newer-%d.db", test_tmpdir(), serial);
	assert_int_equal(mn_backup_run(&cfg, path, written, sizeof written,
	    &err), MN_OK);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    mn_schema_version() + 1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(mn_backup_verify(path, &err), MN_ERR_INVALID);
	snprintf(sql, sizeof sql, "%d", mn_schema_version() + 1);
	assert_non_null(strstr(err.message, sql));
}

static void
restore_replaces_and_keeps(void **state)
{
	struct mn_error err = { 0 };
	char path[PATH_MAX], written[PATH_MAX * 2], kept[PATH_MAX * 2];

	(void)state;
	snprintf(path, sizeof path, "%s/before-%d.db", test_tmpdir(), serial);
	assert_int_equal(mn_backup_run(&cfg, path, written, sizeof written,
	    &err), MN_OK);
	assert_int_equal(mn_account_add(&ctx, "later", MN_ROLE_TEACHER,
	    "Nguyễn Văn B", "later-password", NULL, &err), MN_OK);

	/* Refused while this test's own connection has it open. */
	assert_int_equal(mn_restore(&cfg, path, kept, sizeof kept, &err),
	    MN_ERR_LOCKED);
	assert_string_equal(kept, "");
	assert_int_equal(count_rows(cfg.db_path,
	    "SELECT count(*) FROM accounts WHERE login = 'later'"), 1);

	test_close_db(&ctx);
	assert_int_equal(mn_restore(&cfg, path, kept, sizeof kept, &err),
	    MN_OK);
	assert_int_equal(count_rows(cfg.db_path,
	    "SELECT count(*) FROM accounts WHERE login = 'later'"), 0);
	assert_int_equal(count_rows(cfg.db_path,
	    "SELECT count(*) FROM accounts WHERE login = 'admin'"), 1);
	assert_non_null(strstr(kept, ".replaced-"));
	assert_int_equal(count_rows(kept,
	    "SELECT count(*) FROM accounts WHERE login = 'later'"), 1);
	assert_int_equal(mn_db_open(cfg.db_path, &ctx.db, &err), MN_OK);
}

static void
restore_rejects_bad_file(void **state)
{
	struct mn_error err = { 0 };
	char kept[PATH_MAX * 2];
	const char *bad = test_write_file("bad-restore.db", "garbage\n");

	(void)state;
	test_close_db(&ctx);
	assert_int_equal(mn_restore(&cfg, bad, kept, sizeof kept, &err),
	    MN_ERR_INVALID);
	assert_string_equal(kept, "");
	assert_int_equal(count_rows(cfg.db_path,
	    "SELECT count(*) FROM accounts WHERE login = 'admin'"), 1);
	assert_int_equal(mn_db_open(cfg.db_path, &ctx.db, &err), MN_OK);
}

struct findings {
	int problems;
	char fix[512];
};

static void
collect(const struct mn_check_item *item, void *arg)
{
	struct findings *f = arg;

	if (!item->ok) {
		f->problems++;
		snprintf(f->fix, sizeof f->fix, "%s", item->fix);
	}
}

static void
check_fresh_then_world_readable(void **state)
{
	struct findings f = { 0 };

	(void)state;
	assert_int_equal(mn_check(&cfg, collect, &f), 0);
	assert_int_equal(f.problems, 0);

	assert_int_equal(chmod(cfg.db_path, 0664), 0);
	memset(&f, 0, sizeof f);
	assert_int_equal(mn_check(&cfg, collect, &f), 1);
	assert_non_null(strstr(f.fix, "chmod o-rwx"));
	assert_non_null(strstr(f.fix, cfg.db_path));
	assert_int_equal(chmod(cfg.db_path, 0660), 0);
}

static void
check_missing_database(void **state)
{
	struct mn_config missing = cfg;
	struct findings f = { 0 };

	(void)state;
	snprintf(missing.db_path, sizeof missing.db_path, "%s/absent.db",
	    test_tmpdir());
	assert_true(mn_check(&missing, collect, &f) >= 1);
	assert_non_null(strstr(f.fix, "mamnon init"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(backup_copies_rows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(backup_keeps_newest, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(verify_rejects_foreign_files,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(verify_rejects_newer_schema,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(restore_replaces_and_keeps,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(restore_rejects_bad_file,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(check_fresh_then_world_readable,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(check_missing_database, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
