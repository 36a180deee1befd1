/*
 * Reading foods with their versions and prices, price history, dishes
 * with their ingredients, dish renaming and the requirement history (see
 * kitchen_edit.h).  Food writes live in kitchen.c beside the import.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/kitchen_edit.h"
#include "core/kitchen_priv.h"
#include "core/text.h"

static void
copy_column(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, size, "%s", t != NULL ? (const char *)t : "");
}

static int
out_of_memory(struct mn_error *err)
{
	return mn_fail(err, MN_ERR_NOMEM, "", "%s",
	    T("out of memory", "hết bộ nhớ"));
}

/* Makes room for one more element of size elem; false without memory. */
static bool
reserve(void **rows, size_t *cap, size_t count, size_t elem)
{
	void *p;
	size_t n;

	if (count < *cap)
		return true;
	n = *cap ? *cap * 2 : 32;
	if ((p = realloc(*rows, n * elem)) == NULL)
		return false;
	*rows = p;
	*cap = n;
	return true;
}

/* ---- Foods and prices ------------------------------------------------- */

/* Columns: version, price, price date, then kitchen_food_columns. */
static int
food_select(struct mn_ctx *ctx, const char *where,
    const struct mn_date *day, sqlite3_stmt **stmt, struct mn_error *err)
{
	char sql[1024], date[11];
	int rc;

	snprintf(sql, sizeof sql, "SELECT f.version, p.unit_price, "
	    "p.effective_from, %s FROM foods f LEFT JOIN food_prices p ON "
	    "p.id = (SELECT q.id FROM food_prices q WHERE q.food_id = f.id "
	    "AND q.effective_from <= ?1 ORDER BY q.effective_from DESC "
	    "LIMIT 1) %s ORDER BY f.food_group, f.code",
	    kitchen_food_columns, where);
	if ((rc = mn_prepare(ctx->db, sql, stmt, err)) != MN_OK)
		return rc;
	kitchen_iso(day, date);
	sqlite3_bind_text(*stmt, 1, date, -1, SQLITE_TRANSIENT);
	return MN_OK;
}

static void
food_row(sqlite3_stmt *st, struct mn_food_row *r)
{
	memset(r, 0, sizeof *r);
	r->version = sqlite3_column_int64(st, 0);
	r->unit_price = sqlite3_column_type(st, 1) == SQLITE_NULL ? -1 :
	    sqlite3_column_int64(st, 1);
	copy_column(st, 2, r->price_from, sizeof r->price_from);
	kitchen_food_from_row(st, 3, &r->food);
}

static void
read_food(sqlite3_stmt *st, void *row)
{
	food_row(st, row);
}

int
mn_kitchen_food_list(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_food_row **out, size_t *count, struct mn_error *err)
{
	void *rows = NULL;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "food_list",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK ||
	    (rc = food_select(ctx, "", day, &st, err)) != MN_OK)
		return rc;
	rc = mn_db_read_rows(ctx->db, st, sizeof **out, read_food,
	    &rows, count, err);
	*out = rows;
	return rc;
}

int
mn_kitchen_food_get(struct mn_ctx *ctx, int code, const struct mn_date *day,
    struct mn_food_row *out, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "food_read",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK ||
	    (rc = food_select(ctx, "WHERE f.code = ?2", day, &st,
	    err)) != MN_OK)
		return rc;
	sqlite3_bind_int(st, 2, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		food_row(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	return mn_fail(err, MN_ERR_NOTFOUND, "food",
	    T("food: code %d is not in the food table; expected a code from "
	    "the table", "thực phẩm: mã %d không có trong bảng thực phẩm; "
	    "cần một mã trong bảng"), code);
}

static void
read_price(sqlite3_stmt *st, void *row)
{
	struct mn_price_row *r = row;

	copy_column(st, 0, r->effective_from, sizeof r->effective_from);
	r->unit_price = sqlite3_column_int64(st, 1);
	copy_column(st, 2, r->changed_by, sizeof r->changed_by);
	copy_column(st, 3, r->changed_at, sizeof r->changed_at);
}

int
mn_kitchen_price_history(struct mn_ctx *ctx, int code,
    struct mn_price_row **out, size_t *count, struct mn_error *err)
{
	void *rows = NULL;
	sqlite3_stmt *st;
	int64_t fid;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "price_read",
	    err)) != MN_OK ||
	    (rc = kitchen_food_id(ctx, code, &fid, err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, "SELECT effective_from, unit_price, "
	    "changed_by, changed_at FROM food_prices WHERE food_id = ? "
	    "ORDER BY effective_from DESC", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, fid);
	rc = mn_db_read_rows(ctx->db, st, sizeof **out, read_price,
	    &rows, count, err);
	*out = rows;
	return rc;
}

