/*
 * Foods, prices and dishes, and the helpers the kitchen files share.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db.h"
#include "core/kitchen.h"
#include "core/kitchen_edit.h"
#include "core/kitchen_priv.h"
#include "core/text.h"
#include "core/validate.h"

/* ---- Helpers ---------------------------------------------------------- */

int
kitchen_require(struct mn_ctx *ctx, unsigned mask, const char *what,
    struct mn_error *err)
{
	if (ctx->actor.roles & mask)
		return MN_OK;
	mn_audit(ctx->db, &ctx->actor, "denied", NULL, 0, NULL, NULL, what,
	    NULL);
	return mn_fail(err, MN_ERR_DENIED, "", "%s",
	    T("your account is not allowed to do this",
	    "tài khoản của bạn không được phép làm việc này"));
}

bool
mn_kitchen_may(const struct mn_actor *actor, enum mn_kitchen_right right)
{
	static const enum mn_action action[] = {
		[MN_KITCHEN_READ_MENU] = MN_ACT_MENU_READ,
		[MN_KITCHEN_PLAN] = MN_ACT_KITCHEN_PLAN,
		[MN_KITCHEN_APPROVE] = MN_ACT_MENU_APPROVE,
		[MN_KITCHEN_SEE_MARKET] = MN_ACT_MARKET_READ,
		[MN_KITCHEN_FEES] = MN_ACT_MEAL_FEES,
		[MN_KITCHEN_SAFETY] = MN_ACT_FOOD_SAFETY,
		[MN_KITCHEN_ALLERGY_WRITE] = MN_ACT_ALLERGY_WRITE,
		[MN_KITCHEN_ALLERGY_READ] = MN_ACT_ALLERGY_READ,
		[MN_KITCHEN_DISHES] = MN_ACT_DISH_WRITE,
	};

	if ((unsigned)right >= sizeof action / sizeof action[0])
		return false;
	return mn_allowed(actor, action[right]);
}

int
kitchen_step_done(struct mn_ctx *ctx, sqlite3_stmt *stmt,
    struct mn_error *err)
{
	int rc = sqlite3_step(stmt);

	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? MN_OK : mn_db_fail(ctx->db, err);
}

int
kitchen_audit(struct mn_ctx *ctx, const char *action, const char *table,
    int64_t row_id, const char *detail, struct mn_error *err)
{
	return mn_audit(ctx->db, &ctx->actor, action, table, row_id, NULL,
	    NULL, detail, err);
}

int
kitchen_finish(struct mn_ctx *ctx, int rc, struct mn_error *err)
{
	if (rc == MN_OK)
		return mn_tx_commit(ctx->db, err);
	mn_tx_rollback(ctx->db);
	return rc;
}

void
kitchen_food_from_row(sqlite3_stmt *stmt, int col, struct mn_food *f)
{
	const char *text;

	memset(f, 0, sizeof *f);
	f->code = sqlite3_column_int(stmt, col);
	text = (const char *)sqlite3_column_text(stmt, col + 1);
	snprintf(f->name, sizeof f->name, "%s", text ? text : "");
	f->group = sqlite3_column_int(stmt, col + 2);
	text = (const char *)sqlite3_column_text(stmt, col + 3);
	f->animal = text != NULL && strcmp(text, "animal") == 0;
	f->refuse_pct = sqlite3_column_double(stmt, col + 4);
	for (int n = 0; n < MN_NUT_COUNT; n++) {
		if (sqlite3_column_type(stmt, col + 5 + n) == SQLITE_NULL)
			continue;
		f->value[n] = sqlite3_column_double(stmt, col + 5 + n);
		f->known |= 1u << n;
	}
	text = (const char *)sqlite3_column_text(stmt, col + 16);
	snprintf(f->purchase_unit, sizeof f->purchase_unit, "%s",
	    text ? text : "");
	f->unit_grams = sqlite3_column_double(stmt, col + 17);
}

