/*
 * Demo kitchen: dishes of a Vietnamese kindergarten with their
 * ingredients taken from the shipped food table by name, prices, meal
 * fees, weekly menus, meal counts, purchases and food-safety logs for
 * the current school year.  Everything follows from the seed and today.
 *
 * Dishes, prices and fees go through the core functions.  The bulk rows
 * (menus, counts, purchases, logs) are written with prepared statements
 * reused over one transaction per week, because a transaction per row
 * would make `mamnon demo` take seconds; each week gets one audit row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/attendance.h"
#include "core/audit.h"
#include "core/date.h"
#include "core/db.h"
#include "core/demo.h"
#include "core/demo_kitchen.h"
#include "core/kitchen.h"
#include "core/kitchen_edit.h"
#include "core/kitchen_priv.h"
#include "core/registers.h"

/* Edible grams per child; 0 leaves the food out of that group's portion. */
struct demo_ingredient {
	const char *food;
	double nha_tre, mau_giao;
};

#define MAX_INGREDIENTS 6

struct demo_dish {
	const char *name;
	struct demo_ingredient items[MAX_INGREDIENTS];
};

enum {
	D_COM, D_THIT_KHO, D_CA_SOT, D_GA_XAO, D_BO_XAO, D_DAU_SOT, D_TOM_RIM,
	D_CANH_BI_DO, D_CANH_NGOT, D_CANH_CAI, D_CANH_BI_XANH, D_CANH_CUA,
	D_CHUOI, D_DUA_HAU, D_CAM, D_CHAO_THIT, D_MI_GA, D_BUN_RIEU,
	D_SUP_KHOAI, D_CHAO_TOM, D_SUA, D_SUA_CHUA, D_FLAN, D_COUNT
};

#define OIL "Dầu lạc"
#define FISH_SAUCE "Nước mắm cá loại I"
#define PORK "Thịt lợn nạc"

