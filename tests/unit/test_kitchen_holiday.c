/*
 * The kitchen against the school calendar: a holiday added over a
 * planned menu.  Kept apart from test_kitchen_edit.c because referring
 * to the calendar links its school-day rule, which needs a school year.
 *
 * Test foods (per 100 g edible part; refuse share of the bought weight):
 *
 *   code  food    P    L    G   refuse  unit
 *   90001 rice    8.0  1.0 76.0   0 %   kg
 *   90002 pork   19.0  7.0  0.0   2 %   kg
 *   90003 carrot  1.5  0.2  7.8  10.5 % kg
 *
 * Bought weight = edible / (1 - refuse / 100), kept unrounded and shown
 * with 1 decimal, half away from zero (mn_round_half_up):
 *   carrot 30 g edible -> 30 / 0.895 = 33.5195... g -> 33.5
 *   pork   40 g edible -> 40 / 0.98  = 40.8163... g -> 40.8
 *   rice   80 g edible -> 80 g
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

#include "core/config.h"
#include "core/kitchen_edit.h"
#include "core/kitchen_export.h"
#include "core/registers.h"
#include "helpers.h"

static const char test_foods[] =
    "code,name,group,origin,refuse_pct,energy_kcal,protein_g,lipid_g,"
    "glucid_g,fibre_g,calcium_mg,iron_mg,retinol_ug,beta_carotene_ug,"
    "vitamin_b1_mg,vitamin_c_mg,purchase_unit,unit_grams\n"
    "90001,Gạo thử,1,vegetable,0,344,8,1,76,0.4,30,1.3,0,0,0.1,0,kg,1000\n"
    "90002,Thịt thử,7,animal,2,139,19,7,0,0,7,0.96,2,0,0.9,1,kg,1000\n"
    "90003,Cà rốt thử,4,vegetable,10.5,39,1.5,0.2,7.8,1.2,43,0.8,0,8285,"
    "0.06,8,kg,1000\n";

struct fixture {
	struct mn_ctx ctx;
	struct mn_config cfg;
	int64_t dish;
};

static void
act_as(struct mn_ctx *ctx, unsigned roles, const char *login)
{
	ctx->actor.roles = roles;
	ctx->actor.account_id = 0;
	snprintf(ctx->actor.login, sizeof ctx->actor.login, "%s", login);
}

/* The test foods and one dish "Cơm thịt" for the kindergarten. */
static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct mn_error err = { 0 };
	const char *path = test_write_file("foods.csv", test_foods);
	int added, updated;
	struct mn_dish_item items[] = {
		{ 90001, MN_GROUP_MAU_GIAO, 80 },
		{ 90002, MN_GROUP_MAU_GIAO, 40 },
		{ 90003, MN_GROUP_MAU_GIAO, 30 },
	};

	mn_set_language(MN_LANG_EN);
	test_open_db(&fx->ctx, &fx->cfg);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_kitchen_import_foods(&fx->ctx, path, false,
	    &added, &updated, &err), MN_OK);
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Cơm thịt", items, 3,
	    &fx->dish, &err), MN_OK);
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

/* A Monday weeks weeks from the current week's Monday (negative: past). */
static void
monday_from_now(int weeks, struct mn_date *d)
{
	struct mn_date today;
	long days;

	mn_date_today(&today);
	days = mn_date_to_days(&today);
	days -= mn_date_weekday(&today);
	mn_date_from_days(days + 7L * weeks, d);
}

/*
 * A holiday added on a day that has a menu: the market list and the
 * nutrition export of that day are refused, naming the day, and the
 * calendar can count the planned days first.
 */
static void
holiday_over_planned_menu(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_date day, first, last, from;
	struct mn_market_list m;
	char shown[16], path[512], name[16];
	int64_t id = fx->dish, year, holiday;
	int menus, bought;

	snprintf(path, sizeof path, "%s/nutrition.csv", test_tmpdir());
	monday_from_now(3, &day);
	mn_date_from_days(mn_date_to_days(&day) - 60, &first);
	mn_date_from_days(mn_date_to_days(&day) + 60, &last);
	snprintf(name, sizeof name, "%d-%d", first.year, first.year + 1);
	act_as(&fx->ctx, MN_ROLE_PRINCIPAL | MN_ROLE_ADMIN, "hieutruong");
	assert_int_equal(mn_school_year_add(&fx->ctx, name, &first, &last,
	    &year, &err), MN_OK);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &day,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &id, 1, &err), MN_OK);
	assert_int_equal(mn_kitchen_market(&fx->ctx, &day, &m, &err), MN_OK);
	mn_market_free(&m);
	assert_int_equal(mn_kitchen_days_planned(&fx->ctx, &first, &last,
	    &menus, &bought, &from, &err), MN_OK);
	assert_int_equal(menus, 1);
	assert_int_equal(bought, 0);
	assert_int_equal(mn_date_cmp(&from, &day), 0);

	act_as(&fx->ctx, MN_ROLE_PRINCIPAL | MN_ROLE_ADMIN, "hieutruong");
	assert_int_equal(mn_holiday_add(&fx->ctx, "Nghỉ bù", &day, &day,
	    &holiday, &err), MN_OK);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	mn_date_format(&day, shown, sizeof shown);
	assert_int_equal(mn_kitchen_market(&fx->ctx, &day, &m, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "date");
	assert_non_null(strstr(err.message, shown));
	assert_non_null(strstr(err.message, "no school"));
	assert_int_equal(mn_kitchen_export_nutrition(&fx->ctx, &day, NULL,
	    MN_GROUP_MAU_GIAO, false, path, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, shown));
	/* The day after still has school and an empty list. */
	mn_date_from_days(mn_date_to_days(&day) + 1, &from);
	assert_int_equal(mn_kitchen_market(&fx->ctx, &from, &m, &err), MN_OK);
	assert_int_equal(m.count, 0);
	mn_market_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(holiday_over_planned_menu,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