static int
food_not_found(int code, struct mn_error *err)
{
	return mn_fail(err, MN_ERR_NOTFOUND, "food",
	    T("food: code %d is not in the food table; expected a code "
	    "from the table (add it with 'mamnon import foods')",
	    "thực phẩm: mã %d không có trong bảng thực phẩm; cần một mã "
	    "trong bảng (thêm bằng 'mamnon import foods')"), code);
}

int
kitchen_food_id(struct mn_ctx *ctx, int code, int64_t *id,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = mn_prepare(ctx->db, "SELECT id FROM foods WHERE code = ?",
	    &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int(stmt, 1, code);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc == SQLITE_DONE)
		return food_not_found(code, err);
	return mn_db_fail(ctx->db, err);
}

/* ---- Foods ------------------------------------------------------------ */

/* Binds f, the actor and now to parameters ?1 .. ?20 of update_sql. */
static void
bind_food(struct mn_ctx *ctx, sqlite3_stmt *stmt, const struct mn_food *f,
    const char *now)
{
	sqlite3_bind_int(stmt, 1, f->code);
	sqlite3_bind_text(stmt, 2, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, f->group);
	sqlite3_bind_text(stmt, 4, f->animal ? "animal" : "vegetable", -1,
	    SQLITE_STATIC);
	sqlite3_bind_double(stmt, 5, f->refuse_pct);
	for (int n = 0; n < MN_NUT_COUNT; n++)
		if (f->known & (1u << n))
			sqlite3_bind_double(stmt, 6 + n, f->value[n]);
	sqlite3_bind_text(stmt, 17, f->purchase_unit, -1, SQLITE_STATIC);
	sqlite3_bind_double(stmt, 18, f->unit_grams);
	sqlite3_bind_text(stmt, 19, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 20, now, -1, SQLITE_STATIC);
}

static int
write_food(struct mn_ctx *ctx, const struct mn_food *f, bool replace,
    bool *inserted, struct mn_error *err)
{
	static const char update_sql[] = "UPDATE foods SET name = ?2, "
	    "food_group = ?3, origin = ?4, refuse_pct = ?5, energy_kcal = ?6, "
	    "protein_g = ?7, lipid_g = ?8, glucid_g = ?9, fibre_g = ?10, "
	    "calcium_mg = ?11, iron_mg = ?12, retinol_ug = ?13, "
	    "beta_carotene_ug = ?14, vitamin_b1_mg = ?15, vitamin_c_mg = ?16, "
	    "purchase_unit = ?17, unit_grams = ?18, version = version + 1, "
	    "changed_by = ?19, changed_at = ?20 WHERE code = ?1";
	static const char insert_sql[] = "INSERT INTO foods (code, name, "
	    "food_group, origin, refuse_pct, energy_kcal, protein_g, lipid_g, "
	    "glucid_g, fibre_g, calcium_mg, iron_mg, retinol_ug, "
	    "beta_carotene_ug, vitamin_b1_mg, vitamin_c_mg, purchase_unit, "
	    "unit_grams, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
	    "?20) ON CONFLICT (code) DO NOTHING";
	sqlite3_stmt *stmt;
	char now[32];
	int rc;

	*inserted = false;
	mn_now_utc(now, sizeof now);
	for (int pass = replace ? 0 : 1; pass < 2; pass++) {
		if ((rc = mn_prepare(ctx->db, pass == 0 ? update_sql :
		    insert_sql, &stmt, err)) != MN_OK)
			return rc;
		bind_food(ctx, stmt, f, now);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc == SQLITE_CONSTRAINT_UNIQUE ||
		    rc == SQLITE_CONSTRAINT)
			return mn_fail(err, MN_ERR_EXISTS, "name",
			    T("food %d: the name '%s' is already used by "
			    "another code; expected a unique name",
			    "thực phẩm %d: tên '%s' đã được dùng cho mã "
			    "khác; cần tên không trùng"), f->code, f->name);
		if (rc != SQLITE_DONE)
			return mn_db_fail(ctx->db, err);
		if (sqlite3_changes(ctx->db) > 0) {
			*inserted = pass == 1;
			return MN_OK;
		}
	}
	return MN_OK;
}

