/*
 * Small helpers of the parents and privacy modules: JSON for audit
 * values, today's date, cleaning typed text.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/date.h"
#include "core/db.h"
#include "core/privacy.h"
#include "core/text.h"

bool
mn_priv_parent_of(sqlite3 *db, int64_t account_id, int64_t child_id)
{
	return mn_parent_of(db, account_id, child_id);
}

bool
mn_priv_teaches_child(struct mn_ctx *ctx, int64_t child_id)
{
	return mn_teaches_child(ctx, child_id);
}

char *
mn_priv_json(sqlite3 *db, ...)
{
	const char *keys[16], *values[16];
	char sql[256] = "SELECT json_object(";
	sqlite3_stmt *stmt;
	char *json = NULL;
	size_t n = 0;
	va_list ap;

	va_start(ap, db);
	while (n < 16 && (keys[n] = va_arg(ap, const char *)) != NULL) {
		values[n] = va_arg(ap, const char *);
		n++;
	}
	va_end(ap);
	for (size_t i = 0; i < n; i++)
		strcat(sql, i ? ", ?, ?" : "?, ?");
	strcat(sql, ")");
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(stmt, (int)(2 * i + 1), keys[i], -1,
		    SQLITE_STATIC);
		if (values[i] != NULL)
			sqlite3_bind_text(stmt, (int)(2 * i + 2), values[i],
			    -1, SQLITE_STATIC);
	}
	if (sqlite3_step(stmt) == SQLITE_ROW)
		json = strdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return json;
}

void
mn_priv_today(char *buf, size_t size)
{
	struct mn_date today;

	mn_date_today(&today);
	mn_date_format_iso(&today, buf, size);
}

int
mn_priv_clean(const char *in, const char *field, size_t max_chars,
    bool required, char **out, struct mn_error *err)
{
	int rc;

	*out = NULL;
	if ((rc = mn_text_clean(in ? in : "", field, max_chars, out, err)))
		return rc;
	if (required && (*out)[0] == '\0') {
		free(*out);
		*out = NULL;
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: missing; type some text",
		    "%s: bị thiếu; hãy nhập nội dung"), field);
	}
	return MN_OK;
}

void
mn_priv_col(char *dst, size_t size, sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	snprintf(dst, size, "%s", s ? (const char *)s : "");
}
