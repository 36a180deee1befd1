/*
 * A one-line text editor that moves and deletes by letter: a base
 * character with the combining marks after it (wcwidth 0) is one unit,
 * so Backspace removes "ệ" whole even when a keyboard sent it as "e"
 * plus two marks.  The core normalises to NFC when the text is stored.
 *
 * NOTE: letters are found with wcwidth, not ICU grapheme breaks, which
 * is exact for Vietnamese but splits some emoji sequences.
 */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/text.h"
#include "tui/ui.h"

static bool
is_mark(wchar_t wc)
{
	return wc != 0 && wcwidth(wc) == 0;
}

static int
cell_width(wchar_t wc)
{
	int w = wcwidth(wc);

	return w < 0 ? 1 : w;
}

static size_t
prev_letter(const struct tui_field *f, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && is_mark(f->buf[i]))
		i--;
	return i;
}

static size_t
next_letter(const struct tui_field *f, size_t i)
{
	if (i < f->len)
		i++;
	while (i < f->len && is_mark(f->buf[i]))
		i++;
	return i;
}

void
tui_field_init(struct tui_field *f, int max_letters, enum tui_secret secret)
{
	memset(f, 0, sizeof *f);
	f->max_letters = max_letters;
	f->secret = secret;
}

/* Wipes the text; passwords do not linger in memory. */
void
tui_field_clear(struct tui_field *f)
{
	explicit_bzero(f->buf, sizeof f->buf);
	f->len = f->cur = f->scroll = 0;
	f->changed = false;
}

/* Loads stored text, through mn_text_safe like everything drawn. */
void
tui_field_set(struct tui_field *f, const char *utf8)
{
	char safe[TUI_FIELD_CAP * 4];
	size_t n;

	tui_field_clear(f);
	mn_text_safe(utf8 != NULL ? utf8 : "", safe, sizeof safe);
	n = mbstowcs(f->buf, safe, TUI_FIELD_CAP - 1);
	if (n == (size_t)-1)
		n = 0;
	f->buf[n] = L'\0';
	f->len = n;
	f->cur = n;
}

int
tui_field_letters(const struct tui_field *f)
{
	int n = 0;

	for (size_t i = 0; i < f->len; i++)
		if (!is_mark(f->buf[i]))
			n++;
	return n;
}

/* Returns the text as malloc'd UTF-8, or NULL when out of memory. */
char *
tui_field_get(const struct tui_field *f)
{
	size_t size = f->len * MB_CUR_MAX + 1;
	char *out = malloc(size);

	if (out == NULL)
		return NULL;
	if (wcstombs(out, f->buf, size) == (size_t)-1)
		out[0] = '\0';
	return out;
}

static void
delete_range(struct tui_field *f, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(f->buf + from, f->buf + to,
	    (f->len - to + 1) * sizeof f->buf[0]);
	f->len -= to - from;
	f->buf[f->len] = L'\0';
	f->changed = true;
}

static bool
insert_char(struct tui_field *f, wchar_t wc)
{
	if (f->len + 1 >= TUI_FIELD_CAP)
		return false;
	if (is_mark(wc)) {
		if (f->cur == 0)
			return false;
	} else if (!iswprint((wint_t)wc) ||
	    tui_field_letters(f) >= f->max_letters)
		return false;
	memmove(f->buf + f->cur + 1, f->buf + f->cur,
	    (f->len - f->cur + 1) * sizeof f->buf[0]);
	f->buf[f->cur++] = wc;
	f->len++;
	f->changed = true;
	return true;
}

/*
 * Applies an editing key.  Returns false for keys the editor does not
 * use, so the caller can handle them.
 */
bool
tui_field_key(struct tui_field *f, int key)
{
	switch (key) {
	case TK(KEY_LEFT):
		f->cur = prev_letter(f, f->cur);
		return true;
	case TK(KEY_RIGHT):
		f->cur = next_letter(f, f->cur);
		return true;
	case TK(KEY_HOME):
	case 1:				/* Ctrl-A */
		f->cur = 0;
		return true;
	case TK(KEY_END):
	case 5:				/* Ctrl-E */
		f->cur = f->len;
		return true;
	case TK(KEY_BACKSPACE): {
		size_t from = prev_letter(f, f->cur);

		delete_range(f, from, f->cur);
		f->cur = from;
		return true;
	}
	case TK(KEY_DC):
		delete_range(f, f->cur, next_letter(f, f->cur));
		return true;
	case 21:			/* Ctrl-U */
		delete_range(f, 0, f->cur);
		f->cur = 0;
		return true;
	default:
		if (key >= ' ' && key != 127) {
			if (!insert_char(f, (wchar_t)key))
				beep();
			return true;
		}
		return false;
	}
}

/* Cells from letter start to letter end as the field shows them. */
static int
span_width(const struct tui_field *f, size_t from, size_t to)
{
	int w = 0;

	if (f->secret == TUI_HIDDEN)
		return 0;
	for (size_t i = from; i < to; i++) {
		if (f->secret == TUI_STARS)
			w += is_mark(f->buf[i]) ? 0 : 1;
		else
			w += cell_width(f->buf[i]);
	}
	return w;
}

/*
 * Draws the field in width cells, scrolled so the cursor shows.  Returns
 * the cursor's column, for the caller to place last.
 */
int
tui_field_draw(struct tui_field *f, int y, int x, int width, bool focus)
{
	enum tui_style style = focus ? TUI_FIELD_FOCUS : TUI_FIELD;
	wchar_t run[TUI_FIELD_CAP];
	size_t n = 0;
	int used = 0;

	if (width < 2)
		width = 2;
	if (f->cur < f->scroll)
		f->scroll = f->cur;
	while (f->scroll < f->cur && span_width(f, f->scroll, f->cur) >=
	    width)
		f->scroll = next_letter(f, f->scroll);
	for (size_t i = f->scroll; i < f->len && f->secret != TUI_HIDDEN;
	    i++) {
		wchar_t wc = f->buf[i];
		int w = cell_width(wc);

		if (f->secret == TUI_STARS) {
			if (is_mark(wc))
				continue;
			wc = L'*';
			w = 1;
		}
		if (used + w > width)
			break;
		run[n++] = wc;
		used += w;
	}
	run[n] = L'\0';
	attron(tui_attr(style));
	mvaddnwstr(y, x, run, (int)n);
	for (int i = used; i < width; i++)
		mvaddch(y, x + i, ' ');
	attroff(tui_attr(style));
	explicit_bzero(run, sizeof run);
	return x + span_width(f, f->scroll, f->cur);
}
