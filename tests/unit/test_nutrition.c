/*
 * Pure nutrition layer: a small menu computed by hand, the market list,
 * the meal-fee book, the rounding rule, bad input, food CSV checks and
 * the shipped food table.
 *
 * The hand-computed menu uses these foods (per 100 g edible part):
 *
 *   food     kcal  P    L    G    Ca  Fe   ret betaC B1   C refuse unit
 *   rice     344   8.0  1.0 76.0  30 1.3    0     0 0.10 0    0 %  kg
 *   pork (A) 139  19.0  7.0  0.0   7 0.96   2     0 0.90 1    2 %  kg
 *   carrot    39   1.5  0.2  7.8  43 0.8    0  8285 0.06 8 10.5 %  kg
 *   oil      900   0  100    0     0 0      0     0 0    0    0 %  lít (920 g)
 *   milk (A)  74   3.9  4.4  4.8 120 0.1   50    22 0.05 1    0 %  hộp (180 g)
 *
 * (A) = animal origin; ret = retinol µg, betaC = beta-carotene µg.
 *
 * Menu of one kindergarten child: lunch = rice 80 g, pork 40 g, carrot
 * 30 g, oil 5 g; snack = milk 180 g.  By hand:
 *   P = 6.4 + 7.6 + 0.45 + 7.02 = 21.47 g
 *   L = 0.8 + 2.8 + 0.06 + 5 + 7.92 = 16.58 g
 *   G = 60.8 + 2.34 + 8.64 = 71.78 g
 *   kcal = 4*21.47 + 9*16.58 + 4*71.78 = 85.88 + 149.22 + 287.12 = 522.22
 *   P % = 16.445 -> 16.4, L % = 28.574 -> 28.6, G % = 54.981 -> 55.0
 *   animal P = 7.6 + 7.02 = 14.62 g = 68.095 % -> 68.1
 *   animal L = 2.8 + 7.92 = 10.72 g = 64.656 % -> 64.7
 *   table energy = 275.2 + 55.6 + 11.7 + 45 + 133.2 = 520.7 kcal
 *   Ca 255.7 mg, Fe 1.844 mg, retinol 90.8 µg, beta-carotene 2525.1 µg,
 *   vitamin A = 90.8 + 2525.1 / 6 = 511.65 -> 511.7 µg (half up),
 *   B1 0.548 mg, C 4.6 mg
 *   lunch 388.3 kcal = 74.356 % -> 74.4, snack 133.92 kcal -> 25.6 %
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/foods.h"
#include "core/nutrition.h"

#define ALL_KNOWN ((1u << MN_NUT_COUNT) - 1)

static const struct mn_food rice = { 9001001, "rice", 1, false, 0,
    { 344, 8.0, 1.0, 76.0, 0.4, 30, 1.3, 0, 0, 0.10, 0 }, ALL_KNOWN,
    "kg", 1000 };
static const struct mn_food pork = { 9001002, "pork", 7, true, 2,
    { 139, 19.0, 7.0, 0, 0, 7, 0.96, 2, 0, 0.90, 1 }, ALL_KNOWN,
    "kg", 1000 };
static const struct mn_food carrot = { 9001003, "carrot", 4, false, 10.5,
    { 39, 1.5, 0.2, 7.8, 1.2, 43, 0.8, 0, 8285, 0.06, 8 }, ALL_KNOWN,
    "kg", 1000 };
static const struct mn_food oil = { 9001004, "oil", 6, false, 0,
    { 900, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0 }, ALL_KNOWN, "lít", 920 };
static const struct mn_food milk = { 9001005, "milk", 10, true, 0,
    { 74, 3.9, 4.4, 4.8, 0, 120, 0.1, 50, 22, 0.05, 1 }, ALL_KNOWN,
    "hộp", 180 };
/* Salt with no fibre value, to see a missing value reported. */
static const struct mn_food salt = { 9001006, "salt", 13, false, 0,
    { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, ALL_KNOWN & ~(1u << MN_NUT_FIBRE),
    "kg", 1000 };

static const struct mn_portion day_menu[] = {
	{ &rice, MN_MEAL_LUNCH, 80 },
	{ &pork, MN_MEAL_LUNCH, 40 },
	{ &carrot, MN_MEAL_LUNCH, 30 },
	{ &oil, MN_MEAL_LUNCH, 5 },
	{ &milk, MN_MEAL_SNACK, 180 },
};

#define R1(x) mn_round_half_up((x), 1)
#define N(x) (sizeof(x) / sizeof((x)[0]))

static void
rounding_rule_half_up(void **state)
{
	(void)state;
	assert_true(mn_round_half_up(2.5, 0) == 3.0);
	assert_true(mn_round_half_up(-2.5, 0) == -3.0);
	assert_true(mn_round_half_up(2.4999, 0) == 2.0);
	/* 1.005 and 0.15 have no exact binary form. */
	assert_true(mn_round_half_up(1.005, 2) == 1.01);
	assert_true(mn_round_half_up(0.15, 1) == 0.2);
	assert_true(mn_round_half_up(511.65, 1) == 511.7);
	assert_true(mn_round_half_up(1.04, 1) == 1.0);
	assert_int_equal(mn_round_money(511454.5), 511455);
	assert_int_equal(mn_round_money(511454.49), 511454);
	assert_int_equal(mn_round_money(0.5), 1);
}

static void
day_menu_nutrients(void **state)
{
	struct mn_nutrition n;
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_nutrition_compute(day_menu, N(day_menu), &n,
	    &err), MN_OK);
	assert_true(R1(n.value[MN_NUT_PROTEIN]) == 21.5);
	assert_true(fabs(n.value[MN_NUT_PROTEIN] - 21.47) < 1e-9);
	assert_true(fabs(n.value[MN_NUT_LIPID] - 16.58) < 1e-9);
	assert_true(fabs(n.value[MN_NUT_GLUCID] - 71.78) < 1e-9);
	assert_true(fabs(n.kcal - 522.22) < 1e-9);
	assert_true(R1(n.kcal) == 522.2);
	assert_true(fabs(n.value[MN_NUT_ENERGY] - 520.7) < 1e-9);
	assert_true(R1(n.protein_pct) == 16.4);
	assert_true(R1(n.lipid_pct) == 28.6);
	assert_true(R1(n.glucid_pct) == 55.0);
	assert_true(fabs(n.protein_pct + n.lipid_pct + n.glucid_pct - 100)
	    < 1e-9);
	assert_true(fabs(n.protein_animal - 14.62) < 1e-9);
	assert_true(fabs(n.protein_vegetable - 6.85) < 1e-9);
	assert_true(fabs(n.lipid_animal - 10.72) < 1e-9);
	assert_true(fabs(n.lipid_vegetable - 5.86) < 1e-9);
	assert_true(R1(n.animal_protein_pct) == 68.1);
	assert_true(R1(n.animal_lipid_pct) == 64.7);
	assert_true(fabs(n.value[MN_NUT_CALCIUM] - 255.7) < 1e-9);
	assert_true(fabs(n.value[MN_NUT_IRON] - 1.844) < 1e-9);
	assert_true(fabs(n.value[MN_NUT_RETINOL] - 90.8) < 1e-9);
	assert_true(fabs(n.value[MN_NUT_BETA_CAROTENE] - 2525.1) < 1e-9);
	assert_true(R1(n.vitamin_a_ug) == 511.7);
	assert_true(fabs(n.value[MN_NUT_B1] - 0.548) < 1e-9);
	assert_true(fabs(n.value[MN_NUT_C] - 4.6) < 1e-9);
	assert_true(fabs(n.meal_kcal[MN_MEAL_LUNCH] - 388.3) < 1e-9);
	assert_true(fabs(n.meal_kcal[MN_MEAL_SNACK] - 133.92) < 1e-9);
	assert_true(n.meal_kcal[MN_MEAL_BREAKFAST] == 0);
	assert_true(R1(n.meal_pct[MN_MEAL_LUNCH]) == 74.4);
	assert_true(R1(n.meal_pct[MN_MEAL_SNACK]) == 25.6);
	assert_int_equal(n.meals,
	    (1u << MN_MEAL_LUNCH) | (1u << MN_MEAL_SNACK));
	assert_int_equal(n.missing, 0);
	assert_int_equal(n.days, 1);
}

