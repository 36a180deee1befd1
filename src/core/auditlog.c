/*
 * Browsing, exporting and purging the audit trail.  Rows are read with
 * their values joined from audit_values.  A purge deletes values only.
 * It records itself in audit_purges first, because the database trigger
 * on audit_values accepts no other DELETE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/approvals.h"
#include "core/audit.h"
#include "core/auditlog.h"
#include "core/date.h"
#include "core/db.h"
#include "core/privacy.h"
#include "core/text.h"

/*
 * Converts the start of a school day (process timezone) to the UTC text
 * stored in audit.at.  days_after moves to a later day first, so an
 * inclusive "to" day becomes the exclusive start of the next one.
 */
static int
day_start_utc(const char *day, const char *field, int days_after, char *buf,
    size_t size, struct mn_error *err)
{
	struct mn_date d;
	struct tm tm = { 0 };
	time_t t;
	int rc;

	if ((rc = mn_date_parse_iso(day, field, &d, err)) != MN_OK)
		return rc;
	mn_date_from_days(mn_date_to_days(&d) + days_after, &d);
	tm.tm_year = d.year - 1900;
	tm.tm_mon = d.month - 1;
	tm.tm_mday = d.day;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: the day %s cannot be converted to UTC",
		    "%s: không đổi được ngày %s sang giờ UTC"), field, day);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return MN_OK;
}

/*
 * Audit rows about child ?2: the record itself (consents are audited on
 * it too), its parent links and its feedback threads.  Links removed
 * since are not found.
 */
#define ABOUT_CHILD "((a.table_name = 'children' AND a.row_id = ?2) " \
	"OR (a.table_name = 'parent_children' AND a.row_id IN (SELECT id " \
	"FROM parent_children WHERE child_id = ?2)) " \
	"OR (a.table_name = 'feedback' AND a.row_id IN (SELECT id " \
	"FROM feedback WHERE child_id = ?2)))"

#define SELECT_AUDIT "SELECT a.id, a.at, a.account_id, a.login, a.source, " \
	"a.action, a.table_name, a.row_id, a.detail, v.old_values, " \
	"v.new_values, p.audit_id IS NOT NULL FROM audit a " \
	"LEFT JOIN audit_values v ON v.audit_id = a.id " \
	"LEFT JOIN audit_purges p ON p.audit_id = a.id " \
	"WHERE (?1 IS NULL OR a.login = ?1) " \
	"AND (?2 = 0 OR " ABOUT_CHILD ") " \
	"AND (?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.at < ?4) " \
	"AND (?5 IS NULL OR a.action = ?5) AND (?6 = 0 OR a.id < ?6) " \
	"ORDER BY a.id DESC LIMIT ?7"