int
mn_kitchen_seed_foods(struct mn_ctx *ctx, int *added, struct mn_error *err)
{
	size_t count;
	const struct mn_food *table = mn_foods_builtin(&count);
	int rc;

	*added = 0;
	if ((rc = kitchen_require(ctx, MAY_PLAN, "foods_seed", err)) != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < count && rc == MN_OK; i++) {
		bool inserted;

		rc = write_food(ctx, &table[i], false, &inserted, err);
		*added += inserted;
	}
	if (rc == MN_OK && *added > 0) {
		char detail[64];

		snprintf(detail, sizeof detail, "%d shipped foods added",
		    *added);
		rc = kitchen_audit(ctx, "insert", "foods", 0, detail, err);
	}
	return kitchen_finish(ctx, rc, err);
}

int
mn_kitchen_import_foods(struct mn_ctx *ctx, const char *path, bool dry_run,
    int *added, int *updated, struct mn_error *err)
{
	struct mn_food_list list = { 0 };
	int rc;

	*added = *updated = 0;
	if ((rc = kitchen_require(ctx, MAY_PLAN, "foods_import", err)) != MN_OK)
		return rc;
	if ((rc = mn_foods_parse_file(path, &list, err)) != MN_OK)
		return rc;
	/* Names are stored cleaned (NFC, no control characters). */
	for (size_t i = 0; i < list.count && rc == MN_OK; i++) {
		char *clean = NULL;

		rc = mn_text_clean(list.items[i].name, "name",
		    MN_FOOD_NAME_MAX - 1, &clean, err);
		if (rc == MN_OK) {
			snprintf(list.items[i].name, MN_FOOD_NAME_MAX, "%s",
			    clean);
			free(clean);
		}
	}
	if (rc == MN_OK)
		rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK) {
		mn_food_list_free(&list);
		return rc;
	}
	for (size_t i = 0; i < list.count && rc == MN_OK; i++) {
		bool inserted;

		rc = write_food(ctx, &list.items[i], true, &inserted, err);
		if (inserted)
			(*added)++;
		else
			(*updated)++;
	}
	if (rc == MN_OK) {
		char detail[128];

		snprintf(detail, sizeof detail,
		    "food import: %d added, %d updated", *added, *updated);
		rc = kitchen_audit(ctx, "import", "foods", 0, detail, err);
	}
	mn_food_list_free(&list);
	/* A dry run does every write, so names clashing with stored foods
	   are found too, then rolls back. */
	if (dry_run && rc == MN_OK) {
		mn_tx_rollback(ctx->db);
		return MN_OK;
	}
	return kitchen_finish(ctx, rc, err);
}

