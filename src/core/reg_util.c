/*
 * Helpers shared by the register modules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/reg_util.h"
#include "core/registers.h"
#include "core/text.h"
#include "core/validate.h"

int
mn_reg_clean(const char *in, const char *field, size_t max_chars, char *out,
    size_t size, struct mn_error *err)
{
	char *clean = NULL;
	int rc;

	rc = mn_text_clean(in != NULL ? in : "", field, max_chars, &clean, err);
	if (rc != MN_OK)
		return rc;
	if (strlen(clean) >= size) {
		free(clean);
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: too long; expected at most %zu characters",
		    "%s: quá dài; tối đa %zu ký tự"), field, max_chars);
	}
	memcpy(out, clean, strlen(clean) + 1);
	free(clean);
	return MN_OK;
}

int
mn_reg_name(const char *in, const char *field, bool required, char *out,
    size_t size, struct mn_error *err)
{
	int rc;

	/* Cleaning would drop control characters silently; reject them. */
	for (const unsigned char *p = (const unsigned char *)in;
	    p != NULL && *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return mn_fail(err, MN_ERR_INVALID, field,
			    T("%s: contains control characters; expected "
			    "letters, spaces, apostrophes and hyphens only",
			    "%s: chứa ký tự điều khiển; chỉ được dùng chữ "
			    "cái, dấu cách, dấu nháy và gạch nối"), field);
	rc = mn_reg_clean(in, field, 100, out, size, err);
	if (rc != MN_OK)
		return rc;
	if (out[0] == '\0') {
		if (!required)
			return MN_OK;
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: missing; expected a full name such as "
		    "\"Nguyễn Thị Lan\"",
		    "%s: bị thiếu; cần họ và tên, ví dụ \"Nguyễn Thị Lan\""),
		    field);
	}
	return mn_valid_person_name(out, field, err);
}

int
mn_reg_phone(const char *in, const char *field, char *out, size_t size,
    struct mn_error *err)
{
	char clean[64];
	int rc;

	rc = mn_reg_clean(in, field, 20, clean, sizeof clean, err);
	if (rc != MN_OK)
		return rc;
	if (clean[0] == '\0') {
		out[0] = '\0';
		return MN_OK;
	}
	return mn_phone_normalise(clean, out, size, field, err);
}

int
mn_reg_personal_id(const char *id, int birth_year, bool female,
    const char *field, struct mn_error *err)
{
	int rc;

	rc = mn_personal_id_check(id, female ? 'F' : 'M', birth_year, err);
	if (rc != MN_OK && err != NULL)
		snprintf(err->field, sizeof err->field, "%s", field);
	if (rc == MN_ERR_MISMATCH)
		return MN_REG_MISMATCH;
	return rc;
}

bool
mn_reg_is_principal(const struct mn_actor *actor)
{
	return mn_allowed(actor, MN_ACT_CHILD_AGE_OVERRIDE);
}

bool
mn_reg_class_scoped(const struct mn_actor *actor)
{
	return !mn_allowed_all(actor, MN_ACT_CHILD_READ);
}

bool
mn_reg_teaches(struct mn_ctx *ctx, int64_t class_id)
{
	return class_id != 0 && mn_teaches_class(ctx, class_id);
}

int
mn_reg_denied(struct mn_ctx *ctx, const char *what, struct mn_error *err)
{
	mn_audit(ctx->db, &ctx->actor, "denied", NULL, 0, NULL, NULL, what,
	    NULL);
	return mn_fail(err, MN_ERR_DENIED, "",
	    T("Not allowed: %s is outside your classes or role",
	    "Không được phép: %s nằm ngoài lớp hoặc vai trò của bạn"), what);
}

int
mn_reg_bind_date(sqlite3_stmt *st, int idx, const struct mn_date *d)
{
	char buf[16];

	if (d == NULL || d->year == 0)
		return sqlite3_bind_null(st, idx);
	mn_date_format_iso(d, buf, sizeof buf);
	return sqlite3_bind_text(st, idx, buf, -1, SQLITE_TRANSIENT);
}

void
mn_reg_column_date(sqlite3_stmt *st, int col, struct mn_date *d)
{
	const char *text = (const char *)sqlite3_column_text(st, col);

	memset(d, 0, sizeof *d);
	if (text != NULL && mn_date_parse_iso(text, "", d, NULL) != MN_OK)
		memset(d, 0, sizeof *d);
}

void
mn_reg_column_text(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const char *text = (const char *)sqlite3_column_text(st, col);

	snprintf(buf, size, "%s", text != NULL ? text : "");
}

char *
mn_reg_row_json(sqlite3 *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st = NULL;
	char *json = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL)
		json = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return json;
}

int
mn_reg_finish(struct mn_ctx *ctx, int rc, struct mn_error *err)
{
	if (rc == MN_OK)
		rc = mn_tx_commit(ctx->db, err);
	if (rc != MN_OK)
		mn_tx_rollback(ctx->db);
	return rc;
}

int
mn_class_code_stored(struct mn_ctx *ctx, const char *typed, char *out,
    size_t size)
{
	sqlite3_stmt *st;
	char code[MN_CLASS_CODE_MAX + 8];
	size_t len;
	int rc = MN_ERR_NOTFOUND;

	if (typed == NULL)
		typed = "";
	while (*typed == ' ' || *typed == '\t')
		typed++;
	len = strlen(typed);
	while (len > 0 && (typed[len - 1] == ' ' || typed[len - 1] == '\t'))
		len--;
	if (len >= sizeof code)
		len = sizeof code - 1;
	memcpy(code, typed, len);
	code[len] = '\0';
	snprintf(out, size, "%s", code);
	if (code[0] == '\0')
		return MN_ERR_NOTFOUND;
	/*
	 * Codes are ASCII (check_class), so NOCASE folds them fully.  An
	 * exact match wins, then the newest school year.
	 */
	if (sqlite3_prepare_v2(ctx->db, "SELECT code FROM classes "
	    "WHERE code = ?1 COLLATE NOCASE "
	    "ORDER BY code = ?1 DESC, school_year_id DESC LIMIT 1", -1, &st,
	    NULL) != SQLITE_OK)
		return MN_ERR_DB;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		mn_reg_column_text(st, 0, out, size);
		rc = MN_OK;
	}
	sqlite3_finalize(st);
	return rc;
}
