/*
 * The kitchen in the database: foods, dishes, menus and approval, the
 * day's nutrition, meal counts, the market list, purchases and the
 * meal-fee book, food-safety logs, allergy flags (from the link table,
 * and from the allergies text of children not yet linked) and role
 * checks.
 *
 * The test foods are those of test_nutrition.c (per 100 g edible part):
 *
 *   code  food    kcal  P    L    G    Ca  Fe   ret betaC B1   C refuse unit
 *   90001 rice    344   8.0  1.0 76.0  30 1.3    0     0 0.10 0    0  kg
 *   90002 pork    139  19.0  7.0  0.0   7 0.96   2     0 0.90 1    2  kg
 *   90003 carrot   39   1.5  0.2  7.8  43 0.8    0  8285 0.06 8 10.5  kg
 *   90004 oil     900   0  100    0     0 0      0     0 0    0    0  lít 920 g
 *   90005 milk     74   3.9  4.4  4.8 120 0.1   50    22 0.05 1    0  hộp 180 g
 *
 * One kindergarten child's day: lunch "Cơm thịt" = rice 80 g, pork
 * 40 g, carrot 30 g, oil 5 g; snack "Sữa" = milk 180 g.  By hand:
 * P 21.47 g, L 16.58 g, G 71.78 g, kcal (4/9/4) 522.22, table energy
 * 520.7 kcal, calcium 255.7 mg.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/allergy.h"
#include "core/config.h"
#include "core/kitchen.h"
#include "helpers.h"

static const char test_foods[] =
    "code,name,group,origin,refuse_pct,energy_kcal,protein_g,lipid_g,"
    "glucid_g,fibre_g,calcium_mg,iron_mg,retinol_ug,beta_carotene_ug,"
    "vitamin_b1_mg,vitamin_c_mg,purchase_unit,unit_grams\n"
    "90001,Gạo thử,1,vegetable,0,344,8,1,76,0.4,30,1.3,0,0,0.1,0,kg,1000\n"
    "90002,Thịt thử,7,animal,2,139,19,7,0,0,7,0.96,2,0,0.9,1,kg,1000\n"
    "90003,Cà rốt thử,4,vegetable,10.5,39,1.5,0.2,7.8,1.2,43,0.8,0,8285,"
    "0.06,8,kg,1000\n"
    "90004,Dầu thử,6,vegetable,0,900,0,100,0,0,0,0,0,0,0,0,lít,920\n"
    "90005,Sữa thử,10,animal,0,74,3.9,4.4,4.8,0,120,0.1,50,22,0.05,1,"
    "hộp,180\n";

struct fixture {
	struct mn_ctx ctx;
	struct mn_config cfg;
	int64_t lunch, snack;
};

static const struct mn_date monday = { 2026, 11, 30 };	/* 2026-W49 */
static const struct mn_date tuesday = { 2026, 12, 1 };
static const struct mn_date saturday = { 2026, 12, 5 };

static void
act_as(struct mn_ctx *ctx, unsigned roles, const char *login)
{
	ctx->actor.roles = roles;
	ctx->actor.account_id = 0;
	snprintf(ctx->actor.login, sizeof ctx->actor.login, "%s", login);
}

/* A database with the test foods, two dishes and Monday's menu. */
static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct mn_error err = { 0 };
	const char *path = test_write_file("foods.csv", test_foods);
	int added, updated;
	struct mn_dish_item lunch[] = {
		{ 90001, MN_GROUP_MAU_GIAO, 80 },
		{ 90002, MN_GROUP_MAU_GIAO, 40 },
		{ 90003, MN_GROUP_MAU_GIAO, 30 },
		{ 90004, MN_GROUP_MAU_GIAO, 5 },
		{ 90001, MN_GROUP_NHA_TRE, 60 },
	};
	struct mn_dish_item snack[] = { { 90005, MN_GROUP_MAU_GIAO, 180 } };

	mn_set_language(MN_LANG_EN);
	test_open_db(&fx->ctx, &fx->cfg);
	test_add_school_year(&fx->ctx, &monday);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_kitchen_import_foods(&fx->ctx, path, false,
	    &added, &updated, &err), MN_OK);
	assert_int_equal(added, 5);
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Cơm thịt", lunch, 5,
	    &fx->lunch, &err), MN_OK);
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Sữa", snack, 1,
	    &fx->snack, &err), MN_OK);
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &fx->lunch, 1, &err), MN_OK);
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_SNACK, &fx->snack, 1, &err), MN_OK);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	test_close_db(&fx->ctx);
	free(fx);
	mn_set_language(MN_LANG_VI);
	return 0;
}

