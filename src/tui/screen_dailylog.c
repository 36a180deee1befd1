/*
 * Daily logs of a whole class in one grid: a row per child, a column
 * per meal, the nap, the temperature and the notes.  A meal takes one
 * key: h ate all, m ate part, k refused, Space cycles, and * copies the
 * cell to the column's empty cells.  Numbers and notes open an editor
 * on the line under the grid.  F2 saves the changed rows in one call,
 * and 'g' edits the class diary of the day.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "core/attendance.h"
#include "core/dailylog.h"
#include "tui/grid.h"

enum {
	ACT_CYCLE = TUI_ACT_USER,
	ACT_ALL,
	ACT_PART,
	ACT_REFUSED,
	ACT_CLEAR,
	ACT_FILL,
	ACT_EDIT,
	ACT_DIARY,
	ACT_DATE,
	ACT_CLASS,
	ACT_MONTH,
};

static const struct tui_keydef grid_keys[] = {
	{ { TK_ENTER }, "Enter", "Edit", "Sửa", ACT_EDIT },
	{ { ' ' }, "Space", "Change", "Đổi", ACT_CYCLE },
	{ { '*' }, "*", "Fill column", "Điền cột", ACT_FILL },
	{ { TK(KEY_F(2)) }, "F2", "Save", "Lưu", TUI_ACT_SAVE },
	{ { 'g', 'G' }, "g", "Diary", "Nhật ký lớp", ACT_DIARY },
	{ { 'd', 'D' }, "d", "Day", "Ngày", ACT_DATE },
	{ { TK_ESC }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ { 'h', 'H' }, "", NULL, NULL, ACT_ALL },
	{ { 'm', 'M' }, "", NULL, NULL, ACT_PART },
	{ { 'k', 'K' }, "", NULL, NULL, ACT_REFUSED },
	{ { TK(KEY_DC), '-' }, "", NULL, NULL, ACT_CLEAR },
	{ { 'l', 'L' }, "", NULL, NULL, ACT_CLASS },
	{ { 'v', 'V' }, "", NULL, NULL, ACT_MONTH },
	{ .name = NULL }
};

/* Grid columns after the name: one per meal (enum mn_meal), then these. */
enum col {
	COL_NAP = MN_MEAL_COUNT,
	COL_TEMP,
	COL_SYMPTOMS,
	COL_MEDICINE,
	COL_BEHAVIOUR,
	COL_LEARNING,
	COL_COUNT
};

static const struct {
	const char *en, *vi;	/* header */
	const char *long_en, *long_vi;	/* in messages and the editor */
	int width;		/* 0: shares what is left */
} columns[COL_COUNT] = {
	[MN_MEAL_BREAKFAST] = { "Bkfst", "Sáng", NULL, NULL, 5 },
	[MN_MEAL_LUNCH] = { "Lunch", "Trưa", NULL, NULL, 5 },
	[MN_MEAL_AFTERNOON] = { "Aft.", "Chiều", NULL, NULL, 5 },
	[MN_MEAL_SNACK] = { "Snack", "Phụ", NULL, NULL, 5 },
	[COL_NAP] = { "Nap", "Ngủ", "Nap (minutes)", "Ngủ trưa (phút)", 4 },
	[COL_TEMP] = { "Temp", "Nh.độ", "Temperature (°C)", "Nhiệt độ (°C)",
	    5 },
	[COL_SYMPTOMS] = { "Symptoms", "Tr.chứng", "Symptoms", "Triệu chứng",
	    0 },
	[COL_MEDICINE] = { "Medicine", "Thuốc", "Medicine given",
	    "Thuốc đã cho uống", 0 },
	[COL_BEHAVIOUR] = { "Behaviour", "Hành vi", "Behaviour", "Hành vi",
	    0 },
	[COL_LEARNING] = { "Learning", "Học tập", "Learning", "Học tập", 0 },
};

/* The long name of a column: the meal's own label for meals. */
static const char *
column_name(int col)
{
	if (col < MN_MEAL_COUNT)
		return mn_meal_label((enum mn_meal)col);
	return T(columns[col].long_en, columns[col].long_vi);
}

/* Draft keys: "dailylog:CLASS_ID:YYYY-MM-DD", with ":diary" for the diary. */
#define DRAFT_KIND "dailylog"
#define DIARY_PART "diary"

#define NAME_X 3		/* column 1 holds the absence letter */
#define NAME_WIDTH 18

struct grid {
	struct class_day cd;
	struct mn_daily_log *logs;	/* on screen */
	struct mn_daily_log *orig;	/* as loaded */
	bool *absent;			/* per row: marked absent */
	size_t count;
	int row, col, top;
	bool resumed;			/* cells from a draft, not saved */
};

