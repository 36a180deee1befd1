/*
 * Code the class grids share.  The attendance sheet and the daily log
 * grid move over, open and leave a class-day the same way.  Every grid
 * (those two and the weighing grid) keeps its unsaved cells as a draft
 * when the session ends in it.  The draft has one field per child, "c"
 * and the child's id, which contains that child's cells joined by '|'.
 * Its form key names the grid, the class and the date, so the next
 * login reopens the same grid with those cells filled in.
 */
#ifndef MN_TUI_GRID_H
#define MN_TUI_GRID_H

#include "core/dailylog.h"
#include "core/drafts.h"
#include "tui/draft_kinds.h"
#include "tui/screens.h"

/* Cells of one child in a draft: at most this many parts. */
#define GRID_PARTS_MAX 16

/* ---- Class-day grids ------------------------------------------------- */

/*
 * Loader of a class-day into the grid arg.  On failure the grid keeps
 * the day it had.
 */
struct grid_loader {
	int (*load)(struct tui *ui, void *arg, const struct class_day *cd,
	    struct mn_error *err);
	void *arg;
};

/*
 * A class-day screen: its loader, and the steps grid_run_day takes
 * around it.  Every function gets the loader's arg.
 */
struct grid_screen {
	struct grid_loader loader;
	/* Runs the loaded grid until the user leaves or the session ends. */
	int (*run)(struct tui *ui, void *arg, struct class_day *cd);
	/* Puts ui->resume's cells on the grid just loaded. */
	void (*apply_draft)(struct tui *ui, void *arg);
	/* Keeps the unsaved cells as a draft; called when the session ends. */
	void (*keep_draft)(struct tui *ui, void *arg);
	void (*free)(void *arg);
	/*
	 * Opens the part of the screen that a draft key names after the
	 * date (such as the daily log's diary); NULL when there is none.
	 */
	int (*open_part)(struct tui *ui, void *arg, const char *part);
};

/*
 * Opens cd's day and runs the screen on it.  With resume, when the day
 * opened is the one asked, it applies ui->resume and opens part (when
 * not "") first.  Returns TUI_END when the session ends, else TUI_OK.
 */
int grid_run_day(struct tui *ui, const struct grid_screen *gs,
    struct class_day *cd, bool resume, const char *part);
/*
 * Reopens a draft "CLASS_ID:YYYY-MM-DD[:PART]" of a class-day screen,
 * or shows a message when the class is no longer the actor's.
 */
int grid_reopen_day(struct tui *ui, const struct grid_screen *gs,
    const char *record);
/* Tells the user that a draft's class is no longer theirs. */
void grid_draft_dropped(struct tui *ui);

/* A one-line editor under a grid (grid_edit_line). */
struct grid_line {
	const char *prompt;		/* before the field, such as "Note: " */
	const char *hint;		/* on the bottom line */
	/* Draws the grid behind the editor. */
	void (*draw)(struct tui *ui, void *arg);
	/* Takes the text; false keeps the editor open (after a message). */
	bool (*accept)(struct tui *ui, void *arg, const char *text);
	void *arg;
};

/*
 * Edits f on the third line from the bottom until Enter or Tab with text
 * that l->accept takes (TUI_OK, *end_key set to the key), Esc
 * (TUI_CANCEL) or the end of the session (TUI_END).
 */
int grid_edit_line(struct tui *ui, const struct grid_line *l,
    struct tui_field *f, int *end_key);

/* Rows of the class list under the title and the header lines. */
int grid_list_rows(void);
/*
 * Moves *sel over n rows for Up, Down, PgUp, PgDn, Home and End; false
 * for any other key.
 */
bool grid_move(int *sel, int n, int key);
/* Asks question when changed; TUI_OK means the changes may go. */
int grid_may_leave(struct tui *ui, bool changed, const char *question);
/*
 * Opens cd's day, asking another date (first, when ask) while the core
 * refuses it.  TUI_CANCEL when the user gives up.
 */
int grid_open_day(struct tui *ui, const struct grid_loader *l,
    struct class_day *cd, bool ask);
/*
 * The 'd' and 'l' keys: after the question about unsaved changes, asks
 * another day, or another class when pick_class, and opens it.  *cd
 * follows what is open.  TUI_END when the session ends.
 */
