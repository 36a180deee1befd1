/*
 * Helpers shared by the nutrition and kitchen screens.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kitchen_edit.h"
#include "core/nutrition.h"
#include "core/validate.h"
#include "tui/draft_kinds.h"
#include "tui/kitchen_ui.h"

/* Inserts '.' every three digits of the digits in text. */
static void
group_thousands(const char *digits, bool negative, char *buf, size_t size)
{
	size_t len = strlen(digits), used = 0;

	if (negative && used + 1 < size)
		buf[used++] = '-';
	for (size_t i = 0; i < len && used + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[used++] = '.';
		buf[used++] = digits[i];
	}
	buf[used] = '\0';
}

void
kui_money(int64_t amount, char *buf, size_t size)
{
	char digits[32];
	unsigned long long magnitude = amount < 0 ?
	    (unsigned long long)(-(amount + 1)) + 1 :
	    (unsigned long long)amount;

	snprintf(digits, sizeof digits, "%llu", magnitude);
	group_thousands(digits, amount < 0, buf, size);
}

void
kui_number(double value, int decimals, char *buf, size_t size)
{
	char text[64], whole[64], *dot;
	double r = mn_round_half_up(value, decimals);
	bool negative;

	snprintf(text, sizeof text, "%.*f", decimals, fabs(r));
	/* A value that rounds to zero prints without a sign. */
	negative = r < 0 && strtod(text, NULL) != 0;
	dot = strchr(text, '.');
	if (dot != NULL)
		*dot = '\0';
	group_thousands(text, negative, whole, sizeof whole);
	if (dot != NULL)
		snprintf(buf, size, "%s,%s", whole, dot + 1);
	else
		snprintf(buf, size, "%s", whole);
}

void
kui_day_label(const struct mn_date *d, char *buf, size_t size)
{
	static const char *const en[] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
	};
	static const char *const vi[] = {
		"Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "CN",
	};
	int w = mn_date_weekday(d);

	snprintf(buf, size, "%s %02d/%02d", T(en[w], vi[w]), d->day,
	    d->month);
}

void
kui_week_name(const struct mn_date *monday, char buf[9])
{
	struct mn_date thursday = *monday, jan4;
	long week1;

	kui_add_days(&thursday, 3);
	jan4 = (struct mn_date){ thursday.year, 1, 4 };
	week1 = mn_date_to_days(&jan4) - mn_date_weekday(&jan4);
	snprintf(buf, 9, "%04u-W%02u", (unsigned)thursday.year % 10000u,
	    (unsigned)((mn_date_to_days(monday) - week1) / 7 + 1) % 100u);
}

void
kui_add_days(struct mn_date *d, long days)
{
	mn_date_from_days(mn_date_to_days(d) + days, d);
}

void
kui_monday(struct mn_date *d)
{
	kui_add_days(d, -mn_date_weekday(d));
}

/* NOTE: a kui_ask form keeps no draft because it has one short field. */
int
kui_ask(struct tui *ui, const char *title, const char *label_en,
    const char *label_vi, const char *initial, int max_letters, char **out)
{
	struct tui_form_row row = { .name = "value", .en = label_en,
	    .vi = label_vi };
	struct tui_form form = { .rows = &row, .nrows = 1,
	    .enter_submits = true, .quiet_cancel = true };
	int rc;

	*out = NULL;
	tui_field_init(&row.field, max_letters, TUI_SHOW);
	if (initial != NULL)
		tui_field_set(&row.field, initial);
	tui_enter(ui, title);
	rc = tui_form_run(ui, &form);
	tui_leave(ui);
	if (rc == TUI_OK && (*out = tui_field_get(&row.field)) == NULL)
		rc = TUI_CANCEL;
	return rc;
}

