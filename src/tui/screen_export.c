/*
 * "Xuất dữ liệu": writes an export chosen on screen and hands it over
 * with a one-time code.  The forced SSH command allows no scp or sftp,
 * so the user fetches the file with `ssh HOST get CODE > FILE` (see
 * core/exports.h).  The list offers only the kinds the actor's roles may
 * export.  A personal kind first asks which of the account's approvals
 * to use, or offers to request one.  mn_export_write checks the approval
 * and access again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/access.h"
#include "core/approvals.h"
#include "core/date.h"
#include "core/export_file.h"
#include "core/exports.h"
#include "core/text.h"
#include "tui/draft_kinds.h"
#include "tui/screens.h"

#define VALUE_MAX 40

/* Rows of the form; each kind shows the ones it reads. */
enum {
	ROW_FORMAT,
	ROW_YEAR,
	ROW_CLASS,
	ROW_MONTH,
	ROW_ROUND,
	ROW_WEEK,
	ROW_DATE,
	ROW_GROUP,
	ROW_COUNT
};

static const struct {
	const char *name;	/* as mn_export_write's errors name it */
	const char *en, *vi;
} row_labels[ROW_COUNT] = {
	[ROW_FORMAT] = { "format", "Format (csv or xlsx)",
	    "Định dạng (csv hoặc xlsx)" },
	[ROW_YEAR] = { "year", "School year (YYYY-YYYY, empty: current)",
	    "Năm học (YYYY-YYYY, để trống: năm hiện tại)" },
	[ROW_CLASS] = { "class", "Class code", "Mã lớp" },
	[ROW_MONTH] = { "month", "Month (YYYY-MM)", "Tháng (YYYY-MM)" },
	[ROW_ROUND] = { "round", "Weighing round (YYYY-MM)",
	    "Đợt cân đo (YYYY-MM)" },
	[ROW_WEEK] = { "week", "Week (YYYY-Www)", "Tuần (YYYY-Www)" },
	[ROW_DATE] = { "date", "Date (dd/mm/yyyy)", "Ngày (dd/mm/yyyy)" },
	[ROW_GROUP] = { "group", "Age group (nha-tre or mau-giao)",
	    "Nhóm tuổi (nha-tre hoặc mau-giao)" },
};

/* The rows each kind reads, after the format row, ended by -1. */
static const int kind_rows[MN_EXPORT_KIND_COUNT][5] = {
	[MN_EXPORT_CLASSES] = { ROW_YEAR, ROW_CLASS, -1 },
	[MN_EXPORT_CHILDREN] = { ROW_YEAR, ROW_CLASS, -1 },
	[MN_EXPORT_STAFF] = { ROW_YEAR, -1 },
	[MN_EXPORT_ATTENDANCE] = { ROW_CLASS, ROW_MONTH, -1 },
	[MN_EXPORT_GROWTH] = { ROW_ROUND, ROW_CLASS, -1 },
	[MN_EXPORT_MENU] = { ROW_WEEK, ROW_GROUP, -1 },
	[MN_EXPORT_NUTRITION] = { ROW_DATE, ROW_GROUP, -1 },
	[MN_EXPORT_MARKET] = { ROW_DATE, -1 },
	[MN_EXPORT_MEALFEES] = { ROW_MONTH, -1 },
};

