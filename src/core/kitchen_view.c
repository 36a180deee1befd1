/*
 * Read-only kitchen lists for the screens (see kitchen_view.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/db.h"
#include "core/kitchen_priv.h"
#include "core/kitchen_view.h"

static void
copy_text(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, size, "%s", t != NULL ? (const char *)t : "");
}

static int
meal_of(sqlite3_stmt *st, int col)
{
	enum mn_meal m;
	const unsigned char *t = sqlite3_column_text(st, col);

	if (t == NULL || mn_meal_parse((const char *)t, &m, NULL) != MN_OK)
		return -1;
	return (int)m;
}

/*
 * Checks access (mask, what) and day, and writes day as the ISO date
 * that the day queries bind.
 */
static int
day_query(struct mn_ctx *ctx, unsigned mask, const char *what,
    const struct mn_date *day, char date[11], struct mn_error *err)
{
	int rc;

	if ((rc = kitchen_require(ctx, mask, what, err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK)
		return rc;
	kitchen_iso(day, date);
	return MN_OK;
}

static void
read_dish_info(sqlite3_stmt *st, void *row)
{
	struct mn_dish_info *r = row;

	r->id = sqlite3_column_int64(st, 0);
	copy_text(st, 1, r->name, sizeof r->name);
	r->items = sqlite3_column_int(st, 2);
}

int
mn_kitchen_dish_list(struct mn_ctx *ctx, enum mn_age_group group,
    struct mn_dish_info **out, size_t *count, struct mn_error *err)
{
	void *rows = NULL;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "dish_list",
	    err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, "SELECT d.id, d.name, count(*) FROM "
	    "dishes d JOIN dish_items i ON i.dish_id = d.id WHERE "
	    "i.age_group = ? GROUP BY d.id ORDER BY d.name", &st, err)) !=
	    MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, mn_menu_group_key(group), -1, SQLITE_STATIC);
	rc = mn_db_read_rows(ctx->db, st, sizeof **out, read_dish_info,
	    &rows, count, err);
	*out = rows;
	return rc;
}

