/*
 * mamnon init, mamnon user add|list|passwd|lock|unlock.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/account.h"
#include "core/config.h"
#include "core/db.h"
#include "core/kitchen.h"
#include "core/text.h"
#include "core/validate.h"

/* Parses the options every password-taking command shares. */
struct user_opts {
	const char *admin;
	const char *roles;
	const char *name;
	bool password_stdin;
};

static int
parse_opts(const char *command, int argc, char **argv, struct user_opts *o)
{
	static const struct option longopts[] = {
		{ "admin", required_argument, NULL, 'a' },
		{ "role", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ "password-stdin", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof *o);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			o->admin = optarg;
			break;
		case 'r':
			o->roles = optarg;
			break;
		case 'n':
			o->name = optarg;
			break;
		case 'p':
			o->password_stdin = true;
			break;
		default:
			return cli_usage(command, T("unknown option",
			    "tùy chọn không hợp lệ"));
		}
	}
	return CLI_OK;
}

int
cli_init(struct mn_ctx *ctx, int argc, char **argv)
{
	struct user_opts o;
	struct mn_error err = { 0 };
	char *password;
	int64_t id = 0;
	int foods = 0, rc;

	if ((rc = parse_opts("init", argc, argv, &o)) != CLI_OK)
		return rc;
	if (o.admin == NULL || !o.password_stdin || optind != argc)
		return cli_usage("init", T("usage: mamnon init --admin LOGIN "
		    "--password-stdin", "cách dùng: mamnon init --admin "
		    "TÊN_ĐĂNG_NHẬP --password-stdin"));
	if (mn_valid_login(o.admin, &err) != MN_OK)
		return cli_usage("init", "%s", err.message);
	if ((password = cli_read_password()) == NULL)
		return CLI_FAIL;
	if (mn_password_check(ctx->cfg, password, &err) != MN_OK) {
		free(password);
		return cli_error(&err);
	}
	if (mn_db_create(ctx->cfg->db_path, &ctx->db, &err) != MN_OK) {
		free(password);
		return cli_error(&err);
	}
	rc = mn_account_add(ctx, o.admin, MN_ROLE_ADMIN, "", password, &id,
	    &err);
	free(password);
	/* The operator chose this password for the account they will use. */
	if (rc == MN_OK)
		rc = mn_account_keep_password(ctx, id, "first administrator "
		    "created by init", &err);
	/* The shipped food composition table comes with every school. */
	if (rc == MN_OK)
		rc = mn_kitchen_seed_foods(ctx, &foods, &err);
	if (rc != MN_OK) {
		mn_db_close(ctx->db);
		ctx->db = NULL;
		remove(ctx->cfg->db_path);
		return cli_error(&err);
	}
	printf(T("Created %s (schema version %d) with administrator '%s' and "
	    "%d foods.\n", "Đã tạo %s (lược đồ phiên bản %d) với quản trị "
	    "'%s' và %d thực phẩm.\n"), ctx->cfg->db_path,
	    mn_schema_version(), o.admin, foods);
	return CLI_OK;
}

static int
print_account(const struct mn_account *a, void *arg)
{
	char roles[128], name[300];
	int width;

	(void)arg;
	mn_roles_format(a->roles, roles, sizeof roles);
	mn_text_safe(a->full_name, name, sizeof name);

	/* Pad by display width, so Vietnamese names keep columns aligned. */
	width = mn_text_width(name);
	printf("%-16s %s%*s %-28s %s%s\n", a->login, name,
	    width < 28 ? 28 - width : 0, "", roles,
	    a->locked ? T("locked", "bị khóa") : T("active", "hoạt động"),
	    a->must_change_password ? T(", must change password",
	    ", phải đổi mật khẩu") : "");
	return 0;
}

static int
user_list(struct mn_ctx *ctx)
{
	struct mn_error err = { 0 };

	if (mn_account_list(ctx, print_account, NULL, &err) != MN_OK)
		return cli_error(&err);
	return CLI_OK;
}

static int
user_add(struct mn_ctx *ctx, int argc, char **argv)
{
	struct user_opts o;
	struct mn_error err = { 0 };
	unsigned roles;
	char *password;
	int rc;

	if ((rc = parse_opts("user add", argc, argv, &o)) != CLI_OK)
		return rc;
	if (optind != argc - 1 || o.roles == NULL || !o.password_stdin)
		return cli_usage("user add", T("usage: mamnon user add LOGIN "
		    "--role ROLE[,ROLE...] [--name \"FULL NAME\"] "
		    "--password-stdin", "cách dùng: mamnon user add "
		    "TÊN_ĐĂNG_NHẬP --role VAI_TRÒ[,VAI_TRÒ...] [--name "
		    "\"HỌ TÊN\"] --password-stdin"));
	if (mn_valid_login(argv[optind], &err) != MN_OK ||
	    mn_roles_parse(o.roles, &roles, &err) != MN_OK)
		return cli_usage("user add", "%s", err.message);
	if ((password = cli_read_password()) == NULL)
		return CLI_FAIL;
	rc = mn_account_add(ctx, argv[optind], roles, o.name, password, NULL,
	    &err);
	free(password);
	return rc == MN_OK ? CLI_OK : cli_error(&err);
}

static int
user_passwd(struct mn_ctx *ctx, int argc, char **argv)
{
	struct user_opts o;
	struct mn_error err = { 0 };
	char *password;
	int rc;

	if ((rc = parse_opts("user passwd", argc, argv, &o)) != CLI_OK)
		return rc;
	if (optind != argc - 1 || !o.password_stdin)
		return cli_usage("user passwd", T("usage: mamnon user passwd "
		    "LOGIN --password-stdin", "cách dùng: mamnon user passwd "
		    "TÊN_ĐĂNG_NHẬP --password-stdin"));
	/* A typed login is checked first, so a message repeats it safely. */
	if (mn_valid_login(argv[optind], &err) != MN_OK)
		return cli_error(&err);
	if ((password = cli_read_password()) == NULL)
		return CLI_FAIL;
	rc = mn_account_set_password(ctx, argv[optind], password, &err);
	free(password);
	return rc == MN_OK ? CLI_OK : cli_error(&err);
}

int
cli_user(struct mn_ctx *ctx, int argc, char **argv)
{
	struct mn_error err = { 0 };
	const char *sub = argc > 1 ? argv[1] : "";

	if (strcmp(sub, "list") == 0 && argc == 2)
		return user_list(ctx);
	if (strcmp(sub, "add") == 0)
		return user_add(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "passwd") == 0)
		return user_passwd(ctx, argc - 1, argv + 1);
	if ((strcmp(sub, "lock") == 0 || strcmp(sub, "unlock") == 0) &&
	    argc == 3) {
		if (mn_valid_login(argv[2], &err) != MN_OK ||
		    mn_account_set_locked(ctx, argv[2], sub[0] == 'l',
		    &err) != MN_OK)
			return cli_error(&err);
		return CLI_OK;
	}
	return cli_usage("user", T("usage: mamnon user add|list|passwd|lock|"
	    "unlock ...", "cách dùng: mamnon user add|list|passwd|lock|"
	    "unlock ..."));
}