static void
day_menu_against_requirement(void **state)
{
	struct mn_nutrition n;
	struct mn_requirement r;
	struct mn_check c[MN_CHECK_COUNT];

	(void)state;
	mn_set_language(MN_LANG_VI);
	assert_int_equal(mn_nutrition_compute(day_menu, N(day_menu), &n,
	    NULL), MN_OK);
	mn_requirement_default(MN_GROUP_MAU_GIAO, &r);
	mn_nutrition_evaluate(&n, &r, c);
	/* 522.2 kcal is below 615. */
	assert_true(c[MN_CHECK_KCAL].checked);
	assert_false(c[MN_CHECK_KCAL].meets);
	assert_string_equal(mn_check_verdict(&c[MN_CHECK_KCAL]), "chưa đạt");
	assert_true(c[MN_CHECK_PROTEIN_PCT].meets);
	assert_string_equal(mn_check_verdict(&c[MN_CHECK_PROTEIN_PCT]), "đạt");
	assert_true(c[MN_CHECK_LIPID_PCT].meets);
	assert_true(c[MN_CHECK_GLUCID_PCT].meets);
	assert_true(c[MN_CHECK_ANIMAL_PROTEIN_PCT].meets);
	assert_false(c[MN_CHECK_ANIMAL_LIPID_PCT].checked);
	assert_string_equal(mn_check_verdict(&c[MN_CHECK_ANIMAL_LIPID_PCT]),
	    "");
	/* Calcium 255.7 < 300, vitamin C 4.6 < 20, vitamin A 511.7 >= 200. */
	assert_false(c[MN_CHECK_CALCIUM].meets);
	assert_true(c[MN_CHECK_VITAMIN_A].meets);
	assert_false(c[MN_CHECK_VITAMIN_C].meets);
	assert_false(c[MN_CHECK_IRON].checked);
	/* Daily need 1275 kcal: lunch 388.3 = 30.5 % (30-35), snack
	   133.92 = 10.5 % (15-25); breakfast not served. */
	assert_true(R1(c[MN_CHECK_MEAL_FIRST + MN_MEAL_LUNCH].value) == 30.5);
	assert_true(c[MN_CHECK_MEAL_FIRST + MN_MEAL_LUNCH].meets);
	assert_true(R1(c[MN_CHECK_MEAL_FIRST + MN_MEAL_SNACK].value) == 10.5);
	assert_false(c[MN_CHECK_MEAL_FIRST + MN_MEAL_SNACK].meets);
	assert_false(c[MN_CHECK_MEAL_FIRST + MN_MEAL_BREAKFAST].checked);
	mn_set_language(MN_LANG_EN);
	assert_string_equal(mn_check_verdict(&c[MN_CHECK_KCAL]),
	    "does not meet");
	mn_set_language(MN_LANG_VI);
}