int
mn_kitchen_meal_count_get(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, struct mn_meal_count_info *out,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	char date[11];
	int rc;

	memset(out, 0, sizeof *out);
	out->planned = out->from_attendance = out->manual = -1;
	if ((rc = day_query(ctx, MAY_READ_COUNTS, "meal_count_read", day, date,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT planned, from_attendance, "
	    "manual, coalesce(manual_by, ''), coalesce(manual_reason, ''), "
	    "changed_at FROM meal_counts WHERE day = ? AND age_group = ?",
	    &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, mn_menu_group_key(group), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->planned = sqlite3_column_int(st, 0);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			out->from_attendance = sqlite3_column_int(st, 1);
		if (sqlite3_column_type(st, 2) != SQLITE_NULL)
			out->manual = sqlite3_column_int(st, 2);
		copy_text(st, 3, out->manual_by, sizeof out->manual_by);
		copy_text(st, 4, out->manual_reason,
		    sizeof out->manual_reason);
		copy_text(st, 5, out->changed_at, sizeof out->changed_at);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	/* The same precedence as mn_kitchen_meals. */
	out->effective = out->manual >= 0 ? out->manual :
	    out->from_attendance >= 0 ? out->from_attendance :
	    out->planned >= 0 ? out->planned : 0;
	return MN_OK;
}

int
mn_kitchen_meal_fee(struct mn_ctx *ctx, enum mn_age_group group,
    const struct mn_date *day, int64_t *fee, struct mn_error *err)
{
	sqlite3_stmt *st;
	char date[11];
	int rc;

	*fee = 0;
	if ((rc = day_query(ctx, MAY_READ_COST, "meal_fee_read", day, date,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT fee_per_day FROM meal_fees "
	    "WHERE age_group = ? AND effective_from <= ? ORDER BY "
	    "effective_from DESC LIMIT 1", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, mn_menu_group_key(group), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*fee = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
}

int
mn_kitchen_purchases_total(struct mn_ctx *ctx, const struct mn_date *day,
    int64_t *amount, int *rows, struct mn_error *err)
{
	sqlite3_stmt *st;
	char date[11];
	int rc;

	*amount = 0;
	*rows = 0;
	if ((rc = day_query(ctx, MAY_SEE_MARKET, "purchase_read", day, date,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT coalesce(sum(amount), 0), "
	    "count(*) FROM purchases WHERE day = ?", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*amount = sqlite3_column_int64(st, 0);
		*rows = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? MN_OK : mn_db_fail(ctx->db, err);
}

static void
read_food_check(sqlite3_stmt *st, void *row)
{
	struct mn_food_check_row *r = row;

	r->id = sqlite3_column_int64(st, 0);
	r->step = sqlite3_column_int(st, 1);
	copy_text(st, 2, r->checked_at, sizeof r->checked_at);
	r->meal = meal_of(st, 3);
	copy_text(st, 4, r->item, sizeof r->item);
	copy_text(st, 5, r->supplier, sizeof r->supplier);
	r->quantity = sqlite3_column_double(st, 6);
	copy_text(st, 7, r->unit, sizeof r->unit);
	copy_text(st, 8, r->checks, sizeof r->checks);
	r->accepted = strcmp((const char *)sqlite3_column_text(st, 9),
	    "accepted") == 0;
	copy_text(st, 10, r->action, sizeof r->action);
	copy_text(st, 11, r->checked_by, sizeof r->checked_by);
}

int
mn_kitchen_food_check_list(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_food_check_row **out, size_t *count, struct mn_error *err)
{
	void *rows = NULL;
	sqlite3_stmt *st;
	char date[11];
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = day_query(ctx, MAY_SAFETY, "food_check_read", day, date,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT id, step, checked_at, meal, "
	    "item, supplier, coalesce(quantity, 0), unit, checks, result, "
	    "action, checked_by FROM food_checks WHERE day = ? ORDER BY "
	    "step, checked_at, id", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	rc = mn_db_read_rows(ctx->db, st, sizeof **out, read_food_check,
	    &rows, count, err);
	*out = rows;
	return rc;
}

static void
read_sample(sqlite3_stmt *st, void *row)
{
	struct mn_sample_row *r = row;

	r->id = sqlite3_column_int64(st, 0);
	r->meal = meal_of(st, 1);
	copy_text(st, 2, r->dish, sizeof r->dish);
	r->quantity_g = sqlite3_column_double(st, 3);
	copy_text(st, 4, r->taken_at, sizeof r->taken_at);
	copy_text(st, 5, r->taken_by, sizeof r->taken_by);
	copy_text(st, 6, r->disposed_at, sizeof r->disposed_at);
	copy_text(st, 7, r->disposed_by, sizeof r->disposed_by);
}

int
mn_kitchen_sample_list(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_sample_row **out, size_t *count, struct mn_error *err)
{
	void *rows = NULL;
	sqlite3_stmt *st;
	char date[11];
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = day_query(ctx, MAY_SAFETY, "food_sample_read", day, date,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT s.id, s.meal, d.name, "
	    "s.quantity_g, s.taken_at, s.taken_by, coalesce(s.disposed_at, "
	    "''), coalesce(s.disposed_by, '') FROM food_samples s JOIN "
	    "dishes d ON d.id = s.dish_id WHERE s.day = ? ORDER BY "
	    "s.taken_at, d.name", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	rc = mn_db_read_rows(ctx->db, st, sizeof **out, read_sample,
	    &rows, count, err);
	*out = rows;
	return rc;
}

void
mn_kitchen_local_time(const char *utc, char *buf, size_t size)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (utc == NULL || utc[0] == '\0' ||
	    strptime(utc, "%Y-%m-%dT%H:%M:%SZ", &tm) == NULL) {
		snprintf(buf, size, "%s", utc != NULL ? utc : "");
		return;
	}
	t = timegm(&tm);
	localtime_r(&t, &tm);
	strftime(buf, size, "%d/%m %H:%M", &tm);
}