int
mn_kitchen_food(struct mn_ctx *ctx, int code, struct mn_food *out,
    struct mn_error *err)
{
	char sql[512];
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "food_read",
	    err)) != MN_OK)
		return rc;
	snprintf(sql, sizeof sql, "SELECT %s FROM foods f WHERE f.code = ?",
	    kitchen_food_columns);
	if ((rc = mn_prepare(ctx->db, sql, &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int(stmt, 1, code);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		kitchen_food_from_row(stmt, 0, out);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return MN_OK;
	return rc == SQLITE_DONE ? food_not_found(code, err) :
	    mn_db_fail(ctx->db, err);
}

/* Cleans the name and unit of f into clean and checks every figure. */
static int
clean_food(const struct mn_food *f, struct mn_food *clean,
    struct mn_error *err)
{
	char *name = NULL, *unit = NULL;
	int rc;

	*clean = *f;
	if ((rc = mn_text_clean(f->name, "name", MN_FOOD_NAME_MAX - 1, &name,
	    err)) != MN_OK ||
	    (rc = mn_text_clean(f->purchase_unit, "purchase_unit",
	    MN_FOOD_UNIT_MAX - 1, &unit, err)) != MN_OK) {
		free(name);
		return rc;
	}
	snprintf(clean->name, sizeof clean->name, "%s", name);
	snprintf(clean->purchase_unit, sizeof clean->purchase_unit, "%s",
	    unit);
	free(name);
	free(unit);
	return mn_food_check(clean, err);
}

static int
food_name_taken(const struct mn_food *f, struct mn_error *err)
{
	return mn_fail(err, MN_ERR_EXISTS, "name",
	    T("name: '%s' is already used by another food; expected a "
	    "unique name", "tên: '%s' đã được dùng cho thực phẩm khác; cần "
	    "tên không trùng"), f->name);
}

int
mn_kitchen_food_add(struct mn_ctx *ctx, const struct mn_food *f,
    struct mn_error *err)
{
	static const char sql[] = "INSERT INTO foods (code, name, "
	    "food_group, origin, refuse_pct, energy_kcal, protein_g, lipid_g, "
	    "glucid_g, fibre_g, calcium_mg, iron_mg, retinol_ug, "
	    "beta_carotene_ug, vitamin_b1_mg, vitamin_c_mg, purchase_unit, "
	    "unit_grams, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
	    "?20)";
	struct mn_food clean;
	sqlite3_stmt *stmt;
	int64_t id = 0;
	char now[32];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_PLAN, "food_add", err)) != MN_OK ||
	    (rc = clean_food(f, &clean, err)) != MN_OK)
		return rc;
	if (kitchen_food_id(ctx, clean.code, &id, NULL) == MN_OK)
		return mn_fail(err, MN_ERR_EXISTS, "code",
		    T("code: %d is already in the food table; expected a new "
		    "code", "mã: %d đã có trong bảng thực phẩm; cần một mã "
		    "mới"), clean.code);
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, sql, &stmt, err);
	if (rc == MN_OK) {
		bind_food(ctx, stmt, &clean, now);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT)
			rc = food_name_taken(&clean, err);
		else
			rc = rc == SQLITE_DONE ? MN_OK :
			    mn_db_fail(ctx->db, err);
	}
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "insert", "foods",
		    sqlite3_last_insert_rowid(ctx->db), clean.name, err);
	return kitchen_finish(ctx, rc, err);
}

int
mn_kitchen_food_update(struct mn_ctx *ctx, const struct mn_food *f,
    int64_t version, struct mn_error *err)
{
	static const char sql[] = "UPDATE foods SET name = ?2, "
	    "food_group = ?3, origin = ?4, refuse_pct = ?5, energy_kcal = ?6, "
	    "protein_g = ?7, lipid_g = ?8, glucid_g = ?9, fibre_g = ?10, "
	    "calcium_mg = ?11, iron_mg = ?12, retinol_ug = ?13, "
	    "beta_carotene_ug = ?14, vitamin_b1_mg = ?15, vitamin_c_mg = ?16, "
	    "purchase_unit = ?17, unit_grams = ?18, version = version + 1, "
	    "changed_by = ?19, changed_at = ?20 WHERE code = ?1 AND "
	    "version = ?21";
	struct mn_food clean;
	sqlite3_stmt *stmt;
	int64_t id;
	char now[32];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_PLAN, "food_edit", err)) != MN_OK ||
	    (rc = clean_food(f, &clean, err)) != MN_OK ||
	    (rc = kitchen_food_id(ctx, clean.code, &id, err)) != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, sql, &stmt, err);
	if (rc == MN_OK) {
		bind_food(ctx, stmt, &clean, now);
		sqlite3_bind_int64(stmt, 21, version);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT)
			rc = food_name_taken(&clean, err);
		else
			rc = rc == SQLITE_DONE ? MN_OK :
			    mn_db_fail(ctx->db, err);
	}
	if (rc == MN_OK && sqlite3_changes(ctx->db) == 0)
		rc = mn_fail(err, MN_ERR_CONFLICT, "version", "%s",
		    T("the food was changed by someone else; reload it and "
		    "try again", "thực phẩm vừa được người khác sửa; hãy tải "
		    "lại rồi thử lại"));
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "update", "foods", id, clean.name, err);
	return kitchen_finish(ctx, rc, err);
}