int
kui_ask_date(struct tui *ui, const char *title, struct mn_date *d)
{
	struct mn_error err;
	char initial[16], *text;
	int rc;

	mn_date_format(d, initial, sizeof initial);
	for (;;) {
		rc = kui_ask(ui, title, "Date (dd/mm/yyyy)",
		    "Ngày (dd/mm/yyyy)", initial, 10, &text);
		if (rc != TUI_OK)
			return rc;
		mn_error_clear(&err);
		rc = mn_date_parse(text, "date", d, &err);
		snprintf(initial, sizeof initial, "%s", text);
		free(text);
		if (rc == MN_OK)
			return TUI_OK;
		tui_error(ui, "%s", err.message);
	}
}

void
kui_set_minimum(struct tui *ui)
{
	if ((ui->ctx->actor.roles & ~MN_ROLE_PARENT) == 0)
		tui_set_minimum(ui, TUI_SMALL_COLS, TUI_SMALL_ROWS);
	else
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
}

void
kui_filter_keys(const struct tui *ui, const struct tui_keydef *keys,
    const struct kui_key_right *rights, size_t nrights,
    struct tui_keydef *out, size_t max)
{
	size_t n = 0;

	for (; keys->keys[0] != 0 && n + 1 < max; keys++) {
		bool allowed = true;

		for (size_t i = 0; i < nrights; i++)
			if (rights[i].action == keys->action &&
			    !mn_kitchen_may(&ui->ctx->actor, rights[i].right))
				allowed = false;
		if (allowed)
			out[n++] = *keys;
	}
	memset(&out[n], 0, sizeof out[n]);
}

const char *
kui_row_label(const struct tui_form_row *row, char *buf, size_t size)
{
	char *hint;

	snprintf(buf, size, "%s", T(row->en, row->vi));
	if ((hint = strstr(buf, " (")) != NULL && hint != buf)
		*hint = '\0';
	return buf;
}

int
kui_parse_number(const char *text, const char *field, const char *label,
    bool allow_empty, double *value, struct mn_error *err)
{
	size_t n = strspn(text, " ");

	if (text[n] == '\0' && allow_empty) {
		*value = NAN;
		return MN_OK;
	}
	return mn_parse_number(text, field, label, KUI_DECIMALS, 0,
	    KUI_NUMBER_MAX, value, err);
}

int
kui_parse_range(const char *text, const char *field, const char *label,
    struct mn_range *r, struct mn_error *err)
{
	char buf[64], *dash;
	int rc;

	r->min = r->max = NAN;
	snprintf(buf, sizeof buf, "%s", text);
	/* An en dash, as the lists print ranges, counts as '-'. */
	if ((dash = strstr(buf, "–")) != NULL) {
		*dash = '-';
		memmove(dash + 1, dash + 3, strlen(dash + 3) + 1);
	}
	if (buf[strspn(buf, " ")] == '\0')
		return MN_OK;
	if ((dash = strchr(buf, '-')) == NULL)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: invalid value '%.30s'; expected min-max such as "
		    "615-726, 60- for a minimum only, -10 for a maximum only",
		    "%s: giá trị '%.30s' không hợp lệ; cần dạng tối thiểu-tối "
		    "đa, ví dụ 615-726, 60- nếu chỉ có mức tối thiểu, -10 nếu "
		    "chỉ có mức tối đa"), label, text);
	*dash = '\0';
	if ((rc = kui_parse_number(buf, field, label, true, &r->min,
	    err)) != MN_OK)
		return rc;
	return kui_parse_number(dash + 1, field, label, true, &r->max, err);
}

void
kui_plain_number(double value, char *buf, size_t size)
{
	char *p;

	if (isnan(value)) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, size, "%.3f", value);
	/* Trailing zeros and a bare point add nothing to a form field. */
	if ((p = strchr(buf, '.')) != NULL) {
		char *end = buf + strlen(buf) - 1;

		while (end > p && *end == '0')
			*end-- = '\0';
		if (end == p)
			*end = '\0';
		else
			*p = ',';
	}
}

void
kui_range_text(const struct mn_range *r, char *buf, size_t size)
{
	char lo[32], hi[32];

	kui_plain_number(r->min, lo, sizeof lo);
	kui_plain_number(r->max, hi, sizeof hi);
	if (lo[0] == '\0' && hi[0] == '\0')
		buf[0] = '\0';
	else
		snprintf(buf, size, "%s-%s", lo, hi);
}

