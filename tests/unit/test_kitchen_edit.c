/*
 * Editing the kitchen's reference data: dishes and their validation,
 * bought weight from the refuse share, foods, prices by date, the
 * supplier register and requirements with effective dates.
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

/* Monday 30/11/2026 and Tuesday 01/12/2026 are school days. */
static const struct mn_date monday = { 2026, 11, 30 };
static const struct mn_date tuesday = { 2026, 12, 1 };

static void
act_as(struct mn_ctx *ctx, unsigned roles, const char *login)
{
	ctx->actor.roles = roles;
	ctx->actor.account_id = 0;
	snprintf(ctx->actor.login, sizeof ctx->actor.login, "%s", login);
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

/* The test foods and one dish "Cơm thịt" for the kindergarten. */
static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct mn_error err = { 0 };
	const char *path = test_write_file("foods.csv", test_foods);
	int added, updated;
	struct mn_date today;
	struct mn_dish_item items[] = {
		{ 90001, MN_GROUP_MAU_GIAO, 80 },
		{ 90002, MN_GROUP_MAU_GIAO, 40 },
		{ 90003, MN_GROUP_MAU_GIAO, 30 },
	};

	mn_set_language(MN_LANG_EN);
	test_open_db(&fx->ctx, &fx->cfg);
	mn_date_today(&today);
	test_add_school_year(&fx->ctx, &today);
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

static void
dish_validation_writes_nothing(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_dish_item absurd[] = { { 90001, MN_GROUP_NHA_TRE, 2500 } };
	struct mn_dish_item zero[] = { { 90001, MN_GROUP_NHA_TRE, 0 } };
	struct mn_dish_item unknown[] = { { 99999, MN_GROUP_NHA_TRE, 20 } };
	struct mn_dish_item good[] = { { 90001, MN_GROUP_NHA_TRE, 60 } };
	struct mn_dish_detail d;
	int64_t id;
	int dishes = count_rows(&fx->ctx, "SELECT count(*) FROM dishes");
	int items = count_rows(&fx->ctx, "SELECT count(*) FROM dish_items");

	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Cháo", NULL, 0, &id,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "items");
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Cháo", absurd, 1, &id,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "edible_g");
	assert_non_null(strstr(err.message, "2500"));
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Cháo", zero, 1, &id,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "edible_g");
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "Cháo", unknown, 1, &id,
	    &err), MN_ERR_NOTFOUND);
	assert_string_equal(err.field, "food");
	assert_non_null(strstr(err.message, "99999"));
	assert_int_equal(mn_kitchen_dish_add(&fx->ctx, "  ", good, 1, &id,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "name");
	/* Replacing the items with bad ones leaves the dish as it was. */
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, fx->dish, 1,
	    absurd, 1, &err), MN_ERR_INVALID);
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, fx->dish, 1,
	    NULL, 0, &err), MN_ERR_INVALID);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM dishes"),
	    dishes);
	assert_int_equal(count_rows(&fx->ctx,
	    "SELECT count(*) FROM dish_items"), items);
	assert_int_equal(mn_kitchen_dish_get(&fx->ctx, fx->dish, &d, &err),
	    MN_OK);
	assert_int_equal(d.version, 1);
	assert_int_equal(d.count, 3);
	mn_dish_detail_free(&d);
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

static void
iso_week(const struct mn_date *mon, char week[16])
{
	struct mn_date thursday;
	long jan1;

	mn_date_from_days(mn_date_to_days(mon) + 3, &thursday);
	jan1 = mn_date_to_days(&(struct mn_date){ thursday.year, 1, 1 });
	snprintf(week, 16, "%04d-W%02d", thursday.year,
	    (int)((mn_date_to_days(&thursday) - jan1) / 7 + 1));
}

