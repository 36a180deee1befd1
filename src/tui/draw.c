/*
 * Drawing: the one text function every string on screen goes through,
 * and the frame around each screen (status line, title, message line,
 * key-help line).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "core/date.h"
#include "core/text.h"
#include "tui/ui.h"

#define TEXT_MAX 1024
#define MESSAGE_LINES 3

/*
 * Draws text at (y, x) in at most width cells and pads the rest with
 * blanks.  The text goes through mn_text_safe first, so control
 * characters and bidi overrides from the database show as U+FFFD.
 * Returns the cells the text used.
 */
int
tui_text(int y, int x, int width, const char *text, enum tui_style style)
{
	char safe[TEXT_MAX];
	wchar_t run[TEXT_MAX];
	mbstate_t state;
	const char *p = safe;
	size_t n = 0, left;
	int used = 0;

	if (width <= 0)
		return 0;
	mn_text_safe(text != NULL ? text : "", safe, sizeof safe);
	memset(&state, 0, sizeof state);
	left = strlen(safe);
	while (left > 0 && n < TEXT_MAX - 1) {
		wchar_t wc;
		size_t len = mbrtowc(&wc, p, left, &state);
		int w;

		if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
			wc = L'?';
			len = 1;
			memset(&state, 0, sizeof state);
		}
		w = wcwidth(wc);
		if (w < 0) {
			wc = 0xFFFD;
			w = 1;
		}
		if (used + w > width)
			break;
		/* A mark with no letter before it would join the cell left. */
		if (!(w == 0 && n == 0))
			run[n++] = wc;
		used += w;
		p += len;
		left -= len;
	}
	run[n] = L'\0';
	attron(tui_attr(style));
	mvaddnwstr(y, x, run, (int)n);
	for (int i = used; i < width && x + i < COLS; i++)
		mvaddch(y, x + i, ' ');
	attroff(tui_attr(style));
	return used;
}

/*
 * Marks row y as the selected one, as lists do: a reverse-video block in
 * column 0, and text (one cell of the row, at x in width cells) in
 * reverse video.  The caller draws the row in its normal style first.
 * A move then rewrites a few cells instead of two whole rows.
 */
void
tui_mark_selected(int y, int x, int width, const char *text)
{
	tui_text(y, 0, 1, "", TUI_SELECT);
	if (x > 0 && x < COLS)
		tui_text(y, x, width < COLS - x ? width : COLS - x, text,
		    TUI_SELECT);
}

int
tui_width(const char *text)
{
	return text != NULL ? mn_text_width(text) : 0;
}

void
tui_text_center(int y, const char *text, enum tui_style style)
{
	int w = tui_width(text);
	int x = w < COLS ? (COLS - w) / 2 : 0;

	tui_text(y, x, COLS - x, text, style);
}

/*
 * Breaks text into lines of at most width cells at spaces.  A word wider
 * than the line is cut when drawn.  Returns the number of lines.
 */
