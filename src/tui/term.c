/*
 * Terminal set-up and key reading: locale, raw mode, signals turned into
 * flags, colours or mono attributes, the idle timeout and hangup
 * detection.
 */
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/account.h"
#include "core/config.h"
#include "core/db.h"
#include "tui/tui.h"
#include "tui/ui.h"

/* Escape delay: long enough for an arrow key's bytes on a slow link. */
#define ESC_DELAY_MS	125
/* get_wch waits this long per tick, so flags and idle time are seen. */
#define TICK_MS		1000
/* An error returned sooner than this did not wait for input. */
#define FAST_ERROR_MS	200
/* Errors in a row without waiting mean the terminal is gone. */
#define FAST_ERROR_MAX	5

/* Widest row the busy notice saves and puts back. */
#define BUSY_ROW_MAX	512

static volatile sig_atomic_t got_hangup;
static volatile sig_atomic_t got_term;
static attr_t styles[TUI_STYLE_COUNT];

static bool
codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "utf8") == 0);
}

void
tui_setup_locale(void)
{
	static const char *fallbacks[] = { "C.UTF-8", "en_US.UTF-8" };

	if (setlocale(LC_ALL, "") != NULL && codeset_is_utf8())
		return;
	for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++)
		if (setlocale(LC_ALL, fallbacks[i]) != NULL &&
		    codeset_is_utf8())
			return;
}

static void
on_signal(int sig)
{
	if (sig == SIGHUP)
		got_hangup = 1;
	else
		got_term = 1;
}

/*
 * Installed before newterm, so ncurses keeps these handlers instead of
 * its own.  No SA_RESTART: get_wch must return when a signal arrives.
 */
static void
install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
}

static void
setup_styles(void)
{
	const char *no_color = getenv("NO_COLOR");
	short bg = COLOR_BLACK;

	styles[TUI_NORMAL] = A_NORMAL;
	styles[TUI_STATUS] = A_REVERSE;
	styles[TUI_TITLE] = A_BOLD;
	styles[TUI_SELECT] = A_REVERSE;
	styles[TUI_ERROR] = A_BOLD;
	styles[TUI_HEADER] = A_BOLD | A_UNDERLINE;
	styles[TUI_FIELD] = A_UNDERLINE;
	styles[TUI_FIELD_FOCUS] = A_REVERSE;
	styles[TUI_KEYNAME] = A_BOLD;
	if (!has_colors() || (no_color != NULL && *no_color != '\0'))
		return;
	if (start_color() == ERR)
		return;
	if (use_default_colors() == OK)
		bg = -1;
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_BLACK, COLOR_CYAN);
	init_pair(3, COLOR_RED, bg);
	init_pair(4, COLOR_CYAN, bg);
	styles[TUI_STATUS] = COLOR_PAIR(1) | A_BOLD;
	styles[TUI_SELECT] = COLOR_PAIR(2);
	styles[TUI_FIELD_FOCUS] = COLOR_PAIR(2);
	styles[TUI_ERROR] = COLOR_PAIR(3) | A_BOLD;
	styles[TUI_KEYNAME] = COLOR_PAIR(4) | A_BOLD;
}

attr_t
tui_attr(enum tui_style style)
{
	return style < TUI_STYLE_COUNT ? styles[style] : A_NORMAL;
}

/* The row under the busy notice, put back when the wait ends. */
static cchar_t busy_saved[BUSY_ROW_MAX + 1];
static int busy_row = -1, busy_cols;

/*
 * The core's busy hook.  While a save waits for another writer, the row
 * above the key-help line shows a notice, and the row is restored when
 * the save goes on.  The screen's own loop redraws everything after that.
 */
static void
busy_notice(bool waiting, void *arg)
{
	struct tui *ui = arg;
	int y, x;

	if (ui->screen == NULL)
		return;
	getyx(stdscr, y, x);
	if (waiting && busy_row < 0 && LINES >= 3) {
		busy_row = LINES - 2;
		busy_cols = COLS < BUSY_ROW_MAX ? COLS : BUSY_ROW_MAX;
		mvin_wchnstr(busy_row, 0, busy_saved, busy_cols);
		tui_text(busy_row, 0, COLS, "", TUI_NORMAL);
		tui_text(busy_row, 1, COLS - 2, T("Waiting for the database…",
		    "Đang chờ cơ sở dữ liệu…"), TUI_TITLE);
	} else if (!waiting && busy_row >= 0) {
		mvadd_wchnstr(busy_row, 0, busy_saved, busy_cols);
		busy_row = -1;
	} else
		return;
	move(y, x);
	refresh();
}

/*
 * Puts the terminal in raw mode, so Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-S
 * arrive as keys.  Returns -1 when the terminal cannot be used.
 */