static const struct demo_dish dishes[D_COUNT] = {
	[D_COM] = { "Cơm trắng", { { "Gạo tẻ máy", 55, 75 } } },
	[D_THIT_KHO] = { "Thịt kho trứng cút", {
	    { PORK, 20, 25 }, { "Trứng chim cút", 10, 15 },
	    { FISH_SAUCE, 2, 3 }, { "Đường kính", 1, 2 }, { OIL, 5, 4 } } },
	[D_CA_SOT] = { "Cá sốt cà chua", {
	    { "Cá rô phi", 25, 35 }, { "Cà chua", 10, 15 },
	    { FISH_SAUCE, 2, 3 }, { OIL, 6, 5 } } },
	[D_GA_XAO] = { "Thịt gà xào nấm", {
	    { "Thịt gà ta", 20, 28 }, { "Nấm rơm", 10, 12 },
	    { "Hành tây", 5, 5 }, { OIL, 5, 4 } } },
	[D_BO_XAO] = { "Thịt bò xào cà rốt", {
	    { "Thịt bò loại I", 20, 25 },
	    { "Cà rốt (củ đỏ, vàng)", 10, 15 }, { OIL, 6, 5 } } },
	[D_DAU_SOT] = { "Đậu phụ sốt thịt băm", {
	    { "Đậu phụ", 20, 30 }, { PORK, 15, 20 }, { "Cà chua", 5, 10 },
	    { OIL, 6, 5 } } },
	[D_TOM_RIM] = { "Tôm rim thịt", {
	    { "Tôm biển", 15, 20 },
	    { "Thịt lợn nửa nạc, nửa mỡ", 10, 15 }, { FISH_SAUCE, 2, 3 },
	    { "Đường kính", 1, 2 }, { OIL, 5, 3 } } },
	[D_CANH_BI_DO] = { "Canh bí đỏ nấu tôm", {
	    { "Bí ngô", 25, 30 }, { "Tôm đồng", 8, 10 },
	    { "Hành lá (hành hoa)", 1, 2 } } },
	[D_CANH_NGOT] = { "Canh rau ngót nấu thịt", {
	    { "Rau ngót", 15, 20 }, { PORK, 8, 10 } } },
	[D_CANH_CAI] = { "Canh cải xanh nấu cá", {
	    { "Cải xanh", 20, 25 }, { "Cá trắm cỏ", 8, 10 } } },
	[D_CANH_BI_XANH] = { "Canh bí xanh nấu thịt", {
	    { "Bí đao (bí xanh)", 25, 30 }, { PORK, 8, 10 } } },
	[D_CANH_CUA] = { "Canh cua rau mồng tơi", {
	    { "Cua đồng", 10, 12 }, { "Rau mồng tơi", 15, 20 } } },
	[D_CHUOI] = { "Chuối tiêu", { { "Chuối tiêu", 40, 50 } } },
	[D_DUA_HAU] = { "Dưa hấu", { { "Dưa hấu", 60, 80 } } },
	[D_CAM] = { "Cam", { { "Cam", 50, 60 } } },
	[D_CHAO_THIT] = { "Cháo thịt bằm", {
	    { "Gạo tẻ máy", 45, 30 }, { PORK, 20, 15 },
	    { "Cà rốt (củ đỏ, vàng)", 8, 10 }, { OIL, 8, 4 },
	    { "Hành lá (hành hoa)", 1, 1 } } },
	[D_MI_GA] = { "Mì nấu thịt gà", {
	    { "Mỳ sợi", 40, 35 }, { "Thịt gà ta", 15, 15 },
	    { "Cải xanh", 10, 10 }, { OIL, 8, 3 } } },
	[D_BUN_RIEU] = { "Bún riêu cua", {
	    { "Bún", 120, 90 }, { "Cua đồng", 15, 12 }, { PORK, 10, 0 },
	    { "Cà chua", 10, 10 }, { OIL, 8, 3 } } },
	[D_SUP_KHOAI] = { "Súp khoai tây thịt bò", {
	    { "Khoai tây", 50, 40 }, { "Thịt bò loại I", 20, 15 },
	    { "Cà rốt (củ đỏ, vàng)", 10, 10 }, { "Bột mì", 15, 10 },
	    { OIL, 8, 3 } } },
	[D_CHAO_TOM] = { "Cháo tôm bí đỏ", {
	    { "Gạo tẻ máy", 45, 30 }, { "Tôm đồng", 15, 12 },
	    { "Bí ngô", 15, 15 }, { OIL, 8, 4 } } },
	[D_SUA] = { "Sữa tươi", { { "Sữa bò tươi", 100, 150 } } },
	[D_SUA_CHUA] = { "Sữa chua", {
	    { "Sữa chua (từ sữa bò)", 100, 100 } } },
	[D_FLAN] = { "Bánh flan", {
	    { "Trứng gà", 15, 20 }, { "Sữa bò tươi", 60, 80 },
	    { "Đường kính", 5, 7 } } },
};

/* Prices in đồng per purchase unit of the shipped table (kg, lít, quả). */
static const struct {
	const char *food;
	int64_t price;
} prices[] = {
	{ "Gạo tẻ máy", 18000 }, { PORK, 140000 },
	{ "Thịt lợn nửa nạc, nửa mỡ", 120000 }, { "Trứng chim cút", 800 },
	{ "Trứng gà", 3500 }, { FISH_SAUCE, 60000 }, { "Đường kính", 25000 },
	{ OIL, 55000 }, { "Cá rô phi", 60000 }, { "Cà chua", 25000 },
	{ "Thịt gà ta", 130000 }, { "Nấm rơm", 80000 },
	{ "Hành tây", 25000 }, { "Thịt bò loại I", 280000 },
	{ "Cà rốt (củ đỏ, vàng)", 20000 }, { "Đậu phụ", 30000 },
	{ "Tôm biển", 250000 }, { "Bí ngô", 18000 }, { "Tôm đồng", 180000 },
	{ "Hành lá (hành hoa)", 40000 }, { "Rau ngót", 30000 },
	{ "Cải xanh", 20000 }, { "Cá trắm cỏ", 70000 },
	{ "Bí đao (bí xanh)", 15000 }, { "Cua đồng", 120000 },
	{ "Rau mồng tơi", 20000 }, { "Chuối tiêu", 25000 },
	{ "Dưa hấu", 15000 }, { "Cam", 35000 }, { "Mỳ sợi", 40000 },
	{ "Bún", 15000 }, { "Khoai tây", 25000 }, { "Bột mì", 20000 },
	{ "Sữa bò tươi", 35000 }, { "Sữa chua (từ sữa bò)", 7000 },
};

