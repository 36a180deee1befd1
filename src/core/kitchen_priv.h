/*
 * Helpers shared by the kitchen source files (kitchen.c, kitchen_menu.c,
 * kitchen_book.c, kitchen_safety.c), not part of the core interface.
 */
#ifndef MN_CORE_KITCHEN_PRIV_H
#define MN_CORE_KITCHEN_PRIV_H

#include <time.h>

#include "core/kitchen.h"

/*
 * Roles allowed for each kitchen action.  NOTE: these masks stand in for
 * actions of access.h until it has kitchen actions.
 */
#define ALL_ROLES (MN_ROLE_ADMIN | MN_ROLE_PRINCIPAL | MN_ROLE_TEACHER | \
	MN_ROLE_NURSE | MN_ROLE_KITCHEN | MN_ROLE_ACCOUNTANT | \
	MN_ROLE_CLERK | MN_ROLE_PARENT | MN_ROLE_HOST)
#define MAY_READ_MENU ALL_ROLES
#define MAY_PLAN (MN_ROLE_KITCHEN | MN_ROLE_PRINCIPAL | MN_ROLE_HOST)
#define MAY_APPROVE (MN_ROLE_PRINCIPAL | MN_ROLE_HOST)
#define MAY_COUNT_ATTENDANCE (MAY_PLAN | MN_ROLE_TEACHER)
#define MAY_SEE_MARKET (MAY_PLAN | MN_ROLE_ACCOUNTANT)
#define MAY_FEES (MN_ROLE_ACCOUNTANT | MN_ROLE_PRINCIPAL | MN_ROLE_HOST)
#define MAY_SAFETY (MAY_PLAN | MN_ROLE_NURSE)
#define MAY_ALLERGY_WRITE (MN_ROLE_NURSE | MN_ROLE_PRINCIPAL | MN_ROLE_HOST)
#define MAY_ALLERGY_READ (MAY_SAFETY | MN_ROLE_TEACHER)
/* Dishes are the kitchen's recipes: the principal reads them only. */
#define MAY_DISH_WRITE (MN_ROLE_KITCHEN | MN_ROLE_HOST)

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
 * not in the register, MN_ERR_INVALID when it is inactive.
 */
int kitchen_supplier_name(struct mn_ctx *ctx, int64_t id, char *name,
    size_t size, struct mn_error *err);

#endif
