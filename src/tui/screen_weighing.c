/*
 * The weighing day: a class's measuring round entered in one grid, one
 * row per child with weight, length or height, the measuring position
 * and the head circumference, the previous values beside them.  The
 * head circumference is recorded but not classified, because the
 * growth tables carry no head-circumference standard.  F2 saves every
 * new row in one transaction through mn_measure_round, so one bad value
 * writes nothing and the message names the row and the field.  Rows
 * already saved on the sheet's date (also from an earlier session) show
 * their classification and are updated one by one when changed.  A
 * session that ends with unsaved cells keeps them as a draft (grid.h).
 *
 * Enter goes to the next child's weight, the first value read on a
 * weighing day.  A row whose values changed implausibly since the
 * child's last plausible measurement (mn_measure_change_check) is
 * marked "cần đo lại" as soon as it is typed, with the previous values
 * on the detail line.  F3 marks the values as re-checked.  F2 asks
 * before saving marked rows not re-checked, which the core then stores
 * flagged "measure again" so that the round report leaves them out of
 * its rates.  A child someone else measured on the same day since the
 * grid was opened is named with the saved values, which can be
 * reloaded into the row.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/validate.h"
#include "tui/grid.h"
#include "tui/health_ui.h"
#include "tui/screens.h"

#define NUMBER_LETTERS 6

enum { CELL_WEIGHT, CELL_HEIGHT, CELL_POSITION, CELL_HEAD, CELL_COUNT };

enum {
	ACT_CELL_NEXT = TUI_ACT_USER,
	ACT_CELL_PREV,
	ACT_CELL_LEFT,
	ACT_CELL_RIGHT,
	ACT_ROW_NEXT,
	ACT_ROW_UP,
	ACT_ROW_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_TOGGLE,
	ACT_CHECKED,
};

/*
 * The bottom line shows the entries in this order while they fit in 80
 * columns; F1 lists them all.
 */