/*
 * Meal fee per child per day, đồng: about the demo menus' average cost,
 * so that the meal-fee book stays close to balanced over the year.
 */
#define FEE_NHA_TRE 24000
#define FEE_MAU_GIAO 24000

/* Dishes rotated over a week; each week starts at a random offset. */
static const int mains[] = {
	D_THIT_KHO, D_CA_SOT, D_GA_XAO, D_BO_XAO, D_DAU_SOT, D_TOM_RIM,
};
static const int soups[] = {
	D_CANH_BI_DO, D_CANH_NGOT, D_CANH_CAI, D_CANH_BI_XANH, D_CANH_CUA,
};
static const int fruits[] = { D_CHUOI, D_DUA_HAU, D_CAM };
static const int afternoons[] = {
	D_CHAO_THIT, D_MI_GA, D_BUN_RIEU, D_SUP_KHOAI, D_CHAO_TOM,
};
static const int milks[] = { D_SUA, D_SUA_CHUA, D_FLAN };

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static const char *const suppliers[] = {
	"HTX Nông nghiệp Thanh Trì", "Công ty TNHH Thực phẩm sạch An Phát",
	"Cửa hàng thực phẩm Minh Hằng",
};

/* Register details of suppliers[i]; made-up addresses and numbers. */
static const struct {
	const char *address, *phone, *supplies, *certificate;
	int expiry_year;
} supplier_details[] = {
	{ "Xã Tam Hiệp, huyện Thanh Trì, Hà Nội", "0243 861 2345",
	    "rau, củ, quả", "112/2025/NNPTNT-HN", 2028 },
	{ "Phường Định Công, quận Hoàng Mai, Hà Nội", "0912 345 678",
	    "thịt, cá, trứng, sữa", "245/2024/ATTP-CNĐK", 2027 },
	{ "Phường Tương Mai, quận Hoàng Mai, Hà Nội", "0987 654 321",
	    "gạo, gia vị, dầu ăn, đường", "078/2024/ATTP-CNĐK", 2027 },
};
#define COOK "Phạm Văn Bình"
#define KITCHEN_LOGIN "kitchen"

/* The dishes of one day of one age group, per meal; -1 ends a meal. */
struct day_menu {
	int dish[MN_MEAL_COUNT][4];
};

struct demo_state {
	struct mn_ctx *ctx;
	struct mn_rng rng;
	int64_t dish_id[D_COUNT];
	long today;
	char now[32];
	sqlite3_stmt *week_ins, *item_ins, *count_ins, *count_planned;
	sqlite3_stmt *purchase_ins, *check_ins, *sample_ins;
};

static int
food_code(const char *name, int *code, struct mn_error *err)
{
	size_t n;
	const struct mn_food *table = mn_foods_builtin(&n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i].name, name) == 0) {
			*code = table[i].code;
			return MN_OK;
		}
	return mn_fail(err, MN_ERR_NOTFOUND, "food",
	    T("food '%s' is not in the shipped food table",
	    "thực phẩm '%s' không có trong bảng thực phẩm kèm theo"), name);
}

static int
add_dishes(struct demo_state *s, struct mn_error *err)
{
	struct mn_dish_item items[2 * MAX_INGREDIENTS];
	int rc;

	for (int d = 0; d < D_COUNT; d++) {
		size_t n = 0;

		for (int i = 0; i < MAX_INGREDIENTS &&
		    dishes[d].items[i].food != NULL; i++) {
			const struct demo_ingredient *in = &dishes[d].items[i];
			int code;

			if ((rc = food_code(in->food, &code, err)) != MN_OK)
				return rc;
			if (in->nha_tre > 0)
				items[n++] = (struct mn_dish_item){ code,
				    MN_GROUP_NHA_TRE, in->nha_tre };
			if (in->mau_giao > 0)
				items[n++] = (struct mn_dish_item){ code,
				    MN_GROUP_MAU_GIAO, in->mau_giao };
		}
		if ((rc = mn_kitchen_dish_add(s->ctx, dishes[d].name, items, n,
		    &s->dish_id[d], err)) != MN_OK)
			return rc;
	}
	return MN_OK;
}

