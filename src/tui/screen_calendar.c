/*
 * The school calendar for the principal: one month at a time, each day
 * marked as a school day or not by the core (school year, weekends,
 * holidays and make-up days), with forms to add a school year, a
 * holiday and a make-up day.  'l' lists a school year with its holidays
 * and make-up days, where each can be edited or deleted.  The forms keep
 * unsaved input as a draft ("calendar_form:KIND" or
 * "calendar_form:KIND:ID") when the session ends inside them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/drafts.h"
#include "core/kitchen.h"
#include "tui/draft_kinds.h"
#include "tui/screen_reg.h"

enum {
	ACT_YEAR = TUI_ACT_USER,
	ACT_HOLIDAY,
	ACT_MAKEUP,
	ACT_PREV_MONTH,
	ACT_NEXT_MONTH,
	ACT_EDIT,
	ACT_DELETE,
	ACT_LIST,
};

static const struct tui_keydef calendar_keys[] = {
	{ { 'y' }, "y", "New school year", "Thêm năm học", ACT_YEAR },
	{ { 'h' }, "h", "New holiday", "Thêm ngày nghỉ", ACT_HOLIDAY },
	{ { 'b' }, "b", "New make-up day", "Thêm ngày học bù", ACT_MAKEUP },
	{ { 'l' }, "l", "List and edit", "Danh sách, sửa", ACT_LIST },
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
 * Runs a calendar form until the store callback succeeds.  id is the
 * row the form edits, 0 for a new one; the row's version travels in
 * form->version, which a reopened draft restores.  Row names are the
 * labels, so core errors naming a label focus it.
 */
static int
run_form(struct tui *ui, struct tui_form *form, const char *title,
    int (*store)(struct tui *, struct tui_form *, int64_t,
    struct mn_error *), int64_t id)
{
	struct mn_error err;
	int rc;

	reg_enter(ui, title);
	while ((rc = tui_form_run(ui, form)) == TUI_OK) {
		mn_error_clear(&err);
		rc = store(ui, form, id, &err);
		if (rc == MN_OK)
			break;
		/* The values stay in the form, even after a refusal, so
		 * nothing typed is lost; Esc leaves. */
		reg_form_error(ui, form, &err);
	}
	reg_leave(ui);
	return rc;
}

static int
store_year(struct tui *ui, struct tui_form *form, int64_t id,
    struct mn_error *err)
{
	struct mn_date first, last;
	char name[32];
	int rc;

	reg_field_copy(&form->rows[0].field, name, sizeof name);
	if ((rc = reg_date_field(&form->rows[1].field, form->rows[1].name,
	    false, &first, err)) != MN_OK ||
	    (rc = reg_date_field(&form->rows[2].field, form->rows[2].name,
	    false, &last, err)) != MN_OK)
		return rc;
	if (id == 0)
		rc = mn_school_year_add(ui->ctx, name, &first, &last, &id,
		    err);
	else
		rc = mn_school_year_update(ui->ctx, id, form->version, name,
		    &first, &last, err);
	if (rc == MN_OK)
		tui_message(ui, form->version == 0 ? T("School year %s added",
		    "Đã thêm năm học %s") : T("School year %s saved",
		    "Đã lưu năm học %s"), name);
	return rc;
}

/*
 * Asks before a holiday covers days whose menu is planned or whose food
 * is bought; a refusal leaves the form open.  Roles that do not read
 * menus are not asked.
 */
