/*
 * Views built on the attendance marks: the school's day by class and
 * meals by age group, the monthly sheet of a class with its CSV and XLSX
 * forms, and a child's month.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "core/access.h"
#include "core/attendance.h"
#include "core/audit.h"
#include "core/csv.h"
#include "core/db.h"
#include "core/parents.h"
#include "core/registers.h"

static void
bind_date(sqlite3_stmt *st, int index, const struct mn_date *d)
{
	char buf[16];

	mn_date_format_iso(d, buf, sizeof buf);
	sqlite3_bind_text(st, index, buf, -1, SQLITE_TRANSIENT);
}

static void
copy_column(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *text = sqlite3_column_text(st, col);

	snprintf(dst, size, "%s", text != NULL ? (const char *)text : "");
}

static int
no_memory(struct mn_error *err)
{
	return mn_fail(err, MN_ERR_NOMEM, "", T("out of memory",
	    "hết bộ nhớ"));
}

static enum mn_mark
mark_from_name(const char *name)
{
	enum mn_mark m;

	if (name != NULL && mn_mark_parse(name, "mark", &m, NULL) == MN_OK)
		return m;
	return MN_MARK_PRESENT;
}

/* Day of month (1-31) of an ISO date text, 0 when malformed. */
static int
iso_day(const unsigned char *text)
{
	if (text == NULL || strlen((const char *)text) != 10)
		return 0;
	return (text[8] - '0') * 10 + (text[9] - '0');
}

/* ---- The school's day ------------------------------------------------ */

void
mn_school_day_free(struct mn_school_day *sd)
{
	free(sd->classes);
	free(sd->groups);
	sd->classes = NULL;
	sd->groups = NULL;
	sd->class_count = sd->group_count = 0;
}

static struct mn_meal_count *
group_of(struct mn_school_day *sd, const char *age_group)
{
	struct mn_meal_count *g;

	for (size_t i = 0; i < sd->group_count; i++)
		if (strcmp(sd->groups[i].age_group, age_group) == 0)
			return &sd->groups[i];
	g = realloc(sd->groups, (sd->group_count + 1) * sizeof *g);
	if (g == NULL)
		return NULL;
	sd->groups = g;
	g = &sd->groups[sd->group_count++];
	memset(g, 0, sizeof *g);
	snprintf(g->age_group, sizeof g->age_group, "%s", age_group);
	return g;
}

int
mn_attendance_school_day(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_school_day *out, struct mn_error *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	out->day = *day;
	if (!mn_allowed(&ctx->actor, MN_ACT_ATTENDANCE_COUNTS)) {
		mn_audit(ctx->db, &ctx->actor, "denied", NULL, 0, NULL, NULL,
		    "attendance_counts", NULL);
		return mn_fail(err, MN_ERR_DENIED, "",
		    T("your account is not allowed to see the school's "
		    "attendance", "tài khoản của bạn không được xem điểm danh "
		    "toàn trường"));
	}
	/* Classes of the school year containing the day, by code. */
	rc = mn_prepare(ctx->db, "SELECT c.id, c.code, c.age_group, "
	    "(SELECT count(DISTINCT h.child_id) FROM child_class_history h "
	    "  WHERE h.class_id = c.id AND h.from_date <= ?1 "
	    "  AND (h.to_date IS NULL OR h.to_date > ?1)), "
	    "coalesce(d.attendance_saved, 0), "
	    "(SELECT count(*) FROM attendance_marks m "
	    "  WHERE m.class_day_id = d.id AND m.mark = 'late'), "
	    "(SELECT count(*) FROM attendance_marks m "
	    "  WHERE m.class_day_id = d.id AND m.mark = 'excused'), "
	    "(SELECT count(*) FROM attendance_marks m "
	    "  WHERE m.class_day_id = d.id AND m.mark = 'unexcused'), "
	    "(SELECT level FROM age_groups a WHERE a.code = c.age_group) "
	    "FROM classes c JOIN school_years y ON y.id = c.school_year_id "
	    "LEFT JOIN class_days d ON d.class_id = c.id AND d.day = ?1 "
	    "WHERE ?1 BETWEEN y.first_day AND y.last_day "
	    "ORDER BY c.age_group, c.code", &st, err);
	if (rc != MN_OK)
		return rc;
	bind_date(st, 1, day);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mn_class_day_count *c;
		struct mn_meal_count *g;
		const char *level;

		if (out->class_count == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			void *p = realloc(out->classes, ncap * sizeof *c);

			if (p == NULL)
				goto nomem;
			out->classes = p;
			cap = ncap;
		}
		c = &out->classes[out->class_count++];
		memset(c, 0, sizeof *c);
		c->class_id = sqlite3_column_int64(st, 0);
		copy_column(c->class_code, sizeof c->class_code, st, 1);
		copy_column(c->age_group, sizeof c->age_group, st, 2);
		c->enrolled = sqlite3_column_int(st, 3);
		c->taken = sqlite3_column_int(st, 4) != 0;
		if (c->taken) {
			c->late = sqlite3_column_int(st, 5);
			c->excused = sqlite3_column_int(st, 6);
			c->unexcused = sqlite3_column_int(st, 7);
		}
		/* Everyone starts present until the class is taken. */
		c->present = c->enrolled - c->excused - c->unexcused;
		if (c->present < 0)
			c->present = 0;
		if ((g = group_of(out, c->age_group)) == NULL)
			goto nomem;
		g->enrolled += c->enrolled;
		g->meals += c->present;
		level = (const char *)sqlite3_column_text(st, 8);
		out->kitchen_meals[level != NULL && strcmp(level, "nt") == 0 ?
		    MN_GROUP_NHA_TRE : MN_GROUP_MAU_GIAO] += c->present;
		if (!c->taken)
			g->classes_not_taken++;
		out->enrolled += c->enrolled;
		out->present += c->present;
		out->absent += c->excused + c->unexcused;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		mn_school_day_free(out);
		return mn_db_fail(ctx->db, err);
	}
	return MN_OK;
