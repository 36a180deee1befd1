/*
 * The month's meal-fee book (sổ tính tiền ăn) for the accountant: for
 * each day the meals eaten, the fees collected, the purchases, the day's
 * surplus or shortfall and the balance carried to the next day.  The
 * accountant and the principal set the meal fee of an age group from a
 * date on.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kitchen.h"
#include "core/validate.h"
#include "tui/kitchen_ui.h"
#include "tui/screens.h"

enum {
	ACT_PREV_MONTH = TUI_ACT_USER,
	ACT_NEXT_MONTH,
	ACT_SET_FEE,
};

static const struct tui_keydef fee_keys[] = {
	{ { '[' }, "[", "Month before", "Tháng trước", ACT_PREV_MONTH },
	{ { ']' }, "]", "Month after", "Tháng sau", ACT_NEXT_MONTH },
	{ { 'f' }, "f", "Set meal fee", "Đặt tiền ăn", ACT_SET_FEE },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct kui_key_right fee_rights[] = {
	{ ACT_SET_FEE, MN_KITCHEN_FEES },
};

#define KEYS_MAX 16

static const struct tui_column fee_columns[] = {
	{ "Day", "Ngày", 16 },
	{ "Meals", "Số suất", 7 },
	{ "Fees in", "Tiền thu", 12 },
	{ "Purchases", "Tiền chi", 12 },
	{ "Surplus", "Thừa/thiếu", 11 },
	{ "Balance", "Tồn cuối", 12 },
	{ "Per child", "Chi/suất", 0 },
};

#define NCOLS ((int)(sizeof fee_columns / sizeof fee_columns[0]))

static void
add_money_row(struct tui_list *l, const char *label, const char *meals,
    const int64_t *money, int nmoney)
{
	char text[5][32];
	const char *cells[NCOLS] = { label, meals, "", "", "", "", "" };

	for (int i = 0; i < nmoney && i < 5; i++) {
		if (money[i] == INT64_MIN)
			continue;
		kui_money(money[i], text[i], sizeof text[i]);
		cells[2 + i] = text[i];
	}
	tui_list_add(l, cells);
}

/* Fills the list with the month; returns false when the core failed. */
static bool
fill(struct tui *ui, struct tui_list *l, const char *month)
{
	struct mn_fee_row *rows = NULL;
	struct mn_error err;
	size_t count = 0;
	int64_t opening = 0, in = 0, out = 0, balance, money[5];
	struct mn_meal_check check;
	int meals = 0;
	char number[16], stale[400] = "";

	mn_error_clear(&err);
	tui_list_clear(l);
	if (mn_kitchen_fee_book(ui->ctx, month, &rows, &count, &opening,
	    &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return false;
	}
	money[0] = money[1] = money[2] = money[4] = INT64_MIN;
	money[3] = opening;
	add_money_row(l, T("Carried in", "Tồn đầu tháng"), "", money, 5);
	balance = opening;
	for (size_t i = 0; i < count; i++) {
		struct mn_date d = { 0, 0, 0 };
		char label[32];

		if (mn_date_parse_iso(rows[i].date, "date", &d, NULL) == MN_OK)
			kui_day_label(&d, label, sizeof label);
		else
			snprintf(label, sizeof label, "%s", rows[i].date);
		snprintf(number, sizeof number, "%d", rows[i].children);
		/* A star marks a count that no longer matches attendance. */
		mn_error_clear(&err);
		if (mn_kitchen_meals_check(ui->ctx, &d, &check, &err) ==
		    MN_OK && check.stale) {
			snprintf(number, sizeof number, "%d*",
			    rows[i].children);
			if (stale[0] == '\0') {
				char why[300];

				mn_kitchen_meals_check_text(&check, why,
				    sizeof why);
				snprintf(stale, sizeof stale, "* %s: %s", label,
				    why);
			}
		}
		money[0] = rows[i].money_in;
		money[1] = rows[i].money_out;
		money[2] = rows[i].day_balance;
		money[3] = rows[i].balance;
		money[4] = rows[i].cost_per_child;
		add_money_row(l, label, number, money, 5);
		meals += rows[i].children;
		in += rows[i].money_in;
		out += rows[i].money_out;
		balance = rows[i].balance;
	}
	snprintf(number, sizeof number, "%d", meals);
	money[0] = in;
	money[1] = out;
	money[2] = in - out;
	money[3] = balance;
	money[4] = meals > 0 ? mn_round_money((double)out / meals) :
	    INT64_MIN;
	add_money_row(l, T("Month", "Cộng tháng"), number, money, 5);
	free(rows);
	if (stale[0] != '\0' && ui->message[0] == '\0')
		tui_error(ui, "%s", stale);
	return true;
}

/* ---- The meal-fee form --------------------------------------------------- */

enum { F_GROUP, F_FROM, F_FEE, F_ROWS };

static int
read_fee(struct tui_form_row *rows, enum mn_age_group *g,
    struct mn_date *from, int64_t *fee, struct mn_error *err)
{
	char *text[F_ROWS];
	int rc = MN_OK;

	*fee = 0;
	for (int i = 0; i < F_ROWS; i++)
		if ((text[i] = tui_field_get(&rows[i].field)) == NULL)
			rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if (rc == MN_OK) {
		int found = -1;

		for (int i = 0; i < MN_GROUP_COUNT; i++)
			if (strcmp(text[F_GROUP], mn_menu_group_key(i)) == 0 ||
			    strcmp(text[F_GROUP], mn_menu_group_label(i)) == 0)
				found = i;
		if (found < 0)
			rc = mn_fail(err, MN_ERR_INVALID, "group",
			    T("group: invalid value '%.30s'; expected %s or %s",
			    "nhóm tuổi: giá trị '%.30s' không hợp lệ; cần %s "
			    "hoặc %s"), text[F_GROUP],
			    mn_menu_group_label(MN_GROUP_NHA_TRE),
			    mn_menu_group_label(MN_GROUP_MAU_GIAO));
		else
			*g = found;
	}
	if (rc == MN_OK)
		rc = mn_date_parse(text[F_FROM], "effective_from", from, err);
	if (rc == MN_OK)
		rc = mn_parse_money(text[F_FEE], "fee", T("Meal fee",
		    "Tiền ăn"), KUI_MONEY_MAX, fee, err);
	for (int i = 0; i < F_ROWS; i++)
		free(text[i]);
	return rc;
}

/* Runs the meal-fee form; draft key "kitchen:fee". */
static int
fee_form(struct tui *ui)
{
	struct tui_form_row rows[F_ROWS] = {
		{ .name = "group", .en = "Age group", .vi = "Nhóm tuổi" },
		{ .name = "effective_from", .en = "From (dd/mm/yyyy)",
		    .vi = "Áp dụng từ (dd/mm/yyyy)" },
		{ .name = "fee", .en = "Fee per child per day (đồng)",
		    .vi = "Tiền ăn mỗi trẻ mỗi ngày (đồng)" },
	};
	struct tui_form form = { .rows = rows, .nrows = F_ROWS,
	    .draft_key = "kitchen:fee" };
	struct mn_date today;
	struct mn_error err;
	char text[16];
	int rc;

	tui_field_init(&rows[F_GROUP].field, 20, TUI_SHOW);
	tui_field_init(&rows[F_FROM].field, 10, TUI_SHOW);
	tui_field_init(&rows[F_FEE].field, 9, TUI_SHOW);
	tui_field_set(&rows[F_GROUP].field,
	    mn_menu_group_label(MN_GROUP_MAU_GIAO));
	mn_date_today(&today);
	mn_date_format(&today, text, sizeof text);
	tui_field_set(&rows[F_FROM].field, text);
	tui_enter(ui, T("Set the meal fee", "Đặt tiền ăn"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		enum mn_age_group g = MN_GROUP_MAU_GIAO;
		struct mn_date from;
		int64_t fee;

		mn_error_clear(&err);
		if (read_fee(rows, &g, &from, &fee, &err) == MN_OK &&
		    mn_kitchen_meal_fee_set(ui->ctx, g, &from, fee, &err) ==
		    MN_OK) {
			tui_message(ui, T("Meal fee saved", "Đã lưu tiền ăn"));
			break;
		}
		tui_error(ui, "%s", err.message);
		tui_form_focus(&form, err.field);
	}
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

/* Reopens "fee" from a draft. */
int
kitchen_fee_reopen(struct tui *ui, const char *record)
{
	return strcmp(record, "fee") == 0 ? fee_form(ui) : TUI_CANCEL;
}

int
screen_mealfees(struct tui *ui)
{
	struct tui_keydef keys[KEYS_MAX];
	struct tui_list list;
	struct mn_date today;
	char month[8], title[128] = "";
	int year, mon, rc = TUI_CANCEL;

	kui_filter_keys(ui, fee_keys, fee_rights,
	    sizeof fee_rights / sizeof fee_rights[0], keys, KEYS_MAX);
	mn_date_today(&today);
	year = today.year;
	mon = today.month;
	tui_list_init(&list, fee_columns, NCOLS);
	tui_enter(ui, title);
	for (;;) {
		int action;

		snprintf(month, sizeof month, "%04u-%02u",
		    (unsigned)year % 10000u, (unsigned)mon % 100u);
		fill(ui, &list, month);
		snprintf(title, sizeof title, "%s %02d/%04d", T("month",
		    "tháng"), mon, year);
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &list, keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == ACT_SET_FEE) {
			if (fee_form(ui) == TUI_END) {
				rc = TUI_END;
				break;
			}
			continue;
		}
		if (action == ACT_PREV_MONTH && --mon < 1) {
			mon = 12;
			year--;
		} else if (action == ACT_NEXT_MONTH && ++mon > 12) {
			mon = 1;
			year++;
		}
		list.sel = 0;
	}
	tui_leave(ui);
	tui_list_free(&list);
	return rc;
}
