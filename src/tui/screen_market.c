/*
 * The day in the kitchen.  The market list (phiếu kê chợ) of a day comes
 * from both age groups' menus and meal counts, with the cost per child
 * against the day's meal fee.  The kitchen records the purchases from it
 * and corrects the meal counts by hand, naming a reason, or takes them
 * from the day's attendance.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attendance.h"
#include "core/kitchen_edit.h"
#include "core/kitchen_view.h"
#include "core/validate.h"
#include "tui/kitchen_ui.h"
#include "tui/screens.h"

enum {
	ACT_PREV_DAY = TUI_ACT_USER,
	ACT_NEXT_DAY,
	ACT_DATE,
	ACT_COUNTS,
	ACT_FROM_ATTENDANCE,
	ACT_BUY,
	ACT_CORRECT,
	ACT_PLANNED,
};

static const struct tui_keydef market_keys[] = {
	{ { 's' }, "s", "Meal counts", "Suất ăn", ACT_COUNTS },
	{ { 'a' }, "a", "Update from attendance", "Cập nhật từ điểm danh",
	    ACT_FROM_ATTENDANCE },
	{ { 'm' }, "m", "Record purchases", "Ghi mua", ACT_BUY },
	{ { '[' }, "[", "Day before", "Ngày trước", ACT_PREV_DAY },
	{ { ']' }, "]", "Day after", "Ngày sau", ACT_NEXT_DAY },
	{ { 'd' }, "d", "Date", "Chọn ngày", ACT_DATE },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/* Keys that write; the accountant reads the list only. */
static const struct kui_key_right market_rights[] = {
	{ ACT_COUNTS, MN_KITCHEN_PLAN },
	{ ACT_FROM_ATTENDANCE, MN_KITCHEN_PLAN },
	{ ACT_BUY, MN_KITCHEN_PLAN },
};

#define KEYS_MAX 16

static const struct tui_column market_columns[] = {
	{ "Food", "Thực phẩm", 32 },
	{ "Unit", "Đơn vị", 6 },
	{ "Quantity", "Số lượng", 10 },
	{ "Unit price", "Đơn giá", 10 },
	{ "Amount", "Thành tiền", 0 },
};

struct market_view {
	struct mn_date day;
	struct tui_list list;
	struct mn_market_list market;
	struct mn_meal_count_info counts[MN_GROUP_COUNT];
	int64_t fee[MN_GROUP_COUNT];
	int64_t bought;
	int bought_rows;
	char title[256];
};

static void
add_summary(struct tui_list *l, const char *label, const char *amount)
{
	const char *cells[5] = { label, "", "", "", amount };

	tui_list_add(l, cells);
}

static void
add_line(struct tui_list *l, const struct mn_market_line *line)
{
	char quantity[32], price[32], amount[32];
	const char *cells[5];

	kui_number(line->quantity, mn_unit_divisible(
	    line->food->purchase_unit) ? 2 : 0, quantity, sizeof quantity);
	if (line->unit_price >= 0) {
		kui_money(line->unit_price, price, sizeof price);
		kui_money(line->amount, amount, sizeof amount);
	} else {
		snprintf(price, sizeof price, "%s", T("no price",
		    "chưa có giá"));
		amount[0] = '\0';
	}
	cells[0] = line->food->name;
	cells[1] = line->food->purchase_unit;
	cells[2] = quantity;
	cells[3] = price;
	cells[4] = amount;
	tui_list_add(l, cells);
}

/* The totals under the lines: cost per child against the meal fees. */
static void
add_totals(struct market_view *v)
{
	char text[64], label[160];
	int64_t income = 0;
	int meals = 0;

	for (int g = 0; g < MN_GROUP_COUNT; g++) {
		meals += v->counts[g].effective;
		income += v->fee[g] * v->counts[g].effective;
	}
	kui_money(v->market.total, text, sizeof text);
	add_summary(&v->list, T("Total", "Tổng cộng"), text);
	snprintf(text, sizeof text, "%d", meals);
	add_summary(&v->list, T("Meals", "Số suất ăn"), text);
	if (meals > 0) {
		kui_money(mn_round_money((double)v->market.total / meals),
		    text, sizeof text);
		add_summary(&v->list, T("Cost per child", "Chi phí mỗi suất"),
		    text);
	}
	for (int g = 0; g < MN_GROUP_COUNT; g++) {
		kui_money(v->fee[g], text, sizeof text);
		snprintf(label, sizeof label, "%s, %s", T("Meal fee per child",
		    "Tiền ăn mỗi suất"), mn_menu_group_label(g));
		add_summary(&v->list, label, text);
	}
	kui_money(income, text, sizeof text);
	add_summary(&v->list, T("Meal fees of the day", "Tiền ăn thu trong "
	    "ngày"), text);
	kui_money(income - v->market.total, text, sizeof text);
	add_summary(&v->list, T("Fees less the market list", "Chênh lệch "
	    "thu – chi theo phiếu"), text);
	kui_money(v->bought, text, sizeof text);
	snprintf(label, sizeof label, T("Purchases recorded (%d rows)",
	    "Đã ghi mua (%d dòng)"), v->bought_rows);
	add_summary(&v->list, label, text);
}

