/*
 * School calendar: school years, holidays and make-up days, and the
 * school-day test that attendance and meal counts rely on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/reg_util.h"
#include "core/registers.h"

static int
check_range(const struct mn_date *first, const struct mn_date *last,
    const char *field, struct mn_error *err)
{
	char a[16], b[16];

	if (!mn_date_valid(first->year, first->month, first->day) ||
	    !mn_date_valid(last->year, last->month, last->day))
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: invalid date; expected dd/mm/yyyy",
		    "%s: ngày không hợp lệ; cần dạng dd/mm/yyyy"), field);
	if (mn_date_cmp(first, last) > 0) {
		mn_date_format(first, a, sizeof a);
		mn_date_format(last, b, sizeof b);
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: first day %s is after last day %s",
		    "%s: ngày đầu %s sau ngày cuối %s"), field, a, b);
	}
	return MN_OK;
}

/* Runs an INSERT with its audit row in one transaction. */
static int
insert_audited(struct mn_ctx *ctx, sqlite3_stmt *st, const char *table,
    const char *json_sql, int64_t *id, struct mn_error *err)
{
	int64_t row;
	char *json;
	int rc;

	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(ctx->db) ==
		    SQLITE_CONSTRAINT_UNIQUE) {
			mn_tx_rollback(ctx->db);
			return mn_fail(err, MN_ERR_EXISTS, table,
			    T("%s: this entry already exists",
			    "%s: mục này đã có"), table);
		}
		rc = mn_db_fail(ctx->db, err);
		mn_tx_rollback(ctx->db);
		return rc;
	}
	row = sqlite3_last_insert_rowid(ctx->db);
	json = mn_reg_row_json(ctx->db, json_sql, row);
	rc = mn_audit(ctx->db, &ctx->actor, "insert", table, row, NULL, json,
	    NULL, err);
	free(json);
	if (rc == MN_OK && id != NULL)
		*id = row;
	return mn_reg_finish(ctx, rc, err);
}

int
mn_school_year_add(struct mn_ctx *ctx, const char *name,
    const struct mn_date *first_day, const struct mn_date *last_day,
    int64_t *id, struct mn_error *err)
{
	const char *field = T("School year", "Năm học");
	sqlite3_stmt *st = NULL;
	char now[32];
	int y1, y2, n = 0, rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CALENDAR_WRITE, err);
	if (rc != MN_OK)
		return rc;
	if (name == NULL || sscanf(name, "%4d-%4d%n", &y1, &y2, &n) != 2 ||
	    name[n] != '\0' || strlen(name) != 9 || y2 != y1 + 1)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: '%s' is invalid; expected two consecutive years "
		    "such as 2026-2027",
		    "%s: '%s' không hợp lệ; cần hai năm liên tiếp, ví dụ "
		    "2026-2027"), field, name ? name : "");
	rc = check_range(first_day, last_day, field, err);
	if (rc != MN_OK)
		return rc;
	if (first_day->year != y1 || last_day->year > y2)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: dates must fall in %d-%d",
		    "%s: các ngày phải nằm trong %d-%d"), field, y1, y2);
	rc = mn_prepare(ctx->db,
	    "INSERT INTO school_years (name, first_day, last_day, "
	    "changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5)", &st, err);
	if (rc != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	mn_reg_bind_date(st, 2, first_day);
	mn_reg_bind_date(st, 3, last_day);
	sqlite3_bind_text(st, 4, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	rc = insert_audited(ctx, st, "school_years",
	    "SELECT json_object('name', name, 'first_day', first_day, "
	    "'last_day', last_day) FROM school_years WHERE id = ?1", id, err);
	sqlite3_finalize(st);
	return rc;
}

static int
read_year(struct mn_ctx *ctx, sqlite3_stmt *st, struct mn_school_year *y,
    struct mn_error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		y->id = sqlite3_column_int64(st, 0);
		mn_reg_column_text(st, 1, y->name, sizeof y->name);
		mn_reg_column_date(st, 2, &y->first_day);
		mn_reg_column_date(st, 3, &y->last_day);
		y->version = sqlite3_column_int64(st, 4);
		return MN_OK;
	}
	if (rc == SQLITE_DONE)
		return mn_fail(err, MN_ERR_NOTFOUND, "school_year",
		    T("School year not found; add it to the calendar first",
		    "Không tìm thấy năm học; hãy thêm năm học vào lịch trước"));
	return mn_db_fail(ctx->db, err);
}

