/*
 * The food table: every food with its main figures and today's price.
 * The kitchen adds a food, edits a food's figures (per 100 g edible
 * part) and sets a price per purchase unit from a date.  The price
 * history of each food is listed.  "mamnon import foods" still loads a
 * whole file.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kitchen_edit.h"
#include "core/kitchen_view.h"
#include "core/validate.h"
#include "tui/kitchen_ui.h"
#include "tui/screens.h"

enum {
	ACT_EDIT = TUI_ACT_USER,
	ACT_NEW,
	ACT_PRICES,
	ACT_SET_PRICE,
};

static const struct tui_keydef food_keys[] = {
	{ { TK_ENTER, 'e' }, "Enter", "Figures", "Thành phần", ACT_EDIT },
	{ { 'p' }, "p", "Prices", "Giá", ACT_PRICES },
	{ { 'n', TK(KEY_IC) }, "n", "New food", "Thêm", ACT_NEW },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef price_keys[] = {
	{ { 'n', TK(KEY_IC) }, "n", "Set a price", "Đặt giá", ACT_SET_PRICE },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct kui_key_right plan_keys[] = {
	{ ACT_NEW, MN_KITCHEN_PLAN },
	{ ACT_SET_PRICE, MN_KITCHEN_PLAN },
};

#define NPLAN (sizeof plan_keys / sizeof plan_keys[0])
#define KEYS_MAX 16

static const struct tui_column food_columns[] = {
	{ "Code", "Mã", 6 },
	{ "Food", "Thực phẩm", 24 },
	{ "kcal", "kcal", 5 },
	{ "P", "P", 5 },
	{ "L", "L", 5 },
	{ "G", "G", 5 },
	{ "Refuse", "Thải", 5 },
	{ "Unit", "ĐV", 4 },
	{ "Price", "Giá", 0 },
};

#define NFOOD_COLS 9

/* ---- The food form ------------------------------------------------------ */

enum {
	F_CODE, F_NAME, F_GROUP, F_ORIGIN, F_REFUSE,
	F_NUTRIENTS,		/* MN_NUT_COUNT rows */
	F_UNIT = F_NUTRIENTS + MN_NUT_COUNT,
	F_UNIT_GRAMS,
	F_ROWS
};

/* Labels of the nutrient rows, with their unit. */
static const char *const nutrient_en[MN_NUT_COUNT] = {
	"Energy (kcal)", "Protein (g)", "Lipid (g)", "Glucid (g)",
	"Fibre (g)", "Calcium (mg)", "Iron (mg)", "Vitamin A, retinol (µg)",
	"Beta-carotene (µg)", "Vitamin B1 (mg)", "Vitamin C (mg)",
};
static const char *const nutrient_vi[MN_NUT_COUNT] = {
	"Năng lượng (kcal)", "Protein (g)", "Lipid (g)", "Glucid (g)",
	"Chất xơ (g)", "Canxi (mg)", "Sắt (mg)", "Vitamin A, retinol (µg)",
	"Beta-caroten (µg)", "Vitamin B1 (mg)", "Vitamin C (mg)",
};

