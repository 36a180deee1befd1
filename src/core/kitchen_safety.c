/*
 * Food-safety logs (three-step inspection, food samples) and allergy
 * flags.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "core/audit.h"
#include "core/date.h"
#include "core/db.h"
#include "core/kitchen.h"
#include "core/kitchen_priv.h"
#include "core/text.h"

/* ---- Food safety ------------------------------------------------------ */

static int
clean_required(const char *in, const char *field, size_t max, char **out,
    struct mn_error *err)
{
	int rc = mn_text_clean(in ? in : "", field, max, out, err);

	if (rc == MN_OK && (*out)[0] == '\0') {
		free(*out);
		*out = NULL;
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: missing; expected text of 1 to %zu characters",
		    "%s: bị thiếu; cần nội dung dài 1 đến %zu ký tự"), field,
		    max);
	}
	return rc;
}

/* Returns the supplier text of a check: the register's name if linked. */
static int
supplier_text(struct mn_ctx *ctx, const struct mn_date *day,
    const struct mn_food_check *c, char **out, struct mn_error *err)
{
	char name[256];
	int rc;

	if (c->supplier_id <= 0)
		return mn_text_clean(c->supplier ? c->supplier : "",
		    "supplier", 500, out, err);
	if ((rc = kitchen_supplier_name(ctx, c->supplier_id, day, name,
	    sizeof name, err)) != MN_OK)
		return rc;
	if ((*out = strdup(name)) == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	return MN_OK;
}

int
mn_kitchen_food_check_add(struct mn_ctx *ctx, const struct mn_date *day,
    const struct mn_food_check *c, int64_t *id, struct mn_error *err)
{
	char *item = NULL, *supplier = NULL, *unit = NULL, *checks = NULL;
	char *action = NULL, *by = NULL;
	char date[11], at[32], now[32];
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_SAFETY, "food_check_write",
	    err)) != MN_OK
	    || (rc = kitchen_check_date(day, "date", err)) != MN_OK)
		return rc;
	if (c->step < 1 || c->step > 3)
		return mn_fail(err, MN_ERR_INVALID, "step",
		    T("step: invalid value %d; expected 1 (receiving), 2 "
		    "(cooking) or 3 (before serving)", "bước: giá trị %d không "
		    "hợp lệ; cần 1 (nhận thực phẩm), 2 (chế biến) hoặc 3 "
		    "(trước khi ăn)"), c->step);
	if (c->meal < -1 || c->meal >= MN_MEAL_COUNT ||
	    (c->step > 1 && c->meal < 0))
		return mn_fail(err, MN_ERR_INVALID, "meal", "%s",
		    T("meal: missing or invalid; steps 2 and 3 need the meal",
		    "bữa ăn: thiếu hoặc không hợp lệ; bước 2 và 3 cần ghi "
		    "bữa"));
	if (!(c->quantity >= 0 && c->quantity <= MAX_QUANTITY)) {
		char v[32], hi[32];

		mn_format_value(c->quantity, v, sizeof v);
		mn_format_value(MAX_QUANTITY, hi, sizeof hi);
		return mn_fail(err, MN_ERR_INVALID, "quantity",
		    T("quantity: invalid value %s; expected 0 to %s",
		    "số lượng: giá trị %s không hợp lệ; cần từ 0 đến %s"),
		    v, hi);
	}
	if ((rc = clean_required(c->item, "item", 200, &item, err)) != MN_OK ||
	    (rc = clean_required(c->checked_by, "checked_by", 100, &by, err))
	    != MN_OK ||
	    (rc = supplier_text(ctx, day, c, &supplier, err)) != MN_OK ||
	    (rc = mn_text_clean(c->unit ? c->unit : "", "unit", 15, &unit,
	    err)) != MN_OK ||
	    (rc = mn_text_clean(c->checks ? c->checks : "", "checks", 2000,
	    &checks, err)) != MN_OK ||
	    (rc = mn_text_clean(c->action ? c->action : "", "action", 500,
	    &action, err)) != MN_OK)
		goto out;
	kitchen_iso(day, date);
	kitchen_utc_time(c->at, at, sizeof at);
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	rc = mn_prepare(ctx->db, "INSERT INTO food_checks (day, step, "
	    "checked_at, meal, item, supplier, quantity, unit, checks, result, "
	    "action, checked_by, changed_by, changed_at, supplier_id) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 2, c->step);
		sqlite3_bind_text(stmt, 3, at, -1, SQLITE_STATIC);
		if (c->meal >= 0)
			sqlite3_bind_text(stmt, 4, mn_meal_key(c->meal), -1,
			    SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5, item, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 6, supplier, -1, SQLITE_STATIC);
		if (c->quantity > 0)
			sqlite3_bind_double(stmt, 7, c->quantity);
		sqlite3_bind_text(stmt, 8, unit, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 9, checks, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 10, c->accepted ? "accepted" :
		    "rejected", -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 11, action, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 12, by, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 13, ctx->actor.login, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(stmt, 14, now, -1, SQLITE_STATIC);
		if (c->supplier_id > 0)
			sqlite3_bind_int64(stmt, 15, c->supplier_id);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	if (rc == MN_OK) {
		int64_t row = sqlite3_last_insert_rowid(ctx->db);

		if (id != NULL)
			*id = row;
		rc = kitchen_audit(ctx, "insert", "food_checks", row, item,
		    err);
	}
	rc = kitchen_finish(ctx, rc, err);
out:
	free(item);
	free(supplier);
	free(unit);
	free(checks);
	free(action);
	free(by);
	return rc;
}

/*
 * Rejects a sample below the smallest size of the rule in force on date
 * (food_sample_rules).  NOTE: the form records grams without saying
 * whether the dish is liquid, so the lower solid minimum is applied and
 * the message gives both.
 */
static int
check_sample_size(struct mn_ctx *ctx, const char *date, double quantity_g,
    struct mn_error *err)
{
	double solid = 0, liquid = 0;
	char source[128] = "", q[32], s_min[32], l_min[32];
	sqlite3_stmt *st;
	int rc;

	if ((rc = mn_prepare(ctx->db, "SELECT min_solid_g, min_liquid_ml, "
	    "source FROM food_sample_rules WHERE effective_from <= ? "
	    "ORDER BY effective_from DESC LIMIT 1", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		solid = sqlite3_column_double(st, 0);
		liquid = sqlite3_column_double(st, 1);
		snprintf(source, sizeof source, "%s",
		    (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	if (rc == SQLITE_DONE || quantity_g >= solid)
		return MN_OK;
	mn_format_value(quantity_g, q, sizeof q);
	mn_format_decimal(solid, 0, s_min, sizeof s_min);
	mn_format_decimal(liquid, 0, l_min, sizeof l_min);
	return mn_fail(err, MN_ERR_INVALID, "quantity_g",
	    T("sample quantity: %s is too small; a sample keeps at least "
	    "%s g of a solid dish and %s ml of a liquid one (%s)",
	    "lượng mẫu: %s là quá ít; mẫu lưu cần ít nhất %s g với món đặc "
	    "và %s ml với món lỏng (%s)"), q, s_min, l_min, source);
}

int
mn_kitchen_sample_add(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_meal meal, int64_t dish_id, double quantity_g, time_t taken_at,
    const char *taken_by, int64_t *id, struct mn_error *err)
{
	char date[11], at[32], now[32];
	sqlite3_stmt *stmt;
	char *by = NULL;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_SAFETY, "food_sample_write",
	    err)) != MN_OK
	    || (rc = kitchen_check_date(day, "date", err)) != MN_OK)
		return rc;
	if ((unsigned)meal >= MN_MEAL_COUNT)
		return mn_meal_parse("", &meal, err);
	if (!(quantity_g > 0 && quantity_g <= 2000)) {
		char q[32];

		mn_format_value(quantity_g, q, sizeof q);
		return mn_fail(err, MN_ERR_INVALID, "quantity_g",
		    T("sample quantity: invalid value %s; expected grams or "
		    "millilitres above 0 and at most 2000",
		    "lượng mẫu: giá trị %s không hợp lệ; cần số gam hoặc ml "
		    "lớn hơn 0 và không quá 2000"), q);
	}
	kitchen_iso(day, date);
	if ((rc = check_sample_size(ctx, date, quantity_g, err)) != MN_OK ||
	    (rc = clean_required(taken_by, "taken_by", 100, &by, err))
	    != MN_OK)
		return rc;
	kitchen_utc_time(taken_at, at, sizeof at);
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK) {
		free(by);
		return rc;
	}
	rc = mn_prepare(ctx->db, "INSERT INTO food_samples (day, meal, "
	    "dish_id, quantity_g, taken_at, taken_by, changed_by, changed_at) "
	    "SELECT ?, ?, id, ?, ?, ?, ?, ? FROM dishes WHERE id = ?", &stmt,
	    err);
	if (rc == MN_OK) {
		sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, mn_meal_key(meal), -1,
		    SQLITE_STATIC);
		sqlite3_bind_double(stmt, 3, quantity_g);
		sqlite3_bind_text(stmt, 4, at, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5, by, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 6, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 7, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 8, dish_id);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	if (rc == MN_OK && sqlite3_changes(ctx->db) == 0)
		rc = mn_fail(err, MN_ERR_NOTFOUND, "dish",
		    T("dish %lld not found", "không tìm thấy món %lld"),
		    (long long)dish_id);
	if (rc == MN_OK) {
		int64_t row = sqlite3_last_insert_rowid(ctx->db);

		if (id != NULL)
			*id = row;
		rc = kitchen_audit(ctx, "insert", "food_samples", row, NULL,
		    err);
	}
	free(by);
	return kitchen_finish(ctx, rc, err);
}

int
mn_kitchen_sample_dispose(struct mn_ctx *ctx, int64_t sample_id, time_t at,
    const char *by, struct mn_error *err)
{
	char when[32], now[32], taken[32] = "", disposed[32] = "";
	char l_when[40], l_taken[40], l_disp[40], h[16];
	double hours = 0;
	sqlite3_stmt *stmt;
	char *who = NULL;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_SAFETY, "food_sample_write",
	    err)) != MN_OK
	    || (rc = clean_required(by, "disposed_by", 100, &who, err))
	    != MN_OK)
		return rc;
	kitchen_utc_time(at, when, sizeof when);
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK) {
		free(who);
		return rc;
	}
	rc = mn_prepare(ctx->db, "SELECT taken_at, disposed_at, "
	    "(julianday(?2) - julianday(taken_at)) * 24 FROM food_samples "
	    "WHERE id = ?1", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_int64(stmt, 1, sample_id);
		sqlite3_bind_text(stmt, 2, when, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			snprintf(taken, sizeof taken, "%s",
			    (const char *)sqlite3_column_text(stmt, 0));
			if (sqlite3_column_type(stmt, 1) != SQLITE_NULL)
				snprintf(disposed, sizeof disposed, "%s",
				    (const char *)sqlite3_column_text(stmt, 1));
			hours = sqlite3_column_double(stmt, 2);
		}
		sqlite3_finalize(stmt);
		if (rc == SQLITE_DONE)
			rc = mn_fail(err, MN_ERR_NOTFOUND, "sample",
			    T("food sample %lld not found",
			    "không tìm thấy mẫu thức ăn %lld"),
			    (long long)sample_id);
		else if (rc != SQLITE_ROW)
			rc = mn_db_fail(ctx->db, err);
		else if (disposed[0] != '\0') {
			/* Messages show the school's time, not UTC. */
			mn_time_local(disposed, l_disp, sizeof l_disp);
			rc = mn_fail(err, MN_ERR_CONFLICT, "disposed_at",
			    T("food sample %lld was already disposed of at %s",
			    "mẫu thức ăn %lld đã hủy lúc %s"),
			    (long long)sample_id, l_disp);
		} else if (hours < 24) {
			mn_time_local(when, l_when, sizeof l_when);
			mn_time_local(taken, l_taken, sizeof l_taken);
			mn_format_decimal(hours, 1, h, sizeof h);
			rc = mn_fail(err, MN_ERR_INVALID, "disposed_at",
			    T("disposal time %s: only %s hours after the "
			    "sample was taken at %s; a sample is kept at least "
			    "24 hours", "giờ hủy %s: mới %s giờ sau khi lấy "
			    "mẫu lúc %s; mẫu phải lưu ít nhất 24 giờ"), l_when,
			    h, l_taken);
		}
		else
			rc = MN_OK;
	}
	if (rc == MN_OK)
		rc = mn_prepare(ctx->db, "UPDATE food_samples SET "
		    "disposed_at = ?, disposed_by = ?, version = version + 1, "
		    "changed_by = ?, changed_at = ? WHERE id = ?", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(stmt, 1, when, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, who, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 4, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 5, sample_id);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "update", "food_samples", sample_id,
		    "disposed", err);
	free(who);
	return kitchen_finish(ctx, rc, err);
}
