/*
 * Helpers for the parent and privacy screens: a scrolling page of
 * wrapped text built on the list widget, and a one-column choice list.
 * Both fit a 40x15 terminal, because parents read them on phones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/screens.h"

static const struct tui_column text_column[] = {
	{ NULL, NULL, 0 },
};

static const struct tui_keydef choice_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Choose", "Chọn",
	    TUI_ACT_SELECT },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ .name = NULL }
};

/* Maximum bytes of one line of a page, which is at most 250 cells. */
#define LINE_MAX_BYTES 1024

static void
add_line(struct tui_list *list, const char *line)
{
	const char *cell[1] = { line };

	tui_list_add(list, cell);
}

/* Bytes of the UTF-8 character at p (1 for a stray byte). */
static size_t
char_len(const char *p)
{
	unsigned char c = (unsigned char)*p;
	size_t n = 1;

	if (c >= 0xF0)
		n = 4;
	else if (c >= 0xE0)
		n = 3;
	else if (c >= 0xC0)
		n = 2;
	for (size_t i = 1; i < n; i++)
		if (p[i] == '\0')
			return i;
	return n;
}

/*
 * Appends one paragraph to the list as lines of at most width cells,
 * breaking at spaces.  Unlike tui_wrap it also breaks a word wider than
 * the line, so a page shows every letter of a long unbroken text.
 */
static void
wrap_paragraph(struct tui_list *list, const char *para, int width)
{
	char line[LINE_MAX_BYTES];
	size_t used, indent = strspn(para, " ");
	int cells;
	bool words = false;	/* a word is on the line */
	const char *p = para + indent;

	/* The paragraph's leading spaces indent its first line. */
	if (indent > (size_t)width / 2)
		indent = (size_t)width / 2;
	memset(line, ' ', indent);
	line[indent] = '\0';
	used = indent;
	cells = (int)indent;
	while (*p != '\0') {
		size_t len = strcspn(p, " ");
		char word[LINE_MAX_BYTES];
		int word_cells;

		if (len == 0) {
			p++;
			continue;
		}
		snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ?
		    len : sizeof word - 1), p);
		word_cells = tui_width(word);
		if (len < sizeof word && word_cells <= width &&
		    used + 1 + len < sizeof line) {
			if (words && cells + 1 + word_cells > width) {
				add_line(list, line);
				used = 0;
				cells = 0;
				words = false;
			}
			used += (size_t)snprintf(line + used,
			    sizeof line - used, "%s%s", words ? " " : "", word);
			cells += (words ? 1 : 0) + word_cells;
			words = true;
			p += len;
			continue;
		}
		/* A word wider than the line: cut it at character bounds. */
		if (words) {
			add_line(list, line);
			used = 0;
			cells = 0;
		}
		for (const char *end = p + len; p < end;) {
			size_t n = char_len(p);
			char one[8];
			int w;

			snprintf(one, sizeof one, "%.*s", (int)n, p);
			w = tui_width(one);
			if (cells + w > width || used + n >= sizeof line) {
				add_line(list, line);
				used = 0;
				cells = 0;
			}
			memcpy(line + used, p, n);
			used += n;
			line[used] = '\0';
			cells += w;
			p += n;
		}
		words = true;
	}
	add_line(list, line);
}

/* Wraps text (paragraphs split at '\n') into the list at width cells. */
static void
fill_lines(struct tui_list *list, const char *text, int width)
{
	const char *p = text;

	if (width > 250)
		width = 250;
	tui_list_clear(list);
	while (p != NULL) {
		const char *nl = strchr(p, '\n');
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		char *para = strndup(p, len);

		if (para == NULL)
			return;
		wrap_paragraph(list, para, width);
		free(para);
		p = nl != NULL ? nl + 1 : NULL;
	}
	list->sel = 0;
}