static void
verdict_uses_displayed_value(void **state)
{
	struct mn_nutrition n = { 0 };
	struct mn_requirement r;
	struct mn_check c[MN_CHECK_COUNT];

	(void)state;
	mn_requirement_default(MN_GROUP_NHA_TRE, &r);
	/* 599.96 kcal shows as 600.0, which is within 600-651. */
	n.kcal = 599.96;
	mn_nutrition_evaluate(&n, &r, c);
	assert_true(c[MN_CHECK_KCAL].meets);
	n.kcal = 599.94;
	mn_nutrition_evaluate(&n, &r, c);
	assert_false(c[MN_CHECK_KCAL].meets);
	assert_true(r.lipid_pct.min == 30 && r.lipid_pct.max == 40);
	assert_true(r.glucid_pct.min == 40 && r.glucid_pct.max == 50);
}

static void
week_average_from_days(void **state)
{
	struct mn_portion second[N(day_menu)];
	struct mn_nutrition days[2], avg;

	(void)state;
	memcpy(second, day_menu, sizeof second);
	second[0].edible_g = 100;	/* 20 g more rice */
	assert_int_equal(mn_nutrition_compute(day_menu, N(day_menu), &days[0],
	    NULL), MN_OK);
	assert_int_equal(mn_nutrition_compute(second, N(second), &days[1],
	    NULL), MN_OK);
	assert_true(fabs(days[1].kcal - 591.22) < 1e-9);
	mn_nutrition_average(days, 2, &avg);
	assert_int_equal(avg.days, 2);
	assert_true(fabs(avg.value[MN_NUT_PROTEIN] - 22.27) < 1e-9);
	assert_true(fabs(avg.value[MN_NUT_LIPID] - 16.68) < 1e-9);
	assert_true(fabs(avg.value[MN_NUT_GLUCID] - 79.38) < 1e-9);
	assert_true(fabs(avg.kcal - 556.72) < 1e-9);
	assert_true(fabs(avg.protein_pct - 100 * 89.08 / 556.72) < 1e-9);
	assert_true(fabs(avg.animal_protein_pct - 100 * 14.62 / 22.27)
	    < 1e-9);
}

