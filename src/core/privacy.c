/*
 * Roles and child scope for the parents and privacy modules.  The role
 * table below is the one place that defines who may take these actions.
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

#define A MN_ROLE_ADMIN
#define P MN_ROLE_PRINCIPAL
#define TE MN_ROLE_TEACHER
#define N MN_ROLE_NURSE
#define K MN_ROLE_KITCHEN
#define AC MN_ROLE_ACCOUNTANT
#define C MN_ROLE_CLERK
#define PA MN_ROLE_PARENT
#define H MN_ROLE_HOST

/* Every role except parent. */
#define STAFF (A | P | TE | N | K | AC | C | H)

static const struct {
	const char *name;
	unsigned roles;
} actions[MN_PRIV_COUNT] = {
	/* Teachers only for children of their classes. */
	[MN_PRIV_PARENT_MANAGE] = { "parent_manage", A | TE | H },
	[MN_PRIV_PARENT_LIST] = { "parent_list", A | P | TE | C | H },
	[MN_PRIV_OWN_CHILDREN] = { "own_children", PA },
	[MN_PRIV_FEEDBACK_SEND] = { "feedback_send", PA },
	[MN_PRIV_FEEDBACK_HANDLE] = { "feedback_handle", P | TE | C | H },
	[MN_PRIV_CORRECTION_DECIDE] = { "correction_decide", P | TE | C | H },
	[MN_PRIV_ANNOUNCE_WRITE] = { "announce_write", P | TE | C | H },
	[MN_PRIV_ANNOUNCE_READ] = { "announce_read", STAFF | PA },
	[MN_PRIV_CONSENT_READ] = { "consent_read", P | TE | N | C | PA | H },
	[MN_PRIV_CONSENT_WRITE] = { "consent_write", P | TE | C | PA | H },
	[MN_PRIV_APPROVAL_REQUEST] = { "approval_request", STAFF },
	/* The principal alone approves; the host command asks for her
	 * password instead. */
	[MN_PRIV_APPROVAL_DECIDE] = { "approval_decide", P },
	[MN_PRIV_APPROVAL_LIST] = { "approval_list", STAFF },
	[MN_PRIV_AUDIT_READ] = { "audit_read", P | A | H },
	/* Values hold children's personal and health data, which the
	 * administrator does not need to manage accounts. */
	[MN_PRIV_AUDIT_VALUES] = { "audit_values", P | H },
	[MN_PRIV_AUDIT_PURGE] = { "audit_purge", P | H },
};

/* Roles that see every child of the school. */
static const unsigned school_wide = A | P | N | K | AC | C | H;

#undef A
#undef P
#undef TE
#undef N
#undef K
#undef AC
#undef C
#undef PA
#undef H

const char *
mn_priv_action_name(enum mn_priv_action action)
{
	if (action < 0 || action >= MN_PRIV_COUNT)
		return "?";
	return actions[action].name;
}

bool
mn_priv_allowed(const struct mn_actor *actor, enum mn_priv_action action)
{
	if (actor == NULL || action < 0 || action >= MN_PRIV_COUNT)
		return false;
	return (actor->roles & actions[action].roles) != 0;
}

int
mn_priv_require(struct mn_ctx *ctx, enum mn_priv_action action,
    struct mn_error *err)
{
	if (mn_priv_allowed(&ctx->actor, action))
		return MN_OK;
	mn_audit(ctx->db, &ctx->actor, "denied", NULL, 0, NULL, NULL,
	    mn_priv_action_name(action), NULL);
	return mn_fail(err, MN_ERR_DENIED, "",
	    T("your account is not allowed to do this",
	    "tài khoản của bạn không được phép làm việc này"));
}

static bool
exists(sqlite3 *db, const char *sql, int64_t a, int64_t b)
{
	sqlite3_stmt *stmt;
	bool found;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(stmt, 1, a);
	sqlite3_bind_int64(stmt, 2, b);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return found;
}

bool
mn_priv_parent_of(sqlite3 *db, int64_t account_id, int64_t child_id)
{
	return account_id > 0 && exists(db, "SELECT 1 FROM parent_children "
	    "WHERE account_id = ? AND child_id = ?", account_id, child_id);
}

bool
mn_priv_teaches_child(struct mn_ctx *ctx, int64_t child_id)
{
	if (!(ctx->actor.roles & MN_ROLE_TEACHER) || ctx->actor.account_id <= 0)
		return false;
	return exists(ctx->db, "SELECT 1 FROM children c "
	    "JOIN class_teachers ct ON ct.class_id = c.class_id "
	    "JOIN staff s ON s.id = ct.staff_id "
	    "WHERE s.account_id = ?1 AND c.id = ?2",
	    ctx->actor.account_id, child_id);
}

int
mn_priv_child_scope(struct mn_ctx *ctx, int64_t child_id, const char *what,
    struct mn_error *err)
{
	char detail[96];
	bool child_exists;

	/* The second parameter is unused; binding it is harmless. */
	child_exists = child_id > 0 && exists(ctx->db, "SELECT 1 FROM "
	    "children WHERE id = ?1", child_id, 0);
	if ((ctx->actor.roles & school_wide) && child_exists)
		return MN_OK;
	if (child_exists && mn_priv_teaches_child(ctx, child_id))
		return MN_OK;
	if (child_exists && (ctx->actor.roles & MN_ROLE_PARENT) &&
	    mn_priv_parent_of(ctx->db, ctx->actor.account_id, child_id))
		return MN_OK;

	if (!child_exists && !(ctx->actor.roles & MN_ROLE_PARENT))
		return mn_fail(err, MN_ERR_NOTFOUND, "child",
		    T("child: no child with id %lld",
		    "trẻ: không có trẻ mã số %lld"), (long long)child_id);
	snprintf(detail, sizeof detail, "%s: child out of scope", what);
	mn_audit(ctx->db, &ctx->actor, "denied", "children", child_id, NULL,
	    NULL, detail, NULL);
	if (ctx->actor.roles & MN_ROLE_PARENT)
		return mn_fail(err, MN_ERR_DENIED, "child",
		    T("child: this child is not linked to your account",
		    "trẻ: trẻ này không thuộc tài khoản của bạn"));
	return mn_fail(err, MN_ERR_DENIED, "child",
	    T("child: this child is not in one of your classes",
	    "trẻ: trẻ này không thuộc lớp của bạn"));
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