int
kitchen_check_price(int64_t price, const char *field, struct mn_error *err)
{
	if (price >= 0 && price <= MAX_UNIT_PRICE)
		return MN_OK;
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("unit price: invalid value %lld; expected whole đồng from 0 "
	    "to %d", "đơn giá: giá trị %lld không hợp lệ; cần số đồng "
	    "nguyên từ 0 đến %d"), (long long)price, MAX_UNIT_PRICE);
}

int
mn_kitchen_price_set(struct mn_ctx *ctx, int food_code,
    const struct mn_date *from, int64_t unit_price, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char day[11], now[32], detail[96];
	int64_t fid;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_PLAN, "price_set", err)) != MN_OK ||
	    (rc = kitchen_check_date(from, "effective_from", err)) != MN_OK ||
	    (rc = kitchen_check_price(unit_price, "unit_price",
	    err)) != MN_OK ||
	    (rc = kitchen_food_id(ctx, food_code, &fid, err)) != MN_OK)
		return rc;
	kitchen_iso(from, day);
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "INSERT INTO food_prices (food_id, "
	    "effective_from, unit_price, changed_by, changed_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (food_id, effective_from) "
	    "DO UPDATE SET unit_price = ?3, version = version + 1, "
	    "changed_by = ?4, changed_at = ?5", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_int64(stmt, 1, fid);
		sqlite3_bind_text(stmt, 2, day, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, unit_price);
		sqlite3_bind_text(stmt, 4, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5, now, -1, SQLITE_STATIC);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	snprintf(detail, sizeof detail, "food %d price %lld from %s",
	    food_code, (long long)unit_price, day);
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "update", "food_prices", fid, detail,
		    err);
	return kitchen_finish(ctx, rc, err);
}

/* ---- Dishes ----------------------------------------------------------- */

/* Checks every item and resolves the food ids; nothing is written. */
static int
check_items(struct mn_ctx *ctx, const struct mn_dish_item *items,
    size_t count, int64_t *ids, struct mn_error *err)
{
	int rc;

	if (count == 0)
		return mn_fail(err, MN_ERR_INVALID, "items", "%s",
		    T("ingredients: the dish has none; expected at least one "
		    "food with its edible grams per child",
		    "nguyên liệu: món ăn chưa có; cần ít nhất một thực phẩm "
		    "với số gam ăn được cho mỗi trẻ"));
	for (size_t i = 0; i < count; i++) {
		const struct mn_dish_item *it = &items[i];

		if ((unsigned)it->group >= MN_GROUP_COUNT)
			return mn_fail(err, MN_ERR_INVALID, "group",
			    T("group: invalid value %d; expected nha-tre or "
			    "mau-giao", "nhóm tuổi: giá trị %d không hợp lệ; "
			    "cần nha-tre hoặc mau-giao"), (int)it->group);
		if (!(it->edible_g > 0 && it->edible_g <= 2000)) {
			char grams[48];

			mn_format_value(it->edible_g, grams, sizeof grams);
			return mn_fail(err, MN_ERR_INVALID, "edible_g",
			    T("edible weight of food %d: invalid value %s; "
			    "expected grams per child above 0 and at most "
			    "2000", "khối lượng ăn được của thực phẩm %d: giá "
			    "trị %s không hợp lệ; cần số gam mỗi trẻ lớn hơn 0 "
			    "và không quá 2000"), it->food_code, grams);
		}
		for (size_t j = 0; j < i; j++)
			if (items[j].food_code == it->food_code &&
			    items[j].group == it->group)
				return mn_fail(err, MN_ERR_INVALID, "items",
				    T("ingredients: food %d is listed twice "
				    "for %s; expected each food once per age "
				    "group", "nguyên liệu: thực phẩm %d có hai "
				    "lần cho %s; mỗi thực phẩm chỉ một lần cho "
				    "mỗi nhóm tuổi"), it->food_code,
				    mn_menu_group_label(it->group));
		rc = kitchen_food_id(ctx, it->food_code, &ids[i], err);
		if (rc != MN_OK)
			return rc;
	}
	return MN_OK;
}

