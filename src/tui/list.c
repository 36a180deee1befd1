/*
 * A scrolling list of rows with columns.  Up/Down (k/j), PgUp/PgDn and
 * Home/End move the selection; '/' starts a search that narrows the list
 * with each letter typed, matching without diacritics ("nguyen" finds
 * "Nguyễn").  Keys the list does not use go to the screen's key table.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tui/ui.h"

void
tui_list_init(struct tui_list *l, const struct tui_column *cols, int ncols)
{
	memset(l, 0, sizeof *l);
	l->cols = cols;
	l->ncols = ncols < TUI_LIST_MAX_COLS ? ncols : TUI_LIST_MAX_COLS;
}

void
tui_list_clear(struct tui_list *l)
{
	for (int i = 0; i < l->nrows * l->ncols; i++)
		free(l->cells[i]);
	for (int i = 0; i < l->nrows; i++)
		free(l->folded[i]);
	l->nrows = 0;
	l->nshown = 0;
	memset(l->widest, 0, sizeof l->widest);
	l->sel = l->top = 0;
}

void
tui_list_free(struct tui_list *l)
{
	tui_list_clear(l);
	free(l->cells);
	free(l->folded);
	free(l->shown);
	l->cells = l->folded = NULL;
	l->shown = NULL;
	l->cap = 0;
}

static bool
row_matches(const struct tui_list *l, int row, const char *needle)
{
	return needle == NULL || (l->folded[row] != NULL &&
	    mn_text_matches(l->folded[row], needle));
}

static void
filter_rows(struct tui_list *l)
{
	char *needle = l->search[0] ? mn_text_fold(l->search) : NULL;

	l->nshown = 0;
	for (int i = 0; i < l->nrows; i++)
		if (row_matches(l, i, needle))
			l->shown[l->nshown++] = i;
	free(needle);
	if (l->sel >= l->nshown)
		l->sel = l->nshown > 0 ? l->nshown - 1 : 0;
}

static int
grow(struct tui_list *l)
{
	int cap = l->cap ? l->cap * 2 : 32;
	char **cells = realloc(l->cells, sizeof *cells * cap * l->ncols);
	char **folded;
	int *shown;

	if (cells == NULL)
		return MN_ERR_NOMEM;
	l->cells = cells;
	if ((folded = realloc(l->folded, sizeof *folded * cap)) == NULL)
		return MN_ERR_NOMEM;
	l->folded = folded;
	if ((shown = realloc(l->shown, sizeof *shown * cap)) == NULL)
		return MN_ERR_NOMEM;
	l->shown = shown;
	l->cap = cap;
	return MN_OK;
}

/* Appends a row; the cells are copied.  Returns MN_OK or MN_ERR_NOMEM. */
int
tui_list_add(struct tui_list *l, const char *const *cells)
{
	size_t size = 1;
	char *joined, *needle;

	if (l->nrows == l->cap && grow(l) != MN_OK)
		return MN_ERR_NOMEM;
	for (int c = 0; c < l->ncols; c++) {
		const char *text = cells[c] != NULL ? cells[c] : "";
		int w = tui_width(text);

		l->cells[l->nrows * l->ncols + c] = strdup(text);
		size += strlen(text) + 1;
		if (w > l->widest[c])
			l->widest[c] = w;
	}
	if ((joined = malloc(size)) != NULL) {
		joined[0] = '\0';
		for (int c = 0; c < l->ncols; c++) {
			strcat(joined, l->cells[l->nrows * l->ncols + c] ?
			    l->cells[l->nrows * l->ncols + c] : "");
			strcat(joined, " ");
		}
		l->folded[l->nrows] = mn_text_fold(joined);
		free(joined);
	} else
		l->folded[l->nrows] = NULL;
	needle = l->search[0] ? mn_text_fold(l->search) : NULL;
	if (row_matches(l, l->nrows, needle))
		l->shown[l->nshown++] = l->nrows;
	free(needle);
	l->nrows++;
	return MN_OK;
}