static void
init_food_rows(struct tui_form_row *rows, bool new_food)
{
	static const struct { const char *name, *en, *vi; int letters; }
	    fixed[] = {
		[F_CODE] = { "code", "Code", "Mã", 6 },
		[F_NAME] = { "name", "Name", "Tên", 127 },
		[F_GROUP] = { "group", "Food group (1-14)",
		    "Nhóm thực phẩm (1-14)", 2 },
		[F_ORIGIN] = { "origin", "Animal origin (c/k)",
		    "Nguồn động vật (c/k)", 1 },
		[F_REFUSE] = { "refuse_pct", "Refuse (%)", "Thải bỏ (%)", 6 },
	};

	memset(rows, 0, F_ROWS * sizeof *rows);
	for (int i = 0; i < F_NUTRIENTS; i++) {
		rows[i].name = fixed[i].name;
		rows[i].en = fixed[i].en;
		rows[i].vi = fixed[i].vi;
		tui_field_init(&rows[i].field, fixed[i].letters, TUI_SHOW);
	}
	for (int n = 0; n < MN_NUT_COUNT; n++) {
		rows[F_NUTRIENTS + n].name = mn_nutrient_key(n);
		rows[F_NUTRIENTS + n].en = nutrient_en[n];
		rows[F_NUTRIENTS + n].vi = nutrient_vi[n];
		tui_field_init(&rows[F_NUTRIENTS + n].field, 9, TUI_SHOW);
	}
	rows[F_UNIT] = (struct tui_form_row){ .name = "purchase_unit",
	    .en = "Purchase unit", .vi = "Đơn vị mua" };
	tui_field_init(&rows[F_UNIT].field, 15, TUI_SHOW);
	rows[F_UNIT_GRAMS] = (struct tui_form_row){ .name = "unit_grams",
	    .en = "Grams per unit", .vi = "Số gam mỗi đơn vị" };
	tui_field_init(&rows[F_UNIT_GRAMS].field, 9, TUI_SHOW);
	rows[F_CODE].readonly = !new_food;
}

static void
set_number(struct tui_form_row *row, double value)
{
	char buf[32];

	kui_plain_number(value, buf, sizeof buf);
	tui_field_set(&row->field, buf);
}

static void
fill_food_rows(struct tui_form_row *rows, const struct mn_food *f)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%d", f->code);
	tui_field_set(&rows[F_CODE].field, buf);
	tui_field_set(&rows[F_NAME].field, f->name);
	snprintf(buf, sizeof buf, "%d", f->group);
	tui_field_set(&rows[F_GROUP].field, buf);
	tui_field_set(&rows[F_ORIGIN].field, f->animal ? "c" : "k");
	set_number(&rows[F_REFUSE], f->refuse_pct);
	for (int n = 0; n < MN_NUT_COUNT; n++)
		if (f->known & (1u << n))
			set_number(&rows[F_NUTRIENTS + n], f->value[n]);
	tui_field_set(&rows[F_UNIT].field, f->purchase_unit);
	set_number(&rows[F_UNIT_GRAMS], f->unit_grams);
}

/* Parses the number of form row i; errors name the row as shown. */
static int
row_number(struct tui_form_row *rows, char **text, int i, bool allow_empty,
    double *v, struct mn_error *err)
{
	char label[128];

	return kui_parse_number(text[i], rows[i].name,
	    kui_row_label(&rows[i], label, sizeof label), allow_empty, v, err);
}

/* Parses the whole number of form row i, such as the food code. */
static int
row_whole(struct tui_form_row *rows, char **text, int i, int *out,
    struct mn_error *err)
{
	char label[128];
	double v;
	int rc;

	rc = mn_parse_number(text[i], rows[i].name,
	    kui_row_label(&rows[i], label, sizeof label), 0, 0, 999999, &v,
	    err);
	if (rc == MN_OK)
		*out = (int)v;
	return rc;
}

