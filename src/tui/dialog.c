/*
 * Boxes drawn over the current screen: a yes/no question, a message and
 * the help box built from a screen's key table.  After a resize they
 * redraw on an empty frame, and the caller redraws its screen once they
 * return.
 */
#include <stdio.h>
#include <string.h>

#include "tui/ui.h"

#define BOX_LINES 16

enum { ANSWER_YES = TUI_ACT_USER, ANSWER_NO, TOGGLE };

/* Both languages' letters work; the help line names the shown ones. */
static const struct tui_keydef confirm_keys_vi[] = {
	{ { 'c', 'C', 'y' }, "c", "Yes", "Có", ANSWER_YES },
	{ { 'k', 'K', 'n' }, "k", "No", "Không", ANSWER_NO },
	{ { 'Y' }, "", NULL, NULL, ANSWER_YES },
	{ { 'N' }, "", NULL, NULL, ANSWER_NO },
	{ { TK_ENTER }, "Enter", "Choose", "Chọn", TUI_ACT_SELECT },
	{ { TK_ESC }, "Esc", "No", "Không", ANSWER_NO },
	{ { TK(KEY_LEFT), TK(KEY_RIGHT), TK_TAB }, "", NULL, NULL, TOGGLE },
	{ .name = NULL }
};

static const struct tui_keydef confirm_keys_en[] = {
	{ { 'y', 'Y', 'c' }, "y", "Yes", "Có", ANSWER_YES },
	{ { 'n', 'N', 'k' }, "n", "No", "Không", ANSWER_NO },
	{ { 'C' }, "", NULL, NULL, ANSWER_YES },
	{ { 'K' }, "", NULL, NULL, ANSWER_NO },
	{ { TK_ENTER }, "Enter", "Choose", "Chọn", TUI_ACT_SELECT },
	{ { TK_ESC }, "Esc", "No", "Không", ANSWER_NO },
	{ { TK(KEY_LEFT), TK(KEY_RIGHT), TK_TAB }, "", NULL, NULL, TOGGLE },
	{ .name = NULL }
};

static const struct tui_keydef message_keys[] = {
	{ { TK_ENTER, TK_ESC, ' ' }, "Enter", "Close", "Đóng",
	    TUI_ACT_SELECT },
	{ .name = NULL }
};

/* Draws a framed box of text lines centred on the screen; returns top. */
static int
draw_box(char lines[][256], int n, int extra_rows, int min_width)
{
	int w = min_width + 4, h = n + extra_rows + 2, top, left;

	for (int i = 0; i < n; i++)
		if (tui_width(lines[i]) + 4 > w)
			w = tui_width(lines[i]) + 4;
	if (w > COLS)
		w = COLS;
	top = LINES > h ? (LINES - h) / 2 : 0;
	left = (COLS - w) / 2;
	for (int y = top; y < top + h && y < LINES; y++)
		tui_text(y, left, w, "", TUI_NORMAL);
	/* Unicode lines, not ACS: the locale is UTF-8 in any case. */
	for (int x = left + 1; x < left + w - 1; x++) {
		mvaddwstr(top, x, L"\u2500");
		mvaddwstr(top + h - 1, x, L"\u2500");
	}
	for (int y = top + 1; y < top + h - 1; y++) {
		mvaddwstr(y, left, L"\u2502");
		mvaddwstr(y, left + w - 1, L"\u2502");
	}
	mvaddwstr(top, left, L"\u250c");
	mvaddwstr(top, left + w - 1, L"\u2510");
	mvaddwstr(top + h - 1, left, L"\u2514");
	mvaddwstr(top + h - 1, left + w - 1, L"\u2518");
	for (int i = 0; i < n; i++)
		tui_text(top + 1 + i, left + 2, w - 4, lines[i], TUI_NORMAL);
	return top;
}

static int
buttons_width(void)
{
	char buf[64];

	snprintf(buf, sizeof buf, "[ %s ]   [ %s ]", T("Yes", "Có"),
	    T("No", "Không"));
	return tui_width(buf);
}