static void
dish_fixed_by_approved_and_past_menus(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_dish_item more[] = {
		{ 90001, MN_GROUP_MAU_GIAO, 90 },
		{ 90002, MN_GROUP_MAU_GIAO, 40 },
	};
	struct mn_date future, past, day;
	struct mn_dish_detail d;
	char week[16], shown[16];
	int64_t id = fx->dish, copy, other;
	bool approved;

	monday_from_now(2, &future);
	monday_from_now(-1, &past);
	iso_week(&future, week);
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &future,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &id, 1, &err), MN_OK);
	/* A draft future week does not fix the dish. */
	assert_int_equal(mn_kitchen_dish_locked(&fx->ctx, id, &day,
	    &approved, &err), MN_OK);
	assert_int_equal(day.year, 0);
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, id, 1, more, 2,
	    &err), MN_OK);

	act_as(&fx->ctx, MN_ROLE_PRINCIPAL, "hieutruong");
	assert_int_equal(mn_kitchen_menu_approve(&fx->ctx, week,
	    MN_GROUP_MAU_GIAO, true, &err), MN_OK);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_kitchen_dish_locked(&fx->ctx, id, &day,
	    &approved, &err), MN_OK);
	assert_int_equal(mn_date_cmp(&day, &future), 0);
	assert_true(approved);
	mn_date_format(&future, shown, sizeof shown);
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, id, 2, more, 1,
	    &err), MN_ERR_CONFLICT);
	assert_string_equal(err.field, "dish");
	assert_non_null(strstr(err.message, shown));
	assert_non_null(strstr(err.message, "copy"));
	assert_int_equal(mn_kitchen_dish_rename(&fx->ctx, id, 2, "Cơm mới",
	    &err), MN_ERR_CONFLICT);
	assert_non_null(strstr(err.message, shown));
	assert_int_equal(mn_kitchen_dish_get(&fx->ctx, id, &d, &err), MN_OK);
	assert_string_equal(d.name, "Cơm thịt");
	assert_int_equal(d.version, 2);
	assert_int_equal(d.count, 2);
	mn_dish_detail_free(&d);

	/* The copy has the same ingredients and may change. */
	assert_int_equal(mn_kitchen_dish_copy(&fx->ctx, id, "Cơm thịt",
	    &copy, &err), MN_ERR_EXISTS);
	assert_int_equal(mn_kitchen_dish_copy(&fx->ctx, id, "Cơm thịt 2",
	    &copy, &err), MN_OK);
	assert_true(copy != id);
	assert_int_equal(mn_kitchen_dish_get(&fx->ctx, copy, &d, &err),
	    MN_OK);
	assert_string_equal(d.name, "Cơm thịt 2");
	assert_int_equal(d.count, 2);
	assert_true(d.items[0].edible_g == 90 || d.items[1].edible_g == 90);
	mn_dish_detail_free(&d);
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, copy, 1, more, 1,
	    &err), MN_OK);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM audit "
	    "WHERE detail = 'copy of dish 1'"), 1);
	act_as(&fx->ctx, MN_ROLE_PRINCIPAL, "hieutruong");
	assert_int_equal(mn_kitchen_dish_copy(&fx->ctx, id, "Cơm thịt 3",
	    &other, &err), MN_ERR_DENIED);
	/* Reopened, the week no longer fixes the dish. */
	assert_int_equal(mn_kitchen_menu_approve(&fx->ctx, week,
	    MN_GROUP_MAU_GIAO, false, &err), MN_OK);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_kitchen_dish_rename(&fx->ctx, id, 2, "Cơm mới",
	    &err), MN_OK);

	/* A menu day already past fixes the copy. */
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &past,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &copy, 1, &err), MN_OK);
	assert_int_equal(mn_kitchen_dish_locked(&fx->ctx, copy, &day,
	    &approved, &err), MN_OK);
	assert_int_equal(mn_date_cmp(&day, &past), 0);
	assert_false(approved);
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, copy, 2, more, 2,
	    &err), MN_ERR_CONFLICT);
	mn_date_format(&past, shown, sizeof shown);
	assert_non_null(strstr(err.message, shown));
}

