/*
 * Code lists and calendar lists for pickers and screens: ethnic groups,
 * policy categories, age groups, school years, holidays, make-up days.
 * These hold no personal data, so they need no role.
 */
#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/reg_util.h"
#include "core/registers.h"

/* Calls fn(code, label, arg) for each row of a two-column query. */
static int
list_pairs(struct mn_ctx *ctx, const char *sql,
    int (*fn)(const char *code, const char *label, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = mn_prepare(ctx->db, sql, &st, err);
	if (rc != MN_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1), arg) != 0)
			break;
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}

int
mn_ethnicity_list(struct mn_ctx *ctx,
    int (*fn)(const char *code, const char *label, void *arg), void *arg,
    struct mn_error *err)
{
	return list_pairs(ctx, "SELECT code, name FROM ethnicities ORDER BY "
	    "code", fn, arg, err);
}

int
mn_policy_category_list(struct mn_ctx *ctx,
    int (*fn)(const char *code, const char *label, void *arg), void *arg,
    struct mn_error *err)
{
	return list_pairs(ctx, "SELECT code, label FROM policy_categories "
	    "ORDER BY code", fn, arg, err);
}

int
mn_age_group_list(struct mn_ctx *ctx,
    int (*fn)(const char *code, const char *label, void *arg), void *arg,
    struct mn_error *err)
{
	return list_pairs(ctx, "SELECT code, label FROM age_groups ORDER BY "
	    "sort_order", fn, arg, err);
}

int
mn_school_year_list(struct mn_ctx *ctx,
    int (*fn)(const struct mn_school_year *y, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	struct mn_school_year y;
	int rc;

	rc = mn_prepare(ctx->db, "SELECT id, name, first_day, last_day, "
	    "version FROM school_years ORDER BY first_day", &st, err);
	if (rc != MN_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&y, 0, sizeof y);
		y.id = sqlite3_column_int64(st, 0);
		mn_reg_column_text(st, 1, y.name, sizeof y.name);
		mn_reg_column_date(st, 2, &y.first_day);
		mn_reg_column_date(st, 3, &y.last_day);
		y.version = sqlite3_column_int64(st, 4);
		if (fn(&y, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}

int
mn_day_off_list(struct mn_ctx *ctx, const struct mn_date *from,
    const struct mn_date *to,
    int (*fn)(const struct mn_day_off *d, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	struct mn_day_off d;
	int rc;

	/* Holidays overlapping the range, and make-up days inside it. */
	rc = mn_prepare(ctx->db, "SELECT id, 0, name, first_day, last_day "
	    "FROM holidays WHERE last_day >= ?1 AND first_day <= ?2 "
	    "UNION ALL SELECT id, 1, reason, day, day FROM makeup_days "
	    "WHERE day BETWEEN ?1 AND ?2 ORDER BY 4, 2", &st, err);
	if (rc != MN_OK)
		return rc;
	mn_reg_bind_date(st, 1, from);
	mn_reg_bind_date(st, 2, to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&d, 0, sizeof d);
		d.id = sqlite3_column_int64(st, 0);
		d.makeup = sqlite3_column_int(st, 1) != 0;
		mn_reg_column_text(st, 2, d.name, sizeof d.name);
		mn_reg_column_date(st, 3, &d.first_day);
		mn_reg_column_date(st, 4, &d.last_day);
		if (fn(&d, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}
