/*
 * Approvals of data use, for the principal: every request with its
 * status, approve or reject the ones waiting, and write a new request.
 * The core allows only the principal to decide and audits each step.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/approvals.h"
#include "tui/draft_kinds.h"
#include "tui/keys.h"
#include "tui/screens.h"

enum {
	ACT_APPROVE = TUI_ACT_USER,
	ACT_REJECT,
	ACT_NEW,
};

static const struct tui_keydef approval_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Open", "Xem",
	    TUI_ACT_SELECT },
	{ { 'a' }, "a", "Approve", "Duyệt", ACT_APPROVE },
	{ { 'r' }, "r", "Reject", "Từ chối", ACT_REJECT },
	{ { 'n', TK(KEY_IC) }, "n", "New request", "Đề nghị mới", ACT_NEW },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef read_keys[] = {
	{ { TK_ESC, TK(KEY_LEFT), TK_ENTER }, "Esc", "Back", "Quay lại",
	    TUI_ACT_BACK },
	{ .name = NULL }
};

static const struct tui_column approval_columns[] = {
	{ "ID", "Mã", 12 },
	{ "Data", "Dữ liệu", 10 },
	{ "Until", "Đến ngày", 10 },
	{ "Status", "Trạng thái", 10 },
	{ "Requested by", "Người đề nghị", 14 },
	{ "Purpose", "Mục đích", 0 },
};

#define NCOLS 6

struct rows {
	struct tui_list list;
	struct mn_approval *items;
	int n, cap;
};

static const char *
status_label(const char *status)
{
	if (strcmp(status, "requested") == 0)
		return T("requested", "chờ duyệt");
	if (strcmp(status, "approved") == 0)
		return T("approved", "đã duyệt");
	if (strcmp(status, "rejected") == 0)
		return T("rejected", "từ chối");
	if (strcmp(status, "expired") == 0)
		return T("expired", "hết hạn");
	return status;
}

static int
add_row(const struct mn_approval *a, void *arg)
{
	struct rows *rows = arg;
	const char *cells[NCOLS];

	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 16;
		struct mn_approval *grown = realloc(rows->items,
		    sizeof *grown * cap);

		if (grown == NULL)
			return 1;
		rows->items = grown;
		rows->cap = cap;
	}
	cells[0] = a->id;
	cells[1] = a->data_kind;
	cells[2] = a->valid_until;
	cells[3] = status_label(a->status);
	cells[4] = a->requested_by;
	cells[5] = a->purpose;
	if (tui_list_add(&rows->list, cells) != MN_OK)
		return 1;
	rows->items[rows->n++] = *a;
	return 0;
}

static void
reload(struct tui *ui, struct rows *rows)
{
	struct mn_error err;
	int sel = rows->list.sel;

	tui_list_clear(&rows->list);
	rows->n = 0;
	mn_error_clear(&err);
	if (mn_approval_list(ui->ctx, add_row, rows, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	if (sel < rows->list.nshown)
		rows->list.sel = sel;
}

static int
show(struct tui *ui, const struct mn_approval *a)
{
	char *text = NULL;
	size_t size;
	FILE *f;
	int action;

	if ((f = open_memstream(&text, &size)) == NULL)
		return TUI_OK;
	fprintf(f, "%s: %s\n", T("Approval", "Phê duyệt"), a->id);
	fprintf(f, "%s: %s\n", T("Data", "Dữ liệu"), a->data_kind);
	fprintf(f, "%s: %s\n", T("Purpose", "Mục đích"), a->purpose);
	if (a->consent_purpose[0] != '\0')
		fprintf(f, "%s: %s\n", T("Consent needed", "Cần sự đồng ý"),
		    a->consent_purpose);
	fprintf(f, "%s: %s\n", T("Valid until", "Hiệu lực đến"),
	    a->valid_until);
	fprintf(f, "%s: %s\n", T("Status", "Trạng thái"),
	    status_label(a->status));
	fprintf(f, "%s: %s, %s\n", T("Requested", "Đề nghị"),
	    a->requested_by, a->created_at);
	if (a->decided_by[0] != '\0')
		fprintf(f, "%s: %s, %s\n", T("Decided", "Quyết định"),
		    a->decided_by, a->decided_at);
	fprintf(f, "%s: %lld\n", T("Uses", "Số lần dùng"),
	    (long long)a->use_count);
	if (a->last_used_at[0] != '\0')
		fprintf(f, "%s: %s\n", T("Last used", "Dùng lần cuối"),
		    a->last_used_at);
	fclose(f);
	action = screen_text(ui, text != NULL ? text : "", read_keys);
	free(text);
	return action == TUI_ACT_END ? TUI_END : TUI_OK;
}

static int
decide(struct tui *ui, const struct mn_approval *a, bool approve)
{
	struct mn_error err;
	char question[1024];
	int rc;

	snprintf(question, sizeof question, approve ?
	    T("Approve %s (%s, until %s): %s?",
	    "Duyệt %s (%s, đến %s): %s?") :
	    T("Reject %s (%s, until %s): %s?",
	    "Từ chối %s (%s, đến %s): %s?"), a->id, a->data_kind,
	    a->valid_until, a->purpose);
	if ((rc = tui_confirm(ui, question, false)) != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	mn_error_clear(&err);
	if (mn_approval_decide(ui->ctx, a->id, approve, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	else
		tui_message(ui, approve ? T("Approval %s approved",
		    "Đã duyệt %s") : T("Approval %s rejected",
		    "Đã từ chối %s"), a->id);
	return TUI_OK;
}

/* Writes an approval request; the form keeps a draft. */
static int
request(struct tui *ui)
{
	const char *const *kinds = mn_approval_kinds();
	struct tui_form_row rows[] = {
		{ .name = "data_kind", .en = "Data", .vi = "Dữ liệu" },
		{ .name = "purpose", .en = "Purpose", .vi = "Mục đích" },
		{ .name = "consent_purpose", .en = "Consent purpose",
		    .vi = "Mục đích đồng ý" },
		{ .name = "until", .en = "Until (YYYY-MM-DD)",
		    .vi = "Đến ngày (YYYY-MM-DD)" },
	};
	char note[512];
	struct tui_form form = { .rows = rows, .nrows = 4,
	    .enter_submits = true, .note = note,
	    .draft_key = "approval_request" };
	char id[MN_APPROVAL_ID_LEN + 1];
	size_t used = 0;
	int rc;

	used = (size_t)snprintf(note, sizeof note, "%s",
	    T("Data: ", "Dữ liệu: "));
	for (int i = 0; kinds[i] != NULL && used < sizeof note; i++)
		used += (size_t)snprintf(note + used, sizeof note - used,
		    "%s%s", i > 0 ? ", " : "", kinds[i]);
	tui_field_init(&rows[0].field, 15, TUI_SHOW);
	tui_field_init(&rows[1].field, MN_APPROVAL_PURPOSE_MAX, TUI_SHOW);
	tui_field_init(&rows[2].field, 23, TUI_SHOW);
	tui_field_init(&rows[3].field, 10, TUI_SHOW);
	for (;;) {
		char *values[4];
		struct mn_error err;

		if ((rc = tui_form_run(ui, &form)) != TUI_OK)
			return rc;
		for (int i = 0; i < 4; i++)
			values[i] = tui_field_get(&rows[i].field);
		mn_error_clear(&err);
		rc = mn_approval_request(ui->ctx, values[0] ? values[0] : "",
		    values[1] ? values[1] : "", values[2] != NULL &&
		    values[2][0] != '\0' ? values[2] : NULL,
		    values[3] ? values[3] : "", id, &err);
		for (int i = 0; i < 4; i++)
			free(values[i]);
		if (rc == MN_OK) {
			tui_message(ui, T("Request %s written",
			    "Đã ghi đề nghị %s"), id);
			return TUI_OK;
		}
		tui_error(ui, "%s", err.message);
		if (rc != MN_ERR_INVALID)
			return TUI_OK;
		tui_form_focus(&form, err.field);
	}
}