static void
dish_edit_detects_conflict(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_dish_item items[] = {
		{ 90001, MN_GROUP_NHA_TRE, 60 },
		{ 90001, MN_GROUP_MAU_GIAO, 80 },
	};
	struct mn_dish_detail d;
	struct mn_dish_summary *all;
	size_t n;

	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, fx->dish, 1,
	    items, 2, &err), MN_OK);
	/* A second writer still holding version 1 is refused. */
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, fx->dish, 1,
	    items, 1, &err), MN_ERR_CONFLICT);
	assert_string_equal(err.field, "version");
	assert_int_equal(mn_kitchen_dish_rename(&fx->ctx, fx->dish, 1,
	    "Cơm", &err), MN_ERR_CONFLICT);
	assert_int_equal(mn_kitchen_dish_rename(&fx->ctx, fx->dish, 2,
	    "Cơm gạo", &err), MN_OK);
	assert_int_equal(mn_kitchen_dish_get(&fx->ctx, fx->dish, &d, &err),
	    MN_OK);
	assert_string_equal(d.name, "Cơm gạo");
	assert_int_equal(d.version, 3);
	assert_int_equal(d.count, 2);
	/* Crèche items come first. */
	assert_int_equal(d.items[0].group, MN_GROUP_NHA_TRE);
	assert_true(d.items[0].edible_g == 60);
	assert_int_equal(d.foods[0].code, 90001);
	mn_dish_detail_free(&d);
	assert_int_equal(mn_kitchen_dishes(&fx->ctx, &all, &n, &err), MN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(all[0].items[MN_GROUP_NHA_TRE], 1);
	assert_int_equal(all[0].items[MN_GROUP_MAU_GIAO], 1);
	free(all);
	/* The principal and parents read dishes but may not change them. */
	act_as(&fx->ctx, MN_ROLE_PRINCIPAL, "hieutruong");
	assert_int_equal(mn_kitchen_dish_set_items(&fx->ctx, fx->dish, 3,
	    items, 1, &err), MN_ERR_DENIED);
	assert_int_equal(mn_kitchen_dish_get(&fx->ctx, fx->dish, &d, &err),
	    MN_OK);
	assert_int_equal(d.version, 3);
	mn_dish_detail_free(&d);
	act_as(&fx->ctx, MN_ROLE_PARENT, "phuhuynh");
	assert_int_equal(mn_kitchen_dish_rename(&fx->ctx, fx->dish, 3, "X",
	    &err), MN_ERR_DENIED);
	assert_int_equal(mn_kitchen_dish_get(&fx->ctx, fx->dish, &d, &err),
	    MN_OK);
	mn_dish_detail_free(&d);
}

static void
bought_weight_from_refuse(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_dish_detail d;

	assert_int_equal(mn_kitchen_dish_get(&fx->ctx, fx->dish, &d, &err),
	    MN_OK);
	assert_int_equal(d.count, 3);
	for (size_t i = 0; i < d.count; i++) {
		double bought = mn_bought_grams(d.items[i].edible_g,
		    d.foods[i].refuse_pct);

		switch (d.foods[i].code) {
		case 90001:
			assert_true(bought == 80.0);
			break;
		case 90002:
			assert_true(fabs(bought - 40.0 / 0.98) < 1e-9);
			assert_true(mn_round_half_up(bought, 1) == 40.8);
			break;
		case 90003:
			assert_true(fabs(bought - 30.0 / 0.895) < 1e-9);
			assert_true(mn_round_half_up(bought, 1) == 33.5);
			break;
		default:
			fail_msg("unexpected food %d", d.foods[i].code);
		}
	}
	mn_dish_detail_free(&d);
	assert_true(fabs(mn_bought_grams(10, 95) - 200) < 1e-9);
	assert_true(isnan(mn_bought_grams(10, 100)));
	assert_true(isnan(mn_bought_grams(10, -1)));
}

