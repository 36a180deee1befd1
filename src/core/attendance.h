/*
 * Attendance: one mark per child for each class and school day, saved
 * for the whole class at once, with the class-day version guarding
 * against two accounts overwriting each other.  Also the views built on
 * it: the school's day by class, meals per age group, a child's month
 * and the monthly attendance sheet (sổ điểm danh).
 *
 * Access: teachers read and write their own classes only.  The principal
 * and the host administrator read and write every class, and the nurse
 * reads every class.  The kitchen reads counts without names.  A teacher
 * may change a past day for [attendance] edit_days days, later only the
 * principal may.
 */
#ifndef MN_CORE_ATTENDANCE_H
#define MN_CORE_ATTENDANCE_H

#include <stdio.h>

#include "core/date.h"
#include "core/mn.h"
#include "core/nutrition.h"	/* enum mn_age_group */

/* A child's mark for one day, in the order a key press cycles them. */
enum mn_mark {
	MN_MARK_PRESENT = 0,
	MN_MARK_EXCUSED,	/* vắng có phép */
	MN_MARK_UNEXCUSED,	/* vắng không phép */
	MN_MARK_LATE,		/* đi muộn, counted as present */
	MN_MARK_COUNT
};

#define MN_ATT_NOTE_MAX 200	/* characters in a mark's note */
#define MN_ATT_CODE_MAX 16	/* class code */

/* Returns the mark after m in the cycle present, P, K, late, present. */
enum mn_mark mn_mark_next(enum mn_mark m);
/* Returns the stored name: "present", "excused", "unexcused", "late". */
const char *mn_mark_name(enum mn_mark m);
/* Returns the sheet letter: "x", "P", "K" or "M". */
const char *mn_mark_letter(enum mn_mark m);
/* Returns the label in the interface language ("Có mặt", ...). */
const char *mn_mark_label(enum mn_mark m);
/*
 * Parses a stored name or a sheet letter (x, P, K, M, case-insensitive)
 * into *m; MN_ERR_INVALID names field and the accepted forms.
 */
int mn_mark_parse(const char *text, const char *field, enum mn_mark *m,
    struct mn_error *err);
/* True for present and late, the marks that eat a meal. */
bool mn_mark_is_present(enum mn_mark m);

struct mn_attendance_entry {
	int64_t child_id;
	char school_code[32];
	char full_name[256];
	enum mn_mark mark;
	char note[4 * MN_ATT_NOTE_MAX + 1];
};

/* One class on one day, as loaded and as handed back to save. */
struct mn_attendance_day {
	int64_t class_id;
	char class_code[MN_ATT_CODE_MAX + 1];
	struct mn_date day;
	int64_t version;	/* 0 while no class-day record exists */
	bool saved;		/* attendance was taken and saved */
	char changed_by[64];	/* login of the last save, "" if none */
	char changed_at[32];	/* UTC time of the last save */
	struct mn_attendance_entry *entries;	/* by name order */
	size_t count;
};

/*
 * Finds the class with code in the school year that contains day (or,
 * for a month, the latest school year overlapping it).  MN_ERR_NOTFOUND
 * names the field "class".
 */
int mn_attendance_class_find(struct mn_ctx *ctx, const char *code,
    const struct mn_date *day, int64_t *class_id, struct mn_error *err);

/*
 * Loads the class's children on day (those whose class history covers
 * the day) with their marks; children without a saved mark are present.
 * Checks access, that day is a school day of a school year and not in
 * the future.  Free with mn_attendance_free.
 */
int mn_attendance_load(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, struct mn_attendance_day *out,
    struct mn_error *err);
void mn_attendance_free(struct mn_attendance_day *att);
/* Deep copy, for keeping the values as read to merge against later. */
int mn_attendance_copy(const struct mn_attendance_day *src,
    struct mn_attendance_day *dst, struct mn_error *err);

/* Finds the entry of child_id, or NULL. */
struct mn_attendance_entry *mn_attendance_entry(
    struct mn_attendance_day *att, int64_t child_id);
/* Counts present (late included) and enrolled, for the screen's header. */
void mn_attendance_count(const struct mn_attendance_day *att, int *present,
    int *enrolled);

/*
 * Saves every entry of att in one transaction with an audit row; a
 * child of the class missing from att is saved as present.  att->version
 * must be the version that was loaded.  On success att->version and
 * att->saved are updated.  When someone else saved in between, returns
 * MN_ERR_CONFLICT and, if theirs is not NULL, loads their values into it
 * so the caller can keep its own (set att->version = theirs->version and
 * save again), take theirs, or merge with mn_attendance_merge.
 * Nothing is written on any error.
 */
int mn_attendance_save(struct mn_ctx *ctx, struct mn_attendance_day *att,
    struct mn_attendance_day *theirs, struct mn_error *err);

/*
 * Three-way merge into mine: a child whose mark and note mine left as in
 * base takes theirs; a child mine changed keeps mine.  Afterwards mine
 * carries theirs' version, ready to save.  Children only theirs has are
 * added.  Returns the number of children where both sides changed the
 * same child differently (mine was kept for them).
 */
int mn_attendance_merge(struct mn_attendance_day *mine,
    const struct mn_attendance_day *base,
    const struct mn_attendance_day *theirs, struct mn_error *err);