nomem:
	sqlite3_finalize(st);
	mn_school_day_free(out);
	return no_memory(err);
}

/* ---- Monthly sheet --------------------------------------------------- */

void
mn_attendance_sheet_free(struct mn_attendance_sheet *sheet)
{
	free(sheet->rows);
	sheet->rows = NULL;
	sheet->count = 0;
}

static struct mn_attendance_row *
row_of(struct mn_attendance_sheet *sheet, int64_t child_id)
{
	/* Rows are few (a class), so a linear search is enough. */
	for (size_t i = 0; i < sheet->count; i++)
		if (sheet->rows[i].child_id == child_id)
			return &sheet->rows[i];
	return NULL;
}

/* Reads the children who were in the class on some day of the month. */
static int
sheet_children(struct mn_ctx *ctx, struct mn_attendance_sheet *sheet,
    const struct mn_date *first, const struct mn_date *last,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	rc = mn_prepare(ctx->db, "SELECT ch.id, ch.school_code, ch.full_name "
	    "FROM children ch WHERE ch.id IN (SELECT h.child_id "
	    "FROM child_class_history h WHERE h.class_id = ?1 "
	    "AND h.from_date <= ?3 AND (h.to_date IS NULL OR h.to_date > ?2)) "
	    "ORDER BY ch.name_key, ch.id", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, sheet->class_id);
	bind_date(st, 2, first);
	bind_date(st, 3, last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mn_attendance_row *r;

		if (sheet->count == cap) {
			size_t ncap = cap ? cap * 2 : 40;
			void *p = realloc(sheet->rows, ncap * sizeof *r);

			if (p == NULL) {
				sqlite3_finalize(st);
				return no_memory(err);
			}
			sheet->rows = p;
			cap = ncap;
		}
		r = &sheet->rows[sheet->count++];
		memset(r, 0, sizeof *r);
		r->child_id = sqlite3_column_int64(st, 0);
		copy_column(r->school_code, sizeof r->school_code, st, 1);
		copy_column(r->full_name, sizeof r->full_name, st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? MN_OK : mn_db_fail(ctx->db, err);
}

/*
 * Sets in_class[child row][day] from the class history, so that a mark
 * left over from before a move does not show on the sheet.
 */
static int
sheet_membership(struct mn_ctx *ctx, struct mn_attendance_sheet *sheet,
    const struct mn_date *first, const struct mn_date *last,
    bool (*in_class)[31], struct mn_error *err)
{
	sqlite3_stmt *st;
	char from[16], to[16];
	int rc;

	rc = mn_prepare(ctx->db, "SELECT child_id, from_date, "
	    "coalesce(to_date, '9999-12-31') FROM child_class_history "
	    "WHERE class_id = ?1 AND from_date <= ?3 "
	    "AND (to_date IS NULL OR to_date > ?2)", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, sheet->class_id);
	bind_date(st, 2, first);
	bind_date(st, 3, last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mn_attendance_row *r = row_of(sheet,
		    sqlite3_column_int64(st, 0));
		size_t index;

		if (r == NULL)
			continue;
		index = (size_t)(r - sheet->rows);
		copy_column(from, sizeof from, st, 1);
		copy_column(to, sizeof to, st, 2);
		for (int d = 1; d <= sheet->days; d++) {
			char iso[32];

			snprintf(iso, sizeof iso, "%04d-%02d-%02d",
			    sheet->year, sheet->month, d);
			if (strcmp(from, iso) <= 0 && strcmp(iso, to) < 0)
				in_class[index][d - 1] = true;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? MN_OK : mn_db_fail(ctx->db, err);
}

static int
sheet_marks(struct mn_ctx *ctx, struct mn_attendance_sheet *sheet,
    const struct mn_date *first, const struct mn_date *last,
    bool (*in_class)[31], struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = mn_prepare(ctx->db, "SELECT d.day, m.child_id, m.mark "
	    "FROM class_days d JOIN attendance_marks m "
	    "ON m.class_day_id = d.id WHERE d.class_id = ?1 "
	    "AND d.day BETWEEN ?2 AND ?3 AND d.attendance_saved = 1", &st,
	    err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, sheet->class_id);
	bind_date(st, 2, first);
	bind_date(st, 3, last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int d = iso_day(sqlite3_column_text(st, 0));
		struct mn_attendance_row *r = row_of(sheet,
		    sqlite3_column_int64(st, 1));
		enum mn_mark m = mark_from_name(
		    (const char *)sqlite3_column_text(st, 2));

		if (d >= 1 && d <= sheet->days && sheet->school_day[d - 1])
			sheet->taken[d - 1] = true;
		if (r == NULL || d < 1 || d > sheet->days ||
		    !sheet->school_day[d - 1] ||
		    !in_class[r - sheet->rows][d - 1])
			continue;
		snprintf(r->marks[d - 1], sizeof r->marks[d - 1], "%s",
		    mn_mark_letter(m));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? MN_OK : mn_db_fail(ctx->db, err);
}

/* Counts each row's letters into its totals and the "Tổng" row. */
static void
sheet_totals(struct mn_attendance_sheet *sheet)
{
	for (size_t i = 0; i < sheet->count; i++) {
		struct mn_attendance_row *r = &sheet->rows[i];

		for (int d = 0; d < sheet->days; d++) {
			const char *c = r->marks[d];

			if (strcmp(c, "x") == 0 || strcmp(c, "M") == 0) {
				r->present++;
				sheet->day_present[d]++;
			}
			if (strcmp(c, "M") == 0)
				r->late++;
			else if (strcmp(c, "P") == 0)
				r->excused++;
			else if (strcmp(c, "K") == 0)
				r->unexcused++;
		}
		sheet->present += r->present;
		sheet->excused += r->excused;
		sheet->unexcused += r->unexcused;
		sheet->late += r->late;
	}
}

int
mn_attendance_sheet(struct mn_ctx *ctx, const char *class_code,
    int year, int month, struct mn_attendance_sheet *sheet,
    struct mn_error *err)
{
	struct mn_date first, last;
	bool (*in_class)[31] = NULL;
	int rc;

	memset(sheet, 0, sizeof *sheet);
	if (month < 1 || month > 12 || year < 2000 || year > 2999)
		return mn_fail(err, MN_ERR_INVALID, "month",
		    T("month: invalid value %04d-%02d; expected YYYY-MM",
		    "tháng: giá trị %04d-%02d không hợp lệ; cần dạng YYYY-MM"),
		    year, month);
	sheet->year = year;
	sheet->month = month;
	sheet->days = mn_days_in_month(year, month);
	first = (struct mn_date){ year, month, 1 };
	last = (struct mn_date){ year, month, sheet->days };
	rc = mn_attendance_class_find(ctx, class_code, &last,
	    &sheet->class_id, err);
	if (rc != MN_OK)
		return rc;
	snprintf(sheet->class_code, sizeof sheet->class_code, "%s",
	    class_code);
	if ((rc = mn_attendance_check_read(ctx, sheet->class_id, err)) !=
	    MN_OK)
		return rc;
	for (int d = 1; d <= sheet->days; d++) {
		struct mn_date day = { year, month, d };

		sheet->school_day[d - 1] = mn_calendar_is_school_day(ctx, &day);
	}
	if ((rc = sheet_children(ctx, sheet, &first, &last, err)) != MN_OK)
		goto fail;
	if (sheet->count > 0 &&
	    (in_class = calloc(sheet->count, sizeof *in_class)) == NULL) {
		rc = no_memory(err);
		goto fail;
	}
	if ((rc = sheet_membership(ctx, sheet, &first, &last, in_class,
	    err)) != MN_OK ||
	    (rc = sheet_marks(ctx, sheet, &first, &last, in_class, err)) !=
	    MN_OK)
		goto fail;
	free(in_class);
	sheet_totals(sheet);
	return MN_OK;
fail:
	free(in_class);
	mn_attendance_sheet_free(sheet);
	return rc;
}

/* Column headings, in Vietnamese whatever the interface language. */
static const char *const total_heads[] = {
	"Có mặt", "Vắng có phép", "Vắng không phép", "Đi muộn",
};

#define SHEET_COLS (3 + 31 + 4)

/* Number cells of one CSV line; text cells point elsewhere. */
struct csv_line {
	const char *field[SHEET_COLS];
	char number[SHEET_COLS][16];
	size_t count;
};

static void
line_text(struct csv_line *l, const char *text)
{
	l->field[l->count++] = text;
}

static void
line_number(struct csv_line *l, int n)
{
	snprintf(l->number[l->count], sizeof l->number[l->count], "%d", n);
	l->field[l->count] = l->number[l->count];
	l->count++;
}

int
mn_attendance_sheet_csv(const struct mn_attendance_sheet *sheet,
    FILE *out, struct mn_error *err)
{
	struct csv_line l;
	int rc;

	l.count = 0;
	line_text(&l, "STT");
	line_text(&l, "Mã trẻ");
	line_text(&l, "Họ và tên");
	for (int d = 1; d <= sheet->days; d++)
		line_number(&l, d);
	for (int i = 0; i < 4; i++)
		line_text(&l, total_heads[i]);
	rc = mn_csv_write_row(out, l.field, l.count, ',');
	for (size_t i = 0; i < sheet->count && rc == MN_OK; i++) {
		const struct mn_attendance_row *r = &sheet->rows[i];

		l.count = 0;
		line_number(&l, (int)i + 1);
		line_text(&l, r->school_code);
		line_text(&l, r->full_name);
		for (int d = 0; d < sheet->days; d++)
			line_text(&l, r->marks[d]);
		line_number(&l, r->present);
		line_number(&l, r->excused);
		line_number(&l, r->unexcused);
		line_number(&l, r->late);
		rc = mn_csv_write_row(out, l.field, l.count, ',');
	}
	l.count = 0;
	line_text(&l, "Tổng");
	line_text(&l, "");
	line_text(&l, "");
	for (int d = 0; d < sheet->days; d++) {
		if (sheet->taken[d])
			line_number(&l, sheet->day_present[d]);
		else
			line_text(&l, "");
	}
	line_number(&l, sheet->present);
	line_number(&l, sheet->excused);
	line_number(&l, sheet->unexcused);
	line_number(&l, sheet->late);
	if (rc == MN_OK)
		rc = mn_csv_write_row(out, l.field, l.count, ',');
	if (rc != MN_OK || fflush(out) != 0 || ferror(out))
		return mn_fail(err, MN_ERR_IO, "output",
		    T("could not write the sheet", "không ghi được bảng"));
	return MN_OK;
}

/*
 * The sheet is written with libxlsxwriter directly rather than through
 * mn_xlsx_write_table, because it needs number cells for the totals and
 * shaded columns for days without school.
 */
int
mn_attendance_sheet_xlsx(const struct mn_attendance_sheet *sheet,
    const char *path, struct mn_error *err)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *head, *cell, *name, *off;
	char title[128];
	int last_col = 3 + sheet->days + 3;
	lxw_row_t row;
	lxw_error rc;

	if (wb == NULL)
		return mn_fail(err, MN_ERR_IO, "output",
		    T("cannot create %s", "không tạo được %s"), path);
	ws = workbook_add_worksheet(wb, "Điểm danh");
	head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_border(head, LXW_BORDER_THIN);
	format_set_align(head, LXW_ALIGN_CENTER);
	format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(head);
	cell = workbook_add_format(wb);
	format_set_border(cell, LXW_BORDER_THIN);
	format_set_align(cell, LXW_ALIGN_CENTER);
	name = workbook_add_format(wb);
	format_set_border(name, LXW_BORDER_THIN);
	off = workbook_add_format(wb);
	format_set_border(off, LXW_BORDER_THIN);
	format_set_bg_color(off, 0xD9D9D9);

	snprintf(title, sizeof title, "SỔ ĐIỂM DANH LỚP %s - THÁNG %02d/%04d",
	    sheet->class_code, sheet->month, sheet->year);
	worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)last_col, title, head);
	worksheet_write_string(ws, 1, 0, "STT", head);
	worksheet_write_string(ws, 1, 1, "Mã trẻ", head);
	worksheet_write_string(ws, 1, 2, "Họ và tên", head);
	for (int d = 1; d <= sheet->days; d++)
		worksheet_write_number(ws, 1, (lxw_col_t)(2 + d), d, head);
	for (int i = 0; i < 4; i++)
		worksheet_write_string(ws, 1, (lxw_col_t)(3 + sheet->days + i),
		    total_heads[i], head);
	row = 2;
	for (size_t i = 0; i < sheet->count; i++, row++) {
		const struct mn_attendance_row *r = &sheet->rows[i];
		int totals[4] = { r->present, r->excused, r->unexcused,
		    r->late };

		worksheet_write_number(ws, row, 0, (double)(i + 1), cell);
		worksheet_write_string(ws, row, 1, r->school_code, cell);
		worksheet_write_string(ws, row, 2, r->full_name, name);
		for (int d = 0; d < sheet->days; d++)
			worksheet_write_string(ws, row, (lxw_col_t)(3 + d),
			    r->marks[d], sheet->school_day[d] ? cell : off);
		for (int k = 0; k < 4; k++)
			worksheet_write_number(ws, row,
			    (lxw_col_t)(3 + sheet->days + k), totals[k], cell);
	}
	worksheet_write_string(ws, row, 0, "Tổng", head);
	worksheet_write_blank(ws, row, 1, head);
	worksheet_write_blank(ws, row, 2, head);
	for (int d = 0; d < sheet->days; d++) {
		if (sheet->taken[d])
			worksheet_write_number(ws, row, (lxw_col_t)(3 + d),
			    sheet->day_present[d], head);
		else if (sheet->school_day[d])
			worksheet_write_blank(ws, row, (lxw_col_t)(3 + d),
			    head);
		else
			worksheet_write_blank(ws, row, (lxw_col_t)(3 + d), off);
	}
	{
		int totals[4] = { sheet->present, sheet->excused,
		    sheet->unexcused, sheet->late };

		for (int k = 0; k < 4; k++)
			worksheet_write_number(ws, row,
			    (lxw_col_t)(3 + sheet->days + k), totals[k], head);
	}
	worksheet_set_column(ws, 0, 0, 4, NULL);
	worksheet_set_column(ws, 1, 1, 10, NULL);
	worksheet_set_column(ws, 2, 2, 24, NULL);
	worksheet_set_column(ws, 3, (lxw_col_t)(2 + sheet->days), 3, NULL);
	worksheet_set_column(ws, (lxw_col_t)(3 + sheet->days),
	    (lxw_col_t)last_col, 8, NULL);
	/* A4 landscape on one page wide, headings repeated on each page. */
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, 1);
	worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
	rc = workbook_close(wb);
	if (rc != LXW_NO_ERROR)
		return mn_fail(err, MN_ERR_IO, "output",
		    T("cannot write %s: %s", "không ghi được %s: %s"), path,
		    lxw_strerror(rc));
	return MN_OK;
}

/* ---- A child's month ------------------------------------------------- */

/* Checks that the actor may read the child's records for the month. */
static int
check_child_read(struct mn_ctx *ctx, int64_t child_id,
    const struct mn_date *first, const struct mn_date *last,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (mn_allowed_all(&ctx->actor, MN_ACT_ATTENDANCE_READ))
		return MN_OK;
	/* A parent may read only the children linked to the account. */
	if (mn_allowed_as(&ctx->actor, MN_ACT_ATTENDANCE_READ,
	    MN_ROLE_PARENT) && mn_parent_of(ctx->db, ctx->actor.account_id,
	    child_id))
		return MN_OK;
	if (!mn_allowed_as(&ctx->actor, MN_ACT_ATTENDANCE_READ,
	    MN_ROLE_TEACHER))
		return mn_require_child(ctx, MN_ACT_ATTENDANCE_READ, child_id,
		    "attendance_view", err);
	rc = mn_prepare(ctx->db, "SELECT h.class_id FROM child_class_history h "
	    "WHERE h.child_id = ?1 AND h.from_date <= ?3 "
	    "AND (h.to_date IS NULL OR h.to_date > ?2)", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	bind_date(st, 2, first);
	bind_date(st, 3, last);
	rc = MN_ERR_DENIED;
	while (rc != MN_OK && sqlite3_step(st) == SQLITE_ROW) {
		if (mn_attendance_teaches(ctx, sqlite3_column_int64(st, 0)))
			rc = MN_OK;
	}
	sqlite3_finalize(st);
	if (rc == MN_OK)
		return MN_OK;
	mn_audit(ctx->db, &ctx->actor, "denied", "children", child_id, NULL,
	    NULL, "attendance_child_month", NULL);
	return mn_fail(err, MN_ERR_DENIED, "child",
	    T("your account is not allowed to see this child's attendance",
	    "tài khoản của bạn không được xem điểm danh của trẻ này"));
}

int
mn_attendance_child_month(struct mn_ctx *ctx, int64_t child_id,
    int year, int month, struct mn_child_month *out, struct mn_error *err)
{
	struct mn_date first, last;
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (month < 1 || month > 12 || year < 2000 || year > 2999)
		return mn_fail(err, MN_ERR_INVALID, "month",
		    T("month: invalid value %04d-%02d; expected YYYY-MM",
		    "tháng: giá trị %04d-%02d không hợp lệ; cần dạng YYYY-MM"),
		    year, month);
	out->child_id = child_id;
	out->year = year;
	out->month = month;
	out->days = mn_days_in_month(year, month);
	first = (struct mn_date){ year, month, 1 };
	last = (struct mn_date){ year, month, out->days };
	if ((rc = check_child_read(ctx, child_id, &first, &last, err)) !=
	    MN_OK)
		return rc;
	for (int d = 1; d <= out->days; d++) {
		out->day[d - 1].day = (struct mn_date){ year, month, d };
		out->day[d - 1].school_day = mn_calendar_is_school_day(ctx,
		    &out->day[d - 1].day);
	}
	rc = mn_prepare(ctx->db, "SELECT d.day, m.mark, m.note "
	    "FROM attendance_marks m JOIN class_days d "
	    "ON d.id = m.class_day_id WHERE m.child_id = ?1 "
	    "AND d.day BETWEEN ?2 AND ?3 AND d.attendance_saved = 1", &st,
	    err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	bind_date(st, 2, &first);
	bind_date(st, 3, &last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int d = iso_day(sqlite3_column_text(st, 0));
		struct mn_child_day *cd;

		if (d < 1 || d > out->days)
			continue;
		cd = &out->day[d - 1];
		cd->marked = true;
		cd->mark = mark_from_name(
		    (const char *)sqlite3_column_text(st, 1));
		copy_column(cd->note, sizeof cd->note, st, 2);
		switch (cd->mark) {
		case MN_MARK_PRESENT:
			out->present++;
			break;
		case MN_MARK_LATE:
			out->present++;
			out->late++;
			break;
		case MN_MARK_EXCUSED:
			out->excused++;
			break;
		default:
			out->unexcused++;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	rc = mn_prepare(ctx->db, "SELECT day FROM daily_logs "
	    "WHERE child_id = ?1 "
	    "AND day BETWEEN ?2 AND ?3", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	bind_date(st, 2, &first);
	bind_date(st, 3, &last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int d = iso_day(sqlite3_column_text(st, 0));

		if (d >= 1 && d <= out->days)
			out->day[d - 1].has_log = true;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);

	/* Every view of a child's record is in the audit trail. */
	char detail[48];

	snprintf(detail, sizeof detail, "attendance_view %04d-%02d",
	    year % 10000, month % 100);
	return mn_audit(ctx->db, &ctx->actor, "view", "children", child_id,
	    NULL, NULL, detail, err);
}
