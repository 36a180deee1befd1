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

static int
check_year_fields(const char *name, const struct mn_date *first_day,
    const struct mn_date *last_day, struct mn_error *err)
{
	const char *field = T("School year", "Năm học");
	int y1, y2, n = 0, rc;

	if (name == NULL || sscanf(name, "%4d-%4d%n", &y1, &y2, &n) != 2 ||
	    name[n] != '\0' || strlen(name) != 9 || y2 != y1 + 1)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: '%s' is invalid; expected two consecutive years "
		    "such as 2026-2027",
		    "%s: '%s' không hợp lệ; cần hai năm liên tiếp, ví dụ "
		    "2026-2027"), field, name ? name : "");
	if ((rc = check_range(first_day, last_day, field, err)) != MN_OK)
		return rc;
	if (first_day->year != y1 || last_day->year > y2)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: dates must fall in %d-%d",
		    "%s: các ngày phải nằm trong %d-%d"), field, y1, y2);
	return MN_OK;
}

/* Checks a holiday's name and dates; clean gets the cleaned name. */
static int
check_holiday_fields(const char *name, const struct mn_date *first_day,
    const struct mn_date *last_day, char *clean, size_t size,
    struct mn_error *err)
{
	const char *field = T("Holiday", "Ngày nghỉ");
	int rc;

	rc = mn_reg_clean(name, field, 60, clean, size, err);
	if (rc != MN_OK)
		return rc;
	if (clean[0] == '\0')
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: name missing; expected e.g. \"Tết Nguyên đán\"",
		    "%s: thiếu tên; ví dụ \"Tết Nguyên đán\""), field);
	return check_range(first_day, last_day, field, err);
}

/* Checks a make-up day's date and reason; clean gets the reason. */
static int
check_makeup_fields(const struct mn_date *day, const char *reason,
    char *clean, size_t size, struct mn_error *err)
{
	const char *field = T("Make-up day", "Ngày học bù");
	int rc;

	if ((rc = check_range(day, day, field, err)) != MN_OK)
		return rc;
	return mn_reg_clean(reason, field, 120, clean, size, err);
}

int
mn_school_year_add(struct mn_ctx *ctx, const char *name,
    const struct mn_date *first_day, const struct mn_date *last_day,
    int64_t *id, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[32];
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CALENDAR_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = check_year_fields(name, first_day, last_day, err);
	if (rc != MN_OK)
		return rc;
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
	sqlite3_stmt *st = NULL;
	char clean[256], now[32];
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CALENDAR_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = check_holiday_fields(name, first_day, last_day, clean,
	    sizeof clean, err);
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
	sqlite3_stmt *st = NULL;
	char clean[512], now[32];
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CALENDAR_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = check_makeup_fields(day, reason, clean, sizeof clean, err);
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

/* ---- Listing, editing and deleting ----------------------------------- */

#define YEAR_JSON "SELECT json_object('name', name, 'first_day', " \
	"first_day, 'last_day', last_day, 'version', version) " \
	"FROM school_years WHERE id = ?1"
#define HOLIDAY_JSON "SELECT json_object('name', name, 'first_day', " \
	"first_day, 'last_day', last_day, 'version', version) " \
	"FROM holidays WHERE id = ?1"
#define MAKEUP_JSON "SELECT json_object('day', day, 'reason', reason, " \
	"'version', version) FROM makeup_days WHERE id = ?1"

int
mn_calendar_entry_list(struct mn_ctx *ctx, const struct mn_school_year *year,
    int (*fn)(const struct mn_calendar_entry *e, void *arg), void *arg,
    struct mn_error *err)
{
	struct mn_calendar_entry e;
	sqlite3_stmt *st = NULL;
	int rc;

	rc = mn_prepare(ctx->db,
	    "SELECT id, 0, name, first_day, last_day, version FROM holidays "
	    "WHERE last_day >= ?1 AND first_day <= ?2 "
	    "UNION ALL SELECT id, 1, reason, day, day, version "
	    "FROM makeup_days WHERE day BETWEEN ?1 AND ?2 "
	    "ORDER BY 4, 2, 1", &st, err);
	if (rc != MN_OK)
		return rc;
	mn_reg_bind_date(st, 1, &year->first_day);
	mn_reg_bind_date(st, 2, &year->last_day);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&e, 0, sizeof e);
		e.id = sqlite3_column_int64(st, 0);
		e.makeup = sqlite3_column_int(st, 1) != 0;
		mn_reg_column_text(st, 2, e.name, sizeof e.name);
		mn_reg_column_date(st, 3, &e.first_day);
		mn_reg_column_date(st, 4, &e.last_day);
		e.version = sqlite3_column_int64(st, 5);
		if (fn(&e, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}

/*
 * Checks access, opens the write transaction and reads the row's JSON
 * for the audit.  On success the caller must end with finish_change.
 */
static int
begin_change(struct mn_ctx *ctx, const char *json_sql, int64_t id,
    char **old, struct mn_error *err)
{
	int rc;

	*old = NULL;
	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CALENDAR_WRITE, err);
	if (rc != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	if ((*old = mn_reg_row_json(ctx->db, json_sql, id)) == NULL) {
		mn_tx_rollback(ctx->db);
		return mn_fail(err, MN_ERR_NOTFOUND, "id",
		    T("Calendar entry %lld not found; it may have been "
		    "deleted", "Không tìm thấy mục lịch %lld; có thể mục này "
		    "đã bị xóa"), (long long)id);
	}
	return MN_OK;
}

/*
 * Runs the prepared UPDATE or DELETE (which matches id and version),
 * writes the audit row and ends the transaction.  No row changed means
 * someone else saved the row first: MN_ERR_CONFLICT.
 */
static int
finish_change(struct mn_ctx *ctx, sqlite3_stmt *st, const char *action,
    const char *table, const char *json_sql, int64_t id, char *old,
    struct mn_error *err)
{
	char *json = NULL;
	int rc = MN_OK;

	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(ctx->db) ==
		    SQLITE_CONSTRAINT_UNIQUE)
			rc = mn_fail(err, MN_ERR_EXISTS, table,
			    T("%s: this entry already exists",
			    "%s: mục này đã có"), table);
		else
			rc = mn_db_fail(ctx->db, err);
	} else if (sqlite3_changes(ctx->db) == 0)
		rc = mn_fail(err, MN_ERR_CONFLICT, "version",
		    T("Someone else changed this calendar entry; reopen it "
		    "and try again", "Người khác đã sửa mục lịch này; hãy mở "
		    "lại và thử lại"));
	if (rc == MN_OK) {
		if (strcmp(action, "delete") != 0)
			json = mn_reg_row_json(ctx->db, json_sql, id);
		rc = mn_audit(ctx->db, &ctx->actor, action, table, id, old,
		    json, NULL, err);
	}
	free(json);
	free(old);
	return mn_reg_finish(ctx, rc, err);
}

