/*
 * Read-only lists of the kitchen records for the screens: dishes to pick
 * from, a day's meal counts with their correction, the meal fee in
 * force, and a day's food-safety entries.  Each function checks the
 * actor's role like the kitchen.h function that writes the same rows.
 */
#ifndef MN_CORE_KITCHEN_VIEW_H
#define MN_CORE_KITCHEN_VIEW_H

#include "core/kitchen.h"

/* A dish that has ingredients for the requested age group. */
struct mn_dish_info {
	int64_t id;
	char name[201];
	int items;		/* ingredients for that age group */
};

/* Lists the dishes with ingredients for group, by name; free *out. */
int mn_kitchen_dish_list(struct mn_ctx *ctx, enum mn_age_group group,
    struct mn_dish_info **out, size_t *count, struct mn_error *err);

/* The three meal counts of a day and age group; -1 when not set. */
struct mn_meal_count_info {
	int planned;
	int from_attendance;
	int manual;
	int effective;		/* as mn_kitchen_meals returns it */
	char manual_by[64];
	char manual_reason[256];
	char changed_at[32];
};

int mn_kitchen_meal_count_get(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, struct mn_meal_count_info *out,
    struct mn_error *err);

/* The meal fee per child of group in force on day (0 when none is set). */
int mn_kitchen_meal_fee(struct mn_ctx *ctx, enum mn_age_group group,
    const struct mn_date *day, int64_t *fee, struct mn_error *err);

/* Sums the purchases recorded for a day: amount in đồng and rows. */
int mn_kitchen_purchases_total(struct mn_ctx *ctx, const struct mn_date *day,
    int64_t *amount, int *rows, struct mn_error *err);

/* One stored entry of the three-step inspection. */
struct mn_food_check_row {
	int64_t id;
	int step;
	char checked_at[32];	/* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	int meal;		/* enum mn_meal, -1 when none */
	char item[201];
	char supplier[201];
	double quantity;	/* 0: not given */
	char unit[16];
	char checks[512];
	bool accepted;
	char action[256];
	char checked_by[128];
};

/* Lists a day's inspection entries by step and time; free *out. */
int mn_kitchen_food_check_list(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_food_check_row **out, size_t *count, struct mn_error *err);

/* One stored 24-hour food sample. */
struct mn_sample_row {
	int64_t id;
	int meal;
	char dish[201];
	double quantity_g;
	char taken_at[32];	/* UTC */
	char taken_by[128];
	char disposed_at[32];	/* "" while the sample is kept */
	char disposed_by[128];
};

/* Lists a day's food samples by meal and dish; free *out. */
int mn_kitchen_sample_list(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_sample_row **out, size_t *count, struct mn_error *err);

/* Formats a stored UTC time as local "dd/mm HH:MM" ("" for ""). */
void mn_kitchen_local_time(const char *utc, char *buf, size_t size);

#endif
