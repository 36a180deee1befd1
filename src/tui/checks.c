/*
 * A row of check boxes ("[x] giáo viên  [ ] nhà bếp"), wrapped over as
 * many lines as the width needs.  Left and Right move between boxes,
 * Space or 'x' ticks and clears the one under the cursor.
 */
#include <stdio.h>

#include "tui/ui.h"

#define BOX_GAP 2
/* Cells of "[x] " before a label. */
#define BOX_MARK 4
/* Lines one label may wrap over; further words are not drawn. */
#define LABEL_LINES_MAX 8

static int
box_width(const struct tui_checks *c, int i)
{
	return BOX_MARK + tui_width(c->labels[i]);
}

/*
 * Breaks the label of box i into lines of the cells that width leaves
 * after the box mark.  Returns the number of lines, 1 when it fits.
 */
static int
label_lines(const struct tui_checks *c, int i, int width,
    char lines[][256])
{
	int cells = width - BOX_MARK > 1 ? width - BOX_MARK : 1;

	if (box_width(c, i) <= width) {
		snprintf(lines[0], sizeof lines[0], "%s", c->labels[i]);
		return 1;
	}
	return tui_wrap(c->labels[i], cells, lines, LABEL_LINES_MAX);
}

static int
box_lines(const struct tui_checks *c, int i, int width)
{
	char lines[LABEL_LINES_MAX][256];

	return label_lines(c, i, width, lines);
}

/*
 * Places box i at line *line, column *col (relative to the row), moving
 * to the next line when it does not fit in width.  A box whose label
 * wraps starts a line of its own, and the next box starts below it.
 */
static void
place(const struct tui_checks *c, int width, int i, int *line, int *col)
{
	*line = 0;
	*col = 0;
	for (int k = 1; k <= i; k++) {
		int above = box_lines(c, k - 1, width);

		if (above > 1) {
			*line += above;
			*col = 0;
			continue;
		}
		*col += box_width(c, k - 1) + BOX_GAP;
		if (*col + box_width(c, k) > width) {
			(*line)++;
			*col = 0;
		}
	}
}

/* Returns the number of lines the row takes in width cells. */
int
tui_checks_lines(const struct tui_checks *c, int width)
{
	int line, col;

	if (c->n == 0)
		return 1;
	place(c, width, c->n - 1, &line, &col);
	return line + box_lines(c, c->n - 1, width);
}

/*
 * Draws the boxes from (y, x).  A label wider than the row continues on
 * the next lines under its first letter, never left of x.  Returns the
 * cursor's column and sets *cursor_y to its line, for the caller to
 * place when focused.
 */
int
tui_checks_draw(struct tui_checks *c, int y, int x, int width, bool focus,
    int *cursor_y)
{
	char lines[LABEL_LINES_MAX][256], mark[8];
	int line, col, nlines, cursor_x = x;

	*cursor_y = y;
	for (int i = 0; i < c->n; i++) {
		enum tui_style style = TUI_NORMAL;

		place(c, width, i, &line, &col);
		nlines = label_lines(c, i, width, lines);
		if (focus && i == c->cursor) {
			style = TUI_FIELD_FOCUS;
			*cursor_y = y + line;
			cursor_x = x + col + 1;
		}
		snprintf(mark, sizeof mark, "[%c] ",
		    (c->checked & (1u << i)) ? 'x' : ' ');
		tui_text(y + line, x + col, BOX_MARK, mark, style);
		for (int k = 0; k < nlines; k++) {
			int cells = tui_width(lines[k]);

			if (cells > width - col - BOX_MARK)
				cells = width - col - BOX_MARK;
			tui_text(y + line + k, x + col + BOX_MARK, cells,
			    lines[k], style);
		}
	}
	return cursor_x;
}

/* Applies a key; returns false for keys the row does not use. */
bool
tui_checks_key(struct tui_checks *c, int key)
{
	switch (key) {
	case TK(KEY_LEFT):
		if (c->cursor > 0)
			c->cursor--;
		return true;
	case TK(KEY_RIGHT):
		if (c->cursor < c->n - 1)
			c->cursor++;
		return true;
	case TK(KEY_HOME):
		c->cursor = 0;
		return true;
	case TK(KEY_END):
		c->cursor = c->n > 0 ? c->n - 1 : 0;
		return true;
	case ' ':
	case 'x':
	case 'X':
		if (c->n > 0) {
			c->checked ^= 1u << c->cursor;
			c->changed = true;
		}
		return true;
	default:
		return false;
	}
}