/*
 * Rejects a change that would turn a day with saved attendance into a
 * school day or out of one.  The changed days are those in exactly one
 * of old_first..old_last and new_first..new_last (new_first NULL: none)
 * that no other holiday covers.  With past_only set, only days before
 * today count.  Attendance sheets and meal-fee books already built on
 * those days would otherwise change without anyone noticing.
 */
static int
check_saved_days(struct mn_ctx *ctx, const char *field, int64_t holiday_id,
    const struct mn_date *old_first, const struct mn_date *old_last,
    const struct mn_date *new_first, const struct mn_date *new_last,
    bool past_only, struct mn_error *err)
{
	static const struct mn_date none_first = { 9999, 12, 31 };
	static const struct mn_date none_last = { 1, 1, 1 };
	struct mn_date today, first;
	sqlite3_stmt *st = NULL;
	char date[16];
	int rc, days = 0;

	mn_date_today(&today);
	if (!past_only)
		today = none_first;
	if (new_first == NULL) {
		new_first = &none_first;
		new_last = &none_last;
	}
	rc = mn_prepare(ctx->db,
	    "SELECT count(DISTINCT day), min(day) FROM class_days "
	    "WHERE attendance_saved = 1 AND day < ?5 "
	    "AND (day BETWEEN ?1 AND ?2) <> (day BETWEEN ?3 AND ?4) "
	    "AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.id <> ?6 "
	    "    AND class_days.day BETWEEN h.first_day AND h.last_day)",
	    &st, err);
	if (rc != MN_OK)
		return rc;
	mn_reg_bind_date(st, 1, old_first);
	mn_reg_bind_date(st, 2, old_last);
	mn_reg_bind_date(st, 3, new_first);
	mn_reg_bind_date(st, 4, new_last);
	mn_reg_bind_date(st, 5, &today);
	sqlite3_bind_int64(st, 6, holiday_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		days = sqlite3_column_int(st, 0);
		mn_reg_column_date(st, 1, &first);
	} else
		rc = mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	if (rc != MN_OK || days == 0)
		return rc;
	mn_date_format(&first, date, sizeof date);
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: attendance was already saved on %d day(s) this change "
	    "would affect, the first on %s; the attendance sheets of those "
	    "days would change, so keep these dates",
	    "%s: đã lưu điểm danh cho %d ngày bị ảnh hưởng, ngày đầu là "
	    "%s; thay đổi này sẽ làm đổi sổ điểm danh của các ngày đó, nên "
	    "hãy giữ nguyên ngày"), field, days, date);
}