static const struct tui_keydef grid_keys[] = {
	{ { TK(KEY_F(2)) }, "F2", "Save", "Lưu", TUI_ACT_SAVE },
	{ { TK_TAB }, "Tab", "Next cell", "Ô sau", ACT_CELL_NEXT },
	{ { TK(KEY_BTAB) }, "", NULL, NULL, ACT_CELL_PREV },
	{ { ' ' }, "Space", "Lie/stand", "Nằm/đứng", ACT_TOGGLE },
	{ { TK_ENTER }, "Enter", "Next child", "Trẻ sau", ACT_ROW_NEXT },
	{ { TK(KEY_LEFT) }, "", NULL, NULL, ACT_CELL_LEFT },
	{ { TK(KEY_RIGHT) }, "", NULL, NULL, ACT_CELL_RIGHT },
	{ { TK(KEY_UP) }, "", NULL, NULL, ACT_ROW_UP },
	{ { TK(KEY_DOWN) }, "", NULL, NULL, ACT_ROW_DOWN },
	{ { TK(KEY_PPAGE) }, "", NULL, NULL, ACT_PAGE_UP },
	{ { TK(KEY_NPAGE) }, "", NULL, NULL, ACT_PAGE_DOWN },
	{ { TK_ESC }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(3)) }, "F3", "Checked", "Số đo đúng", ACT_CHECKED },
	{ { TK(KEY_F(1)) }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

struct grid_row {
	struct mn_sheet_row sheet;
	struct tui_field weight, height, head;
	int position;			/* enum mn_position */
	bool saved;			/* stored holds the saved row */
	bool dirty;			/* changed since saved */
	bool checked;			/* F3: implausible values re-checked */
	struct mn_measurement stored;
};

struct grid {
	struct mn_class cls;
	char date[11];			/* YYYY-MM-DD */
	char round[8];			/* YYYY-MM */
	struct grid_row *rows;
	size_t n;
	int sel, cell, top;
	bool resumed;			/* cells from a draft, not saved */
};

/* Column positions for the current width. */
struct layout {
	int no, name, age, weight, prev_w, height, prev_h, pos, head, result;
	int name_w, result_w;
};

static void
make_layout(struct layout *l)
{
	l->no = 1;
	l->name = l->no + 4;
	l->name_w = COLS - 2 - 63;
	if (l->name_w < 10)
		l->name_w = 10;
	l->age = l->name + l->name_w + 1;
	l->weight = l->age + 6;
	l->prev_w = l->weight + 7;
	l->height = l->prev_w + 6;
	l->prev_h = l->height + 7;
	l->pos = l->prev_h + 7;
	l->head = l->pos + 7;
	l->result = l->head + 6;
	l->result_w = COLS - 1 - l->result;
}

static const char *
position_label(int position)
{
	if (position == MN_POSITION_LYING)
		return T("lying", "nằm");
	if (position == MN_POSITION_STANDING)
		return T("stand", "đứng");
	return "?";
}

static bool
has_input(const struct grid_row *r)
{
	return r->weight.len > 0 || r->height.len > 0 || r->head.len > 0;
}

/* True when the row's cells are to be written by the next F2. */
static bool
pending(const struct grid_row *r)
{
	return r->saved ? r->dirty : has_input(r);
}

/*
 * MN_CHANGE_* bits of the values typed on a pending row against the
 * child's last plausible measurement; 0 when plausible, not pending or
 * not yet readable.
 */
static unsigned
typed_change(const struct grid *g, const struct grid_row *r)
{
	struct mn_measure_input in;
	char *w, *h;
	bool ok;

	if (!pending(r) || !r->sheet.has_reference)
		return 0;
	memset(&in, 0, sizeof in);
	w = tui_field_get(&r->weight);
	h = tui_field_get(&r->height);
	ok = w != NULL && h != NULL && hui_parse_decimal(w, &in.weight_kg) &&
	    hui_parse_decimal(h, &in.height_cm);
	free(w);
	free(h);
	/* A value out of range gets its own message at F2. */
	if (!ok || in.weight_kg < MN_WEIGHT_MIN_KG ||
	    in.weight_kg > MN_WEIGHT_MAX_KG ||
	    in.height_cm < MN_HEIGHT_MIN_CM || in.height_cm > MN_HEIGHT_MAX_CM)
		return 0;
	snprintf(in.date, sizeof in.date, "%s", g->date);
	in.position = r->position;
	return mn_measure_change_check(&r->sheet.reference, &in);
}

/* MN_CHANGE_* bits of a saved row's stored values. */
static unsigned
stored_change(const struct grid *g, const struct grid_row *r)
{
	struct mn_measure_input in;

	if (!r->saved || !r->sheet.has_reference)
		return 0;
	memset(&in, 0, sizeof in);
	snprintf(in.date, sizeof in.date, "%s", g->date);
	in.weight_kg = r->stored.weight_kg;
	in.height_cm = r->stored.height_cm;
	in.position = r->stored.position;
	return mn_measure_change_check(&r->sheet.reference, &in);
}

/* Why a row is marked, for the detail line and the question. */
static void
change_text(const struct grid_row *r, unsigned bits, char *buf,
    size_t size)
{
	const struct mn_measurement *p = &r->sheet.reference;
	char w[16], h[16], day[16];

	mn_format_decimal(p->weight_kg, 1, w, sizeof w);
	mn_format_decimal(p->height_cm, 1, h, sizeof h);
	hui_date(p->date, day, sizeof day);
	snprintf(buf, size, T("%s: %s%s%s; previous %s: %s kg, %s cm",
	    "%s: %s%s%s; lần trước %s: %s kg, %s cm"), r->sheet.full_name,
	    bits & MN_CHANGE_HEIGHT_DROP ? T("height went down",
	    "chiều cao giảm") : "", bits == (MN_CHANGE_HEIGHT_DROP |
	    MN_CHANGE_WEIGHT_RATE) ? ", " : "",
	    bits & MN_CHANGE_WEIGHT_RATE ? T("weight changed too fast",
	    "cân nặng thay đổi quá nhanh") : "", day, w, h);
}

/* The classification of a saved row, short enough for its cell. */
static void
result_text(const struct grid *g, const struct grid_row *r, char *buf,
    size_t size)
{
	buf[0] = '\0';
	if (typed_change(g, r) != 0) {
		snprintf(buf, size, "%s", r->checked ? T("checked",
		    "đã kiểm tra") : T("measure again", "cần đo lại"));
		return;
	}
	if (!r->saved && r->dirty) {
		snprintf(buf, size, "%s", T("draft", "bản nháp"));
		return;
	}
	if (!r->saved)
		return;
	if (r->dirty) {
		snprintf(buf, size, "%s", T("not saved", "chưa lưu"));
		return;
	}
	if (r->stored.measure_again) {
		snprintf(buf, size, "%s", T("measure again", "đo lại"));
		return;
	}
	hui_categories(r->stored.category, buf, size);
	if (buf[0] == '\0')
		snprintf(buf, size, "%s", T("normal", "bình thường"));
}

/* One line under the grid about the selected child. */
static void
detail_text(const struct grid *g, const struct grid_row *r, char *buf,
    size_t size)
{
	char w[16], h[16], z[16], day[16];
	unsigned bits;
	size_t used;
	int n;

	if ((bits = typed_change(g, r)) != 0 || (r->saved && !r->dirty &&
	    r->stored.measure_again && (bits = stored_change(g, r)) != 0)) {
		change_text(r, bits, buf, size);
		return;
	}
	if (r->saved && !r->dirty) {
		n = snprintf(buf, size, "%s:", r->sheet.full_name);
		used = n > 0 ? (size_t)n : 0;
		if (r->stored.head_cm > 0 && used < size) {
			hui_decimal(r->stored.head_cm, h, sizeof h);
			n = snprintf(buf + used, size - used, T(" head %s cm;",
			    " vòng đầu %s cm;"), h);
			used += n > 0 ? (size_t)n : 0;
		}
		for (int i = 0; i < MN_INDICATOR_COUNT && used < size; i++) {
			int cat = r->stored.category[i];

			hui_z(r->stored.z[i], z, sizeof z);
			n = snprintf(buf + used, size - used, " %s %s%s%s",
			    hui_indicator_short(i), z,
			    cat != MN_GROWTH_NORMAL && cat != MN_GROWTH_NONE ?
			    " " : "", cat != MN_GROWTH_NORMAL &&
			    cat != MN_GROWTH_NONE ?
			    mn_growth_category_label(i, cat) : "");
			if (n < 0)
				break;
			used += (size_t)n;
		}
		return;
	}
	if (!r->sheet.has_previous) {
		snprintf(buf, size, T("%s: no earlier measurement",
		    "%s: chưa có lần cân đo trước"), r->sheet.full_name);
		return;
	}
	hui_decimal(r->sheet.previous.weight_kg, w, sizeof w);
	hui_decimal(r->sheet.previous.height_cm, h, sizeof h);
	hui_date(r->sheet.previous.date, day, sizeof day);
	n = snprintf(buf, size, T("%s: previous %s: %s kg, %s cm, %s",
	    "%s: lần trước %s: %s kg, %s cm, %s"), r->sheet.full_name, day,
	    w, h, position_label(r->sheet.previous.position));
	if (r->sheet.previous.head_cm > 0 && n > 0 && (size_t)n < size) {
		hui_decimal(r->sheet.previous.head_cm, h, sizeof h);
		snprintf(buf + n, size - (size_t)n, T(", head %s cm",
		    ", vòng đầu %s cm"), h);
	}
}

static int
visible_rows(void)
{
	int rows = tui_body_rows() - 3;

	return rows > 1 ? rows : 1;
}

static void
draw_row(struct tui *ui, struct grid *g, const struct layout *l, int y,
    int i)
{
	struct grid_row *r = &g->rows[i];
	bool sel = i == g->sel;
	char text[64], result[128];
	int cx;

	snprintf(text, sizeof text, "%3d", i + 1);
	tui_text(y, l->no, 3, text, sel ? TUI_TITLE : TUI_NORMAL);
	tui_text(y, l->name, l->name_w, r->sheet.full_name,
	    sel ? TUI_TITLE : TUI_NORMAL);
	snprintf(text, sizeof text, "%ld", (long)floor(r->sheet.age_days /
	    MN_GROWTH_DAYS_PER_MONTH));
	tui_text(y, l->age, 5, text, TUI_NORMAL);
	cx = tui_field_draw(&r->weight, y, l->weight, 6,
	    sel && g->cell == CELL_WEIGHT);
	if (sel && g->cell == CELL_WEIGHT) {
		ui->cursor_y = y;
		ui->cursor_x = cx;
	}
	text[0] = '\0';
	if (r->sheet.has_previous && r->sheet.previous.weight_kg > 0)
		hui_decimal(r->sheet.previous.weight_kg, text, sizeof text);
	tui_text(y, l->prev_w, 5, text, TUI_NORMAL);
	cx = tui_field_draw(&r->height, y, l->height, 6,
	    sel && g->cell == CELL_HEIGHT);
	if (sel && g->cell == CELL_HEIGHT) {
		ui->cursor_y = y;
		ui->cursor_x = cx;
	}
	text[0] = '\0';
	if (r->sheet.has_previous && r->sheet.previous.height_cm > 0)
		hui_decimal(r->sheet.previous.height_cm, text, sizeof text);
	tui_text(y, l->prev_h, 6, text, TUI_NORMAL);
	tui_text(y, l->pos, 6, position_label(r->position),
	    sel && g->cell == CELL_POSITION ? TUI_FIELD_FOCUS : TUI_NORMAL);
	cx = tui_field_draw(&r->head, y, l->head, 5,
	    sel && g->cell == CELL_HEAD);
	if (sel && g->cell == CELL_HEAD) {
		ui->cursor_y = y;
		ui->cursor_x = cx;
	}
	result_text(g, r, result, sizeof result);
	tui_text(y, l->result, l->result_w, result,
	    (r->saved && r->stored.measure_again && !r->dirty) ||
	    (typed_change(g, r) != 0 && !r->checked) ? TUI_ERROR :
	    TUI_NORMAL);
}

static void
draw_grid(struct tui *ui, struct grid *g)
{
	struct layout l;
	char line[256], day[16], detail[512];
	int y = tui_body_top(), rows = visible_rows();

	make_layout(&l);
	hui_date(g->date, day, sizeof day);
	snprintf(line, sizeof line, T("Class %s, %s, round %s, %zu children%s",
	    "Lớp %s, ngày %s, đợt %s, %zu trẻ%s"), g->cls.code, day, g->round,
	    g->n, g->resumed ? T(" (draft, not saved yet)",
	    " (bản nháp, chưa lưu)") : "");
	tui_text(y++, 1, COLS - 2, line, TUI_TITLE);
	tui_text(y, 0, COLS, "", TUI_HEADER);
	tui_text(y, l.no, 3, "#", TUI_HEADER);
	tui_text(y, l.name, l.name_w, T("Full name", "Họ và tên"), TUI_HEADER);
	tui_text(y, l.age, 5, T("Month", "Tháng"), TUI_HEADER);
	tui_text(y, l.weight, 6, T("kg", "Cân kg"), TUI_HEADER);
	tui_text(y, l.prev_w, 5, T("prev.", "trước"), TUI_HEADER);
	tui_text(y, l.height, 6, T("cm", "Cao cm"), TUI_HEADER);
	tui_text(y, l.prev_h, 6, T("prev.", "trước"), TUI_HEADER);
	tui_text(y, l.pos, 6, T("Pos.", "Tư thế"), TUI_HEADER);
	tui_text(y, l.head, 5, T("Head", "V.đầu"), TUI_HEADER);
	tui_text(y++, l.result, l.result_w, T("Result", "Kết quả"),
	    TUI_HEADER);
	if (g->sel < g->top)
		g->top = g->sel;
	if (g->sel >= g->top + rows)
		g->top = g->sel - rows + 1;
	for (int i = 0; i < rows && g->top + i < (int)g->n; i++)
		draw_row(ui, g, &l, y + i, g->top + i);
	if (g->n == 0) {
		tui_text(y + 1, 2, COLS - 4,
		    T("No child enrolled in this class",
		    "Lớp chưa có trẻ nào đang học"), TUI_NORMAL);
		return;
	}
	detail_text(g, &g->rows[g->sel], detail, sizeof detail);
	tui_text(LINES - 3, 1, COLS - 2, detail, TUI_NORMAL);
}

/* Reads the class sheet and the rows already saved on the date. */
static int
load_grid(struct tui *ui, struct grid *g, struct mn_error *err)
{
	struct mn_sheet_row *sheet = NULL;
	struct mn_date day;
	char next[11];
	size_t count = 0;
	int rc;

	rc = mn_measure_sheet(ui->ctx, g->cls.id, g->date, &sheet, &count,
	    err);
	if (rc != MN_OK)
		return rc;
	g->rows = calloc(count > 0 ? count : 1, sizeof *g->rows);
	if (g->rows == NULL) {
		free(sheet);
		return mn_fail(err, MN_ERR_NOMEM, "", "%s",
		    T("out of memory", "hết bộ nhớ"));
	}
	mn_date_parse_iso(g->date, "date", &day, NULL);
	mn_date_from_days(mn_date_to_days(&day) + 1, &day);
	mn_date_format_iso(&day, next, sizeof next);
	g->n = count;
	for (size_t i = 0; i < count; i++) {
		struct grid_row *r = &g->rows[i];
		struct mn_measurement m;
		char text[16];

		r->sheet = sheet[i];
		r->position = sheet[i].default_position;
		tui_field_init(&r->weight, NUMBER_LETTERS, TUI_SHOW);
		tui_field_init(&r->height, NUMBER_LETTERS, TUI_SHOW);
		tui_field_init(&r->head, NUMBER_LETTERS, TUI_SHOW);
		if (mn_measure_previous(ui->ctx, r->sheet.child_id, next, &m,
		    NULL) != MN_OK || strcmp(m.date, g->date) != 0)
			continue;
		r->saved = true;
		r->stored = m;
		r->position = m.position;
		if (m.weight_kg > 0) {
			hui_decimal(m.weight_kg, text, sizeof text);
			tui_field_set(&r->weight, text);
		}
		if (m.height_cm > 0) {
			hui_decimal(m.height_cm, text, sizeof text);
			tui_field_set(&r->height, text);
		}
		if (m.head_cm > 0) {
			hui_decimal(m.head_cm, text, sizeof text);
			tui_field_set(&r->head, text);
		}
	}
	free(sheet);
	return MN_OK;
}

static const char *
cell_label(int cell)
{
	switch (cell) {
	case CELL_WEIGHT:
		return T("weight", "cân nặng");
	case CELL_HEIGHT:
		return T("length/height", "chiều cao");
	case CELL_HEAD:
		return T("head circumference", "vòng đầu");
	default:
		return T("position", "tư thế");
	}
}

/* Puts the selection on row i and the cell of a core error's field. */
static void
focus_error(struct grid *g, size_t i, const char *field)
{
	g->sel = (int)i;
	if (strcmp(field, "height") == 0)
		g->cell = CELL_HEIGHT;
	else if (strcmp(field, "position") == 0)
		g->cell = CELL_POSITION;
	else if (strcmp(field, "weight") == 0)
		g->cell = CELL_WEIGHT;
	else if (strcmp(field, "head") == 0)
		g->cell = CELL_HEAD;
}

/* Parses a row's fields into in; names the row and field on error. */
static bool
row_input(struct tui *ui, struct grid *g, size_t i,
    struct mn_measure_input *in)
{
	struct grid_row *r = &g->rows[i];
	struct tui_field *fields[3] = { &r->weight, &r->height, &r->head };
	static const int cells[3] = { CELL_WEIGHT, CELL_HEIGHT, CELL_HEAD };
	static const char *const examples[3] = { "12,5", "98,5", "48,5" };
	double values[3];

	memset(in, 0, sizeof *in);
	for (int c = 0; c < 3; c++) {
		char *text = tui_field_get(fields[c]);
		bool ok = text != NULL && hui_parse_decimal(text, &values[c]);

		if (!ok) {
			tui_error(ui, T("Row %zu (%s): %s \"%s\" is not a "
			    "number; expected a form like %s", "Dòng %zu (%s): "
			    "%s \"%s\" không phải là số; cần dạng %s"), i + 1,
			    r->sheet.full_name, cell_label(cells[c]),
			    text != NULL ? text : "", examples[c]);
			free(text);
			g->sel = (int)i;
			g->cell = cells[c];
			return false;
		}
		free(text);
	}
	in->child_id = r->sheet.child_id;
	snprintf(in->date, sizeof in->date, "%s", g->date);
	snprintf(in->round, sizeof in->round, "%s", g->round);
	in->weight_kg = values[0];
	in->height_cm = values[1];
	in->head_cm = values[2];
	in->position = r->position;
	in->change_checked = r->checked;
	return true;
}

static void
row_error(struct tui *ui, struct grid *g, size_t i,
    const struct mn_error *err)
{
	tui_error(ui, T("Row %zu (%s): %s", "Dòng %zu (%s): %s"), i + 1,
	    g->rows[i].sheet.full_name, err->message);
	focus_error(g, i, err->field);
}

/*
 * Shows a saved row's values as stored, with the interface's decimal
 * sign whatever was typed ("92.3" becomes "92,3" in Vietnamese).
 */
static void
show_stored(struct grid_row *r)
{
	const struct mn_measurement *m = &r->stored;
	char text[16];

	text[0] = '\0';
	if (m->weight_kg > 0)
		hui_decimal(m->weight_kg, text, sizeof text);
	tui_field_set(&r->weight, text);
	text[0] = '\0';
	if (m->height_cm > 0)
		hui_decimal(m->height_cm, text, sizeof text);
	tui_field_set(&r->height, text);
	text[0] = '\0';
	if (m->head_cm > 0)
		hui_decimal(m->head_cm, text, sizeof text);
	tui_field_set(&r->head, text);
	r->position = m->position;
	r->weight.changed = false;
	r->height.changed = false;
	r->head.changed = false;
}

/* Marks row i saved as measurement id, read back with its z-scores. */
static void
mark_saved(struct tui *ui, struct grid_row *r, int64_t id)
{
	struct mn_measurement m;

	if (mn_measure_get(ui->ctx, id, &m, NULL) != MN_OK)
		return;
	r->stored = m;
	r->saved = true;
	r->dirty = false;
	r->checked = false;
	show_stored(r);
}

/*
 * Reads the measurement of row r saved on the grid's date by someone
 * else; false when there is none.
 */
static bool
load_saved(struct tui *ui, const struct grid *g, struct grid_row *r)
{
	struct mn_measurement m;
	struct mn_date day;
	char next[11];

	if (mn_date_parse_iso(g->date, "date", &day, NULL) != MN_OK)
		return false;
	mn_date_from_days(mn_date_to_days(&day) + 1, &day);
	mn_date_format_iso(&day, next, sizeof next);
	if (mn_measure_previous(ui->ctx, r->sheet.child_id, next, &m,
	    NULL) != MN_OK || strcmp(m.date, g->date) != 0)
		return false;
	r->stored = m;
	r->saved = true;
	r->dirty = false;
	r->checked = false;
	show_stored(r);
	return true;
}

/*
 * Row i's child was measured on the date by someone else since the grid
 * was opened: shows the core's message (the values saved and who saved
 * them) and offers to put the saved values on the row.
 */
static void
offer_reload(struct tui *ui, struct grid *g, size_t i,
    const struct mn_error *err)
{
	struct grid_row *r = &g->rows[i];
	char question[600], typed_w[16], typed_h[16], *w, *h;
	char saved_w[16], saved_h[16];
	int rc;

	g->sel = (int)i;
	g->cell = CELL_WEIGHT;
	snprintf(question, sizeof question, T("Row %zu: %s.  Nothing was "
	    "saved.  Reload the saved values into this row?", "Dòng %zu: %s. "
	    "Chưa lưu gì.  Tải lại số đo đã lưu vào dòng này?"), i + 1,
	    err->message);
	rc = tui_confirm(ui, question, true);
	if (rc != TUI_OK) {
		tui_error(ui, T("Row %zu (%s): %s", "Dòng %zu (%s): %s"), i + 1,
		    r->sheet.full_name, err->message);
		return;
	}
	w = tui_field_get(&r->weight);
	h = tui_field_get(&r->height);
	snprintf(typed_w, sizeof typed_w, "%s", w != NULL ? w : "");
	snprintf(typed_h, sizeof typed_h, "%s", h != NULL ? h : "");
	free(w);
	free(h);
	if (!load_saved(ui, g, r)) {
		tui_error(ui, "%s", T("The saved values could not be read; "
		    "leave the grid and open it again", "Không đọc được số đo "
		    "đã lưu; hãy thoát bảng rồi mở lại"));
		return;
	}
	hui_decimal(r->stored.weight_kg, saved_w, sizeof saved_w);
	hui_decimal(r->stored.height_cm, saved_h, sizeof saved_h);
	tui_message(ui, T("Row %zu (%s): saved values reloaded, %s kg, %s cm "
	    "(typed: %s kg, %s cm); press F2 to save the other rows",
	    "Dòng %zu (%s): đã tải lại số đo đã lưu, %s kg, %s cm (đã nhập: "
	    "%s kg, %s cm); nhấn F2 để lưu các dòng khác"), i + 1,
	    r->sheet.full_name, saved_w, saved_h, typed_w, typed_h);
}

/*
 * Asks before saving rows marked "cần đo lại" that F3 did not confirm;
 * true when the save may go on.  The rows are then stored flagged.
 */
static bool
confirm_changes(struct tui *ui, struct grid *g)
{
	char question[512];
	size_t n = 0, first = 0;

	for (size_t i = 0; i < g->n; i++) {
		if (g->rows[i].checked || typed_change(g, &g->rows[i]) == 0)
			continue;
		if (n++ == 0)
			first = i;
	}
	if (n == 0)
		return true;
	g->sel = (int)first;
	g->cell = CELL_WEIGHT;
	snprintf(question, sizeof question, T("%zu row(s) marked \"measure "
	    "again\" changed implausibly since the last measurement, first "
	    "row %zu (%s).  Save them flagged \"measure again\", left out of "
	    "the round report's rates?  No: check them, press F3 on those "
	    "that are right, then F2.", "%zu dòng đánh dấu \"cần đo lại\" "
	    "thay đổi bất thường so với lần đo trước, đầu tiên là dòng %zu "
	    "(%s).  Vẫn lưu và đánh dấu cần đo lại, không tính vào tỷ lệ của "
	    "báo cáo đợt?  Không: hãy đo lại, dòng nào đúng thì nhấn F3, "
	    "rồi F2."), n, first + 1, g->rows[first].sheet.full_name);
	return tui_confirm(ui, question, false) == TUI_OK;
}

/* Saves the new rows in one round, then the changed saved rows. */
static void
save_grid(struct tui *ui, struct grid *g)
{
	struct mn_measure_input *inputs;
	struct mn_error err;
	size_t *map, k = 0, bad = 0, updated = 0, flagged = 0;
	int64_t *ids;

	inputs = calloc(g->n + 1, sizeof *inputs);
	map = calloc(g->n + 1, sizeof *map);
	ids = calloc(g->n + 1, sizeof *ids);
	if (inputs == NULL || map == NULL || ids == NULL) {
		tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
		goto out;
	}
	for (size_t i = 0; i < g->n; i++) {
		struct grid_row *r = &g->rows[i];

		if (!pending(r))
			continue;
		if (!row_input(ui, g, i, &inputs[k]))
			goto out;
		/* Bad values are named before any question is asked. */
		mn_error_clear(&err);
		if (mn_measure_check(&inputs[k], r->sheet.birth_date,
		    &err) != MN_OK) {
			row_error(ui, g, i, &err);
			goto out;
		}
		if (!r->saved)
			map[k++] = i;
	}
	if (!confirm_changes(ui, g))
		goto out;
	mn_error_clear(&err);
	if (k > 0 && mn_measure_round(ui->ctx, g->date, g->round, inputs, k,
	    ids, &bad, &err) != MN_OK) {
		if (err.status == MN_ERR_EXISTS && bad < k)
			offer_reload(ui, g, map[bad], &err);
		else
			row_error(ui, g, bad < k ? map[bad] : 0, &err);
		goto out;
	}
	for (size_t j = 0; j < k; j++)
		mark_saved(ui, &g->rows[map[j]], ids[j]);
	for (size_t i = 0; i < g->n; i++) {
		struct grid_row *r = &g->rows[i];
		struct mn_measure_input in;

		if (!r->saved || !r->dirty || !row_input(ui, g, i, &in))
			continue;
		mn_error_clear(&err);
		if (mn_measure_update(ui->ctx, r->stored.id, r->stored.version,
		    &in, &err) != MN_OK) {
			row_error(ui, g, i, &err);
			goto out;
		}
		mark_saved(ui, r, r->stored.id);
		updated++;
	}
	for (size_t i = 0; i < g->n; i++)
		if (g->rows[i].saved && g->rows[i].stored.measure_again)
			flagged++;
	g->resumed = false;
	if (k == 0 && updated == 0)
		tui_message(ui, "%s", T("Nothing new to save",
		    "Không có số đo mới để lưu"));
	else
		tui_message(ui, T("Saved %zu new and %zu changed "
		    "measurements; %zu to measure again", "Đã lưu %zu số đo "
		    "mới, sửa %zu; %zu trẻ cần đo lại"), k, updated, flagged);
out:
	free(inputs);
	free(map);
	free(ids);
}

static bool
unsaved(const struct grid *g)
{
	for (size_t i = 0; i < g->n; i++)
		if ((g->rows[i].saved && g->rows[i].dirty) ||
		    (!g->rows[i].saved && has_input(&g->rows[i])))
			return true;
	return false;
}

static void
move_cell(struct grid *g, int step)
{
	g->cell += step;
	if (g->cell >= CELL_COUNT) {
		g->cell = 0;
		if (g->sel + 1 < (int)g->n)
			g->sel++;
	} else if (g->cell < 0) {
		g->cell = CELL_COUNT - 1;
		if (g->sel > 0)
			g->sel--;
	}
}

static void
move_row(struct grid *g, int step)
{
	g->sel += step;
	if (g->sel >= (int)g->n)
		g->sel = (int)g->n - 1;
	if (g->sel < 0)
		g->sel = 0;
}

/* Edits the selected cell with key; false when the key is not for it. */
static bool
edit_cell(struct grid *g, int key)
{
	struct grid_row *r = &g->rows[g->sel];
	struct tui_field *f;

	if (g->cell == CELL_POSITION) {
		if (key == 'n' || key == 'N' || key == 'l')
			r->position = MN_POSITION_LYING;
		else if (key == 'd' || key == 'D' || key == L'đ' ||
		    key == 's')
			r->position = MN_POSITION_STANDING;
		else
			return false;
		r->dirty = r->saved;
		return true;
	}
	f = g->cell == CELL_WEIGHT ? &r->weight : g->cell == CELL_HEAD ?
	    &r->head : &r->height;
	if (!tui_field_key(f, key))
		return false;
	if (f->changed && r->saved)
		r->dirty = true;
	/* New values need checking again. */
	if (f->changed && f != &r->head)
		r->checked = false;
	return true;
}

static int
run_grid(struct tui *ui, struct grid *g)
{
	int key, action, rc;

	for (;;) {
		if (tui_frame(ui, grid_keys))
			draw_grid(ui, g);
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END)
			return TUI_END;
		if (key == TK_RESIZE || !tui_fits(ui) || g->n == 0) {
			if (key == TK_ESC)
				return TUI_CANCEL;
			continue;
		}
		action = tui_key_action(grid_keys, key);
		switch (action) {
		case TUI_ACT_SAVE:
			save_grid(ui, g);
			break;
		case ACT_CELL_NEXT:
		case ACT_CELL_RIGHT:
			move_cell(g, 1);
			break;
		case ACT_CELL_PREV:
		case ACT_CELL_LEFT:
			move_cell(g, -1);
			break;
		case ACT_ROW_NEXT:
			/* The next child's weight, whatever cell was last. */
			if (g->sel + 1 < (int)g->n) {
				g->sel++;
				g->cell = CELL_WEIGHT;
			}
			break;
		case ACT_ROW_DOWN:
			move_row(g, 1);
			break;
		case ACT_CHECKED: {
			struct grid_row *r = &g->rows[g->sel];

			/* Only values that changed implausibly. */
			if (typed_change(g, r) == 0 && !(r->saved &&
			    !r->dirty && r->stored.measure_again &&
			    stored_change(g, r) != 0)) {
				beep();
				break;
			}
			r->checked = !r->checked;
			if (r->saved)
				r->dirty = true;
			break;
		}
		case ACT_ROW_UP:
			move_row(g, -1);
			break;
		case ACT_PAGE_UP:
			move_row(g, -visible_rows());
			break;
		case ACT_PAGE_DOWN:
			move_row(g, visible_rows());
			break;
		case ACT_TOGGLE: {
			struct grid_row *r = &g->rows[g->sel];

			r->position = r->position == MN_POSITION_LYING ?
			    MN_POSITION_STANDING : MN_POSITION_LYING;
			r->dirty = r->saved;
			break;
		}
		case TUI_ACT_HELP:
			if (hui_help(ui, grid_keys) == TUI_END)
				return TUI_END;
			break;
		case TUI_ACT_BACK:
			if (!unsaved(g))
				return TUI_CANCEL;
			rc = tui_confirm(ui, T("Leave without saving the "
			    "measurements typed?", "Thoát mà không lưu các số "
			    "đo đã nhập?"), false);
			if (rc != TUI_CANCEL)
				return rc == TUI_OK ? TUI_CANCEL : TUI_END;
			break;
		default:
			if (!edit_cell(g, key))
				beep();
			break;
		}
	}
}

