/*
 * Helpers shared by the kitchen source files (kitchen.c, kitchen_menu.c,
 * kitchen_book.c, kitchen_safety.c), not part of the core interface.
 */
#ifndef MN_CORE_KITCHEN_PRIV_H
#define MN_CORE_KITCHEN_PRIV_H

#include <time.h>

#include "core/access.h"
#include "core/kitchen.h"

/*
 * Roles allowed for each kitchen action, read from the table of
 * access.c (mn_action_roles), so that kitchen_require keeps taking a
 * mask.
 */
#define MAY_READ_MENU mn_action_roles(MN_ACT_MENU_READ)
#define MAY_PLAN mn_action_roles(MN_ACT_KITCHEN_PLAN)
#define MAY_APPROVE mn_action_roles(MN_ACT_MENU_APPROVE)
#define MAY_COUNT_ATTENDANCE mn_action_roles(MN_ACT_MEAL_COUNT_WRITE)
#define MAY_SEE_MARKET mn_action_roles(MN_ACT_MARKET_READ)
#define MAY_FEES mn_action_roles(MN_ACT_MEAL_FEES)
#define MAY_SAFETY mn_action_roles(MN_ACT_FOOD_SAFETY)
#define MAY_ALLERGY_WRITE mn_action_roles(MN_ACT_ALLERGY_WRITE)
#define MAY_ALLERGY_READ mn_action_roles(MN_ACT_ALLERGY_READ)
#define MAY_DISH_WRITE mn_action_roles(MN_ACT_DISH_WRITE)
/* For the call sites that still add a role to a mask by hand. */
#define MAY_READ_COUNTS mn_action_roles(MN_ACT_MEAL_COUNT_READ)
#define MAY_READ_COST mn_action_roles(MN_ACT_MEAL_COST_READ)

/* Largest meal count of one age group on one day. */
#define MAX_MEALS 5000
#define MAX_UNIT_PRICE 100000000
#define MAX_FEE 10000000
#define MAX_QUANTITY 100000.0

/* Columns of a food row, aliased f, in kitchen_food_from_row order. */
extern const char kitchen_food_columns[];

/* Writes "YYYY-MM-DD" into buf. */
void kitchen_iso(const struct mn_date *d, char buf[11]);
/* Rejects a date that does not exist, naming field. */
int kitchen_check_date(const struct mn_date *d, const char *field,
    struct mn_error *err);
/* Writes t as "YYYY-MM-DDTHH:MM:SSZ". */
void kitchen_utc_time(time_t t, char *buf, size_t size);
/* Checks the actor's roles against mask, auditing a denial as what. */
int kitchen_require(struct mn_ctx *ctx, unsigned mask, const char *what,
    struct mn_error *err);
/* Steps a statement that returns no row, then finalizes it. */
int kitchen_step_done(struct mn_ctx *ctx, sqlite3_stmt *stmt,
    struct mn_error *err);
/* Appends an audit row without values. */
int kitchen_audit(struct mn_ctx *ctx, const char *action, const char *table,
    int64_t row_id, const char *detail, struct mn_error *err);
/* Commits when rc is MN_OK, else rolls back; returns the outcome. */
int kitchen_finish(struct mn_ctx *ctx, int rc, struct mn_error *err);
/* Fills f from kitchen_food_columns starting at column col. */
void kitchen_food_from_row(sqlite3_stmt *stmt, int col, struct mn_food *f);
/* Looks up a food's row id by code; MN_ERR_NOTFOUND names the code. */
int kitchen_food_id(struct mn_ctx *ctx, int code, int64_t *id,
    struct mn_error *err);
/* Rejects a price outside 0..MAX_UNIT_PRICE đồng, naming field. */
int kitchen_check_price(int64_t price, const char *field,
    struct mn_error *err);

/*
 * Copies the name of supplier id into name; MN_ERR_NOTFOUND when it is
 * not in the register, MN_ERR_INVALID when it is inactive or, for a
 * record of day (NULL: not checked), when its food-safety certificate
 * expired before that day.
 */
int kitchen_supplier_name(struct mn_ctx *ctx, int64_t id,
    const struct mn_date *day, char *name, size_t size,
    struct mn_error *err);

/*
 * The first day, in date order, on which dish_id is on a menu that is
 * past (before today) or in an approved week; day->year is 0 when there
 * is none.  *approved is true for an approved week.  No access check.
 */
int kitchen_dish_locked_day(struct mn_ctx *ctx, int64_t dish_id,
    struct mn_date *day, bool *approved, struct mn_error *err);
/*
 * Returns MN_ERR_CONFLICT, naming that day and the remedy (copy the
 * dish), when a past or approved menu fixes the dish.  what starts the
 * message.
 */
int kitchen_dish_refuse_locked(struct mn_ctx *ctx, int64_t dish_id,
    const char *what, struct mn_error *err);

/*
 * MN_ERR_INVALID naming what and the day when day has no school but
 * still has a menu (a holiday added after the menu was planned).
 */
int kitchen_refuse_no_school(struct mn_ctx *ctx, const struct mn_date *day,
    const char *what, struct mn_error *err);

#endif
