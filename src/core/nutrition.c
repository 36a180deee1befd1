/*
 * Balanced-portion calculation, market list and meal-fee book.  The
 * method and the rounding rule are described in docs/NUTRITION.md.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/nutrition.h"

/* Largest edible weight of one food in one child's day, in grams. */
#define MAX_PORTION_G 2000.0
/* Largest number of children a kitchen cooks for in one age group. */
#define MAX_CHILDREN 5000
/* Largest price of one purchase unit, in đồng. */
#define MAX_UNIT_PRICE 100000000

static const struct {
	const char *key;
	const char *en;
	const char *vi;
} group_names[MN_GROUP_COUNT] = {
	{ "nha-tre", "crèche (nhà trẻ)", "nhà trẻ" },
	{ "mau-giao", "kindergarten (mẫu giáo)", "mẫu giáo" },
}, meal_names[MN_MEAL_COUNT] = {
	{ "breakfast", "breakfast", "bữa sáng" },
	{ "lunch", "lunch", "bữa trưa" },
	{ "afternoon", "afternoon meal", "bữa chiều" },
	{ "snack", "snack", "bữa phụ" },
};

const char *
mn_menu_group_key(enum mn_age_group g)
{
	return (unsigned)g < MN_GROUP_COUNT ? group_names[g].key : "?";
}

const char *
mn_menu_group_label(enum mn_age_group g)
{
	if ((unsigned)g >= MN_GROUP_COUNT)
		return "?";
	return mn_pick(group_names[g].en, group_names[g].vi);
}

int
mn_menu_group_parse(const char *text, enum mn_age_group *g,
    struct mn_error *err)
{
	for (int i = 0; i < MN_GROUP_COUNT; i++)
		if (text != NULL && strcmp(text, group_names[i].key) == 0) {
			*g = (enum mn_age_group)i;
			return MN_OK;
		}
	return mn_fail(err, MN_ERR_INVALID, "group",
	    T("group: invalid value '%.32s'; expected nha-tre or mau-giao",
	    "nhóm tuổi: giá trị '%.32s' không hợp lệ; cần nha-tre hoặc "
	    "mau-giao"), text ? text : "");
}

const char *
mn_meal_key(enum mn_meal m)
{
	return (unsigned)m < MN_MEAL_COUNT ? meal_names[m].key : "?";
}

const char *
mn_meal_label(enum mn_meal m)
{
	if ((unsigned)m >= MN_MEAL_COUNT)
		return "?";
	return mn_pick(meal_names[m].en, meal_names[m].vi);
}

int
mn_meal_parse(const char *text, enum mn_meal *m, struct mn_error *err)
{
	for (int i = 0; i < MN_MEAL_COUNT; i++)
		if (text != NULL && strcmp(text, meal_names[i].key) == 0) {
			*m = (enum mn_meal)i;
			return MN_OK;
		}
	return mn_fail(err, MN_ERR_INVALID, "meal",
	    T("meal: invalid value '%.32s'; expected breakfast, lunch, "
	    "afternoon or snack", "bữa ăn: giá trị '%.32s' không hợp lệ; "
	    "cần breakfast, lunch, afternoon hoặc snack"), text ? text : "");
}

double
mn_round_half_up(double x, int decimals)
{
	double scale = pow(10.0, decimals);
	double v = x * scale;
	double whole = trunc(v);
	double r = round(v);

	/*
	 * x * scale can fall just short of a half because x has no exact
	 * binary form (1.005 * 100 = 100.49999...); such a value is taken
	 * as the half it was written as.
	 */
	if (fabs(fabs(v - whole) - 0.5) < 1e-9 * fmax(1.0, fabs(v)))
		r = whole + copysign(1.0, v);
	return r / scale;
}

int64_t
mn_round_money(double amount)
{
	return (int64_t)mn_round_half_up(amount, 0);
}

static struct mn_range
range(double min, double max)
{
	struct mn_range r = { min, max };

	return r;
}