enum { DAY_DATE, DAY_ROUND, DAY_ROWS };

/* Asks the date and the round; fills g->date and g->round. */
static int
ask_day(struct tui *ui, struct grid *g)
{
	struct tui_form_row rows[DAY_ROWS] = {
		{ .name = "date", .en = "Date (dd/mm/yyyy)",
		    .vi = "Ngày cân đo (dd/mm/yyyy)" },
		{ .name = "round", .en = "Round (YYYY-MM)",
		    .vi = "Đợt cân đo (YYYY-MM)" },
	};
	struct tui_form form = { .rows = rows, .nrows = DAY_ROWS,
	    .enter_submits = true, .quiet_cancel = true };
	struct mn_date day, today;
	struct mn_error err;
	char text[16], heading[128];
	int rc;

	snprintf(heading, sizeof heading, T("Weighing round of class %s",
	    "Cân đo lớp %s"), g->cls.code);
	form.heading = heading;
	form.note = T("The round groups the measurements of one weighing "
	    "day for the report; it is usually the month of the date.",
	    "Đợt dùng để gộp các số đo của một lần cân cho báo cáo; thường "
	    "là tháng của ngày cân.");
	mn_date_today(&today);
	/* Room for blanks around a pasted date; the parser drops them. */
	tui_field_init(&rows[DAY_DATE].field, 16, TUI_SHOW);
	tui_field_init(&rows[DAY_ROUND].field, 7, TUI_SHOW);
	mn_date_format(&today, text, sizeof text);
	tui_field_set(&rows[DAY_DATE].field, text);
	snprintf(text, sizeof text, "%04d-%02d", today.year, today.month);
	tui_field_set(&rows[DAY_ROUND].field, text);
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		char *d = tui_field_get(&rows[DAY_DATE].field);
		char *r = tui_field_get(&rows[DAY_ROUND].field);
		int year = 0, month = 0, end = 0;

		mn_error_clear(&err);
		if (d == NULL || r == NULL)
			tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
		else if (mn_date_parse(d, T("Date", "Ngày cân đo"), &day,
		    &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			form.focus = DAY_DATE;
		} else if (mn_date_cmp(&day, &today) > 0) {
			tui_error(ui, T("Date %s is in the future; expected "
			    "today or earlier", "Ngày cân đo %s là ngày trong "
			    "tương lai; cần hôm nay hoặc trước đó"), d);
			form.focus = DAY_DATE;
		} else if (sscanf(r, "%4d-%2d%n", &year, &month, &end) != 2 ||
		    end != 7 || r[end] != '\0' || month < 1 || month > 12) {
			tui_error(ui, T("Round \"%s\" is invalid; expected "
			    "YYYY-MM such as %04d-%02d", "Đợt \"%s\" không hợp "
			    "lệ; cần dạng YYYY-MM, ví dụ %04d-%02d"), r,
			    day.year, day.month);
			form.focus = DAY_ROUND;
		} else {
			mn_date_format_iso(&day, g->date, sizeof g->date);
			snprintf(g->round, sizeof g->round, "%s", r);
			free(d);
			free(r);
			break;
		}
		free(d);
		free(r);
	}
	return rc;
}

