/*
 * The kitchen in the database: foods and prices, dishes, weekly menus,
 * nutrition requirements, meal counts, the market list, purchases, the
 * meal-fee book, the food-safety logs and allergy flags.  Calculations
 * are done by nutrition.c; this module loads their inputs and stores
 * what people record.
 *
 * Dates are struct mn_date and weeks are ISO weeks "YYYY-Www".
 *
 * Roles: the kitchen writes dishes.  The kitchen and the principal plan
 * menus, prices, purchases and safety logs.  The principal approves a
 * week's menu and edits requirements.  The accountant and the principal
 * see and set meal fees.  The nurse and the principal record allergies.
 * Every role reads menus.
 */
#ifndef MN_CORE_KITCHEN_H
#define MN_CORE_KITCHEN_H

#include <time.h>

#include "core/date.h"
#include "core/nutrition.h"

/*
 * Kitchen rights.  Screens ask mn_kitchen_may so that they offer only
 * the keys the actor may use, and the kitchen functions check the same
 * rights before they read or write.
 */
enum mn_kitchen_right {
	MN_KITCHEN_READ_MENU,	/* menus, dishes, foods, nutrition */
	MN_KITCHEN_PLAN,	/* foods, prices, menus, suppliers, meal
				   counts, purchases */
	MN_KITCHEN_APPROVE,	/* approve a week, edit requirements */
	MN_KITCHEN_SEE_MARKET,	/* market list, purchases, suppliers */
	MN_KITCHEN_FEES,	/* meal fees and the meal-fee book */
	MN_KITCHEN_SAFETY,	/* food-safety logs */
	MN_KITCHEN_ALLERGY_WRITE,
	MN_KITCHEN_ALLERGY_READ,
	MN_KITCHEN_DISHES,	/* add dishes and change their ingredients */
};

/* True when one of the actor's roles has the kitchen right. */
bool mn_kitchen_may(const struct mn_actor *actor,
    enum mn_kitchen_right right);

/* Adds the shipped foods whose code is not in the database yet. */
int mn_kitchen_seed_foods(struct mn_ctx *ctx, int *added,
    struct mn_error *err);

/*
 * Imports a food CSV file (format of data/foods/foods.csv): every row is
 * checked first and nothing is written unless all are valid.  Foods are
 * matched by code: new codes are added, known codes updated.  dry_run
 * checks and counts without writing.
 */
int mn_kitchen_import_foods(struct mn_ctx *ctx, const char *path,
    bool dry_run, int *added, int *updated, struct mn_error *err);

/* Loads one food by its code; MN_ERR_NOTFOUND names the code. */
int mn_kitchen_food(struct mn_ctx *ctx, int code, struct mn_food *out,
    struct mn_error *err);

/* Sets the price of one purchase unit of a food from a date on. */
int mn_kitchen_price_set(struct mn_ctx *ctx, int food_code,
    const struct mn_date *from, int64_t unit_price, struct mn_error *err);

/* One ingredient of a dish: edible grams per child of an age group. */
struct mn_dish_item {
	int food_code;
	enum mn_age_group group;
	double edible_g;
};

/*
 * Creates a dish with its ingredients (kitchen only; the principal
 * reads dishes).  A dish with no ingredients, an unknown food or a
 * weight outside (0, 2000] g is rejected.
 */
int mn_kitchen_dish_add(struct mn_ctx *ctx, const char *name,
    const struct mn_dish_item *items, size_t count, int64_t *id,
    struct mn_error *err);

/* Replaces a dish's ingredients; version is the one read. */
int mn_kitchen_dish_set_items(struct mn_ctx *ctx, int64_t dish_id,
    int64_t version, const struct mn_dish_item *items, size_t count,
    struct mn_error *err);

/*
 * A dish on a menu day that is past or in an approved week keeps its
 * ingredients and name, so that served and approved menus keep their
 * figures: mn_kitchen_dish_set_items and mn_kitchen_dish_rename refuse
 * it (MN_ERR_CONFLICT naming the first such day).  This gives that first
 * day in *day (year 0: the dish may change) and whether it is approved
 * (else past).
 */
int mn_kitchen_dish_locked(struct mn_ctx *ctx, int64_t dish_id,
    struct mn_date *day, bool *approved, struct mn_error *err);

/*
 * Creates a dish named name with the ingredients of dish from_id, so
 * that the kitchen can change a recipe for later menus.
 */
int mn_kitchen_dish_copy(struct mn_ctx *ctx, int64_t from_id,
    const char *name, int64_t *id, struct mn_error *err);

/* Returns the dish id for a name, or MN_ERR_NOTFOUND. */
int mn_kitchen_dish_find(struct mn_ctx *ctx, const char *name, int64_t *id,
    struct mn_error *err);

