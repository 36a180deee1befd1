/*
 * The consent register.  For one child, each purpose with the consent
 * in force; Enter grants or withdraws it.  A parent records it from
 * their own account (from the child's page, 40x15); staff find the
 * child by school code and record a signed paper form, naming it and
 * its signer (80x24).  'h' shows the child's history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/consent.h"
#include "core/date.h"
#include "core/parents.h"
#include "tui/draft_kinds.h"
#include "tui/screens.h"

enum {
	ACT_HISTORY = TUI_ACT_USER,
};

static const struct tui_keydef consent_keys[] = {
	{ { TK_ENTER }, "Enter", "Grant/withdraw", "Đồng ý/rút lại",
	    TUI_ACT_SELECT },
	{ { 'h' }, "h", "History", "Lịch sử", ACT_HISTORY },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ .name = NULL }
};

static const struct tui_keydef read_keys[] = {
	{ { TK_ESC, TK(KEY_LEFT), TK_ENTER }, "Esc", "Back", "Quay lại",
	    TUI_ACT_BACK },
	{ .name = NULL }
};

static const struct tui_column consent_columns[] = {
	{ "Consent", "Đồng ý", 9 },
	{ "Purpose", "Mục đích", 0 },
};

/* Maximum rows of the consent list, where a long purpose takes several. */
#define MAX_ROWS 64

/*
 * Lists each purpose with its consent; of[row] is the purpose's index.
 * A purpose wider than its column is wrapped onto rows of its own with
 * an empty first cell, which read as one entry on a 40-column phone.
 */
static void
fill(struct tui *ui, struct tui_list *list, int64_t child_id,
    bool *granted, int *of)
{
	const char *const *purposes = mn_consent_purposes();
	struct mn_error err;
	/* The list pads the first column to its widest cell, then 2 cells. */
	int first = tui_width(T(consent_columns[0].en, consent_columns[0].vi));
	int width;

	if (tui_width(T("no", "không")) > first)
		first = tui_width(T("no", "không"));
	width = COLS - 2 - first - 2;
	tui_list_clear(list);
	for (int i = 0; purposes[i] != NULL; i++) {
		struct mn_consent c;
		const char *cells[2];
		char lines[4][256];
		int n;

		mn_error_clear(&err);
		if (mn_consent_get(ui->ctx, child_id, purposes[i], &c, &err) !=
		    MN_OK) {
			tui_error(ui, "%s", err.message);
			return;
		}
		granted[i] = c.id != 0 && c.granted;
		cells[0] = granted[i] ? T("yes", "có") : T("no", "không");
		n = tui_wrap(mn_consent_purpose_label(purposes[i]),
		    width > 10 ? width : 10, lines, 4);
		for (int k = 0; k < n && list->nrows < MAX_ROWS; k++) {
			cells[1] = lines[k];
			of[list->nrows] = i;
			tui_list_add(list, cells);
			cells[0] = "";
		}
	}
}

static int
write_history(const struct mn_consent *c, void *arg)
{
	FILE *f = arg;
	const char *label = mn_consent_purpose_label(c->purpose);
	char when[32];

	mn_time_local(c->recorded_at, when, sizeof when);
	fprintf(f, "%s %s\n  %s", when, label != NULL ? label :
	    c->purpose, c->granted ? T("granted", "đồng ý") :
	    T("withdrawn", "rút lại"));
	if (strcmp(c->source, "paper_form") == 0)
		fprintf(f, ", %s %s, %s %s", T("form", "phiếu"), c->paper_ref,
		    T("signed by", "người ký"), c->given_by);
	fprintf(f, ", %s %s\n", T("recorded by", "người ghi"),
	    c->recorded_by);
	return 0;
}

static int
show_history(struct tui *ui, int64_t child_id)
{
	struct mn_error err;
	char *text = NULL;
	size_t size;
	FILE *f;
	int action;

	if ((f = open_memstream(&text, &size)) == NULL)
		return TUI_OK;
	mn_error_clear(&err);
	if (mn_consent_history(ui->ctx, child_id, write_history, f, &err) !=
	    MN_OK)
		fprintf(f, "%s\n", err.message);
	if (ftell(f) == 0)
		fprintf(f, "%s\n", T("Nothing recorded: no consent is given.",
		    "Chưa ghi nhận gì: trẻ chưa có sự đồng ý nào."));
	fclose(f);
	action = screen_text(ui, text != NULL ? text : "", read_keys);
	free(text);
	return action == TUI_ACT_END ? TUI_END : TUI_OK;
}

/*
 * Staff name the signed paper form; the parent confirms only.  The
 * staff form keeps a draft under "consent:CHILD:PURPOSE:grant" or
 * "...:withdraw".
 */
static int
record(struct tui *ui, int64_t child_id, const char *purpose, bool grant)
{
	struct tui_form_row rows[] = {
		{ .name = "paper_ref", .en = "Form reference",
		    .vi = "Số phiếu" },
		{ .name = "given_by", .en = "Signed by", .vi = "Người ký" },
	};
	struct tui_form form = { .rows = rows, .nrows = 2,
	    .enter_submits = true };
	/* Staff record the paper form; a parent answers from the account. */
	bool parent = !mn_allowed(&ui->ctx->actor, MN_ACT_CONSENT_RECORD);
	struct mn_error err;
	char question[512], heading[512], key[MN_DRAFT_KEY_SIZE];
	int rc;