/* Reads the stored dates of a holiday or make-up day inside the tx. */
static int
stored_range(struct mn_ctx *ctx, const char *sql, int64_t id,
    struct mn_date *first, struct mn_date *last, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = mn_prepare(ctx->db, sql, &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		mn_reg_column_date(st, 0, first);
		mn_reg_column_date(st, 1, last);
	} else
		rc = mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}

/* A calendar table that update and delete run on. */
struct calendar_table {
	const char *name;
	const char *json_sql;		/* the row's audit JSON */
	const char *range_sql;		/* the row's first and last day */
	bool past_only;			/* see check_saved_days */
	bool is_holiday;		/* the row itself covers no day */
};

static const struct calendar_table year_table = {
	"school_years", YEAR_JSON,
	"SELECT first_day, last_day FROM school_years WHERE id = ?1",
	false, false
};
static const struct calendar_table holiday_table = {
	"holidays", HOLIDAY_JSON,
	"SELECT first_day, last_day FROM holidays WHERE id = ?1",
	true, true
};
static const struct calendar_table makeup_table = {
	"makeup_days", MAKEUP_JSON,
	"SELECT day, day FROM makeup_days WHERE id = ?1",
	true, false
};

/*
 * Opens the change of row id of t (begin_change), rejects it when it
 * moves days with saved attendance (the stored range against new_first
 * to new_last, new_first NULL for a delete), then prepares sql into
 * *st.  On failure the transaction is over; on success the caller binds
 * *st and ends with finish_change, which takes *old.
 */
static int
prepare_change(struct mn_ctx *ctx, const struct calendar_table *t,
    const char *field, int64_t id, const struct mn_date *new_first,
    const struct mn_date *new_last, const char *sql, sqlite3_stmt **st,
    char **old, struct mn_error *err)
{
	struct mn_date old_first, old_last;
	int rc;

	if ((rc = begin_change(ctx, t->json_sql, id, old, err)) != MN_OK)
		return rc;
	rc = stored_range(ctx, t->range_sql, id, &old_first, &old_last, err);
	if (rc == MN_OK)
		rc = check_saved_days(ctx, field, t->is_holiday ? id : 0,
		    &old_first, &old_last, new_first, new_last, t->past_only,
		    err);
	if (rc == MN_OK)
		rc = mn_prepare(ctx->db, sql, st, err);
	if (rc != MN_OK) {
		free(*old);
		*old = NULL;
		return mn_reg_finish(ctx, rc, err);
	}
	return MN_OK;
}

int
mn_school_year_update(struct mn_ctx *ctx, int64_t id, int64_t version,
    const char *name, const struct mn_date *first_day,
    const struct mn_date *last_day, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[32], *old;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CALENDAR_WRITE,
	    err)) != MN_OK)
		return rc;
	if ((rc = check_year_fields(name, first_day, last_day, err)) != MN_OK)
		return rc;
	/* Saved days left outside the year would drop out of every sheet. */
	rc = prepare_change(ctx, &year_table, T("School year", "Năm học"), id,
	    first_day, last_day, "UPDATE school_years SET name = ?1, "
	    "first_day = ?2, last_day = ?3, version = version + 1, "
	    "changed_by = ?4, changed_at = ?5 "
	    "WHERE id = ?6 AND version = ?7", &st, &old, err);
	if (rc != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	mn_reg_bind_date(st, 2, first_day);
	mn_reg_bind_date(st, 3, last_day);
	sqlite3_bind_text(st, 4, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 6, id);
	sqlite3_bind_int64(st, 7, version);
	rc = finish_change(ctx, st, "update", year_table.name, YEAR_JSON, id,
	    old, err);
	sqlite3_finalize(st);
	return rc;
}