static int
count_rows(struct mn_ctx *ctx, const char *sql)
{
	sqlite3_stmt *stmt;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(ctx->db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

static void
seed_adds_shipped_table(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_food f;
	size_t shipped;
	int added;

	mn_foods_builtin(&shipped);
	assert_int_equal(mn_kitchen_seed_foods(&fx->ctx, &added, &err), MN_OK);
	assert_int_equal(added, (int)shipped);
	assert_int_equal(mn_kitchen_seed_foods(&fx->ctx, &added, &err), MN_OK);
	assert_int_equal(added, 0);
	/* Gạo tẻ máy, from the 2007 table: 344 kcal, 7.9 / 1.0 / 75.9 g. */
	assert_int_equal(mn_kitchen_food(&fx->ctx, 1004, &f, &err), MN_OK);
	assert_string_equal(f.name, "Gạo tẻ máy");
	assert_true(f.value[MN_NUT_ENERGY] == 344);
	assert_true(f.value[MN_NUT_PROTEIN] == 7.9);
	assert_true(f.value[MN_NUT_GLUCID] == 75.9);
	assert_int_equal(mn_kitchen_food(&fx->ctx, 999999, &f, &err),
	    MN_ERR_NOTFOUND);
	assert_string_equal(err.field, "food");
	assert_non_null(strstr(err.message, "999999"));
}

static void
seeded_requirements_match_defaults(void **state)
{
	struct fixture *fx = *state;
	struct mn_requirement db, def;
	struct mn_error err = { 0 };

	for (int g = 0; g < MN_GROUP_COUNT; g++) {
		const struct mn_range *a[] = { &db.kcal, &db.protein_pct,
		    &db.lipid_pct, &db.glucid_pct, &db.animal_protein_pct,
		    &db.animal_lipid_pct, &db.calcium_mg, &db.iron_mg,
		    &db.vitamin_a_ug, &db.vitamin_b1_mg, &db.vitamin_c_mg };
		const struct mn_range *b[] = { &def.kcal, &def.protein_pct,
		    &def.lipid_pct, &def.glucid_pct, &def.animal_protein_pct,
		    &def.animal_lipid_pct, &def.calcium_mg, &def.iron_mg,
		    &def.vitamin_a_ug, &def.vitamin_b1_mg, &def.vitamin_c_mg };

		assert_int_equal(mn_kitchen_requirement(&fx->ctx, g, &monday,
		    &db, &err), MN_OK);
		mn_requirement_default(g, &def);
		for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
			assert_true(a[i]->min == b[i]->min ||
			    (isnan(a[i]->min) && isnan(b[i]->min)));
			assert_true(a[i]->max == b[i]->max ||
			    (isnan(a[i]->max) && isnan(b[i]->max)));
		}
		assert_true(db.daily_kcal == def.daily_kcal);
		for (int m = 0; m < MN_MEAL_COUNT; m++) {
			assert_true(db.meal_pct[m].min == def.meal_pct[m].min ||
			    (isnan(db.meal_pct[m].min) &&
			    isnan(def.meal_pct[m].min)));
			assert_true(db.meal_pct[m].max == def.meal_pct[m].max ||
			    (isnan(db.meal_pct[m].max) &&
			    isnan(def.meal_pct[m].max)));
		}
	}
}

static void
requirement_set_from_date(void **state)
{
	struct fixture *fx = *state;
	struct mn_requirement r, got;
	struct mn_error err = { 0 };

	mn_requirement_default(MN_GROUP_MAU_GIAO, &r);
	r.kcal.min = 620;
	r.kcal.max = 730;
	r.iron_mg.min = 3.5;
	assert_int_equal(mn_kitchen_requirement_set(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &tuesday, &r, &err), MN_ERR_DENIED);
	act_as(&fx->ctx, MN_ROLE_PRINCIPAL, "hieutruong");
	assert_int_equal(mn_kitchen_requirement_set(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &tuesday, &r, &err), MN_OK);
	assert_int_equal(mn_kitchen_requirement(&fx->ctx, MN_GROUP_MAU_GIAO,
	    &monday, &got, &err), MN_OK);
	assert_true(got.kcal.min == 615);
	assert_true(isnan(got.iron_mg.min));
	assert_int_equal(mn_kitchen_requirement(&fx->ctx, MN_GROUP_MAU_GIAO,
	    &tuesday, &got, &err), MN_OK);
	assert_true(got.kcal.min == 620);
	assert_true(got.kcal.max == 730);
	assert_true(got.iron_mg.min == 3.5);
	assert_true(isnan(got.iron_mg.max));
	assert_true(got.meal_pct[MN_MEAL_SNACK].min == 15);
	/* Setting the same date again updates the row. */
	r.kcal.min = 625;
	assert_int_equal(mn_kitchen_requirement_set(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &tuesday, &r, &err), MN_OK);
	assert_int_equal(mn_kitchen_requirement(&fx->ctx, MN_GROUP_MAU_GIAO,
	    &tuesday, &got, &err), MN_OK);
	assert_true(got.kcal.min == 625);
	/* Bad bounds are rejected with the column named. */
	r.lipid_pct.min = 40;
	assert_int_equal(mn_kitchen_requirement_set(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &tuesday, &r, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "lipid_pct");
	/* Messages name the row as the form shows it, not the column. */
	assert_null(strstr(err.message, "lipid_pct"));
	assert_non_null(strstr(err.message, mn_check_label(
	    MN_CHECK_LIPID_PCT)));
	r.lipid_pct.min = -1;
	assert_int_equal(mn_kitchen_requirement_set(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &tuesday, &r, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "lipid_pct_min");
	assert_null(strstr(err.message, "lipid_pct"));
	r.lipid_pct.min = 25;
	r.daily_kcal = 0;
	assert_int_equal(mn_kitchen_requirement_set(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &tuesday, &r, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "daily_kcal");
	assert_null(strstr(err.message, "daily_kcal"));
}

static void
day_nutrition_from_menu(void **state)
{
	struct fixture *fx = *state;
	struct mn_nutrition n;
	struct mn_error err = { 0 };

	act_as(&fx->ctx, MN_ROLE_TEACHER, "giaovien");
	assert_int_equal(mn_kitchen_day_nutrition(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, &n, &err), MN_OK);
	assert_true(fabs(n.value[MN_NUT_PROTEIN] - 21.47) < 1e-9);
	assert_true(fabs(n.value[MN_NUT_LIPID] - 16.58) < 1e-9);
	assert_true(fabs(n.value[MN_NUT_GLUCID] - 71.78) < 1e-9);
	assert_true(fabs(n.kcal - 522.22) < 1e-9);
	assert_true(fabs(n.value[MN_NUT_ENERGY] - 520.7) < 1e-9);
	assert_true(fabs(n.value[MN_NUT_CALCIUM] - 255.7) < 1e-9);
	assert_true(fabs(n.protein_animal - 14.62) < 1e-9);
	assert_true(fabs(n.meal_kcal[MN_MEAL_LUNCH] - 388.3) < 1e-9);
	/* No crèche menu yet. */
	assert_int_equal(mn_kitchen_day_nutrition(&fx->ctx, &monday,
	    MN_GROUP_NHA_TRE, &n, &err), MN_ERR_NOTFOUND);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &monday,
	    MN_GROUP_NHA_TRE, MN_MEAL_LUNCH, &fx->lunch, 1, &err), MN_OK);
	/* The crèche portion is the 60 g of rice: 4*4.8 + 9*0.6 + 4*45.6. */
	assert_int_equal(mn_kitchen_day_nutrition(&fx->ctx, &monday,
	    MN_GROUP_NHA_TRE, &n, &err), MN_OK);
	assert_true(fabs(n.kcal - (19.2 + 5.4 + 182.4)) < 1e-9);
	assert_int_equal(mn_kitchen_day_nutrition(&fx->ctx, &tuesday,
	    MN_GROUP_MAU_GIAO, &n, &err), MN_ERR_NOTFOUND);
}

static void
week_nutrition_averages_days(void **state)
{
	struct fixture *fx = *state;
	struct mn_nutrition n;
	struct mn_error err = { 0 };

	/* Tuesday: the snack only, 133.92 kcal; average (522.22 + 133.92)/2. */
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &tuesday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_SNACK, &fx->snack, 1, &err), MN_OK);
	assert_int_equal(mn_kitchen_week_nutrition(&fx->ctx, "2026-W49",
	    MN_GROUP_MAU_GIAO, &n, &err), MN_OK);
	assert_int_equal(n.days, 2);
	assert_true(fabs(n.kcal - (522.22 + 133.92) / 2) < 1e-9);
	assert_int_equal(mn_kitchen_week_nutrition(&fx->ctx, "2026-W50",
	    MN_GROUP_MAU_GIAO, &n, &err), MN_ERR_NOTFOUND);
	assert_int_equal(mn_kitchen_week_nutrition(&fx->ctx, "2026-50",
	    MN_GROUP_MAU_GIAO, &n, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "week");
}

static void
bad_dishes_rejected(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_dish_item unknown[] = { { 123456, MN_GROUP_MAU_GIAO, 10 } };
	struct mn_dish_item negative[] = { { 90001, MN_GROUP_MAU_GIAO, -10 } };
	struct mn_dish_item twice[] = {
		{ 90001, MN_GROUP_MAU_GIAO, 10 },
		{ 90001, MN_GROUP_MAU_GIAO, 20 },
	};
	int64_t id;
	int before = count_rows(&fx->ctx, "SELECT count(*) FROM dishes");

	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Rỗng", NULL, 0, &id,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "items");
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Lạ", unknown, 1, &id,
	    &err), MN_ERR_NOTFOUND);
	assert_non_null(strstr(err.message, "123456"));
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Âm", negative, 1, &id,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "edible_g");
	assert_non_null(strstr(err.message, "-10"));
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Đôi", twice, 2, &id,
	    &err), MN_ERR_INVALID);
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Sữa", negative + 0, 0,
	    &id, &err), MN_ERR_INVALID);
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Sữa", twice, 1, &id,
	    &err), MN_ERR_EXISTS);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM dishes"),
	    before);
	/* A stale version is a conflict, and nothing changes. */
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Sữa chua", twice, 1,
	    &id, &err), MN_OK);
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, id, 7,
	    twice, 1, &err), MN_ERR_CONFLICT);
	assert_string_equal(err.field, "version");
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, id, 1,
	    twice, 1, &err), MN_OK);
	assert_int_equal(count_rows(&fx->ctx, "SELECT version FROM dishes "
	    "WHERE name = 'Sữa chua'"), 2);
	/* The snack was served on a past day: it keeps its ingredients. */
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, fx->snack, 1,
	    twice, 1, &err), MN_ERR_CONFLICT);
	assert_string_equal(err.field, "dish");
	assert_int_equal(count_rows(&fx->ctx, "SELECT version FROM dishes "
	    "WHERE name = 'Sữa'"), 1);
}