static const struct tui_keydef kind_keys[] = {
	{ { TK_ENTER }, "Enter", "Choose", "Chọn", TUI_ACT_SELECT },
	{ { TK_ESC }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef form_keys[] = {
	{ { TK_ENTER }, "Enter", "Next/Export", "Tiếp/Xuất", TUI_ACT_ENTER },
	{ { TK_TAB, TK(KEY_DOWN) }, "", NULL, NULL, TUI_ACT_NEXT },
	{ { TK(KEY_BTAB), TK(KEY_UP) }, "", NULL, NULL, TUI_ACT_PREV },
	{ { TK(KEY_F(2)) }, "F2", "Export", "Xuất", TUI_ACT_SAVE },
	{ { TK_ESC }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column kind_column[] = {
	{ NULL, NULL, 0 },
};

struct export_form {
	enum mn_export_kind kind;
	struct tui_form_row rows[ROW_COUNT];
	int slot[ROW_COUNT];	/* ROW_* -> index in rows, -1: not asked */
	int nrows;
	struct mn_approval approval;	/* id "" for a kind that needs none */
	char note[1024];
};

static const struct tui_keydef pick_keys[] = {
	{ { TK_ENTER }, "Enter", "Use", "Dùng", TUI_ACT_SELECT },
	{ { 'n', TK(KEY_IC) }, "n", "New request", "Đề nghị mới",
	    TUI_ACT_USER },
	{ { TK_ESC }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column pick_columns[] = {
	{ "ID", "Mã", 12 },
	{ "Class", "Lớp", 6 },
	{ "Until", "Đến ngày", 10 },
	{ "Purpose", "Mục đích", 0 },
};

struct usable {
	struct tui_list list;
	struct mn_approval items[64];
	int n;
};

static int
add_usable(const struct mn_approval *a, void *arg)
{
	struct usable *u = arg;
	struct mn_date d = { 0, 0, 0 };
	const char *cells[4];
	char until[16];

	if (u->n == (int)(sizeof u->items / sizeof u->items[0]))
		return 1;
	mn_date_parse_iso(a->valid_until, "until", &d, NULL);
	mn_date_format(&d, until, sizeof until);
	cells[0] = a->id;
	cells[1] = a->class_code[0] != '\0' ? a->class_code :
	    T("any", "mọi lớp");
	cells[2] = until;
	cells[3] = a->purpose;
	if (tui_list_add(&u->list, cells) != MN_OK)
		return 1;
	u->items[u->n++] = *a;
	return 0;
}

/* Opens the request form with the export's kind (and class) filled in. */
static int
ask_for_approval(struct tui *ui, const char *kind, const char *class_code)
{
	char record[64];

	snprintf(record, sizeof record, "%s%s%s", kind,
	    class_code != NULL && *class_code != '\0' ? ":" : "",
	    class_code != NULL ? class_code : "");
	return approval_request_reopen(ui, record);
}

/*
 * Chooses the approval a personal export is made under: one of the
 * account's approved, unexpired approvals for the kind.  With none, it
 * offers to send a request to the principal.  Returns TUI_OK with
 * ef->approval set, TUI_CANCEL to leave the export, or TUI_END.
 */
static int
pick_approval(struct tui *ui, struct export_form *ef, const char *class_code)
{
	const char *kind = mn_export_kind_approval(ef->kind);
	struct usable *u;
	struct mn_error err;
	char question[512];
	int rc = TUI_CANCEL, action, row;

	if ((u = calloc(1, sizeof *u)) == NULL)
		return TUI_CANCEL;
	tui_list_init(&u->list, pick_columns, 4);
	mn_error_clear(&err);
	if (mn_approval_list_usable(ui->ctx, kind, add_usable, u, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		goto out;
	}
	if (u->n == 0) {
		snprintf(question, sizeof question, T("You have no valid "
		    "approval for %s data.  Send a request to the principal "
		    "now?", "Bạn chưa có phê duyệt còn hiệu lực cho dữ liệu "
		    "%s.  Gửi đề nghị cho hiệu trưởng ngay?"),
		    mn_approval_kind_label(kind));
		rc = tui_confirm(ui, question, true);
		if (rc == TUI_OK)
			rc = ask_for_approval(ui, kind, class_code);
		rc = rc == TUI_END ? TUI_END : TUI_CANCEL;
		goto out;
	}
	tui_enter(ui, T("Choose the approval", "Chọn phê duyệt"));
	for (;;) {
		action = tui_list_run(ui, &u->list, pick_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK) {
			rc = TUI_CANCEL;
			break;
		}
		if (action == TUI_ACT_USER) {
			rc = ask_for_approval(ui, kind, class_code);
			rc = rc == TUI_END ? TUI_END : TUI_CANCEL;
			break;
		}
		if (action == TUI_ACT_SELECT &&
		    (row = tui_list_selected(&u->list)) >= 0 && row < u->n) {
			ef->approval = u->items[row];
			rc = TUI_OK;
			break;
		}
	}
	tui_leave(ui);
out:
	tui_list_free(&u->list);
	free(u);
	return rc;
}

/* Writes row r's default: csv, this month, this ISO week or today. */
static void
default_value(int row, char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	buf[0] = '\0';
	if (localtime_r(&now, &tm) == NULL)
		return;
	switch (row) {
	case ROW_FORMAT:
		snprintf(buf, size, "csv");
		break;
	case ROW_MONTH:
	case ROW_ROUND:
		strftime(buf, size, "%Y-%m", &tm);
		break;
	case ROW_WEEK:
		strftime(buf, size, "%G-W%V", &tm);
		break;
	case ROW_DATE:
		strftime(buf, size, "%d/%m/%Y", &tm);
		break;
	case ROW_GROUP:
		snprintf(buf, size, "mau-giao");
		break;
	default:
		break;
	}
}

/*
 * Builds the form rows of the kind.  A teacher's class is filled in for
 * attendance and growth: class_day_pick_class offers her own classes
 * and takes the only one without asking.
 */
static int
build_form(struct tui *ui, struct export_form *ef)
{
	const struct mn_actor *actor = &ui->ctx->actor;
	char value[VALUE_MAX + 1];
	int want[ROW_COUNT + 1], n = 0;

	want[n++] = ROW_FORMAT;
	for (int i = 0; kind_rows[ef->kind][i] >= 0; i++)
		want[n++] = kind_rows[ef->kind][i];
	memset(ef->rows, 0, sizeof ef->rows);
	for (int r = 0; r < ROW_COUNT; r++)
		ef->slot[r] = -1;
	ef->nrows = n;
	for (int i = 0; i < n; i++) {
		struct tui_form_row *row = &ef->rows[i];
		int r = want[i];

		ef->slot[r] = i;
		row->name = row_labels[r].name;
		row->en = row_labels[r].en;
		row->vi = row_labels[r].vi;
		tui_field_init(&row->field, VALUE_MAX, TUI_SHOW);
		default_value(r, value, sizeof value);
		tui_field_set(&row->field, value);
	}
	if (ef->slot[ROW_CLASS] >= 0 &&
	    (ef->kind == MN_EXPORT_ATTENDANCE ||
	    ef->kind == MN_EXPORT_GROWTH) &&
	    !mn_allowed_all(actor, ef->kind == MN_EXPORT_GROWTH ?
	    MN_ACT_EXPORT_GROWTH : MN_ACT_EXPORT_ATTENDANCE)) {
		struct class_day cd;
		int rc;

		memset(&cd, 0, sizeof cd);
		rc = class_day_pick_class(ui, &cd);
		if (rc == TUI_END)
			return TUI_END;
		if (rc == TUI_OK)
			tui_field_set(&ef->rows[ef->slot[ROW_CLASS]].field,
			    cd.code);
	}
	return TUI_OK;
}

/* Returns the trimmed value of row r, or NULL when the kind has no r. */
static char *
row_value(const struct export_form *ef, int r)
{
	char *v, *start, *end;

	if (ef->slot[r] < 0)
		return NULL;
	if ((v = tui_field_get(&ef->rows[ef->slot[r]].field)) == NULL)
		return NULL;
	for (start = v; *start == ' '; start++)
		;
	memmove(v, start, strlen(start) + 1);
	for (end = v + strlen(v); end > v && end[-1] == ' '; end--)
		end[-1] = '\0';
	return v;
}

static const char *
nonempty(const char *text)
{
	return text != NULL && *text != '\0' ? text : NULL;
}

/* Copies a class code or a period into a file name part. */
static void
name_part(const char *text, char out[VALUE_MAX + 1])
{
	int d, m, y;
	char tail;
	size_t i;

	out[0] = '\0';
	if (text == NULL)
		return;
	if (sscanf(text, "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3) {
		/* A date sorts better as "2026-12-04" than as shown. */
		snprintf(out, VALUE_MAX + 1, "%04d-%02d-%02d", y, m, d);
		return;
	}
	/* mn_export_begin replaces other unsafe characters. */
	for (i = 0; text[i] != '\0' && i < VALUE_MAX; i++)
		out[i] = text[i] == '/' ? '-' : text[i];
	out[i] = '\0';
}

/* Writes the suggested file name: kind, class, period and extension. */
static void
file_name(const struct mn_export_request *req, char *buf, size_t size)
{
	const char *period = nonempty(req->date) ? req->date :
	    nonempty(req->month) ? req->month : nonempty(req->round) ?
	    req->round : nonempty(req->week);
	char class_part[VALUE_MAX + 1], period_part[VALUE_MAX + 1];

	name_part(nonempty(req->class_code), class_part);
	name_part(period, period_part);
	snprintf(buf, size, "%s%s%s%s%s.%s", mn_export_kind_name(req->kind),
	    class_part[0] != '\0' ? "-" : "", class_part,
	    period_part[0] != '\0' ? "-" : "", period_part,
	    req->xlsx ? "xlsx" : "csv");
}

/* The server's address from SSH_CONNECTION, else a placeholder. */
static void
host_name(char *buf, size_t size)
{
	const char *conn = getenv("SSH_CONNECTION");
	char addr[64];
	int n = 0;

	/* "client_ip client_port server_ip server_port" */
	if (conn != NULL && sscanf(conn, "%*s %*s %63s", addr) == 1) {
		for (const char *p = addr; *p != '\0'; p++)
			if (strchr("0123456789abcdefABCDEF.:", *p) == NULL)
				n = -1;
		if (n == 0) {
			snprintf(buf, size, "%s", addr);
			return;
		}
	}
	snprintf(buf, size, "%s", T("HOST", "MÁY_CHỦ"));
}

static int
show_code(struct tui *ui, const char *code, const char *name)
{
	char host[64], text[768];

	host_name(host, sizeof host);
	snprintf(text, sizeof text, T("File ready: %s\nCode: %s\n\nOn your "
	    "computer, within 24 hours and only once, run:\nssh %s get %s > "
	    "%s", "Đã tạo tệp: %s\nMã tải: %s\n\nTrên máy tính của bạn, "
	    "trong vòng 24 giờ và chỉ một lần, chạy lệnh:\nssh %s get %s > "
	    "%s"), name, code, host, code, name);
	return tui_msgbox(ui, text);
}

/*
 * Writes the export the form describes and shows its code.  Returns
 * TUI_OK when done, TUI_CANCEL to stay in the form after an error.
 */
static int
run_export(struct tui *ui, struct export_form *ef, struct tui_form *form)
{
	struct mn_export_request req;
	struct mn_export ex;
	struct mn_error err;
	char *values[ROW_COUNT] = { NULL };
	char name[96], code[MN_EXPORT_CODE_SIZE];
	int rc = TUI_CANCEL;

	mn_error_clear(&err);
	for (int r = 0; r < ROW_COUNT; r++)
		values[r] = row_value(ef, r);
	memset(&req, 0, sizeof req);
	req.kind = ef->kind;
	req.year = values[ROW_YEAR];
	req.class_code = values[ROW_CLASS];
	req.month = values[ROW_MONTH];
	req.round = values[ROW_ROUND];
	req.week = values[ROW_WEEK];
	req.date = values[ROW_DATE];
	req.group = values[ROW_GROUP];
	req.approval = ef->approval.id[0] != '\0' ? ef->approval.id : NULL;
	if (values[ROW_FORMAT] == NULL ||
	    (strcmp(values[ROW_FORMAT], "csv") != 0 &&
	    strcmp(values[ROW_FORMAT], "xlsx") != 0)) {
		char shown[VALUE_MAX * 4 + 1];

		mn_text_safe(values[ROW_FORMAT] ? values[ROW_FORMAT] : "",
		    shown, sizeof shown);
		mn_fail(&err, MN_ERR_INVALID, "format", T("format: invalid "
		    "value '%s'; expected csv or xlsx", "định dạng: giá trị "
		    "'%s' không hợp lệ; cần csv hoặc xlsx"), shown);
		goto fail;
	}
	req.xlsx = strcmp(values[ROW_FORMAT], "xlsx") == 0;
	file_name(&req, name, sizeof name);
	if (mn_export_begin(ui->ctx, ui->ctx->actor.account_id,
	    ui->ctx->actor.login, name, &ex, &err) != MN_OK)
		goto fail;
	if (mn_export_write(ui->ctx, &req, ex.path, &err) != MN_OK) {
		mn_export_abort(&ex);
		goto fail;
	}
	if (mn_export_finish(ui->ctx, &ex, code, sizeof code, &err) !=
	    MN_OK) {
		mn_export_abort(&ex);
		goto fail;
	}
	rc = show_code(ui, code, ex.name);
	if (rc == TUI_OK)
		tui_message(ui, T("Export code %s", "Mã tải %s"), code);
	goto out;
fail:
	tui_error(ui, "%s", err.message);
	if (err.field[0] != '\0')
		tui_form_focus(form, err.field);
out:
	for (int r = 0; r < ROW_COUNT; r++)
		free(values[r]);
	return rc;
}

/* Runs the form of one kind, which keeps a draft under "export:NAME". */
static int
export_kind(struct tui *ui, enum mn_export_kind kind)
{
	struct export_form ef;
	struct tui_form form;
	char key[MN_DRAFT_KEY_SIZE];
	int rc;

	memset(&ef, 0, sizeof ef);
	ef.kind = kind;
	if ((rc = build_form(ui, &ef)) != TUI_OK)
		return rc;
	if (mn_export_kind_personal(kind)) {
		char *class_code = row_value(&ef, ROW_CLASS);

		rc = pick_approval(ui, &ef, class_code);
		free(class_code);
		if (rc != TUI_OK)
			return rc == TUI_END ? TUI_END : TUI_OK;
		/* An approval for one class: the export is of that class. */
		if (ef.approval.class_code[0] != '\0' &&
		    ef.slot[ROW_CLASS] >= 0)
			tui_field_set(&ef.rows[ef.slot[ROW_CLASS]].field,
			    ef.approval.class_code);
		snprintf(ef.note, sizeof ef.note, T("Personal data, under "
		    "approval %s (%s%s%s, until %s): %s", "Dữ liệu cá nhân, "
		    "theo phê duyệt %s (%s%s%s, đến %s): %s"), ef.approval.id,
		    mn_approval_kind_label(ef.approval.data_kind),
		    ef.approval.class_code[0] != '\0' ? T(", class ",
		    ", lớp ") : "", ef.approval.class_code,
		    ef.approval.valid_until, ef.approval.purpose);
	}
	memset(&form, 0, sizeof form);
	form.rows = ef.rows;
	form.nrows = ef.nrows;
	form.enter_submits = true;
	form.quiet_cancel = true;
	form.keys = form_keys;
	snprintf(key, sizeof key, "export:%s", mn_export_kind_name(kind));
	form.draft_key = key;
	form.note = ef.note[0] != '\0' ? ef.note : NULL;
	tui_enter(ui, mn_export_kind_label(kind));
	for (;;) {
		rc = tui_form_run(ui, &form);
		if (rc != TUI_OK)
			break;
		/* After an error the form stays, on the field it names. */
		if ((rc = run_export(ui, &ef, &form)) != TUI_CANCEL)
			break;
	}
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

/* Reopens the export form of a draft "NAME", if the actor may use it. */
int
export_reopen(struct tui *ui, const char *record)
{
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	for (int k = 0; k < MN_EXPORT_KIND_COUNT; k++)
		if (strcmp(mn_export_kind_name(k), record) == 0 &&
		    mn_export_kind_allowed(&ui->ctx->actor, k))
			return export_kind(ui, (enum mn_export_kind)k);
	return TUI_CANCEL;
}

int
screen_export(struct tui *ui)
{
	struct tui_list list;
	enum mn_export_kind offered[MN_EXPORT_KIND_COUNT];
	int n = 0, action, row, rc = TUI_OK;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	tui_list_init(&list, kind_column, 1);
	for (int k = 0; k < MN_EXPORT_KIND_COUNT; k++) {
		const char *cell[1];

		if (!mn_export_kind_allowed(&ui->ctx->actor, k))
			continue;
		cell[0] = mn_export_kind_label(k);
		if (tui_list_add(&list, cell) != MN_OK)
			break;
		offered[n++] = (enum mn_export_kind)k;
	}
	for (;;) {
		action = tui_list_run(ui, &list, kind_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action != TUI_ACT_SELECT ||
		    (row = tui_list_selected(&list)) < 0 || row >= n)
			continue;
		if ((rc = export_kind(ui, offered[row])) == TUI_END)
			break;
	}
	tui_list_free(&list);
	return rc;
}