static int
insert_items(struct mn_ctx *ctx, int64_t dish_id,
    const struct mn_dish_item *items, const int64_t *ids, size_t count,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc = MN_OK;

	for (size_t i = 0; i < count && rc == MN_OK; i++) {
		if ((rc = mn_prepare(ctx->db, "INSERT INTO dish_items "
		    "(dish_id, food_id, age_group, edible_g) "
		    "VALUES (?, ?, ?, ?)", &stmt, err)) != MN_OK)
			return rc;
		sqlite3_bind_int64(stmt, 1, dish_id);
		sqlite3_bind_int64(stmt, 2, ids[i]);
		sqlite3_bind_text(stmt, 3, mn_menu_group_key(items[i].group),
		    -1, SQLITE_STATIC);
		sqlite3_bind_double(stmt, 4, items[i].edible_g);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	return rc;
}

/*
 * Inserts dish name with items, auditing detail when given (else the
 * name); the caller has checked access.
 */
static int
dish_create(struct mn_ctx *ctx, const char *name,
    const struct mn_dish_item *items, size_t count, const char *detail,
    int64_t *id, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char *clean = NULL;
	int64_t *ids = NULL;
	char now[32];
	int rc;

	if ((rc = mn_text_clean(name ? name : "", T("dish name", "tên món"),
	    200, &clean, err)) != MN_OK)
		return rc;
	if (clean[0] == '\0') {
		rc = mn_fail(err, MN_ERR_INVALID, "name", "%s",
		    T("dish name: missing; expected 1 to 200 characters",
		    "tên món: bị thiếu; cần 1 đến 200 ký tự"));
		goto out;
	}
	ids = calloc(count ? count : 1, sizeof *ids);
	if (ids == NULL) {
		rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
		goto out;
	}
	if ((rc = check_items(ctx, items, count, ids, err)) != MN_OK)
		goto out;
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	rc = mn_prepare(ctx->db, "INSERT INTO dishes (name, changed_by, "
	    "changed_at) VALUES (?, ?, ?)", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(stmt, 1, clean, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc == SQLITE_CONSTRAINT_UNIQUE)
			rc = mn_fail(err, MN_ERR_EXISTS, "name",
			    T("dish name '%s' is already used; choose another",
			    "tên món '%s' đã có; hãy chọn tên khác"), clean);
		else
			rc = rc == SQLITE_DONE ? MN_OK :
			    mn_db_fail(ctx->db, err);
	}
	if (rc == MN_OK) {
		*id = sqlite3_last_insert_rowid(ctx->db);
		rc = insert_items(ctx, *id, items, ids, count, err);
	}
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "insert", "dishes", *id,
		    detail ? detail : clean, err);
	rc = kitchen_finish(ctx, rc, err);
out:
	free(ids);
	free(clean);
	return rc;
}

int
mn_kitchen_dish_add(struct mn_ctx *ctx, const char *name,
    const struct mn_dish_item *items, size_t count, int64_t *id,
    struct mn_error *err)
{
	int rc;

	if ((rc = kitchen_require(ctx, MAY_DISH_WRITE, "dish_add", err))
	    != MN_OK)
		return rc;
	return dish_create(ctx, name, items, count, NULL, id, err);
}