static void
price_in_force_by_date(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_date november = { 2026, 11, 1 }, october = { 2026, 10, 31 };
	struct mn_price_row *hist;
	struct mn_market_list m;
	int64_t price, id = fx->dish;
	size_t n;

	assert_int_equal(mn_kitchen_price_set(&fx->ctx, 90001, &november,
	    20000, &err), MN_OK);
	assert_int_equal(mn_kitchen_price_set(&fx->ctx, 90001, &tuesday,
	    25000, &err), MN_OK);
	assert_int_equal(mn_kitchen_price_set(&fx->ctx, 90001, &tuesday,
	    -5, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "unit_price");
	assert_int_equal(mn_kitchen_price_on(&fx->ctx, 90001, &october,
	    &price, &err), MN_OK);
	assert_int_equal(price, -1);
	assert_int_equal(mn_kitchen_price_on(&fx->ctx, 90001, &monday,
	    &price, &err), MN_OK);
	assert_int_equal(price, 20000);
	assert_int_equal(mn_kitchen_price_on(&fx->ctx, 90001, &tuesday,
	    &price, &err), MN_OK);
	assert_int_equal(price, 25000);
	assert_int_equal(mn_kitchen_price_history(&fx->ctx, 90001, &hist, &n,
	    &err), MN_OK);
	assert_int_equal(n, 2);
	assert_string_equal(hist[0].effective_from, "2026-12-01");
	assert_int_equal(hist[0].unit_price, 25000);
	assert_string_equal(hist[1].effective_from, "2026-11-01");
	free(hist);

	/*
	 * 10 meals of rice 80 g = 0.8 kg: 16 000 đ on Monday at 20 000 đ/kg,
	 * 20 000 đ on Tuesday at 25 000 đ/kg.
	 */
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &id, 1, &err), MN_OK);
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &tuesday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &id, 1, &err), MN_OK);
	assert_int_equal(mn_kitchen_meals_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_COUNT_PLANNED, 10, NULL, &err), MN_OK);
	assert_int_equal(mn_kitchen_meals_set(&fx->ctx, &tuesday,
	    MN_GROUP_MAU_GIAO, MN_COUNT_PLANNED, 10, NULL, &err), MN_OK);
	for (int day = 0; day < 2; day++) {
		bool found = false;

		assert_int_equal(mn_kitchen_market(&fx->ctx, day ? &tuesday :
		    &monday, &m, &err), MN_OK);
		for (size_t i = 0; i < m.count; i++) {
			if (m.lines[i].food->code != 90001)
				continue;
			found = true;
			assert_true(fabs(m.lines[i].quantity - 0.8) < 1e-9);
			assert_int_equal(m.lines[i].unit_price,
			    day ? 25000 : 20000);
			assert_int_equal(m.lines[i].amount,
			    day ? 20000 : 16000);
		}
		assert_true(found);
		mn_market_free(&m);
	}
}