/* Prepares the filtered query; checks the dates and the values right. */
static int
prepare(struct mn_ctx *ctx, const struct mn_audit_filter *f,
    sqlite3_stmt **stmt, struct mn_error *err)
{
	char from[32], to[32];
	int rc;

	if (f->from != NULL && (rc = day_start_utc(f->from, "from", 0, from,
	    sizeof from, err)) != MN_OK)
		return rc;
	if (f->to != NULL && (rc = day_start_utc(f->to, "to", 1, to,
	    sizeof to, err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, SELECT_AUDIT, stmt, err)) != MN_OK)
		return rc;
	if (f->login != NULL)
		sqlite3_bind_text(*stmt, 1, f->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(*stmt, 2, f->child_id);
	if (f->from != NULL)
		sqlite3_bind_text(*stmt, 3, from, -1, SQLITE_TRANSIENT);
	if (f->to != NULL)
		sqlite3_bind_text(*stmt, 4, to, -1, SQLITE_TRANSIENT);
	if (f->action != NULL)
		sqlite3_bind_text(*stmt, 5, f->action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(*stmt, 6, f->before_id);
	sqlite3_bind_int64(*stmt, 7, f->limit ? (int64_t)f->limit : -1);
	return MN_OK;
}

static void
read_row(sqlite3_stmt *stmt, bool with_values, struct mn_audit_entry *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(stmt, 0);
	mn_priv_col(e->at, sizeof e->at, stmt, 1);
	e->account_id = sqlite3_column_int64(stmt, 2);
	mn_priv_col(e->login, sizeof e->login, stmt, 3);
	mn_priv_col(e->source, sizeof e->source, stmt, 4);
	mn_priv_col(e->action, sizeof e->action, stmt, 5);
	mn_priv_col(e->table_name, sizeof e->table_name, stmt, 6);
	e->row_id = sqlite3_column_int64(stmt, 7);
	e->detail = (const char *)sqlite3_column_text(stmt, 8);
	if (with_values) {
		e->old_values = (const char *)sqlite3_column_text(stmt, 9);
		e->new_values = (const char *)sqlite3_column_text(stmt, 10);
	}
	e->purged = sqlite3_column_int(stmt, 11) != 0;
}

/* Checks the rights for a read with this filter and audits the read. */
static int
start_read(struct mn_ctx *ctx, const struct mn_audit_filter *f,
    const char *action, struct mn_error *err)
{
	char detail[256];
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_AUDIT_READ,
	    err)) != MN_OK)
		return rc;
	if (f->with_values &&
	    (rc = mn_require(ctx->db, &ctx->actor, MN_ACT_AUDIT_VALUES,
	    err)) != MN_OK)
		return rc;
	snprintf(detail, sizeof detail, "audit %s: login=%.64s child=%lld "
	    "from=%.10s to=%.10s action=%.32s values=%s",
	    action, f->login ? f->login : "*", (long long)f->child_id,
	    f->from ? f->from : "*", f->to ? f->to : "*",
	    f->action ? f->action : "*", f->with_values ? "yes" : "no");
	return mn_audit(ctx->db, &ctx->actor, strcmp(action, "export") == 0 ?
	    "export" : "view", "audit", 0, NULL, NULL, detail, err);
}

int
mn_audit_browse(struct mn_ctx *ctx, const struct mn_audit_filter *filter,
    int (*fn)(const struct mn_audit_entry *e, void *arg), void *arg,
    struct mn_error *err)
{
	static const struct mn_audit_filter none = { 0 };
	const struct mn_audit_filter *f = filter ? filter : &none;
	struct mn_audit_entry e;
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = start_read(ctx, f, "browse", err)) != MN_OK ||
	    (rc = prepare(ctx, f, &stmt, err)) != MN_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_row(stmt, f->with_values, &e);
		if (fn(&e, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

/* Writes one CSV cell: quoted, quotes doubled, formulas defused. */
static void
csv_cell(FILE *out, const char *text, bool last)
{
	const char *s = text ? text : "";

	fputc('"', out);
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
		fputc('\'', out);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
	fputs(last ? "\r\n" : ",", out);
}

int
mn_audit_export_csv(struct mn_ctx *ctx, const struct mn_audit_filter *filter,
    const char *approval_id, FILE *out, struct mn_error *err)
{
	static const struct mn_audit_filter none = { 0 };
	const struct mn_audit_filter *f = filter ? filter : &none;
	struct mn_audit_entry e;
	sqlite3_stmt *stmt;
	char number[32], account[32];
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_AUDIT_READ,
	    err)) != MN_OK)
		return rc;
	if (f->with_values && (rc = mn_approval_check(ctx, approval_id,
	    "audit", err)) != MN_OK)
		return rc;
	if ((rc = start_read(ctx, f, "export", err)) != MN_OK ||
	    (rc = prepare(ctx, f, &stmt, err)) != MN_OK)
		return rc;
	fputs("id,at,account_id,login,source,action,table,row_id,detail", out);
	fputs(f->with_values ? ",old_values,new_values,purged\r\n" : "\r\n",
	    out);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_row(stmt, f->with_values, &e);
		snprintf(number, sizeof number, "%lld", (long long)e.id);
		csv_cell(out, number, false);
		csv_cell(out, e.at, false);
		snprintf(account, sizeof account, "%lld",
		    (long long)e.account_id);
		csv_cell(out, e.account_id ? account : "", false);
		csv_cell(out, e.login, false);
		csv_cell(out, e.source, false);
		csv_cell(out, e.action, false);
		csv_cell(out, e.table_name, false);
		snprintf(number, sizeof number, "%lld", (long long)e.row_id);
		csv_cell(out, e.row_id ? number : "", false);
		csv_cell(out, e.detail, !f->with_values);
		if (f->with_values) {
			csv_cell(out, e.old_values, false);
			csv_cell(out, e.new_values, false);
			csv_cell(out, e.purged ? "yes" : "no", true);
		}
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc == MN_OK && (fflush(out) != 0 || ferror(out)))
		rc = mn_fail(err, MN_ERR_IO, "", T("writing the export failed",
		    "ghi tệp xuất thất bại"));
	return rc;
}

