/*
 * A row of check boxes ("[x] giáo viên  [ ] nhà bếp"), wrapped over as
 * many lines as the width needs.  Left and Right move between boxes,
 * Space or 'x' ticks and clears the one under the cursor.
 */
#include <stdio.h>

#include "tui/ui.h"

#define BOX_GAP 2

static int
box_width(const struct tui_checks *c, int i)
{
	return 4 + tui_width(c->labels[i]);
}

/*
 * Places box i at line *line, column *col (relative to the row), moving
 * to the next line when it does not fit in width.
 */
static void
place(const struct tui_checks *c, int width, int i, int *line, int *col)
{
	*line = 0;
	*col = 0;
	for (int k = 0; k <= i; k++) {
		int w = box_width(c, k);

		if (k > 0) {
			*col += box_width(c, k - 1) + BOX_GAP;
			if (*col + w > width) {
				(*line)++;
				*col = 0;
			}
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
	return line + 1;
}

/*
 * Draws the boxes from (y, x).  Returns the cursor's column and sets
 * *cursor_y to its line, for the caller to place when focused.
 */
int
tui_checks_draw(struct tui_checks *c, int y, int x, int width, bool focus,
    int *cursor_y)
{
	char text[300];
	int line, col, cursor_x = x;

	*cursor_y = y;
	for (int i = 0; i < c->n; i++) {
		enum tui_style style = TUI_NORMAL;

		place(c, width, i, &line, &col);
		snprintf(text, sizeof text, "[%c] %s",
		    (c->checked & (1u << i)) ? 'x' : ' ', c->labels[i]);
		if (focus && i == c->cursor) {
			style = TUI_FIELD_FOCUS;
			*cursor_y = y + line;
			cursor_x = x + col + 1;
		}
		tui_text(y + line, x + col, box_width(c, i), text, style);
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