static void
grid_free(struct grid *g)
{
	free(g->logs);
	free(g->orig);
	free(g->absent);
	g->logs = g->orig = NULL;
	g->absent = NULL;
	g->count = 0;
}

static bool
log_changed(const struct mn_daily_log *a, const struct mn_daily_log *b)
{
	for (int m = 0; m < MN_MEAL_COUNT; m++)
		if (a->meals[m] != b->meals[m])
			return true;
	return a->nap_minutes != b->nap_minutes ||
	    fabs(a->temperature - b->temperature) > 0.001 ||
	    strcmp(a->symptoms, b->symptoms) != 0 ||
	    strcmp(a->medicine, b->medicine) != 0 ||
	    strcmp(a->behaviour, b->behaviour) != 0 ||
	    strcmp(a->learning, b->learning) != 0;
}

static bool
grid_changed(const struct grid *g)
{
	if (g->resumed)
		return true;
	for (size_t i = 0; i < g->count; i++)
		if (log_changed(&g->logs[i], &g->orig[i]))
			return true;
	return false;
}

/*
 * Loads the class's logs of cd->day.  The attendance is loaded first,
 * because it checks the day (a school day, not in the future) and gives
 * the absent children, whose rows get a letter and a dim name.
 */
static int
grid_load(struct tui *ui, struct grid *g, const struct class_day *cd,
    struct mn_error *err)
{
	struct mn_attendance_day att;
	struct mn_daily_log *logs, *orig;
	bool *absent;
	size_t n;
	int rc;