/* ---- Drafts ---------------------------------------------------------- */

#define DRAFT_KIND "weighing"
enum { P_WEIGHT, P_HEIGHT, P_POSITION, P_HEAD, P_VERSION, P_COUNT };

static void
draft_key(const struct grid *g, char *buf, size_t size)
{
	struct mn_date day;

	memset(&day, 0, sizeof day);
	mn_date_parse_iso(g->date, "date", &day, NULL);
	grid_day_key(buf, size, DRAFT_KIND, g->cls.id, &day, g->round);
}

/*
 * Keeps the rows with unsaved cells as a draft, one field per child:
 * weight, height, position, head and the version of the row saved on
 * the date when the grid was opened (0: none).
 */
static void
keep_draft(struct tui *ui, struct grid *g)
{
	struct grid_draft d;
	char key[MN_DRAFT_KEY_SIZE], day[16], detail[96];

	if (!grid_draft_wanted(ui) || !unsaved(g))
		return;
	hui_date(g->date, day, sizeof day);
	snprintf(detail, sizeof detail, T("Class %s, %s, round %s",
	    "Lớp %s, ngày %s, đợt %s"), g->cls.code, day, g->round);
	grid_draft_init(&d, ui, detail);
	for (size_t i = 0; i < g->n; i++) {
		struct grid_row *r = &g->rows[i];
		char *text[3], pos[8], version[24];
		const char *parts[P_COUNT];

		if (!(r->saved ? r->dirty : has_input(r) || r->dirty))
			continue;
		text[0] = tui_field_get(&r->weight);
		text[1] = tui_field_get(&r->height);
		text[2] = tui_field_get(&r->head);
		snprintf(pos, sizeof pos, "%d", r->position);
		snprintf(version, sizeof version, "%lld", r->saved ?
		    (long long)r->stored.version : 0LL);
		parts[P_WEIGHT] = text[0] != NULL ? text[0] : "";
		parts[P_HEIGHT] = text[1] != NULL ? text[1] : "";
		parts[P_POSITION] = pos;
		parts[P_HEAD] = text[2] != NULL ? text[2] : "";
		parts[P_VERSION] = version;
		grid_draft_add_child(&d, r->sheet.child_id, parts, P_COUNT);
		for (int k = 0; k < 3; k++)
			free(text[k]);
	}
	draft_key(g, key, sizeof key);
	grid_draft_keep(ui, key, &d);
}