/* ---- Views ----------------------------------------------------------- */

/* One class's day, for the principal's and the kitchen's overview. */
struct mn_class_day_count {
	int64_t class_id;
	char class_code[MN_ATT_CODE_MAX + 1];
	char age_group[16];
	bool taken;		/* attendance was saved for the day */
	int enrolled;		/* children in the class on the day */
	int present;		/* present and late; enrolled when not taken */
	int late;
	int excused;
	int unexcused;
};

/* Meals for one age group: children present or late, per the above. */
struct mn_meal_count {
	char age_group[16];
	int enrolled;
	int meals;
	int classes_not_taken;	/* their whole class is counted as eating */
};

struct mn_school_day {
	struct mn_date day;
	struct mn_class_day_count *classes;	/* by class code */
	size_t class_count;
	struct mn_meal_count *groups;		/* by age group code */
	size_t group_count;
	/* Meals by the kitchen's groups (crèche, kindergarten), ready for
	 * mn_kitchen_meals_set with MN_COUNT_ATTENDANCE. */
	int kitchen_meals[MN_GROUP_COUNT];
	int enrolled, present, absent;
};

/*
 * Counts the school's attendance on day by class and meals by age group.
 * Principal, kitchen, nurse, administrator and host; no names are read.
 * Free with mn_school_day_free.
 */
int mn_attendance_school_day(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_school_day *out, struct mn_error *err);
void mn_school_day_free(struct mn_school_day *sd);

/* ---- Monthly sheet --------------------------------------------------- */

struct mn_attendance_row {
	int64_t child_id;
	char school_code[32];
	char full_name[256];
	/* Sheet letter per day of month (index 0 = day 1), "" when empty. */
	char marks[31][2];
	int present;		/* x and M */
	int excused;
	int unexcused;
	int late;
};

/*
 * The month's attendance sheet of a class: a row per child who was in
 * the class on some day of the month, in name order.  A day has a letter
 * only when it is a school day, attendance was saved and the child was
 * in the class.  day_present[] (shown on days taken) and the totals
 * form the last row "Tổng".
 */
struct mn_attendance_sheet {
	int64_t class_id;
	char class_code[MN_ATT_CODE_MAX + 1];
	int year, month, days;	/* days in the month */
	bool school_day[31];
	bool taken[31];		/* attendance was saved on that day */
	struct mn_attendance_row *rows;
	size_t count;
	int day_present[31];
	int present, excused, unexcused, late;
};

/*
 * Builds the sheet of the class with code for month (1-12) of year.
 * Same access as reading the class's attendance.  Free with
 * mn_attendance_sheet_free.
 */
int mn_attendance_sheet(struct mn_ctx *ctx, const char *class_code,
    int year, int month, struct mn_attendance_sheet *sheet,
    struct mn_error *err);
void mn_attendance_sheet_free(struct mn_attendance_sheet *sheet);
/* Writes the sheet as CSV (RFC 4180, UTF-8, CRLF line ends) to out. */
int mn_attendance_sheet_csv(const struct mn_attendance_sheet *sheet,
    FILE *out, struct mn_error *err);
/* Writes the sheet as an XLSX workbook at path, set up for printing. */
int mn_attendance_sheet_xlsx(const struct mn_attendance_sheet *sheet,
    const char *path, struct mn_error *err);

/* ---- A child's month ------------------------------------------------- */

struct mn_child_day {
	struct mn_date day;
	bool school_day;
	bool marked;		/* attendance saved with this child */
	enum mn_mark mark;
	char note[4 * MN_ATT_NOTE_MAX + 1];
	bool has_log;		/* a daily log exists; see dailylog.h */
};

struct mn_child_month {
	int64_t child_id;
	int year, month, days;
	struct mn_child_day day[31];
	int present, excused, unexcused, late;
};

/*
 * Fills a child's attendance for the month.  Principal, nurse, host, the
 * teachers of a class the child was in during the month, and a parent
 * linked to the child.
 */
int mn_attendance_child_month(struct mn_ctx *ctx, int64_t child_id,
    int year, int month, struct mn_child_month *out, struct mn_error *err);

/* ---- Helpers shared with the daily log ------------------------------- */

/*
 * Checks that the actor may write the class's records for day: role and
 * class scope, a school day of a school year, not in the future, inside
 * the teacher's edit window.
 */
int mn_attendance_check_write(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, struct mn_error *err);
/* True when the actor is a teacher assigned to the class. */
bool mn_attendance_teaches(struct mn_ctx *ctx, int64_t class_id);
/* Checks that the actor may read the class's records with names. */
int mn_attendance_check_read(struct mn_ctx *ctx, int64_t class_id,
    struct mn_error *err);
/* True when the child's class history places it in class_id on day. */
bool mn_attendance_child_in_class(struct mn_ctx *ctx, int64_t child_id,
    int64_t class_id, const struct mn_date *day);

/*
 * Fills the demo school's attendance and daily logs for each school day
 * of the current school year up to today, deterministic from seed.
 */
int mn_demo_attendance(struct mn_ctx *ctx, unsigned seed,
    struct mn_error *err);

#endif
