/*
 * Drafts of unsaved forms, one row per account and form key in the
 * drafts table.  The JSON of the values is built by SQLite
 * (json_group_object), so no value is ever spliced into JSON text here.
 * A draft is bookkeeping for its own account, not a change to a record,
 * so it gets no audit row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "core/db.h"
#include "core/drafts.h"
#include "core/text.h"

/* Bytes of a field name, including the terminating NUL. */
#define NAME_SIZE 64

static int
need_account(const struct mn_ctx *ctx, struct mn_error *err)
{
	if (ctx->actor.account_id == 0)
		return mn_fail(err, MN_ERR_DENIED, "",
		    T("drafts belong to a logged-in account; log in first",
		    "bản nháp thuộc về một tài khoản đã đăng nhập; hãy đăng "
		    "nhập trước"));
	return MN_OK;
}

/* True for a non-empty string shorter than size bytes without C0 or DEL. */
static bool
plain_text(const char *s, size_t size)
{
	size_t len;

	if (s == NULL || (len = strlen(s)) == 0 || len >= size)
		return false;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

static int
check_key(const char *form_key, struct mn_error *err)
{
	if (!plain_text(form_key, MN_DRAFT_KEY_SIZE))
		return mn_fail(err, MN_ERR_INVALID, "form_key",
		    T("form key: invalid; expected 1 to %d characters "
		    "without control characters",
		    "khóa biểu mẫu: không hợp lệ; cần 1 đến %d ký tự, không "
		    "có ký tự điều khiển"), MN_DRAFT_KEY_SIZE - 1);
	return MN_OK;
}

static int
check_fields(const struct mn_draft_field *fields, int n,
    struct mn_error *err)
{
	if (n < 1 || n > MN_DRAFT_FIELDS_MAX)
		return mn_fail(err, MN_ERR_INVALID, "",
		    T("draft: %d fields; expected 1 to %d",
		    "bản nháp: %d trường; cần từ 1 đến %d"), n,
		    MN_DRAFT_FIELDS_MAX);
	for (int i = 0; i < n; i++) {
		if (!plain_text(fields[i].name, NAME_SIZE))
			return mn_fail(err, MN_ERR_INVALID, "",
			    T("draft: field %d has an invalid name; expected "
			    "1 to %d characters", "bản nháp: trường %d có tên "
			    "không hợp lệ; cần 1 đến %d ký tự"), i + 1,
			    NAME_SIZE - 1);
		for (int k = 0; k < i; k++)
			if (strcmp(fields[k].name, fields[i].name) == 0)
				return mn_fail(err, MN_ERR_INVALID,
				    fields[i].name, T("draft: field name '%s' "
				    "appears twice; names must be distinct",
				    "bản nháp: tên trường '%s' xuất hiện hai "
				    "lần; các tên phải khác nhau"),
				    fields[i].name);
	}
	return MN_OK;
}

/*
 * Builds the upsert for n fields: the values become rows of a VALUES
 * list that json_group_object folds into one object.  "WHERE true"
 * keeps SQLite from reading ON CONFLICT as a join constraint.
 */
static char *
save_sql(int n)
{
	static const char head[] = "INSERT INTO drafts (account_id, "
	    "form_key, values_json, saved_at) SELECT ?1, ?2, "
	    "json_group_object(column1, column2), ?3 FROM (VALUES ";
	static const char tail[] = ") WHERE true ON CONFLICT (account_id, "
	    "form_key) DO UPDATE SET values_json = excluded.values_json, "
	    "saved_at = excluded.saved_at";
	size_t size = sizeof head + sizeof tail + (size_t)n * 24;
	char *sql = malloc(size);
	size_t used;

	if (sql == NULL)
		return NULL;
	used = (size_t)snprintf(sql, size, "%s", head);
	for (int i = 0; i < n; i++)
		used += (size_t)snprintf(sql + used, size - used,
		    "%s(?%d, ?%d)", i > 0 ? ", " : "", 4 + 2 * i, 5 + 2 * i);
	snprintf(sql + used, size - used, "%s", tail);
	return sql;
}

/* Binds and runs the upsert with the cleaned values. */
static int
store(struct mn_ctx *ctx, const char *form_key,
    const struct mn_draft_field *fields, char **clean, int n,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char now[32], *sql = save_sql(n);
	int rc;

	if (sql == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", "%s",
		    T("Out of memory", "Hết bộ nhớ"));
	rc = mn_prepare(ctx->db, sql, &stmt, err);
	free(sql);
	if (rc != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
	sqlite3_bind_text(stmt, 2, form_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_TRANSIENT);
	for (int i = 0; i < n; i++) {
		sqlite3_bind_text(stmt, 4 + 2 * i, fields[i].name, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5 + 2 * i, clean[i], -1,
		    SQLITE_STATIC);
	}
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

int
mn_draft_save(struct mn_ctx *ctx, const char *form_key,
    const struct mn_draft_field *fields, int n, struct mn_error *err)
{
	char *clean[MN_DRAFT_FIELDS_MAX] = { NULL };
	int rc;

	if ((rc = need_account(ctx, err)) != MN_OK ||
	    (rc = check_key(form_key, err)) != MN_OK ||
	    (rc = check_fields(fields, n, err)) != MN_OK)
		return rc;
	for (int i = 0; i < n && rc == MN_OK; i++)
		rc = mn_text_clean(fields[i].value != NULL ? fields[i].value :
		    "", fields[i].name, MN_DRAFT_VALUE_MAX, &clean[i], err);
	if (rc == MN_OK && (rc = mn_tx_begin(ctx->db, err)) == MN_OK) {
		rc = store(ctx, form_key, fields, clean, n, err);
		if (rc == MN_OK)
			rc = mn_tx_commit(ctx->db, err);
		if (rc != MN_OK)
			mn_tx_rollback(ctx->db);
	}
	for (int i = 0; i < n; i++)
		free(clean[i]);
	if (rc == MN_OK)
		syslog(LOG_INFO, "draft %s saved for %s", form_key,
		    ctx->actor.login);
	else
		syslog(LOG_WARNING, "draft %s for %s not saved: %s", form_key,
		    ctx->actor.login, err != NULL ? err->message : "");
	return rc;
}

static void
copy_col(char *dst, size_t size, sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	snprintf(dst, size, "%s", s != NULL ? (const char *)s : "");
}

int
mn_draft_list(struct mn_ctx *ctx, struct mn_draft *drafts, int max,
    int *count, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc, step;

	*count = 0;
	if ((rc = need_account(ctx, err)) != MN_OK)
		return rc;
	/* 'localtime' follows TZ, which the school's time zone sets. */
	if ((rc = mn_prepare(ctx->db, "SELECT form_key, saved_at, "
	    "strftime('%d/%m/%Y %H:%M', saved_at, 'localtime') FROM drafts "
	    "WHERE account_id = ? ORDER BY saved_at DESC, form_key LIMIT ?",
	    &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
	sqlite3_bind_int(stmt, 2, max > 0 ? max : 0);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct mn_draft *d = &drafts[(*count)++];

		copy_col(d->form_key, sizeof d->form_key, stmt, 0);
		copy_col(d->saved_at, sizeof d->saved_at, stmt, 1);
		copy_col(d->saved_local, sizeof d->saved_local, stmt, 2);
	}
	rc = step == SQLITE_DONE ? MN_OK : mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

int
mn_draft_load(struct mn_ctx *ctx, const char *form_key,
    int (*fn)(const char *name, const char *value, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	bool found = false;
	int rc, step;

	if ((rc = need_account(ctx, err)) != MN_OK ||
	    (rc = check_key(form_key, err)) != MN_OK)
		return rc;
	/* LEFT JOIN: a draft whose object is empty still counts as found. */
	if ((rc = mn_prepare(ctx->db, "SELECT j.key, j.value FROM drafts d "
	    "LEFT JOIN json_each(d.values_json) j WHERE d.account_id = ? "
	    "AND d.form_key = ? ORDER BY j.id", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
	sqlite3_bind_text(stmt, 2, form_key, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		const unsigned char *name = sqlite3_column_text(stmt, 0);
		const unsigned char *value = sqlite3_column_text(stmt, 1);

		found = true;
		if (name == NULL)
			continue;
		rc = fn((const char *)name, value != NULL ?
		    (const char *)value : "", arg);
		if (rc != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc == MN_OK && !found)
		rc = mn_fail(err, MN_ERR_NOTFOUND, "form_key",
		    T("no draft of '%s' for this account",
		    "tài khoản này không có bản nháp của '%s'"), form_key);
	return rc;
}

int
mn_draft_delete(struct mn_ctx *ctx, const char *form_key,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = need_account(ctx, err)) != MN_OK ||
	    (rc = check_key(form_key, err)) != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "DELETE FROM drafts WHERE account_id "
	    "= ? AND form_key = ?", &stmt, err)) == MN_OK) {
		sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
		sqlite3_bind_text(stmt, 2, form_key, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			rc = mn_db_fail(ctx->db, err);
		sqlite3_finalize(stmt);
	}
	if (rc == MN_OK)
		rc = mn_tx_commit(ctx->db, err);
	if (rc != MN_OK)
		mn_tx_rollback(ctx->db);
	return rc;
}