/*
 * Purges the values of the audit rows matched by which (an SQL condition
 * on audit a using ?1 table name and ?2 row id) made before the UTC time
 * ?3.  The audit_purges rows are written first, because the trigger on
 * audit_values accepts a DELETE only for a recorded purge.
 */
static int
purge(struct mn_ctx *ctx, const char *which, const char *table,
    int64_t row_id, const char *before, const char *reason, int *count,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char limit[32], now[32], detail[320], sql[1024], *why = NULL;
	int rc, purged = 0;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_AUDIT_PURGE,
	    err)) != MN_OK)
		return rc;
	if (before == NULL)
		return mn_fail(err, MN_ERR_INVALID, "before",
		    T("before: missing; expected YYYY-MM-DD",
		    "trước ngày: bị thiếu; cần dạng YYYY-MM-DD"));
	if ((rc = day_start_utc(before, "before", 0, limit, sizeof limit,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_priv_clean(reason, T("reason", "lý do"), 200, true, &why,
	    err)) != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	snprintf(sql, sizeof sql, "INSERT INTO audit_purges (audit_id, "
	    "purged_by, purged_at, reason) SELECT v.audit_id, ?4, ?5, ?6 "
	    "FROM audit_values v JOIN audit a ON a.id = v.audit_id "
	    "WHERE %s AND a.at < ?3 AND NOT EXISTS (SELECT 1 FROM "
	    "audit_purges p WHERE p.audit_id = v.audit_id)", which);
	if ((rc = mn_prepare(ctx->db, sql, &stmt, err)) != MN_OK)
		goto rollback;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, row_id);
	sqlite3_bind_text(stmt, 3, limit, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, why, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK)
		goto rollback;
	purged = sqlite3_changes(ctx->db);
	snprintf(sql, sizeof sql, "DELETE FROM audit_values WHERE audit_id IN "
	    "(SELECT p.audit_id FROM audit_purges p JOIN audit a "
	    "ON a.id = p.audit_id WHERE %s AND a.at < ?3)", which);
	if ((rc = mn_prepare(ctx->db, sql, &stmt, err)) != MN_OK)
		goto rollback;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, row_id);
	sqlite3_bind_text(stmt, 3, limit, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK)
		goto rollback;
	snprintf(detail, sizeof detail, "values of %d audit rows before %.10s "
	    "purged: %.200s", purged, before, why);
	if ((rc = mn_audit(ctx->db, &ctx->actor, "purge", table, row_id, NULL,
	    NULL, detail, err)) != MN_OK ||
	    (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto rollback;
	if (count != NULL)
		*count = purged;
	goto out;
rollback:
	mn_tx_rollback(ctx->db);
out:
	free(why);
	return rc;
}

int
mn_audit_purge(struct mn_ctx *ctx, const char *table, int64_t row_id,
    const char *before, const char *reason, int *count, struct mn_error *err)
{
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_AUDIT_PURGE,
	    err)) != MN_OK)
		return rc;
	if (table == NULL || *table == '\0' || row_id <= 0)
		return mn_fail(err, MN_ERR_INVALID, "record",
		    T("record: expected a table name and a row id",
		    "bản ghi: cần tên bảng và mã dòng"));
	return purge(ctx, "a.table_name = ?1 AND a.row_id = ?2", table,
	    row_id, before, reason, count, err);
}

int
mn_audit_purge_child(struct mn_ctx *ctx, int64_t child_id,
    const char *before, const char *reason, int *count, struct mn_error *err)
{
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_AUDIT_PURGE,
	    err)) != MN_OK)
		return rc;
	if (child_id <= 0)
		return mn_fail(err, MN_ERR_INVALID, "child",
		    T("child: expected a child id", "trẻ: cần mã số trẻ"));
	return purge(ctx, ABOUT_CHILD " AND ?1 = ?1", "children", child_id,
	    before, reason, count, err);
}