/* Returns the selected row's index among all rows, or -1 when empty. */
int
tui_list_selected(const struct tui_list *l)
{
	return l->nshown > 0 ? l->shown[l->sel] : -1;
}

const char *
tui_list_cell(const struct tui_list *l, int row, int col)
{
	if (row < 0 || row >= l->nrows || col < 0 || col >= l->ncols)
		return "";
	return l->cells[row * l->ncols + col] ? l->cells[row * l->ncols +
	    col] : "";
}

/* Display width of column c's header and widest cell, before stretching. */
static int
natural_width(const struct tui_list *l, int c)
{
	int w = l->cols[c].en ? tui_width(T(l->cols[c].en, l->cols[c].vi)) : 0;

	if (l->widest[c] > w)
		w = l->widest[c];
	if (l->cols[c].max_width > 0 && w > l->cols[c].max_width)
		w = l->cols[c].max_width;
	return w;
}

/* Column widths from the display width of headers and cells. */
static void
column_widths(const struct tui_list *l, int *widths, int total)
{
	int used = 0;

	for (int c = 0; c < l->ncols; c++) {
		widths[c] = natural_width(l, c);
		used += widths[c] + 2;
	}
	/*
	 * The last column, which needs no gap after it, takes what is left
	 * or gives back what is over.
	 */
	widths[l->ncols - 1] += total - used + 2;
	if (widths[l->ncols - 1] < 1)
		widths[l->ncols - 1] = 1;
}

/*
 * Marks the selected row: the block in column 0 and the first cell that
 * is not empty, so a row whose first cell is blank still shows a marked
 * text.  The last column is stretched to the edge, as in the menus, so
 * only its text is marked.
 */
static void
mark_row(const struct tui_list *l, int y, int row, const int *widths)
{
	int c = 0, x = 1, w;

	while (c < l->ncols - 1 && tui_list_cell(l, row, c)[0] == '\0') {
		x += widths[c] + 2;
		c++;
	}
	w = c == l->ncols - 1 ? tui_width(tui_list_cell(l, row, c)) :
	    widths[c];
	if (w < 1)
		w = 1;
	tui_mark_selected(y, x, w, tui_list_cell(l, row, c));
}

/*
 * Draws one row, or the header for row -1.  The selected row gets a
 * reverse-video block in column 0 and one cell in reverse video.
 * A full-width bar would cost two whole rows per move, because a
 * terminal can only change a cell's attributes by writing the cell
 * again.  The block keeps the selection visible in monochrome when the
 * first cell is short or empty.
 */
static void
draw_row(const struct tui_list *l, int y, int row, const int *widths,
    bool selected)
{
	enum tui_style style = row < 0 ? TUI_HEADER : TUI_NORMAL;
	int x = 1;

	tui_text(y, 0, COLS, "", style);
	for (int c = 0; c < l->ncols && x < COLS; c++) {
		const char *text = row < 0 ? T(l->cols[c].en, l->cols[c].vi) :
		    tui_list_cell(l, row, c);

		tui_text(y, x, widths[c] < COLS - x ? widths[c] : COLS - x,
		    text, style);
		x += widths[c] + 2;
	}
	if (selected && row >= 0)
		mark_row(l, y, row, widths);
}

static int
visible_rows(const struct tui_list *l)
{
	int rows = tui_body_rows() - (l->cols[0].en ? 1 : 0);

	return rows > 1 ? rows : 1;
}

