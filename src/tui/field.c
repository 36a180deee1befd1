/*
 * A one-line text editor that moves, deletes and counts by letter: a
 * grapheme cluster as ICU finds it, so Backspace removes "ệ" whole even
 * when a keyboard sent it as "e" plus two marks.  The limit counts the
 * letters of the text in NFC, as the core stores it.  Input past the
 * limit is dropped a letter at a time: a base character that does not
 * fit takes the marks typed after it along, so no accent lands on the
 * letter before it.  The core normalises to NFC when the text is stored.
 *
 * NOTE: the core's length check counts NFC code points, not letters, so
 * a letter with a mark that has no precomposed form (such as "x̣") counts
 * twice there.  Every Vietnamese letter has one, so they agree on it.
 */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "core/text.h"
#include "tui/ui.h"

/* UTF-16 units of a full field, and of its NFC form (at most 3 times). */
#define U16_CAP (2 * TUI_FIELD_CAP)
#define NFC_CAP (3 * U16_CAP)

/* Marks take no cell of their own; drawing needs no more than that. */
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

/*
 * The character break iterator, opened once per process; NULL when ICU
 * cannot open one, and every character is then a letter of its own.
 */
static UBreakIterator *
breaker(void)
{
	static UBreakIterator *bi;
	static bool tried;
	UErrorCode status = U_ZERO_ERROR;

	if (!tried) {
		tried = true;
		bi = ubrk_open(UBRK_CHARACTER, "vi", NULL, 0, &status);
		if (U_FAILURE(status))
			bi = NULL;
	}
	return bi;
}

/*
 * Converts text[0..len) to UTF-16 in out (U16_CAP units).  When map is
 * not NULL, map[u] is the wchar_t offset at which UTF-16 unit u starts,
 * and map[n] is len.  Returns the number of units n.
 */
static int32_t
to_utf16(const wchar_t *text, size_t len, UChar *out, size_t *map)
{
	int32_t n = 0;

	for (size_t i = 0; i < len && n + 2 <= U16_CAP; i++) {
		UChar32 c = (UChar32)text[i];
		int32_t at = n;

		if (c < 0 || c > 0x10FFFF || U_IS_SURROGATE(c))
			c = 0xFFFD;
		U16_APPEND_UNSAFE(out, n, c);
		if (map != NULL)
			for (; at < n; at++)
				map[at] = i;
	}
	if (map != NULL)
		map[n] = len;
	return n;
}

/*
 * Writes the letter boundaries of text[0..len), as wchar_t offsets from
 * 0 to len, into bounds (len + 1 entries at most).  Returns their number.
 */
static size_t
boundaries(const wchar_t *text, size_t len, size_t *bounds)
{
	UChar u16[U16_CAP];
	size_t map[U16_CAP + 1], n = 0;
	UBreakIterator *bi = breaker();
	UErrorCode status = U_ZERO_ERROR;
	int32_t units = to_utf16(text, len, u16, map);

	if (bi != NULL)
		ubrk_setText(bi, u16, units, &status);
	if (bi == NULL || U_FAILURE(status)) {
		for (n = 0; n <= len; n++)
			bounds[n] = n;
		return n;
	}
	for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
		bounds[n++] = map[b];
	ubrk_setText(bi, NULL, 0, &status);
	return n;
}

/* Number of letters (grapheme clusters) of text[0..len) in NFC. */
static int
nfc_letters(const wchar_t *text, size_t len)
{
	UChar u16[U16_CAP], nfc[NFC_CAP];
	UBreakIterator *bi = breaker();
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *norm = unorm2_getNFCInstance(&status);
	int32_t units = to_utf16(text, len, u16, NULL), n;
	int letters = 0;

	if (U_SUCCESS(status))
		n = unorm2_normalize(norm, u16, units, nfc, NFC_CAP, &status);
	if (U_FAILURE(status)) {
		status = U_ZERO_ERROR;
		memcpy(nfc, u16, (size_t)units * sizeof nfc[0]);
		n = units;
	}
	if (bi == NULL)
		return u_countChar32(nfc, n);
	ubrk_setText(bi, nfc, n, &status);
	if (U_FAILURE(status))
		return u_countChar32(nfc, n);
	for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
		letters++;
	ubrk_setText(bi, NULL, 0, &status);
	/* The boundary at 0 starts no letter. */
	return letters > 0 ? letters - 1 : 0;
}

/* The start of the letter before offset i, or 0. */
static size_t
prev_letter(const struct tui_field *f, size_t i)
{
	size_t bounds[TUI_FIELD_CAP + 1], n = boundaries(f->buf, f->len,
	    bounds), prev = 0;

	for (size_t k = 0; k < n && bounds[k] < i; k++)
		prev = bounds[k];
	return prev;
}

