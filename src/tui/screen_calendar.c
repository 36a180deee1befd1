/*
 * The school calendar for the principal: one month at a time, each day
 * marked as a school day or not by the core (school year, weekends,
 * holidays and make-up days), with forms to add a school year, a
 * holiday and a make-up day.
 *
 * TODO: list the stored school years, holidays and make-up days once
 * the core has calls that read them.
 */
#include <stdio.h>
#include <string.h>

#include "tui/screen_reg.h"

enum {
	ACT_YEAR = TUI_ACT_USER,
	ACT_HOLIDAY,
	ACT_MAKEUP,
	ACT_PREV_MONTH,
	ACT_NEXT_MONTH,
};

static const struct tui_keydef calendar_keys[] = {
	{ { 'y' }, "y", "New school year", "Thêm năm học", ACT_YEAR },
	{ { 'h' }, "h", "New holiday", "Thêm ngày nghỉ", ACT_HOLIDAY },
	{ { 'b' }, "b", "New make-up day", "Thêm ngày học bù", ACT_MAKEUP },
	{ { '<', ',' }, "<", "Month before", "Tháng trước",
	    ACT_PREV_MONTH },
	{ { '>', '.' }, ">", "Month after", "Tháng sau", ACT_NEXT_MONTH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column day_columns[] = {
	{ "Date", "Ngày", 10 },
	{ "Weekday", "Thứ", 9 },
	{ "School day", "Ngày học", 0 },
};

static const char *
weekday_label(int wd)
{
	static const char *const en[] = { "Monday", "Tuesday", "Wednesday",
	    "Thursday", "Friday", "Saturday", "Sunday" };
	static const char *const vi[] = { "Thứ hai", "Thứ ba", "Thứ tư",
	    "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật" };

	return T(en[wd], vi[wd]);
}

/* Fills the list with the days of month, school days marked. */
static void
fill_month(struct tui *ui, struct tui_list *list, int year, int month)
{
	tui_list_clear(list);
	for (int d = 1; d <= mn_days_in_month(year, month); d++) {
		struct mn_date day = { year, month, d };
		char date[16];
		const char *cells[3];
		int wd = mn_date_weekday(&day);
		bool school = mn_calendar_is_school_day(ui->ctx, &day);

		mn_date_format(&day, date, sizeof date);
		cells[0] = date;
		cells[1] = weekday_label(wd);
		if (school)
			cells[2] = wd >= 5 ? T("yes (make-up day)",
			    "có (học bù)") : T("yes", "có");
		else
			cells[2] = wd >= 5 ? "" : T("no (holiday or outside "
			    "the school year)", "không (nghỉ hoặc ngoài năm "
			    "học)");
		tui_list_add(list, cells);
	}
}

/*
 * Runs a form of up to three rows until the store callback succeeds.
 * Row names are the labels, so core errors naming a label focus it.
 */
static int
run_form(struct tui *ui, struct tui_form *form, const char *title,
    int (*store)(struct tui *, struct tui_form *, struct mn_error *))
{
	struct mn_error err;
	int rc;

	reg_enter(ui, title);
	while ((rc = tui_form_run(ui, form)) == TUI_OK) {
		mn_error_clear(&err);
		rc = store(ui, form, &err);
		if (rc == MN_OK)
			break;
		reg_form_error(ui, form, &err);
		if (rc == MN_ERR_DENIED) {
			rc = TUI_CANCEL;
			break;
		}
	}
	reg_leave(ui);
	return rc;
}

static int
store_year(struct tui *ui, struct tui_form *form, struct mn_error *err)
{
	struct mn_date first, last;
	char name[32];
	int64_t id;
	int rc;

	reg_field_copy(&form->rows[0].field, name, sizeof name);
	if ((rc = reg_date_field(&form->rows[1].field, form->rows[1].name,
	    false, &first, err)) != MN_OK ||
	    (rc = reg_date_field(&form->rows[2].field, form->rows[2].name,
	    false, &last, err)) != MN_OK)
		return rc;
	rc = mn_school_year_add(ui->ctx, name, &first, &last, &id, err);
	if (rc == MN_OK)
		tui_message(ui, T("School year %s added", "Đã thêm năm học %s"),
		    name);
	return rc;
}

static int
store_holiday(struct tui *ui, struct tui_form *form, struct mn_error *err)
{
	struct mn_date first, last;
	char name[256];
	int64_t id;
	int rc;

	reg_field_copy(&form->rows[0].field, name, sizeof name);
	if ((rc = reg_date_field(&form->rows[1].field, form->rows[1].name,
	    false, &first, err)) != MN_OK)
		return rc;
	if ((rc = reg_date_field(&form->rows[2].field, form->rows[2].name,
	    true, &last, err)) != MN_OK)
		return rc;
	if (last.year == 0)
		last = first;
	rc = mn_holiday_add(ui->ctx, name, &first, &last, &id, err);
	if (rc == MN_OK)
		tui_message(ui, T("Holiday %s added", "Đã thêm ngày nghỉ %s"),
		    name);
	return rc;
}

static int
store_makeup(struct tui *ui, struct tui_form *form, struct mn_error *err)
{
	struct mn_date day;
	char reason[512], date[16];
	int64_t id;
	int rc;

	if ((rc = reg_date_field(&form->rows[0].field, form->rows[0].name,
	    false, &day, err)) != MN_OK)
		return rc;
	reg_field_copy(&form->rows[1].field, reason, sizeof reason);
	rc = mn_makeup_day_add(ui->ctx, &day, reason, &id, err);
	if (rc == MN_OK) {
		mn_date_format(&day, date, sizeof date);
		tui_message(ui, T("Make-up day %s added",
		    "Đã thêm ngày học bù %s"), date);
	}
	return rc;
}

static void
init_rows(struct tui_form_row *rows, int n, const int *max)
{
	for (int i = 0; i < n; i++) {
		rows[i].name = T(rows[i].en, rows[i].vi);
		tui_field_init(&rows[i].field, max[i], TUI_SHOW);
	}
}

static int
year_form(struct tui *ui)
{
	struct tui_form_row rows[3] = {
		{ .en = "School year", .vi = "Năm học" },
		{ .en = "First day", .vi = "Ngày khai giảng" },
		{ .en = "Last day", .vi = "Ngày kết thúc" },
	};
	static const int max[3] = { 9, 10, 10 };
	struct tui_form form = { .rows = rows, .nrows = 3,
	    .enter_submits = true };

	init_rows(rows, 3, max);
	form.note = T("School year: two consecutive years, such as "
	    "2026-2027.  Dates: dd/mm/yyyy.", "Năm học: hai năm liền nhau, "
	    "ví dụ 2026-2027.  Ngày: dd/mm/yyyy.");
	return run_form(ui, &form, T("New school year", "Thêm năm học"),
	    store_year);
}

static int
holiday_form(struct tui *ui)
{
	struct tui_form_row rows[3] = {
		{ .en = "Holiday", .vi = "Ngày nghỉ" },
		{ .en = "From", .vi = "Từ ngày" },
		{ .en = "To", .vi = "Đến ngày" },
	};
	static const int max[3] = { 100, 10, 10 };
	struct tui_form form = { .rows = rows, .nrows = 3,
	    .enter_submits = true };

	init_rows(rows, 3, max);
	form.note = T("Holiday: its name, such as Tết Nguyên đán.  Dates: "
	    "dd/mm/yyyy, both included; an empty \"To\" means one day.",
	    "Ngày nghỉ: tên, ví dụ Tết Nguyên đán.  Ngày: dd/mm/yyyy, tính "
	    "cả hai đầu; để trống \"Đến ngày\" là nghỉ một ngày.");
	return run_form(ui, &form, T("New holiday", "Thêm ngày nghỉ"),
	    store_holiday);
}

static int
makeup_form(struct tui *ui)
{
	struct tui_form_row rows[2] = {
		{ .en = "Make-up day", .vi = "Ngày học bù" },
		{ .en = "Reason", .vi = "Lý do" },
	};
	static const int max[2] = { 10, 200 };
	struct tui_form form = { .rows = rows, .nrows = 2,
	    .enter_submits = true };

	init_rows(rows, 2, max);
	form.note = T("Make-up day: a Saturday or Sunday taught, as "
	    "dd/mm/yyyy.", "Ngày học bù: thứ bảy hoặc chủ nhật có dạy, dạng "
	    "dd/mm/yyyy.");
	return run_form(ui, &form, T("New make-up day", "Thêm ngày học bù"),
	    store_makeup);
}

int
screen_calendar(struct tui *ui)
{
	struct tui_list list;
	struct mn_school_year year;
	struct mn_error err;
	struct mn_date today;
	char heading[256], first[16], last[16];
	int rc = TUI_CANCEL, y, m;

	mn_date_today(&today);
	y = today.year;
	m = today.month;
	tui_list_init(&list, day_columns, 3);
	heading[0] = '\0';
	reg_enter(ui, heading);
	for (;;) {
		int action;

		mn_error_clear(&err);
		if (reg_current_year(ui, &year, &err) == MN_OK) {
			mn_date_format(&year.first_day, first, sizeof first);
			mn_date_format(&year.last_day, last, sizeof last);
			snprintf(heading, sizeof heading, T("School year %s, "
			    "%s to %s; month %02d/%d", "Năm học %s, từ %s đến "
			    "%s; tháng %02d/%d"), year.name, first, last, m, y);
		} else
			snprintf(heading, sizeof heading, T("No school year "
			    "yet; month %02d/%d", "Chưa có năm học; tháng "
			    "%02d/%d"), m, y);
		fill_month(ui, &list, y, m);
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &list, calendar_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		switch (action) {
		case ACT_YEAR:
			rc = year_form(ui);
			break;
		case ACT_HOLIDAY:
			rc = holiday_form(ui);
			break;
		case ACT_MAKEUP:
			rc = makeup_form(ui);
			break;
		case ACT_PREV_MONTH:
			if (--m == 0) {
				m = 12;
				y--;
			}
			break;
		case ACT_NEXT_MONTH:
			if (++m == 13) {
				m = 1;
				y++;
			}
			break;
		default:
			break;
		}
		if (rc == TUI_END)
			break;
		rc = TUI_CANCEL;
	}
	reg_leave(ui);
	tui_list_free(&list);
	return rc;
}