static void
draw_list(struct tui *ui, struct tui_list *l)
{
	int widths[TUI_LIST_MAX_COLS];
	int y = tui_body_top(), rows = visible_rows(l);

	column_widths(l, widths, COLS - 2);
	if (l->cols[0].en != NULL)
		draw_row(l, y++, -1, widths, false);
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	for (int i = 0; i < rows && l->top + i < l->nshown; i++)
		draw_row(l, y + i, l->shown[l->top + i], widths,
		    l->top + i == l->sel);
	if (l->nrows == 0 && l->empty_en != NULL)
		tui_text(y + 1, 2, COLS - 4, T(l->empty_en, l->empty_vi),
		    TUI_NORMAL);
	else if (l->nshown == 0)
		tui_text(y + 1, 2, COLS - 4, T("Nothing matches the search",
		    "Không có dòng nào khớp với từ tìm"), TUI_NORMAL);
	if (l->searching || l->search[0] != '\0') {
		char line[200];

		snprintf(line, sizeof line, "/%s", l->search);
		tui_text(LINES - 2, 1, COLS - 2, line, TUI_TITLE);
		if (l->searching) {
			ui->cursor_y = LINES - 2;
			ui->cursor_x = 1 + tui_width(line);
		}
	}
}

/* Moves the selection for navigation keys; false for other keys. */
static bool
navigate(struct tui_list *l, int key)
{
	int page = visible_rows(l);

	switch (key) {
	case TK(KEY_UP):
		l->sel--;
		break;
	case TK(KEY_DOWN):
		l->sel++;
		break;
	case TK(KEY_PPAGE):
		l->sel -= page;
		break;
	case TK(KEY_NPAGE):
		l->sel += page;
		break;
	case TK(KEY_HOME):
		l->sel = 0;
		break;
	case TK(KEY_END):
		l->sel = l->nshown - 1;
		break;
	default:
		return false;
	}
	if (l->sel >= l->nshown)
		l->sel = l->nshown - 1;
	if (l->sel < 0)
		l->sel = 0;
	return true;
}

/* Edits the search text; Enter keeps the filter, Esc drops it. */
static void
search_key(struct tui_list *l, int key)
{
	size_t len = strlen(l->search);

	if (key == TK_ENTER) {
		l->searching = false;
	} else if (key == TK_ESC) {
		l->searching = false;
		l->search[0] = '\0';
	} else if (key == TK(KEY_BACKSPACE)) {
		while (len > 0 && (l->search[--len] & 0xC0) == 0x80)
			;
		l->search[len] = '\0';
	} else if (key >= ' ') {
		char mb[MB_LEN_MAX];
		int n = wctomb(mb, (wchar_t)key);

		if (n > 0 && len + (size_t)n < sizeof l->search) {
			memcpy(l->search + len, mb, (size_t)n);
			l->search[len + (size_t)n] = '\0';
		}
	} else
		return;
	filter_rows(l);
}

/*
 * Runs the list until a key of the table fires; returns its action with
 * the selection in l (tui_list_selected), or TUI_ACT_END.
 */
int
tui_list_run(struct tui *ui, struct tui_list *l, const struct tui_keydef *keys)
{
	int key, action;

	for (;;) {
		if (tui_frame(ui, keys))
			draw_list(ui, l);
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END)
			return TUI_ACT_END;
		if (key == TK_RESIZE || !tui_fits(ui))
			continue;
		if (navigate(l, key))
			continue;
		if (l->searching) {
			search_key(l, key);
			continue;
		}
		if (key == TK_ESC && l->search[0] != '\0') {
			search_key(l, key);
			continue;
		}
		if (key == 'k')
			key = TK(KEY_UP);
		else if (key == 'j')
			key = TK(KEY_DOWN);
		if (navigate(l, key))
			continue;
		action = tui_key_action(keys, key);
		if (action == TUI_ACT_SEARCH) {
			l->searching = true;
			continue;
		}
		if (action == TUI_ACT_HELP) {
			if (tui_help_box(ui, keys,
			    T("Up, Down, j, k, PgUp, PgDn, Home, End: move",
			    "Lên, Xuống, j, k, PgUp, PgDn, Home, End: di "
			    "chuyển")) == TUI_END)
				return TUI_ACT_END;
			continue;
		}
		if (action != TUI_ACT_NONE)
			return action;
	}
}
