/*
 * mamnon backup, restore, check, get and give.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_ops.h"
#include "core/account.h"
#include "core/backup.h"
#include "core/config.h"
#include "core/db.h"
#include "core/exports.h"

int
cli_backup(struct mn_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct mn_error err = { 0 };
	const char *dest = NULL;
	char written[PATH_MAX * 2];
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+o:", longopts, NULL)) != -1) {
		if (c != 'o')
			return cli_usage("backup", T("usage: mamnon backup "
			    "[-o FILE]", "cách dùng: mamnon backup [-o TỆP]"));
		dest = optarg;
	}
	if (optind != argc)
		return cli_usage("backup", T("usage: mamnon backup [-o FILE]",
		    "cách dùng: mamnon backup [-o TỆP]"));
	if (mn_backup_run(ctx->cfg, dest, written, sizeof written, &err) !=
	    MN_OK)
		return cli_error(&err);
	printf("%s\n", written);
	return CLI_OK;
}

int
cli_restore(struct mn_ctx *ctx, int argc, char **argv)
{
	struct mn_error err = { 0 };
	char kept[PATH_MAX * 2];

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage("restore", T("usage: mamnon restore FILE",
		    "cách dùng: mamnon restore TỆP"));
	if (mn_restore(ctx->cfg, argv[1], kept, sizeof kept, &err) != MN_OK) {
		cli_error(&err);
		if (kept[0] != '\0')
			fprintf(stderr, T("mamnon: the previous database is "
			    "kept as %s\n", "mamnon: cơ sở dữ liệu cũ được giữ "
			    "tại %s\n"), kept);
		return CLI_FAIL;
	}
	printf(T("Restored %s from %s.\n", "Đã khôi phục %s từ %s.\n"),
	    ctx->cfg->db_path, argv[1]);
	if (kept[0] != '\0')
		printf(T("The replaced database is kept as %s.\n",
		    "Cơ sở dữ liệu bị thay được giữ tại %s.\n"), kept);
	return CLI_OK;
}

static void
print_item(const struct mn_check_item *item, void *arg)
{
	(void)arg;
	printf("%s %s\n", item->ok ? "ok     " : T("PROBLEM", "LỖI   "),
	    item->what);
	if (!item->ok && item->fix[0] != '\0')
		printf(T("        fix: %s\n", "        sửa: %s\n"), item->fix);
}

int
cli_check(struct mn_ctx *ctx, int argc, char **argv)
{
	int problems;

	if (argc != 1)
		return cli_usage("check", T("usage: mamnon check",
		    "cách dùng: mamnon check"));
	problems = mn_check(ctx->cfg, print_item, NULL);
	if (problems > 0) {
		printf(T("%d problems found.\n", "Có %d lỗi.\n"), problems);
		return CLI_FAIL;
	}
	printf(T("All checks passed.\n", "Mọi kiểm tra đều đạt.\n"));
	return CLI_OK;
}

/* A terminal on standard output would show binary bytes and use up the
 * code, so it is rejected before the code is touched. */
int
cli_get_code(struct mn_ctx *ctx, const char *code, const char *expect_login)
{
	struct mn_error err = { 0 };
	char name[128];
	off_t bytes;

	if (isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", T("mamnon get: send the file into a "
		    "file, not the screen: ssh HOST get CODE > FILE",
		    "mamnon get: hãy ghi vào một tệp thay vì ra màn hình: "
		    "ssh MÁY_CHỦ get MÃ > TỆP"));
		return CLI_USAGE;
	}
	fflush(stdout);
	if (mn_export_redeem(ctx, code, expect_login, STDOUT_FILENO, name,
	    sizeof name, &bytes, &err) != MN_OK) {
		/* Bytes already sent mean the file arrived; only the audit
		 * row failed. */
		if (bytes > 0)
			fprintf(stderr, "mamnon: %s\n", err.message);
		return bytes > 0 ? CLI_OK : cli_error(&err);
	}
	fprintf(stderr, T("mamnon: sent %s (%lld bytes)\n",
	    "mamnon: đã gửi %s (%lld byte)\n"), name, (long long)bytes);
	return CLI_OK;
}

int
cli_get(struct mn_ctx *ctx, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage("get", T("usage: mamnon get CODE > FILE",
		    "cách dùng: mamnon get MÃ > TỆP"));
	return cli_get_code(ctx, argv[1], NULL);
}

int
cli_give(struct mn_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct mn_error err = { 0 };
	struct mn_account acct;
	const char *name = NULL, *base;
	char code[MN_EXPORT_CODE_SIZE];
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 'n')
			return cli_usage("give", T("unknown option",
			    "tùy chọn không hợp lệ"));
		name = optarg;
	}
	if (argc - optind != 2)
		return cli_usage("give", T("usage: mamnon give LOGIN FILE "
		    "[--name NAME]", "cách dùng: mamnon give TÊN TỆP "
		    "[--name TÊN_TỆP]"));
	if (mn_account_get(ctx, argv[optind], &acct, &err) != MN_OK)
		return cli_error(&err);
	base = strrchr(argv[optind + 1], '/');
	if (name == NULL)
		name = base != NULL ? base + 1 : argv[optind + 1];
	if (mn_export_add_file(ctx, acct.id, acct.login, argv[optind + 1],
	    name, code, sizeof code, &err) != MN_OK)
		return cli_error(&err);
	printf("%s\n", code);
	fprintf(stderr, T("mamnon: %s can fetch it within 24 hours, once, "
	    "with: ssh HOST get %s > %s\n", "mamnon: %s lấy tệp trong vòng "
	    "24 giờ, một lần, bằng lệnh: ssh MÁY_CHỦ get %s > %s\n"),
	    acct.login, code, name);
	return CLI_OK;
}