/* The end of the letter at offset i, or the end of the text. */
static size_t
next_letter(const struct tui_field *f, size_t i)
{
	size_t bounds[TUI_FIELD_CAP + 1], n = boundaries(f->buf, f->len,
	    bounds);

	for (size_t k = 0; k < n; k++)
		if (bounds[k] > i)
			return bounds[k];
	return f->len;
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
	f->cut = false;
	f->dropping = false;
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

/* Letters of the text as the limit counts them: clusters of its NFC. */
int
tui_field_letters(const struct tui_field *f)
{
	return nfc_letters(f->buf, f->len);
}

/*
 * Tells the user that input was cut at the field's limit, once per
 * cut, on the message line.
 */
void
tui_field_cut_notice(struct tui *ui, struct tui_field *f)
{
	if (!f->cut)
		return;
	f->cut = false;
	tui_error(ui, T("cut short: at most %d characters",
	    "đã cắt bớt: tối đa %d ký tự"), f->max_letters);
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

/*
 * Composes the letter that ends at the cursor to NFC in place when that
 * makes it shorter, so that "e" and two marks typed one by one take one
 * slot of the buffer ("ệ"), as they take one in the stored text.
 */
static void
compose_letter(struct tui_field *f)
{
	UChar u16[U16_CAP], nfc[NFC_CAP];
	UChar32 out[TUI_FIELD_CAP];
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *norm = unorm2_getNFCInstance(&status);
	size_t start = prev_letter(f, f->cur), old_len = f->cur - start;
	int32_t units, n, len;

	if (U_FAILURE(status) || old_len < 2 || next_letter(f, start) != f->cur)
		return;
	units = to_utf16(f->buf + start, old_len, u16, NULL);
	n = unorm2_normalize(norm, u16, units, nfc, NFC_CAP, &status);
	if (U_FAILURE(status))
		return;
	u_strToUTF32(out, TUI_FIELD_CAP, &len, nfc, n, &status);
	if (U_FAILURE(status) || len <= 0 || (size_t)len >= old_len)
		return;
	for (int32_t i = 0; i < len; i++)
		f->buf[start + (size_t)i] = (wchar_t)out[i];
	memmove(f->buf + start + (size_t)len, f->buf + f->cur,
	    (f->len - f->cur + 1) * sizeof f->buf[0]);
	f->len -= old_len - (size_t)len;
	f->cur = start + (size_t)len;
}

/*
 * Inserts wc at the cursor unless the text would then have more letters
 * than the limit.  A character that would join the letter before it (a
 * mark) follows the fate of that letter: it is dropped after a dropped
 * base character.  Sets f->cut when input is dropped at the limit.
 */
static bool
insert_char(struct tui_field *f, wchar_t wc)
{
	wchar_t next[TUI_FIELD_CAP];
	int before, after;
	bool joins;

	if (is_mark(wc) ? f->cur == 0 : !iswprint((wint_t)wc))
		return false;
	if (f->len + 1 >= TUI_FIELD_CAP) {
		f->cut = f->dropping = true;
		return false;
	}
	memcpy(next, f->buf, f->cur * sizeof next[0]);
	next[f->cur] = wc;
	memcpy(next + f->cur + 1, f->buf + f->cur,
	    (f->len - f->cur) * sizeof next[0]);
	before = nfc_letters(f->buf, f->len);
	after = nfc_letters(next, f->len + 1);
	joins = after <= before;
	if (joins && f->dropping) {
		f->cut = true;
		return false;
	}
	if (after > f->max_letters) {
		f->cut = f->dropping = true;
		return false;
	}
	f->dropping = false;
	memmove(f->buf + f->cur + 1, f->buf + f->cur,
	    (f->len - f->cur + 1) * sizeof f->buf[0]);
	f->buf[f->cur++] = wc;
	f->len++;
	f->changed = true;
	if (joins)
		compose_letter(f);
	return true;
}

/*
 * Applies an editing key.  Returns false for keys the editor does not
 * use, so the caller can handle them.
 */
bool
tui_field_key(struct tui_field *f, int key)
{
	/* Only typing on continues a dropped letter. */
	if (key < ' ' || key == 127)
		f->dropping = false;
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
			bool was_dropping = f->dropping;

			/* One beep where the cut starts, not per key. */
			if (!insert_char(f, (wchar_t)key) && !was_dropping)
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
	if (f->scroll < f->cur && span_width(f, f->scroll, f->cur) >= width) {
		/* Scroll by whole letters; the bounds are found once. */
		size_t bounds[TUI_FIELD_CAP + 1], nbounds = boundaries(f->buf,
		    f->len, bounds);

		for (size_t k = 0; k < nbounds && f->scroll < f->cur &&
		    span_width(f, f->scroll, f->cur) >= width; k++)
			if (bounds[k] > f->scroll)
				f->scroll = bounds[k];
	}
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
