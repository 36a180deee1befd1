/*
 * "Phê duyệt dữ liệu": approvals of data use.  Staff list the requests
 * they made (or that were made for them) with their status and the
 * principal's note, and write new ones.  The principal lists every
 * request, approves or rejects it (a rejection with a reason), and may
 * write a request for another account.  The export screen
 * offers the approvals its user may use, so nobody types an ID.  The
 * core checks access and audits each step.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/approvals.h"
#include "core/consent.h"
#include "core/date.h"
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
	{ "Data", "Dữ liệu", 12 },
	{ "Class", "Lớp", 6 },
	{ "Until", "Đến ngày", 10 },
	{ "Status", "Trạng thái", 10 },
	{ "For", "Cho", 12 },
	{ "Purpose", "Mục đích", 0 },
};

#define NCOLS 7

struct rows {
	struct tui_list list;
	struct mn_approval *items;
	int n, cap;
};

static int
add_row(const struct mn_approval *a, void *arg)
{
	struct rows *rows = arg;
	const char *cells[NCOLS];
	struct mn_date d = { 0, 0, 0 };
	char until[16];

	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 16;
		struct mn_approval *grown = realloc(rows->items,
		    sizeof *grown * cap);

		if (grown == NULL)
			return 1;
		rows->items = grown;
		rows->cap = cap;
	}
	mn_date_parse_iso(a->valid_until, "until", &d, NULL);
	mn_date_format(&d, until, sizeof until);
	cells[0] = a->id;
	cells[1] = mn_approval_kind_label(a->data_kind);
	cells[2] = a->class_code;
	cells[3] = until;
	cells[4] = mn_approval_status_label(a->status);
	cells[5] = a->requested_by;
	cells[6] = a->purpose;
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
	struct mn_date d = { 0, 0, 0 };
	char *text = NULL, when[32];
	size_t size;
	FILE *f;
	int action;

	if ((f = open_memstream(&text, &size)) == NULL)
		return TUI_OK;
	fprintf(f, "%s: %s\n", T("Approval", "Phê duyệt"), a->id);
	fprintf(f, "%s: %s\n", T("Data", "Dữ liệu"),
	    mn_approval_kind_label(a->data_kind));
	fprintf(f, "%s: %s\n", T("Class", "Lớp"), a->class_code[0] != '\0' ?
	    a->class_code : T("no class limit", "không giới hạn lớp"));
	fprintf(f, "%s: %s\n", T("Purpose", "Mục đích"), a->purpose);
	if (a->consent_purpose[0] != '\0')
		fprintf(f, "%s: %s\n", T("Consent needed", "Cần sự đồng ý"),
		    mn_consent_purpose_label(a->consent_purpose));
	mn_date_parse_iso(a->valid_until, "until", &d, NULL);
	mn_date_format(&d, when, sizeof when);
	fprintf(f, "%s: %s\n", T("Valid until", "Hiệu lực đến"), when);
	fprintf(f, "%s: %s\n", T("Status", "Trạng thái"),
	    mn_approval_status_label(a->status));
	fprintf(f, "%s: %s\n", T("For", "Cho tài khoản"), a->requested_by);
	mn_time_local(a->created_at, when, sizeof when);
	fprintf(f, "%s: %s, %s\n", T("Requested", "Đề nghị"),
	    a->written_by[0] != '\0' ? a->written_by : a->requested_by,
	    when);
	if (a->decided_by[0] != '\0') {
		mn_time_local(a->decided_at, when, sizeof when);
		fprintf(f, "%s: %s, %s\n", T("Decided", "Quyết định"),
		    a->decided_by, when);
	}
	if (a->decision_note[0] != '\0')
		fprintf(f, "%s: %s\n", strcmp(a->status, "rejected") == 0 ?
		    T("Reason", "Lý do") : T("Note", "Ghi chú"),
		    a->decision_note);
	fprintf(f, "%s: %lld\n", T("Uses", "Số lần dùng"),
	    (long long)a->use_count);
	if (a->last_used_at[0] != '\0') {
		mn_time_local(a->last_used_at, when, sizeof when);
		fprintf(f, "%s: %s\n", T("Last used", "Dùng lần cuối"), when);
	}
	if (strcmp(a->status, "approved") == 0)
		fprintf(f, "\n%s\n", T("Use it from \"Export data\": the "
		    "export form offers it.", "Dùng phê duyệt này trong \"Xuất "
		    "dữ liệu\": màn hình xuất sẽ cho chọn."));
	fclose(f);
	action = screen_text(ui, text != NULL ? text : "", read_keys);
	free(text);
	return action == TUI_ACT_END ? TUI_END : TUI_OK;
}

/*
 * Reads the principal's note, which a rejection requires as its reason,
 * and records the decision.  A failed save keeps the form and the note.
 */
