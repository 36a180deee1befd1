/*
 * Daily logs: for each child and school day, how the child ate at each
 * meal, the nap, health observations and notes on behaviour and
 * learning.  Also the class diary of the day's activities.  The same
 * access and date rules as attendance apply (see attendance.h).
 */
#ifndef MN_CORE_DAILYLOG_H
#define MN_CORE_DAILYLOG_H

#include "core/date.h"
#include "core/mn.h"
#include "core/nutrition.h"	/* enum mn_meal */

/* How much of a meal a child ate; MN_INTAKE_NONE when not recorded. */
enum mn_intake {
	MN_INTAKE_NONE = 0,
	MN_INTAKE_ALL,		/* ăn hết */
	MN_INTAKE_PART,		/* ăn một phần */
	MN_INTAKE_REFUSED,	/* không ăn */
	MN_INTAKE_COUNT
};

#define MN_LOG_TEXT_MAX 500	/* characters in each free-text field */
#define MN_TEMP_MIN 34.0	/* degrees Celsius accepted */
#define MN_TEMP_MAX 43.0
#define MN_NAP_MAX 300		/* minutes */

/* Returns the label of an intake in the interface language. */
const char *mn_intake_label(enum mn_intake intake);
/* Returns the intake after i in the cycle none, all, part, refused. */
enum mn_intake mn_intake_next(enum mn_intake i);

struct mn_daily_log {
	int64_t child_id;
	char school_code[32];
	char full_name[256];
	struct mn_date day;
	enum mn_intake meals[MN_MEAL_COUNT];	/* by enum mn_meal */
	int nap_minutes;	/* -1 when not recorded */
	double temperature;	/* degrees Celsius, 0 when not taken */
	char symptoms[4 * MN_LOG_TEXT_MAX + 1];
	char medicine[4 * MN_LOG_TEXT_MAX + 1];	/* medicine given */
	char behaviour[4 * MN_LOG_TEXT_MAX + 1];
	char learning[4 * MN_LOG_TEXT_MAX + 1];
	int64_t version;	/* 0 while no log exists */
};

/*
 * Checks one log's values: temperature 34-43 °C or 0, nap 0-300 minutes
 * or -1, meals in range, text cleanable.  Cleans the texts in place.
 */
int mn_dailylog_check(struct mn_daily_log *log, struct mn_error *err);

/*
 * Loads the logs of every child of the class on day, in name order;
 * children without a log get an empty one (version 0).  Free *logs.
 */
int mn_dailylog_load_class(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, struct mn_daily_log **logs, size_t *count,
    struct mn_error *err);

/* Loads one child's log of day; an empty one (version 0) if none. */
int mn_dailylog_get(struct mn_ctx *ctx, int64_t child_id,
    const struct mn_date *day, struct mn_daily_log *log,
    struct mn_error *err);

/*
 * Saves the logs of the class's grid in one transaction with one audit
 * row per changed log.  Each log's version must be the one loaded.  When
 * another account saved a log in between, nothing is written and err
 * names the child.  *conflict_index (if not NULL) is then the index of
 * the first such log: reload it with mn_dailylog_get for the other
 * values.
 * On success every version is updated.
 */
int mn_dailylog_save_class(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, struct mn_daily_log *logs, size_t count,
    size_t *conflict_index, struct mn_error *err);

/* Loads the class diary of day into a malloc'd *text ("" if none). */
int mn_diary_get(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, char **text, int64_t *version,
    struct mn_error *err);

/*
 * Saves the class diary; *version must be the one loaded (0 for a new
 * diary) and is updated.  MN_ERR_CONFLICT when it changed meanwhile.
 */
int mn_diary_save(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, const char *text, int64_t *version,
    struct mn_error *err);

#endif