int
tui_wrap(const char *text, int width, char lines[][256], int max)
{
	char word[256];
	const char *p = text;
	int n = 0;

	if (max <= 0)
		return 0;
	lines[0][0] = '\0';
	while (*p != '\0') {
		size_t span, len, cur;

		if (*p == '\n') {
			if (n + 1 >= max)
				break;
			lines[++n][0] = '\0';
			p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		span = strcspn(p, " \n");
		snprintf(word, sizeof word, "%.*s", (int)span, p);
		cur = strlen(lines[n]);
		if (cur > 0 && (tui_width(lines[n]) + 1 + tui_width(word) >
		    width || cur + 1 + strlen(word) >= sizeof lines[n])) {
			if (n + 1 >= max)
				break;
			lines[++n][0] = '\0';
			cur = 0;
		}
		if (cur > 0)
			lines[n][cur++] = ' ';
		len = strlen(word);
		if (len > sizeof lines[n] - 1 - cur)
			len = sizeof lines[n] - 1 - cur;
		memcpy(lines[n] + cur, word, len);
		lines[n][cur + len] = '\0';
		p += span;
	}
	return n + 1;
}

int
tui_body_top(void)
{
	return 2;
}

int
tui_body_rows(void)
{
	return LINES - 4;
}

void
tui_set_minimum(struct tui *ui, int cols, int rows)
{
	ui->min_cols = cols;
	ui->min_rows = rows;
}

bool
tui_fits(const struct tui *ui)
{
	return COLS >= ui->min_cols && LINES >= ui->min_rows;
}

static void
draw_too_small(const struct tui *ui)
{
	char text[256], lines[6][256];
	int n, y;

	snprintf(text, sizeof text, T("Terminal too small: at least %dx%d "
	    "needed", "Cửa sổ terminal quá nhỏ: cần ít nhất %dx%d"),
	    ui->min_cols, ui->min_rows);
	n = tui_wrap(text, COLS > 2 ? COLS - 2 : COLS, lines, 6);
	y = LINES > n ? (LINES - n) / 2 : 0;
	for (int i = 0; i < n; i++)
		tui_text_center(y + i, lines[i], TUI_TITLE);
}

static void
roles_label(unsigned roles, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned bit = 1; bit <= MN_ROLE_HOST; bit <<= 1) {
		if (!(roles & bit))
			continue;
		int n = snprintf(buf + used, size - used, "%s%s",
		    used > 0 ? ", " : "", mn_role_label(bit));
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

/* School name on the left; login, roles and today's date on the right. */
static void
draw_status(const struct tui *ui)
{
	const struct mn_actor *actor = &ui->ctx->actor;
	char right[512], roles[256], today[16];
	struct mn_date d;
	int rw, lw;

	mn_date_today(&d);
	mn_date_format(&d, today, sizeof today);
	if (actor->login[0] != '\0') {
		roles_label(actor->roles, roles, sizeof roles);
		snprintf(right, sizeof right, "%s (%s)  %s", actor->login,
		    roles, today);
	} else
		snprintf(right, sizeof right, "%s", today);
	rw = tui_width(right);
	/* A phone-sized screen keeps the login and the date, not roles. */
	if (rw > COLS / 2 && actor->login[0] != '\0') {
		snprintf(right, sizeof right, "%s  %s", actor->login, today);
		rw = tui_width(right);
	}
	if (rw > COLS - 2)
		rw = COLS - 2;
	lw = COLS - rw - 3;
	tui_text(0, 0, COLS, "", TUI_STATUS);
	tui_text(0, 1, lw, ui->ctx->cfg->school_name, TUI_STATUS);
	tui_text(0, COLS - 1 - rw, rw, right, TUI_STATUS);
}

/* Pushes a screen title onto the path the title line shows. */
void
tui_enter(struct tui *ui, const char *title)
{
	if (ui->depth < TUI_PATH_MAX)
		ui->path[ui->depth] = title;
	ui->depth++;
}

void
tui_leave(struct tui *ui)
{
	if (ui->depth > 0)
		ui->depth--;
}

/*
 * Draws "Menu chính › Quản lý tài khoản › Sửa tài khoản", dropping the
 * outer titles first when the line is too narrow.
 */
static void
draw_path(const struct tui *ui)
{
	int depth = ui->depth < TUI_PATH_MAX ? ui->depth : TUI_PATH_MAX;
	char line[512];

	for (int first = 0; first < depth; first++) {
		size_t used = 0;

		line[0] = '\0';
		if (first > 0)
			used = (size_t)snprintf(line, sizeof line, "… › ");
		for (int i = first; i < depth && used < sizeof line; i++) {
			int n = snprintf(line + used, sizeof line - used,
			    "%s%s", i > first ? " › " : "", ui->path[i]);

			if (n < 0)
				break;
			used += (size_t)n;
		}
		if (tui_width(line) <= COLS - 2 || first == depth - 1)
			break;
	}
	if (depth > 0)
		tui_text(1, 1, COLS - 2, line, TUI_TITLE);
}

/* Draws "Enter Chọn  Esc Quay lại" from the rows with a label. */
void
tui_help_line(const struct tui_keydef *keys)
{
	int y = LINES - 1, x = 0;

	move(y, 0);
	clrtoeol();
	for (; keys != NULL && keys->keys[0] != 0; keys++) {
		const char *label;
		int need;

		if (keys->en == NULL)
			continue;
		label = T(keys->en, keys->vi);
		need = tui_width(keys->name) + 1 + tui_width(label);
		if (x + need > COLS - 1)
			break;
		x += tui_text(y, x, tui_width(keys->name), keys->name,
		    TUI_KEYNAME);
		x += 1;
		x += tui_text(y, x, tui_width(label), label, TUI_NORMAL);
		x += 2;
	}
}

/*
 * Clears the screen and draws the frame.  Returns false, after drawing a
 * centred notice instead, when the terminal is below the current
 * screen's minimum size.
 */
bool
tui_frame(struct tui *ui, const struct tui_keydef *keys)
{
	erase();
	ui->cursor_y = -1;
	if (!tui_fits(ui)) {
		draw_too_small(ui);
		return false;
	}
	draw_status(ui);
	draw_path(ui);
	tui_help_line(keys);
	return true;
}

/*
 * Draws the message above the key-help line, wrapped on up to three
 * lines on a narrow screen.  Called last, so it covers the body.
 */
void
tui_draw_message(const struct tui *ui)
{
	char lines[MESSAGE_LINES][256];
	int n;

	if (ui->message[0] == '\0' || !tui_fits(ui))
		return;
	n = tui_wrap(ui->message, COLS - 2, lines, MESSAGE_LINES);
	for (int i = 0; i < n; i++)
		tui_text(LINES - 1 - n + i, 0, COLS, "", TUI_NORMAL);
	for (int i = 0; i < n; i++)
		tui_text(LINES - 1 - n + i, 1, COLS - 2, lines[i],
		    ui->message_error ? TUI_ERROR : TUI_NORMAL);
}

void
tui_message(struct tui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
	ui->message_error = false;
}

void
tui_error(struct tui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
	ui->message_error = true;
}

/* Returns the action bound to key, or TUI_ACT_NONE. */
int
tui_key_action(const struct tui_keydef *keys, int key)
{
	for (; keys != NULL && keys->keys[0] != 0; keys++)
		for (int i = 0; i < 3 && keys->keys[i] != 0; i++)
			if (keys->keys[i] == key)
				return keys->action;
	return TUI_ACT_NONE;
}