	rc = mn_attendance_load(ui->ctx, cd->class_id, &cd->day, &att, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_dailylog_load_class(ui->ctx, cd->class_id, &cd->day, &logs,
	    &n, err);
	if (rc != MN_OK) {
		mn_attendance_free(&att);
		return rc;
	}
	orig = malloc((n ? n : 1) * sizeof *orig);
	absent = calloc(n ? n : 1, sizeof *absent);
	if (orig == NULL || absent == NULL) {
		free(logs);
		free(orig);
		free(absent);
		mn_attendance_free(&att);
		return mn_fail(err, MN_ERR_NOMEM, "", "%s",
		    T("Out of memory", "Hết bộ nhớ"));
	}
	memcpy(orig, logs, n * sizeof *orig);
	for (size_t i = 0; i < n; i++) {
		struct mn_attendance_entry *e = mn_attendance_entry(&att,
		    logs[i].child_id);

		absent[i] = att.saved && e != NULL &&
		    !mn_mark_is_present(e->mark);
	}
	mn_attendance_free(&att);
	grid_free(g);
	g->cd = *cd;
	g->logs = logs;
	g->orig = orig;
	g->absent = absent;
	g->count = n;
	g->resumed = false;
	if (g->row >= (int)n)
		g->row = n > 0 ? (int)n - 1 : 0;
	return MN_OK;
}

/* ---- Cells ----------------------------------------------------------- */

static bool
is_meal(int col)
{
	return col < MN_MEAL_COUNT;
}

/* The text field of a note column, or NULL for other columns. */
static char *
note_of(struct mn_daily_log *log, int col, size_t *size)
{
	switch (col) {
	case COL_SYMPTOMS:
		*size = sizeof log->symptoms;
		return log->symptoms;
	case COL_MEDICINE:
		*size = sizeof log->medicine;
		return log->medicine;
	case COL_BEHAVIOUR:
		*size = sizeof log->behaviour;
		return log->behaviour;
	case COL_LEARNING:
		*size = sizeof log->learning;
		return log->learning;
	default:
		*size = 0;
		return NULL;
	}
}

static void
cell_text(struct mn_daily_log *log, int col, char *buf, size_t size)
{
	size_t n;
	char *note;

	if (is_meal(col))
		snprintf(buf, size, "%s", grid_intake_text(log->meals[col],
		    "·"));
	else if (col == COL_NAP)
		snprintf(buf, size, log->nap_minutes >= 0 ? "%d" : "",
		    log->nap_minutes);
	else if (col == COL_TEMP)
		snprintf(buf, size, log->temperature > 0 ? "%.1f" : "",
		    log->temperature);
	else if ((note = note_of(log, col, &n)) != NULL)
		snprintf(buf, size, "%s", note);
	else
		buf[0] = '\0';
}

/* ---- Drawing --------------------------------------------------------- */

/* Fills x[] with each column's start and x[COL_COUNT] with the end. */
static void
layout(int *x)
{
	int fixed = NAME_X + NAME_WIDTH + 1, shared = 0, left, each;

	for (int c = 0; c < COL_COUNT; c++) {
		if (columns[c].width > 0)
			fixed += columns[c].width + 1;
		else
			shared++;
	}
	left = COLS - 1 - fixed;
	each = shared > 0 ? left / shared - 1 : 0;
	if (each < 4)
		each = 4;
	x[0] = NAME_X + NAME_WIDTH + 1;
	for (int c = 0; c < COL_COUNT; c++)
		x[c + 1] = x[c] + (columns[c].width > 0 ? columns[c].width :
		    each) + 1;
}

static void
draw_grid(struct tui *ui, struct grid *g)
{
	int x[COL_COUNT + 1], y = tui_body_top(), rows = grid_list_rows();
	char line[2600], day[64], cell[2048];
	const char *absent = "";

	layout(x);
	class_day_label(&g->cd.day, day, sizeof day);
	snprintf(line, sizeof line, T("Class %s  %s%s", "Lớp %s  %s%s"),
	    g->cd.code, day, g->resumed ? T("  (draft, not saved yet)",
	    "  (bản nháp, chưa lưu)") : grid_changed(g) ?
	    T("  (not saved yet)", "  (chưa lưu)") : "");
	tui_text(y, 1, COLS - 2, line, TUI_TITLE);
	tui_text(y + 1, 0, COLS, "", TUI_HEADER);
	tui_text(y + 1, NAME_X, NAME_WIDTH, T("Full name", "Họ và tên"),
	    TUI_HEADER);
	for (int c = 0; c < COL_COUNT && x[c] < COLS - 1; c++)
		tui_text(y + 1, x[c], x[c + 1] - x[c] - 1 < COLS - 1 - x[c] ?
		    x[c + 1] - x[c] - 1 : COLS - 1 - x[c],
		    T(columns[c].en, columns[c].vi),
		    c == g->col ? TUI_SELECT : TUI_HEADER);
	if (g->row < g->top)
		g->top = g->row;
	if (g->row >= g->top + rows)
		g->top = g->row - rows + 1;
	for (int i = 0; i < rows && g->top + i < (int)g->count; i++) {
		int r = g->top + i, yy = y + 2 + i;
		struct mn_daily_log *log = &g->logs[r];
		enum tui_style style = g->absent[r] ? TUI_KEYNAME : TUI_NORMAL;

		tui_text(yy, 0, COLS, "", TUI_NORMAL);
		tui_text(yy, 1, 1, g->absent[r] ? T("A", "V") : "",
		    TUI_ERROR);
		tui_text(yy, NAME_X, NAME_WIDTH, log->full_name,
		    r == g->row ? TUI_TITLE : style);
		for (int c = 0; c < COL_COUNT && x[c] < COLS - 1; c++) {
			int w = x[c + 1] - x[c] - 1;

			if (w > COLS - 1 - x[c])
				w = COLS - 1 - x[c];
			cell_text(log, c, cell, sizeof cell);
			tui_text(yy, x[c], w, cell, r == g->row &&
			    c == g->col ? TUI_SELECT : style);
		}
	}
	if (g->count == 0)
		tui_text(y + 3, 2, COLS - 4, T("No child is in this class on "
		    "that day", "Không có trẻ nào trong lớp vào ngày này"),
		    TUI_NORMAL);
	else {
		cell_text(&g->logs[g->row], g->col, cell, sizeof cell);
		if (g->absent[g->row])
			absent = T(" (absent today)", " (hôm nay vắng)");
		if (is_meal(g->col))
			snprintf(cell, sizeof cell, "%s",
			    g->logs[g->row].meals[g->col] == MN_INTAKE_NONE ?
			    T("not recorded", "chưa ghi") : mn_intake_label(
			    g->logs[g->row].meals[g->col]));
		snprintf(line, sizeof line, "%s%s, %s: %s",
		    g->logs[g->row].full_name, absent, column_name(g->col),
		    cell);
		tui_text(LINES - 3, 1, COLS - 2, line, TUI_NORMAL);
	}
	(void)ui;
}

/* ---- Editing --------------------------------------------------------- */

static bool
navigate(struct grid *g, int key)
{
	switch (key) {
	case TK(KEY_LEFT):
	case TK(KEY_BTAB):
		g->col = (g->col + COL_COUNT - 1) % COL_COUNT;
		return true;
	case TK(KEY_RIGHT):
	case TK_TAB:
		g->col = (g->col + 1) % COL_COUNT;
		return true;
	default:
		return grid_move(&g->row, (int)g->count, key);
	}
}

/*
 * Parses a typed number into the cell.  The log is checked by the core
 * afterwards, so a temperature out of range is rejected with its field
 * named, and the cell keeps its old value.
 */
static int
store_text(struct mn_daily_log *log, int col, const char *text,
    struct mn_error *err)
{
	struct mn_daily_log copy = *log;
	size_t size;
	char *note;

