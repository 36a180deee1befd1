/*
 * The widget kit shared by every screen: terminal set-up, key reading,
 * the screen frame, a field editor, forms, lists and dialogs.
 *
 * Screens draw everything again on each pass of their loop, so a resize
 * (KEY_RESIZE) needs nothing beyond another pass.  Every widget returns
 * TUI_END once the session must stop (logout, idle timeout, hangup,
 * SIGTERM); callers pass it up without drawing anything more.
 */
#ifndef MN_TUI_UI_H
#define MN_TUI_UI_H

#include <curses.h>
#include <stdbool.h>
#include <time.h>
#include <wchar.h>

#include "core/drafts.h"
#include "core/mn.h"

/*
 * Keys as tui_key returns them: a Unicode character is >= 0, a curses
 * key code (KEY_UP ...) is negated, because curses codes overlap
 * Vietnamese letters such as U+01A1.
 */
#define TK(k)		(-(int)(k))
#define TK_ESC		27
#define TK_ENTER	10
#define TK_TAB		9
#define TK_RESIZE	TK(KEY_RESIZE)
#define TK_END		(-1000000)	/* the session must end */

/* Outcome of a widget or a screen. */
enum tui_result {
	TUI_OK = 0,	/* saved, chosen, answered yes */
	TUI_CANCEL,	/* Esc, answered no */
	TUI_END,	/* ui->end says why the session ends */
};

/* Reason the session ends. */
enum tui_end {
	TUI_END_NONE = 0,
	TUI_END_LOGOUT,
	TUI_END_IDLE,
	TUI_END_HANGUP,
	TUI_END_SIGNAL,
	TUI_END_EXIT,		/* Esc on the login screen */
	TUI_END_TRIES,		/* too many failed logins in one session */
	TUI_END_LOCKED,		/* the admin locked the account */
};

/* Roles of text on screen; tui_attr maps them to colour or mono. */
enum tui_style {
	TUI_NORMAL = 0,
	TUI_STATUS,
	TUI_TITLE,
	TUI_SELECT,
	TUI_ERROR,
	TUI_HEADER,
	TUI_FIELD,
	TUI_FIELD_FOCUS,
	TUI_KEYNAME,
	TUI_STYLE_COUNT
};

#define TUI_PATH_MAX 8

/* A draft taken up at login, waiting for the form with its key. */
struct tui_resume {
	char key[MN_DRAFT_KEY_SIZE];
	int n;
	char *names[MN_DRAFT_FIELDS_MAX];
	char *values[MN_DRAFT_FIELDS_MAX];
};

/* State of one terminal session. */
struct tui {
	struct mn_ctx *ctx;
	SCREEN *screen;
	const char *path[TUI_PATH_MAX];	/* titles from the menu down */
	int depth;
	char message[512];		/* shown until the next key */
	bool message_error;
	int min_cols, min_rows;		/* the current screen's minimum */
	enum tui_end end;
	struct timespec last_key;	/* CLOCK_MONOTONIC */
	struct timespec lock_checked;	/* last check for an admin lock */
	int fast_errors;		/* get_wch errors in a row, no wait */
	bool memory_released;		/* caches freed since the last key */
	int cursor_y, cursor_x;		/* -1: hide the cursor */
	struct tui_resume *resume;	/* NULL: no draft to fill in */
};

/* Minimum sizes: staff screens and the login screen (phones). */
#define TUI_STAFF_COLS	80
#define TUI_STAFF_ROWS	24
#define TUI_SMALL_COLS	40
#define TUI_SMALL_ROWS	15

/* Actions a key table binds; screens add their own from TUI_ACT_USER. */
enum tui_action {
	TUI_ACT_END = -1,	/* the session ends; see ui->end */
	TUI_ACT_NONE = 0,
	TUI_ACT_SELECT,
	TUI_ACT_BACK,
	TUI_ACT_SEARCH,
	TUI_ACT_SAVE,
	TUI_ACT_NEXT,
	TUI_ACT_PREV,
	TUI_ACT_ENTER,
	TUI_ACT_HELP,
	TUI_ACT_USER = 100
};

/*
 * One row of a screen's key table.  The help line and the help box are
 * drawn from it, and the screen dispatches on action.  A row with a NULL
 * en label binds a key without showing it.  Tables end with keys[0] 0.
 */
struct tui_keydef {
	int keys[3];		/* 0 ends the list */
	const char *name;	/* "Enter", "F2" */
	const char *en, *vi;
	int action;
};

/* term.c */
int tui_term_start(struct tui *ui);
void tui_term_stop(struct tui *ui);
int tui_key(struct tui *ui);
attr_t tui_attr(enum tui_style style);
void tui_refresh(struct tui *ui);

/* draw.c */
int tui_text(int y, int x, int width, const char *text,
    enum tui_style style);