int
tui_term_start(struct tui *ui)
{
	install_signals();
	ui->screen = newterm(NULL, stdout, stdin);
	/* SSH clients may send a TERM the host lacks; vt100 is everywhere. */
	if (ui->screen == NULL && getenv("TERM") != NULL)
		ui->screen = newterm("vt100", stdout, stdin);
	if (ui->screen == NULL) {
		fprintf(stderr, "%s\n", T("mamnon: cannot use this terminal; "
		    "check TERM", "mamnon: không dùng được terminal này; "
		    "hãy kiểm tra biến TERM"));
		return -1;
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(ESC_DELAY_MS);
	timeout(TICK_MS);
	curs_set(0);
	setup_styles();
	clock_gettime(CLOCK_MONOTONIC, &ui->last_key);
	ui->cursor_y = -1;
	mn_db_busy_hook(ui->ctx->db, busy_notice, ui);
	return 0;
}

/* Restores the terminal; on a hangup the writes fail harmlessly. */
void
tui_term_stop(struct tui *ui)
{
	if (ui->screen == NULL)
		return;
	mn_db_busy_hook(ui->ctx->db, NULL, NULL);
	/* Terminals without an alternate screen would keep the last page. */
	if (ui->end != TUI_END_HANGUP) {
		erase();
		refresh();
	}
	curs_set(1);
	endwin();
	delscreen(ui->screen);
	ui->screen = NULL;
}

/*
 * Draws the message line, places the cursor and updates the terminal.
 * With the cursor hidden, leaveok spares the move that would put it back
 * where drawing ended, a few bytes on every key.
 */
void
tui_refresh(struct tui *ui)
{
	tui_draw_message(ui);
	if (ui->cursor_y >= 0) {
		leaveok(stdscr, FALSE);
		curs_set(1);
		move(ui->cursor_y, ui->cursor_x);
	} else {
		leaveok(stdscr, TRUE);
		curs_set(0);
	}
	refresh();
}

static long
elapsed_ms(const struct timespec *from, const struct timespec *to)
{
	return (to->tv_sec - from->tv_sec) * 1000L +
	    (to->tv_nsec - from->tv_nsec) / 1000000L;
}

static bool
idle_expired(struct tui *ui, const struct timespec *now)
{
	unsigned limit = ui->ctx->cfg->idle_timeout;

	return limit > 0 && elapsed_ms(&ui->last_key, now) / 1000 >= limit;
}

/* Folds the keys every screen treats alike; -1 means "ignore". */
static int
normalise(int rc, wint_t ch)
{
	if (rc == KEY_CODE_YES) {
		if (ch == KEY_ENTER)
			return TK_ENTER;
		return TK(ch);
	}
	switch (ch) {
	case '\r':
		return TK_ENTER;
	case 8:
	case 127:
		return TK(KEY_BACKSPACE);
	case 3:				/* Ctrl-C cancels like Esc */
		return TK_ESC;
	case 19:			/* Ctrl-S saves like F2 */
		return TK(KEY_F(2));
	case 26:			/* Ctrl-Z */
	case 28:			/* Ctrl-\ */
		return -1;
	default:
		return (int)ch;
	}
}

/*
 * Called after an Esc that curses did not turn into a key code.  When
 * the rest of an escape sequence is already waiting ("[4~" from a
 * terminal whose End key the terminfo entry lacks), it is read and the
 * whole key ignored, so an unknown function key never acts as Esc.
 * Returns true for a plain Esc.
 */
static bool
plain_escape(void)
{
	wint_t ch;
	int rc;

	timeout(0);
	rc = get_wch(&ch);
	if (rc == OK && (ch == '[' || ch == 'O')) {
		bool csi = ch == '[';

		/* CSI: parameters and intermediates end at a final byte. */
		while (get_wch(&ch) == OK && csi && (ch < 0x40 || ch > 0x7e))
			;
		timeout(TICK_MS);
		return false;
	}
	if (rc == KEY_CODE_YES)
		ungetch((int)ch);
	else if (rc == OK)
		unget_wch(ch);
	timeout(TICK_MS);
	return true;
}

/*
 * Reads one key.  Returns TK_END with ui->end set on SIGHUP, SIGTERM,
 * SIGINT, after the idle timeout, or when get_wch keeps failing without
 * waiting, which is how a dropped link shows (EOF or EIO on the tty).
 * A key clears the message line.
 */
int
tui_key(struct tui *ui)
{
	struct timespec before, after;
	wint_t ch;
	int rc, key;

	for (;;) {
		if (got_hangup)
			ui->end = TUI_END_HANGUP;
		else if (got_term)
			ui->end = TUI_END_SIGNAL;
		if (ui->end != TUI_END_NONE)
			return TK_END;
		clock_gettime(CLOCK_MONOTONIC, &before);
		rc = get_wch(&ch);
		clock_gettime(CLOCK_MONOTONIC, &after);
		if (rc == ERR) {
			if (elapsed_ms(&before, &after) < FAST_ERROR_MS) {
				if (++ui->fast_errors >= FAST_ERROR_MAX)
					ui->end = TUI_END_HANGUP;
			} else {
				ui->fast_errors = 0;
				/*
				 * A tick without a key means the user reads
				 * or has gone, so unused caches are returned
				 * to the system, once per pause.
				 */
				if (!ui->memory_released) {
					mn_db_release_memory(ui->ctx->db);
					ui->memory_released = true;
				}
			}
			if (ui->end == TUI_END_NONE && idle_expired(ui, &after))
				ui->end = TUI_END_IDLE;
			continue;
		}
		ui->fast_errors = 0;
		ui->memory_released = false;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
			return TK_RESIZE;
		ui->last_key = after;
		if (rc == OK && ch == TK_ESC && !plain_escape())
			continue;
		if (rc == OK && ch == 12) {	/* Ctrl-L repaints all */
			clearok(curscr, TRUE);
			return TK_RESIZE;
		}
		key = normalise(rc, ch);
		if (key == -1)
			continue;

		/*
		 * A lock ends sessions already open, before the key acts.
		 * One query a second is enough, so fast typing costs none.
		 */
		if (elapsed_ms(&ui->lock_checked, &after) >= 1000 ||
		    ui->lock_checked.tv_sec == 0) {
			ui->lock_checked = after;
			if (mn_account_check_active(ui->ctx, NULL) ==
			    MN_ERR_LOCKED) {
				ui->end = TUI_END_LOCKED;
				return TK_END;
			}
		}
		ui->message[0] = '\0';
		return key;
	}
}