	snprintf(heading, sizeof heading, "%s: %s", grant ?
	    T("Grant", "Đồng ý") : T("Withdraw", "Rút lại"),
	    mn_consent_purpose_label(purpose));
	form.heading = heading;

	if (parent) {
		snprintf(question, sizeof question, "%s: %s?", grant ?
		    T("Grant consent", "Đồng ý") : T("Withdraw consent",
		    "Rút lại sự đồng ý"), mn_consent_purpose_label(purpose));
		if ((rc = tui_confirm(ui, question, false)) != TUI_OK)
			return rc == TUI_END ? TUI_END : TUI_OK;
		mn_error_clear(&err);
		if (mn_consent_set(ui->ctx, child_id, purpose, grant, NULL,
		    NULL, &err) != MN_OK)
			tui_error(ui, "%s", err.message);
		else
			tui_message(ui, "%s", T("Recorded", "Đã ghi nhận"));
		return TUI_OK;
	}
	snprintf(key, sizeof key, "consent:%lld:%s:%s", (long long)child_id,
	    purpose, grant ? "grant" : "withdraw");
	form.draft_key = key;
	tui_field_init(&rows[0].field, 100, TUI_SHOW);
	tui_field_init(&rows[1].field, 100, TUI_SHOW);
	for (;;) {
		char *ref, *by;

		if ((rc = tui_form_run(ui, &form)) != TUI_OK)
			return rc;
		ref = tui_field_get(&rows[0].field);
		by = tui_field_get(&rows[1].field);
		mn_error_clear(&err);
		rc = mn_consent_set(ui->ctx, child_id, purpose, grant, ref, by,
		    &err);
		free(ref);
		free(by);
		if (rc == MN_OK) {
			tui_message(ui, "%s", grant ? T("Consent recorded",
			    "Đã ghi sự đồng ý") : T("Withdrawal recorded",
			    "Đã ghi việc rút lại"));
			return TUI_OK;
		}
		tui_form_failed(ui, &form, &err);
	}
}

/* The consents of one child; Esc goes back. */
int
consent_child_view(struct tui *ui, int64_t child_id)
{
	const char *const *purposes = mn_consent_purposes();
	struct tui_list list;
	bool granted[16] = { false };
	int of[MAX_ROWS], rc = TUI_OK;

	tui_list_init(&list, consent_columns, 2);
	fill(ui, &list, child_id, granted, of);
	for (;;) {
		int action, row;

		screen_set_parent_minimum(ui);
		action = tui_list_run(ui, &list, consent_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		row = tui_list_selected(&list);
		if (action == ACT_HISTORY)
			rc = show_history(ui, child_id);
		else if (row >= 0 && row < list.nrows)
			rc = record(ui, child_id, purposes[of[row]],
			    !granted[of[row]]);
		if (rc == TUI_END)
			break;
		rc = TUI_OK;
		fill(ui, &list, child_id, granted, of);
		list.sel = row >= 0 && row < list.nshown ? row : 0;
	}
	tui_list_free(&list);
	return rc;
}

/* Staff: asks for a child's school code, then shows its consents. */
int
screen_consents(struct tui *ui)
{
	struct tui_form_row field[] = {
		{ .name = "child", .en = "Child code", .vi = "Mã trẻ" },
	};
	struct tui_form form = { .rows = field, .nrows = 1,
	    .enter_submits = true, .quiet_cancel = true };
	int rc;

	tui_field_init(&field[0].field, 31, TUI_SHOW);
	for (;;) {
		struct mn_error err;
		int64_t child_id = 0;
		char *code;

		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		if ((rc = tui_form_run(ui, &form)) != TUI_OK)
			return rc;
		code = tui_field_get(&field[0].field);
		mn_error_clear(&err);
		rc = mn_parent_find_child(ui->ctx, code != NULL ? code : "",
		    &child_id, &err);
		if (rc != MN_OK) {
			tui_error(ui, "%s", err.message);
			free(code);
			continue;
		}
		tui_enter(ui, code);
		rc = consent_child_view(ui, child_id);
		tui_leave(ui);
		free(code);
		if (rc == TUI_END)
			return rc;
	}
}

/*
 * Reopens a staff consent form of a draft "CHILD:PURPOSE:grant" or
 * "CHILD:PURPOSE:withdraw".
 * NOTE: consent records carry no version, so a reopened grant is
 * recorded even when someone else recorded one meanwhile.
 */
int
consent_reopen(struct tui *ui, const char *record_text)
{
	const char *const *purposes = mn_consent_purposes();
	char purpose[64], action[16];
	long long child_id;
	int n = 0;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	if (sscanf(record_text, "%lld:%63[a-z_]:%15[a-z]%n", &child_id,
	    purpose, action, &n) != 3 || record_text[n] != '\0' ||
	    child_id <= 0)
		return TUI_CANCEL;
	for (int i = 0; purposes[i] != NULL; i++)
		if (strcmp(purposes[i], purpose) == 0 &&
		    (strcmp(action, "grant") == 0 ||
		    strcmp(action, "withdraw") == 0))
			return record(ui, child_id, purposes[i],
			    strcmp(action, "grant") == 0);
	return TUI_CANCEL;
}