static const struct tui_keydef pick_keys[] = {
	{ { TK_ENTER }, "Enter", "Choose", "Chọn", TUI_ACT_SELECT },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column food_pick_columns[] = {
	{ "Code", "Mã", 6 },
	{ "Food", "Thực phẩm", 40 },
	{ "Refuse %", "Thải bỏ %", 9 },
	{ "Unit", "Đơn vị", 0 },
};

/* Runs a pick list; returns the chosen row, -1 for back, -2 to end. */
enum { PICK_BACK = -1, PICK_END = -2 };

static int
run_pick(struct tui *ui, const char *title, struct tui_list *list)
{
	int action, row = PICK_BACK;

	tui_enter(ui, title);
	for (;;) {
		action = tui_list_run(ui, list, pick_keys);
		if (action == TUI_ACT_END) {
			row = PICK_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == TUI_ACT_SELECT &&
		    (row = tui_list_selected(list)) >= 0)
			break;
	}
	tui_leave(ui);
	return row;
}

static int
pick_result(int row)
{
	if (row >= 0)
		return TUI_OK;
	if (row == PICK_END)
		return TUI_END;
	return TUI_CANCEL;
}

int
kui_pick_food(struct tui *ui, const char *title, int *code)
{
	struct mn_food_row *foods = NULL;
	struct tui_list list;
	struct mn_error err;
	struct mn_date today;
	size_t n = 0;
	int row;

	mn_error_clear(&err);
	mn_date_today(&today);
	if (mn_kitchen_food_list(ui->ctx, &today, &foods, &n, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_list_init(&list, food_pick_columns, 4);
	list.empty_en = "The food table is empty";
	list.empty_vi = "Bảng thực phẩm trống";
	for (size_t i = 0; i < n; i++) {
		char c[16], refuse[16];
		const char *cells[4] = { c, foods[i].food.name, refuse,
		    foods[i].food.purchase_unit };

		snprintf(c, sizeof c, "%d", foods[i].food.code);
		kui_number(foods[i].food.refuse_pct, 1, refuse, sizeof refuse);
		tui_list_add(&list, cells);
	}
	row = run_pick(ui, title, &list);
	if (row >= 0)
		*code = foods[row].food.code;
	tui_list_free(&list);
	free(foods);
	return pick_result(row);
}

static const struct tui_column supplier_pick_columns[] = {
	{ "Supplier", "Nơi cung cấp", 40 },
	{ "Supplies", "Mặt hàng", 0 },
};

int
kui_pick_supplier(struct tui *ui, const char *title, int64_t *id,
    char *name, size_t size)
{
	struct mn_supplier *rows = NULL;
	struct tui_list list;
	struct mn_error err;
	struct mn_date today;
	char today_iso[11];
	size_t n = 0;
	int row;
	const char *none[2] = { T("(none from the register)",
	    "(không chọn trong danh sách)"), "" };

	mn_error_clear(&err);
	if (mn_kitchen_supplier_list(ui->ctx, true, &rows, &n, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	mn_date_today(&today);
	mn_date_format_iso(&today, today_iso, sizeof today_iso);
	tui_list_init(&list, supplier_pick_columns, 2);
	tui_list_add(&list, none);
	for (size_t i = 0; i < n; i++) {
		const char *cells[2] = { rows[i].name, rows[i].supplies };
		char what[320], expiry[16];
		struct mn_date d;

		/* The core rejects an expired supplier, so mark it here. */
		if (rows[i].certificate_expiry[0] != '\0' &&
		    strcmp(rows[i].certificate_expiry, today_iso) < 0 &&
		    mn_date_parse_iso(rows[i].certificate_expiry, "",
		    &d, NULL) == MN_OK) {
			mn_date_format(&d, expiry, sizeof expiry);
			snprintf(what, sizeof what, T("certificate expired %s "
			    "- %s", "GCN hết hạn %s - %s"), expiry,
			    rows[i].supplies);
			cells[1] = what;
		}
		tui_list_add(&list, cells);
	}
	row = run_pick(ui, title, &list);
	if (row == 0) {
		*id = 0;
		name[0] = '\0';
	} else if (row > 0) {
		*id = rows[row - 1].id;
		snprintf(name, size, "%s", rows[row - 1].name);
	}
	tui_list_free(&list);
	free(rows);
	return pick_result(row);
}

int
kui_list_loop(struct tui *ui, const char *title,
    const struct tui_keydef *keys,
    struct tui_list *(*reload)(struct tui *ui, void *arg),
    int (*act)(struct tui *ui, int action, void *arg), void *arg)
{
	struct tui_list *list, *previous = NULL;
	int rc = TUI_CANCEL, sel = 0;

	tui_enter(ui, title);
	for (;;) {
		int action;

		/* A reload clears the list, so the selection is put back. */
		list = reload(ui, arg);
		if (list == previous)
			list->sel = sel < list->nshown ? sel : 0;
		action = tui_list_run(ui, list, keys);
		previous = list;
		sel = list->sel;

		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (act(ui, action, arg) == TUI_END) {
			rc = TUI_END;
			break;
		}
	}
	tui_leave(ui);
	return rc;
}

int
kitchen_form_reopen(struct tui *ui, const char *record)
{
	static const struct {
		const char *prefix;
		int (*reopen)(struct tui *, const char *);
	} forms[] = {
		{ "dish_", kitchen_dish_reopen },
		{ "food", kitchen_food_reopen },
		{ "price:", kitchen_food_reopen },
		{ "supplier", kitchen_supplier_reopen },
		{ "requirement:", kitchen_requirement_reopen },
		{ "count:", kitchen_market_reopen },
		{ "check:", kitchen_safety_reopen },
		{ "sample:", kitchen_safety_reopen },
		{ "fee", kitchen_fee_reopen },
	};

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strncmp(record, forms[i].prefix,
		    strlen(forms[i].prefix)) == 0)
			return forms[i].reopen(ui, record);
	return TUI_CANCEL;
}

/*
 * Names a kitchen draft on the offer's title line: the form, the day
 * of a dated record as dd/mm/yyyy, and the name typed into the draft.
 */
void
kitchen_form_describe(struct tui *ui, const char *record,
    const struct tui_resume *draft, char *buf, size_t size)
{
	static const struct {
		const char *prefix, *en, *vi;
	} forms[] = {
		{ "dish_new", "New dish", "Món ăn mới" },
		{ "dish_item:", "Food of a dish", "Thực phẩm của món" },
		{ "food_new", "New food", "Thực phẩm mới" },
		{ "food:", "Food", "Thực phẩm" },
		{ "price:", "Food price", "Giá thực phẩm" },
		{ "supplier_new", "New supplier", "Nơi cung cấp mới" },
		{ "supplier:", "Supplier", "Nơi cung cấp" },
		{ "requirement:", "Nutrition needs", "Nhu cầu dinh dưỡng" },
		{ "count:", "Meal count", "Số suất ăn" },
		{ "check:", "Three-step check", "Kiểm thực ba bước" },
		{ "sample:", "Food sample", "Lưu mẫu thức ăn" },
		{ "fee", "Meal fee", "Tiền ăn" },
	};
	struct mn_date day;
	char when[16] = "";
	const char *name = tui_resume_value(draft, "name");

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		const char *rest = record + strlen(forms[i].prefix);
		char iso[11];

		if (strncmp(record, forms[i].prefix,
		    strlen(forms[i].prefix)) != 0)
			continue;
		snprintf(iso, sizeof iso, "%s", rest);
		if (mn_date_parse_iso(iso, "date", &day, NULL) == MN_OK)
			mn_date_format(&day, when, sizeof when);
		snprintf(buf, size, "%s%s%s%s%s", T(forms[i].en, forms[i].vi),
		    when[0] != '\0' ? ", " : "", when,
		    name[0] != '\0' ? ": " : "", name);
		return;
	}
}
