/*
 * The day in the kitchen: meal counts, the market list, purchases, meal
 * fees and the meal-fee book.
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

/* ---- Meal counts ------------------------------------------------------ */

/*
 * Children attending a class of the group's level (nhà trẻ or mẫu giáo)
 * in the school year that contains day; 0 when the registers hold none.
 */
static int
enrolled_in_group(struct mn_ctx *ctx, const char *date,
    enum mn_age_group group)
{
	sqlite3_stmt *stmt;
	int n = 0;

	if (sqlite3_prepare_v2(ctx->db, "SELECT count(*) FROM children c "
	    "JOIN classes k ON k.id = c.class_id "
	    "JOIN age_groups a ON a.code = k.age_group "
	    "JOIN school_years y ON y.id = k.school_year_id "
	    "WHERE a.level = ?1 AND ?2 BETWEEN y.first_day AND y.last_day "
	    "AND c.status IN ('enrolled', 'transferred_in')", -1, &stmt,
	    NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(stmt, 1, group == MN_GROUP_NHA_TRE ? "nt" : "mg",
	    -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

int
mn_kitchen_meals_set(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, enum mn_meal_count_kind kind, int count,
    const char *reason, struct mn_error *err)
{
	static const char *columns[] = { "planned", "from_attendance",
	    "manual" };
	char sql[512], date[11], now[32], detail[160];
	char *why = NULL;
	sqlite3_stmt *stmt;
	int rc;

	if ((unsigned)kind > MN_COUNT_MANUAL || (unsigned)group >=
	    MN_GROUP_COUNT)
		return mn_fail(err, MN_ERR_INVALID, "kind", "%s",
		    T("meal count: invalid kind or age group",
		    "số suất ăn: loại hoặc nhóm tuổi không hợp lệ"));
	if ((rc = kitchen_require(ctx, kind == MN_COUNT_ATTENDANCE ?
	    MAY_COUNT_ATTENDANCE : MAY_PLAN, "meal_count_write", err)) != MN_OK
	    || (rc = kitchen_check_date(day, "date", err)) != MN_OK)
		return rc;
	if (count < 0 || count > MAX_MEALS)
		return mn_fail(err, MN_ERR_INVALID, "count",
		    T("meal count: invalid value %d; expected 0 to %d",
		    "số suất ăn: giá trị %d không hợp lệ; cần từ 0 đến %d"),
		    count, MAX_MEALS);
	if (kind == MN_COUNT_MANUAL) {
		if ((rc = mn_text_clean(reason ? reason : "", "reason", 500,
		    &why, err)) != MN_OK)
			return rc;
		if (why[0] == '\0') {
			free(why);
			return mn_fail(err, MN_ERR_INVALID, "reason", "%s",
			    T("reason: missing; a manual correction needs a "
			    "reason", "lý do: bị thiếu; sửa tay số suất ăn "
			    "cần ghi lý do"));
		}
	}
	kitchen_iso(day, date);

	/* Children's meals cannot outnumber the children of the group. */
	if (kind != MN_COUNT_ATTENDANCE) {
		int enrolled = enrolled_in_group(ctx, date, group);

		if (enrolled > 0 && count > enrolled) {
			free(why);
			return mn_fail(err, MN_ERR_INVALID, "count",
			    T("meal count: %d is more than the %d children "
			    "enrolled in %s; expected 0 to %d",
			    "số suất ăn: %d nhiều hơn %d trẻ đang học ở %s; "
			    "cần từ 0 đến %d"), count, enrolled,
			    mn_menu_group_label(group), enrolled);
		}
	}
	mn_now_utc(now, sizeof now);
	snprintf(sql, sizeof sql, "INSERT INTO meal_counts (day, age_group, "
	    "%1$s, manual_by, manual_reason, changed_by, changed_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (day, age_group) "
	    "DO UPDATE SET %1$s = ?3, manual_by = coalesce(?4, manual_by), "
	    "manual_reason = coalesce(?5, manual_reason), "
	    "version = version + 1, changed_by = ?6, changed_at = ?7",
	    columns[kind]);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK) {
		free(why);
		return rc;
	}
	rc = mn_prepare(ctx->db, sql, &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
		    SQLITE_STATIC);
		sqlite3_bind_int(stmt, 3, count);
		if (why != NULL) {
			sqlite3_bind_text(stmt, 4, ctx->actor.login, -1,
			    SQLITE_STATIC);
			sqlite3_bind_text(stmt, 5, why, -1, SQLITE_STATIC);
		}
		sqlite3_bind_text(stmt, 6, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 7, now, -1, SQLITE_STATIC);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	snprintf(detail, sizeof detail, "%s %s %s = %d", date,
	    mn_menu_group_key(group), columns[kind], count);
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "update", "meal_counts", 0, detail,
		    err);
	free(why);
	return kitchen_finish(ctx, rc, err);
}

static int
effective_meals(struct mn_ctx *ctx, const char *date,
    enum mn_age_group group, int *count, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	*count = 0;
	if ((rc = mn_prepare(ctx->db, "SELECT coalesce(manual, "
	    "from_attendance, planned) FROM meal_counts WHERE day = ? AND "
	    "age_group = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
	    SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
}

int
mn_kitchen_meals(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, int *count, struct mn_error *err)
{
	char date[11];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_READ_COUNTS,
	    "meal_count_read", err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK)
		return rc;
	kitchen_iso(day, date);
	return effective_meals(ctx, date, group, count, err);
}

/* ---- Market list and purchases ---------------------------------------- */

int
mn_kitchen_market(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_market_list *out, struct mn_error *err)
{
	struct mn_market_need *needs = NULL;
	struct mn_food *foods = NULL;
	size_t count = 0, cap = 0;
	char sql[1024], date[11];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = kitchen_require(ctx, MAY_SEE_MARKET, "market_read",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK ||
	    (rc = kitchen_refuse_no_school(ctx, day, T("no market list",
	    "không lập phiếu kê chợ"), err)) != MN_OK)
		return rc;
	kitchen_iso(day, date);
	snprintf(sql, sizeof sql, "SELECT i.edible_g, (SELECT p.unit_price "
	    "FROM food_prices p WHERE p.food_id = f.id AND p.effective_from "
	    "<= ?1 ORDER BY p.effective_from DESC LIMIT 1), %s "
	    "FROM menu_items m JOIN dish_items i ON i.dish_id = m.dish_id "
	    "AND i.age_group = m.age_group JOIN foods f ON f.id = i.food_id "
	    "WHERE m.menu_date = ?1 AND m.age_group = ?2 "
	    "ORDER BY f.food_group, f.code", kitchen_food_columns);
	for (int g = 0; g < MN_GROUP_COUNT && rc == MN_OK; g++) {
		sqlite3_stmt *stmt;
		int meals;

		rc = effective_meals(ctx, date, g, &meals, err);
		if (rc == MN_OK)
			rc = mn_prepare(ctx->db, sql, &stmt, err);
		if (rc != MN_OK)
			break;
		sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, mn_menu_group_key(g), -1,
		    SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			if (count == cap) {
				void *n, *f;

				cap = cap ? cap * 2 : 64;
				n = realloc(needs, cap * sizeof *needs);
				if (n != NULL)
					needs = n;
				f = realloc(foods, cap * sizeof *foods);
				if (f != NULL)
					foods = f;
				if (n == NULL || f == NULL) {
					rc = SQLITE_NOMEM;
					break;
				}
			}
			needs[count].edible_g = sqlite3_column_double(stmt, 0);
			needs[count].unit_price = -1;
			if (sqlite3_column_type(stmt, 1) != SQLITE_NULL)
				needs[count].unit_price =
				    sqlite3_column_int64(stmt, 1);
			needs[count].children = meals;
			kitchen_food_from_row(stmt, 2, &foods[count]);
			count++;
		}
		sqlite3_finalize(stmt);
		rc = rc == SQLITE_DONE ? MN_OK : rc == SQLITE_NOMEM ?
		    mn_fail(err, MN_ERR_NOMEM, "", "out of memory") :
		    mn_db_fail(ctx->db, err);
	}
	for (size_t i = 0; i < count; i++)
		needs[i].food = &foods[i];
	if (rc == MN_OK)
		rc = mn_market_compute(needs, count, out, err);
	free(needs);
	if (rc == MN_OK)
		out->owned_foods = foods;
	else
		free(foods);
	return rc;
}

/* Records a purchase; supplier_id 0 keeps only the supplier text. */
static int
purchase_insert(struct mn_ctx *ctx, const struct mn_date *day,
    int food_code, double quantity, int64_t unit_price,
    const char *supplier, int64_t supplier_id, int64_t *id,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char date[11], now[32], detail[128];
	char *who = NULL;
	int64_t fid, amount;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_PLAN, "purchase_write",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK ||
	    (rc = kitchen_check_price(unit_price, "unit_price", err)) != MN_OK)
		return rc;
	if (!(quantity > 0 && quantity <= MAX_QUANTITY)) {
		char shown[48], limit[48];

		mn_format_value(quantity, shown, sizeof shown);
		mn_format_value(MAX_QUANTITY, limit, sizeof limit);
		return mn_fail(err, MN_ERR_INVALID, "quantity",
		    T("quantity: invalid value %s; expected purchase units "
		    "above 0 and at most %s", "số lượng: giá trị %s không hợp "
		    "lệ; cần số đơn vị mua lớn hơn 0 và không quá %s"),
		    shown, limit);
	}
	if ((rc = kitchen_food_id(ctx, food_code, &fid, err)) != MN_OK ||
	    (rc = mn_text_clean(supplier ? supplier : "", "supplier", 200,
	    &who, err)) != MN_OK)
		return rc;
	amount = mn_round_money(quantity * (double)unit_price);
	kitchen_iso(day, date);
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK) {
		free(who);
		return rc;
	}
	rc = mn_prepare(ctx->db, "INSERT INTO purchases (day, food_id, "
	    "quantity, unit_price, amount, supplier, changed_by, changed_at, "
	    "supplier_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, fid);
		sqlite3_bind_double(stmt, 3, quantity);
		sqlite3_bind_int64(stmt, 4, unit_price);
		sqlite3_bind_int64(stmt, 5, amount);
		sqlite3_bind_text(stmt, 6, who, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 7, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 8, now, -1, SQLITE_STATIC);
		if (supplier_id > 0)
			sqlite3_bind_int64(stmt, 9, supplier_id);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	if (rc == MN_OK && id != NULL)
		*id = sqlite3_last_insert_rowid(ctx->db);
	snprintf(detail, sizeof detail, "%s food %d: %g x %lld = %lld", date,
	    food_code, quantity, (long long)unit_price, (long long)amount);
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "insert", "purchases",
		    sqlite3_last_insert_rowid(ctx->db), detail, err);
	free(who);
	return kitchen_finish(ctx, rc, err);
}

int
mn_kitchen_purchase_add(struct mn_ctx *ctx, const struct mn_date *day,
    int food_code, double quantity, int64_t unit_price,
    const char *supplier, int64_t *id, struct mn_error *err)
{
	return purchase_insert(ctx, day, food_code, quantity, unit_price,
	    supplier, 0, id, err);
}

int
mn_kitchen_purchase_add_from(struct mn_ctx *ctx, const struct mn_date *day,
    int food_code, double quantity, int64_t unit_price,
    int64_t supplier_id, int64_t *id, struct mn_error *err)
{
	char name[256] = "";
	int rc;

	if ((rc = kitchen_require(ctx, MAY_PLAN, "purchase_write",
	    err)) != MN_OK)
		return rc;
	if (supplier_id > 0 && (rc = kitchen_supplier_name(ctx, supplier_id,
	    day, name, sizeof name, err)) != MN_OK)
		return rc;
	return purchase_insert(ctx, day, food_code, quantity, unit_price,
	    name, supplier_id, id, err);
}

/* ---- Meal fees -------------------------------------------------------- */

int
mn_kitchen_meal_fee_set(struct mn_ctx *ctx, enum mn_age_group group,
    const struct mn_date *from, int64_t fee, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char date[11], now[32], detail[96];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_FEES, "meal_fee_write",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(from, "effective_from", err)) != MN_OK)
		return rc;
	if (fee < 0 || fee > MAX_FEE)
		return mn_fail(err, MN_ERR_INVALID, "fee",
		    T("meal fee: invalid value %lld; expected whole đồng per "
		    "day from 0 to %d", "tiền ăn: giá trị %lld không hợp lệ; "
		    "cần số đồng mỗi ngày từ 0 đến %d"), (long long)fee,
		    MAX_FEE);
	kitchen_iso(from, date);
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "INSERT INTO meal_fees (age_group, "
	    "effective_from, fee_per_day, changed_by, changed_at) VALUES "
	    "(?1, ?2, ?3, ?4, ?5) ON CONFLICT (age_group, effective_from) DO "
	    "UPDATE SET fee_per_day = ?3, version = version + 1, "
	    "changed_by = ?4, changed_at = ?5", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(stmt, 1, mn_menu_group_key(group), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, fee);
		sqlite3_bind_text(stmt, 4, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5, now, -1, SQLITE_STATIC);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	snprintf(detail, sizeof detail, "%s meal fee %lld from %s",
	    mn_menu_group_key(group), (long long)fee, date);
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "update", "meal_fees", 0, detail, err);
	return kitchen_finish(ctx, rc, err);
}

