/*
 * mamnon approval add|list, mamnon audit [purge], mamnon parent
 * add|link|unlink|list: the host's commands for data-use approvals, the
 * audit trail and parent accounts.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/approvals.h"
#include "core/auditlog.h"
#include "core/parent_links.h"
#include "core/parents.h"
#include "core/text.h"
#include "core/validate.h"

int cli_approval(struct mn_ctx *ctx, int argc, char **argv);
int cli_audit(struct mn_ctx *ctx, int argc, char **argv);
int cli_parent(struct mn_ctx *ctx, int argc, char **argv);

/* Options of the three commands; each command reads the ones it needs. */
struct priv_opts {
	const char *data, *purpose, *until, *principal, *consent;
	const char *account, *child, *from, *to, *format, *action;
	const char *approval, *name, *reason, *before, *limit;
	const char *class_code, *for_login;
	bool password_stdin, values;
};

static int
parse_opts(const char *command, int argc, char **argv, struct priv_opts *o)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "purpose", required_argument, NULL, 'p' },
		{ "until", required_argument, NULL, 'u' },
		{ "principal", required_argument, NULL, 'P' },
		{ "consent", required_argument, NULL, 'c' },
		{ "account", required_argument, NULL, 'a' },
		{ "child", required_argument, NULL, 'C' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' },
		{ "action", required_argument, NULL, 'A' },
		{ "approval", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ "reason", required_argument, NULL, 'R' },
		{ "before", required_argument, NULL, 'b' },
		{ "limit", required_argument, NULL, 'l' },
		{ "class", required_argument, NULL, 'k' },
		{ "for", required_argument, NULL, 'o' },
		{ "password-stdin", no_argument, NULL, 's' },
		{ "values", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	const char **slot;
	int c;

	memset(o, 0, sizeof *o);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': slot = &o->data; break;
		case 'p': slot = &o->purpose; break;
		case 'u': slot = &o->until; break;
		case 'P': slot = &o->principal; break;
		case 'c': slot = &o->consent; break;
		case 'a': slot = &o->account; break;
		case 'C': slot = &o->child; break;
		case 'f': slot = &o->from; break;
		case 't': slot = &o->to; break;
		case 'F': slot = &o->format; break;
		case 'A': slot = &o->action; break;
		case 'r': slot = &o->approval; break;
		case 'n': slot = &o->name; break;
		case 'R': slot = &o->reason; break;
		case 'b': slot = &o->before; break;
		case 'l': slot = &o->limit; break;
		case 'k': slot = &o->class_code; break;
		case 'o': slot = &o->for_login; break;
		case 's':
			o->password_stdin = true;
			continue;
		case 'v':
			o->values = true;
			continue;
		default:
			return cli_usage(command, T("unknown option",
			    "tùy chọn không hợp lệ"));
		}
		*slot = optarg;
	}
	return CLI_OK;
}

/* ---- approval -------------------------------------------------------- */

static int
approval_add(struct mn_ctx *ctx, int argc, char **argv)
{
	struct priv_opts o;
	struct mn_approval_form form;
	struct mn_error err = { 0 };
	char id[MN_APPROVAL_ID_LEN + 1], *password;
	int rc;

	if ((rc = parse_opts("approval add", argc, argv, &o)) != CLI_OK)
		return rc;
	if (optind != argc || o.data == NULL || o.purpose == NULL ||
	    o.until == NULL || o.principal == NULL || !o.password_stdin)
		return cli_usage("approval add", T("usage: mamnon approval "
		    "add --data children|staff|health|attendance|growth|audit "
		    "--purpose TEXT --until YYYY-MM-DD --principal LOGIN "
		    "[--consent PURPOSE] [--class CODE] [--for LOGIN] "
		    "--password-stdin",
		    "cách dùng: mamnon approval add --data children|staff|"
		    "health|attendance|growth|audit --purpose MỤC_ĐÍCH --until "
		    "YYYY-MM-DD --principal TÊN_ĐĂNG_NHẬP [--consent MỤC_ĐÍCH] "
		    "[--class MÃ_LỚP] [--for TÊN_ĐĂNG_NHẬP] --password-stdin"));
	if ((password = cli_read_password()) == NULL)
		return CLI_FAIL;
	memset(&form, 0, sizeof form);
	form.data_kind = o.data;
	form.purpose = o.purpose;
	form.consent_purpose = o.consent;
	form.until = o.until;
	form.class_code = o.class_code;
	form.for_login = o.for_login;
	rc = mn_approval_add_signed_form(ctx, &form, o.principal, password,
	    id, &err);
	free(password);
	if (rc != MN_OK)
		return cli_error(&err);
	printf("%s\n", id);
	return CLI_OK;
}