static void
food_add_and_update(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_food_row row;
	struct mn_food f;

	memset(&f, 0, sizeof f);
	f.code = 90010;
	snprintf(f.name, sizeof f.name, "Bí đỏ thử");
	f.group = 4;
	f.refuse_pct = 15;
	f.value[MN_NUT_ENERGY] = 27;
	f.value[MN_NUT_PROTEIN] = 150;
	f.known = 1u << MN_NUT_ENERGY | 1u << MN_NUT_PROTEIN;
	snprintf(f.purchase_unit, sizeof f.purchase_unit, "kg");
	f.unit_grams = 1000;
	assert_int_equal(mn_kitchen_food_add(&fx->ctx, &f, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "protein_g");
	f.value[MN_NUT_PROTEIN] = 0.3;
	f.refuse_pct = 96;
	assert_int_equal(mn_kitchen_food_add(&fx->ctx, &f, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "refuse_pct");
	f.refuse_pct = 15;
	f.known &= ~(1u << MN_NUT_ENERGY);
	assert_int_equal(mn_kitchen_food_add(&fx->ctx, &f, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "energy_kcal");
	f.known |= 1u << MN_NUT_ENERGY;
	f.code = 90001;
	assert_int_equal(mn_kitchen_food_add(&fx->ctx, &f, &err),
	    MN_ERR_EXISTS);
	assert_string_equal(err.field, "code");
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM foods"),
	    3);
	f.code = 90010;
	assert_int_equal(mn_kitchen_food_add(&fx->ctx, &f, &err), MN_OK);

	assert_int_equal(mn_kitchen_food_get(&fx->ctx, 90010, &monday, &row,
	    &err), MN_OK);
	assert_int_equal(row.version, 1);
	assert_int_equal(row.unit_price, -1);
	assert_true(row.food.refuse_pct == 15);
	row.food.value[MN_NUT_C] = 16;
	row.food.known |= 1u << MN_NUT_C;
	assert_int_equal(mn_kitchen_food_update(&fx->ctx, &row.food,
	    row.version, &err), MN_OK);
	/* Saving again from the same read is a conflict. */
	assert_int_equal(mn_kitchen_food_update(&fx->ctx, &row.food,
	    row.version, &err), MN_ERR_CONFLICT);
	assert_int_equal(mn_kitchen_food_get(&fx->ctx, 90010, &monday, &row,
	    &err), MN_OK);
	assert_int_equal(row.version, 2);
	assert_true(row.food.value[MN_NUT_C] == 16);
	assert_true(count_rows(&fx->ctx, "SELECT count(*) FROM audit WHERE "
	    "table_name = 'foods' AND action = 'update'") == 1);
	act_as(&fx->ctx, MN_ROLE_TEACHER, "gv");
	assert_int_equal(mn_kitchen_food_update(&fx->ctx, &row.food,
	    row.version, &err), MN_ERR_DENIED);
}

static void
fill_supplier(struct mn_supplier *s)
{
	memset(s, 0, sizeof *s);
	snprintf(s->name, sizeof s->name, "HTX Rau sạch Thử");
	snprintf(s->address, sizeof s->address, "Thanh Trì, Hà Nội");
	snprintf(s->phone, sizeof s->phone, "0912 345 678");
	snprintf(s->supplies, sizeof s->supplies, "rau, củ");
	snprintf(s->certificate_no, sizeof s->certificate_no, "123/ATTP");
	snprintf(s->certificate_expiry, sizeof s->certificate_expiry,
	    "2027-06-30");
	s->active = true;
}

static void
supplier_validation(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_supplier s, got, *list;
	size_t n;
	int64_t purchase;

	fill_supplier(&s);
	s.name[0] = '\0';
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &s, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "name");
	fill_supplier(&s);
	snprintf(s.phone, sizeof s.phone, "12345");
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &s, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "phone");
	fill_supplier(&s);
	s.certificate_expiry[0] = '\0';
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &s, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "certificate_expiry");
	fill_supplier(&s);
	snprintf(s.certificate_expiry, sizeof s.certificate_expiry,
	    "2027-02-30");
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &s, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "certificate_expiry");
	assert_int_equal(count_rows(&fx->ctx,
	    "SELECT count(*) FROM suppliers"), 0);

	fill_supplier(&s);
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &s, &err), MN_OK);
	assert_true(s.id > 0);
	assert_int_equal(s.version, 1);
	assert_int_equal(mn_kitchen_supplier_get(&fx->ctx, s.id, &got, &err),
	    MN_OK);
	assert_string_equal(got.phone, "0912345678");
	got.id = 0;
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &got, &err),
	    MN_ERR_EXISTS);
	/* An update from a stale version is a conflict. */
	got = s;
	got.active = false;
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &got, &err),
	    MN_OK);
	assert_int_equal(got.version, 2);
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &s, &err),
	    MN_ERR_CONFLICT);
	assert_int_equal(mn_kitchen_supplier_list(&fx->ctx, true, &list, &n,
	    &err), MN_OK);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(mn_kitchen_supplier_list(&fx->ctx, false, &list, &n,
	    &err), MN_OK);
	assert_int_equal(n, 1);
	free(list);

	/* An inactive supplier cannot be picked for a new purchase. */
	assert_int_equal(mn_kitchen_purchase_add_from(&fx->ctx, &monday,
	    90001, 1.5, 20000, got.id, &purchase, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "supplier");
	got.active = true;
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &got, &err),
	    MN_OK);
	assert_int_equal(mn_kitchen_purchase_add_from(&fx->ctx, &monday,
	    90001, 1.5, 20000, got.id, &purchase, &err), MN_OK);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM purchases "
	    "WHERE supplier_id IS NOT NULL AND supplier = 'HTX Rau sạch "
	    "Thử'"), 1);
	/* Free text stays possible for purchases outside the register. */
	assert_int_equal(mn_kitchen_purchase_add(&fx->ctx, &monday, 90001, 1,
	    20000, "Chợ Đồng Xa", &purchase, &err), MN_OK);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM purchases "
	    "WHERE supplier_id IS NULL"), 1);
	act_as(&fx->ctx, MN_ROLE_PARENT, "phuhuynh");
	assert_int_equal(mn_kitchen_supplier_list(&fx->ctx, false, &list, &n,
	    &err), MN_ERR_DENIED);
}