/* The fee of a group in force on a day, through SQL parameter ?1 = day. */
#define FEE_IN_FORCE(group_expr, day_expr) \
	"coalesce((SELECT fee_per_day FROM meal_fees f WHERE f.age_group = " \
	group_expr " AND f.effective_from <= " day_expr \
	" ORDER BY f.effective_from DESC LIMIT 1), 0)"

int
mn_kitchen_fee_book(struct mn_ctx *ctx, const char *month,
    struct mn_fee_row **rows, size_t *count, int64_t *opening,
    struct mn_error *err)
{
	struct mn_fee_day *days = NULL;
	size_t cap = 0, n = 0;
	sqlite3_stmt *stmt;
	char first[32], next[32];
	int year, mon, len = 0, rc;

	*rows = NULL;
	*count = 0;
	*opening = 0;
	if ((rc = kitchen_require(ctx, MAY_FEES, "meal_fee_read",
	    err)) != MN_OK)
		return rc;
	if (month == NULL || strlen(month) != 7 ||
	    sscanf(month, "%4d-%2d%n", &year, &mon, &len) != 2 || len != 7 ||
	    year < 1900 || year > 2999 || mon < 1 || mon > 12)
		return mn_fail(err, MN_ERR_INVALID, "month",
		    T("month: invalid value '%.16s'; expected YYYY-MM, "
		    "e.g. 2026-12", "tháng: giá trị '%.16s' không hợp lệ; cần "
		    "dạng YYYY-MM, ví dụ 2026-12"), month ? month : "");
	snprintf(first, sizeof first, "%04d-%02d-01", year, mon);
	snprintf(next, sizeof next, "%04d-%02d-01", mon == 12 ? year + 1 :
	    year, mon == 12 ? 1 : mon + 1);