static int
print_approval(const struct mn_approval *a, void *arg)
{
	char purpose[4 * MN_APPROVAL_PURPOSE_MAX + 1];
	char note[4 * MN_APPROVAL_PURPOSE_MAX + 1];

	(void)arg;
	mn_text_safe(a->purpose, purpose, sizeof purpose);
	mn_text_safe(a->decision_note, note, sizeof note);
	printf("%-13s %-10s %-10s %-11s %5lld %-16s %-16s %s%s%s%s%s%s%s\n",
	    a->id, a->status, a->data_kind, a->valid_until,
	    (long long)a->use_count, a->requested_by,
	    a->decided_by[0] ? a->decided_by : "-", purpose,
	    a->class_code[0] ? T("  class:", "  lớp:") : "", a->class_code,
	    a->consent_purpose[0] ? T("  consent:", "  đồng ý:") : "",
	    a->consent_purpose, note[0] ? T("  note:", "  ghi chú:") : "",
	    note);
	return 0;
}

/* Prints text left-aligned in width terminal cells, then a space. */
static void
print_cell(const char *text, int width)
{
	int used = mn_text_width(text);

	printf("%s%*s ", text, used < width ? width - used : 0, "");
}

static int
approval_list(struct mn_ctx *ctx)
{
	struct mn_error err = { 0 };

	print_cell("ID", 13);
	print_cell(T("STATUS", "TRẠNG THÁI"), 10);
	print_cell(T("DATA", "DỮ LIỆU"), 10);
	print_cell(T("UNTIL", "ĐẾN NGÀY"), 11);
	print_cell(T("USES", "LẦN"), 5);
	print_cell(T("REQUESTED BY", "NGƯỜI XIN"), 16);
	print_cell(T("APPROVED BY", "NGƯỜI DUYỆT"), 16);
	printf("%s\n", T("PURPOSE", "MỤC ĐÍCH"));
	if (mn_approval_list(ctx, print_approval, NULL, &err) != MN_OK)
		return cli_error(&err);
	return CLI_OK;
}

int
cli_approval(struct mn_ctx *ctx, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";

	if (strcmp(sub, "add") == 0)
		return approval_add(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0 && argc == 2)
		return approval_list(ctx);
	return cli_usage("approval", T("usage: mamnon approval add|list ...",
	    "cách dùng: mamnon approval add|list ..."));
}

/* ---- audit ----------------------------------------------------------- */

static int
print_entry(const struct mn_audit_entry *e, void *arg)
{
	char detail[1024], values[2048];
	bool values_shown = *(const bool *)arg;

	mn_text_safe(e->detail ? e->detail : "", detail, sizeof detail);
	printf("%lld  %s  %-16s %-14s %s", (long long)e->id, e->at, e->login,
	    e->action, e->table_name[0] ? e->table_name : "-");
	if (e->row_id != 0)
		printf("#%lld", (long long)e->row_id);
	printf("  %s\n", detail);
	if (values_shown && e->purged)
		printf("    %s\n", T("values purged", "giá trị đã xóa"));
	if (values_shown && e->old_values != NULL) {
		mn_text_safe(e->old_values, values, sizeof values);
		printf("    %s %s\n", T("old:", "cũ:"), values);
	}
	if (values_shown && e->new_values != NULL) {
		mn_text_safe(e->new_values, values, sizeof values);
		printf("    %s %s\n", T("new:", "mới:"), values);
	}
	return 0;
}

static int
audit_purge(struct mn_ctx *ctx, int argc, char **argv)
{
	struct priv_opts o;
	struct mn_error err = { 0 };
	int64_t child_id;
	int rc, count = 0;

	if ((rc = parse_opts("audit purge", argc, argv, &o)) != CLI_OK)
		return rc;
	if (optind != argc || o.child == NULL || o.before == NULL ||
	    o.reason == NULL)
		return cli_usage("audit purge", T("usage: mamnon audit purge "
		    "--child CODE --before YYYY-MM-DD --reason TEXT",
		    "cách dùng: mamnon audit purge --child MÃ_TRẺ --before "
		    "YYYY-MM-DD --reason LÝ_DO"));
	if (mn_parent_find_child(ctx, o.child, &child_id, &err) != MN_OK ||
	    mn_audit_purge_child(ctx, child_id, o.before, o.reason, &count,
	    &err) != MN_OK)
		return cli_error(&err);
	printf(T("Values of %d audit rows purged.\n",
	    "Đã xóa giá trị của %d dòng nhật ký.\n"), count);
	return CLI_OK;
}