/*
 * Says when the day's saved meal count no longer matches the attendance,
 * unless another message is waiting to be shown.
 */
static void
warn_stale_count(struct tui *ui, const struct mn_date *day)
{
	struct mn_meal_check check;
	struct mn_error err;
	char text[300];

	mn_error_clear(&err);
	if (ui->message[0] != '\0' ||
	    mn_kitchen_meals_check(ui->ctx, day, &check, &err) != MN_OK)
		return;
	mn_kitchen_meals_check_text(&check, text, sizeof text);
	if (text[0] != '\0')
		tui_error(ui, "%s", text);
}

static void
reload(struct tui *ui, struct market_view *v)
{
	struct mn_error err;
	char label[32];
	int sel = v->list.sel, rc;

	mn_error_clear(&err);
	mn_market_free(&v->market);
	memset(&v->market, 0, sizeof v->market);
	tui_list_clear(&v->list);
	rc = mn_kitchen_market(ui->ctx, &v->day, &v->market, &err);
	for (int g = 0; g < MN_GROUP_COUNT && rc == MN_OK; g++)
		if ((rc = mn_kitchen_meal_count_get(ui->ctx, &v->day, g,
		    &v->counts[g], &err)) == MN_OK)
			rc = mn_kitchen_meal_fee(ui->ctx, g, &v->day,
			    &v->fee[g], &err);
	if (rc == MN_OK)
		rc = mn_kitchen_purchases_total(ui->ctx, &v->day, &v->bought,
		    &v->bought_rows, &err);
	if (rc != MN_OK) {
		tui_error(ui, "%s", err.message);
		return;
	}
	for (size_t i = 0; i < v->market.count; i++)
		add_line(&v->list, &v->market.lines[i]);
	add_totals(v);
	warn_stale_count(ui, &v->day);
	kui_day_label(&v->day, label, sizeof label);
	snprintf(v->title, sizeof v->title, T("%s/%04d, meals: %s %d, %s %d",
	    "%s/%04d, suất ăn: %s %d, %s %d"),
	    label, v->day.year, mn_menu_group_label(MN_GROUP_NHA_TRE),
	    v->counts[MN_GROUP_NHA_TRE].effective,
	    mn_menu_group_label(MN_GROUP_MAU_GIAO),
	    v->counts[MN_GROUP_MAU_GIAO].effective);
	v->list.sel = sel < v->list.nshown ? sel : 0;
}