int grid_change_day(struct tui *ui, const struct grid_loader *l,
    struct class_day *cd, const struct class_day *open, bool pick_class,
    bool changed, const char *question);
/* Writes a stored UTC time as the school's local "HH:MM dd/mm". */
void grid_local_time(const char *utc, char *buf, size_t size);
/*
 * Fills cd with the class class_id of the current school year, if the
 * actor may take its attendance; false otherwise (class_day.c).
 */
bool class_day_find(struct tui *ui, int64_t class_id, struct class_day *cd);

/* ---- Drafts ---------------------------------------------------------- */

/* The fields of a grid's draft while they are gathered. */
struct grid_draft {
	int n;
	bool full;			/* a field did not fit */
	char names[MN_DRAFT_FIELDS_MAX][24];
	char *values[MN_DRAFT_FIELDS_MAX];
};

/*
 * True when the session ends without the user choosing it (hangup,
 * signal, idle timeout) with an account logged in: then a grid keeps
 * its unsaved cells.
 */
bool grid_draft_wanted(const struct tui *ui);
/*
 * Starts a draft with the field MN_DRAFT_WHERE: the titles from the menu
 * down and detail (such as "Lớp MG3A, ngày 04/12/2026"), which the offer
 * at the next login shows.
 */
void grid_draft_init(struct grid_draft *d, const struct tui *ui,
    const char *detail);
/*
 * Adds a field.  A full draft (MN_DRAFT_FIELDS_MAX) sets d->full, and a
 * value over MN_DRAFT_VALUE_MAX characters is left out and logged.
 */
void grid_draft_add(struct grid_draft *d, const char *name,
    const char *value);
/* Adds the field "c<child_id>" with the parts joined by '|'. */
void grid_draft_add_child(struct grid_draft *d, int64_t child_id,
    const char *const *parts, int nparts);
/* Stores d under key when it has a field, then frees d's values. */
void grid_draft_keep(struct tui *ui, const char *key, struct grid_draft *d);
/*
 * Writes the form key "KIND:CLASS_ID:YYYY-MM-DD" of a class-day grid;
 * suffix, when not NULL, is added after one more ':'.
 */
void grid_day_key(char *buf, size_t size, const char *kind,
    int64_t class_id, const struct mn_date *day, const char *suffix);
/*
 * Reads "CLASS_ID:YYYY-MM-DD[:SUFFIX]" back; suffix (size bytes) gets
 * what follows the date, or "".
 */
bool grid_day_record(const char *record, int64_t *class_id,
    struct mn_date *day, char *suffix, size_t size);
/*
 * The resumed draft's field of the child, split into parts (a copy in
 * buf); returns the number of parts, 0 when ui->resume has no draft of
 * key or no field for the child.
 */
int grid_resume_child(const struct tui *ui, const char *key,
    int64_t child_id, char *buf, size_t size, char **parts);
/* The resumed draft's field name of key, or NULL. */
const char *grid_resume_get(const struct tui *ui, const char *key,
    const char *name);

/* ---- Pieces of the attendance sheet and the daily log ---------------- */

/*
 * Asks the class, then runs gs (set up by the caller) on today's day of
 * it.  Returns what grid_run_day or the class question returns.
 */
int grid_screen_start(struct tui *ui, const struct grid_screen *gs);
/*
 * Draws the frame when needed (draw with arg) and reads a key into *key.
 * False when the loop should only go round again: the screen was
 * resized or is too small.  *key is TK_END when the session ends.
 */
bool grid_read_key(struct tui *ui, const struct tui_keydef *keys,
    void (*draw)(struct tui *, void *), void *arg, int *key);
/* Starts a class-day draft whose offer names cd's class and day. */
void grid_draft_start(struct grid_draft *d, const struct tui *ui,
    const struct class_day *cd);
/* A meal's short word ("hết", "phần", "không"), or none when unrecorded. */
const char *grid_intake_text(enum mn_intake intake, const char *none);
/* Writes log's meals in enum mn_meal order, joined by '/': "hết/phần/-/-". */
void grid_meals_text(const struct mn_daily_log *log, const char *none,
    char *buf, size_t size);

#endif