static void
food_check_names_supplier(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_food_check c = { .step = 1, .meal = -1, .item = "Rau cải",
	    .supplier = "ignored", .checks = "tươi", .accepted = true,
	    .checked_by = "Bếp" };
	struct mn_supplier s;
	int64_t id;

	fill_supplier(&s);
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &s, &err), MN_OK);
	c.supplier_id = s.id;
	assert_int_equal(mn_kitchen_food_check_add(&fx->ctx, &monday, &c, &id,
	    &err), MN_OK);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "food_checks WHERE supplier = 'HTX Rau sạch Thử' AND "
	    "supplier_id IS NOT NULL"), 1);
	c.supplier_id = s.id + 100;
	assert_int_equal(mn_kitchen_food_check_add(&fx->ctx, &monday, &c, &id,
	    &err), MN_ERR_NOTFOUND);
	assert_string_equal(err.field, "supplier");
}

/* A certificate that expired before the day refuses the supplier. */
static void
expired_certificate_refused(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_food_check c = { .step = 1, .meal = -1, .item = "Rau cải",
	    .checks = "tươi", .accepted = true, .checked_by = "Bếp" };
	struct mn_date last_valid = { 2026, 11, 29 };
	struct mn_supplier s;
	int64_t id;
	int checks = count_rows(&fx->ctx, "SELECT count(*) FROM food_checks");

	fill_supplier(&s);
	snprintf(s.certificate_expiry, sizeof s.certificate_expiry,
	    "2026-11-29");
	assert_int_equal(mn_kitchen_supplier_save(&fx->ctx, &s, &err), MN_OK);
	c.supplier_id = s.id;
	/* Valid on its last day, refused the day after. */
	assert_int_equal(mn_kitchen_food_check_add(&fx->ctx, &last_valid, &c,
	    &id, &err), MN_OK);
	assert_int_equal(mn_kitchen_food_check_add(&fx->ctx, &monday, &c, &id,
	    &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "supplier");
	assert_non_null(strstr(err.message, "HTX Rau sạch Thử"));
	assert_non_null(strstr(err.message, "29/11/2026"));
	assert_non_null(strstr(err.message, "new certificate"));
	assert_int_equal(mn_kitchen_purchase_add_from(&fx->ctx, &monday, 90001,
	    2, 20000, s.id, &id, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "29/11/2026"));
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "food_checks"), checks + 1);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "purchases"), 0);
	assert_int_equal(mn_kitchen_purchase_add_from(&fx->ctx, &last_valid,
	    90001, 2, 20000, s.id, &id, &err), MN_OK);
}