/* Moves the first shown line for a navigation key; false for others. */
static bool
scroll_page(int key, int *top, int lines, int rows)
{
	int last = lines > rows ? lines - rows : 0;

	switch (key) {
	case TK(KEY_UP):
	case 'k':
		(*top)--;
		break;
	case TK(KEY_DOWN):
	case 'j':
		(*top)++;
		break;
	case TK(KEY_PPAGE):
		*top -= rows;
		break;
	case TK(KEY_NPAGE):
	case ' ':
		*top += rows;
		break;
	case TK(KEY_HOME):
		*top = 0;
		break;
	case TK(KEY_END):
		*top = last;
		break;
	default:
		return false;
	}
	if (*top > last)
		*top = last;
	if (*top < 0)
		*top = 0;
	return true;
}

/*
 * Shows text as a scrolling page until a key of keys fires; returns its
 * action (TUI_ACT_BACK for Esc, TUI_ACT_END when the session ends).
 * The text is wrapped again whenever the width changes, and it goes
 * through tui_text, so control characters are neutralised.
 */
int
screen_text(struct tui *ui, const char *text, const struct tui_keydef *keys)
{
	struct tui_list lines;
	int width = -1, top = 0, action = TUI_ACT_NONE;

	/* The list only stores the wrapped lines; this loop draws them. */
	tui_list_init(&lines, text_column, 1);
	while (action == TUI_ACT_NONE) {
		int rows = tui_body_rows() > 1 ? tui_body_rows() : 1, key;

		if (tui_frame(ui, keys)) {
			if (width != COLS - 2) {
				width = COLS - 2;
				fill_lines(&lines, text, width > 10 ? width :
				    10);
			}
			scroll_page(0, &top, lines.nrows, rows);
			for (int i = 0; i < rows && top + i < lines.nrows; i++)
				tui_text(tui_body_top() + i, 1, COLS - 2,
				    tui_list_cell(&lines, top + i, 0),
				    TUI_NORMAL);
			if (top + rows < lines.nrows)
				tui_text(tui_body_top() + rows - 1, COLS - 2,
				    1, "↓", TUI_TITLE);
		}
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END) {
			action = TUI_ACT_END;
			break;
		}
		if (key == TK_RESIZE || !tui_fits(ui) ||
		    scroll_page(key, &top, lines.nrows, rows))
			continue;
		action = tui_key_action(keys, key);
		if (action == TUI_ACT_HELP) {
			if (tui_help_box(ui, keys, NULL) == TUI_END)
				action = TUI_ACT_END;
			else
				action = TUI_ACT_NONE;
		}
	}
	tui_list_free(&lines);
	return action;
}

/*
 * Lets the user pick one of n labels under the title; *choice gets its
 * index.  Returns TUI_OK, TUI_CANCEL (Esc) or TUI_END.
 */
int
screen_choose(struct tui *ui, const char *title, const char *const *labels,
    int n, int *choice)
{
	struct tui_list list;
	int action, rc;

	tui_enter(ui, title);
	tui_list_init(&list, text_column, 1);
	for (int i = 0; i < n; i++) {
		const char *cell[1] = { labels[i] };

		tui_list_add(&list, cell);
	}
	if (*choice > 0 && *choice < n)
		list.sel = *choice;
	action = tui_list_run(ui, &list, choice_keys);
	if (action == TUI_ACT_END)
		rc = TUI_END;
	else if (action == TUI_ACT_SELECT && tui_list_selected(&list) >= 0) {
		*choice = tui_list_selected(&list);
		rc = TUI_OK;
	} else
		rc = TUI_CANCEL;
	tui_list_free(&list);
	tui_leave(ui);
	return rc;
}

/* Formats value with one decimal, with a decimal comma in Vietnamese. */
const char *
screen_decimal(char *buf, size_t size, double value)
{
	char *dot;

	snprintf(buf, size, "%.1f", value);
	if (mn_language() == MN_LANG_VI && (dot = strchr(buf, '.')) != NULL)
		*dot = ',';
	return buf;
}

/* Sets the minimum size: 40x15 for a parent-only account, else 80x24. */
void
screen_set_parent_minimum(struct tui *ui)
{
	if ((ui->ctx->actor.roles & ~MN_ROLE_PARENT) == 0)
		tui_set_minimum(ui, TUI_SMALL_COLS, TUI_SMALL_ROWS);
	else
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
}
