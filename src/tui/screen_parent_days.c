/*
 * The day-by-day part of a parent's child page: the month's attendance
 * and the daily logs, one month at a time ('p' and 'n' change month).
 * Both fit 40x15.  The reads go through parent_view.h, which checks the
 * link to the child and audits each view.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/parent_view.h"
#include "tui/screens.h"

enum {
	ACT_PREV_MONTH = TUI_ACT_USER,
	ACT_NEXT_MONTH,
};

static const struct tui_keydef month_keys[] = {
	{ { 'p', TK(KEY_PPAGE) }, "p", "Earlier", "Trước", ACT_PREV_MONTH },
	{ { 'n', TK(KEY_NPAGE) }, "n", "Later", "Sau", ACT_NEXT_MONTH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ .name = NULL }
};

static const struct tui_keydef days_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Read", "Đọc",
	    TUI_ACT_SELECT },
	{ { 'p' }, "p", "Earlier", "Trước", ACT_PREV_MONTH },
	{ { 'n' }, "n", "Later", "Sau", ACT_NEXT_MONTH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ .name = NULL }
};

static const struct tui_keydef read_keys[] = {
	{ { TK_ESC, TK(KEY_LEFT), TK_ENTER }, "Esc", "Back", "Quay lại",
	    TUI_ACT_BACK },
	{ .name = NULL }
};

static const struct tui_column day_column[] = {
	{ NULL, NULL, 0 },
};

static const char *const weekday_short[7][2] = {
	{ "Mon", "T2" }, { "Tue", "T3" }, { "Wed", "T4" }, { "Thu", "T5" },
	{ "Fri", "T6" }, { "Sat", "T7" }, { "Sun", "CN" },
};

/* Moves *year and *month by step months. */
static void
shift_month(int *year, int *month, int step)
{
	int index = *year * 12 + (*month - 1) + step;

	*year = index / 12;
	*month = index % 12 + 1;
}

/*
 * True when the month is after the current one, where nothing can be
 * recorded yet.  month may be 13 for January of the next year.
 */
static bool
after_today(int year, int month)
{
	struct mn_date today;

	mn_date_today(&today);
	return year * 12 + month > today.year * 12 + today.month;
}

static char *
month_text(const struct mn_child_month *m)
{
	char *text = NULL, day[16];
	size_t size;
	FILE *f;

	if ((f = open_memstream(&text, &size)) == NULL)
		return NULL;
	fprintf(f, "%s %02d/%04d\n", T("Month", "Tháng"), m->month, m->year);
	fprintf(f, "%s: %d, %s: %d\n", T("Present", "Có mặt"), m->present,
	    T("late", "đi muộn"), m->late);
	fprintf(f, "%s: %d, %s: %d\n", T("Excused", "Vắng có phép"),
	    m->excused, T("unexcused", "không phép"), m->unexcused);
	for (int i = 0; i < m->days; i++) {
		const struct mn_child_day *d = &m->day[i];
		int wd = mn_date_weekday(&d->day);

		if (!d->marked)
			continue;
		snprintf(day, sizeof day, "%02d/%02d", d->day.day,
		    d->day.month);
		fprintf(f, "%s %s %s%s%s\n", T(weekday_short[wd][0],
		    weekday_short[wd][1]), day, mn_mark_label(d->mark),
		    d->note[0] != '\0' ? ": " : "", d->note);
	}
	if (m->present + m->excused + m->unexcused == 0)
		fprintf(f, "%s\n", T("No attendance taken this month.",
		    "Tháng này chưa có điểm danh."));
	fclose(f);
	return text;
}

/* The month's attendance; 'p' and 'n' move by one month. */
int
parent_attendance_view(struct tui *ui, int64_t child_id)
{
	struct mn_child_month *m = malloc(sizeof *m);
	struct mn_date today;
	int year, month, rc = TUI_OK;

	if (m == NULL)
		return TUI_OK;
	mn_date_today(&today);
	year = today.year;
	month = today.month;
	for (;;) {
		struct mn_error err;
		char *text;
		int action;

		mn_error_clear(&err);
		if (mn_parent_attendance_month(ui->ctx, child_id, year, month,
		    m, &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			break;
		}
		text = month_text(m);
		action = screen_text(ui, text != NULL ? text : "", month_keys);
		free(text);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == ACT_PREV_MONTH)
			shift_month(&year, &month, -1);
		else if (action == ACT_NEXT_MONTH &&
		    !after_today(year, month + 1))
			shift_month(&year, &month, 1);
		else if (action == TUI_ACT_BACK)
			break;
	}
	free(m);
	return rc;
}