void
mn_requirement_default(enum mn_age_group group, struct mn_requirement *r)
{
	double share;

	for (int m = 0; m < MN_MEAL_COUNT; m++)
		r->meal_pct[m] = range(NAN, NAN);
	r->protein_pct = range(13, 20);
	r->animal_protein_pct = range(60, NAN);
	r->animal_lipid_pct = range(NAN, NAN);
	r->iron_mg = range(NAN, NAN);
	r->vitamin_b1_mg = range(NAN, NAN);
	r->meal_pct[MN_MEAL_BREAKFAST] = range(10, 15);
	r->meal_pct[MN_MEAL_LUNCH] = range(30, 35);
	if (group == MN_GROUP_NHA_TRE) {
		r->kcal = range(600, 651);
		r->lipid_pct = range(30, 40);
		r->glucid_pct = range(40, 50);
		/* Daily needs: calcium 500 mg, vitamin A 350 µg (girls),
		   vitamin C 35 mg; 60 % of the day is eaten at school. */
		share = 0.60;
		r->calcium_mg = range(500 * share, NAN);
		r->vitamin_a_ug = range(350 * share, NAN);
		r->vitamin_c_mg = range(35 * share, NAN);
		r->daily_kcal = (1000 + 930) / 2.0;
		r->meal_pct[MN_MEAL_AFTERNOON] = range(25, 30);
		r->meal_pct[MN_MEAL_SNACK] = range(5, 10);
	} else {
		r->kcal = range(615, 726);
		r->lipid_pct = range(25, 35);
		r->glucid_pct = range(52, 60);
		/* Daily needs: calcium 600 mg, vitamin A 400 µg (girls),
		   vitamin C 40 mg; 50 % of the day is eaten at school. */
		share = 0.50;
		r->calcium_mg = range(600 * share, NAN);
		r->vitamin_a_ug = range(400 * share, NAN);
		r->vitamin_c_mg = range(40 * share, NAN);
		r->daily_kcal = (1320 + 1230) / 2.0;
		r->meal_pct[MN_MEAL_SNACK] = range(15, 25);
	}
}

static double
percent(double part, double whole)
{
	return whole > 0 ? 100.0 * part / whole : 0;
}

/* Fills the energy and the shares from the gram totals. */
static void
derive_shares(struct mn_nutrition *n)
{
	double p = n->value[MN_NUT_PROTEIN];
	double l = n->value[MN_NUT_LIPID];
	double g = n->value[MN_NUT_GLUCID];

	n->kcal = 4 * p + 9 * l + 4 * g;
	n->protein_pct = percent(4 * p, n->kcal);
	n->lipid_pct = percent(9 * l, n->kcal);
	n->glucid_pct = percent(4 * g, n->kcal);
	n->animal_protein_pct = percent(n->protein_animal, p);
	n->animal_lipid_pct = percent(n->lipid_animal, l);
	n->vitamin_a_ug = n->value[MN_NUT_RETINOL] +
	    n->value[MN_NUT_BETA_CAROTENE] / 6.0;
	for (int m = 0; m < MN_MEAL_COUNT; m++)
		n->meal_pct[m] = percent(n->meal_kcal[m], n->kcal);
}