/* Reads the form into f; the core checks the ranges. */
static int
read_food(struct tui_form_row *rows, struct mn_food *f, struct mn_error *err)
{
	char *text[F_ROWS];
	double v;
	int rc = MN_OK;

	memset(f, 0, sizeof *f);
	for (int i = 0; i < F_ROWS; i++)
		if ((text[i] = tui_field_get(&rows[i].field)) == NULL)
			rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if (rc == MN_OK)
		rc = row_whole(rows, text, F_CODE, &f->code, err);
	if (rc == MN_OK) {
		snprintf(f->name, sizeof f->name, "%s", text[F_NAME]);
		rc = row_whole(rows, text, F_GROUP, &f->group, err);
	}
	if (rc == MN_OK) {
		f->animal = strcmp(text[F_ORIGIN], "c") == 0 ||
		    strcmp(text[F_ORIGIN], "y") == 0;
		if (!f->animal && strcmp(text[F_ORIGIN], "k") != 0 &&
		    strcmp(text[F_ORIGIN], "n") != 0)
			rc = mn_fail(err, MN_ERR_INVALID, "origin",
			    T("origin: invalid value '%.10s'; expected c "
			    "(animal) or k (vegetable)", "nguồn: giá trị "
			    "'%.10s' không hợp lệ; cần c (động vật) hoặc k "
			    "(thực vật)"), text[F_ORIGIN]);
	}
	if (rc == MN_OK)
		rc = row_number(rows, text, F_REFUSE, false, &f->refuse_pct,
		    err);
	for (int n = 0; n < MN_NUT_COUNT && rc == MN_OK; n++) {
		rc = row_number(rows, text, F_NUTRIENTS + n, true, &v, err);
		if (rc == MN_OK && !isnan(v)) {
			f->value[n] = v;
			f->known |= 1u << n;
		}
	}
	if (rc == MN_OK) {
		snprintf(f->purchase_unit, sizeof f->purchase_unit, "%s",
		    text[F_UNIT]);
		rc = row_number(rows, text, F_UNIT_GRAMS, false,
		    &f->unit_grams, err);
	}
	for (int i = 0; i < F_ROWS; i++)
		free(text[i]);
	return rc;
}

/*
 * Runs the food form: a new food when row is NULL, else the food of row
 * with its version.  Draft keys "kitchen:food_new" and "kitchen:food:CODE".
 */