static char *
log_text(const struct mn_daily_log *log)
{
	static const struct {
		size_t offset;
		const char *en, *vi;
	} notes[] = {
		{ offsetof(struct mn_daily_log, symptoms), "Health",
		    "Sức khỏe" },
		{ offsetof(struct mn_daily_log, medicine), "Medicine given",
		    "Thuốc đã uống" },
		{ offsetof(struct mn_daily_log, behaviour), "Behaviour",
		    "Hành vi" },
		{ offsetof(struct mn_daily_log, learning), "Learning",
		    "Học tập" },
	};
	char *text = NULL, day[16], number[32];
	size_t size;
	FILE *f;

	if ((f = open_memstream(&text, &size)) == NULL)
		return NULL;
	mn_date_format(&log->day, day, sizeof day);
	fprintf(f, "%s %s\n", T(weekday_short[mn_date_weekday(&log->day)][0],
	    weekday_short[mn_date_weekday(&log->day)][1]), day);
	for (int i = 0; i < MN_MEAL_COUNT; i++)
		if (log->meals[i] != MN_INTAKE_NONE)
			fprintf(f, "%s: %s\n", mn_meal_label((enum mn_meal)i),
			    mn_intake_label(log->meals[i]));
	if (log->nap_minutes >= 0)
		fprintf(f, "%s: %d %s\n", T("Nap", "Ngủ trưa"),
		    log->nap_minutes, T("min", "phút"));
	if (log->temperature > 0)
		fprintf(f, "%s: %s °C\n", T("Temperature", "Nhiệt độ"),
		    screen_decimal(number, sizeof number, log->temperature));
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		const char *value = (const char *)log + notes[i].offset;

		if (value[0] != '\0')
			fprintf(f, "%s: %s\n", T(notes[i].en, notes[i].vi),
			    value);
	}
	fclose(f);
	return text;
}

static int
read_log(struct tui *ui, int64_t child_id, const struct mn_date *day)
{
	struct mn_daily_log *log = malloc(sizeof *log);
	struct mn_error err;
	char *text;
	int action;

	if (log == NULL)
		return TUI_OK;
	mn_error_clear(&err);
	if (mn_parent_daily_log(ui->ctx, child_id, day, log, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		free(log);
		return TUI_OK;
	}
	text = log_text(log);
	free(log);
	action = screen_text(ui, text != NULL ? text : "", read_keys);
	free(text);
	return action == TUI_ACT_END ? TUI_END : TUI_OK;
}

/* Lists the days of the month that have a log, newest first. */
static int
fill_days(struct tui *ui, struct tui_list *list, struct mn_date *days,
    int *n, int64_t child_id, int year, int month)
{
	struct mn_child_month *m = malloc(sizeof *m);
	struct mn_error err;
	int rc;

	tui_list_clear(list);
	*n = 0;
	if (m == NULL)
		return MN_ERR_NOMEM;
	mn_error_clear(&err);
	if ((rc = mn_parent_attendance_month(ui->ctx, child_id, year, month,
	    m, &err)) != MN_OK) {
		tui_error(ui, "%s", err.message);
		free(m);
		return rc;
	}
	for (int i = m->days - 1; i >= 0; i--) {
		const struct mn_date *d = &m->day[i].day;
		char label[64], date[16];
		const char *cell[1] = { label };

		if (!m->day[i].has_log)
			continue;
		mn_date_format(d, date, sizeof date);
		snprintf(label, sizeof label, "%s %s",
		    T(weekday_short[mn_date_weekday(d)][0],
		    weekday_short[mn_date_weekday(d)][1]), date);
		tui_list_add(list, cell);
		days[(*n)++] = *d;
	}
	free(m);
	return MN_OK;
}

/* The daily logs of a month, newest day first. */
int
parent_daily_logs(struct tui *ui, int64_t child_id)
{
	struct mn_date today, days[31];
	struct tui_list list;
	char heading[64];
	int year, month, n = 0, rc = TUI_OK;

	mn_date_today(&today);
	year = today.year;
	month = today.month;
	tui_list_init(&list, day_column, 1);
	list.empty_en = "No daily log this month.";
	list.empty_vi = "Tháng này chưa có nhật ký.";
	fill_days(ui, &list, days, &n, child_id, year, month);
	for (;;) {
		int action, row;

		snprintf(heading, sizeof heading, "%s %02d/%04d",
		    T("Month", "Tháng"), month, year);
		tui_enter(ui, heading);
		action = tui_list_run(ui, &list, days_keys);
		tui_leave(ui);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == ACT_PREV_MONTH || (action == ACT_NEXT_MONTH &&
		    !after_today(year, month + 1))) {
			shift_month(&year, &month, action == ACT_PREV_MONTH ?
			    -1 : 1);
			fill_days(ui, &list, days, &n, child_id, year, month);
			continue;
		}
		if (action != TUI_ACT_SELECT ||
		    (row = tui_list_selected(&list)) < 0 || row >= n)
			continue;
		if ((rc = read_log(ui, child_id, &days[row])) == TUI_END)
			break;
	}
	tui_list_free(&list);
	return rc;
}