static void
menu_rules_enforced(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_menu_entry *menu;
	size_t n;
	bool approved;
	int copied, skipped;

	/* No school on Saturday. */
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &saturday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &fx->lunch, 1, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "date");
	/* The snack dish has no crèche ingredients. */
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &monday,
	    MN_GROUP_NHA_TRE, MN_MEAL_SNACK, &fx->snack, 1, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "dish");
	/* The kitchen cannot approve; the principal can. */
	assert_int_equal(mn_kitchen_menu_approve(&fx->ctx, "2026-W49",
	    MN_GROUP_MAU_GIAO, true, &err), MN_ERR_DENIED);
	act_as(&fx->ctx, MN_ROLE_PRINCIPAL, "hieutruong");
	assert_int_equal(mn_kitchen_menu_approve(&fx->ctx, "2026-W49",
	    MN_GROUP_MAU_GIAO, true, &err), MN_OK);
	assert_int_equal(mn_kitchen_menu_status(&fx->ctx, "2026-W49",
	    MN_GROUP_MAU_GIAO, &approved, &err), MN_OK);
	assert_true(approved);
	assert_int_equal(mn_kitchen_menu_approve(&fx->ctx, "2026-W51",
	    MN_GROUP_MAU_GIAO, true, &err), MN_ERR_INVALID);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &tuesday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &fx->lunch, 1, &err),
	    MN_ERR_CONFLICT);
	/* Copy to the next week: Monday only; a second copy is rejected. */
	assert_int_equal(mn_kitchen_menu_copy_week(&fx->ctx, "2026-W49",
	    "2026-W50", MN_GROUP_MAU_GIAO, &copied, &skipped, &err), MN_OK);
	assert_int_equal(copied, 1);
	assert_int_equal(skipped, 0);
	assert_int_equal(mn_kitchen_menu_copy_week(&fx->ctx, "2026-W49",
	    "2026-W50", MN_GROUP_MAU_GIAO, &copied, &skipped, &err),
	    MN_ERR_EXISTS);
	act_as(&fx->ctx, MN_ROLE_TEACHER, "giaovien");
	assert_int_equal(mn_kitchen_menu_week(&fx->ctx, "2026-W50",
	    MN_GROUP_MAU_GIAO, &menu, &n, &err), MN_OK);
	assert_int_equal(n, 2);
	assert_string_equal(menu[0].date, "2026-12-07");
	assert_int_equal(menu[0].meal, MN_MEAL_LUNCH);
	assert_string_equal(menu[0].dish, "Cơm thịt");
	assert_int_equal(menu[1].meal, MN_MEAL_SNACK);
	free(menu);
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &tuesday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &fx->lunch, 1, &err),
	    MN_ERR_DENIED);
}