/* Records each priced line of the list as a purchase, after asking. */
static int
record_purchases(struct tui *ui, struct market_view *v)
{
	struct mn_error err;
	char question[256], name[256];
	int64_t supplier = 0;
	int rc, done = 0;

	if (v->market.count == 0) {
		tui_error(ui, "%s", T("The market list is empty",
		    "Phiếu kê chợ trống"));
		return TUI_OK;
	}
	snprintf(question, sizeof question, v->bought_rows > 0 ?
	    T("%d purchases are already recorded for this day; record the "
	    "list again?", "Ngày này đã ghi %d dòng mua; vẫn ghi thêm theo "
	    "phiếu?") : T("Record the %d lines of the list as purchases?",
	    "Ghi %d dòng của phiếu thành hàng đã mua?"),
	    v->bought_rows > 0 ? v->bought_rows : (int)v->market.count);
	if ((rc = tui_confirm(ui, question, v->bought_rows == 0)) != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	if ((rc = kui_pick_supplier(ui, T("Bought from", "Mua của"),
	    &supplier, name, sizeof name)) != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	for (size_t i = 0; i < v->market.count; i++) {
		const struct mn_market_line *l = &v->market.lines[i];
		int64_t id;

		if (l->unit_price < 0 || l->quantity <= 0)
			continue;
		mn_error_clear(&err);
		if (mn_kitchen_purchase_add_from(ui->ctx, &v->day,
		    l->food->code, l->quantity, l->unit_price, supplier, &id,
		    &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			return TUI_OK;
		}
		done++;
	}
	tui_message(ui, T("%d purchases recorded", "Đã ghi %d dòng mua"),
	    done);
	return TUI_OK;
}

/* Sets the day's meal counts from the attendance the teachers saved. */
static void
meals_from_attendance(struct tui *ui, struct market_view *v)
{
	struct mn_error err;
	int meals[MN_GROUP_COUNT], not_taken = 0;

	mn_error_clear(&err);
	if (mn_kitchen_meals_from_attendance(ui->ctx, &v->day, meals,
	    &not_taken, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return;
	}
	if (not_taken > 0)
		tui_message(ui, T("Meals from attendance: %s %d, %s %d; %d "
		    "classes not taken yet count all their children",
		    "Suất ăn theo điểm danh: %s %d, %s %d; %d lớp chưa điểm "
		    "danh được tính đủ sĩ số"),
		    mn_menu_group_label(MN_GROUP_NHA_TRE),
		    meals[MN_GROUP_NHA_TRE],
		    mn_menu_group_label(MN_GROUP_MAU_GIAO),
		    meals[MN_GROUP_MAU_GIAO], not_taken);
	else
		tui_message(ui, T("Meals from attendance: %s %d, %s %d",
		    "Suất ăn theo điểm danh: %s %d, %s %d"),
		    mn_menu_group_label(MN_GROUP_NHA_TRE),
		    meals[MN_GROUP_NHA_TRE],
		    mn_menu_group_label(MN_GROUP_MAU_GIAO),
		    meals[MN_GROUP_MAU_GIAO]);
}

/* ---- Meal counts -------------------------------------------------------- */

static const struct tui_keydef count_keys[] = {
	{ { TK_ENTER, 'c' }, "Enter", "Correct", "Điều chỉnh", ACT_CORRECT },
	{ { 'p' }, "p", "Planned", "Dự kiến", ACT_PLANNED },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column count_columns[] = {
	{ "Group", "Nhóm", 16 },
	{ "Planned", "Dự kiến", 8 },
	{ "Attendance", "Điểm danh", 10 },
	{ "Corrected", "Điều chỉnh", 10 },
	{ "Used", "Tính", 6 },
	{ "Corrected by, reason", "Người điều chỉnh, lý do", 0 },
};

static void
count_cell(int value, char *buf, size_t size)
{
	if (value < 0)
		snprintf(buf, size, "—");
	else
		snprintf(buf, size, "%d", value);
}

static void
fill_counts(struct market_view *v, struct tui_list *l)
{
	tui_list_clear(l);
	for (int g = 0; g < MN_GROUP_COUNT; g++) {
		const struct mn_meal_count_info *c = &v->counts[g];
		char planned[16], att[16], manual[16], used[16], who[400];
		const char *cells[6] = { mn_menu_group_label(g), planned, att,
		    manual, used, who };

		count_cell(c->planned, planned, sizeof planned);
		count_cell(c->from_attendance, att, sizeof att);
		count_cell(c->manual, manual, sizeof manual);
		count_cell(c->effective, used, sizeof used);
		if (c->manual >= 0)
			snprintf(who, sizeof who, "%s: %s", c->manual_by,
			    c->manual_reason);
		else
			who[0] = '\0';
		tui_list_add(l, cells);
	}
}

static int
parse_count(const char *text, int *count, struct mn_error *err)
{
	double n;
	int rc;

	rc = mn_parse_number(text, "count", T("Meals", "Số suất"), 0, 0,
	    5000, &n, err);
	if (rc == MN_OK)
		*count = (int)n;
	return rc;
}

enum { CORRECT_COUNT, CORRECT_REASON, CORRECT_ROWS };

/* Asks a count (and a reason for a manual correction) and stores it. */
static int
set_count(struct tui *ui, struct market_view *v, enum mn_age_group g,
    enum mn_meal_count_kind kind)
{
	struct tui_form_row rows[CORRECT_ROWS] = {
		{ .name = "count", .en = "Meals", .vi = "Số suất" },
		{ .name = "reason", .en = "Reason", .vi = "Lý do" },
	};
	struct tui_form form = { .rows = rows, .nrows = kind ==
	    MN_COUNT_MANUAL ? 2 : 1, .enter_submits = true };
	struct mn_error err;
	char title[200], key[64], date[11];
	int rc;

	mn_date_format_iso(&v->day, date, sizeof date);
	snprintf(key, sizeof key, "kitchen:count:%s:%s:%s", date,
	    mn_menu_group_key(g), kind == MN_COUNT_MANUAL ? "manual" :
	    "planned");
	form.draft_key = key;
	tui_field_init(&rows[CORRECT_COUNT].field, 4, TUI_SHOW);
	tui_field_init(&rows[CORRECT_REASON].field, 200, TUI_SHOW);
	snprintf(title, sizeof title, T("%s, %s (now %d)", "%s, %s (hiện "
	    "tính %d)"), kind == MN_COUNT_MANUAL ?
	    T("Correct the meal count", "Điều chỉnh số suất ăn") :
	    T("Planned meal count", "Số suất ăn dự kiến"),
	    mn_menu_group_label(g), v->counts[g].effective);
	tui_enter(ui, title);
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		char *count_text = tui_field_get(&rows[CORRECT_COUNT].field);
		char *reason = tui_field_get(&rows[CORRECT_REASON].field);
		int count = 0, st;

		mn_error_clear(&err);
		st = count_text == NULL || reason == NULL ? MN_ERR_NOMEM :
		    parse_count(count_text, &count, &err);
		if (st == MN_OK)
			st = mn_kitchen_meals_set(ui->ctx, &v->day, g, kind,
			    count, kind == MN_COUNT_MANUAL ? reason : NULL,
			    &err);
		free(count_text);
		free(reason);
		if (st == MN_OK) {
			tui_message(ui, T("Meal count saved",
			    "Đã lưu số suất ăn"));
			break;
		}
		tui_error(ui, "%s", err.message);
		tui_form_focus(&form, err.field);
	}
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

static int
meal_counts(struct tui *ui, struct market_view *v)
{
	struct tui_list list;
	char title[200], label[32];
	int rc = TUI_OK;

	tui_list_init(&list, count_columns, 6);
	kui_day_label(&v->day, label, sizeof label);
	snprintf(title, sizeof title, "%s: %s/%04d", T("Meal counts",
	    "Số suất ăn"), label, v->day.year);
	tui_enter(ui, title);
	for (;;) {
		int action, row;

		fill_counts(v, &list);
		warn_stale_count(ui, &v->day);
		action = tui_list_run(ui, &list, count_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if ((row = tui_list_selected(&list)) < 0)
			continue;
		if (set_count(ui, v, row, action == ACT_PLANNED ?
		    MN_COUNT_PLANNED : MN_COUNT_MANUAL) == TUI_END) {
			rc = TUI_END;
			break;
		}
		reload(ui, v);
	}
	tui_leave(ui);
	tui_list_free(&list);
	return rc;
}

static int
dispatch(struct tui *ui, int action, void *arg)
{
	struct market_view *v = arg;

	switch (action) {
	case ACT_PREV_DAY:
		kui_add_days(&v->day, -1);
		v->list.sel = 0;
		return TUI_OK;
	case ACT_NEXT_DAY:
		kui_add_days(&v->day, 1);
		v->list.sel = 0;
		return TUI_OK;
	case ACT_DATE:
		return kui_ask_date(ui, T("Market list of a day",
		    "Phiếu kê chợ theo ngày"), &v->day) == TUI_END ? TUI_END :
		    TUI_OK;
	case ACT_COUNTS:
		return meal_counts(ui, v);
	case ACT_FROM_ATTENDANCE:
		meals_from_attendance(ui, v);
		return TUI_OK;
	case ACT_BUY:
		return record_purchases(ui, v);
	default:
		return TUI_OK;
	}
}

static struct tui_list *
reload_view(struct tui *ui, void *arg)
{
	struct market_view *v = arg;

	reload(ui, v);
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	return &v->list;
}

int
screen_market(struct tui *ui)
{
	struct tui_keydef keys[KEYS_MAX];
	struct market_view v;
	int rc;

	kui_filter_keys(ui, market_keys, market_rights,
	    sizeof market_rights / sizeof market_rights[0], keys, KEYS_MAX);
	memset(&v, 0, sizeof v);
	mn_date_today(&v.day);
	tui_list_init(&v.list, market_columns, 5);
	rc = kui_list_loop(ui, v.title, keys, reload_view, dispatch, &v);
	tui_list_free(&v.list);
	mn_market_free(&v.market);
	return rc;
}

/* Reopens "count:YYYY-MM-DD:GROUP:manual|planned" from a draft. */
int
kitchen_market_reopen(struct tui *ui, const char *record)
{
	struct market_view v;
	enum mn_age_group g;
	char date[11], group[16], kind[16];
	int rc;

	memset(&v, 0, sizeof v);
	if (sscanf(record, "count:%10[0-9-]:%15[a-z-]:%15[a-z]", date, group,
	    kind) != 3 ||
	    mn_date_parse_iso(date, "date", &v.day, NULL) != MN_OK ||
	    mn_menu_group_parse(group, &g, NULL) != MN_OK)
		return TUI_CANCEL;
	tui_list_init(&v.list, market_columns, 5);
	reload(ui, &v);
	rc = set_count(ui, &v, g, strcmp(kind, "manual") == 0 ?
	    MN_COUNT_MANUAL : MN_COUNT_PLANNED);
	tui_list_free(&v.list);
	mn_market_free(&v.market);
	return rc;
}
