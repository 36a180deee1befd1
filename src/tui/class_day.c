/*
 * Choosing the class and the school day that the attendance and daily
 * log screens work on.  Only the classes the actor may write are
 * offered; the core checks access again on every load and save.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attendance.h"
#include "core/registers.h"
#include "tui/grid.h"

#define DATE_LETTERS 10

struct offer {
	struct tui *ui;
	struct tui_list *list;
	bool all;		/* the principal: every class */
	struct class_day *days;
	int n, cap;
};

static const struct tui_column class_columns[] = {
	{ "Class", "Mã lớp", 8 },
	{ "Name", "Tên lớp", 30 },
	{ "Children", "Sĩ số", 0 },
};

static const struct tui_keydef class_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Choose", "Chọn",
	    TUI_ACT_SELECT },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

void
class_day_label(const struct mn_date *day, char *buf, size_t size)
{
	static const char *const en[7] = { "Monday", "Tuesday", "Wednesday",
	    "Thursday", "Friday", "Saturday", "Sunday" };
	static const char *const vi[7] = { "Thứ Hai", "Thứ Ba", "Thứ Tư",
	    "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật" };
	char date[16];
	int wd = mn_date_weekday(day);

	mn_date_format(day, date, sizeof date);
	if (wd < 0 || wd > 6)
		snprintf(buf, size, "%s", date);
	else
		snprintf(buf, size, "%s %s", T(en[wd], vi[wd]), date);
}

static int
add_class(const struct mn_class *c, void *arg)
{
	struct offer *o = arg;
	struct class_day *cd;
	char count[16];
	const char *cells[3];

	if (!o->all && !mn_attendance_teaches(o->ui->ctx, c->id))
		return MN_OK;
	if (o->n == o->cap) {
		int cap = o->cap ? o->cap * 2 : 16;
		struct class_day *days = realloc(o->days, sizeof *days * cap);

		if (days == NULL)
			return MN_ERR_NOMEM;
		o->days = days;
		o->cap = cap;
	}
	cd = &o->days[o->n++];
	memset(cd, 0, sizeof *cd);
	cd->class_id = c->id;
	cd->school_year_id = c->school_year_id;
	snprintf(cd->code, sizeof cd->code, "%s", c->code);
	snprintf(count, sizeof count, "%d", c->enrolled);
	cells[0] = c->code;
	cells[1] = c->name;
	cells[2] = count;
	return tui_list_add(o->list, cells);
}

/* Fills the offer with the classes of the school year around today. */
static int
load_offer(struct tui *ui, struct offer *o, struct mn_error *err)
{
	struct mn_school_year year;
	struct mn_date today;
	int rc;

	mn_date_today(&today);
	rc = mn_school_year_current(ui->ctx, &today, &year, err);
	if (rc != MN_OK)
		return rc;
	return mn_class_list(ui->ctx, year.id, add_class, o, err);
}

int
class_day_pick_class(struct tui *ui, struct class_day *cd)
{
	struct tui_list list;
	struct offer o = { .ui = ui, .list = &list };
	struct mn_error err;
	struct mn_date day = cd->day;
	int rc = TUI_CANCEL, act, row;

	mn_error_clear(&err);
	o.all = (ui->ctx->actor.roles & (MN_ROLE_PRINCIPAL | MN_ROLE_HOST)) !=
	    0;
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	tui_list_init(&list, class_columns, 3);
	if (load_offer(ui, &o, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		goto done;
	}
	cd->offered = o.n;
	if (o.n == 0) {
		tui_error(ui, "%s", T("You have no class of this school year; "
		    "ask the principal to assign you one",
		    "Bạn chưa được phân công lớp nào trong năm học này; "
		    "hãy nhờ hiệu trưởng phân công"));
		goto done;
	}
	if (o.n == 1) {
		row = 0;
	} else {
		tui_enter(ui, T("Choose a class", "Chọn lớp"));
		do
			act = tui_list_run(ui, &list, class_keys);
		while (act == TUI_ACT_SELECT && tui_list_selected(&list) < 0);
		tui_leave(ui);
		if (act == TUI_ACT_END) {
			rc = TUI_END;
			goto done;
		}
		if (act != TUI_ACT_SELECT)
			goto done;
		row = tui_list_selected(&list);
	}
	*cd = o.days[row];
	cd->offered = o.n;
	if (day.year == 0)
		mn_date_today(&cd->day);
	else
		cd->day = day;
	rc = TUI_OK;
done:
	tui_list_free(&list);
	free(o.days);
	return rc;
}

bool
class_day_find(struct tui *ui, int64_t class_id, struct class_day *cd)
{
	struct tui_list list;
	struct offer o = { .ui = ui, .list = &list };
	struct mn_error err;
	bool found = false;

	mn_error_clear(&err);
	o.all = (ui->ctx->actor.roles & (MN_ROLE_PRINCIPAL | MN_ROLE_HOST)) !=
	    0;
	tui_list_init(&list, class_columns, 3);
	if (load_offer(ui, &o, &err) == MN_OK)
		for (int i = 0; i < o.n && !found; i++)
			if (o.days[i].class_id == class_id) {
				*cd = o.days[i];
				cd->offered = o.n;
				found = true;
			}
	tui_list_free(&list);
	free(o.days);
	return found;
}

int
class_day_ask_date(struct tui *ui, struct class_day *cd)
{
	struct tui_form_row row = {
		.name = "date",
		.en = "Date (dd/mm/yyyy)",
		.vi = "Ngày (dd/mm/yyyy)",
	};
	char heading[128], text[16];
	struct tui_form form = {
		.heading = heading,
		.note = T("Today or an earlier school day. Ctrl-U clears the "
		    "field.", "Hôm nay hoặc một ngày học trước đó. Ctrl-U xóa "
		    "ô nhập."),
		.rows = &row,
		.nrows = 1,
		.enter_submits = true,
		.quiet_cancel = true,
	};
	struct mn_error err;
	int rc;

	if (cd->class_id != 0)
		snprintf(heading, sizeof heading, T("Class %s", "Lớp %s"),
		    cd->code);
	else
		form.heading = NULL;
	tui_field_init(&row.field, DATE_LETTERS, TUI_SHOW);
	mn_date_format(&cd->day, text, sizeof text);
	tui_field_set(&row.field, text);
	tui_enter(ui, T("Choose a day", "Chọn ngày"));
	for (;;) {
		char *value;
		struct mn_date day;

		rc = tui_form_run(ui, &form);
		if (rc != TUI_OK)
			break;
		mn_error_clear(&err);
		value = tui_field_get(&row.field);
		rc = mn_date_parse(value != NULL ? value : "",
		    T("date", "ngày"), &day, &err);
		free(value);
		if (rc == MN_OK) {
			cd->day = day;
			rc = TUI_OK;
			break;
		}
		tui_error(ui, "%s", err.message);
	}
	tui_leave(ui);
	return rc;
}