	/* Balance carried in: income minus purchases of all earlier days. */
	if ((rc = mn_prepare(ctx->db, "SELECT (SELECT coalesce(sum("
	    "coalesce(m.manual, m.from_attendance, m.planned) * "
	    FEE_IN_FORCE("m.age_group", "m.day") "), 0) FROM meal_counts m "
	    "WHERE m.day < ?1) - (SELECT coalesce(sum(amount), 0) FROM "
	    "purchases WHERE day < ?1)", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, first, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*opening = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return mn_db_fail(ctx->db, err);

	if ((rc = mn_prepare(ctx->db, "WITH d(day) AS (SELECT day FROM "
	    "meal_counts WHERE day >= ?1 AND day < ?2 UNION SELECT day FROM "
	    "purchases WHERE day >= ?1 AND day < ?2) SELECT d.day, "
	    "(SELECT coalesce(manual, from_attendance, planned) FROM "
	    "meal_counts WHERE day = d.day AND age_group = 'nha-tre'), "
	    FEE_IN_FORCE("'nha-tre'", "d.day") ", "
	    "(SELECT coalesce(manual, from_attendance, planned) FROM "
	    "meal_counts WHERE day = d.day AND age_group = 'mau-giao'), "
	    FEE_IN_FORCE("'mau-giao'", "d.day") ", "
	    "(SELECT coalesce(sum(amount), 0) FROM purchases p WHERE "
	    "p.day = d.day) FROM d ORDER BY d.day", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, next, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct mn_fee_day *d;

		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			d = realloc(days, cap * sizeof *d);
			if (d == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			days = d;
		}
		d = &days[n++];
		memset(d, 0, sizeof *d);
		snprintf(d->date, sizeof d->date, "%s",
		    (const char *)sqlite3_column_text(stmt, 0));
		d->children[MN_GROUP_NHA_TRE] = sqlite3_column_int(stmt, 1);
		d->fee[MN_GROUP_NHA_TRE] = sqlite3_column_int64(stmt, 2);
		d->children[MN_GROUP_MAU_GIAO] = sqlite3_column_int(stmt, 3);
		d->fee[MN_GROUP_MAU_GIAO] = sqlite3_column_int64(stmt, 4);
		d->spent = sqlite3_column_int64(stmt, 5);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(days);
		return rc == SQLITE_NOMEM ? mn_fail(err, MN_ERR_NOMEM, "",
		    "out of memory") : mn_db_fail(ctx->db, err);
	}
	if (n > 0) {
		*rows = calloc(n, sizeof **rows);
		if (*rows == NULL) {
			free(days);
			return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
		}
		mn_fee_book_compute(days, n, *opening, *rows);
	}
	*count = n;
	free(days);
	return MN_OK;
}