int
mn_nutrition_compute(const struct mn_portion *portions, size_t count,
    struct mn_nutrition *out, struct mn_error *err)
{
	memset(out, 0, sizeof *out);
	if (count == 0)
		return mn_fail(err, MN_ERR_INVALID, "menu", "%s",
		    T("menu: no food in the day; expected at least one dish "
		    "with ingredients", "thực đơn: ngày không có thực phẩm "
		    "nào; cần ít nhất một món có nguyên liệu"));
	for (size_t i = 0; i < count; i++) {
		const struct mn_portion *p = &portions[i];

		if (p->food == NULL)
			return mn_fail(err, MN_ERR_NOTFOUND, "food", "%s",
			    T("food: missing from the food table",
			    "thực phẩm: không có trong bảng thực phẩm"));
		if (!(p->edible_g > 0 && p->edible_g <= MAX_PORTION_G))
			return mn_fail(err, MN_ERR_INVALID, "edible_g",
			    T("edible weight of %s: invalid value %g; "
			    "expected grams above 0 and at most %g",
			    "khối lượng ăn được của %s: giá trị %g không hợp "
			    "lệ; cần số gam lớn hơn 0 và không quá %g"),
			    p->food->name, p->edible_g, MAX_PORTION_G);
		if ((unsigned)p->meal >= MN_MEAL_COUNT)
			return mn_fail(err, MN_ERR_INVALID, "meal",
			    T("meal: invalid value %d", "bữa ăn: giá trị %d "
			    "không hợp lệ"), (int)p->meal);
	}
	for (size_t i = 0; i < count; i++) {
		const struct mn_portion *p = &portions[i];
		const struct mn_food *f = p->food;
		double k = p->edible_g / 100.0;
		double prot = f->value[MN_NUT_PROTEIN] * k;
		double lip = f->value[MN_NUT_LIPID] * k;
		double glu = f->value[MN_NUT_GLUCID] * k;

		for (int n = 0; n < MN_NUT_COUNT; n++) {
			if (f->known & (1u << n))
				out->value[n] += f->value[n] * k;
			else
				out->missing |= 1u << n;
		}
		if (f->animal) {
			out->protein_animal += prot;
			out->lipid_animal += lip;
		} else {
			out->protein_vegetable += prot;
			out->lipid_vegetable += lip;
		}
		out->meal_kcal[p->meal] += 4 * prot + 9 * lip + 4 * glu;
		out->meals |= 1u << p->meal;
	}
	out->days = 1;
	derive_shares(out);
	return MN_OK;
}

void
mn_nutrition_average(const struct mn_nutrition *days, size_t count,
    struct mn_nutrition *out)
{
	memset(out, 0, sizeof *out);
	if (count == 0)
		return;
	for (size_t i = 0; i < count; i++) {
		const struct mn_nutrition *d = &days[i];

		for (int n = 0; n < MN_NUT_COUNT; n++)
			out->value[n] += d->value[n] / (double)count;
		out->missing |= d->missing;
		out->protein_animal += d->protein_animal / (double)count;
		out->protein_vegetable += d->protein_vegetable / (double)count;
		out->lipid_animal += d->lipid_animal / (double)count;
		out->lipid_vegetable += d->lipid_vegetable / (double)count;
		for (int m = 0; m < MN_MEAL_COUNT; m++)
			out->meal_kcal[m] += d->meal_kcal[m] / (double)count;
		out->meals |= d->meals;
	}
	out->days = (int)count;
	derive_shares(out);
}

static const struct {
	const char *en;
	const char *vi;
	const char *unit;
} check_names[MN_CHECK_MEAL_FIRST] = {
	{ "energy (4/9/4)", "năng lượng (4/9/4)", "kcal" },
	{ "protein share of energy", "tỷ lệ năng lượng từ protein", "%" },
	{ "lipid share of energy", "tỷ lệ năng lượng từ lipid", "%" },
	{ "glucid share of energy", "tỷ lệ năng lượng từ glucid", "%" },
	{ "animal protein / protein", "protein động vật / tổng protein",
	    "%" },
	{ "animal lipid / lipid", "lipid động vật / tổng lipid", "%" },
	{ "calcium", "canxi", "mg" },
	{ "iron", "sắt", "mg" },
	{ "vitamin A (retinol equivalents)", "vitamin A (đương lượng "
	    "retinol)", "µg" },
	{ "vitamin B1", "vitamin B1", "mg" },
	{ "vitamin C", "vitamin C", "mg" },
};

const char *
mn_check_label(enum mn_check_item item)
{
	static char buf[MN_MEAL_COUNT][96];

	if ((unsigned)item >= MN_CHECK_COUNT)
		return "?";
	if (item < MN_CHECK_MEAL_FIRST)
		return mn_pick(check_names[item].en, check_names[item].vi);
	int m = item - MN_CHECK_MEAL_FIRST;

	snprintf(buf[m], sizeof buf[m], T("%s, share of daily need",
	    "%s, tỷ lệ so với nhu cầu cả ngày"), mn_meal_label(m));
	return buf[m];
}

const char *
mn_check_unit(enum mn_check_item item)
{
	if ((unsigned)item >= MN_CHECK_COUNT)
		return "";
	return item < MN_CHECK_MEAL_FIRST ? check_names[item].unit : "%";
}