/*
 * Puts a resumed draft's cells on the grid just loaded.  A row the
 * draft had as new but that someone saved since, or saved at another
 * version, keeps the draft's version, so its save reports the conflict
 * and overwrites nothing.
 */
static void
apply_draft(struct tui *ui, struct grid *g)
{
	char key[MN_DRAFT_KEY_SIZE], buf[128], *parts[GRID_PARTS_MAX];

	draft_key(g, key, sizeof key);
	if (ui->resume == NULL || strcmp(ui->resume->key, key) != 0)
		return;
	for (size_t i = 0; i < g->n; i++) {
		struct grid_row *r = &g->rows[i];
		int64_t version;

		if (grid_resume_child(ui, key, r->sheet.child_id, buf,
		    sizeof buf, parts) != P_COUNT)
			continue;
		tui_field_set(&r->weight, parts[P_WEIGHT]);
		tui_field_set(&r->height, parts[P_HEIGHT]);
		tui_field_set(&r->head, parts[P_HEAD]);
		r->position = atoi(parts[P_POSITION]) == MN_POSITION_LYING ?
		    MN_POSITION_LYING : MN_POSITION_STANDING;
		version = strtoll(parts[P_VERSION], NULL, 10);
		/* A row deleted since is saved as new. */
		if (r->saved)
			r->stored.version = version;
		r->dirty = true;
		g->resumed = true;
	}
	tui_resume_free(ui);
}

