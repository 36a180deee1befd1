#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "core/account.h"
#include "core/config.h"
#include "core/db.h"
#include "core/registers.h"

static char tmpdir[256];
static int db_serial;

static void
remove_tmpdir(void)
{
	char cmd[300];

	if (tmpdir[0] == '\0' || getenv("MN_TEST_KEEP") != NULL)
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
}

const char *
test_tmpdir(void)
{
	if (tmpdir[0] != '\0')
		return tmpdir;
	const char *base = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/mamnon-unit-XXXXXX",
	    base ? base : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	atexit(remove_tmpdir);
	return tmpdir;
}

const char *
test_write_file(const char *name, const char *text)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	return path;
}

void
test_open_db(struct mn_ctx *ctx, struct mn_config *cfg)
{
	char path[512];
	struct mn_error err = { 0 };
	int rc;

	mn_config_defaults(cfg);
	snprintf(path, sizeof path, "%s/test-%d.db", test_tmpdir(),
	    ++db_serial);
	memset(ctx, 0, sizeof *ctx);
	rc = mn_db_create(path, &ctx->db, &err);
	if (rc != MN_OK)
		fail_msg("mn_db_create: %s", err.message);
	ctx->cfg = cfg;
	mn_actor_set_host(&ctx->actor);
	rc = mn_account_add(ctx, "admin", MN_ROLE_ADMIN, "Quản trị",
	    "admin-password", NULL, &err);
	if (rc != MN_OK)
		fail_msg("mn_account_add: %s", err.message);
}

void
test_close_db(struct mn_ctx *ctx)
{
	mn_db_close(ctx->db);
	ctx->db = NULL;
}

void
test_add_school_year(struct mn_ctx *ctx, const struct mn_date *day)
{
	struct mn_actor actor = ctx->actor;
	struct mn_error err = { 0 };
	int start = day->month >= 8 ? day->year : day->year - 1;
	struct mn_date first = { start, 8, 15 }, last = { start + 1, 5, 31 };
	char name[16];
	int64_t id;

	snprintf(name, sizeof name, "%d-%d", start, start + 1);
	ctx->actor.roles = MN_ROLE_HOST;
	if (mn_school_year_add(ctx, name, &first, &last, &id, &err) != MN_OK)
		fail_msg("school year %s: %s", name, err.message);
	ctx->actor = actor;
}