	if (col == COL_NAP || col == COL_TEMP) {
		const char *name = column_name(col);
		double v;

		if (text[strspn(text, " ")] == '\0') {
			if (col == COL_NAP)
				copy.nap_minutes = -1;
			else
				copy.temperature = 0;
		} else if (col == COL_NAP) {
			if (mn_parse_number(text, "nap", name, 0, 0,
			    MN_NAP_MAX, &v, err) != MN_OK)
				return err->status;
			copy.nap_minutes = (int)v;
		} else {
			/* Wide bounds: the core's check names 34-43. */
			if (mn_parse_number(text, "temperature", name, 1,
			    -1000, 1000, &v, err) != MN_OK)
				return err->status;
			copy.temperature = v;
		}
	} else if ((note = note_of(&copy, col, &size)) != NULL)
		snprintf(note, size, "%s", text);
	if (mn_dailylog_check(&copy, err) != MN_OK)
		return err->status;
	*log = copy;
	return MN_OK;
}

static void
draw_behind(struct tui *ui, void *arg)
{
	draw_grid(ui, arg);
}

/* Stores the typed cell; a value the core rejects keeps the editor. */
static bool
take_cell(struct tui *ui, void *arg, const char *text)
{
	struct grid *g = arg;
	struct mn_error err;

	mn_error_clear(&err);
	if (store_text(&g->logs[g->row], g->col, text, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return false;
	}
	return true;
}

/* Edits the current number or note cell on the line under the grid. */
static int
edit_cell(struct tui *ui, struct grid *g, int first_key)
{
	char cell[2048], prompt[128];
	struct grid_line line = {
		.prompt = prompt,
		.hint = T("Enter: keep  Esc: cancel",
		    "Enter: ghi nhận  Esc: hủy"),
		.draw = draw_behind,
		.accept = take_cell,
		.arg = g,
	};
	struct tui_field f;
	int rc, end_key = 0;

	tui_field_init(&f, g->col == COL_NAP ? 3 : g->col == COL_TEMP ? 5 :
	    MN_LOG_TEXT_MAX, TUI_SHOW);
	if (first_key == 0) {
		cell_text(&g->logs[g->row], g->col, cell, sizeof cell);
		tui_field_set(&f, cell);
	} else
		tui_field_key(&f, first_key);
	snprintf(prompt, sizeof prompt, "%s: ", column_name(g->col));
	rc = grid_edit_line(ui, &line, &f, &end_key);
	if (rc == TUI_OK && end_key == TK_TAB)
		g->col = (g->col + 1) % COL_COUNT;
	tui_field_clear(&f);
	return rc;
}

static void
set_meal(struct grid *g, enum mn_intake v, bool advance)
{
	if (!is_meal(g->col) || g->count == 0)
		return;
	g->logs[g->row].meals[g->col] = v;
	if (advance && g->row + 1 < (int)g->count)
		g->row++;
}

/* Copies the current meal cell to the empty cells of its column. */
static void
fill_column(struct tui *ui, struct grid *g)
{
	enum mn_intake v;
	int n = 0;

	if (!is_meal(g->col) || g->count == 0)
		return;
	v = g->logs[g->row].meals[g->col];
	if (v == MN_INTAKE_NONE) {
		tui_error(ui, "%s", T("Choose a value for this cell first "
		    "(h, m or k)", "Hãy chọn giá trị cho ô này trước (h, m "
		    "hoặc k)"));
		return;
	}
	for (size_t i = 0; i < g->count; i++)
		if (!g->absent[i] && g->logs[i].meals[g->col] ==
		    MN_INTAKE_NONE) {
			g->logs[i].meals[g->col] = v;
			n++;
		}
	tui_message(ui, T("%s: set \"%s\" for %d children",
	    "%s: đã điền \"%s\" cho %d trẻ"), column_name(g->col),
	    mn_intake_label(v), n);
}

/* ---- Saving ---------------------------------------------------------- */

/* "hết/phần/·/· Ho" : the meals and the symptoms, for comparing. */
static void
meals_text(const struct mn_daily_log *log, char *buf, size_t size)
{
	size_t used;

	grid_meals_text(log, "·", buf, size);
	used = strlen(buf);
	if (used + 1 < size && log->symptoms[0] != '\0')
		snprintf(buf + used, size - used, " %.120s", log->symptoms);
}

/*
 * Asks whether to keep the user's log of a child that someone else
 * saved meanwhile.  TUI_OK keeps hers, TUI_CANCEL takes theirs.
 */
static int
ask_log_conflict(struct tui *ui, const char *message,
    struct mn_daily_log *mine, const struct mn_daily_log *theirs)
{
	char text[4096], a[256], b[256];

	meals_text(mine, a, sizeof a);
	meals_text(theirs, b, sizeof b);
	snprintf(text, sizeof text, T("%s\n\nYours: %s\nTheirs: %s\n\n"
	    "Keep yours (Yes) or take theirs (No)?", "%s\n\nCủa bạn: %s\n"
	    "Của người khác: %s\n\nGiữ bản của bạn (Có) hay lấy bản của họ "
	    "(Không)?"), message, a, b);
	return tui_confirm(ui, text, true);
}

static int
save(struct tui *ui, struct grid *g)
{
	struct mn_daily_log *batch;
	size_t *index, n;
	struct mn_error err;
	int rc;

	batch = malloc((g->count ? g->count : 1) * sizeof *batch);
	index = malloc((g->count ? g->count : 1) * sizeof *index);
	if (batch == NULL || index == NULL) {
		free(batch);
		free(index);
		tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
		return TUI_OK;
	}
	for (;;) {
		size_t bad = 0;

		/* Only changed rows: an untouched child gets no empty log. */
		n = 0;
		for (size_t i = 0; i < g->count; i++)
			if (log_changed(&g->logs[i], &g->orig[i])) {
				batch[n] = g->logs[i];
				index[n++] = i;
			}
		if (n == 0) {
			g->resumed = false;
			tui_message(ui, "%s", T("Nothing changed",
			    "Không có gì thay đổi"));
			rc = TUI_OK;
			break;
		}
		mn_error_clear(&err);
		rc = mn_dailylog_save_class(ui->ctx, g->cd.class_id,
		    &g->cd.day, batch, n, &bad, &err);
		if (rc == MN_OK) {
			g->resumed = false;
			for (size_t k = 0; k < n; k++) {
				g->logs[index[k]] = batch[k];
				g->orig[index[k]] = batch[k];
			}
			tui_message(ui, T("Saved the daily logs of %zu "
			    "children", "Đã lưu nhật ký của %zu trẻ"), n);
			rc = TUI_OK;
			break;
		}
		if (rc == MN_ERR_CONFLICT && bad < n) {
			struct mn_daily_log theirs;
			struct mn_error gerr;
			size_t i = index[bad];
			char message[sizeof err.message];

			snprintf(message, sizeof message, "%s", err.message);
			mn_error_clear(&gerr);
			if (mn_dailylog_get(ui->ctx, g->logs[i].child_id,
			    &g->cd.day, &theirs, &gerr) != MN_OK) {
				tui_error(ui, "%s", gerr.message);
				rc = TUI_OK;
				break;
			}
			rc = ask_log_conflict(ui, message, &g->logs[i],
			    &theirs);
			if (rc == TUI_END)
				break;
			if (rc == TUI_OK)
				g->logs[i].version = theirs.version;
			else
				g->logs[i] = theirs;
			g->orig[i] = theirs;
			continue;
		}
		if (rc != MN_OK && err.field[0] != '\0' && bad < n) {
			/* Put the cursor on the refused child. */
			g->row = (int)index[bad];
		}
		tui_error(ui, "%s", err.message);
		rc = TUI_OK;
		break;
	}
	free(batch);
	free(index);
	return rc;
}

/* ---- Class diary ----------------------------------------------------- */

#define DIARY_LINES 10
#define DIARY_WRAP 64		/* cells per line when the text is loaded */

/*
 * Spreads the stored diary over the form's lines.  The core keeps the
 * diary as one paragraph (white space collapsed), so the lines are only
 * a way to see it whole; they are joined with spaces again on saving.
 */
static void
diary_to_rows(const char *text, struct tui_form_row *rows)
{
	static char lines[64][256];
	int n = tui_wrap(text, DIARY_WRAP, lines, 64);

	for (int i = 0; i < DIARY_LINES && i < n; i++)
		tui_field_set(&rows[i].field, lines[i]);
	if (n > DIARY_LINES) {
		/* What does not fit goes on the last line, scrolled. */
		char rest[4 * TUI_FIELD_CAP];
		size_t used = 0;

		for (int i = DIARY_LINES - 1; i < n && used < sizeof rest;
		    i++) {
			int k = snprintf(rest + used, sizeof rest - used,
			    "%s%s", used > 0 ? " " : "", lines[i]);

			if (k < 0)
				break;
			used += (size_t)k;
		}
		tui_field_set(&rows[DIARY_LINES - 1].field, rest);
	}
	for (int i = 0; i < DIARY_LINES; i++)
		rows[i].field.changed = false;
}

/* Joins the form's lines with spaces; NULL when out of memory. */
static char *
rows_to_diary(struct tui_form_row *rows)
{
	size_t size = 1, used = 0;
	char *joined;

	for (int i = 0; i < DIARY_LINES; i++)
		size += rows[i].field.len * MB_CUR_MAX + 1;
	if ((joined = malloc(size)) == NULL)
		return NULL;
	joined[0] = '\0';
	for (int i = 0; i < DIARY_LINES; i++) {
		char *line = tui_field_get(&rows[i].field);
		int n;

		if (line == NULL || line[0] == '\0') {
			free(line);
			continue;
		}
		n = snprintf(joined + used, size - used, "%s%s",
		    used > 0 ? " " : "", line);
		free(line);
		if (n > 0 && (size_t)n < size - used)
			used += (size_t)n;
	}
	return joined;
}

/* Edits the day's class diary in the lines of a form and saves it. */
static int
edit_diary(struct tui *ui, struct grid *g)
{
	static const char *const en[DIARY_LINES] = { "Line 1", "Line 2",
	    "Line 3", "Line 4", "Line 5", "Line 6", "Line 7", "Line 8",
	    "Line 9", "Line 10" };
	static const char *const vi[DIARY_LINES] = { "Dòng 1", "Dòng 2",
	    "Dòng 3", "Dòng 4", "Dòng 5", "Dòng 6", "Dòng 7", "Dòng 8",
	    "Dòng 9", "Dòng 10" };
	struct tui_form_row rows[DIARY_LINES];
	char heading[128], day[64];
	struct tui_form form = {
		.heading = heading,
		.note = T("The day's activities of the class. Tab: next line, "
		    "F2: save, Esc: cancel", "Các hoạt động trong ngày của "
		    "lớp. Tab: dòng sau, F2: lưu, Esc: hủy"),
		.rows = rows,
		.nrows = DIARY_LINES,
	};
	struct mn_error err;
	char *text = NULL, *joined, key[MN_DRAFT_KEY_SIZE];
	int64_t version = 0;
	int rc;

	mn_error_clear(&err);
	if (mn_diary_get(ui->ctx, g->cd.class_id, &g->cd.day, &text, &version,
	    &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	/* A draft keeps the version read, and a reopened one restores it. */
	grid_day_key(key, sizeof key, DRAFT_KIND, g->cd.class_id, &g->cd.day,
	    DIARY_PART);
	form.draft_key = key;
	form.version = version;
	class_day_label(&g->cd.day, day, sizeof day);
	snprintf(heading, sizeof heading, T("Class diary %s, %s",
	    "Nhật ký lớp %s, %s"), g->cd.code, day);
	memset(rows, 0, sizeof rows);
	for (int i = 0; i < DIARY_LINES; i++) {
		rows[i].name = "diary";
		rows[i].en = en[i];
		rows[i].vi = vi[i];
		tui_field_init(&rows[i].field, TUI_FIELD_CAP - 1, TUI_SHOW);
	}
	diary_to_rows(text != NULL ? text : "", rows);
	free(text);
	tui_enter(ui, T("Class diary", "Nhật ký lớp"));
	for (;;) {
		rc = tui_form_run(ui, &form);
		if (rc != TUI_OK)
			break;
		if ((joined = rows_to_diary(rows)) == NULL) {
			tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
			break;
		}
		mn_error_clear(&err);
		version = form.version;
		rc = mn_diary_save(ui->ctx, g->cd.class_id, &g->cd.day, joined,
		    &version, &err);
		free(joined);
		if (rc == MN_OK) {
			tui_message(ui, "%s", T("Class diary saved",
			    "Đã lưu nhật ký lớp"));
			rc = TUI_OK;
			break;
		}
		tui_error(ui, "%s", err.message);
		if (rc == MN_ERR_CONFLICT) {
			/* Nothing was written; reopening shows their text. */
			rc = TUI_OK;
			break;
		}
	}
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

/* ---- Screen ---------------------------------------------------------- */

#define LEAVE_QUESTION T("The daily logs are not saved. Discard the " \
    "changes?", "Nhật ký chưa được lưu. Bỏ các thay đổi?")

/* Opens a day from the top of the grid (grid_open_day's loader). */
static int
load_day(struct tui *ui, void *arg, const struct class_day *cd,
    struct mn_error *err)
{
	struct grid *g = arg;
	int rc;

	if ((rc = grid_load(ui, g, cd, err)) != MN_OK)
		return rc;
	g->row = g->top = 0;
	return MN_OK;
}

/* ---- Drafts ---------------------------------------------------------- */

enum { P_NAP = MN_MEAL_COUNT, P_TEMP, P_SYMPTOMS, P_MEDICINE, P_BEHAVIOUR,
    P_LEARNING, P_VERSION, P_COUNT };

/*
 * Keeps the changed rows as a draft, one field per child: the meals,
 * nap, temperature, the four notes and the log's version as read.
 */
static void
keep_draft(struct tui *ui, void *arg)
{
	const struct grid *g = arg;
	struct grid_draft d;
	char key[MN_DRAFT_KEY_SIZE], num[P_COUNT][24];

	if (!grid_draft_wanted(ui) || !grid_changed(g))
		return;
	grid_draft_start(&d, ui, &g->cd);
	for (size_t i = 0; i < g->count; i++) {
		struct mn_daily_log *log = &g->logs[i];
		const char *parts[P_COUNT];

		if (!g->resumed && !log_changed(log, &g->orig[i]))
			continue;
		for (int m = 0; m < MN_MEAL_COUNT; m++) {
			snprintf(num[m], sizeof num[m], "%d",
			    (int)log->meals[m]);
			parts[m] = num[m];
		}
		snprintf(num[P_NAP], sizeof num[P_NAP], "%d",
		    log->nap_minutes);
		snprintf(num[P_TEMP], sizeof num[P_TEMP], "%.1f",
		    log->temperature);
		snprintf(num[P_VERSION], sizeof num[P_VERSION], "%lld",
		    (long long)log->version);
		parts[P_NAP] = num[P_NAP];
		parts[P_TEMP] = num[P_TEMP];
		parts[P_SYMPTOMS] = log->symptoms;
		parts[P_MEDICINE] = log->medicine;
		parts[P_BEHAVIOUR] = log->behaviour;
		parts[P_LEARNING] = log->learning;
		parts[P_VERSION] = num[P_VERSION];
		grid_draft_add_child(&d, log->child_id, parts, P_COUNT);
	}
	grid_day_key(key, sizeof key, DRAFT_KIND, g->cd.class_id, &g->cd.day,
	    NULL);
	grid_draft_keep(ui, key, &d);
}

/*
 * Puts a resumed draft's rows on the grid just loaded, with the
 * versions they were read at, so a save after someone else's save of a
 * child meets the conflict question.
 */
static void
apply_draft(struct tui *ui, void *arg)
{
	struct grid *g = arg;
	char key[MN_DRAFT_KEY_SIZE], *parts[GRID_PARTS_MAX], *buf;
	size_t size = 4 * (4 * MN_LOG_TEXT_MAX + 1) + 256;
	bool any = false;

	grid_day_key(key, sizeof key, DRAFT_KIND, g->cd.class_id, &g->cd.day,
	    NULL);
	if (ui->resume == NULL || strcmp(ui->resume->key, key) != 0 ||
	    (buf = malloc(size)) == NULL)
		return;
	for (size_t i = 0; i < g->count; i++) {
		struct mn_daily_log log = g->logs[i];

		if (grid_resume_child(ui, key, log.child_id, buf, size,
		    parts) != P_COUNT)
			continue;
		for (int m = 0; m < MN_MEAL_COUNT; m++)
			log.meals[m] = (enum mn_intake)atoi(parts[m]);
		log.nap_minutes = atoi(parts[P_NAP]);
		log.temperature = strtod(parts[P_TEMP], NULL);
		snprintf(log.symptoms, sizeof log.symptoms, "%s",
		    parts[P_SYMPTOMS]);
		snprintf(log.medicine, sizeof log.medicine, "%s",
		    parts[P_MEDICINE]);
		snprintf(log.behaviour, sizeof log.behaviour, "%s",
		    parts[P_BEHAVIOUR]);
		snprintf(log.learning, sizeof log.learning, "%s",
		    parts[P_LEARNING]);
		log.version = strtoll(parts[P_VERSION], NULL, 10);
		/* A value the core refuses now is left as stored. */
		if (mn_dailylog_check(&log, NULL) != MN_OK)
			continue;
		g->logs[i] = log;
		any = true;
	}
	free(buf);
	g->resumed = any;
	tui_resume_free(ui);
}

static int
help(struct tui *ui)
{
	return tui_help_box(ui, grid_keys, T("Meals: h ate all, m ate part, "
	    "k refused, Delete clears (h, m, k move down)\nNumbers: type "
	    "them; notes: Enter to edit\nArrows, Tab, PgUp, PgDn: move\n"
	    "l: other class, v: the child's month, Ctrl-S: save\n"
	    "A: absent that day",
	    "Bữa ăn: h ăn hết, m ăn một phần, k không ăn, Delete xóa (h, m, k "
	    "chuyển xuống dưới)\nSố: gõ số; ghi chú: Enter để sửa\n"
	    "Mũi tên, Tab, PgUp, PgDn: di chuyển\nl: lớp khác, v: tháng của "
	    "trẻ, Ctrl-S: lưu\nV: trẻ vắng trong ngày"));
}

static int
run_grid(struct tui *ui, void *arg, struct class_day *cd)
{
	struct grid *g = arg;

	for (;;) {
		int key, act, rc = TUI_OK;

		if (!grid_read_key(ui, grid_keys, draw_behind, g, &key))
			continue;
		if (key == TK_END)
			return TUI_END;
		if (navigate(g, key))
			continue;
		act = tui_key_action(grid_keys, key);
		if (g->count == 0 && act != TUI_ACT_BACK &&
		    act != TUI_ACT_HELP && act != ACT_DATE &&
		    act != ACT_CLASS && act != ACT_DIARY)
			continue;
		/* On a number cell, typing a digit starts the editor. */
		if ((g->col == COL_NAP || g->col == COL_TEMP) &&
		    g->count > 0 && key >= '0' && key <= '9') {
			rc = edit_cell(ui, g, key);
			if (rc == TUI_END)
				return TUI_END;
			continue;
		}
		switch (act) {
		case ACT_EDIT:
			if (is_meal(g->col))
				set_meal(g, mn_intake_next(
				    g->logs[g->row].meals[g->col]), false);
			else
				rc = edit_cell(ui, g, 0);
			break;
		case ACT_CYCLE:
			set_meal(g, mn_intake_next(
			    g->logs[g->row].meals[g->col]), false);
			break;
		case ACT_ALL:
			set_meal(g, MN_INTAKE_ALL, true);
			break;
		case ACT_PART:
			set_meal(g, MN_INTAKE_PART, true);
			break;
		case ACT_REFUSED:
			set_meal(g, MN_INTAKE_REFUSED, true);
			break;
		case ACT_CLEAR:
			set_meal(g, MN_INTAKE_NONE, false);
			break;
		case ACT_FILL:
			fill_column(ui, g);
			break;
		case TUI_ACT_SAVE:
			rc = save(ui, g);
			break;
		case ACT_DIARY:
			rc = edit_diary(ui, g);
			break;
		case ACT_MONTH:
			rc = screen_child_month(ui, g->logs[g->row].child_id,
			    g->logs[g->row].full_name, &g->cd.day);
			break;
		case ACT_DATE:
		case ACT_CLASS:
			rc = grid_change_day(ui, &(struct grid_loader){
			    load_day, g }, cd, &g->cd, act == ACT_CLASS,
			    grid_changed(g), LEAVE_QUESTION);
			break;
		case TUI_ACT_HELP:
			rc = help(ui);
			break;
		case TUI_ACT_BACK:
			if ((rc = grid_may_leave(ui, grid_changed(g),
			    LEAVE_QUESTION)) == TUI_OK)
				return TUI_OK;
			break;
		default:
			break;
		}
		if (rc == TUI_END)
			return TUI_END;
	}
}

static void
free_grid(void *arg)
{
	grid_free(arg);
}

/* Opens the diary of a reopened draft "dailylog:...:diary". */
static int
open_part(struct tui *ui, void *arg, const char *part)
{
	if (strcmp(part, DIARY_PART) != 0)
		return TUI_OK;
	return edit_diary(ui, arg);
}

/* Clears the grid and fills gs with the screen's steps on it. */
static void
init_screen(struct grid_screen *gs, struct grid *g)
{
	memset(g, 0, sizeof *g);
	*gs = (struct grid_screen){
		.loader = { load_day, g },
		.run = run_grid,
		.apply_draft = apply_draft,
		.keep_draft = keep_draft,
		.free = free_grid,
		.open_part = open_part,
	};
}

int
screen_dailylog(struct tui *ui)
{
	struct grid_screen gs;
	struct grid g;

	init_screen(&gs, &g);
	return grid_screen_start(ui, &gs);
}

/* Opens the grid of a draft "dailylog:CLASS_ID:YYYY-MM-DD". */
int
dailylog_reopen(struct tui *ui, const char *record)
{
	struct grid_screen gs;
	struct grid g;

	init_screen(&gs, &g);
	return grid_reopen_day(ui, &gs, record);
}