int
mn_kitchen_price_on(struct mn_ctx *ctx, int code, const struct mn_date *day,
    int64_t *unit_price, struct mn_error *err)
{
	struct mn_food_row row;
	int rc;

	*unit_price = -1;
	if ((rc = mn_kitchen_food_get(ctx, code, day, &row, err)) != MN_OK)
		return rc;
	*unit_price = row.unit_price;
	return MN_OK;
}

/* ---- Dishes ----------------------------------------------------------- */

static void
read_dish_summary(sqlite3_stmt *st, void *row)
{
	struct mn_dish_summary *r = row;

	r->id = sqlite3_column_int64(st, 0);
	r->version = sqlite3_column_int64(st, 1);
	copy_column(st, 2, r->name, sizeof r->name);
	r->items[MN_GROUP_NHA_TRE] = sqlite3_column_int(st, 3);
	r->items[MN_GROUP_MAU_GIAO] = sqlite3_column_int(st, 4);
}

int
mn_kitchen_dishes(struct mn_ctx *ctx, struct mn_dish_summary **out,
    size_t *count, struct mn_error *err)
{
	void *rows = NULL;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "dish_list",
	    err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, "SELECT d.id, d.version, d.name, "
	    "(SELECT count(*) FROM dish_items i WHERE i.dish_id = d.id AND "
	    "i.age_group = 'nha-tre'), (SELECT count(*) FROM dish_items i "
	    "WHERE i.dish_id = d.id AND i.age_group = 'mau-giao') "
	    "FROM dishes d ORDER BY d.name", &st, err)) != MN_OK)
		return rc;
	rc = mn_db_read_rows(ctx->db, st, sizeof **out, read_dish_summary,
	    &rows, count, err);
	*out = rows;
	return rc;
}

void
mn_dish_detail_free(struct mn_dish_detail *d)
{
	free(d->items);
	free(d->foods);
	d->items = NULL;
	d->foods = NULL;
	d->count = 0;
}

static int
dish_not_found(int64_t id, struct mn_error *err)
{
	return mn_fail(err, MN_ERR_NOTFOUND, "dish",
	    T("dish %lld not found; it may have been deleted",
	    "không tìm thấy món %lld; có thể món đã bị xóa"), (long long)id);
}

/* Loads the ingredients of d->id into d. */
static int
load_dish_items(struct mn_ctx *ctx, struct mn_dish_detail *d,
    struct mn_error *err)
{
	char sql[1024];
	size_t cap = 0, fcap = 0;
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof sql, "SELECT i.age_group, i.edible_g, %s "
	    "FROM dish_items i JOIN foods f ON f.id = i.food_id "
	    "WHERE i.dish_id = ? ORDER BY i.age_group = 'mau-giao', "
	    "f.food_group, f.code", kitchen_food_columns);
	if ((rc = mn_prepare(ctx->db, sql, &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, d->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mn_dish_item *it;
		enum mn_age_group g = MN_GROUP_NHA_TRE;

		if (!reserve((void **)&d->items, &cap, d->count,
		    sizeof *d->items) ||
		    !reserve((void **)&d->foods, &fcap, d->count,
		    sizeof *d->foods))
			break;
		it = &d->items[d->count];
		mn_menu_group_parse((const char *)sqlite3_column_text(st, 0),
		    &g, NULL);
		it->group = g;
		it->edible_g = sqlite3_column_double(st, 1);
		kitchen_food_from_row(st, 2, &d->foods[d->count]);
		it->food_code = d->foods[d->count].code;
		d->count++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return MN_OK;
	return rc == SQLITE_ROW ? out_of_memory(err) : mn_db_fail(ctx->db, err);
}

int
mn_kitchen_dish_get(struct mn_ctx *ctx, int64_t id,
    struct mn_dish_detail *out, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "dish_read",
	    err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, "SELECT version, name FROM dishes "
	    "WHERE id = ?", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = id;
		out->version = sqlite3_column_int64(st, 0);
		copy_column(st, 1, out->name, sizeof out->name);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return dish_not_found(id, err);
	if (rc != SQLITE_ROW)
		return mn_db_fail(ctx->db, err);
	if ((rc = load_dish_items(ctx, out, err)) != MN_OK)
		mn_dish_detail_free(out);
	return rc;
}

int
mn_kitchen_dish_rename(struct mn_ctx *ctx, int64_t id, int64_t version,
    const char *name, struct mn_error *err)
{
	sqlite3_stmt *st;
	char *clean = NULL, now[32];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_DISH_WRITE, "dish_edit", err))
	    != MN_OK ||
	    (rc = mn_text_clean(name ? name : "", "name", 200, &clean,
	    err)) != MN_OK)
		return rc;
	if (clean[0] == '\0') {
		free(clean);
		return mn_fail(err, MN_ERR_INVALID, "name", "%s",
		    T("dish name: missing; expected 1 to 200 characters",
		    "tên món: bị thiếu; cần 1 đến 200 ký tự"));
	}
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK) {
		free(clean);
		return rc;
	}
	rc = kitchen_dish_refuse_locked(ctx, id, T("name not changed",
	    "không đổi tên"), err);
	if (rc == MN_OK)
		rc = mn_prepare(ctx->db, "UPDATE dishes SET name = ?, "
		    "version = version + 1, changed_by = ?, changed_at = ? "
		    "WHERE id = ? AND version = ?", &st, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(st, 1, clean, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, id);
		sqlite3_bind_int64(st, 5, version);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT)
			rc = mn_fail(err, MN_ERR_EXISTS, "name",
			    T("dish name '%s' is already used; choose another",
			    "tên món '%s' đã có; hãy chọn tên khác"), clean);
		else
			rc = rc == SQLITE_DONE ? MN_OK :
			    mn_db_fail(ctx->db, err);
	}
	if (rc == MN_OK && sqlite3_changes(ctx->db) == 0)
		rc = mn_fail(err, MN_ERR_CONFLICT, "version", "%s",
		    T("the dish was changed or deleted by someone else; "
		    "reload it and try again", "món ăn vừa được người khác "
		    "sửa hoặc xóa; hãy tải lại rồi thử lại"));
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "update", "dishes", id, clean, err);
	free(clean);
	return kitchen_finish(ctx, rc, err);
}