static int
warn_planned_days(struct tui *ui, const struct mn_date *first,
    const struct mn_date *last, struct mn_error *err)
{
	struct mn_error kerr;
	struct mn_date from;
	char question[400], shown[16];
	int menus, bought, rc;

	mn_error_clear(&kerr);
	if (mn_kitchen_days_planned(ui->ctx, first, last, &menus, &bought,
	    &from, &kerr) != MN_OK || (menus == 0 && bought == 0))
		return MN_OK;
	mn_date_format(&from, shown, sizeof shown);
	snprintf(question, sizeof question, T("From %s, %d of these days "
	    "have a menu and %d have purchases recorded; the kitchen must "
	    "remove those menus.  Save the holiday?", "Từ %s, %d ngày trong "
	    "khoảng này đã có thực đơn và %d ngày đã ghi mua; bếp cần xóa "
	    "các thực đơn đó.  Vẫn lưu ngày nghỉ?"), shown, menus, bought);
	rc = tui_confirm(ui, question, false);
	if (rc == TUI_OK)
		return MN_OK;
	return mn_fail(err, MN_ERR_INVALID, "first_day", "%s",
	    T("holiday not saved: its days have menus or purchases",
	    "chưa lưu ngày nghỉ: các ngày này đã có thực đơn hoặc đã ghi "
	    "mua"));
}

static int
store_holiday(struct tui *ui, struct tui_form *form, int64_t id,
    struct mn_error *err)
{
	struct mn_date first, last;
	char name[256];
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
	if ((rc = warn_planned_days(ui, &first, &last, err)) != MN_OK)
		return rc;
	if (id == 0)
		rc = mn_holiday_add(ui->ctx, name, &first, &last, &id, err);
	else
		rc = mn_holiday_update(ui->ctx, id, form->version, name,
		    &first, &last, err);
	if (rc == MN_OK)
		tui_message(ui, form->version == 0 ? T("Holiday %s added",
		    "Đã thêm ngày nghỉ %s") : T("Holiday %s saved",
		    "Đã lưu ngày nghỉ %s"), name);
	return rc;
}

static int
store_makeup(struct tui *ui, struct tui_form *form, int64_t id,
    struct mn_error *err)
{
	struct mn_date day;
	char reason[512], date[16];
	int rc;

