/*
 * The food composition table: values per 100 g of edible part, the share
 * of refuse (thải bỏ) in the bought weight, animal or vegetable origin and
 * the purchase unit.  The program ships the Vietnamese Food Composition
 * Table 2007 of the National Institute of Nutrition as data/foods/foods.csv,
 * compiled into foods_table.c.  The kitchen may import its own CSV file in
 * the same format.
 *
 * This module parses and checks food files and does no SQL.
 */
#ifndef MN_CORE_FOODS_H
#define MN_CORE_FOODS_H

#include "core/mn.h"

/* Nutrients kept per food, in the order of the CSV columns. */
enum mn_nutrient {
	MN_NUT_ENERGY,		/* kcal, as printed in the table */
	MN_NUT_PROTEIN,		/* g */
	MN_NUT_LIPID,		/* g */
	MN_NUT_GLUCID,		/* g (carbohydrate) */
	MN_NUT_FIBRE,		/* g */
	MN_NUT_CALCIUM,		/* mg */
	MN_NUT_IRON,		/* mg */
	MN_NUT_RETINOL,		/* µg (vitamin A as retinol) */
	MN_NUT_BETA_CAROTENE,	/* µg */
	MN_NUT_B1,		/* mg */
	MN_NUT_C,		/* mg */
	MN_NUT_COUNT
};

#define MN_FOOD_NAME_MAX 128
#define MN_FOOD_UNIT_MAX 16
#define MN_FOOD_GROUP_COUNT 14

struct mn_food {
	int code;			/* the 2007 table's code, e.g. 1004 */
	char name[MN_FOOD_NAME_MAX];	/* Vietnamese, NFC */
	int group;			/* 1..14, the table's food group */
	bool animal;			/* animal origin (meat, fish, egg, milk,
					   animal fats, fish sauce) */
	double refuse_pct;		/* share of bought weight thrown away */
	double value[MN_NUT_COUNT];	/* per 100 g edible part */
	unsigned known;			/* bit n set when value[n] was given */
	char purchase_unit[MN_FOOD_UNIT_MAX];	/* "kg", "lít", "quả" */
	double unit_grams;		/* bought grams in one purchase unit */
};

/* A growable list of foods, filled by mn_foods_parse. */
struct mn_food_list {
	struct mn_food *items;
	size_t count;
	size_t cap;
};

/* Column name in the CSV file ("protein_g"). */
const char *mn_nutrient_key(enum mn_nutrient n);
/* Name shown to the user, in the interface language. */
const char *mn_nutrient_label(enum mn_nutrient n);
/* Unit shown after the value ("kcal", "g", "mg", "µg"). */
const char *mn_nutrient_unit(enum mn_nutrient n);
/* Name of food group 1..14 in the interface language, or "?". */
const char *mn_food_group_label(int group);

/* The header line every food CSV file starts with, without newline. */
const char *mn_foods_csv_header(void);

/*
 * Parses a whole food CSV text (UTF-8, LF or CRLF, lines starting with
 * '#' ignored, header line required).  Every row is checked: numbers,
 * ranges, required cells, duplicate codes and names.  On any error,
 * nothing is added to out and err names the first bad line and field,
 * the value and the expected form, and counts the other errors.
 */
int mn_foods_parse(const char *text, size_t len, struct mn_food_list *out,
    struct mn_error *err);

/* Reads and parses a file, returning MN_ERR_IO when it cannot be read. */
int mn_foods_parse_file(const char *path, struct mn_food_list *out,
    struct mn_error *err);

void mn_food_list_free(struct mn_food_list *list);

/*
 * Checks one food as a CSV row is checked: code 1-999999, name of 1 to
 * 127 bytes, group 1-14, refuse 0-95 %, each known nutrient within its
 * plausible range per 100 g (energy and protein required), protein +
 * lipid + glucid at most 100 g, a unit of 1 to 15 bytes and its weight
 * above 0 g.  MN_ERR_INVALID names the CSV column ("protein_g").
 */
int mn_food_check(const struct mn_food *f, struct mn_error *err);

/* Finds a food by code in any table by linear search; NULL when absent. */
const struct mn_food *mn_foods_find(const struct mn_food *table,
    size_t count, int code);

/* The table compiled into the program (foods_table.c). */
const struct mn_food *mn_foods_builtin(size_t *count);

#endif