int
cli_audit(struct mn_ctx *ctx, int argc, char **argv)
{
	struct priv_opts o;
	struct mn_audit_filter f = { 0 };
	struct mn_error err = { 0 };
	long limit = 0;
	int rc;

	if (argc > 1 && strcmp(argv[1], "purge") == 0)
		return audit_purge(ctx, argc - 1, argv + 1);
	if ((rc = parse_opts("audit", argc, argv, &o)) != CLI_OK)
		return rc;
	if (optind != argc || (o.format != NULL &&
	    strcmp(o.format, "csv") != 0) || (o.approval && !o.values))
		return cli_usage("audit", T("usage: mamnon audit [--account "
		    "LOGIN] [--child CODE] [--from YYYY-MM-DD] [--to "
		    "YYYY-MM-DD] [--action ACTION] [--limit N] [--format csv] "
		    "[--values [--approval ID]]",
		    "cách dùng: mamnon audit [--account TÊN_ĐĂNG_NHẬP] "
		    "[--child MÃ_TRẺ] [--from YYYY-MM-DD] [--to YYYY-MM-DD] "
		    "[--action HÀNH_ĐỘNG] [--limit N] [--format csv] "
		    "[--values [--approval MÃ]]"));
	if (o.limit != NULL) {
		if (mn_parse_int(o.limit, "limit", 1, 1000000, &limit,
		    &err) != MN_OK)
			return cli_usage("audit", "%s", err.message);
		f.limit = (unsigned)limit;
	}
	f.login = o.account;
	f.from = o.from;
	f.to = o.to;
	f.action = o.action;
	f.with_values = o.values;
	if (o.child != NULL &&
	    mn_parent_find_child(ctx, o.child, &f.child_id, &err) != MN_OK)
		return cli_error(&err);
	if (o.format != NULL)
		rc = mn_audit_export_csv(ctx, &f, o.approval, stdout, &err);
	else
		rc = mn_audit_browse(ctx, &f, print_entry, &f.with_values,
		    &err);
	return rc == MN_OK ? CLI_OK : cli_error(&err);
}

/* ---- parent ---------------------------------------------------------- */

/* Splits "CODE,CODE" into child ids; each code must be in scope. */
static int
child_ids(struct mn_ctx *ctx, const char *list, int64_t **ids, size_t *count,
    struct mn_error *err)
{
	char *copy = strdup(list), *save = NULL, *code;
	size_t n = 0, cap = 4;
	int rc = MN_OK;

	*ids = malloc(cap * sizeof **ids);
	if (copy == NULL || *ids == NULL) {
		free(copy);
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	}
	for (code = strtok_r(copy, ",", &save); code != NULL && rc == MN_OK;
	    code = strtok_r(NULL, ",", &save)) {
		if (n == cap) {
			int64_t *bigger = realloc(*ids, 2 * cap *
			    sizeof **ids);

			if (bigger == NULL) {
				rc = mn_fail(err, MN_ERR_NOMEM, "",
				    "out of memory");
				break;
			}
			*ids = bigger;
			cap *= 2;
		}
		rc = mn_parent_find_child(ctx, code, &(*ids)[n], err);
		if (rc == MN_OK)
			n++;
	}
	free(copy);
	if (rc == MN_OK && n == 0)
		rc = mn_fail(err, MN_ERR_INVALID, "child",
		    T("child: missing; expected --child CODE[,CODE]",
		    "trẻ: bị thiếu; cần --child MÃ[,MÃ]"));
	*count = n;
	return rc;
}

static int
parent_add(struct mn_ctx *ctx, int argc, char **argv)
{
	struct priv_opts o;
	struct mn_error err = { 0 };
	int64_t *ids = NULL;
	size_t count = 0;
	char *password;
	int rc;

	if ((rc = parse_opts("parent add", argc, argv, &o)) != CLI_OK)
		return rc;
	if (optind != argc - 1 || o.child == NULL || !o.password_stdin)
		return cli_usage("parent add", T("usage: mamnon parent add "
		    "LOGIN --child CODE[,CODE] [--name \"FULL NAME\"] "
		    "--password-stdin", "cách dùng: mamnon parent add "
		    "TÊN_ĐĂNG_NHẬP --child MÃ_TRẺ[,MÃ_TRẺ] [--name \"HỌ TÊN\"] "
		    "--password-stdin"));
	if (mn_valid_login(argv[optind], &err) != MN_OK)
		return cli_usage("parent add", "%s", err.message);
	if (child_ids(ctx, o.child, &ids, &count, &err) != MN_OK) {
		free(ids);
		return cli_error(&err);
	}
	if ((password = cli_read_password()) == NULL) {
		free(ids);
		return CLI_FAIL;
	}
	rc = mn_parent_add(ctx, argv[optind], o.name, password, ids, count,
	    NULL, &err);
	free(password);
	free(ids);
	return rc == MN_OK ? CLI_OK : cli_error(&err);
}