/*
 * Sets the dishes of one meal of one day (replacing what was there).
 * Rejected on a day without school, in a week already approved, and for
 * a dish with no ingredients for the age group.
 */
int mn_kitchen_menu_set(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, enum mn_meal meal, const int64_t *dish_ids,
    size_t count, struct mn_error *err);

/*
 * Copies a week's menu onto another week, day by weekday.  The target
 * week must be empty; target days without school are skipped and
 * counted in *skipped.
 */
int mn_kitchen_menu_copy_week(struct mn_ctx *ctx, const char *from_week,
    const char *to_week, enum mn_age_group group, int *copied,
    int *skipped, struct mn_error *err);

/*
 * Counts the days from..to that have a menu and those with purchases,
 * with the first such day in *first (year 0: none), so that adding a
 * holiday can warn about them.
 */
int mn_kitchen_days_planned(struct mn_ctx *ctx, const struct mn_date *from,
    const struct mn_date *to, int *menu_days, int *purchase_days,
    struct mn_date *first, struct mn_error *err);

/* Approves (true) or reopens (false) a week's menu; principal only. */
int mn_kitchen_menu_approve(struct mn_ctx *ctx, const char *week,
    enum mn_age_group group, bool approved, struct mn_error *err);

/* True and the status when a week has been approved. */
int mn_kitchen_menu_status(struct mn_ctx *ctx, const char *week,
    enum mn_age_group group, bool *approved, struct mn_error *err);

/* One dish on the menu of a day, for printing. */
struct mn_menu_entry {
	char date[11];
	enum mn_meal meal;
	int64_t dish_id;
	char dish[201];
};

/* Lists a week's menu in date and meal order; free *out. */
int mn_kitchen_menu_week(struct mn_ctx *ctx, const char *week,
    enum mn_age_group group, struct mn_menu_entry **out, size_t *count,
    struct mn_error *err);

/* The requirement in force on a day for an age group. */
int mn_kitchen_requirement(struct mn_ctx *ctx, enum mn_age_group group,
    const struct mn_date *day, struct mn_requirement *r,
    struct mn_error *err);

/*
 * Sets the requirement of an age group from a date on (principal only).
 * A NAN bound is not checked; a bound outside its plausible range or a
 * minimum above its maximum is rejected.
 */
int mn_kitchen_requirement_set(struct mn_ctx *ctx, enum mn_age_group group,
    const struct mn_date *from, const struct mn_requirement *r,
    struct mn_error *err);

/* Computes one child's nutrition for a day's menu. */
int mn_kitchen_day_nutrition(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, struct mn_nutrition *out, struct mn_error *err);

/*
 * Loads one child's portions of a day's menu, one per dish ingredient
 * (count 0 without a menu).  Each portion points into *foods; free both.
 */
int mn_kitchen_day_portions(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, struct mn_portion **portions,
    struct mn_food **foods, size_t *count, struct mn_error *err);

/* The average over the days of a week that have a menu. */
int mn_kitchen_week_nutrition(struct mn_ctx *ctx, const char *week,
    enum mn_age_group group, struct mn_nutrition *out, struct mn_error *err);

/* Meal counts: planned, from attendance, or corrected by hand. */
enum mn_meal_count_kind {
	MN_COUNT_PLANNED,
	MN_COUNT_ATTENDANCE,
	MN_COUNT_MANUAL,	/* needs a reason; records who made it */
};

int mn_kitchen_meals_set(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, enum mn_meal_count_kind kind, int count,
    const char *reason, struct mn_error *err);

/* The effective count (manual, else attendance, else planned; 0 if none). */
int mn_kitchen_meals(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, int *count, struct mn_error *err);

/*
 * Sets both age groups' "from attendance" meal counts of a day to the
 * children present, as mn_attendance_school_day counts them.  A class
 * whose attendance is not saved yet counts all its children.  meals gets
 * the counts set and classes_not_taken the number of such classes, and
 * either may be NULL.
 * Rejected on a day without school (weekend, holiday, outside the
 * school year).
 */
int mn_kitchen_meals_from_attendance(struct mn_ctx *ctx,
    const struct mn_date *day, int meals[MN_GROUP_COUNT],
    int *classes_not_taken, struct mn_error *err);

/*
 * A day's saved meal counts against the attendance now.  stale: some
 * class has saved its attendance and, for an age group without a manual
 * correction, the effective count differs from the children present
 * and late (what mn_kitchen_meals_from_attendance would write).
 */
struct mn_meal_check {
	int saved[MN_GROUP_COUNT];	/* effective counts */
	int attendance[MN_GROUP_COUNT];	/* from attendance now */
	bool manual[MN_GROUP_COUNT];	/* corrected by hand: not stale */
	int classes_taken;
	bool stale;
};

