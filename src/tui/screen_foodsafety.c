/*
 * Food-safety logs of a day: the three-step inspection (kiểm thực 3
 * bước: receiving, before cooking, before serving) and the 24-hour food
 * samples (lưu mẫu), with forms to add entries and to record a sample's
 * disposal.  Tab switches between the two logs.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/kitchen_edit.h"
#include "core/kitchen_view.h"
#include "tui/kitchen_ui.h"
#include "tui/screens.h"

enum {
	ACT_PREV_DAY = TUI_ACT_USER,
	ACT_NEXT_DAY,
	ACT_DATE,
	ACT_SWITCH,
	ACT_ADD,
	ACT_DISPOSE,
};

static const struct tui_keydef safety_keys[] = {
	{ { 'n', TK(KEY_IC) }, "n", "New", "Thêm", ACT_ADD },
	{ { TK_TAB }, "Tab", "Checks/samples", "Kiểm thực/lưu mẫu",
	    ACT_SWITCH },
	{ { 'h' }, "h", "Dispose sample", "Hủy mẫu", ACT_DISPOSE },
	{ { '[' }, "[", "Day before", "Ngày trước", ACT_PREV_DAY },
	{ { ']' }, "]", "Day after", "Ngày sau", ACT_NEXT_DAY },
	{ { 'd' }, "d", "Date", "Chọn ngày", ACT_DATE },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column check_columns[] = {
	{ "Step", "Bước", 4 },
	{ "Time", "Giờ", 11 },
	{ "Meal", "Bữa", 9 },
	{ "Food or dish", "Thực phẩm/món", 22 },
	{ "Quantity", "SL", 10 },
	{ "Result", "Kết quả", 9 },
	{ "Checked by", "Người kiểm", 0 },
};

static const struct tui_column sample_columns[] = {
	{ "Meal", "Bữa", 9 },
	{ "Dish", "Món", 24 },
	{ "Grams", "Gam", 5 },
	{ "Taken", "Lấy lúc", 11 },
	{ "Taken by", "Người lấy", 14 },
	{ "Disposed", "Hủy lúc", 0 },
};

struct safety_view {
	struct mn_date day;
	bool samples;		/* showing the sample log */
	struct tui_list checks_list, samples_list;
	struct mn_sample_row *sample_rows;
	size_t nsamples;
	char title[256];
};

