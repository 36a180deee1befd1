/*
 * Key-bound logins.  The account lookup reads the same columns as
 * account.c, through mn_account_read_row.
 */
#include <stdio.h>
#include <string.h>
#include <syslog.h>

#include "core/audit.h"
#include "core/db.h"
#include "core/login_key.h"
#include "core/text.h"

static int
find(struct mn_ctx *ctx, const char *login, struct mn_account *a,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = mn_prepare(ctx->db, "SELECT id, login, full_name, "
	    "must_change_password, locked, created_at, last_login_at, "
	    "version FROM accounts WHERE login = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		mn_account_read_row(ctx->db, stmt, a);
		rc = MN_OK;
	} else if (rc == SQLITE_DONE)
		rc = mn_fail(err, MN_ERR_NOTFOUND, "login",
		    T("account '%s' not found; ask the administrator to "
		    "check the SSH key's --login", "không có tài khoản '%s'; "
		    "hãy nhờ quản trị kiểm tra --login của khóa SSH"), login);
	else
		rc = mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

/* Writes last_login_at and the audit row in one transaction. */
static int
record(struct mn_ctx *ctx, const struct mn_account *a, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char now[32];
	int rc;

	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	/* last_login_at is bookkeeping, so the row version stays. */
	if ((rc = mn_prepare(ctx->db, "UPDATE accounts SET last_login_at = ? "
	    "WHERE id = ?", &stmt, err)) == MN_OK) {
		sqlite3_bind_text(stmt, 1, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, a->id);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			rc = mn_db_fail(ctx->db, err);
		sqlite3_finalize(stmt);
	}
	if (rc == MN_OK)
		rc = mn_audit(ctx->db, &ctx->actor, "login", "accounts", a->id,
		    NULL, NULL, "ssh key", err);
	if (rc == MN_OK)
		rc = mn_tx_commit(ctx->db, err);
	if (rc != MN_OK)
		mn_tx_rollback(ctx->db);
	return rc;
}

int
mn_login_by_key(struct mn_ctx *ctx, const char *login,
    struct mn_account *acct, struct mn_error *err)
{
	struct mn_account a;
	struct mn_actor before = ctx->actor;
	int rc;

	if ((rc = mn_valid_login(login, err)) != MN_OK)
		return rc;
	if ((rc = find(ctx, login, &a, err)) != MN_OK) {
		syslog(LOG_AUTH | LOG_NOTICE, "key login to unknown account "
		    "%s from %s", login, ctx->actor.source);
		return rc;
	}
	if (a.locked) {
		syslog(LOG_AUTH | LOG_NOTICE, "key login to locked account %s "
		    "from %s", a.login, ctx->actor.source);
		return mn_fail(err, MN_ERR_LOCKED, "login",
		    T("This account is locked; ask the administrator to "
		    "unlock it", "Tài khoản này bị khóa; hãy nhờ quản trị mở "
		    "khóa"));
	}
	ctx->actor.account_id = a.id;
	ctx->actor.roles = a.roles;
	snprintf(ctx->actor.login, sizeof ctx->actor.login, "%s", a.login);
	if ((rc = record(ctx, &a, err)) != MN_OK) {
		/* Without its audit row the login does not happen. */
		ctx->actor = before;
		syslog(LOG_AUTH | LOG_WARNING, "key login %s from %s failed: "
		    "%s", a.login, ctx->actor.source, err ? err->message : "");
		return rc;
	}
	syslog(LOG_AUTH | LOG_INFO, "login %s from %s (ssh key)", a.login,
	    ctx->actor.source);
	if (acct != NULL)
		*acct = a;
	return MN_OK;
}