int
mn_kitchen_dish_copy(struct mn_ctx *ctx, int64_t from_id, const char *name,
    int64_t *id, struct mn_error *err)
{
	struct mn_dish_item *items = NULL;
	size_t count = 0, cap = 0;
	sqlite3_stmt *stmt;
	char detail[96];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_DISH_WRITE, "dish_add",
	    err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, "SELECT f.code, i.age_group, "
	    "i.edible_g FROM dish_items i JOIN foods f ON f.id = i.food_id "
	    "WHERE i.dish_id = ? ORDER BY i.age_group, f.code", &stmt,
	    err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, from_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		enum mn_age_group g = MN_GROUP_NHA_TRE;

		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			void *p = realloc(items, ncap * sizeof *items);

			if (p == NULL)
				break;
			items = p;
			cap = ncap;
		}
		mn_menu_group_parse((const char *)sqlite3_column_text(stmt,
		    1), &g, NULL);
		items[count].food_code = sqlite3_column_int(stmt, 0);
		items[count].group = g;
		items[count].edible_g = sqlite3_column_double(stmt, 2);
		count++;
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	else if (rc != SQLITE_DONE)
		rc = mn_db_fail(ctx->db, err);
	else if (count == 0)
		rc = mn_fail(err, MN_ERR_NOTFOUND, "dish",
		    T("dish %lld not found or without ingredients; nothing "
		    "to copy", "không tìm thấy món %lld hoặc món chưa có "
		    "nguyên liệu; không có gì để sao chép"),
		    (long long)from_id);
	else {
		snprintf(detail, sizeof detail, "copy of dish %lld",
		    (long long)from_id);
		rc = dish_create(ctx, name, items, count, detail, id, err);
	}
	free(items);
	return rc;
}

int
mn_kitchen_dish_set_items(struct mn_ctx *ctx, int64_t dish_id,
    int64_t version, const struct mn_dish_item *items, size_t count,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int64_t *ids;
	char now[32];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_DISH_WRITE, "dish_edit", err))
	    != MN_OK)
		return rc;
	ids = calloc(count ? count : 1, sizeof *ids);
	if (ids == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if ((rc = check_items(ctx, items, count, ids, err)) != MN_OK ||
	    (rc = mn_tx_begin(ctx->db, err)) != MN_OK) {
		free(ids);
		return rc;
	}
	mn_now_utc(now, sizeof now);
	rc = kitchen_dish_refuse_locked(ctx, dish_id,
	    T("ingredients not changed", "không sửa nguyên liệu"), err);
	if (rc == MN_OK)
		rc = mn_prepare(ctx->db, "UPDATE dishes SET version = "
		    "version + 1, changed_by = ?, changed_at = ? WHERE id = ? "
		    "AND version = ?", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(stmt, 1, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, dish_id);
		sqlite3_bind_int64(stmt, 4, version);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	if (rc == MN_OK && sqlite3_changes(ctx->db) == 0)
		rc = mn_fail(err, MN_ERR_CONFLICT, "version", "%s",
		    T("the dish was changed or deleted by someone else; "
		    "reload it and try again", "món ăn vừa được người khác "
		    "sửa hoặc xóa; hãy tải lại rồi thử lại"));
	if (rc == MN_OK)
		rc = mn_prepare(ctx->db, "DELETE FROM dish_items WHERE "
		    "dish_id = ?", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_int64(stmt, 1, dish_id);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	if (rc == MN_OK)
		rc = insert_items(ctx, dish_id, items, ids, count, err);
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "update", "dishes", dish_id,
		    "ingredients replaced", err);
	free(ids);
	return kitchen_finish(ctx, rc, err);
}

int
mn_kitchen_dish_find(struct mn_ctx *ctx, const char *name, int64_t *id,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "dish_read",
	    err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, "SELECT id FROM dishes WHERE name = ?",
	    &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	return mn_fail(err, MN_ERR_NOTFOUND, "dish",
	    T("dish '%.100s' not found", "không tìm thấy món '%.100s'"), name);
}