static void
requirement_in_force_on_menu_date(void **state)
{
	struct fixture *fx = *state;
	struct mn_error err = { 0 };
	struct mn_requirement r, got;
	struct mn_requirement_row *rows;
	struct mn_nutrition n;
	struct mn_check checks[MN_CHECK_COUNT];
	int64_t id = fx->dish;
	size_t count;

	mn_requirement_default(MN_GROUP_MAU_GIAO, &r);
	r.kcal.min = 300;
	r.kcal.max = 400;
	assert_int_equal(mn_kitchen_requirement_set(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &tuesday, &r, &err), MN_ERR_DENIED);
	act_as(&fx->ctx, MN_ROLE_PRINCIPAL, "hieutruong");
	r.kcal.min = 500;
	assert_int_equal(mn_kitchen_requirement_set(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &tuesday, &r, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "kcal");
	r.kcal.min = 300;
	assert_int_equal(mn_kitchen_requirement_set(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &tuesday, &r, &err), MN_OK);
	assert_int_equal(mn_kitchen_requirement_list(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &rows, &count, &err), MN_OK);
	assert_int_equal(count, 2);
	assert_string_equal(rows[0].effective_from, "2026-12-01");
	assert_true(rows[0].r.kcal.max == 400);
	assert_string_equal(rows[0].changed_by, "hieutruong");
	assert_true(rows[1].r.kcal.min == 615);
	free(rows);

	/*
	 * The same menu on both days: rice 80 g, pork 40 g, carrot 30 g give
	 * P 14.45 g, L 3.66 g, G 63.14 g, 4/9/4 energy 343.3 kcal.  It
	 * misses 615-726 on Monday and meets 300-400 from Tuesday.
	 */
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &id, 1, &err), MN_OK);
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &tuesday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, &id, 1, &err), MN_OK);
	for (int day = 0; day < 2; day++) {
		const struct mn_date *d = day ? &tuesday : &monday;

		assert_int_equal(mn_kitchen_day_nutrition(&fx->ctx, d,
		    MN_GROUP_MAU_GIAO, &n, &err), MN_OK);
		assert_true(fabs(n.kcal - 343.3) < 1e-9);
		assert_int_equal(mn_kitchen_requirement(&fx->ctx,
		    MN_GROUP_MAU_GIAO, d, &got, &err), MN_OK);
		mn_nutrition_evaluate(&n, &got, checks);
		assert_true(checks[MN_CHECK_KCAL].checked);
		assert_int_equal(checks[MN_CHECK_KCAL].meets, day == 1);
	}
	/* The kitchen reads the requirements but may not edit them. */
	assert_int_equal(mn_kitchen_requirement_list(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &rows, &count, &err), MN_OK);
	free(rows);
	assert_int_equal(mn_kitchen_requirement_set(&fx->ctx,
	    MN_GROUP_MAU_GIAO, &tuesday, &r, &err), MN_ERR_DENIED);
}

static void
rights_match_roles(void **state)
{
	struct mn_actor parent = { .roles = MN_ROLE_PARENT };
	struct mn_actor kitchen = { .roles = MN_ROLE_KITCHEN };
	struct mn_actor principal = { .roles = MN_ROLE_PRINCIPAL };
	struct mn_actor nurse = { .roles = MN_ROLE_NURSE };

	(void)state;
	assert_true(mn_kitchen_may(&parent, MN_KITCHEN_READ_MENU));
	assert_false(mn_kitchen_may(&parent, MN_KITCHEN_PLAN));
	assert_false(mn_kitchen_may(&parent, MN_KITCHEN_APPROVE));
	assert_true(mn_kitchen_may(&kitchen, MN_KITCHEN_PLAN));
	assert_true(mn_kitchen_may(&kitchen, MN_KITCHEN_DISHES));
	assert_false(mn_kitchen_may(&principal, MN_KITCHEN_DISHES));
	assert_false(mn_kitchen_may(&kitchen, MN_KITCHEN_APPROVE));
	assert_true(mn_kitchen_may(&principal, MN_KITCHEN_APPROVE));
	assert_false(mn_kitchen_may(&nurse, MN_KITCHEN_PLAN));
	assert_true(mn_kitchen_may(&nurse, MN_KITCHEN_SAFETY));
	assert_false(mn_kitchen_may(&kitchen, (enum mn_kitchen_right)99));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T_(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T_(dish_validation_writes_nothing),
		T_(dish_edit_detects_conflict),
		T_(dish_fixed_by_approved_and_past_menus),
		T_(bought_weight_from_refuse),
		T_(price_in_force_by_date),
		T_(food_add_and_update),
		T_(supplier_validation),
		T_(food_check_names_supplier),
		T_(expired_certificate_refused),
		T_(requirement_in_force_on_menu_date),
		cmocka_unit_test(rights_match_roles),
#undef T_
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
