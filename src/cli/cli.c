/*
 * Subcommand table and helpers shared by the subcommand files.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_attendance.h"
#include "cli/cli_foods.h"
#include "cli/cli_kitchen.h"
#include "cli/cli_growth.h"
#include "cli/cli_ops.h"
#include "cli/cli_reg.h"
#include "cli/cli_zscore.h"
#include "core/account.h"
#include "core/config.h"
#include "core/db.h"

static int
run_zscore(struct mn_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	return cli_zscore(argc, argv);
}

/* mamnon export WHAT ...: each kind of record has its own writer. */
static int
run_export(struct mn_ctx *ctx, int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (strcmp(what, "classes") == 0 || strcmp(what, "children") == 0 ||
	    strcmp(what, "staff") == 0)
		return cli_export(ctx, argc, argv);
	if (strcmp(what, "attendance") == 0)
		return cli_export_attendance(ctx, argc - 1, argv + 1);
	if (strcmp(what, "growth") == 0)
		return cli_export_growth(ctx, argc - 1, argv + 1);
	if (strcmp(what, "menu") == 0 || strcmp(what, "nutrition") == 0 ||
	    strcmp(what, "market") == 0 || strcmp(what, "mealfees") == 0)
		return cli_export_kitchen(ctx, what, argc - 1, argv + 1);
	return cli_usage("export", "%s", T("expected what to export: "
	    "classes, children, staff, attendance, growth, menu, nutrition, "
	    "market or mealfees", "cần chọn dữ liệu xuất: classes, children, "
	    "staff, attendance, growth, menu, nutrition, market hoặc "
	    "mealfees"));
}

/* mamnon import WHAT FILE.csv [--dry-run]. */
static int
run_import(struct mn_ctx *ctx, int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (strcmp(what, "classes") == 0 || strcmp(what, "children") == 0 ||
	    strcmp(what, "staff") == 0)
		return cli_import(ctx, argc, argv);
	if (strcmp(what, "foods") == 0)
		return cli_import_foods(ctx, argc - 1, argv + 1);
	return cli_usage("import", "%s", T("expected what to import: "
	    "classes, children, staff or foods", "cần chọn dữ liệu nhập: "
	    "classes, children, staff hoặc foods"));
}

/* The set-up a subcommand needs before it runs. */
enum needs { NEEDS_NOTHING, NEEDS_CONFIG, NEEDS_DB };

static const struct command {
	const char *name;
	enum needs needs;
	int (*run)(struct mn_ctx *, int, char **);
} commands[] = {
	{ "init", NEEDS_CONFIG, cli_init },
	{ "user", NEEDS_DB, cli_user },
	{ "demo", NEEDS_DB, cli_demo },
	{ "zscore", NEEDS_NOTHING, run_zscore },
	{ "export", NEEDS_DB, run_export },
	{ "approval", NEEDS_DB, cli_approval },
	{ "attendance", NEEDS_DB, cli_attendance },
	{ "audit", NEEDS_DB, cli_audit },
	{ "parent", NEEDS_DB, cli_parent },
	{ "import", NEEDS_DB, run_import },
	{ "promote", NEEDS_DB, cli_promote },
	{ "backup", NEEDS_CONFIG, cli_backup },
	{ "restore", NEEDS_CONFIG, cli_restore },
	{ "check", NEEDS_CONFIG, cli_check },
	{ "get", NEEDS_DB, cli_get },
	{ "give", NEEDS_DB, cli_give },
	/* Kitchen: dishes and food prices. */
	{ "dish", NEEDS_DB, cli_dish },
	{ "price", NEEDS_DB, cli_price },
};

int
cli_error(const struct mn_error *err)
{
	fprintf(stderr, "mamnon: %s\n", err->message[0] ? err->message :
	    T("failed", "thất bại"));
	return CLI_FAIL;
}

int
cli_usage(const char *command, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "mamnon %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, T("\nRun 'mamnon --help' for usage.\n",
	    "\nChạy 'mamnon --help' để xem cách dùng.\n"));
	return CLI_USAGE;
}

char *
cli_read_password(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len = getline(&line, &cap, stdin);

	if (len <= 0) {
		free(line);
		fprintf(stderr, "mamnon: %s\n", T("no password on standard "
		    "input; pipe it in, e.g. printf '%s\\n' PASSWORD | mamnon "
		    "...", "không có mật khẩu ở đầu vào chuẩn; hãy truyền vào, "
		    "ví dụ printf '%s\\n' MẬT_KHẨU | mamnon ..."));
		return NULL;
	}
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	return line;
}

bool
cli_command_known(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return true;
	return false;
}

bool
cli_needs_no_config(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return commands[i].needs == NEEDS_NOTHING;
	return false;
}

int
cli_dispatch(struct mn_ctx *ctx, int argc, char **argv)
{
	const struct command *cmd = NULL;
	struct mn_error err = { 0 };
	int rc;

	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, argv[0]) == 0)
			cmd = &commands[i];
	if (cmd == NULL)
		return cli_usage(argv[0], T("unknown command",
		    "không có lệnh này"));

	/* Host commands act as the Unix administrator who runs them. */
	mn_actor_set_host(&ctx->actor);
	if (cmd->needs == NEEDS_DB) {
		if (mn_db_open(ctx->cfg->db_path, &ctx->db, &err) != MN_OK)
			return cli_error(&err);
	}
	rc = cmd->run(ctx, argc, argv);
	mn_db_close(ctx->db);
	ctx->db = NULL;
	return rc;
}
