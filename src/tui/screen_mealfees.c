/*
 * The month's meal-fee book (sổ tính tiền ăn) for the accountant: for
 * each day the meals eaten, the fees collected, the purchases, the day's
 * surplus or shortfall and the balance carried to the next day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kitchen.h"
#include "tui/kitchen_ui.h"
#include "tui/screens.h"

enum {
	ACT_PREV_MONTH = TUI_ACT_USER,
	ACT_NEXT_MONTH,
};

static const struct tui_keydef fee_keys[] = {
	{ { '[' }, "[", "Month before", "Tháng trước", ACT_PREV_MONTH },
	{ { ']' }, "]", "Month after", "Tháng sau", ACT_NEXT_MONTH },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

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
	int meals = 0;
	char number[16];

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
		struct mn_date d;
		char label[32];

		if (mn_date_parse_iso(rows[i].date, "date", &d, NULL) == MN_OK)
			kui_day_label(&d, label, sizeof label);
		else
			snprintf(label, sizeof label, "%s", rows[i].date);
		snprintf(number, sizeof number, "%d", rows[i].children);
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
	return true;
}

int
screen_mealfees(struct tui *ui)
{
	struct tui_list list;
	struct mn_date today;
	char month[8], title[128] = "";
	int year, mon, rc = TUI_CANCEL;

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
		action = tui_list_run(ui, &list, fee_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
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