int mn_kitchen_meals_check(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_meal_check *out, struct mn_error *err);
/* Writes the warning for a stale check into buf, or "" when not stale. */
void mn_kitchen_meals_check_text(const struct mn_meal_check *c, char *buf,
    size_t size);

/*
 * The market list of a day: every dish on both age groups' menus, times
 * that group's meal count, priced with the prices in force that day.
 */
int mn_kitchen_market(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_market_list *out, struct mn_error *err);

/* Records a purchase; the amount is quantity x price rounded half up. */
int mn_kitchen_purchase_add(struct mn_ctx *ctx, const struct mn_date *day,
    int food_code, double quantity, int64_t unit_price,
    const char *supplier, int64_t *id, struct mn_error *err);

/* Sets the meal fee per child per day of an age group from a date on. */
int mn_kitchen_meal_fee_set(struct mn_ctx *ctx, enum mn_age_group group,
    const struct mn_date *from, int64_t fee, struct mn_error *err);

/*
 * The meal-fee book of a month ("YYYY-MM"): one row per day that has
 * meals or purchases, with the balance carried from all earlier days in
 * *opening.  Free *rows.
 */
int mn_kitchen_fee_book(struct mn_ctx *ctx, const char *month,
    struct mn_fee_row **rows, size_t *count, int64_t *opening,
    struct mn_error *err);

/* One entry of the three-step food inspection. */
struct mn_food_check {
	int step;		/* 1 receiving, 2 cooking, 3 serving */
	time_t at;
	int meal;		/* enum mn_meal, or -1 for step 1 */
	const char *item;	/* food or dish */
	const char *supplier;	/* step 1, free text kept for old rows */
	int64_t supplier_id;	/* step 1, from the register; 0: none.
				   Its name replaces the supplier text. */
	double quantity;	/* 0: not given */
	const char *unit;
	const char *checks;	/* what was checked and seen */
	bool accepted;
	const char *action;
	const char *checked_by;
};

int mn_kitchen_food_check_add(struct mn_ctx *ctx, const struct mn_date *day,
    const struct mn_food_check *check, int64_t *id, struct mn_error *err);

/* Records a food sample of a dish taken at taken_at. */
int mn_kitchen_sample_add(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_meal meal, int64_t dish_id, double quantity_g, time_t taken_at,
    const char *taken_by, int64_t *id, struct mn_error *err);

/* Records the disposal, which is rejected before 24 hours have passed. */
int mn_kitchen_sample_dispose(struct mn_ctx *ctx, int64_t sample_id,
    time_t at, const char *by, struct mn_error *err);

/* The reason a row of the day's allergy check names the child. */
enum mn_allergy_reason {
	MN_ALLERGY_LINKED,	/* a linked food or group has the food */
	MN_ALLERGY_TEXT,	/* not yet linked, the text names the food */
	MN_ALLERGY_UNLINKED,	/* not yet linked: check by hand */
};

/*
 * One row of a day's allergy check for an age group: a child flagged
 * against a food of a dish, or (MN_ALLERGY_UNLINKED, food and dish
 * empty) a child whose allergy is not yet linked to the food table.
 * via: the linked group that contains the food, "" for a food linked
 * directly or for a match of the text.  from_text is reason ==
 * MN_ALLERGY_TEXT.
 */
struct mn_allergy_child {
	int64_t child_id;
	char name[256];
	char class_code[17];
	char class_name[128];
	enum mn_allergy_reason reason;
	enum mn_meal meal;
	char food[MN_FOOD_NAME_MAX];
	char dish[201];
	char via[96];
	char allergies[1024];	/* the child's allergies text */
	bool from_text;
};

/*
 * Lists the day's allergy check for the children in a class of group
 * on day, by class and name, each child's rows together: first an
 * MN_ALLERGY_UNLINKED row when the allergy is not yet linked (see
 * allergy.h), then one row per dish food the child must not eat.  A
 * linked child is flagged by the links only, and a child not yet linked
 * also by the foods the allergies text names
 * (mn_kitchen_allergy_text_names).  Unlinked children are listed even
 * on a day without a menu.  MN_ACT_ALLERGY_READ; reading names writes
 * one "view" audit row for the list.  Free *out.
 */
int mn_kitchen_allergy_children(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, struct mn_allergy_child **out, size_t *count,
    struct mn_error *err);

/*
 * True when the free allergies text names the food.  The text is cut
 * into items at , ; / . ( ) and "và", and leading words such as "dị ứng"
 * are dropped.  An item names the food when its words are all whole
 * words of the food's name after mn_text_fold, and words written with
 * tone marks must match them too.  See kitchen_allergy.c.
 */
bool mn_kitchen_allergy_text_names(const char *allergies, const char *food);

/* Parses "YYYY-Www" into the Monday of that ISO week. */
int mn_week_parse(const char *text, struct mn_date *monday,
    struct mn_error *err);

#endif
