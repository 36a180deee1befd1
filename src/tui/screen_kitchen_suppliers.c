/*
 * The supplier register: name, address, phone, what each supplier
 * delivers, the food-safety certificate with its expiry, and whether the
 * school still buys from it.  The kitchen adds and edits suppliers; the
 * accountant and the nurse read.  Purchases and receiving checks pick a
 * supplier from here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kitchen_edit.h"
#include "tui/kitchen_ui.h"
#include "tui/screens.h"

enum {
	ACT_EDIT = TUI_ACT_USER,
	ACT_NEW,
};

static const struct tui_keydef supplier_keys[] = {
	{ { TK_ENTER, 'e' }, "Enter", "Edit", "Sửa", ACT_EDIT },
	{ { 'n', TK(KEY_IC) }, "n", "New supplier", "Thêm", ACT_NEW },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct kui_key_right plan_keys[] = {
	{ ACT_EDIT, MN_KITCHEN_PLAN },
	{ ACT_NEW, MN_KITCHEN_PLAN },
};

#define NPLAN (sizeof plan_keys / sizeof plan_keys[0])
#define KEYS_MAX 16

static const struct tui_column supplier_columns[] = {
	{ "Supplier", "Nơi cung cấp", 28 },
	{ "Phone", "Điện thoại", 11 },
	{ "Supplies", "Mặt hàng", 16 },
	{ "Certificate until", "GCN ATTP đến", 12 },
	{ "Status", "Trạng thái", 0 },
};

enum {
	S_NAME, S_ADDRESS, S_PHONE, S_SUPPLIES, S_CERT, S_EXPIRY, S_ACTIVE,
	S_ROWS
};

/* Reads the form into s; the expiry is typed dd/mm/yyyy. */
static int
read_supplier(struct tui_form_row *rows, struct mn_supplier *s,
    struct mn_error *err)
{
	char *text[S_ROWS];
	int rc = MN_OK;

	for (int i = 0; i < S_ROWS; i++)
		if ((text[i] = tui_field_get(&rows[i].field)) == NULL)
			rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if (rc == MN_OK) {
		snprintf(s->name, sizeof s->name, "%s", text[S_NAME]);
		snprintf(s->address, sizeof s->address, "%s",
		    text[S_ADDRESS]);
		snprintf(s->phone, sizeof s->phone, "%s", text[S_PHONE]);
		snprintf(s->supplies, sizeof s->supplies, "%s",
		    text[S_SUPPLIES]);
		snprintf(s->certificate_no, sizeof s->certificate_no, "%s",
		    text[S_CERT]);
		s->certificate_expiry[0] = '\0';
		s->active = strcmp(text[S_ACTIVE], "c") == 0 ||
		    strcmp(text[S_ACTIVE], "y") == 0;
		if (!s->active && strcmp(text[S_ACTIVE], "k") != 0 &&
		    strcmp(text[S_ACTIVE], "n") != 0)
			rc = mn_fail(err, MN_ERR_INVALID, "active",
			    T("still buying: invalid value '%.10s'; expected "
			    "c (yes) or k (no)", "đang giao dịch: giá trị "
			    "'%.10s' không hợp lệ; cần c (có) hoặc k (không)"),
			    text[S_ACTIVE]);
	}
	if (rc == MN_OK && text[S_EXPIRY][0] != '\0') {
		struct mn_date d;

		if ((rc = mn_date_parse(text[S_EXPIRY], "certificate_expiry",
		    &d, err)) == MN_OK)
			mn_date_format_iso(&d, s->certificate_expiry,
			    sizeof s->certificate_expiry);
	}
	for (int i = 0; i < S_ROWS; i++)
		free(text[i]);
	return rc;
}

/*
 * Runs the supplier form; id 0 adds one.  Draft keys
 * "kitchen:supplier_new" and "kitchen:supplier:ID".
 */