static int
food_form(struct tui *ui, const struct mn_food_row *row)
{
	struct tui_form_row rows[F_ROWS];
	struct tui_form form = { .rows = rows, .nrows = F_ROWS };
	char key[48], title[200];
	struct mn_error err;
	bool may_edit = mn_kitchen_may(&ui->ctx->actor, MN_KITCHEN_PLAN);
	int rc;

	init_food_rows(rows, row == NULL);
	if (row != NULL) {
		fill_food_rows(rows, &row->food);
		snprintf(key, sizeof key, "kitchen:food:%d", row->food.code);
		form.version = row->version;
		snprintf(title, sizeof title, "%s %d", T("Food", "Thực phẩm"),
		    row->food.code);
	} else {
		tui_field_set(&rows[F_ORIGIN].field, "k");
		tui_field_set(&rows[F_REFUSE].field, "0");
		tui_field_set(&rows[F_UNIT].field, "kg");
		tui_field_set(&rows[F_UNIT_GRAMS].field, "1000");
		snprintf(key, sizeof key, "kitchen:food_new");
		snprintf(title, sizeof title, "%s", T("New food",
		    "Thêm thực phẩm"));
	}
	form.draft_key = key;
	if (!may_edit)
		for (int i = 0; i < F_ROWS; i++)
			rows[i].readonly = true;
	form.note = T("Values per 100 g of edible part; an empty nutrient "
	    "has no value in the source.", "Giá trị trong 100 g phần ăn "
	    "được; để trống nếu nguồn không có số liệu.");
	tui_enter(ui, title);
	while ((rc = tui_form_run(ui, &form)) == TUI_OK && may_edit) {
		struct mn_food f;

		mn_error_clear(&err);
		if (read_food(rows, &f, &err) == MN_OK &&
		    (row == NULL ? mn_kitchen_food_add(ui->ctx, &f, &err) :
		    mn_kitchen_food_update(ui->ctx, &f, form.version,
		    &err)) == MN_OK) {
			tui_message(ui, T("Food saved", "Đã lưu thực phẩm"));
			break;
		}
		tui_error(ui, "%s", err.message);
		tui_form_focus(&form, err.field);
	}
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

/* ---- Prices ------------------------------------------------------------- */

enum { P_FROM, P_PRICE, P_ROWS };

/* Runs the price form of a food; draft key "kitchen:price:CODE". */
static int
price_form(struct tui *ui, const struct mn_food *f)
{
	struct tui_form_row rows[P_ROWS] = {
		{ .name = "effective_from", .en = "From (dd/mm/yyyy)",
		    .vi = "Áp dụng từ (dd/mm/yyyy)" },
		{ .name = "unit_price", .en = "Price per unit (đồng)",
		    .vi = "Đơn giá (đồng)" },
	};
	struct tui_form form = { .rows = rows, .nrows = P_ROWS };
	char key[48], title[256], today_text[16];
	struct mn_date today;
	struct mn_error err;
	int rc;

	tui_field_init(&rows[P_FROM].field, 10, TUI_SHOW);
	tui_field_init(&rows[P_PRICE].field, 11, TUI_SHOW);
	mn_date_today(&today);
	mn_date_format(&today, today_text, sizeof today_text);
	tui_field_set(&rows[P_FROM].field, today_text);
	snprintf(key, sizeof key, "kitchen:price:%d", f->code);
	form.draft_key = key;
	snprintf(title, sizeof title, "%s: %s (%s)", T("Set a price",
	    "Đặt giá"), f->name, f->purchase_unit);
	tui_enter(ui, title);
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		char *from = tui_field_get(&rows[P_FROM].field);
		char *price = tui_field_get(&rows[P_PRICE].field);
		struct mn_date d;
		char label[128];
		int64_t amount = 0;
		int st;

		mn_error_clear(&err);
		st = from == NULL || price == NULL ? MN_ERR_NOMEM :
		    mn_date_parse(from, "effective_from", &d, &err);
		if (st == MN_OK)
			st = mn_parse_money(price, "unit_price",
			    kui_row_label(&rows[P_PRICE], label,
			    sizeof label), KUI_MONEY_MAX, &amount, &err);
		if (st == MN_OK)
			st = mn_kitchen_price_set(ui->ctx, f->code, &d,
			    amount, &err);
		free(from);
		free(price);
		if (st == MN_OK) {
			tui_message(ui, T("Price saved", "Đã lưu giá"));
			break;
		}
		tui_error(ui, "%s", err.message);
		tui_form_focus(&form, err.field);
	}
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

static const struct tui_column price_columns[] = {
	{ "From", "Áp dụng từ", 12 },
	{ "Price", "Đơn giá", 12 },
	{ "Set by", "Người đặt", 16 },
	{ "At", "Lúc", 0 },
};

static int
price_view(struct tui *ui, const struct mn_food *f)
{
	struct tui_keydef keys[KEYS_MAX];
	struct tui_list list;
	char title[256];
	int rc = TUI_OK;

	kui_filter_keys(ui, price_keys, plan_keys, NPLAN, keys, KEYS_MAX);
	tui_list_init(&list, price_columns, 4);
	list.empty_en = "No price set";
	list.empty_vi = "Chưa có giá";
	snprintf(title, sizeof title, "%s: %s (%s)", T("Prices", "Giá"),
	    f->name, f->purchase_unit);
	tui_enter(ui, title);
	for (;;) {
		struct mn_price_row *rows = NULL;
		struct mn_error err;
		size_t n = 0;
		int action;

		tui_list_clear(&list);
		mn_error_clear(&err);
		if (mn_kitchen_price_history(ui->ctx, f->code, &rows, &n,
		    &err) != MN_OK)
			tui_error(ui, "%s", err.message);
		for (size_t i = 0; i < n; i++) {
			struct mn_date d;
			char from[16], price[32], at[32];
			const char *cells[4] = { from, price,
			    rows[i].changed_by, at };

			if (mn_date_parse_iso(rows[i].effective_from, "date",
			    &d, NULL) == MN_OK)
				mn_date_format(&d, from, sizeof from);
			else
				snprintf(from, sizeof from, "%s",
				    rows[i].effective_from);
			kui_money(rows[i].unit_price, price, sizeof price);
			mn_kitchen_local_time(rows[i].changed_at, at,
			    sizeof at);
			tui_list_add(&list, cells);
		}
		free(rows);
		kui_set_minimum(ui);
		action = tui_list_run(ui, &list, keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == ACT_SET_PRICE && price_form(ui, f) == TUI_END) {
			rc = TUI_END;
			break;
		}
	}
	tui_leave(ui);
	tui_list_free(&list);
	return rc;
}

/* ---- The food list ------------------------------------------------------ */

static void
fill_foods(struct tui *ui, struct tui_list *l, struct mn_food_row **rows,
    size_t *n)
{
	struct mn_error err;
	struct mn_date today;

	tui_list_clear(l);
	free(*rows);
	*rows = NULL;
	*n = 0;
	mn_error_clear(&err);
	mn_date_today(&today);
	if (mn_kitchen_food_list(ui->ctx, &today, rows, n, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return;
	}
	for (size_t i = 0; i < *n; i++) {
		const struct mn_food_row *r = &(*rows)[i];
		char code[16], v[5][24], price[32];
		const char *cells[NFOOD_COLS] = { code, r->food.name, v[0],
		    v[1], v[2], v[3], v[4], r->food.purchase_unit, price };
		static const int shown[4] = { MN_NUT_ENERGY, MN_NUT_PROTEIN,
		    MN_NUT_LIPID, MN_NUT_GLUCID };

		snprintf(code, sizeof code, "%d", r->food.code);
		for (int k = 0; k < 4; k++)
			kui_number(r->food.value[shown[k]], 1, v[k],
			    sizeof v[k]);
		kui_number(r->food.refuse_pct, 1, v[4], sizeof v[4]);
		if (r->unit_price >= 0)
			kui_money(r->unit_price, price, sizeof price);
		else
			price[0] = '\0';
		tui_list_add(l, cells);
	}
}

/* The food list screen's rows, for kui_list_loop. */
struct food_screen {
	struct tui_list list;
	struct mn_food_row *rows;
	size_t n;
};

static struct tui_list *
reload_foods(struct tui *ui, void *arg)
{
	struct food_screen *fs = arg;

	fill_foods(ui, &fs->list, &fs->rows, &fs->n);
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	return &fs->list;
}

static int
act_on_food(struct tui *ui, int action, void *arg)
{
	struct food_screen *fs = arg;
	int row = tui_list_selected(&fs->list);

	if (action == ACT_NEW)
		return food_form(ui, NULL);
	if (row < 0 || (size_t)row >= fs->n) {
		tui_error(ui, "%s", T("No food selected",
		    "Chưa chọn thực phẩm nào"));
		return TUI_OK;
	}
	if (action == ACT_EDIT)
		return food_form(ui, &fs->rows[row]);
	if (action == ACT_PRICES)
		return price_view(ui, &fs->rows[row].food);
	return TUI_OK;
}

int
screen_kitchen_foods(struct tui *ui)
{
	struct tui_keydef keys[KEYS_MAX];
	struct food_screen fs = { .rows = NULL, .n = 0 };
	int rc;

	kui_filter_keys(ui, food_keys, plan_keys, NPLAN, keys, KEYS_MAX);
	tui_list_init(&fs.list, food_columns, NFOOD_COLS);
	fs.list.empty_en = "The food table is empty";
	fs.list.empty_vi = "Bảng thực phẩm trống";
	rc = kui_list_loop(ui, T("Food table", "Bảng thực phẩm"), keys,
	    reload_foods, act_on_food, &fs);
	tui_list_free(&fs.list);
	free(fs.rows);
	return rc;
}

/* Reopens "food_new", "food:CODE" or "price:CODE" from a draft. */
int
kitchen_food_reopen(struct tui *ui, const char *record)
{
	struct mn_food_row row;
	struct mn_error err;
	struct mn_date today;
	const char *code;

	if (strcmp(record, "food_new") == 0)
		return food_form(ui, NULL);
	if ((code = strchr(record, ':')) == NULL)
		return TUI_CANCEL;
	mn_error_clear(&err);
	mn_date_today(&today);
	if (mn_kitchen_food_get(ui->ctx, atoi(code + 1), &today, &row,
	    &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	if (strncmp(record, "food:", 5) == 0)
		return food_form(ui, &row);
	if (strncmp(record, "price:", 6) == 0)
		return price_form(ui, &row.food);
	return TUI_CANCEL;
}