	if ((rc = reg_date_field(&form->rows[0].field, form->rows[0].name,
	    false, &day, err)) != MN_OK)
		return rc;
	reg_field_copy(&form->rows[1].field, reason, sizeof reason);
	if (id == 0)
		rc = mn_makeup_day_add(ui->ctx, &day, reason, &id, err);
	else
		rc = mn_makeup_day_update(ui->ctx, id, form->version, &day,
		    reason, err);
	if (rc == MN_OK) {
		mn_date_format(&day, date, sizeof date);
		tui_message(ui, form->version == 0 ? T("Make-up day %s added",
		    "Đã thêm ngày học bù %s") : T("Make-up day %s saved",
		    "Đã lưu ngày học bù %s"), date);
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

/* Writes the draft key: "calendar_form:KIND", with ":ID" for an edit. */
static void
draft_key(char *buf, size_t size, const char *kind, int64_t id)
{
	if (id == 0)
		snprintf(buf, size, "calendar_form:%s", kind);
	else
		snprintf(buf, size, "calendar_form:%s:%lld", kind,
		    (long long)id);
}

/* One of the calendar's forms: its rows, note, titles and store step. */
struct form_spec {
	const char *kind;		/* in the draft key */
	int nrows;
	const char *id[3];		/* row ids, the draft's field names */
	const char *en[3], *vi[3];	/* row labels */
	int max[3];			/* row field sizes */
	const char *note_en, *note_vi;
	const char *new_en, *new_vi;	/* title of an empty form */
	const char *edit_en, *edit_vi;	/* title of an edit */
	int (*store)(struct tui *, struct tui_form *, int64_t,
	    struct mn_error *);
};

static const struct form_spec year_spec = {
	"year", 3,
	{ "name", "first_day", "last_day" },
	{ "School year", "First day", "Last day" },
	{ "Năm học", "Ngày khai giảng", "Ngày kết thúc" },
	{ 9, 10, 10 },
	"School year: two consecutive years, such as 2026-2027.  Dates: "
	"dd/mm/yyyy.",
	"Năm học: hai năm liền nhau, ví dụ 2026-2027.  Ngày: dd/mm/yyyy.",
	"New school year", "Thêm năm học", "Edit school year", "Sửa năm học",
	store_year
};

static const struct form_spec holiday_spec = {
	"holiday", 3,
	{ "name", "first_day", "last_day" },
	{ "Holiday", "From", "To" },
	{ "Ngày nghỉ", "Từ ngày", "Đến ngày" },
	{ 100, 10, 10 },
	"Holiday: its name, such as Tết Nguyên đán.  Dates: dd/mm/yyyy, "
	"both included; an empty \"To\" means one day.",
	"Ngày nghỉ: tên, ví dụ Tết Nguyên đán.  Ngày: dd/mm/yyyy, tính cả "
	"hai đầu; để trống \"Đến ngày\" là nghỉ một ngày.",
	"New holiday", "Thêm ngày nghỉ", "Edit holiday", "Sửa ngày nghỉ",
	store_holiday
};

static const struct form_spec makeup_spec = {
	"makeup", 2,
	{ "day", "reason" },
	{ "Make-up day", "Reason" },
	{ "Ngày học bù", "Lý do" },
	{ 10, 200 },
	"Make-up day: a Saturday or Sunday taught, as dd/mm/yyyy.",
	"Ngày học bù: thứ bảy hoặc chủ nhật có dạy, dạng dd/mm/yyyy.",
	"New make-up day", "Thêm ngày học bù", "Edit make-up day",
	"Sửa ngày học bù", store_makeup
};

/*
 * Opens the form of spec: empty for id 0, else the edit of row id at
 * version with values (one per row) in its fields.
 */
static int
open_form(struct tui *ui, const struct form_spec *spec, int64_t id,
    int64_t version, const char *const *values)
{
	struct tui_form_row rows[3];
	struct tui_form form = { .rows = rows, .nrows = spec->nrows,
	    .enter_submits = true };
	char key[MN_DRAFT_KEY_SIZE];

	memset(rows, 0, sizeof rows);
	for (int i = 0; i < spec->nrows; i++) {
		rows[i].id = spec->id[i];
		rows[i].en = spec->en[i];
		rows[i].vi = spec->vi[i];
	}
	init_rows(rows, spec->nrows, spec->max);
	if (id != 0) {
		for (int i = 0; i < spec->nrows; i++)
			tui_field_set(&rows[i].field, values[i]);
		form.version = version;
	}
	draft_key(key, sizeof key, spec->kind, id);
	form.draft_key = key;
	form.note = T(spec->note_en, spec->note_vi);
	return run_form(ui, &form, id != 0 ? T(spec->edit_en, spec->edit_vi) :
	    T(spec->new_en, spec->new_vi), spec->store, id);
}

/* Opens the form of spec on a row with a name and a range of days. */
static int
range_form(struct tui *ui, const struct form_spec *spec, int64_t id,
    int64_t version, const char *name, const struct mn_date *first_day,
    const struct mn_date *last_day)
{
	char first[16], last[16];

	reg_date_text(first_day, first, sizeof first);
	reg_date_text(last_day, last, sizeof last);
	return open_form(ui, spec, id, version,
	    (const char *const[]){ name, first, last });
}

/* Opens the school year form, empty for y NULL, else filled from y. */
static int
year_form(struct tui *ui, const struct mn_school_year *y)
{
	if (y == NULL)
		return open_form(ui, &year_spec, 0, 0, NULL);
	return range_form(ui, &year_spec, y->id, y->version, y->name,
	    &y->first_day, &y->last_day);
}

/* Opens the holiday form, empty for e NULL, else filled from e. */
static int
holiday_form(struct tui *ui, const struct mn_calendar_entry *e)
{
	if (e == NULL)
		return open_form(ui, &holiday_spec, 0, 0, NULL);
	return range_form(ui, &holiday_spec, e->id, e->version, e->name,
	    &e->first_day, &e->last_day);
}

/* Opens the make-up day form, empty for e NULL, else filled from e. */
static int
makeup_form(struct tui *ui, const struct mn_calendar_entry *e)
{
	char day[16];

	if (e == NULL)
		return open_form(ui, &makeup_spec, 0, 0, NULL);
	reg_date_text(&e->first_day, day, sizeof day);
	return open_form(ui, &makeup_spec, e->id, e->version,
	    (const char *const[]){ day, e->name });
}

/* ---- The list of a school year's entries ----------------------------- */

static const struct tui_keydef entry_keys[] = {
	{ { TK_ENTER, 'e' }, "Enter", "Edit", "Sửa", ACT_EDIT },
	{ { 'x', TK(KEY_DC) }, "x", "Delete", "Xóa", ACT_DELETE },
	{ { 'h' }, "h", "New holiday", "Thêm ngày nghỉ", ACT_HOLIDAY },
	{ { 'b' }, "b", "New make-up day", "Thêm ngày học bù", ACT_MAKEUP },
	{ { 'y' }, "y", "New school year", "Thêm năm học", ACT_YEAR },
	{ { '<', ',' }, "<", "Year before", "Năm trước", ACT_PREV_MONTH },
	{ { '>', '.' }, ">", "Year after", "Năm sau", ACT_NEXT_MONTH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column entry_columns[] = {
	{ "Kind", "Loại", 12 },
	{ "From", "Từ ngày", 10 },
	{ "To", "Đến ngày", 10 },
	{ "Name or reason", "Tên hoặc lý do", 0 },
};

/* The school years, oldest first, and a school year's entries. */
struct calendar_rows {
	struct mn_school_year *years;
	int nyears, years_cap;
	struct mn_calendar_entry *entries;
	int nentries, entries_cap;
};

static int
collect_year(const struct mn_school_year *y, void *arg)
{
	struct calendar_rows *c = arg;

	if (c->nyears == c->years_cap) {
		int cap = c->years_cap ? c->years_cap * 2 : 8;
		struct mn_school_year *p = realloc(c->years, sizeof *p * cap);

		if (p == NULL)
			return 1;
		c->years = p;
		c->years_cap = cap;
	}
	c->years[c->nyears++] = *y;
	return 0;
}

static int
collect_entry(const struct mn_calendar_entry *e, void *arg)
{
	struct calendar_rows *c = arg;

	if (c->nentries == c->entries_cap) {
		int cap = c->entries_cap ? c->entries_cap * 2 : 16;
		struct mn_calendar_entry *p = realloc(c->entries,
		    sizeof *p * cap);

		if (p == NULL)
			return 1;
		c->entries = p;
		c->entries_cap = cap;
	}
	c->entries[c->nentries++] = *e;
	return 0;
}

/* Reads the school years again; returns the index of year_id or -1. */
static int
load_years(struct tui *ui, struct calendar_rows *c, int64_t year_id)
{
	struct mn_error err;

	c->nyears = 0;
	mn_error_clear(&err);
	if (mn_school_year_list(ui->ctx, collect_year, c, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	for (int i = 0; i < c->nyears; i++)
		if (c->years[i].id == year_id)
			return i;
	return -1;
}

/* Fills the list: the school year first, then its entries by date. */
static void
fill_entries(struct tui *ui, struct tui_list *list, struct calendar_rows *c,
    const struct mn_school_year *y)
{
	struct mn_error err;
	char first[16], last[16];
	const char *cells[4];

	tui_list_clear(list);
	c->nentries = 0;
	mn_date_format(&y->first_day, first, sizeof first);
	mn_date_format(&y->last_day, last, sizeof last);
	cells[0] = T("School year", "Năm học");
	cells[1] = first;
	cells[2] = last;
	cells[3] = y->name;
	tui_list_add(list, cells);
	mn_error_clear(&err);
	if (mn_calendar_entry_list(ui->ctx, y, collect_entry, c, &err) !=
	    MN_OK)
		tui_error(ui, "%s", err.message);
	for (int i = 0; i < c->nentries; i++) {
		const struct mn_calendar_entry *e = &c->entries[i];

		mn_date_format(&e->first_day, first, sizeof first);
		mn_date_format(&e->last_day, last, sizeof last);
		cells[0] = e->makeup ? T("Make-up day", "Học bù") :
		    T("Holiday", "Ngày nghỉ");
		cells[1] = first;
		cells[2] = e->makeup ? "" : last;
		cells[3] = e->name;
		tui_list_add(list, cells);
	}
}

/* Asks, then deletes the selected row (0: the school year itself). */
static int
delete_row(struct tui *ui, const struct calendar_rows *c,
    const struct mn_school_year *y, int row)
{
	const struct mn_calendar_entry *e = row > 0 ? &c->entries[row - 1] :
	    NULL;
	struct mn_error err;
	char question[512], date[16];
	int rc;

	if (e == NULL)
		snprintf(question, sizeof question, T("Delete school year "
		    "%s?", "Xóa năm học %s?"), y->name);
	else {
		mn_date_format(&e->first_day, date, sizeof date);
		snprintf(question, sizeof question, e->makeup ?
		    T("Delete the make-up day %s?", "Xóa ngày học bù %s?") :
		    T("Delete the holiday %s?", "Xóa ngày nghỉ %s?"),
		    e->makeup ? date : e->name);
	}
	if ((rc = tui_confirm(ui, question, false)) != TUI_OK)
		return rc;
	mn_error_clear(&err);
	if (e == NULL)
		rc = mn_school_year_delete(ui->ctx, y->id, y->version, &err);
	else if (e->makeup)
		rc = mn_makeup_day_delete(ui->ctx, e->id, e->version, &err);
	else
		rc = mn_holiday_delete(ui->ctx, e->id, e->version, &err);
	if (rc != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_message(ui, "%s", T("Deleted", "Đã xóa"));
	return TUI_OK;
}

/* Opens the form that edits the selected row. */
static int
edit_row(struct tui *ui, const struct calendar_rows *c,
    const struct mn_school_year *y, int row)
{
	const struct mn_calendar_entry *e;

	if (row <= 0)
		return year_form(ui, y);
	e = &c->entries[row - 1];
	return e->makeup ? makeup_form(ui, e) : holiday_form(ui, e);
}

/*
 * Lists a school year with its holidays and make-up days; '<' and '>'
 * move to the year before or after.  Starts at the current year.
 */
static int
entries_screen(struct tui *ui)
{
	struct calendar_rows c = { 0 };
	struct tui_list list;
	struct mn_school_year current;
	struct mn_error err;
	char title[128];
	int rc = TUI_CANCEL, at;

	mn_error_clear(&err);
	current.id = 0;
	if (reg_current_year(ui, &current, &err) != MN_OK)
		current.id = 0;
	at = load_years(ui, &c, current.id);
	if (at < 0)
		at = c.nyears - 1;
	if (c.nyears == 0) {
		tui_error(ui, "%s", T("No school year yet; add one with 'y'",
		    "Chưa có năm học; hãy thêm bằng phím 'y'"));
		return TUI_CANCEL;
	}
	tui_list_init(&list, entry_columns, 4);
	title[0] = '\0';
	reg_enter(ui, title);
	for (;;) {
		const struct mn_school_year y = c.years[at];
		int keep = list.sel, action, row;

		snprintf(title, sizeof title, T("School year %s: holidays "
		    "and make-up days", "Năm học %s: ngày nghỉ, ngày học bù"),
		    y.name);
		fill_entries(ui, &list, &c, &y);
		list.sel = keep < list.nshown ? keep : list.nshown - 1;
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &list, entry_keys);
		row = tui_list_selected(&list);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		rc = TUI_CANCEL;
		switch (action) {
		case ACT_EDIT:
			/* row is -1 when a search matches nothing. */
			if (row >= 0)
				rc = edit_row(ui, &c, &y, row);
			break;
		case ACT_DELETE:
			if (row >= 0)
				rc = delete_row(ui, &c, &y, row);
			break;
		case ACT_YEAR:
			rc = year_form(ui, NULL);
			break;
		case ACT_HOLIDAY:
			rc = holiday_form(ui, NULL);
			break;
		case ACT_MAKEUP:
			rc = makeup_form(ui, NULL);
			break;
		case ACT_PREV_MONTH:
			if (at > 0)
				at--;
			list.sel = 0;
			break;
		case ACT_NEXT_MONTH:
			if (at < c.nyears - 1)
				at++;
			list.sel = 0;
			break;
		default:
			break;
		}
		if (rc == TUI_END)
			break;
		/* A year may have been added, renamed or deleted. */
		if ((at = load_years(ui, &c, c.years[at].id)) < 0) {
			at = c.nyears - 1;
			list.sel = 0;
		}
		if (c.nyears == 0) {
			rc = TUI_CANCEL;
			break;
		}
	}
	reg_leave(ui);
	tui_list_free(&list);
	free(c.years);
	free(c.entries);
	return rc;
}

/* Finds the row a draft names; false after showing why not. */
static bool
find_draft_row(struct tui *ui, const char *kind, int64_t id,
    struct mn_school_year *year, struct mn_calendar_entry *entry)
{
	struct calendar_rows c = { 0 };
	struct mn_error err;
	bool found = false;

	load_years(ui, &c, 0);
	for (int i = 0; i < c.nyears && !found; i++) {
		if (strcmp(kind, "year") == 0) {
			found = c.years[i].id == id;
			*year = c.years[i];
			continue;
		}
		c.nentries = 0;
		mn_error_clear(&err);
		if (mn_calendar_entry_list(ui->ctx, &c.years[i],
		    collect_entry, &c, &err) != MN_OK)
			break;
		for (int k = 0; k < c.nentries && !found; k++)
			if (c.entries[k].id == id && c.entries[k].makeup ==
			    (strcmp(kind, "makeup") == 0)) {
				*entry = c.entries[k];
				found = true;
			}
	}
	free(c.years);
	free(c.entries);
	if (!found)
		tui_error(ui, "%s", T("The calendar entry of this draft no "
		    "longer exists", "Mục lịch của bản nháp này không còn"));
	return found;
}

/* Reopens a calendar form kept as a draft: "KIND" or "KIND:ID". */
int
calendar_form_reopen(struct tui *ui, const char *record)
{
	struct mn_school_year year;
	struct mn_calendar_entry entry;
	char kind[16];
	size_t len = strcspn(record, ":");
	long long id = record[len] == ':' ? atoll(record + len + 1) : 0;

	snprintf(kind, sizeof kind, "%.*s", (int)len, record);
	if (strcmp(kind, "year") != 0 && strcmp(kind, "holiday") != 0 &&
	    strcmp(kind, "makeup") != 0)
		return TUI_CANCEL;
	if (id > 0 && !find_draft_row(ui, kind, id, &year, &entry))
		return TUI_CANCEL;
	if (strcmp(kind, "year") == 0)
		return year_form(ui, id > 0 ? &year : NULL);
	if (strcmp(kind, "holiday") == 0)
		return holiday_form(ui, id > 0 ? &entry : NULL);
	return makeup_form(ui, id > 0 ? &entry : NULL);
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
			rc = year_form(ui, NULL);
			break;
		case ACT_HOLIDAY:
			rc = holiday_form(ui, NULL);
			break;
		case ACT_MAKEUP:
			rc = makeup_form(ui, NULL);
			break;
		case ACT_LIST:
			rc = entries_screen(ui);
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