static int
supplier_form(struct tui *ui, const struct mn_supplier *old)
{
	struct tui_form_row rows[S_ROWS] = {
		{ .name = "name", .en = "Name", .vi = "Tên" },
		{ .name = "address", .en = "Address", .vi = "Địa chỉ" },
		{ .name = "phone", .en = "Phone", .vi = "Điện thoại" },
		{ .name = "supplies", .en = "Supplies", .vi = "Mặt hàng" },
		{ .name = "certificate_no", .en = "Food-safety certificate no.",
		    .vi = "Số GCN an toàn thực phẩm" },
		{ .name = "certificate_expiry",
		    .en = "Certificate valid until (dd/mm/yyyy)",
		    .vi = "GCN hết hạn (dd/mm/yyyy)" },
		{ .name = "active", .en = "Still buying (c/k)",
		    .vi = "Đang giao dịch (c/k)" },
	};
	static const int letters[S_ROWS] = { 200, 300, 20, 300, 60, 10, 1 };
	struct tui_form form = { .rows = rows, .nrows = S_ROWS };
	struct mn_supplier s;
	struct mn_error err;
	char key[48];
	int rc;

	for (int i = 0; i < S_ROWS; i++)
		tui_field_init(&rows[i].field, letters[i], TUI_SHOW);
	memset(&s, 0, sizeof s);
	if (old != NULL) {
		s = *old;
		tui_field_set(&rows[S_NAME].field, old->name);
		tui_field_set(&rows[S_ADDRESS].field, old->address);
		tui_field_set(&rows[S_PHONE].field, old->phone);
		tui_field_set(&rows[S_SUPPLIES].field, old->supplies);
		tui_field_set(&rows[S_CERT].field, old->certificate_no);
		if (old->certificate_expiry[0] != '\0') {
			struct mn_date d;
			char text[16];

			if (mn_date_parse_iso(old->certificate_expiry, "date",
			    &d, NULL) == MN_OK) {
				mn_date_format(&d, text, sizeof text);
				tui_field_set(&rows[S_EXPIRY].field, text);
			}
		}
		snprintf(key, sizeof key, "kitchen:supplier:%lld",
		    (long long)old->id);
		form.version = old->version;
	} else
		snprintf(key, sizeof key, "kitchen:supplier_new");
	tui_field_set(&rows[S_ACTIVE].field, old == NULL || old->active ?
	    "c" : "k");
	form.draft_key = key;
	tui_enter(ui, old != NULL ? old->name : T("New supplier",
	    "Thêm nơi cung cấp"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		mn_error_clear(&err);
		s.version = form.version;
		if (read_supplier(rows, &s, &err) == MN_OK &&
		    mn_kitchen_supplier_save(ui->ctx, &s, &err) == MN_OK) {
			tui_message(ui, T("Supplier saved",
			    "Đã lưu nơi cung cấp"));
			break;
		}
		tui_error(ui, "%s", err.message);
		tui_form_focus(&form, err.field);
	}
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

static void
fill(struct tui *ui, struct tui_list *l, struct mn_supplier **rows,
    size_t *n)
{
	struct mn_error err;
	struct mn_date today;
	char today_iso[11];

	tui_list_clear(l);
	free(*rows);
	*rows = NULL;
	*n = 0;
	mn_error_clear(&err);
	if (mn_kitchen_supplier_list(ui->ctx, false, rows, n, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return;
	}
	mn_date_today(&today);
	mn_date_format_iso(&today, today_iso, sizeof today_iso);
	for (size_t i = 0; i < *n; i++) {
		const struct mn_supplier *s = &(*rows)[i];
		char until[16] = "";
		const char *status;
		const char *cells[5] = { s->name, s->phone, s->supplies,
		    until, NULL };
		struct mn_date d;

		if (mn_date_parse_iso(s->certificate_expiry, "date", &d,
		    NULL) == MN_OK)
			mn_date_format(&d, until, sizeof until);
		if (!s->active)
			status = T("inactive", "ngừng giao dịch");
		else if (s->certificate_expiry[0] == '\0')
			status = T("no certificate", "chưa có GCN");
		else if (strcmp(s->certificate_expiry, today_iso) < 0)
			status = T("certificate expired", "GCN hết hạn");
		else
			status = T("active", "đang giao dịch");
		cells[4] = status;
		tui_list_add(l, cells);
	}
}

/* The supplier list screen's rows, for kui_list_loop. */
struct supplier_screen {
	struct tui_list list;
	struct mn_supplier *rows;
	size_t n;
};

static struct tui_list *
reload_suppliers(struct tui *ui, void *arg)
{
	struct supplier_screen *ss = arg;

	fill(ui, &ss->list, &ss->rows, &ss->n);
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	return &ss->list;
}

static int
act_on_supplier(struct tui *ui, int action, void *arg)
{
	struct supplier_screen *ss = arg;
	int row = tui_list_selected(&ss->list);

	if (action == ACT_NEW)
		return supplier_form(ui, NULL);
	if (action == ACT_EDIT && row >= 0 && (size_t)row < ss->n)
		return supplier_form(ui, &ss->rows[row]);
	return TUI_OK;
}

int
screen_kitchen_suppliers(struct tui *ui)
{
	struct tui_keydef keys[KEYS_MAX];
	struct supplier_screen ss = { .rows = NULL, .n = 0 };
	int rc;

	kui_filter_keys(ui, supplier_keys, plan_keys, NPLAN, keys, KEYS_MAX);
	tui_list_init(&ss.list, supplier_columns, 5);
	ss.list.empty_en = "No suppliers in the register";
	ss.list.empty_vi = "Chưa có nơi cung cấp";
	rc = kui_list_loop(ui, T("Suppliers", "Nơi cung cấp thực phẩm"), keys,
	    reload_suppliers, act_on_supplier, &ss);
	tui_list_free(&ss.list);
	free(ss.rows);
	return rc;
}

/* Reopens "supplier_new" or "supplier:ID" from a draft. */
int
kitchen_supplier_reopen(struct tui *ui, const char *record)
{
	struct mn_supplier s;
	struct mn_error err;

	if (strcmp(record, "supplier_new") == 0)
		return supplier_form(ui, NULL);
	if (strncmp(record, "supplier:", 9) != 0)
		return TUI_CANCEL;
	mn_error_clear(&err);
	if (mn_kitchen_supplier_get(ui->ctx, strtoll(record + 9, NULL, 10),
	    &s, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	return supplier_form(ui, &s);
}