static int
add_suppliers(struct demo_state *s, struct mn_error *err)
{
	for (size_t i = 0; i < NELEM(suppliers); i++) {
		struct mn_supplier sup;
		int rc;

		memset(&sup, 0, sizeof sup);
		snprintf(sup.name, sizeof sup.name, "%s", suppliers[i]);
		snprintf(sup.address, sizeof sup.address, "%s",
		    supplier_details[i].address);
		snprintf(sup.phone, sizeof sup.phone, "%s",
		    supplier_details[i].phone);
		snprintf(sup.supplies, sizeof sup.supplies, "%s",
		    supplier_details[i].supplies);
		snprintf(sup.certificate_no, sizeof sup.certificate_no, "%s",
		    supplier_details[i].certificate);
		snprintf(sup.certificate_expiry, sizeof sup.certificate_expiry,
		    "%04d-12-31", supplier_details[i].expiry_year);
		sup.active = true;
		if ((rc = mn_kitchen_supplier_save(s->ctx, &sup, err)) != MN_OK)
			return rc;
	}
	return MN_OK;
}

static int
add_prices_and_fees(struct demo_state *s, const struct mn_date *from,
    struct mn_error *err)
{
	int code, rc;

	for (size_t i = 0; i < NELEM(prices); i++)
		if ((rc = food_code(prices[i].food, &code, err)) != MN_OK ||
		    (rc = mn_kitchen_price_set(s->ctx, code, from,
		    prices[i].price, err)) != MN_OK)
			return rc;
	if ((rc = mn_kitchen_meal_fee_set(s->ctx, MN_GROUP_NHA_TRE, from,
	    FEE_NHA_TRE, err)) != MN_OK)
		return rc;
	return mn_kitchen_meal_fee_set(s->ctx, MN_GROUP_MAU_GIAO, from,
	    FEE_MAU_GIAO, err);
}

/* Statements reused for every week, finalized by finalize_all. */
static int
prepare_all(struct demo_state *s, struct mn_error *err)
{
	sqlite3 *db = s->ctx->db;
	int rc;

	if ((rc = mn_prepare(db, "INSERT INTO menu_weeks (week, age_group, "
	    "status, approved_by, approved_at, changed_by, changed_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)", &s->week_ins, err)) !=
	    MN_OK ||
	    (rc = mn_prepare(db, "INSERT INTO menu_items (menu_date, "
	    "age_group, meal, dish_id, position) VALUES (?, ?, ?, ?, ?)",
	    &s->item_ins, err)) != MN_OK ||
	    (rc = mn_prepare(db, "INSERT INTO meal_counts (day, age_group, "
	    "planned, from_attendance, changed_by, changed_at) VALUES "
	    "(?, ?, ?, ?, ?, ?)", &s->count_ins, err)) != MN_OK ||
	    /* Children enrolled on the day in classes of the age group. */
	    (rc = mn_prepare(db, "SELECT count(*) FROM children ch JOIN "
	    "classes c ON c.id = ch.class_id WHERE c.school_year_id = ?1 "
	    "AND c.age_group GLOB ?2 AND ch.enrolment_date <= ?3 AND "
	    "ch.status IN ('enrolled', 'transferred_in')",
	    &s->count_planned, err)) != MN_OK ||
	    (rc = mn_prepare(db, "INSERT INTO purchases (day, food_id, "
	    "quantity, unit_price, amount, supplier, changed_by, changed_at, "
	    "supplier_id) SELECT ?1, id, ?3, ?4, ?5, ?6, ?7, ?8, (SELECT "
	    "s.id FROM suppliers s WHERE s.name = ?6) FROM foods WHERE "
	    "code = ?2",
	    &s->purchase_ins, err)) != MN_OK ||
	    (rc = mn_prepare(db, "INSERT INTO food_checks (day, step, "
	    "checked_at, meal, item, supplier, quantity, unit, checks, "
	    "result, checked_by, changed_by, changed_at, supplier_id) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'accepted', ?10, ?11, ?12, "
	    "(SELECT s.id FROM suppliers s WHERE s.name = ?6))",
	    &s->check_ins, err)) != MN_OK ||
	    (rc = mn_prepare(db, "INSERT INTO food_samples (day, meal, "
	    "dish_id, quantity_g, taken_at, taken_by, disposed_at, "
	    "disposed_by, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7, ?8, ?9, ?10)", &s->sample_ins, err)) != MN_OK)
		return rc;
	return MN_OK;
}