static int
parent_link(struct mn_ctx *ctx, int argc, char **argv, bool link)
{
	const char *command = link ? "parent link" : "parent unlink";
	struct priv_opts o;
	struct mn_error err = { 0 };
	int64_t child_id;
	int rc;

	if ((rc = parse_opts(command, argc, argv, &o)) != CLI_OK)
		return rc;
	if (optind != argc - 1 || o.child == NULL)
		return cli_usage(command, T("usage: mamnon parent link|unlink "
		    "LOGIN --child CODE", "cách dùng: mamnon parent "
		    "link|unlink TÊN_ĐĂNG_NHẬP --child MÃ_TRẺ"));
	if (mn_parent_find_child(ctx, o.child, &child_id, &err) != MN_OK)
		return cli_error(&err);
	rc = link ? mn_parent_link(ctx, argv[optind], child_id, &err) :
	    mn_parent_unlink(ctx, argv[optind], child_id, &err);
	return rc == MN_OK ? CLI_OK : cli_error(&err);
}

static int
print_parent(const struct mn_parent_account *p, void *arg)
{
	char name[300];

	(void)arg;
	mn_text_safe(p->full_name, name, sizeof name);
	printf("%-16s %s  %s %s%s\n", p->login, name,
	    T("linked by", "liên kết bởi"), p->linked_by,
	    p->must_change_password ? T(", must change password",
	    ", phải đổi mật khẩu") : "");
	return 0;
}

/* One line per link: the account, then the child and its class. */
static int
print_link(const struct mn_parent_link *l, void *arg)
{
	char name[300], child[300];

	(void)arg;
	mn_text_safe(l->full_name, name, sizeof name);
	mn_text_safe(l->child_name, child, sizeof child);
	print_cell(l->login, 16);
	print_cell(name, 24);
	if (l->child_id == 0)
		printf("%s", T("(no child linked)", "(chưa liên kết trẻ nào)"));
	else
		printf("%s %s%s%s", l->school_code, child,
		    l->class_code[0] ? T(", class ", ", lớp ") : "",
		    l->class_code);
	printf("%s%s\n", l->locked ? T(", locked", ", bị khóa") : "",
	    l->must_change_password ? T(", must change password",
	    ", phải đổi mật khẩu") : "");
	return 0;
}

static int
parent_list(struct mn_ctx *ctx, int argc, char **argv)
{
	struct priv_opts o;
	struct mn_error err = { 0 };
	int64_t child_id;
	int rc;

	if ((rc = parse_opts("parent list", argc, argv, &o)) != CLI_OK)
		return rc;
	if (optind != argc)
		return cli_usage("parent list", T("usage: mamnon parent list "
		    "[--child CODE]", "cách dùng: mamnon parent list [--child "
		    "MÃ_TRẺ]"));
	if (o.child == NULL) {
		print_cell(T("LOGIN", "TÊN ĐĂNG NHẬP"), 16);
		print_cell(T("NAME", "HỌ TÊN"), 24);
		printf("%s\n", T("CHILD", "TRẺ"));
		if (mn_parent_links(ctx, print_link, NULL, &err) != MN_OK)
			return cli_error(&err);
		return CLI_OK;
	}
	if (mn_parent_find_child(ctx, o.child, &child_id, &err) != MN_OK ||
	    mn_parent_list(ctx, child_id, print_parent, NULL, &err) != MN_OK)
		return cli_error(&err);
	return CLI_OK;
}

int
cli_parent(struct mn_ctx *ctx, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";

	if (strcmp(sub, "add") == 0)
		return parent_add(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "link") == 0 || strcmp(sub, "unlink") == 0)
		return parent_link(ctx, argc - 1, argv + 1, sub[0] == 'l');
	if (strcmp(sub, "list") == 0)
		return parent_list(ctx, argc - 1, argv + 1);
	return cli_usage("parent", T("usage: mamnon parent "
	    "add|link|unlink|list ...", "cách dùng: mamnon parent "
	    "add|link|unlink|list ..."));
}