/* Opens the grid of g's class, date and round; resume: with a draft. */
static int
open_grid(struct tui *ui, struct grid *g, bool resume)
{
	struct mn_error err;
	int rc;

	mn_error_clear(&err);
	if (load_grid(ui, g, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		free(g->rows);
		return TUI_CANCEL;
	}
	if (resume)
		apply_draft(ui, g);
	rc = run_grid(ui, g);
	if (rc == TUI_END)
		keep_draft(ui, g);
	free(g->rows);
	return rc;
}

int
screen_weighing(struct tui *ui)
{
	struct grid g;
	int rc;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	for (;;) {
		memset(&g, 0, sizeof g);
		if ((rc = hui_pick_class(ui, &g.cls)) != TUI_OK)
			break;
		rc = ask_day(ui, &g);
		if (rc == TUI_END)
			break;
		if (rc != TUI_OK)
			continue;
		if ((rc = open_grid(ui, &g, false)) == TUI_END)
			break;
	}
	return rc == TUI_END ? TUI_END : TUI_CANCEL;
}

/* Opens the grid of a draft "weighing:CLASS_ID:YYYY-MM-DD:ROUND". */
int
weighing_reopen(struct tui *ui, const char *record)
{
	struct grid g;
	struct mn_date day;
	int64_t class_id;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	memset(&g, 0, sizeof g);
	if (!grid_day_record(record, &class_id, &day, g.round,
	    sizeof g.round) || !hui_find_class(ui, class_id, &g.cls)) {
		grid_draft_dropped(ui);
		return TUI_OK;
	}
	mn_date_format_iso(&day, g.date, sizeof g.date);
	return open_grid(ui, &g, true) == TUI_END ? TUI_END : TUI_OK;
}

/* Names a draft "CLASS_ID:YYYY-MM-DD:ROUND" by its class code and day. */
void
weighing_describe(struct tui *ui, const char *record,
    const struct tui_resume *draft, char *buf, size_t size)
{
	struct mn_class cls;
	struct mn_date day;
	int64_t class_id;
	char part[32], when[16];

	buf[0] = '\0';
	if (!grid_day_record(record, &class_id, &day, part, sizeof part) ||
	    !hui_find_class(ui, class_id, &cls))
		return;
	mn_date_format(&day, when, sizeof when);
	snprintf(buf, size, T("class %s, %s", "lớp %s, %s"), cls.code, when);
}