int
mn_check_decimals(enum mn_check_item item)
{
	return item == MN_CHECK_VITAMIN_B1 ? 2 : 1;
}

static void
check(struct mn_check *out, enum mn_check_item item, double value,
    struct mn_range target, bool applies)
{
	struct mn_check *c = &out[item];
	double shown = mn_round_half_up(value, mn_check_decimals(item));

	c->value = value;
	c->target = target;
	c->checked = applies && !(isnan(target.min) && isnan(target.max));
	c->meets = c->checked &&
	    (isnan(target.min) || shown >= target.min) &&
	    (isnan(target.max) || shown <= target.max);
}

void
mn_nutrition_evaluate(const struct mn_nutrition *n,
    const struct mn_requirement *r, struct mn_check out[MN_CHECK_COUNT])
{
	check(out, MN_CHECK_KCAL, n->kcal, r->kcal, true);
	check(out, MN_CHECK_PROTEIN_PCT, n->protein_pct, r->protein_pct,
	    true);
	check(out, MN_CHECK_LIPID_PCT, n->lipid_pct, r->lipid_pct, true);
	check(out, MN_CHECK_GLUCID_PCT, n->glucid_pct, r->glucid_pct, true);
	check(out, MN_CHECK_ANIMAL_PROTEIN_PCT, n->animal_protein_pct,
	    r->animal_protein_pct, true);
	check(out, MN_CHECK_ANIMAL_LIPID_PCT, n->animal_lipid_pct,
	    r->animal_lipid_pct, true);
	check(out, MN_CHECK_CALCIUM, n->value[MN_NUT_CALCIUM], r->calcium_mg,
	    true);
	check(out, MN_CHECK_IRON, n->value[MN_NUT_IRON], r->iron_mg, true);
	check(out, MN_CHECK_VITAMIN_A, n->vitamin_a_ug, r->vitamin_a_ug,
	    true);
	check(out, MN_CHECK_VITAMIN_B1, n->value[MN_NUT_B1],
	    r->vitamin_b1_mg, true);
	check(out, MN_CHECK_VITAMIN_C, n->value[MN_NUT_C], r->vitamin_c_mg,
	    true);
	for (int m = 0; m < MN_MEAL_COUNT; m++)
		check(out, MN_CHECK_MEAL_FIRST + m, r->daily_kcal > 0 ?
		    100.0 * n->meal_kcal[m] / r->daily_kcal : 0,
		    r->meal_pct[m], (n->meals & (1u << m)) != 0);
}

const char *
mn_check_verdict(const struct mn_check *c)
{
	if (!c->checked)
		return "";
	return c->meets ? T("meets", "đạt") : T("does not meet", "chưa đạt");
}

double
mn_bought_grams(double edible_g, double refuse_pct)
{
	if (!(refuse_pct >= 0 && refuse_pct < 100))
		return NAN;
	return edible_g / (1.0 - refuse_pct / 100.0);
}

bool
mn_unit_divisible(const char *unit)
{
	static const char *units[] = { "kg", "g", "lít", "l", "ml", "lạng" };

	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strcmp(unit, units[i]) == 0)
			return true;
	return false;
}

/*
 * Rounds a purchase quantity up, because the kitchen cannot buy less
 * than it needs: to 0.01 of a weight or volume unit (10 g of a kg), to a
 * whole unit for pieces.  The small offset keeps 1.5 from becoming 1.51
 * when the division leaves 1.50000000001.
 */
static double
round_quantity(double units, bool divisible)
{
	if (divisible)
		return ceil(units * 100.0 - 1e-6) / 100.0;
	return ceil(units - 1e-6);
}