static void
week_parse_iso_weeks(void **state)
{
	struct mn_date d;

	(void)state;
	assert_int_equal(mn_week_parse("2026-W49", &d, NULL), MN_OK);
	assert_int_equal(d.year, 2026);
	assert_int_equal(d.month, 11);
	assert_int_equal(d.day, 30);
	/* 2026-W01 starts on Monday 29 December 2025. */
	assert_int_equal(mn_week_parse("2026-W01", &d, NULL), MN_OK);
	assert_int_equal(d.year, 2025);
	assert_int_equal(d.month, 12);
	assert_int_equal(d.day, 29);
	/* 2026 has 53 ISO weeks, 2025 has 52. */
	assert_int_equal(mn_week_parse("2026-W53", &d, NULL), MN_OK);
	assert_int_equal(mn_week_parse("2025-W53", &d, NULL), MN_ERR_INVALID);
	assert_int_equal(mn_week_parse("2026-W00", &d, NULL), MN_ERR_INVALID);
	assert_int_equal(mn_week_parse("2026W49", &d, NULL), MN_ERR_INVALID);
}

static void
set_prices(struct fixture *fx)
{
	static const struct { int code; int64_t price; } prices[] = {
		{ 90001, 18000 }, { 90002, 125050 }, { 90003, 15500 },
		{ 90004, 45500 }, { 90005, 7250 },
	};
	const struct mn_date from = { 2026, 11, 1 };
	struct mn_error err = { 0 };

	for (size_t i = 0; i < sizeof prices / sizeof prices[0]; i++)
		assert_int_equal(mn_kitchen_price_set(&fx->ctx, prices[i].code,
		    &from, prices[i].price, &err), MN_OK);
}

/*
 * 100 kindergarten meals on Monday.  By hand: rice 8.00 kg x 18 000 =
 * 144 000; pork 4000 / 0.98 g -> 4.09 kg x 125 050 = 511 454.5 ->
 * 511 455; carrot 3.36 kg x 15 500 = 52 080; oil 0.55 lít x 45 500 =
 * 25 025; milk 100 hộp x 7 250 = 725 000; total 1 457 560.
 */
static void
market_list_from_counts(void **state)
{
	struct fixture *fx = *state;
	struct mn_market_list list;
	struct mn_error err = { 0 };
	int meals;

	set_prices(fx);
	assert_int_equal(mn_kitchen_meals_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_COUNT_PLANNED, 100, NULL, &err), MN_OK);
	assert_int_equal(mn_kitchen_market(&fx->ctx, &monday, &list, &err),
	    MN_OK);
	assert_int_equal(list.count, 5);
	assert_int_equal(list.missing_prices, 0);
	assert_int_equal(list.total, 1457560);
	for (size_t i = 0; i < list.count; i++) {
		const struct mn_market_line *l = &list.lines[i];

		if (l->food->code == 90002) {
			assert_true(fabs(l->quantity - 4.09) < 1e-9);
			assert_int_equal(l->amount, 511455);
		}
		if (l->food->code == 90005)
			assert_true(fabs(l->quantity - 100) < 1e-9);
	}
	mn_market_free(&list);

	/* Attendance overrides the plan; a correction overrides both. */
	assert_int_equal(mn_kitchen_meals_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_COUNT_ATTENDANCE, 90, NULL, &err), MN_OK);
	assert_int_equal(mn_kitchen_meals(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, &meals, &err), MN_OK);
	assert_int_equal(meals, 90);
	assert_int_equal(mn_kitchen_meals_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_COUNT_MANUAL, 95, "", &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "reason");
	assert_int_equal(mn_kitchen_meals_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_COUNT_MANUAL, 95, "5 late sign-ups", &err),
	    MN_OK);
	assert_int_equal(mn_kitchen_meals(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, &meals, &err), MN_OK);
	assert_int_equal(meals, 95);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "meal_counts WHERE manual_by = 'bep' AND planned = 100 AND "
	    "from_attendance = 90"), 1);
	assert_int_equal(mn_kitchen_meals_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_COUNT_PLANNED, -1, NULL, &err),
	    MN_ERR_INVALID);
	assert_int_equal(mn_kitchen_price_set(&fx->ctx, 90001, &monday, -5,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "unit_price");
}

/*
 * Fee 20 000 đ from 1 November.  30 Nov: 100 meals = 2 000 000 in,
 * purchases 8 kg x 18 000 = 144 000 and 4.09 kg x 125 050 = 511 455 out,
 * balance 1 344 545.  1 Dec: 98 meals (attendance) = 1 960 000 in,
 * 100 hộp x 7 250 = 725 000 out; balance 2 579 545; cost per child
 * 725 000 / 98 = 7 397.96 -> 7 398.
 */