static void
draw_buttons(int y, bool yes)
{
	char buf[64];
	int x;

	x = (COLS - buttons_width()) / 2;
	snprintf(buf, sizeof buf, "[ %s ]", T("Yes", "Có"));
	x += tui_text(y, x, tui_width(buf), buf,
	    yes ? TUI_SELECT : TUI_NORMAL) + 3;
	snprintf(buf, sizeof buf, "[ %s ]", T("No", "Không"));
	tui_text(y, x, tui_width(buf), buf, yes ? TUI_NORMAL : TUI_SELECT);
}

/*
 * Asks a yes/no question (Có/Không).  'c' or 'y' answers yes, 'k', 'n'
 * or Esc answers no.  Returns TUI_OK, TUI_CANCEL or TUI_END.
 */
int
tui_confirm(struct tui *ui, const char *question, bool default_yes)
{
	const struct tui_keydef *confirm_keys = mn_language() == MN_LANG_EN ?
	    confirm_keys_en : confirm_keys_vi;
	char lines[BOX_LINES][256];
	bool yes = default_yes, framed = false;
	int n, top, key;

	for (;;) {
		if (framed && !tui_frame(ui, confirm_keys))
			goto read;
		tui_help_line(confirm_keys);
		n = tui_wrap(question, COLS > 8 ? COLS - 8 : COLS, lines,
		    BOX_LINES - 4);
		top = draw_box(lines, n, 2, buttons_width());
		draw_buttons(top + n + 2, yes);
		ui->cursor_y = -1;
read:
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END)
			return TUI_END;
		if (key == TK_RESIZE || !tui_fits(ui)) {
			framed = true;
			continue;
		}
		switch (tui_key_action(confirm_keys, key)) {
		case ANSWER_YES:
			return TUI_OK;
		case ANSWER_NO:
			return TUI_CANCEL;
		case TUI_ACT_SELECT:
			return yes ? TUI_OK : TUI_CANCEL;
		case TOGGLE:
			yes = !yes;
			break;
		default:
			break;
		}
	}
}

static int
show_box(struct tui *ui, const char *text)
{
	char lines[BOX_LINES + 8][256];
	bool framed = false;
	int n, key;

	for (;;) {
		if (framed && !tui_frame(ui, message_keys))
			goto read;
		tui_help_line(message_keys);
		n = tui_wrap(text, COLS > 8 ? COLS - 8 : COLS, lines,
		    LINES > 6 ? (LINES - 4 < BOX_LINES + 8 ? LINES - 4 :
		    BOX_LINES + 8) : 1);
		draw_box(lines, n, 0, 16);
		ui->cursor_y = -1;
read:
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END)
			return TUI_END;
		if (key == TK_RESIZE || !tui_fits(ui)) {
			framed = true;
			continue;
		}
		if (tui_key_action(message_keys, key) == TUI_ACT_SELECT)
			return TUI_OK;
	}
}

/* Shows a message until Enter, Esc or Space.  Returns TUI_OK or TUI_END. */
int
tui_msgbox(struct tui *ui, const char *text)
{
	return show_box(ui, text);
}

/*
 * Lists every labelled key of a screen's table, one per line, then the
 * line more (keys the widget handles itself) unless it is NULL.
 */
int
tui_help_box(struct tui *ui, const struct tui_keydef *keys,
    const char *more)
{
	char text[2048];
	size_t used = 0;

	text[0] = '\0';
	for (; keys->keys[0] != 0 && used < sizeof text; keys++) {
		int n;

		if (keys->en == NULL)
			continue;
		n = snprintf(text + used, sizeof text - used, "%s%s: %s",
		    used > 0 ? "\n" : "", keys->name, T(keys->en, keys->vi));
		if (n < 0 || (size_t)n >= sizeof text - used)
			break;
		used += (size_t)n;
	}
	if (more != NULL && used < sizeof text)
		snprintf(text + used, sizeof text - used, "\n%s", more);
	return show_box(ui, text);
}