int
mn_market_compute(const struct mn_market_need *needs, size_t count,
    struct mn_market_list *out, struct mn_error *err)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < count; i++) {
		const struct mn_market_need *n = &needs[i];

		if (n->food == NULL)
			return mn_fail(err, MN_ERR_NOTFOUND, "food", "%s",
			    T("food: missing from the food table",
			    "thực phẩm: không có trong bảng thực phẩm"));
		if (!(n->edible_g > 0 && n->edible_g <= MAX_PORTION_G))
			return mn_fail(err, MN_ERR_INVALID, "edible_g",
			    T("edible weight of %s: invalid value %g; "
			    "expected grams above 0 and at most %g",
			    "khối lượng ăn được của %s: giá trị %g không hợp "
			    "lệ; cần số gam lớn hơn 0 và không quá %g"),
			    n->food->name, n->edible_g, MAX_PORTION_G);
		if (n->children < 0 || n->children > MAX_CHILDREN)
			return mn_fail(err, MN_ERR_INVALID, "children",
			    T("number of meals: invalid value %d; expected "
			    "0 to %d", "số suất ăn: giá trị %d không hợp lệ; "
			    "cần từ 0 đến %d"), n->children, MAX_CHILDREN);
		if (n->unit_price > MAX_UNIT_PRICE)
			return mn_fail(err, MN_ERR_INVALID, "unit_price",
			    T("price of %s: invalid value %lld; expected "
			    "đồng from 0 to %d", "giá của %s: giá trị %lld "
			    "không hợp lệ; cần số đồng từ 0 đến %d"),
			    n->food->name, (long long)n->unit_price,
			    MAX_UNIT_PRICE);
		if (!(n->food->unit_grams > 0) ||
		    !(n->food->refuse_pct >= 0 && n->food->refuse_pct < 100))
			return mn_fail(err, MN_ERR_INVALID, "unit_grams",
			    T("food %s: purchase unit weight or refuse "
			    "share invalid; expected grams above 0 and "
			    "refuse below 100 %%", "thực phẩm %s: khối lượng "
			    "đơn vị mua hoặc tỷ lệ thải bỏ không hợp lệ; cần "
			    "số gam lớn hơn 0 và thải bỏ dưới 100 %%"),
			    n->food->name);
	}
	if (count > 0) {
		out->lines = calloc(count, sizeof *out->lines);
		if (out->lines == NULL)
			return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	}
	for (size_t i = 0; i < count; i++) {
		const struct mn_market_need *n = &needs[i];
		struct mn_market_line *line = NULL;

		for (size_t j = 0; j < out->count; j++)
			if (out->lines[j].food->code == n->food->code)
				line = &out->lines[j];
		if (line == NULL) {
			line = &out->lines[out->count++];
			line->food = n->food;
			line->unit_price = n->unit_price;
		}
		line->edible_g += n->edible_g * n->children;
	}
	for (size_t j = 0; j < out->count; j++) {
		struct mn_market_line *line = &out->lines[j];
		const struct mn_food *f = line->food;

		line->bought_g = mn_bought_grams(line->edible_g,
		    f->refuse_pct);
		line->quantity = round_quantity(line->bought_g / f->unit_grams,
		    mn_unit_divisible(f->purchase_unit));
		if (line->unit_price < 0) {
			out->missing_prices++;
			continue;
		}
		line->amount = mn_round_money(line->quantity *
		    (double)line->unit_price);
		out->total += line->amount;
	}
	return MN_OK;
}

void
mn_market_free(struct mn_market_list *list)
{
	free(list->lines);
	free(list->owned_foods);
	memset(list, 0, sizeof *list);
}

void
mn_fee_book_compute(const struct mn_fee_day *days, size_t count,
    int64_t opening, struct mn_fee_row *rows)
{
	int64_t balance = opening;

	for (size_t i = 0; i < count; i++) {
		const struct mn_fee_day *d = &days[i];
		struct mn_fee_row *r = &rows[i];

		memset(r, 0, sizeof *r);
		memcpy(r->date, d->date, sizeof r->date);
		for (int g = 0; g < MN_GROUP_COUNT; g++) {
			r->children += d->children[g];
			r->money_in += d->fee[g] * d->children[g];
		}
		r->money_out = d->spent;
		r->day_balance = r->money_in - r->money_out;
		balance += r->day_balance;
		r->balance = balance;
		r->cost_per_child = r->children > 0 ?
		    mn_round_money((double)r->money_out / r->children) : 0;
	}
}