/* ---- Requirements ----------------------------------------------------- */

static struct mn_range
range_at(sqlite3_stmt *st, int col)
{
	struct mn_range r;

	r.min = sqlite3_column_type(st, col) == SQLITE_NULL ? NAN :
	    sqlite3_column_double(st, col);
	r.max = sqlite3_column_type(st, col + 1) == SQLITE_NULL ? NAN :
	    sqlite3_column_double(st, col + 1);
	return r;
}

static void
requirement_from_row(sqlite3_stmt *st, int col, struct mn_requirement *r)
{
	struct mn_range *ranges[] = { &r->kcal, &r->protein_pct,
	    &r->lipid_pct, &r->glucid_pct, &r->animal_protein_pct,
	    &r->animal_lipid_pct, &r->calcium_mg, &r->iron_mg,
	    &r->vitamin_a_ug, &r->vitamin_b1_mg, &r->vitamin_c_mg };

	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		*ranges[i] = range_at(st, col + 2 * (int)i);
	r->daily_kcal = sqlite3_column_double(st, col + 22);
	for (int m = 0; m < MN_MEAL_COUNT; m++)
		r->meal_pct[m] = range_at(st, col + 23 + 2 * m);
}

static void
read_requirement(sqlite3_stmt *st, void *row)
{
	struct mn_requirement_row *r = row;

	copy_column(st, 0, r->effective_from, sizeof r->effective_from);
	r->version = sqlite3_column_int64(st, 1);
	copy_column(st, 2, r->changed_by, sizeof r->changed_by);
	requirement_from_row(st, 3, &r->r);
}

int
mn_kitchen_requirement_list(struct mn_ctx *ctx, enum mn_age_group group,
    struct mn_requirement_row **out, size_t *count, struct mn_error *err)
{
	void *rows = NULL;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "requirement_read",
	    err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, "SELECT effective_from, version, "
	    "changed_by, kcal_min, kcal_max, "
	    "protein_pct_min, protein_pct_max, lipid_pct_min, lipid_pct_max, "
	    "glucid_pct_min, glucid_pct_max, animal_protein_pct_min, "
	    "animal_protein_pct_max, animal_lipid_pct_min, "
	    "animal_lipid_pct_max, calcium_mg_min, calcium_mg_max, "
	    "iron_mg_min, iron_mg_max, vitamin_a_ug_min, vitamin_a_ug_max, "
	    "vitamin_b1_mg_min, vitamin_b1_mg_max, vitamin_c_mg_min, "
	    "vitamin_c_mg_max, daily_kcal, breakfast_pct_min, "
	    "breakfast_pct_max, lunch_pct_min, lunch_pct_max, "
	    "afternoon_pct_min, afternoon_pct_max, snack_pct_min, "
	    "snack_pct_max FROM nutrition_requirements WHERE age_group = ? "
	    "ORDER BY effective_from DESC", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, mn_menu_group_key(group), -1, SQLITE_STATIC);
	rc = mn_db_read_rows(ctx->db, st, sizeof **out, read_requirement,
	    &rows, count, err);
	*out = rows;
	return rc;
}
