/*
 * Editing the kitchen's reference data: the food table, prices by date,
 * dishes with their ingredients, the supplier register and the nutrition
 * requirements.  Reads return the row version, and writes of an existing
 * row take the version read and report MN_ERR_CONFLICT when someone else
 * saved in between.
 *
 * Rights: MN_KITCHEN_PLAN writes foods, prices and suppliers,
 * MN_KITCHEN_DISHES writes dishes and MN_KITCHEN_APPROVE requirements.
 * MN_KITCHEN_READ_MENU reads foods, dishes and requirements, and
 * MN_KITCHEN_SEE_MARKET or MN_KITCHEN_SAFETY reads suppliers.
 */
#ifndef MN_CORE_KITCHEN_EDIT_H
#define MN_CORE_KITCHEN_EDIT_H

#include "core/kitchen.h"

/* ---- Foods and prices ----------------------------------------------- */

/* Adds a food with a new code; figures are checked by mn_food_check. */
int mn_kitchen_food_add(struct mn_ctx *ctx, const struct mn_food *f,
    struct mn_error *err);

/* Replaces the figures of the food with f->code; version is the one read. */
int mn_kitchen_food_update(struct mn_ctx *ctx, const struct mn_food *f,
    int64_t version, struct mn_error *err);

/* A food of the database with its version and its price on a day. */
struct mn_food_row {
	struct mn_food food;
	int64_t version;
	int64_t unit_price;	/* đồng per purchase unit; -1: no price */
	char price_from[11];	/* "YYYY-MM-DD" the price applies from */
};

/*
 * Lists every food by group and code with the price in force on day.
 * Free *out.
 */
int mn_kitchen_food_list(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_food_row **out, size_t *count, struct mn_error *err);

/* Loads one food by code with its version and the price in force on day. */
int mn_kitchen_food_get(struct mn_ctx *ctx, int code,
    const struct mn_date *day, struct mn_food_row *out,
    struct mn_error *err);

/* One price of a food from a date on. */
struct mn_price_row {
	char effective_from[11];
	int64_t unit_price;
	char changed_by[64];
	char changed_at[32];	/* UTC */
};

/* Lists the prices of a food, newest date first; free *out. */
int mn_kitchen_price_history(struct mn_ctx *ctx, int code,
    struct mn_price_row **out, size_t *count, struct mn_error *err);

/* The price of a food in force on day, or -1 when none applies yet. */
int mn_kitchen_price_on(struct mn_ctx *ctx, int code,
    const struct mn_date *day, int64_t *unit_price, struct mn_error *err);

/* ---- Dishes ------------------------------------------------------------ */

/* A dish with its ingredient counts per age group. */
struct mn_dish_summary {
	int64_t id;
	int64_t version;
	char name[201];
	int items[MN_GROUP_COUNT];
};

/* Lists every dish by name; free *out. */
int mn_kitchen_dishes(struct mn_ctx *ctx, struct mn_dish_summary **out,
    size_t *count, struct mn_error *err);

/* A dish with its ingredients and their foods, in group and food order. */
struct mn_dish_detail {
	int64_t id;
	int64_t version;
	char name[201];
	struct mn_dish_item *items;
	struct mn_food *foods;		/* foods[i] is items[i]'s food */
	size_t count;
};

/* Loads a dish; MN_ERR_NOTFOUND names it.  Free with mn_dish_detail_free. */
int mn_kitchen_dish_get(struct mn_ctx *ctx, int64_t id,
    struct mn_dish_detail *out, struct mn_error *err);
void mn_dish_detail_free(struct mn_dish_detail *d);

/* Renames a dish; version is the one read. */
int mn_kitchen_dish_rename(struct mn_ctx *ctx, int64_t id, int64_t version,
    const char *name, struct mn_error *err);

/* ---- Suppliers ---------------------------------------------------------- */

/* A supplier of the register. */
struct mn_supplier {
	int64_t id;			/* 0 for a new supplier */
	int64_t version;
	char name[201];
	char address[301];
	char phone[32];			/* canonical digits, or "" */
	char supplies[301];		/* what the supplier delivers */
	char certificate_no[64];	/* food-safety certificate, or "" */
	char certificate_expiry[11];	/* "YYYY-MM-DD", or "" */
	bool active;
};

/*
 * Checks a supplier: name of 1 to 200 characters, address and supplies
 * up to 300, a Vietnamese phone number or nothing, a certificate number
 * up to 60 characters and its expiry date (both or neither).  The text
 * is cleaned into out.
 */
int mn_kitchen_supplier_check(const struct mn_supplier *s,
    struct mn_supplier *out, struct mn_error *err);

/*
 * Adds (s->id 0) or updates a supplier with the version read; sets
 * s->id and s->version to the stored ones.
 */
int mn_kitchen_supplier_save(struct mn_ctx *ctx, struct mn_supplier *s,
    struct mn_error *err);

/* Lists suppliers by name, only the active ones when active_only. */
int mn_kitchen_supplier_list(struct mn_ctx *ctx, bool active_only,
    struct mn_supplier **out, size_t *count, struct mn_error *err);

/* Loads one supplier; MN_ERR_NOTFOUND names the id. */
int mn_kitchen_supplier_get(struct mn_ctx *ctx, int64_t id,
    struct mn_supplier *out, struct mn_error *err);

/* Finds an active supplier by its exact name; MN_ERR_NOTFOUND names it. */
int mn_kitchen_supplier_find(struct mn_ctx *ctx, const char *name,
    int64_t *id, struct mn_error *err);

/*
 * Records a purchase from a supplier of the register (supplier_id > 0,
 * which must be active) or from none (0).  The supplier's name is also
 * kept in the purchase's text column.
 */
int mn_kitchen_purchase_add_from(struct mn_ctx *ctx,
    const struct mn_date *day, int food_code, double quantity,
    int64_t unit_price, int64_t supplier_id, int64_t *id,
    struct mn_error *err);

/* ---- Requirements -------------------------------------------------------- */

/* One stored requirement of an age group. */
struct mn_requirement_row {
	char effective_from[11];
	struct mn_requirement r;
	int64_t version;
	char changed_by[64];
};

/* Lists the requirements of group, newest date first; free *out. */
int mn_kitchen_requirement_list(struct mn_ctx *ctx, enum mn_age_group group,
    struct mn_requirement_row **out, size_t *count, struct mn_error *err);

#endif