static void
missing_value_is_reported(void **state)
{
	struct mn_portion p[] = {
		{ &rice, MN_MEAL_LUNCH, 80 },
		{ &salt, MN_MEAL_LUNCH, 1 },
	};
	struct mn_nutrition n;

	(void)state;
	assert_int_equal(mn_nutrition_compute(p, N(p), &n, NULL), MN_OK);
	assert_int_equal(n.missing, 1u << MN_NUT_FIBRE);
	assert_true(fabs(n.value[MN_NUT_FIBRE] - 0.32) < 1e-9);
}

static void
bad_portions_rejected(void **state)
{
	struct mn_portion p[] = { { &rice, MN_MEAL_LUNCH, -5 } };
	struct mn_nutrition n;
	struct mn_error err = { 0 };

	(void)state;
	mn_set_language(MN_LANG_EN);
	assert_int_equal(mn_nutrition_compute(p, 1, &n, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "edible_g");
	assert_non_null(strstr(err.message, "-5"));
	assert_non_null(strstr(err.message, "rice"));
	p[0].edible_g = 2500;
	assert_int_equal(mn_nutrition_compute(p, 1, &n, &err), MN_ERR_INVALID);
	p[0].edible_g = NAN;
	assert_int_equal(mn_nutrition_compute(p, 1, &n, &err), MN_ERR_INVALID);
	p[0].food = NULL;
	p[0].edible_g = 10;
	assert_int_equal(mn_nutrition_compute(p, 1, &n, &err),
	    MN_ERR_NOTFOUND);
	assert_string_equal(err.field, "food");
	assert_int_equal(mn_nutrition_compute(p, 0, &n, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "menu");
	mn_set_language(MN_LANG_VI);
}

/*
 * 100 kindergarten meals of day_menu plus 50 crèche meals with 60 g of
 * rice.  By hand:
 *   rice   (8000 + 3000) g, refuse 0      -> 11.00 kg x 18 000 = 198 000
 *   pork   4000 / 0.98 = 4081.63 g       ->  4.09 kg x 125 050 = 511 454.5
 *                                            -> 511 455 (half up)
 *   carrot 3000 / 0.895 = 3351.96 g      ->  3.36 kg x 15 500 = 52 080
 *   oil    500 g / 920 g = 0.5435 lít    ->  0.55 lít x 45 500 = 25 025
 *   milk   18000 g / 180 g = 100 hộp     ->  100 x 7 250 = 725 000
 *   salt   no price
 *   total = 1 511 560
 */
static void
market_list_by_hand(void **state)
{
	struct mn_market_need needs[] = {
		{ &rice, 80, 100, 18000 },
		{ &pork, 40, 100, 125050 },
		{ &carrot, 30, 100, 15500 },
		{ &oil, 5, 100, 45500 },
		{ &milk, 180, 100, 7250 },
		{ &rice, 60, 50, 18000 },
		{ &salt, 1, 150, -1 },
	};
	struct mn_market_list list;
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_market_compute(needs, N(needs), &list, &err),
	    MN_OK);
	assert_int_equal(list.count, 6);
	assert_ptr_equal(list.lines[0].food, &rice);
	assert_true(fabs(list.lines[0].edible_g - 11000) < 1e-9);
	assert_true(fabs(list.lines[0].quantity - 11.00) < 1e-9);
	assert_int_equal(list.lines[0].amount, 198000);
	assert_true(fabs(list.lines[1].bought_g - 4000 / 0.98) < 1e-9);
	assert_true(fabs(list.lines[1].quantity - 4.09) < 1e-9);
	assert_int_equal(list.lines[1].amount, 511455);
	assert_true(fabs(list.lines[2].quantity - 3.36) < 1e-9);
	assert_int_equal(list.lines[2].amount, 52080);
	assert_true(fabs(list.lines[3].quantity - 0.55) < 1e-9);
	assert_int_equal(list.lines[3].amount, 25025);
	assert_true(fabs(list.lines[4].quantity - 100) < 1e-9);
	assert_int_equal(list.lines[4].amount, 725000);
	assert_int_equal(list.lines[5].unit_price, -1);
	assert_int_equal(list.lines[5].amount, 0);
	assert_int_equal(list.missing_prices, 1);
	assert_int_equal(list.total, 198000 + 511455 + 52080 + 25025 + 725000);
	assert_int_equal(list.total, 1511560);
	mn_market_free(&list);
}

static void
market_quantity_rounds_up(void **state)
{
	/* 1.5 kg exactly stays 1.5; 1001 g becomes 1.01 kg; 101 g of milk
	   in 180 g boxes is one box, 181 g two. */
	struct mn_market_need a[] = { { &rice, 15, 100, 1000 } };
	struct mn_market_need b[] = { { &rice, 10.01, 100, 1000 } };
	struct mn_market_need c[] = { { &milk, 181, 1, 1000 } };
	struct mn_market_list list;

	(void)state;
	assert_int_equal(mn_market_compute(a, 1, &list, NULL), MN_OK);
	assert_true(fabs(list.lines[0].quantity - 1.5) < 1e-9);
	assert_int_equal(list.total, 1500);
	mn_market_free(&list);
	assert_int_equal(mn_market_compute(b, 1, &list, NULL), MN_OK);
	assert_true(fabs(list.lines[0].quantity - 1.01) < 1e-9);
	mn_market_free(&list);
	assert_int_equal(mn_market_compute(c, 1, &list, NULL), MN_OK);
	assert_true(fabs(list.lines[0].quantity - 2) < 1e-9);
	mn_market_free(&list);
	assert_true(mn_unit_divisible("kg"));
	assert_true(mn_unit_divisible("lít"));
	assert_false(mn_unit_divisible("quả"));
}

static void
market_bad_input_rejected(void **state)
{
	struct mn_market_need n[] = { { &rice, 80, -3, 1000 } };
	struct mn_market_list list;
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_market_compute(n, 1, &list, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "children");
	n[0].children = 10;
	n[0].unit_price = 1000000000;
	assert_int_equal(mn_market_compute(n, 1, &list, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "unit_price");
	n[0].unit_price = 1000;
	n[0].edible_g = 0;
	assert_int_equal(mn_market_compute(n, 1, &list, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "edible_g");
}

static void
fee_book_carries_balance(void **state)
{
	struct mn_fee_day days[2] = {
		{ "2026-12-01", { 50, 100 }, { 22000, 20000 }, 3000000 },
		{ "2026-12-02", { 50, 99 }, { 22000, 20000 }, 3100000 },
	};
	struct mn_fee_row rows[2];

	(void)state;
	mn_fee_book_compute(days, 2, -50000, rows);
	assert_string_equal(rows[0].date, "2026-12-01");
	assert_int_equal(rows[0].children, 150);
	assert_int_equal(rows[0].money_in, 3100000);
	assert_int_equal(rows[0].day_balance, 100000);
	assert_int_equal(rows[0].balance, 50000);
	assert_int_equal(rows[0].cost_per_child, 20000);
	assert_int_equal(rows[1].money_in, 3080000);
	assert_int_equal(rows[1].day_balance, -20000);
	assert_int_equal(rows[1].balance, 30000);
	/* 3 100 000 / 149 = 20 805.37 */
	assert_int_equal(rows[1].cost_per_child, 20805);
}

static void
names_parse_and_print(void **state)
{
	enum mn_age_group g;
	enum mn_meal m;
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_menu_group_parse("mau-giao", &g, &err), MN_OK);
	assert_int_equal(g, MN_GROUP_MAU_GIAO);
	assert_int_equal(mn_menu_group_parse("mg", &g, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "group");
	assert_int_equal(mn_meal_parse("snack", &m, &err), MN_OK);
	assert_int_equal(m, MN_MEAL_SNACK);
	assert_int_equal(mn_meal_parse("dinner", &m, &err), MN_ERR_INVALID);
	assert_string_equal(mn_menu_group_key(MN_GROUP_NHA_TRE), "nha-tre");
}

static const char good_csv[] =
    "# comment line\r\n"
    "code,name,group,origin,refuse_pct,energy_kcal,protein_g,lipid_g,"
    "glucid_g,fibre_g,calcium_mg,iron_mg,retinol_ug,beta_carotene_ug,"
    "vitamin_b1_mg,vitamin_c_mg,purchase_unit,unit_grams\r\n"
    "1004,Gạo tẻ máy,1,vegetable,0,344,7.9,1,75.9,0.4,30,1.3,0,0,0.1,0,"
    "kg,1000\r\n"
    "4007,\"Cà rốt (củ đỏ, vàng)\",4,vegetable,10.5,39,1.5,0.2,7.8,1.2,43,"
    "0.8,0,8285,0.06,8,kg,1000\r\n"
    "4002,Bí đao,4,vegetable,25,12,0.6,,2.4,1,26,0.3,0,,0.01,16,kg,1000\r\n";

static void
foods_csv_good(void **state)
{
	struct mn_food_list list = { 0 };
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_foods_parse(good_csv, strlen(good_csv), &list,
	    &err), MN_OK);
	assert_int_equal(list.count, 3);
	assert_string_equal(list.items[1].name, "Cà rốt (củ đỏ, vàng)");
	assert_true(list.items[1].refuse_pct == 10.5);
	assert_true(list.items[1].value[MN_NUT_BETA_CAROTENE] == 8285);
	assert_false(list.items[2].known & (1u << MN_NUT_LIPID));
	assert_true(list.items[2].known & (1u << MN_NUT_GLUCID));
	assert_string_equal(list.items[0].purchase_unit, "kg");
	mn_food_list_free(&list);
}

static void
check_bad_csv(const char *row, int status, const char *field,
    const char *in_message)
{
	char text[2048];
	struct mn_food_list list = { 0 };
	struct mn_error err = { 0 };

	snprintf(text, sizeof text, "%s%s", good_csv, row);
	assert_int_equal(mn_foods_parse(text, strlen(text), &list, &err),
	    status);
	assert_int_equal(list.count, 0);
	assert_string_equal(err.field, field);
	assert_non_null(strstr(err.message, in_message));
	mn_food_list_free(&list);
}

static void
foods_csv_bad_rows_rejected(void **state)
{
	(void)state;
	mn_set_language(MN_LANG_EN);
	check_bad_csv("5001,Bưởi,5,vegetable,35,\"7,9\",0.2,,7.3,0.7,23,0.5,"
	    "0,0,0.04,95,kg,1000\n", MN_ERR_INVALID, "energy_kcal",
	    "line 6, field energy_kcal: invalid value '7,9'");
	check_bad_csv("5001,Bưởi,5,vegetable,-1,30,0.2,,7.3,0.7,23,0.5,"
	    "0,0,0.04,95,kg,1000\n", MN_ERR_INVALID, "refuse_pct", "'-1'");
	check_bad_csv("5001,Bưởi,5,vegetable,35,30,0.2,,7.3,0.7,23,0.5,"
	    "0,0,0.04,95000,kg,1000\n", MN_ERR_INVALID, "vitamin_c_mg",
	    "from 0 to 2000");
	check_bad_csv("1004,Bưởi,5,vegetable,35,30,0.2,,7.3,0.7,23,0.5,"
	    "0,0,0.04,95,kg,1000\n", MN_ERR_INVALID, "code",
	    "not used on line 3");
	check_bad_csv("5001,Gạo tẻ máy,5,vegetable,35,30,0.2,,7.3,0.7,23,0.5,"
	    "0,0,0.04,95,kg,1000\n", MN_ERR_INVALID, "name", "line 3");
	check_bad_csv("5001,Bưởi,5,plant,35,30,0.2,,7.3,0.7,23,0.5,"
	    "0,0,0.04,95,kg,1000\n", MN_ERR_INVALID, "origin",
	    "animal or vegetable");
	check_bad_csv("5001,Bưởi,5,vegetable,35,30,,,7.3,0.7,23,0.5,"
	    "0,0,0.04,95,kg,1000\n", MN_ERR_INVALID, "protein_g", "empty");
	check_bad_csv("5001,Bưởi,5,vegetable,35,30,60,30,20,0.7,23,0.5,"
	    "0,0,0.04,95,kg,1000\n", MN_ERR_INVALID, "glucid_g", "100 g");
	/* Two bad rows: the first is reported, the second counted. */
	check_bad_csv("5001,Bưởi,5,vegetable,35,x,0.2,,7.3,0.7,23,0.5,"
	    "0,0,0.04,95,kg,1000\n5002,Cam,5,vegetable,35,30,0.2,,7.3,0.7,"
	    "23,0.5,0,0,0.04,95,kg,0\n", MN_ERR_INVALID, "energy_kcal",
	    "and 1 more errors");
	mn_set_language(MN_LANG_VI);
}

static void
foods_csv_bad_header_rejected(void **state)
{
	const char text[] = "code,name\n1,a\n";
	struct mn_food_list list = { 0 };
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_foods_parse(text, strlen(text), &list, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "header");
	assert_int_equal(mn_foods_parse("", 0, &list, &err), MN_ERR_INVALID);
	assert_int_equal(list.count, 0);
}

/*
 * The shipped table, parsed from data/foods/foods.csv, against figures
 * read from the 2007 table (kcal, protein, lipid, glucid per 100 g and
 * refuse %).  The compiled-in copy must equal the file.
 */
static void
shipped_table_known_foods(void **state)
{
	static const struct {
		int code;
		const char *name;
		double kcal, p, l, g, refuse;
	} known[] = {
		{ 1004, "Gạo tẻ máy", 344, 7.9, 1.0, 75.9, 0 },
		{ 7017, "Thịt lợn nạc", 139, 19.0, 7.0, 0, 2 },
		{ 9001, "Trứng gà", 166, 14.8, 11.6, 0.5, 14 },
		{ 10001, "Sữa bò tươi", 74, 3.9, 4.4, 4.8, 0 },
		{ 3025, "Đậu phụ", 95, 10.9, 5.4, 0.7, 0 },
		{ 7003, "Thịt bò loại I", 118, 21.0, 3.8, 0, 2 },
		{ 4007, "Cà rốt (củ đỏ, vàng)", 39, 1.5, 0.2, 7.8, 10.5 },
	};
	struct mn_food_list list = { 0 };
	struct mn_error err = { 0 };
	const struct mn_food *builtin;
	size_t nbuiltin;

	(void)state;
	assert_int_equal(mn_foods_parse_file("data/foods/foods.csv", &list,
	    &err), MN_OK);
	assert_true(list.count >= 150);
	for (size_t i = 0; i < N(known); i++) {
		const struct mn_food *f = mn_foods_find(list.items, list.count,
		    known[i].code);

		assert_non_null(f);
		assert_string_equal(f->name, known[i].name);
		assert_true(f->value[MN_NUT_ENERGY] == known[i].kcal);
		assert_true(f->value[MN_NUT_PROTEIN] == known[i].p);
		assert_true(f->value[MN_NUT_LIPID] == known[i].l);
		assert_true(f->value[MN_NUT_GLUCID] == known[i].g);
		assert_true(f->refuse_pct == known[i].refuse);
	}
	assert_true(mn_foods_find(list.items, list.count, 4007)->value[
	    MN_NUT_BETA_CAROTENE] == 8285);
	assert_true(mn_foods_find(list.items, list.count, 7017)->animal);
	assert_false(mn_foods_find(list.items, list.count, 3025)->animal);
	assert_string_equal(mn_foods_find(list.items, list.count,
	    9001)->purchase_unit, "quả");

	builtin = mn_foods_builtin(&nbuiltin);
	assert_int_equal(nbuiltin, list.count);
	for (size_t i = 0; i < nbuiltin; i++) {
		const struct mn_food *a = &builtin[i], *b = &list.items[i];

		assert_int_equal(a->code, b->code);
		assert_string_equal(a->name, b->name);
		assert_int_equal(a->known, b->known);
		assert_true(a->refuse_pct == b->refuse_pct);
		for (int n = 0; n < MN_NUT_COUNT; n++)
			assert_true(a->value[n] == b->value[n]);
		assert_true(a->unit_grams == b->unit_grams);
	}
	mn_food_list_free(&list);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rounding_rule_half_up),
		cmocka_unit_test(day_menu_nutrients),
		cmocka_unit_test(day_menu_against_requirement),
		cmocka_unit_test(verdict_uses_displayed_value),
		cmocka_unit_test(week_average_from_days),
		cmocka_unit_test(missing_value_is_reported),
		cmocka_unit_test(bad_portions_rejected),
		cmocka_unit_test(market_list_by_hand),
		cmocka_unit_test(market_quantity_rounds_up),
		cmocka_unit_test(market_bad_input_rejected),
		cmocka_unit_test(fee_book_carries_balance),
		cmocka_unit_test(names_parse_and_print),
		cmocka_unit_test(foods_csv_good),
		cmocka_unit_test(foods_csv_bad_rows_rejected),
		cmocka_unit_test(foods_csv_bad_header_rejected),
		cmocka_unit_test(shipped_table_known_foods),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