static void
fill_checks(struct tui *ui, struct safety_view *v)
{
	struct mn_food_check_row *rows = NULL;
	struct mn_error err;
	size_t n = 0;

	mn_error_clear(&err);
	tui_list_clear(&v->checks_list);
	if (mn_kitchen_food_check_list(ui->ctx, &v->day, &rows, &n, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char step[4], at[32], qty[48], number[32];
		const char *cells[7];

		snprintf(step, sizeof step, "%d", rows[i].step);
		mn_kitchen_local_time(rows[i].checked_at, at, sizeof at);
		qty[0] = '\0';
		if (rows[i].quantity > 0) {
			kui_number(rows[i].quantity,
			    mn_unit_divisible(rows[i].unit) ? 2 : 0, number,
			    sizeof number);
			snprintf(qty, sizeof qty, "%s %s", number,
			    rows[i].unit);
		}
		cells[0] = step;
		cells[1] = at;
		cells[2] = rows[i].meal >= 0 ? mn_meal_label(rows[i].meal) :
		    "";
		cells[3] = rows[i].item;
		cells[4] = qty;
		cells[5] = rows[i].accepted ? T("accepted", "đạt") :
		    T("rejected", "không đạt");
		cells[6] = rows[i].checked_by;
		tui_list_add(&v->checks_list, cells);
	}
	free(rows);
}

static void
fill_samples(struct tui *ui, struct safety_view *v)
{
	struct mn_error err;

	mn_error_clear(&err);
	tui_list_clear(&v->samples_list);
	free(v->sample_rows);
	v->sample_rows = NULL;
	v->nsamples = 0;
	if (mn_kitchen_sample_list(ui->ctx, &v->day, &v->sample_rows,
	    &v->nsamples, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return;
	}
	for (size_t i = 0; i < v->nsamples; i++) {
		const struct mn_sample_row *s = &v->sample_rows[i];
		char grams[16], taken[32], disposed[32];
		const char *cells[6];

		kui_number(s->quantity_g, 0, grams, sizeof grams);
		mn_kitchen_local_time(s->taken_at, taken, sizeof taken);
		mn_kitchen_local_time(s->disposed_at, disposed,
		    sizeof disposed);
		cells[0] = s->meal >= 0 ? mn_meal_label(s->meal) : "";
		cells[1] = s->dish;
		cells[2] = grams;
		cells[3] = taken;
		cells[4] = s->taken_by;
		cells[5] = disposed[0] ? disposed : T("kept", "đang lưu");
		tui_list_add(&v->samples_list, cells);
	}
}

static void
reload(struct tui *ui, struct safety_view *v)
{
	char label[32];

	fill_checks(ui, v);
	fill_samples(ui, v);
	kui_day_label(&v->day, label, sizeof label);
	snprintf(v->title, sizeof v->title, "%s: %s/%04d", v->samples ?
	    T("24-hour food samples", "Lưu mẫu thức ăn 24 giờ") :
	    T("Three-step food inspection", "Kiểm thực 3 bước"), label,
	    v->day.year);
}

/* ---- Forms -------------------------------------------------------------- */

/* Parses the grams or quantity of row; empty text gives 0. */
static int
parse_number(const struct tui_form_row *row, const char *text,
    double *value, struct mn_error *err)
{
	char label[128];
	int rc;

	rc = kui_parse_number(text, row->name, kui_row_label(row, label,
	    sizeof label), true, value, err);
	if (rc == MN_OK && isnan(*value))
		*value = 0;
	return rc;
}

/* A meal by its key or its label; "" gives -1 when allow_none. */
static int
parse_meal(const char *text, bool allow_none, int *meal,
    struct mn_error *err)
{
	*meal = -1;
	if (text[0] == '\0' && allow_none)
		return MN_OK;
	for (int m = 0; m < MN_MEAL_COUNT; m++)
		if (strcmp(text, mn_meal_key(m)) == 0 ||
		    strcmp(text, mn_meal_label(m)) == 0) {
			*meal = m;
			return MN_OK;
		}
	return mn_fail(err, MN_ERR_INVALID, "meal",
	    T("meal: invalid value '%.20s'; expected one of: %s, %s, %s, %s",
	    "bữa: giá trị '%.20s' không hợp lệ; cần một trong: %s, %s, %s, "
	    "%s"), text, mn_meal_label(MN_MEAL_BREAKFAST),
	    mn_meal_label(MN_MEAL_LUNCH), mn_meal_label(MN_MEAL_AFTERNOON),
	    mn_meal_label(MN_MEAL_SNACK));
}

enum {
	C_STEP, C_MEAL, C_ITEM, C_SUPPLIER, C_QUANTITY, C_UNIT, C_CHECKS,
	C_RESULT, C_ACTION, C_BY, C_ROWS
};

static int
try_check(struct tui *ui, struct safety_view *v, struct tui_form *form)
{
	char *text[C_ROWS];
	struct mn_food_check check;
	struct mn_error err;
	int64_t id;
	int rc = MN_OK;

	mn_error_clear(&err);
	for (int i = 0; i < C_ROWS; i++)
		if ((text[i] = tui_field_get(&form->rows[i].field)) == NULL)
			rc = MN_ERR_NOMEM;
	memset(&check, 0, sizeof check);
	if (rc == MN_OK) {
		check.step = atoi(text[C_STEP]);
		if (strlen(text[C_STEP]) != 1)
			check.step = 0;
		rc = parse_meal(text[C_MEAL], true, &check.meal, &err);
	}
	if (rc == MN_OK)
		rc = parse_number(&form->rows[C_QUANTITY], text[C_QUANTITY],
		    &check.quantity, &err);
	if (rc == MN_OK) {
		check.at = time(NULL);
		check.item = text[C_ITEM];
		check.supplier = text[C_SUPPLIER];
		/* A name of the register links the entry to the supplier;
		   other text is kept as typed. */
		if (text[C_SUPPLIER][0] != '\0' && mn_kitchen_supplier_find(
		    ui->ctx, text[C_SUPPLIER], &check.supplier_id,
		    NULL) != MN_OK)
			check.supplier_id = 0;
		check.unit = text[C_UNIT];
		check.checks = text[C_CHECKS];
		/* "c" (có), "y" or "đạt" accept; other answers reject. */
		check.accepted = strcmp(text[C_RESULT], "c") == 0 ||
		    strcmp(text[C_RESULT], "đạt") == 0 ||
		    strcmp(text[C_RESULT], "y") == 0;
		check.action = text[C_ACTION];
		check.checked_by = text[C_BY];
		rc = mn_kitchen_food_check_add(ui->ctx, &v->day, &check, &id,
		    &err);
	}
	for (int i = 0; i < C_ROWS; i++)
		free(text[i]);
	if (rc == MN_OK)
		tui_message(ui, T("Inspection entry saved",
		    "Đã lưu kiểm thực"));
	else {
		tui_error(ui, "%s", err.message);
		tui_form_focus(form, err.field);
	}
	return rc;
}

static int
add_check(struct tui *ui, struct safety_view *v)
{
	struct tui_form_row rows[C_ROWS] = {
		{ .name = "step", .en = "Step (1, 2, 3)",
		    .vi = "Bước (1, 2, 3)" },
		{ .name = "meal", .en = "Meal", .vi = "Bữa" },
		{ .name = "item", .en = "Food or dish", .vi = "Thực phẩm/món" },
		{ .name = "supplier", .en = "Supplier", .vi = "Nơi cung cấp" },
		{ .name = "quantity", .en = "Quantity", .vi = "Số lượng" },
		{ .name = "unit", .en = "Unit", .vi = "Đơn vị" },
		{ .name = "checks", .en = "Checks", .vi = "Nội dung kiểm tra" },
		{ .name = "result", .en = "Accepted (c/k)", .vi = "Đạt (c/k)" },
		{ .name = "action", .en = "Action", .vi = "Biện pháp xử lý" },
		{ .name = "checked_by", .en = "Checked by",
		    .vi = "Người kiểm tra" },
	};
	struct tui_form form = { .rows = rows, .nrows = C_ROWS };
	char note[400], key[48], date[11], name[256] = "";
	int64_t supplier = 0;
	int rc;

	static const int letters[C_ROWS] = { 1, 20, 200, 200, 10, 15, 400, 4,
		200, 100 };
	for (int i = 0; i < C_ROWS; i++)
		tui_field_init(&rows[i].field, letters[i], TUI_SHOW);
	mn_date_format_iso(&v->day, date, sizeof date);
	snprintf(key, sizeof key, "kitchen:check:%s", date);
	form.draft_key = key;
	/* A reopened draft brings its own supplier text. */
	if (ui->resume == NULL) {
		rc = kui_pick_supplier(ui, T("Supplier of the food (step 1)",
		    "Nơi cung cấp thực phẩm (bước 1)"), &supplier, name,
		    sizeof name);
		if (rc == TUI_END)
			return TUI_END;
		tui_field_set(&rows[C_SUPPLIER].field, name);
	}
	tui_field_set(&rows[C_RESULT].field, "c");
	tui_field_set(&rows[C_BY].field, ui->ctx->actor.login);
	snprintf(note, sizeof note, T("Meal: %s, %s, %s or %s; empty for "
	    "step 1.  A supplier named as in the register is linked to it.",
	    "Bữa: %s, %s, %s hoặc %s; để trống ở bước 1.  Nơi cung cấp ghi "
	    "đúng tên trong danh sách được liên kết với danh sách."),
	    mn_meal_label(MN_MEAL_BREAKFAST), mn_meal_label(MN_MEAL_LUNCH),
	    mn_meal_label(MN_MEAL_AFTERNOON), mn_meal_label(MN_MEAL_SNACK));
	form.note = note;
	tui_enter(ui, T("New inspection entry", "Thêm kiểm thực"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK &&
	    try_check(ui, v, &form) != MN_OK)
		;
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

enum { S_MEAL, S_DISH, S_GRAMS, S_BY, S_ROWS };

static int
try_sample(struct tui *ui, struct safety_view *v, struct tui_form *form)
{
	char *text[S_ROWS];
	struct mn_error err;
	int64_t dish = 0, id;
	double grams = 0;
	int meal = -1, rc = MN_OK;

	mn_error_clear(&err);
	for (int i = 0; i < S_ROWS; i++)
		if ((text[i] = tui_field_get(&form->rows[i].field)) == NULL)
			rc = MN_ERR_NOMEM;
	if (rc == MN_OK)
		rc = parse_meal(text[S_MEAL], false, &meal, &err);
	if (rc == MN_OK)
		rc = mn_kitchen_dish_find(ui->ctx, text[S_DISH], &dish, &err);
	if (rc == MN_OK)
		rc = parse_number(&form->rows[S_GRAMS], text[S_GRAMS],
		    &grams, &err);
	if (rc == MN_OK)
		rc = mn_kitchen_sample_add(ui->ctx, &v->day, meal, dish, grams,
		    time(NULL), text[S_BY], &id, &err);
	for (int i = 0; i < S_ROWS; i++)
		free(text[i]);
	if (rc == MN_OK)
		tui_message(ui, T("Sample saved", "Đã lưu mẫu"));
	else {
		tui_error(ui, "%s", err.message);
		tui_form_focus(form, err.field);
	}
	return rc;
}

static int
add_sample(struct tui *ui, struct safety_view *v)
{
	struct tui_form_row rows[S_ROWS] = {
		{ .name = "meal", .en = "Meal", .vi = "Bữa" },
		{ .name = "dish", .en = "Dish", .vi = "Món ăn" },
		{ .name = "quantity_g", .en = "Grams", .vi = "Khối lượng (g)" },
		{ .name = "taken_by", .en = "Taken by", .vi = "Người lấy mẫu" },
	};
	struct tui_form form = { .rows = rows, .nrows = S_ROWS };
	char key[48], date[11];
	int rc;

	mn_date_format_iso(&v->day, date, sizeof date);
	snprintf(key, sizeof key, "kitchen:sample:%s", date);
	form.draft_key = key;
	tui_field_init(&rows[S_MEAL].field, 20, TUI_SHOW);
	tui_field_init(&rows[S_DISH].field, 200, TUI_SHOW);
	tui_field_init(&rows[S_GRAMS].field, 8, TUI_SHOW);
	tui_field_init(&rows[S_BY].field, 100, TUI_SHOW);
	tui_field_set(&rows[S_MEAL].field, mn_meal_label(MN_MEAL_LUNCH));
	tui_field_set(&rows[S_GRAMS].field, "100");
	tui_field_set(&rows[S_BY].field, ui->ctx->actor.login);
	form.note = T("The dish is named as on the menu; a sample is kept "
	    "at least 24 hours.", "Tên món ghi như trong thực đơn; mẫu lưu "
	    "ít nhất 24 giờ.");
	tui_enter(ui, T("New food sample", "Thêm mẫu lưu"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK &&
	    try_sample(ui, v, &form) != MN_OK)
		;
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

static int
dispose(struct tui *ui, struct safety_view *v)
{
	int row = tui_list_selected(&v->samples_list);
	const struct mn_sample_row *s;
	struct mn_error err;
	char question[300];
	int rc;

	if (!v->samples || row < 0 || (size_t)row >= v->nsamples) {
		tui_error(ui, "%s", T("Select a sample in the sample log "
		    "(Tab)", "Hãy chọn một mẫu trong sổ lưu mẫu (Tab)"));
		return TUI_OK;
	}
	s = &v->sample_rows[row];
	snprintf(question, sizeof question, T("Record the disposal of the "
	    "sample of %s now?", "Ghi hủy mẫu %s lúc này?"), s->dish);
	if ((rc = tui_confirm(ui, question, true)) != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	mn_error_clear(&err);
	if (mn_kitchen_sample_dispose(ui->ctx, s->id, time(NULL),
	    ui->ctx->actor.login, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	else
		tui_message(ui, T("Disposal recorded", "Đã ghi hủy mẫu"));
	return TUI_OK;
}

static int
dispatch(struct tui *ui, int action, void *arg)
{
	struct safety_view *v = arg;

	switch (action) {
	case ACT_PREV_DAY:
		kui_add_days(&v->day, -1);
		return TUI_OK;
	case ACT_NEXT_DAY:
		kui_add_days(&v->day, 1);
		return TUI_OK;
	case ACT_DATE:
		return kui_ask_date(ui, T("Food safety of a day",
		    "An toàn thực phẩm theo ngày"), &v->day) == TUI_END ?
		    TUI_END : TUI_OK;
	case ACT_SWITCH:
		v->samples = !v->samples;
		return TUI_OK;
	case ACT_ADD:
		return v->samples ? add_sample(ui, v) : add_check(ui, v);
	case ACT_DISPOSE:
		return dispose(ui, v);
	default:
		return TUI_OK;
	}
}

/* Reloads the day and returns the list shown: the checks or the samples. */
static struct tui_list *
reload_view(struct tui *ui, void *arg)
{
	struct safety_view *v = arg;

	reload(ui, v);
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	return v->samples ? &v->samples_list : &v->checks_list;
}

int
screen_foodsafety(struct tui *ui)
{
	struct safety_view v;
	int rc;

	memset(&v, 0, sizeof v);
	mn_date_today(&v.day);
	tui_list_init(&v.checks_list, check_columns, 7);
	tui_list_init(&v.samples_list, sample_columns, 6);
	v.checks_list.empty_en = "No inspection entries on this day";
	v.checks_list.empty_vi = "Ngày này chưa có kiểm thực";
	v.samples_list.empty_en = "No food samples on this day";
	v.samples_list.empty_vi = "Ngày này chưa có mẫu lưu";
	rc = kui_list_loop(ui, v.title, safety_keys, reload_view, dispatch,
	    &v);
	tui_list_free(&v.checks_list);
	tui_list_free(&v.samples_list);
	free(v.sample_rows);
	return rc;
}

/* Reopens "check:YYYY-MM-DD" or "sample:YYYY-MM-DD" from a draft. */
int
kitchen_safety_reopen(struct tui *ui, const char *record)
{
	struct safety_view v;
	const char *date = strchr(record, ':');

	memset(&v, 0, sizeof v);
	if (date == NULL ||
	    mn_date_parse_iso(date + 1, "date", &v.day, NULL) != MN_OK)
		return TUI_CANCEL;
	if (strncmp(record, "check:", 6) == 0)
		return add_check(ui, &v);
	return add_sample(ui, &v);
}
