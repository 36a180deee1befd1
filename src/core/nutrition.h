/*
 * Balanced-portion calculation (cân đối khẩu phần), market list and the
 * meal-fee book as pure functions: no SQL, no globals besides the
 * interface language, so the tests can check them by hand.
 *
 * Rounding rule: everything is computed in double and rounded only for
 * display (grams and kcal to 1 decimal, shares to 1 decimal) with
 * mn_round_half_up.  Money is the exception: each market line's amount
 * is rounded to whole đồng, half up, and totals are sums of the rounded
 * lines, so a printed list always adds up.
 */
#ifndef MN_CORE_NUTRITION_H
#define MN_CORE_NUTRITION_H

#include "core/foods.h"

enum mn_age_group {
	MN_GROUP_NHA_TRE,	/* crèche, 12-36 months */
	MN_GROUP_MAU_GIAO,	/* kindergarten, 3-6 years */
	MN_GROUP_COUNT
};

enum mn_meal {
	MN_MEAL_BREAKFAST,	/* bữa sáng, where the school serves it */
	MN_MEAL_LUNCH,		/* bữa trưa */
	MN_MEAL_AFTERNOON,	/* bữa chiều (main meal of the crèche) */
	MN_MEAL_SNACK,		/* bữa phụ */
	MN_MEAL_COUNT
};

/* "nha-tre" / "mau-giao", the form used in files and on the command line. */
const char *mn_menu_group_key(enum mn_age_group g);
const char *mn_menu_group_label(enum mn_age_group g);
int mn_menu_group_parse(const char *text, enum mn_age_group *g,
    struct mn_error *err);
/* "breakfast", "lunch", "afternoon", "snack". */
const char *mn_meal_key(enum mn_meal m);
const char *mn_meal_label(enum mn_meal m);
int mn_meal_parse(const char *text, enum mn_meal *m, struct mn_error *err);

/* Rounds half away from zero to decimals places; see the file comment. */
double mn_round_half_up(double x, int decimals);
/* Rounds an amount of money to whole đồng, half away from zero. */
int64_t mn_round_money(double amount);

/* Closed range; a NAN bound is not checked. */
struct mn_range {
	double min;
	double max;
};

/*
 * What one child of an age group should get at school in a day.  The
 * database keeps these with an "effective from" date; the defaults are
 * the national preschool programme's figures.
 */
struct mn_requirement {
	struct mn_range kcal;		/* energy at school, kcal */
	struct mn_range protein_pct;	/* share of energy, % */
	struct mn_range lipid_pct;
	struct mn_range glucid_pct;
	struct mn_range animal_protein_pct;	/* of all protein, % */
	struct mn_range animal_lipid_pct;	/* of all lipid, % */
	struct mn_range calcium_mg;
	struct mn_range iron_mg;
	struct mn_range vitamin_a_ug;	/* retinol equivalents */
	struct mn_range vitamin_b1_mg;
	struct mn_range vitamin_c_mg;
	double daily_kcal;		/* whole-day need, for meal shares */
	struct mn_range meal_pct[MN_MEAL_COUNT];	/* of daily_kcal, % */
};

/* Fills r with the programme's figures for group (see NUTRITION.md). */
void mn_requirement_default(enum mn_age_group group, struct mn_requirement *r);

/* One food of one dish of one meal, in edible grams per child. */
struct mn_portion {
	const struct mn_food *food;
	enum mn_meal meal;
	double edible_g;
};

/*
 * Nutrients per child.  Energy used for every share is kcal = 4 P + 9 L
 * + 4 G (Atwater); the table's own energy column is summed separately
 * into value[MN_NUT_ENERGY] and shown beside it.
 */
struct mn_nutrition {
	double value[MN_NUT_COUNT];	/* sums from the table */
	unsigned missing;		/* bit n: some food lacked nutrient n */
	double kcal;			/* 4 P + 9 L + 4 G */
	double protein_animal, protein_vegetable;
	double lipid_animal, lipid_vegetable;
	double protein_pct, lipid_pct, glucid_pct;	/* of kcal */
	double animal_protein_pct, animal_lipid_pct;
	double vitamin_a_ug;		/* retinol + beta-carotene / 6 */
	double meal_kcal[MN_MEAL_COUNT];	/* 4/9/4 per meal */
	double meal_pct[MN_MEAL_COUNT];		/* share of kcal, % */
	unsigned meals;			/* bit m: meal m served */
	int days;			/* days averaged (1 for one day) */
};

/*
 * Sums the portions of one day.  Rejects (MN_ERR_INVALID, nothing
 * computed) a portion without food or with a weight outside
 * (0, 2000] g, and an empty day.
 */