static void
fee_book_by_month(void **state)
{
	struct fixture *fx = *state;
	const struct mn_date nov1 = { 2026, 11, 1 };
	struct mn_fee_row *rows;
	struct mn_error err = { 0 };
	int64_t opening, id;
	size_t n;

	assert_int_equal(mn_kitchen_meal_fee_set(&fx->ctx, MN_GROUP_MAU_GIAO,
	    &nov1, 20000, &err), MN_ERR_DENIED);
	act_as(&fx->ctx, MN_ROLE_ACCOUNTANT, "ketoan");
	assert_int_equal(mn_kitchen_meal_fee_set(&fx->ctx, MN_GROUP_MAU_GIAO,
	    &nov1, 20000, &err), MN_OK);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_kitchen_meals_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_COUNT_PLANNED, 100, NULL, &err), MN_OK);
	assert_int_equal(mn_kitchen_meals_set(&fx->ctx, &tuesday,
	    MN_GROUP_MAU_GIAO, MN_COUNT_PLANNED, 100, NULL, &err), MN_OK);
	assert_int_equal(mn_kitchen_meals_set(&fx->ctx, &tuesday,
	    MN_GROUP_MAU_GIAO, MN_COUNT_ATTENDANCE, 98, NULL, &err), MN_OK);
	assert_int_equal(mn_kitchen_purchase_add(&fx->ctx, &monday, 90001, 8,
	    18000, "Chợ Đồng Xuân", &id, &err), MN_OK);
	assert_int_equal(mn_kitchen_purchase_add(&fx->ctx, &monday, 90002,
	    4.09, 125050, "", &id, &err), MN_OK);
	assert_int_equal(count_rows(&fx->ctx, "SELECT amount FROM purchases "
	    "WHERE unit_price = 125050"), 511455);
	assert_int_equal(mn_kitchen_purchase_add(&fx->ctx, &tuesday, 90005,
	    100, 7250, "", &id, &err), MN_OK);
	assert_int_equal(mn_kitchen_purchase_add(&fx->ctx, &tuesday, 90005,
	    -1, 7250, "", &id, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "quantity");
	assert_int_equal(mn_kitchen_purchase_add(&fx->ctx, &tuesday, 77777,
	    1, 7250, "", &id, &err), MN_ERR_NOTFOUND);

	assert_int_equal(mn_kitchen_fee_book(&fx->ctx, "2026-12", &rows, &n,
	    &opening, &err), MN_ERR_DENIED);
	act_as(&fx->ctx, MN_ROLE_ACCOUNTANT, "ketoan");
	assert_int_equal(mn_kitchen_fee_book(&fx->ctx, "2026-11", &rows, &n,
	    &opening, &err), MN_OK);
	assert_int_equal(opening, 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].money_in, 2000000);
	assert_int_equal(rows[0].money_out, 655455);
	assert_int_equal(rows[0].balance, 1344545);
	free(rows);
	assert_int_equal(mn_kitchen_fee_book(&fx->ctx, "2026-12", &rows, &n,
	    &opening, &err), MN_OK);
	assert_int_equal(opening, 1344545);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].date, "2026-12-01");
	assert_int_equal(rows[0].children, 98);
	assert_int_equal(rows[0].money_in, 1960000);
	assert_int_equal(rows[0].money_out, 725000);
	assert_int_equal(rows[0].day_balance, 1235000);
	assert_int_equal(rows[0].balance, 2579545);
	assert_int_equal(rows[0].cost_per_child, 7398);
	free(rows);
	assert_int_equal(mn_kitchen_fee_book(&fx->ctx, "2026-13", &rows, &n,
	    &opening, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "month");
}

static void
food_safety_logs(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	const time_t taken = 1796000000;	/* 2026-11-30 */
	struct mn_food_check c = {
		.step = 1, .at = taken, .meal = -1, .item = "Thịt lợn",
		.supplier = "Công ty thực phẩm A", .quantity = 4.1,
		.unit = "kg", .checks = "tươi, không mùi lạ",
		.accepted = true, .checked_by = "Nguyễn Thị Bếp",
	};
	int64_t id, sample;

	act_as(&fx->ctx, MN_ROLE_NURSE, "yte");
	assert_int_equal(mn_kitchen_food_check_add(&fx->ctx, &monday, &c, &id,
	    &err), MN_OK);
	c.step = 2;
	assert_int_equal(mn_kitchen_food_check_add(&fx->ctx, &monday, &c, &id,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "meal");
	c.meal = MN_MEAL_LUNCH;
	c.checked_by = "";
	assert_int_equal(mn_kitchen_food_check_add(&fx->ctx, &monday, &c, &id,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "checked_by");
	c.step = 4;
	assert_int_equal(mn_kitchen_food_check_add(&fx->ctx, &monday, &c, &id,
	    &err), MN_ERR_INVALID);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "food_checks"), 1);

	/* QĐ 1246/QĐ-BYT: at least 100 g (solid), from food_sample_rules. */
	assert_int_equal(mn_kitchen_sample_add(&fx->ctx, &monday,
	    MN_MEAL_LUNCH, fx->lunch, 5, taken, "Lê Văn Mẫu", &sample, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "quantity_g");
	assert_non_null(strstr(err.message, "100 g"));
	assert_non_null(strstr(err.message, "150 ml"));
	assert_int_equal(mn_kitchen_sample_add(&fx->ctx, &monday,
	    MN_MEAL_LUNCH, fx->lunch, 99.5, taken, "Lê Văn Mẫu", &sample,
	    &err), MN_ERR_INVALID);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "food_samples"), 0);
	/* A later rule applies from its date only. */
	assert_int_equal(sqlite3_exec(fx->ctx.db, "INSERT INTO "
	    "food_sample_rules (effective_from, min_solid_g, min_liquid_ml, "
	    "changed_by, changed_at) VALUES ('2026-12-01', 120, 150, 't', "
	    "'t')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(mn_kitchen_sample_add(&fx->ctx, &tuesday,
	    MN_MEAL_LUNCH, fx->lunch, 110, taken, "Lê Văn Mẫu", &id, &err),
	    MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "120 g"));
	assert_int_equal(mn_kitchen_sample_add(&fx->ctx, &monday,
	    MN_MEAL_LUNCH, fx->lunch, 100, taken, "Lê Văn Mẫu", &sample, &err),
	    MN_OK);
	assert_int_equal(mn_kitchen_sample_add(&fx->ctx, &monday,
	    MN_MEAL_LUNCH, 9999, 100, taken, "Lê Văn Mẫu", &id, &err),
	    MN_ERR_NOTFOUND);
	assert_int_equal(mn_kitchen_sample_dispose(&fx->ctx, sample,
	    taken + 23 * 3600, "Lê Văn Mẫu", &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "disposed_at");
	assert_non_null(strstr(err.message, "23.0 hours"));
	assert_int_equal(mn_kitchen_sample_dispose(&fx->ctx, sample,
	    taken + 24 * 3600, "Lê Văn Mẫu", &err), MN_OK);
	assert_int_equal(mn_kitchen_sample_dispose(&fx->ctx, sample,
	    taken + 25 * 3600, "Lê Văn Mẫu", &err), MN_ERR_CONFLICT);
	/* The schema itself rejects an early disposal. */
	assert_int_not_equal(sqlite3_exec(fx->ctx.db, "UPDATE food_samples "
	    "SET disposed_at = '2026-11-30T10:00:00Z', taken_at = "
	    "'2026-11-30T09:00:00Z'", NULL, NULL, NULL), SQLITE_OK);
}