/* Reopens the approval request form of a draft. */
int
approval_request_reopen(struct tui *ui, const char *record)
{
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	return request(ui);
}

int
screen_approvals(struct tui *ui)
{
	struct tui_keydef keys[TUI_KEYS_MAX];
	bool may_decide = mn_allowed(&ui->ctx->actor, MN_ACT_APPROVAL_DECIDE);
	struct rows rows;
	int rc = TUI_CANCEL;

	memset(&rows, 0, sizeof rows);
	tui_keys_copy(approval_keys, keys, TUI_KEYS_MAX);
	tui_keys_offer(keys, ACT_APPROVE, may_decide);
	tui_keys_offer(keys, ACT_REJECT, may_decide);
	tui_keys_offer(keys, ACT_NEW, mn_allowed(&ui->ctx->actor,
	    MN_ACT_APPROVAL_REQUEST));
	tui_list_init(&rows.list, approval_columns, NCOLS);
	rows.list.empty_en = "No approvals.";
	rows.list.empty_vi = "Chưa có phê duyệt nào.";
	reload(ui, &rows);
	for (;;) {
		int action, row;

		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &rows.list, keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		row = tui_list_selected(&rows.list);
		if (action == ACT_NEW)
			rc = request(ui);
		else if (row < 0)
			tui_error(ui, "%s", T("No approval selected",
			    "Chưa chọn phê duyệt nào"));
		else if (action == ACT_APPROVE || action == ACT_REJECT)
			rc = decide(ui, &rows.items[row],
			    action == ACT_APPROVE);
		else
			rc = show(ui, &rows.items[row]);
		if (rc == TUI_END)
			break;
		rc = TUI_CANCEL;
		reload(ui, &rows);
	}
	tui_list_free(&rows.list);
	free(rows.items);
	return rc;
}