int mn_nutrition_compute(const struct mn_portion *portions, size_t count,
    struct mn_nutrition *out, struct mn_error *err);

/*
 * Averages days (each from mn_nutrition_compute) into out: grams and
 * milligrams are averaged, shares are recomputed from the averages.
 */
void mn_nutrition_average(const struct mn_nutrition *days, size_t count,
    struct mn_nutrition *out);

/* The values compared with a requirement, in the order shown. */
enum mn_check_item {
	MN_CHECK_KCAL,
	MN_CHECK_PROTEIN_PCT,
	MN_CHECK_LIPID_PCT,
	MN_CHECK_GLUCID_PCT,
	MN_CHECK_ANIMAL_PROTEIN_PCT,
	MN_CHECK_ANIMAL_LIPID_PCT,
	MN_CHECK_CALCIUM,
	MN_CHECK_IRON,
	MN_CHECK_VITAMIN_A,
	MN_CHECK_VITAMIN_B1,
	MN_CHECK_VITAMIN_C,
	MN_CHECK_MEAL_FIRST,	/* one per meal served: share of daily_kcal */
	MN_CHECK_COUNT = MN_CHECK_MEAL_FIRST + MN_MEAL_COUNT
};

struct mn_check {
	double value;		/* unrounded */
	struct mn_range target;
	bool checked;		/* false: no bound set, or meal not served */
	bool meets;		/* rounded value within target */
};

/*
 * Compares n with r.  A value meets its target when, rounded to the
 * decimals it is printed with (mn_check_decimals), it lies within the
 * closed range, so the verdict never contradicts the printed number.
 */
void mn_nutrition_evaluate(const struct mn_nutrition *n,
    const struct mn_requirement *r, struct mn_check out[MN_CHECK_COUNT]);
const char *mn_check_label(enum mn_check_item item);
const char *mn_check_unit(enum mn_check_item item);
/* Decimals a check value is printed with: 2 for vitamin B1, else 1. */
int mn_check_decimals(enum mn_check_item item);
/* "đạt" / "chưa đạt", or "" when not checked. */
const char *mn_check_verdict(const struct mn_check *c);

/* One food of the day for the market list: per child and children. */
struct mn_market_need {
	const struct mn_food *food;
	double edible_g;	/* per child */
	int children;		/* meals of that age group */
	int64_t unit_price;	/* đồng per purchase unit; < 0 unknown */
};

struct mn_market_line {
	const struct mn_food *food;
	double edible_g;	/* total edible grams */
	double bought_g;	/* edible / (1 - refuse) */
	double quantity;	/* purchase units, rounded up (see .c) */
	int64_t unit_price;	/* < 0: no price known */
	int64_t amount;		/* quantity x price, whole đồng */
};

struct mn_market_list {
	struct mn_market_line *lines;	/* one per food, in first-seen order */
	size_t count;
	int64_t total;			/* sum of the line amounts */
	int missing_prices;		/* lines without a price */
	struct mn_food *owned_foods;	/* foods loaded for the lines by the
					   caller; freed by mn_market_free */
};

/*
 * Builds the market list: needs of the same food are summed, converted
 * to bought weight and purchase units, priced and totalled.  Rejects
 * negative or absurd weights, counts and prices with field and value.
 */
int mn_market_compute(const struct mn_market_need *needs, size_t count,
    struct mn_market_list *out, struct mn_error *err);
void mn_market_free(struct mn_market_list *list);
/*
 * Bought grams for edible grams of a food with refuse_pct % refuse:
 * edible / (1 - refuse / 100), unrounded.  NAN for refuse outside
 * [0, 100).
 */
double mn_bought_grams(double edible_g, double refuse_pct);

/* True when the purchase unit is a weight or volume ("kg", "lít"). */
bool mn_unit_divisible(const char *unit);

/* One day of the meal-fee book as input. */
struct mn_fee_day {
	char date[11];				/* YYYY-MM-DD */
	int children[MN_GROUP_COUNT];		/* meals eaten */
	int64_t fee[MN_GROUP_COUNT];		/* đồng per child per day */
	int64_t spent;				/* purchases of the day */
};

/* One day of the meal-fee book as output. */
struct mn_fee_row {
	char date[11];
	int children;			/* all groups */
	int64_t money_in;		/* sum of fee x children */
	int64_t money_out;
	int64_t day_balance;		/* in - out (thừa / thiếu) */
	int64_t balance;		/* carried to the next day */
	int64_t cost_per_child;		/* out / children, whole đồng */
};

/*
 * Computes the book: each day's income and balance, starting from
 * opening (the balance carried from before the first day).  rows must
 * hold count entries.
 */
void mn_fee_book_compute(const struct mn_fee_day *days, size_t count,
    int64_t opening, struct mn_fee_row *rows);

#endif