/*
 * A disposal refused near midnight UTC names both times in the school's
 * time zone: 16:30 UTC on 04/12 is 23:30 in Hà Nội, 17:30 is 00:30 on
 * the next day.
 */
static void
sample_times_are_local(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	const time_t taken = 1796401800;	/* 2026-12-04T16:30:00Z */
	char *old_tz = getenv("TZ") != NULL ? strdup(getenv("TZ")) : NULL;
	int64_t sample;

	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	act_as(&fx->ctx, MN_ROLE_NURSE, "yte");
	assert_int_equal(mn_kitchen_sample_add(&fx->ctx, &monday,
	    MN_MEAL_LUNCH, fx->lunch, 150, taken, "Lê Văn Mẫu", &sample, &err),
	    MN_OK);
	assert_int_equal(mn_kitchen_sample_dispose(&fx->ctx, sample,
	    taken + 3600, "Lê Văn Mẫu", &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "00:30 05/12/2026"));
	assert_non_null(strstr(err.message, "23:30 04/12/2026"));
	assert_null(strstr(err.message, "Z"));
	if (old_tz != NULL)
		setenv("TZ", old_tz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old_tz);
}

static void
allergy_text_matching(void **state)
{
	static const struct {
		const char *text, *food;
		bool named;
	} cases[] = {
		{ "Dị ứng tôm, cua", "Tôm đồng", true },
		{ "Dị ứng tôm, cua", "Cua biển", true },
		{ "dị ứng với sữa bò", "Sữa bò tươi", true },
		{ "TÔM", "Tôm biển", true },
		{ "tôm và trứng", "Trứng gà", true },
		{ "ca rot", "Cà rốt (củ đỏ, vàng)", true },
		{ "ca", "Cà chua", true },
		{ "cá", "Cà chua", false },
		{ "cá", "Cá chép", true },
		{ "trứng gà", "Trứng vịt", false },
		{ "Không dị ứng", "Sữa bò tươi", false },
		{ "phấn hoa", "Hoa lý", false },
		{ "sữa", "Bánh sữa dừa", true },
		{ "", "Sữa bò tươi", false },
		{ "Lạc (đậu phộng)", "Lạc hạt", true },
		{ "Lạc (đậu phộng)", "Đậu phộng rang", true },
		{ "Tôm, cua", "Bánh phồng tôm rán", true },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool named = mn_kitchen_allergy_text_names(cases[i].text,
		    cases[i].food);

		if (named != cases[i].named)
			fail_msg("'%s' names '%s': got %d, expected %d",
			    cases[i].text, cases[i].food, named,
			    cases[i].named);
	}
}