int
mn_school_year_delete(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct mn_error *err)
{
	const char *field = T("School year", "Năm học");
	sqlite3_stmt *st = NULL;
	char *old;
	int rc, classes = 0;

	if ((rc = begin_change(ctx, YEAR_JSON, id, &old, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "SELECT count(*) FROM classes "
	    "WHERE school_year_id = ?1", &st, err);
	if (rc == MN_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			classes = sqlite3_column_int(st, 0);
		else
			rc = mn_db_fail(ctx->db, err);
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == MN_OK && classes > 0)
		rc = mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: it has %d class(es); a school year with classes "
		    "cannot be deleted", "%s: năm học đã có %d lớp; không xóa "
		    "được năm học đã có lớp"), field, classes);
	if (rc == MN_OK)
		rc = mn_prepare(ctx->db, "DELETE FROM school_years "
		    "WHERE id = ?1 AND version = ?2", &st, err);
	if (rc != MN_OK) {
		free(old);
		return mn_reg_finish(ctx, rc, err);
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	rc = finish_change(ctx, st, "delete", "school_years", NULL, id, old,
	    err);
	sqlite3_finalize(st);
	return rc;
}

/* Writes a holiday's new values (first_day NULL: deletes it). */
static int
change_holiday(struct mn_ctx *ctx, int64_t id, int64_t version,
    const char *name, const struct mn_date *first_day,
    const struct mn_date *last_day, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char clean[256], now[32], *old;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CALENDAR_WRITE,
	    err)) != MN_OK)
		return rc;
	if (first_day != NULL && (rc = check_holiday_fields(name, first_day,
	    last_day, clean, sizeof clean, err)) != MN_OK)
		return rc;
	rc = prepare_change(ctx, &holiday_table, T("Holiday", "Ngày nghỉ"),
	    id, first_day, last_day, first_day == NULL ? "DELETE FROM "
	    "holidays WHERE id = ?6 AND version = ?7" : "UPDATE holidays SET "
	    "name = ?1, first_day = ?2, last_day = ?3, version = version + 1, "
	    "changed_by = ?4, changed_at = ?5 "
	    "WHERE id = ?6 AND version = ?7", &st, &old, err);
	if (rc != MN_OK)
		return rc;
	if (first_day != NULL) {
		mn_now_utc(now, sizeof now);
		sqlite3_bind_text(st, 1, clean, -1, SQLITE_TRANSIENT);
		mn_reg_bind_date(st, 2, first_day);
		mn_reg_bind_date(st, 3, last_day);
		sqlite3_bind_text(st, 4, ctx->actor.login, -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int64(st, 6, id);
	sqlite3_bind_int64(st, 7, version);
	rc = finish_change(ctx, st, first_day != NULL ? "update" : "delete",
	    holiday_table.name, HOLIDAY_JSON, id, old, err);
	sqlite3_finalize(st);
	return rc;
}

int
mn_holiday_update(struct mn_ctx *ctx, int64_t id, int64_t version,
    const char *name, const struct mn_date *first_day,
    const struct mn_date *last_day, struct mn_error *err)
{
	return change_holiday(ctx, id, version, name, first_day, last_day,
	    err);
}

int
mn_holiday_delete(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct mn_error *err)
{
	return change_holiday(ctx, id, version, NULL, NULL, NULL, err);
}

/* Writes a make-up day's new values (day NULL: deletes it). */
static int
change_makeup(struct mn_ctx *ctx, int64_t id, int64_t version,
    const struct mn_date *day, const char *reason, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char clean[512], now[32], *old;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CALENDAR_WRITE,
	    err)) != MN_OK)
		return rc;
	if (day != NULL && (rc = check_makeup_fields(day, reason, clean,
	    sizeof clean, err)) != MN_OK)
		return rc;
	rc = prepare_change(ctx, &makeup_table, T("Make-up day",
	    "Ngày học bù"), id, day, day, day == NULL ? "DELETE FROM "
	    "makeup_days WHERE id = ?5 AND version = ?6" : "UPDATE "
	    "makeup_days SET day = ?1, reason = ?2, version = version + 1, "
	    "changed_by = ?3, changed_at = ?4 WHERE id = ?5 AND version = ?6",
	    &st, &old, err);
	if (rc != MN_OK)
		return rc;
	if (day != NULL) {
		mn_now_utc(now, sizeof now);
		mn_reg_bind_date(st, 1, day);
		sqlite3_bind_text(st, 2, clean, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, ctx->actor.login, -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int64(st, 5, id);
	sqlite3_bind_int64(st, 6, version);
	rc = finish_change(ctx, st, day != NULL ? "update" : "delete",
	    makeup_table.name, MAKEUP_JSON, id, old, err);
	sqlite3_finalize(st);
	return rc;
}

int
mn_makeup_day_update(struct mn_ctx *ctx, int64_t id, int64_t version,
    const struct mn_date *day, const char *reason, struct mn_error *err)
{
	return change_makeup(ctx, id, version, day, reason, err);
}

int
mn_makeup_day_delete(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct mn_error *err)
{
	return change_makeup(ctx, id, version, NULL, NULL, err);
}