int
mn_school_year_find(struct mn_ctx *ctx, const char *name,
    struct mn_school_year *y, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = mn_prepare(ctx->db, "SELECT id, name, first_day, last_day, "
	    "version FROM school_years WHERE name = ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	rc = read_year(ctx, st, y, err);
	sqlite3_finalize(st);
	return rc;
}

int
mn_school_year_current(struct mn_ctx *ctx, const struct mn_date *day,
    struct mn_school_year *y, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	/*
	 * The year containing day comes first.  Next comes a year starting
	 * within 45 days, because the weeks before the opening are spent
	 * preparing it.  Last comes the latest year that has ended.
	 */
	rc = mn_prepare(ctx->db, "SELECT id, name, first_day, last_day, "
	    "version FROM school_years WHERE first_day <= date(?1, "
	    "'+45 days') ORDER BY CASE WHEN ?1 BETWEEN first_day AND "
	    "last_day THEN 0 WHEN first_day > ?1 THEN 1 ELSE 2 END, "
	    "abs(julianday(first_day) - julianday(?1)) LIMIT 1", &st, err);
	if (rc != MN_OK)
		return rc;
	mn_reg_bind_date(st, 1, day);
	rc = read_year(ctx, st, y, err);
	sqlite3_finalize(st);
	return rc;
}

int
mn_holiday_add(struct mn_ctx *ctx, const char *name,
    const struct mn_date *first_day, const struct mn_date *last_day,
    int64_t *id, struct mn_error *err)
{
	const char *field = T("Holiday", "Ngày nghỉ");
	sqlite3_stmt *st = NULL;
	char clean[256], now[32];
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CALENDAR_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_reg_clean(name, field, 60, clean, sizeof clean, err);
	if (rc != MN_OK)
		return rc;
	if (clean[0] == '\0')
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: name missing; expected e.g. \"Tết Nguyên đán\"",
		    "%s: thiếu tên; ví dụ \"Tết Nguyên đán\""), field);
	rc = check_range(first_day, last_day, field, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "INSERT INTO holidays (name, first_day, "
	    "last_day, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	    &st, err);
	if (rc != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	sqlite3_bind_text(st, 1, clean, -1, SQLITE_TRANSIENT);
	mn_reg_bind_date(st, 2, first_day);
	mn_reg_bind_date(st, 3, last_day);
	sqlite3_bind_text(st, 4, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	rc = insert_audited(ctx, st, "holidays",
	    "SELECT json_object('name', name, 'first_day', first_day, "
	    "'last_day', last_day) FROM holidays WHERE id = ?1", id, err);
	sqlite3_finalize(st);
	return rc;
}

int
mn_makeup_day_add(struct mn_ctx *ctx, const struct mn_date *day,
    const char *reason, int64_t *id, struct mn_error *err)
{
	const char *field = T("Make-up day", "Ngày học bù");
	sqlite3_stmt *st = NULL;
	char clean[512], now[32];
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CALENDAR_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = check_range(day, day, field, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_reg_clean(reason, field, 120, clean, sizeof clean, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "INSERT INTO makeup_days (day, reason, "
	    "changed_by, changed_at) VALUES (?1, ?2, ?3, ?4)", &st, err);
	if (rc != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	mn_reg_bind_date(st, 1, day);
	sqlite3_bind_text(st, 2, clean, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	rc = insert_audited(ctx, st, "makeup_days",
	    "SELECT json_object('day', day, 'reason', reason) "
	    "FROM makeup_days WHERE id = ?1", id, err);
	sqlite3_finalize(st);
	return rc;
}

bool
mn_calendar_is_school_day(struct mn_ctx *ctx, const struct mn_date *day)
{
	sqlite3_stmt *st = NULL;
	bool school = false;

	if (!mn_date_valid(day->year, day->month, day->day))
		return false;
	/*
	 * In a school year, and either a make-up day, or a weekday
	 * (strftime %w: 0 = Sunday, 6 = Saturday) outside every holiday.
	 */
	if (sqlite3_prepare_v2(ctx->db,
	    "SELECT EXISTS (SELECT 1 FROM school_years "
	    "    WHERE ?1 BETWEEN first_day AND last_day) "
	    "AND (EXISTS (SELECT 1 FROM makeup_days WHERE day = ?1) "
	    "    OR (strftime('%w', ?1) NOT IN ('0', '6') "
	    "        AND NOT EXISTS (SELECT 1 FROM holidays "
	    "            WHERE ?1 BETWEEN first_day AND last_day)))",
	    -1, &st, NULL) != SQLITE_OK)
		return false;
	mn_reg_bind_date(st, 1, day);
	if (sqlite3_step(st) == SQLITE_ROW)
		school = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return school;
}