/* Adds a child in class_id from 2026-09-05 (up to to_date, or NULL). */
static int64_t
add_child(struct mn_ctx *ctx, const char *code, const char *name,
    int64_t class_id, const char *allergies, const char *to_date)
{
	char sql[1024];
	int64_t id;

	snprintf(sql, sizeof sql, "INSERT INTO children (school_code, "
	    "full_name, name_fold, name_key, birth_date, sex, class_id, "
	    "enrolment_date, allergies, changed_by, changed_at) VALUES "
	    "('%s', '%s', '%s', '%s', '2021-03-01', 'F', %lld, '2026-09-05', "
	    "'%s', 'test', '2026-09-05T00:00:00Z')", code, name, code, code,
	    (long long)class_id, allergies);
	assert_int_equal(sqlite3_exec(ctx->db, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	id = sqlite3_last_insert_rowid(ctx->db);
	snprintf(sql, sizeof sql, "INSERT INTO child_class_history "
	    "(child_id, class_id, from_date, to_date) VALUES (%lld, %lld, "
	    "'2026-09-05', %s%s%s)", (long long)id, (long long)class_id,
	    to_date ? "'" : "", to_date ? to_date : "NULL",
	    to_date ? "'" : "");
	assert_int_equal(sqlite3_exec(ctx->db, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	return id;
}

static void
allergy_children_both_sources(void **state)
{
	struct fixture *fx = *state;
	struct mn_allergy_child *list;
	struct mn_error err = { 0 };
	int64_t la, mam, pork_child;
	size_t n;
	int views;

	/* The fixture's school year already exists, as id 1. */
	assert_int_equal(sqlite3_exec(fx->ctx.db, "INSERT OR IGNORE INTO "
	    "school_years (name, first_day, last_day, changed_by, changed_at) "
	    "VALUES ('2026-2027', '2026-09-05', '2027-05-31', 'test', "
	    "'2026-09-01T00:00:00Z')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(fx->ctx.db, "INSERT INTO classes "
	    "(school_year_id, code, name, age_group, capacity, changed_by, "
	    "changed_at) VALUES (1, 'LA1', 'Lá 1', 'mg-5-6', 35, 'test', "
	    "'2026-09-01T00:00:00Z'), (1, 'MAM1', 'Mầm 1', 'nt-24-36', 25, "
	    "'test', '2026-09-01T00:00:00Z')", NULL, NULL, NULL), SQLITE_OK);
	la = count_rows(&fx->ctx, "SELECT id FROM classes WHERE code = 'LA1'");
	mam = count_rows(&fx->ctx, "SELECT id FROM classes "
	    "WHERE code = 'MAM1'");
	add_child(&fx->ctx, "C1", "Trần Thị An", la, "Dị ứng sữa", NULL);
	add_child(&fx->ctx, "C2", "Lê Văn Bình", la, "cá, tôm", NULL);
	pork_child = add_child(&fx->ctx, "C3", "Phạm Gia Cường", la, "",
	    NULL);
	add_child(&fx->ctx, "C4", "Đỗ Minh Dũng", la, "ca rot", NULL);
	add_child(&fx->ctx, "C5", "Vũ Thu Em", la, "sữa", "2026-11-01");
	add_child(&fx->ctx, "C6", "Hồ Bảo Giang", mam, "gạo, sữa", NULL);
	act_as(&fx->ctx, MN_ROLE_NURSE, "yte");
	assert_int_equal(mn_allergy_link_food(&fx->ctx, pork_child, 90002,
	    "", &err), MN_OK);

	act_as(&fx->ctx, MN_ROLE_ACCOUNTANT, "ketoan");
	assert_int_equal(mn_kitchen_allergy_children(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, &list, &n, &err), MN_ERR_DENIED);

	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	views = count_rows(&fx->ctx, "SELECT count(*) FROM audit WHERE "
	    "action = 'view' AND table_name = 'children'");
	assert_int_equal(mn_kitchen_allergy_children(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, &list, &n, &err), MN_OK);
	/*
	 * By class then name key (the school code here).  C1, C2 and C4
	 * have a text but no link, so each starts with a "not yet linked"
	 * row; C1's and C4's texts name a food of the day, C2's none.
	 */
	assert_int_equal(n, 6);
	assert_string_equal(list[0].name, "Trần Thị An");
	assert_int_equal(list[0].reason, MN_ALLERGY_UNLINKED);
	assert_string_equal(list[0].allergies, "Dị ứng sữa");
	assert_string_equal(list[1].name, "Trần Thị An");
	assert_string_equal(list[1].class_name, "Lá 1");
	assert_string_equal(list[1].class_code, "LA1");
	assert_string_equal(list[1].food, "Sữa thử");
	assert_string_equal(list[1].dish, "Sữa");
	assert_int_equal(list[1].meal, MN_MEAL_SNACK);
	assert_true(list[1].from_text);
	assert_string_equal(list[2].name, "Lê Văn Bình");
	assert_int_equal(list[2].reason, MN_ALLERGY_UNLINKED);
	assert_string_equal(list[3].name, "Phạm Gia Cường");
	assert_string_equal(list[3].food, "Thịt thử");
	assert_int_equal(list[3].reason, MN_ALLERGY_LINKED);
	assert_false(list[3].from_text);
	assert_string_equal(list[4].name, "Đỗ Minh Dũng");
	assert_int_equal(list[4].reason, MN_ALLERGY_UNLINKED);
	assert_string_equal(list[5].food, "Cà rốt thử");
	assert_int_equal(list[5].meal, MN_MEAL_LUNCH);
	free(list);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM audit "
	    "WHERE action = 'view' AND table_name = 'children'"), views + 1);

	/*
	 * The crèche has no menu on Monday and Tuesday has none at all,
	 * but the unlinked children are listed every day.
	 */
	assert_int_equal(mn_kitchen_allergy_children(&fx->ctx, &monday,
	    MN_GROUP_NHA_TRE, &list, &n, &err), MN_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].name, "Hồ Bảo Giang");
	assert_int_equal(list[0].reason, MN_ALLERGY_UNLINKED);
	free(list);
	assert_int_equal(mn_kitchen_allergy_children(&fx->ctx, &tuesday,
	    MN_GROUP_MAU_GIAO, &list, &n, &err), MN_OK);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(list[i].reason, MN_ALLERGY_UNLINKED);
	free(list);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM audit "
	    "WHERE action = 'view' AND table_name = 'children'"), views + 3);
}

static void
import_checks_before_writing(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	char text[2048];
	const char *path;
	int added, updated;
	int before = count_rows(&fx->ctx, "SELECT count(*) FROM foods");

	/* A good row then a bad one: nothing is written. */
	snprintf(text, sizeof text, "%s%s", test_foods,
	    "90006,Muối thử,13,vegetable,0,0,0,0,0,0,-4,0,0,0,0,0,kg,1000\n");
	path = test_write_file("bad.csv", text);
	assert_int_equal(mn_kitchen_import_foods(&fx->ctx, path, false, &added,
	    &updated, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "calcium_mg");
	assert_non_null(strstr(err.message, "line 7"));
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM foods"),
	    before);

	/* A dry run counts but writes nothing. */
	snprintf(text, sizeof text, "%s%s", test_foods,
	    "90006,Muối thử,13,vegetable,0,0,0,0,0,0,4,0,0,0,0,0,kg,1000\n");
	path = test_write_file("good.csv", text);
	assert_int_equal(mn_kitchen_import_foods(&fx->ctx, path, true, &added,
	    &updated, &err), MN_OK);
	assert_int_equal(added, 1);
	assert_int_equal(updated, 5);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM foods"),
	    before);
	assert_int_equal(mn_kitchen_import_foods(&fx->ctx, path, false, &added,
	    &updated, &err), MN_OK);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM foods"),
	    before + 1);
	assert_int_equal(count_rows(&fx->ctx, "SELECT version FROM foods "
	    "WHERE code = 90001"), 2);

	/* A name already used by another code is rejected. */
	path = test_write_file("clash.csv", "code,name,group,origin,"
	    "refuse_pct,energy_kcal,protein_g,lipid_g,glucid_g,fibre_g,"
	    "calcium_mg,iron_mg,retinol_ug,beta_carotene_ug,vitamin_b1_mg,"
	    "vitamin_c_mg,purchase_unit,unit_grams\n"
	    "90007,Gạo thử,1,vegetable,0,344,8,1,76,,,,,,,,kg,1000\n");
	assert_int_equal(mn_kitchen_import_foods(&fx->ctx, path, false, &added,
	    &updated, &err), MN_ERR_EXISTS);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM foods"),
	    before + 1);
	act_as(&fx->ctx, MN_ROLE_TEACHER, "giaovien");
	assert_int_equal(mn_kitchen_import_foods(&fx->ctx, path, false, &added,
	    &updated, &err), MN_ERR_DENIED);
}

