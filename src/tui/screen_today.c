/*
 * The school's day for the principal and the kitchen: each class's
 * enrolled, present and absent children, then the meals to cook per
 * age group.  A class whose attendance is not taken yet counts every
 * child as present, and its row is marked so.  No child's name is read.
 */
#include <stdio.h>
#include <string.h>

#include "core/attendance.h"
#include "core/registers.h"
#include "tui/screens.h"

enum { ACT_DATE = TUI_ACT_USER, ACT_RELOAD };

static const struct tui_keydef today_keys[] = {
	{ { TK(KEY_F(5)), 'r', 'R' }, "F5", "Refresh", "Tải lại", ACT_RELOAD },
	{ { 'd', 'D' }, "d", "Other day", "Ngày khác", ACT_DATE },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column today_columns[] = {
	{ "Class", "Lớp", 12 },
	{ "Age group", "Độ tuổi", 20 },
	{ "Enrolled", "Sĩ số", 6 },
	{ "Present", "Có mặt", 6 },
	{ "Absent", "Vắng", 5 },
	{ "Late", "Muộn", 5 },
	{ "Note", "Ghi chú", 0 },
};

static void
group_label(struct tui *ui, const char *code, char *buf, size_t size)
{
	if (mn_age_group_label(ui->ctx, code, buf, size) != MN_OK)
		snprintf(buf, size, "%s", code);
}

static int
add_row(struct tui_list *list, const char *a, const char *b, int enrolled,
    int present, int absent, int late, const char *note)
{
	char n1[16], n2[16], n3[16], n4[16];
	const char *cells[7];

	snprintf(n1, sizeof n1, "%d", enrolled);
	snprintf(n2, sizeof n2, "%d", present);
	snprintf(n3, sizeof n3, "%d", absent);
	if (late >= 0)
		snprintf(n4, sizeof n4, "%d", late);
	else
		n4[0] = '\0';
	cells[0] = a;
	cells[1] = b;
	cells[2] = n1;
	cells[3] = n2;
	cells[4] = n3;
	cells[5] = n4;
	cells[6] = note;
	return tui_list_add(list, cells);
}

static int
fill(struct tui *ui, struct tui_list *list, const struct mn_date *day,
    struct mn_error *err)
{
	struct mn_school_day sd;
	char label[128], note[128];
	const char *blank[7] = { "", "", "", "", "", "", "" };
	int rc;

	tui_list_clear(list);
	/* On a day off every child would count as eating: show nothing. */
	if (!mn_calendar_is_school_day(ui->ctx, day)) {
		list->empty_en = "No school on this day";
		list->empty_vi = "Ngày này trường không học";
		return MN_OK;
	}
	list->empty_en = "No class in this school year";
	list->empty_vi = "Năm học chưa có lớp nào";
	if ((rc = mn_attendance_school_day(ui->ctx, day, &sd, err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < sd.class_count; i++) {
		const struct mn_class_day_count *c = &sd.classes[i];

		group_label(ui, c->age_group, label, sizeof label);
		add_row(list, c->class_code, label, c->enrolled, c->present,
		    c->excused + c->unexcused, c->late, c->taken ? "" :
		    T("not taken yet", "chưa điểm danh"));
	}
	tui_list_add(list, blank);
	for (size_t i = 0; i < sd.group_count; i++) {
		const struct mn_meal_count *g = &sd.groups[i];

		group_label(ui, g->age_group, label, sizeof label);
		/* The meals are in the present column. */
		if (g->classes_not_taken > 0)
			snprintf(note, sizeof note, T("%d classes not taken",
			    "%d lớp chưa điểm danh"), g->classes_not_taken);
		else
			note[0] = '\0';
		add_row(list, T("Meals", "Suất ăn"), label, g->enrolled,
		    g->meals, g->enrolled - g->meals, -1, note);
	}
	snprintf(note, sizeof note, T("%d meals", "%d suất ăn"), sd.present);
	add_row(list, T("School", "Toàn trường"), "", sd.enrolled, sd.present,
	    sd.absent, -1, note);
	mn_school_day_free(&sd);
	return MN_OK;
}

int
screen_today(struct tui *ui)
{
	struct tui_list list;
	struct class_day cd;
	struct mn_error err;
	char title[128];
	int rc = TUI_OK;

	memset(&cd, 0, sizeof cd);
	mn_date_today(&cd.day);
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	tui_list_init(&list, today_columns, 7);
	tui_enter(ui, title);
	for (bool reload = true;;) {
		int act;

		if (reload) {
			class_day_label(&cd.day, title, sizeof title);
			mn_error_clear(&err);
			if (fill(ui, &list, &cd.day, &err) != MN_OK)
				tui_error(ui, "%s", err.message);
			reload = false;
		}
		act = tui_list_run(ui, &list, today_keys);
		if (act == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (act == TUI_ACT_BACK)
			break;
		if (act == ACT_RELOAD)
			reload = true;
		else if (act == ACT_DATE) {
			rc = class_day_ask_date(ui, &cd);
			if (rc == TUI_END)
				break;
			rc = TUI_OK;
			reload = true;
		}
	}
	tui_leave(ui);
	tui_list_free(&list);
	return rc;
}