static int
decide_form(struct tui *ui, const struct mn_approval *a, bool approve)
{
	struct tui_form_row rows[] = {
		{ .name = "reason", .en = "Reason", .vi = "Lý do" },
	};
	struct tui_form form = { .rows = rows, .nrows = 1,
	    .enter_submits = true, .quiet_cancel = true };
	struct mn_error err;
	char *note;
	int rc;

	if (approve)
		rows[0].en = "Note (optional)", rows[0].vi =
		    "Ghi chú (không bắt buộc)";
	form.note = approve ? T("The requester sees the note.",
	    "Người đề nghị sẽ thấy ghi chú này.") : T("The requester sees "
	    "the reason.", "Người đề nghị sẽ thấy lý do này.");
	tui_field_init(&rows[0].field, MN_APPROVAL_PURPOSE_MAX, TUI_SHOW);
	for (;;) {
		if ((rc = tui_form_run(ui, &form)) != TUI_OK)
			return rc;
		note = tui_field_get(&rows[0].field);
		if (!approve && (note == NULL || strspn(note, " ") ==
		    strlen(note))) {
			free(note);
			tui_error(ui, "%s", T("reason: missing; say why the "
			    "request is rejected", "lý do: bị thiếu; hãy ghi "
			    "vì sao từ chối"));
			continue;
		}
		mn_error_clear(&err);
		rc = mn_approval_decide_note(ui->ctx, a->id, approve,
		    note != NULL ? note : "", &err);
		free(note);
		if (rc == MN_OK) {
			tui_message(ui, approve ? T("Approval %s approved",
			    "Đã duyệt %s") : T("Approval %s rejected",
			    "Đã từ chối %s"), a->id);
			return TUI_OK;
		}
		tui_form_failed(ui, &form, &err);
	}
}