/*
 * The first bad line is reported first, a repeated code or name
 * included, and ';' separates the fields when the header uses it.
 */
static void
import_reports_lines_in_order(void **state)
{
	static const char header[] = "code,name,group,origin,refuse_pct,"
	    "energy_kcal,protein_g,lipid_g,glucid_g,fibre_g,calcium_mg,"
	    "iron_mg,retinol_ug,beta_carotene_ug,vitamin_b1_mg,vitamin_c_mg,"
	    "purchase_unit,unit_grams\n";
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	char text[2048], semi[2048];
	const char *path;
	int added, updated;

	/* Line 3 repeats line 2's code, line 4 its name, line 5 is bad. */
	snprintf(text, sizeof text, "%s%s%s%s%s", header,
	    "91001,Rau thử,4,vegetable,0,20,2,0,3,,,,,,,,kg,1000\n",
	    "91001,Rau khác,4,vegetable,0,20,2,0,3,,,,,,,,kg,1000\n",
	    "91002,Rau thử,4,vegetable,0,20,2,0,3,,,,,,,,kg,1000\n",
	    "91003,Rau hỏng,4,vegetable,0,20,2,0,3,-1,,,,,,,kg,1000\n");
	path = test_write_file("order.csv", text);
	assert_int_equal(mn_kitchen_import_foods(&fx->ctx, path, true, &added,
	    &updated, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "line 3"));
	assert_string_equal(err.field, "code");
	assert_non_null(strstr(err.message, "2 more errors"));

	/* The same good rows with ';' are read as with ','. */
	snprintf(text, sizeof text, "%s%s", header,
	    "91001,Rau thử,4,vegetable,0,20,2,0,3,,,,,,,,kg,1000\n");
	snprintf(semi, sizeof semi, "%s", text);
	for (char *p = semi; *p != '\0'; p++)
		if (*p == ',')
			*p = ';';
	path = test_write_file("semi.csv", semi);
	assert_int_equal(mn_kitchen_import_foods(&fx->ctx, path, false, &added,
	    &updated, &err), MN_OK);
	assert_int_equal(added, 1);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM foods "
	    "WHERE code = 91001 AND name = 'Rau thử' AND energy_kcal = 20"),
	    1);
}

static void
writes_leave_audit_rows(void **state)
{
	struct fixture *fx = *state;

	assert_true(count_rows(&fx->ctx, "SELECT count(*) FROM audit WHERE "
	    "table_name = 'dishes' AND action = 'insert'") == 2);
	assert_true(count_rows(&fx->ctx, "SELECT count(*) FROM audit WHERE "
	    "table_name = 'menu_items'") == 2);
	assert_true(count_rows(&fx->ctx, "SELECT count(*) FROM audit WHERE "
	    "table_name = 'foods' AND action = 'import'") == 1);
}

/* Parents see a week's menu once approved; staff see the draft. */
static void
parents_see_approved_menus_only(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_menu_entry *items;
	struct mn_nutrition n;
	size_t count;

	act_as(&fx->ctx, MN_ROLE_PARENT, "phuhuynh");
	assert_int_equal(mn_kitchen_menu_week(&fx->ctx, "2026-W49",
	    MN_GROUP_MAU_GIAO, &items, &count, &err), MN_ERR_NOTFOUND);
	assert_null(items);
	assert_int_equal(count, 0);
	assert_non_null(strstr(err.message, "not approved"));
	assert_int_equal(mn_kitchen_day_nutrition(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, &n, &err), MN_ERR_NOTFOUND);
	assert_non_null(strstr(err.message, "not approved"));
	assert_int_equal(mn_kitchen_week_nutrition(&fx->ctx, "2026-W49",
	    MN_GROUP_MAU_GIAO, &n, &err), MN_ERR_NOTFOUND);
	/* A teacher who is also a parent reads the draft. */
	act_as(&fx->ctx, MN_ROLE_PARENT | MN_ROLE_TEACHER, "giaovien");
	assert_int_equal(mn_kitchen_menu_week(&fx->ctx, "2026-W49",
	    MN_GROUP_MAU_GIAO, &items, &count, &err), MN_OK);
	assert_int_equal(count, 2);
	free(items);
	act_as(&fx->ctx, MN_ROLE_PRINCIPAL, "hieutruong");
	assert_int_equal(mn_kitchen_menu_approve(&fx->ctx, "2026-W49",
	    MN_GROUP_MAU_GIAO, true, &err), MN_OK);
	act_as(&fx->ctx, MN_ROLE_PARENT, "phuhuynh");
	assert_int_equal(mn_kitchen_menu_week(&fx->ctx, "2026-W49",
	    MN_GROUP_MAU_GIAO, &items, &count, &err), MN_OK);
	assert_int_equal(count, 2);
	free(items);
	assert_int_equal(mn_kitchen_day_nutrition(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, &n, &err), MN_OK);
	/* The crèche's week of the same dates is still a draft. */
	assert_int_equal(mn_kitchen_menu_week(&fx->ctx, "2026-W49",
	    MN_GROUP_NHA_TRE, &items, &count, &err), MN_ERR_NOTFOUND);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T_(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T_(seed_adds_shipped_table),
		T_(seeded_requirements_match_defaults),
		T_(requirement_set_from_date),
		T_(day_nutrition_from_menu),
		T_(week_nutrition_averages_days),
		T_(bad_dishes_rejected),
		T_(menu_rules_enforced),
		T_(week_parse_iso_weeks),
		T_(market_list_from_counts),
		T_(fee_book_by_month),
		T_(food_safety_logs),
		T_(sample_times_are_local),
		T_(allergy_text_matching),
		T_(allergy_children_both_sources),
		T_(import_checks_before_writing),
		T_(import_reports_lines_in_order),
		T_(writes_leave_audit_rows),
		T_(parents_see_approved_menus_only),
#undef T_
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