void tui_text_center(int y, const char *text, enum tui_style style);
void tui_mark_selected(int y, int x, int width, const char *text);
int tui_width(const char *text);
int tui_wrap(const char *text, int width, char lines[][256], int max);
bool tui_frame(struct tui *ui, const struct tui_keydef *keys);
bool tui_fits(const struct tui *ui);
int tui_body_top(void);
int tui_body_rows(void);
void tui_message(struct tui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void tui_error(struct tui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void tui_help_line(const struct tui_keydef *keys);
void tui_draw_message(const struct tui *ui);
int tui_key_action(const struct tui_keydef *keys, int key);
void tui_set_minimum(struct tui *ui, int cols, int rows);
void tui_enter(struct tui *ui, const char *title);
void tui_leave(struct tui *ui);

/* field.c: a one-line editor that works in letters, not bytes. */
#define TUI_FIELD_CAP 512

enum tui_secret { TUI_SHOW = 0, TUI_STARS, TUI_HIDDEN };

/*
 * A field holds at most max_letters letters: grapheme clusters of its
 * text in NFC, so "ệ" counts once whether it came as one character or
 * as "e" and two marks.  Input past the limit is dropped a whole letter
 * at a time and sets cut, which the caller reports and clears.
 */
struct tui_field {
	wchar_t buf[TUI_FIELD_CAP];	/* letters and their marks */
	size_t len, cur, scroll;	/* in wchar_t */
	int max_letters;
	enum tui_secret secret;
	bool changed;
	bool cut;		/* input was dropped at the limit */
	bool dropping;		/* next marks belong to a dropped letter */
};

void tui_field_init(struct tui_field *f, int max_letters,
    enum tui_secret secret);
void tui_field_set(struct tui_field *f, const char *utf8);
char *tui_field_get(const struct tui_field *f);
void tui_field_clear(struct tui_field *f);
bool tui_field_key(struct tui_field *f, int key);
int tui_field_draw(struct tui_field *f, int y, int x, int width,
    bool focus);
int tui_field_letters(const struct tui_field *f);
void tui_field_cut_notice(struct tui *ui, struct tui_field *f);

/* form.c */
#define TUI_OPTIONS_MAX 16

/* A row of check boxes, used in place of the text field when n > 0. */
struct tui_checks {
	const char *labels[TUI_OPTIONS_MAX];
	int n;
	unsigned checked;	/* bit i: option i is ticked */
	int cursor;		/* the option the cursor is on */
	bool changed;
};

struct tui_form_row {
	/*
	 * Stable ASCII identifier, never translated ("full_name"): a draft
	 * keeps the row's value under it, so a draft saved in one language
	 * opens in the other.  NULL: the field name stands in when it is
	 * such an identifier, else the English label.
	 */
	const char *id;
	const char *name;	/* field name as core errors give it */
	const char *en, *vi;	/* label */
	struct tui_field field;
	bool readonly;
	struct tui_checks checks;
};

struct tui_form {
	const char *heading;	/* centred above the rows, or NULL */
	const char *note;	/* wrapped below the rows, or NULL */
	struct tui_form_row *rows;
	int nrows;
	int focus;
	bool enter_submits;	/* Enter on the last row saves */
	bool quiet_cancel;	/* Esc leaves without asking */
	const struct tui_keydef *keys;	/* NULL: the default table */
	/*
	 * Form key under which unsaved values are kept as a draft when
	 * the session ends inside the form ("account_form:gv.mai"), or
	 * NULL for no draft.  draft_kinds.def maps the key back to a screen.
	 */
	const char *draft_key;
	/*
	 * Version of the record the values were read from, 0 for none.  A
	 * draft keeps it, and a reopened draft restores it, so that saving
	 * the draft after someone else's save reports the conflict.
	 */
	int64_t version;
	/*
	 * All pages of a multi-page form, for every page to set, so that
	 * one draft keeps the values of every page; NULL for one page.  The
	 * version of pages[0] is the one a draft keeps.
	 */
	struct tui_form *pages;
	int npages;
};

int tui_form_run(struct tui *ui, struct tui_form *form);
void tui_form_focus(struct tui_form *form, const char *name);
bool tui_form_changed(const struct tui_form *form);
void tui_form_wipe(struct tui_form *form);
void tui_form_failed(struct tui *ui, struct tui_form *form,
    const struct mn_error *err);

/* draft_offer.c */
int tui_drafts_offer(struct tui *ui);
const char *tui_resume_value(const struct tui_resume *r, const char *id);
void tui_resume_free(struct tui *ui);

/* checks.c */
int tui_checks_lines(const struct tui_checks *c, int width);
int tui_checks_draw(struct tui_checks *c, int y, int x, int width,
    bool focus, int *cursor_y);
bool tui_checks_key(struct tui_checks *c, int key);

/* list.c */
#define TUI_LIST_MAX_COLS 16

struct tui_column {
	const char *en, *vi;	/* header; NULL en: no header row */
	int max_width;		/* cells, 0: no limit */
};

struct tui_list {
	const struct tui_column *cols;
	int ncols;
	char **cells;		/* nrows * ncols strings */
	char **folded;		/* per row, for search */
	int nrows, cap;
	int widest[TUI_LIST_MAX_COLS];	/* cells, over all rows */
	int *shown;		/* rows matching the search */
	int nshown;
	int sel, top;		/* positions in shown */
	char search[128];
	bool searching;
	const char *empty_en, *empty_vi;
};

void tui_list_init(struct tui_list *l, const struct tui_column *cols,
    int ncols);
int tui_list_add(struct tui_list *l, const char *const *cells);
void tui_list_clear(struct tui_list *l);
void tui_list_free(struct tui_list *l);
int tui_list_selected(const struct tui_list *l);
const char *tui_list_cell(const struct tui_list *l, int row, int col);
int tui_list_run(struct tui *ui, struct tui_list *l,
    const struct tui_keydef *keys);

/* dialog.c */
int tui_confirm(struct tui *ui, const char *question, bool default_yes);
int tui_msgbox(struct tui *ui, const char *text);
int tui_help_box(struct tui *ui, const struct tui_keydef *keys,
    const char *more);

#endif