static void
finalize_all(struct demo_state *s)
{
	sqlite3_finalize(s->week_ins);
	sqlite3_finalize(s->item_ins);
	sqlite3_finalize(s->count_ins);
	sqlite3_finalize(s->count_planned);
	sqlite3_finalize(s->purchase_ins);
	sqlite3_finalize(s->check_ins);
	sqlite3_finalize(s->sample_ins);
}

/* Steps a reusable insert and resets it for the next row. */
static int
step_reset(struct demo_state *s, sqlite3_stmt *st, struct mn_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? MN_OK : mn_db_fail(s->ctx->db, err);
}

/* Local time of day on a day number, as stored "YYYY-MM-DDTHH:MM:SSZ". */
static time_t
local_time(long days, int hour, int minute)
{
	struct mn_date d;
	struct tm tm;

	mn_date_from_days(days, &d);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = d.year - 1900;
	tm.tm_mon = d.month - 1;
	tm.tm_mday = d.day;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

static void
plan_day(int weekday, const int offset[4], struct day_menu menu[2])
{
	int main_dish = mains[(offset[0] + weekday) % NELEM(mains)];
	int soup = soups[(offset[1] + weekday) % NELEM(soups)];
	int fruit = fruits[(offset[2] + weekday) % NELEM(fruits)];
	int afternoon = afternoons[(offset[3] + weekday) % NELEM(afternoons)];
	int milk = milks[(offset[2] + weekday) % NELEM(milks)];

	for (int g = 0; g < MN_GROUP_COUNT; g++)
		for (int m = 0; m < MN_MEAL_COUNT; m++)
			for (int i = 0; i < 4; i++)
				menu[g].dish[m][i] = -1;
	for (int g = 0; g < MN_GROUP_COUNT; g++) {
		menu[g].dish[MN_MEAL_LUNCH][0] = D_COM;
		menu[g].dish[MN_MEAL_LUNCH][1] = main_dish;
		menu[g].dish[MN_MEAL_LUNCH][2] = soup;
		menu[g].dish[MN_MEAL_LUNCH][3] = fruit;
	}
	/* The crèche eats a main afternoon meal and milk after it. */
	menu[MN_GROUP_NHA_TRE].dish[MN_MEAL_AFTERNOON][0] = afternoon;
	menu[MN_GROUP_NHA_TRE].dish[MN_MEAL_SNACK][0] = milk;
	menu[MN_GROUP_MAU_GIAO].dish[MN_MEAL_SNACK][0] = afternoon;
	menu[MN_GROUP_MAU_GIAO].dish[MN_MEAL_SNACK][1] = milk;
}

static int
insert_menu(struct demo_state *s, const char *date,
    const struct day_menu menu[2], struct mn_error *err)
{
	int rc;

	for (int g = 0; g < MN_GROUP_COUNT; g++)
		for (int m = 0; m < MN_MEAL_COUNT; m++)
			for (int i = 0; i < 4 && menu[g].dish[m][i] >= 0; i++) {
				sqlite3_stmt *st = s->item_ins;

				sqlite3_bind_text(st, 1, date, -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(st, 2, mn_menu_group_key(g),
				    -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 3, mn_meal_key(m), -1,
				    SQLITE_STATIC);
				sqlite3_bind_int64(st, 4,
				    s->dish_id[menu[g].dish[m][i]]);
				sqlite3_bind_int(st, 5, i);
				if ((rc = step_reset(s, st, err)) != MN_OK)
					return rc;
			}
	return MN_OK;
}

static int
planned_count(struct demo_state *s, int64_t year_id, enum mn_age_group g,
    const char *date, int *count, struct mn_error *err)
{
	sqlite3_stmt *st = s->count_planned;
	int rc;

	sqlite3_bind_int64(st, 1, year_id);
	sqlite3_bind_text(st, 2, g == MN_GROUP_NHA_TRE ? "nt-*" : "mg-*", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*count = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW ? MN_OK : mn_db_fail(s->ctx->db, err);
}

/*
 * Planned counts for every day; up to today also the count from
 * attendance, taken from the demo's own attendance marks by the same
 * rule as the kitchen's "from attendance" key, so the two agree.
 */
static int
insert_counts(struct demo_state *s, int64_t year_id, long day,
    const char *date, struct mn_error *err)
{
	struct mn_school_day sd;
	int planned, rc, eating[MN_GROUP_COUNT] = { 0 };

	if (day <= s->today) {
		struct mn_date d;

		mn_date_from_days(day, &d);
		if ((rc = mn_attendance_school_day(s->ctx, &d, &sd, err)) !=
		    MN_OK)
			return rc;
		memcpy(eating, sd.kitchen_meals, sizeof eating);
		mn_school_day_free(&sd);
	}
	for (int g = 0; g < MN_GROUP_COUNT; g++) {
		sqlite3_stmt *st = s->count_ins;

		if ((rc = planned_count(s, year_id, g, date, &planned, err)) !=
		    MN_OK)
			return rc;
		sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, mn_menu_group_key(g), -1,
		    SQLITE_STATIC);
		sqlite3_bind_int(st, 3, planned);
		if (day <= s->today)
			sqlite3_bind_int(st, 4, eating[g]);
		else
			sqlite3_bind_null(st, 4);
		sqlite3_bind_text(st, 5, KITCHEN_LOGIN, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, s->now, -1, SQLITE_STATIC);
		if ((rc = step_reset(s, st, err)) != MN_OK)
			return rc;
	}
	return MN_OK;
}

static const char *
supplier_of(const struct mn_food *f)
{
	if (f->group >= 7 && f->group <= 10)
		return suppliers[1];
	if (f->group == 4 || f->group == 5)
		return suppliers[0];
	return suppliers[2];
}

static int
insert_check(struct demo_state *s, const char *date, int step,
    time_t at, int meal, const char *item, const char *supplier,
    double quantity, const char *unit, const char *checks,
    struct mn_error *err)
{
	sqlite3_stmt *st = s->check_ins;
	char when[32];

	kitchen_utc_time(at, when, sizeof when);
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, step);
	sqlite3_bind_text(st, 3, when, -1, SQLITE_TRANSIENT);
	if (meal >= 0)
		sqlite3_bind_text(st, 4, mn_meal_key(meal), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, item, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, supplier, -1, SQLITE_STATIC);
	if (quantity > 0)
		sqlite3_bind_double(st, 7, quantity);
	sqlite3_bind_text(st, 8, unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, checks, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, COOK, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, KITCHEN_LOGIN, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, s->now, -1, SQLITE_STATIC);
	return step_reset(s, st, err);
}

/*
 * Buys the day's market list, and records step 1 of the inspection
 * (receiving) for each food when the day is past.
 */
static int
insert_purchases(struct demo_state *s, long day, const char *date,
    struct mn_error *err)
{
	struct mn_market_list list;
	struct mn_date d;
	int rc;

	mn_date_from_days(day, &d);
	if ((rc = mn_kitchen_market(s->ctx, &d, &list, err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < list.count && rc == MN_OK; i++) {
		const struct mn_market_line *l = &list.lines[i];
		sqlite3_stmt *st = s->purchase_ins;

		if (l->unit_price < 0 || l->quantity <= 0)
			continue;
		sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, l->food->code);
		sqlite3_bind_double(st, 3, l->quantity);
		sqlite3_bind_int64(st, 4, l->unit_price);
		sqlite3_bind_int64(st, 5, l->amount);
		sqlite3_bind_text(st, 6, supplier_of(l->food), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 7, KITCHEN_LOGIN, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, s->now, -1, SQLITE_STATIC);
		rc = step_reset(s, st, err);
		if (rc == MN_OK && day < s->today)
			rc = insert_check(s, date, 1, local_time(day, 6,
			    15 + (int)(i % 30)), -1, l->food->name,
			    supplier_of(l->food), l->quantity,
			    l->food->purchase_unit, "Cảm quan: tươi, không "
			    "mùi lạ; có hóa đơn và giấy tờ nguồn gốc", err);
	}
	mn_market_free(&list);
	return rc;
}

/* Meal times (hour, minute) for steps 2, 3 and the samples. */
static const int meal_time[MN_MEAL_COUNT][2] = {
	{ 7, 30 }, { 10, 30 }, { 14, 30 }, { 15, 0 },
};

/* Steps 2 and 3 of the inspection and a 24-hour sample per dish. */
static int
insert_safety(struct demo_state *s, long day, const char *date,
    const struct day_menu menu[2], struct mn_error *err)
{
	bool done[D_COUNT] = { false };
	int rc = MN_OK;

	for (int g = MN_GROUP_COUNT - 1; g >= 0 && rc == MN_OK; g--)
		for (int m = 0; m < MN_MEAL_COUNT && rc == MN_OK; m++)
			for (int i = 0; i < 4 && menu[g].dish[m][i] >= 0 &&
			    rc == MN_OK; i++) {
				int dish = menu[g].dish[m][i];
				time_t at = local_time(day, meal_time[m][0],
				    meal_time[m][1]);
				sqlite3_stmt *st = s->sample_ins;
				char taken[32], disposed[32];

				if (done[dish])
					continue;
				done[dish] = true;
				rc = insert_check(s, date, 2, at - 5400, m,
				    dishes[dish].name, "", 0, "", "Sơ chế "
				    "đúng quy trình, dụng cụ sống chín riêng",
				    err);
				if (rc == MN_OK)
					rc = insert_check(s, date, 3, at - 600,
					    m, dishes[dish].name, "", 0, "",
					    "Món chín kỹ, đủ suất, không có "
					    "dị vật", err);
				if (rc != MN_OK)
					break;
				kitchen_utc_time(at - 300, taken,
				    sizeof taken);
				kitchen_utc_time(at - 300 + 86400 + 900,
				    disposed, sizeof disposed);
				sqlite3_bind_text(st, 1, date, -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(st, 2, mn_meal_key(m), -1,
				    SQLITE_STATIC);
				sqlite3_bind_int64(st, 3, s->dish_id[dish]);
				sqlite3_bind_double(st, 4,
				    dish == D_SUA ? 150 : 100);
				sqlite3_bind_text(st, 5, taken, -1,
				    SQLITE_TRANSIENT);
				sqlite3_bind_text(st, 6, COOK, -1,
				    SQLITE_STATIC);
				/* A sample of yesterday may still be kept. */
				if (day + 1 < s->today) {
					sqlite3_bind_text(st, 7, disposed, -1,
					    SQLITE_TRANSIENT);
					sqlite3_bind_text(st, 8, COOK, -1,
					    SQLITE_STATIC);
				}
				sqlite3_bind_text(st, 9, KITCHEN_LOGIN, -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(st, 10, s->now, -1,
				    SQLITE_STATIC);
				rc = step_reset(s, st, err);
			}
	return rc;
}

static int
insert_week_rows(struct demo_state *s, const char *week, bool approved,
    long monday, struct mn_error *err)
{
	char approved_at[32];
	int rc;

	/* The principal approves on the Friday before the week. */
	kitchen_utc_time(local_time(monday - 3, 15, 0), approved_at,
	    sizeof approved_at);
	for (int g = 0; g < MN_GROUP_COUNT; g++) {
		sqlite3_stmt *st = s->week_ins;

		sqlite3_bind_text(st, 1, week, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, mn_menu_group_key(g), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 3, approved ? "approved" : "draft", -1,
		    SQLITE_STATIC);
		if (approved)
			sqlite3_bind_text(st, 4, "principal", -1,
			    SQLITE_STATIC);
		sqlite3_bind_text(st, 5, approved ? approved_at : s->now, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 6, KITCHEN_LOGIN, -1, SQLITE_STATIC);
		if ((rc = step_reset(s, st, err)) != MN_OK)
			return rc;
	}
	return MN_OK;
}

/* One ISO week: menus, counts, purchases and logs, in one transaction. */
static int
build_week(struct demo_state *s, const struct mn_school_year *year,
    long monday, long this_monday, struct mn_error *err)
{
	struct day_menu menu[MN_GROUP_COUNT];
	struct mn_date d, jan4;
	long week1;
	char week[9], date[11], detail[64];
	int offset[4], rc, days = 0;

	for (int i = 0; i < 4; i++)
		offset[i] = (int)mn_rng_below(&s->rng, 6);
	mn_date_from_days(monday + 3, &d);
	/* The ISO week's year is the Thursday's; 4 January is in week 1. */
	jan4 = (struct mn_date){ d.year, 1, 4 };
	week1 = mn_date_to_days(&jan4) - mn_date_weekday(&jan4);
	snprintf(week, sizeof week, "%04u-W%02u", (unsigned)d.year % 10000u,
	    (unsigned)((monday - week1) / 7 + 1) % 100u);
	if ((rc = mn_tx_begin(s->ctx->db, err)) != MN_OK)
		return rc;
	/* Weeks up to this one were approved on the Friday before, so
	 * parents, who read approved weeks only, see this week's menu. */
	rc = insert_week_rows(s, week, monday <= this_monday, monday, err);
	for (int wd = 0; wd < 7 && rc == MN_OK; wd++) {
		long day = monday + wd;

		mn_date_from_days(day, &d);
		if (mn_date_cmp(&d, &year->first_day) < 0 ||
		    mn_date_cmp(&d, &year->last_day) > 0 ||
		    !mn_calendar_is_school_day(s->ctx, &d))
			continue;
		days++;
		mn_date_format_iso(&d, date, sizeof date);
		plan_day(wd % 5, offset, menu);
		if ((rc = insert_menu(s, date, menu, err)) != MN_OK ||
		    (rc = insert_counts(s, year->id, day, date, err)) != MN_OK)
			break;
		if (day <= s->today &&
		    (rc = insert_purchases(s, day, date, err)) != MN_OK)
			break;
		if (day < s->today)
			rc = insert_safety(s, day, date, menu, err);
	}
	snprintf(detail, sizeof detail, "demo kitchen week %s, %d days", week,
	    days);
	if (rc == MN_OK)
		rc = kitchen_audit(s->ctx, "insert", "menu_items", 0, detail,
		    err);
	return kitchen_finish(s->ctx, rc, err);
}

int
mn_demo_kitchen(struct mn_ctx *ctx, unsigned seed, struct mn_error *err)
{
	struct demo_state s;
	struct mn_school_year year;
	struct mn_date today;
	sqlite3_stmt *st;
	long first, last, this_monday;
	bool exists;
	int added, rc;

	memset(&s, 0, sizeof s);
	s.ctx = ctx;
	if ((rc = mn_prepare(ctx->db, "SELECT EXISTS (SELECT 1 FROM dishes)",
	    &st, err)) != MN_OK)
		return rc;
	exists = sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	if (exists)
		return mn_fail(err, MN_ERR_EXISTS, "", "%s",
		    T("this database already holds dishes; the kitchen demo "
		    "needs a database without any", "cơ sở dữ liệu này đã có "
		    "món ăn; dữ liệu bếp mẫu cần cơ sở dữ liệu chưa có món "
		    "nào"));
	mn_date_today(&today);
	if ((rc = mn_school_year_current(ctx, &today, &year, err)) != MN_OK ||
	    (rc = mn_kitchen_seed_foods(ctx, &added, err)) != MN_OK)
		return rc;
	mn_rng_seed(&s.rng, seed ^ 0x4b697463u);
	s.today = mn_date_to_days(&today);
	mn_now_utc(s.now, sizeof s.now);
	if ((rc = add_dishes(&s, err)) != MN_OK ||
	    (rc = add_suppliers(&s, err)) != MN_OK ||
	    (rc = add_prices_and_fees(&s, &year.first_day, err)) != MN_OK ||
	    (rc = prepare_all(&s, err)) != MN_OK)
		goto out;
	first = mn_date_to_days(&year.first_day);
	first -= mn_date_weekday(&year.first_day);
	this_monday = s.today - mn_date_weekday(&today);
	last = mn_date_to_days(&year.last_day);
	if (last > this_monday)
		last = this_monday;
	for (long monday = first; monday <= last && rc == MN_OK; monday += 7)
		rc = build_week(&s, &year, monday, this_monday, err);
out:
	finalize_all(&s);
	return rc;
}