static int
decide(struct tui *ui, const struct mn_approval *a, bool approve)
{
	char question[1024];
	int rc;

	if (strcmp(a->status, "requested") != 0) {
		tui_error(ui, T("Approval %s is already %s",
		    "Phê duyệt %s đã ở trạng thái %s"), a->id,
		    mn_approval_status_label(a->status));
		return TUI_OK;
	}
	snprintf(question, sizeof question, approve ?
	    T("Approve %s for %s (%s%s%s, until %s): %s?",
	    "Duyệt %s cho %s (%s%s%s, đến %s): %s?") :
	    T("Reject %s for %s (%s%s%s, until %s): %s?",
	    "Từ chối %s cho %s (%s%s%s, đến %s): %s?"), a->id,
	    a->requested_by, mn_approval_kind_label(a->data_kind),
	    a->class_code[0] != '\0' ? T(", class ", ", lớp ") : "",
	    a->class_code, a->valid_until, a->purpose);
	if ((rc = tui_confirm(ui, question, false)) != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	rc = decide_form(ui, a, approve);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

/* Rows of the request form. */
enum {
	REQ_KIND,
	REQ_PURPOSE,
	REQ_CLASS,
	REQ_CONSENT,
	REQ_UNTIL,
	REQ_FOR,
	REQ_COUNT
};

/* Index of the only ticked box, -1 for none, -2 for several. */
static int
ticked(const struct tui_checks *c)
{
	int found = -1;

	for (int i = 0; i < c->n; i++)
		if (c->checked & (1u << i))
			found = found == -1 ? i : -2;
	return found;
}

/*
 * Writes an approval request; the form keeps a draft.  record is ""
 * or "KIND" or "KIND:CLASS", which the export screen passes to fill in
 * what it was asked for.
 */
static int
request(struct tui *ui, const char *record)
{
	const struct mn_actor *actor = &ui->ctx->actor;
	const char *const *all = mn_approval_kinds();
	const char *const *purposes = mn_consent_purposes();
	const char *kinds[TUI_OPTIONS_MAX];
	struct tui_form_row rows[REQ_COUNT] = {
		[REQ_KIND] = { .name = "data", .en = "Data", .vi = "Dữ liệu" },
		[REQ_PURPOSE] = { .name = "purpose", .en = "Purpose",
		    .vi = "Mục đích" },
		[REQ_CLASS] = { .name = "class",
		    .en = "Class (empty: any)",
		    .vi = "Lớp (trống: mọi lớp)" },
		[REQ_CONSENT] = { .name = "consent",
		    .en = "Consent needed (if any)",
		    .vi = "Cần đồng ý (nếu có)" },
		[REQ_UNTIL] = { .name = "until", .en = "Until (dd/mm/yyyy)",
		    .vi = "Đến ngày (dd/mm/yyyy)" },
		[REQ_FOR] = { .name = "for",
		    .en = "For account (empty: you)",
		    .vi = "Cho tài khoản (trống: bạn)" },
	};
	bool for_other = mn_allowed(actor, MN_ACT_APPROVAL_DECIDE);
	struct tui_form form = { .rows = rows,
	    .nrows = for_other ? REQ_COUNT : REQ_COUNT - 1,
	    .enter_submits = true, .draft_key = NULL };
	char key[MN_DRAFT_KEY_SIZE], want[64], id[MN_APPROVAL_ID_LEN + 1];
	char *class_part;
	int nkinds = 0, rc;

	snprintf(want, sizeof want, "%s", record != NULL ? record : "");
	if ((class_part = strchr(want, ':')) != NULL)
		*class_part++ = '\0';
	/* Only the kinds the account may export are worth asking for. */
	memset(&rows[REQ_KIND].checks, 0, sizeof rows[REQ_KIND].checks);
	for (int i = 0; all[i] != NULL && nkinds < TUI_OPTIONS_MAX; i++) {
		if (!mn_approval_kind_useful(actor, all[i]))
			continue;
		if (strcmp(all[i], want) == 0)
			rows[REQ_KIND].checks.checked |= 1u << nkinds;
		kinds[nkinds] = all[i];
		rows[REQ_KIND].checks.labels[nkinds++] =
		    mn_approval_kind_label(all[i]);
	}
	rows[REQ_KIND].checks.n = nkinds;
	if (nkinds == 0) {
		tui_error(ui, "%s", T("Your account exports no personal data, "
		    "so it needs no approval", "Tài khoản của bạn không xuất "
		    "dữ liệu cá nhân nên không cần phê duyệt"));
		return TUI_OK;
	}
	if (nkinds == 1)
		rows[REQ_KIND].checks.checked = 1;
	memset(&rows[REQ_CONSENT].checks, 0, sizeof rows[REQ_CONSENT].checks);
	for (int i = 0; purposes[i] != NULL && i < TUI_OPTIONS_MAX; i++)
		rows[REQ_CONSENT].checks.labels[rows[REQ_CONSENT].checks.n++] =
		    mn_consent_purpose_label(purposes[i]);
	tui_field_init(&rows[REQ_PURPOSE].field, MN_APPROVAL_PURPOSE_MAX,
	    TUI_SHOW);
	tui_field_init(&rows[REQ_CLASS].field, 16, TUI_SHOW);
	tui_field_init(&rows[REQ_UNTIL].field, 10, TUI_SHOW);
	tui_field_init(&rows[REQ_FOR].field, 32, TUI_SHOW);
	if (class_part != NULL)
		tui_field_set(&rows[REQ_CLASS].field, class_part);
	snprintf(key, sizeof key, "approval_request%s%s", want[0] != '\0' ?
	    ":" : "", record != NULL ? record : "");
	form.draft_key = key;
	form.note = T("Space ticks a box.  Consent needed: the export then "
	    "leaves out children without that consent.  The principal "
	    "decides; the status shows in \"Data-use approvals\", and an "
	    "approved request is offered in \"Export data\".",
	    "Phím cách để đánh dấu ô.  Cần đồng ý: tệp xuất sẽ bỏ các trẻ "
	    "chưa có sự đồng ý đó.  Hiệu trưởng sẽ duyệt; trạng thái hiện "
	    "trong \"Phê duyệt dữ liệu\", và phê duyệt đã duyệt sẽ có sẵn "
	    "trong \"Xuất dữ liệu\".");
	tui_enter(ui, T("New approval request", "Đề nghị phê duyệt mới"));
	for (;;) {
		struct mn_approval_form req;
		struct mn_error err;
		char *values[REQ_COUNT] = { NULL };
		int kind, consent;

		if ((rc = tui_form_run(ui, &form)) != TUI_OK)
			break;
		kind = ticked(&rows[REQ_KIND].checks);
		consent = ticked(&rows[REQ_CONSENT].checks);
		if (kind < 0) {
			tui_error(ui, "%s", T("data: tick one kind of data",
			    "dữ liệu: hãy đánh dấu một loại dữ liệu"));
			tui_form_focus(&form, "data");
			continue;
		}
		if (consent == -2) {
			tui_error(ui, "%s", T("consent: tick one purpose at "
			    "most", "đồng ý: chỉ đánh dấu tối đa một mục"));
			tui_form_focus(&form, "consent");
			continue;
		}
		for (int i = REQ_PURPOSE; i < REQ_COUNT; i++)
			if (i != REQ_CONSENT)
				values[i] = tui_field_get(&rows[i].field);
		memset(&req, 0, sizeof req);
		req.data_kind = kinds[kind];
		req.purpose = values[REQ_PURPOSE] ? values[REQ_PURPOSE] : "";
		req.class_code = values[REQ_CLASS];
		req.consent_purpose = consent >= 0 ? purposes[consent] : NULL;
		req.until = values[REQ_UNTIL] ? values[REQ_UNTIL] : "";
		req.for_login = for_other ? values[REQ_FOR] : NULL;
		mn_error_clear(&err);
		rc = mn_approval_request_form(ui->ctx, &req, id, &err);
		for (int i = 0; i < REQ_COUNT; i++)
			free(values[i]);
		if (rc == MN_OK) {
			tui_message(ui, T("Request %s sent to the principal",
			    "Đã gửi đề nghị %s cho hiệu trưởng"), id);
			rc = TUI_OK;
			break;
		}
		tui_form_failed(ui, &form, &err);
		if (err.field[0] == 'm')
			tui_form_focus(&form, "purpose");
	}
	tui_leave(ui);
	return rc;
}

/* True when the account exports some personal data at all. */
static bool
any_kind_useful(const struct mn_actor *actor)
{
	const char *const *all = mn_approval_kinds();

	for (int i = 0; all[i] != NULL; i++)
		if (mn_approval_kind_useful(actor, all[i]))
			return true;
	return false;
}

/* Reopens the approval request form of a draft. */
int
approval_request_reopen(struct tui *ui, const char *record)
{
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	return request(ui, record);
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
	    MN_ACT_APPROVAL_REQUEST) && any_kind_useful(&ui->ctx->actor));
	tui_list_init(&rows.list, approval_columns, NCOLS);
	rows.list.empty_en = may_decide ? "No approvals." :
	    "No requests yet: n writes one for the principal.";
	rows.list.empty_vi = may_decide ? "Chưa có phê duyệt nào." :
	    "Chưa có đề nghị nào: n để gửi đề nghị cho hiệu trưởng.";
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
			rc = request(ui, "");
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
