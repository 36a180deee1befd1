/*
 * Account management: creating accounts, roles, passwords chosen by the
 * admin, locks.  Every change is one transaction with its audit row;
 * password hashes never enter the audit trail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "core/access.h"
#include "core/account.h"
#include "core/audit.h"
#include "core/config.h"
#include "core/db.h"
#include "core/text.h"

static int
set_roles(sqlite3 *db, int64_t id, unsigned roles, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = mn_prepare(db, "DELETE FROM account_roles WHERE "
	    "account_id = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK : mn_db_fail(db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK)
		return rc;
	for (unsigned bit = 1; bit < (1u << MN_ROLE_COUNT); bit <<= 1) {
		if (!(roles & bit))
			continue;
		if ((rc = mn_prepare(db, "INSERT INTO account_roles "
		    "(account_id, role) VALUES (?, ?)", &stmt, err)) != MN_OK)
			return rc;
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_text(stmt, 2, mn_role_name(bit), -1,
		    SQLITE_STATIC);
		rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
		    mn_db_fail(db, err);
		sqlite3_finalize(stmt);
		if (rc != MN_OK)
			return rc;
	}
	return MN_OK;
}

/* Builds {"login":..,"full_name":..,"roles":..} with SQLite's JSON. */
static char *
account_json(sqlite3 *db, const char *login, const char *name,
    unsigned roles, const char *extra_key, const char *extra_value)
{
	sqlite3_stmt *stmt;
	char role_list[128];
	char *json = NULL;

	mn_roles_format(roles, role_list, sizeof role_list);
	if (sqlite3_prepare_v2(db, "SELECT json_object('login', ?, "
	    "'full_name', ?, 'roles', ?) ", -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	if (extra_key != NULL) {
		sqlite3_finalize(stmt);
		if (sqlite3_prepare_v2(db, "SELECT json_object('login', ?, "
		    "'full_name', ?, 'roles', ?, ?, ?)", -1, &stmt, NULL) !=
		    SQLITE_OK)
			return NULL;
		sqlite3_bind_text(stmt, 4, extra_key, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5, extra_value, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, role_list, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		json = strdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return json;
}

int
mn_account_insert(struct mn_ctx *ctx, const char *login, unsigned roles,
    const char *full_name, const char *hash, const char *detail,
    int64_t *id, struct mn_error *err)
{
	sqlite3 *db = ctx->db;
	sqlite3_stmt *stmt;
	char *json = NULL, now[32];
	int64_t new_id;
	int rc;

	mn_now_utc(now, sizeof now);
	if ((rc = mn_prepare(db, "INSERT INTO accounts (login, password_hash, "
	    "full_name, must_change_password, created_at, changed_by, "
	    "changed_at) VALUES (?, ?, ?, 1, ?, ?, ?)", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, full_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return mn_fail(err, MN_ERR_EXISTS, "login",
		    T("login '%s' is already taken; choose another",
		    "tên đăng nhập '%s' đã có người dùng; hãy chọn tên khác"),
		    login);
	if (rc != SQLITE_DONE)
		return mn_db_fail(db, err);
	new_id = sqlite3_last_insert_rowid(db);
	if ((rc = set_roles(db, new_id, roles, err)) != MN_OK)
		return rc;
	json = account_json(db, login, full_name, roles, NULL, NULL);
	rc = mn_audit(db, &ctx->actor, "insert", "accounts", new_id, NULL,
	    json, detail, err);
	free(json);
	if (rc == MN_OK && id != NULL)
		*id = new_id;
	return rc;
}

int
mn_account_add(struct mn_ctx *ctx, const char *login, unsigned roles,
    const char *full_name, const char *password, int64_t *id,
    struct mn_error *err)
{
	sqlite3 *db = ctx->db;
	char *name = NULL, *hash = NULL;
	int rc;

	if ((rc = mn_require(db, &ctx->actor, MN_ACT_ACCOUNT_MANAGE, err)))
		return rc;
	if ((rc = mn_valid_login(login, err)) != MN_OK)
		return rc;
	if ((roles & ((1u << MN_ROLE_COUNT) - 1)) == 0 ||
	    (roles & ~((1u << MN_ROLE_COUNT) - 1)) != 0)
		return mn_fail(err, MN_ERR_INVALID, "role",
		    T("role: an account needs at least one role",
		    "vai trò: tài khoản cần ít nhất một vai trò"));
	if ((rc = mn_text_clean(full_name ? full_name : "",
	    T("full name", "họ và tên"), 100, &name, err)) != MN_OK)
		return rc;
	if (name[0] != '\0' && (rc = mn_valid_person_name(name,
	    T("full name", "họ và tên"), err)) != MN_OK)
		goto out;

	/* yescrypt takes a while: hash before taking the write lock. */
	if ((rc = mn_password_check(ctx->cfg, password, err)) != MN_OK ||
	    (rc = mn_password_hash(password, &hash, err)) != MN_OK)
		goto out;
	if ((rc = mn_tx_begin(db, err)) != MN_OK)
		goto out;
	if ((rc = mn_account_insert(ctx, login, roles, name, hash, NULL, id,
	    err)) != MN_OK || (rc = mn_tx_commit(db, err)) != MN_OK) {
		mn_tx_rollback(db);
		goto out;
	}
	syslog(LOG_AUTH | LOG_NOTICE, "account %s created by %s", login,
	    ctx->actor.login);
out:
	free(name);
	free(hash);
	return rc;
}

int
mn_account_get(struct mn_ctx *ctx, const char *login,
    struct mn_account *acct, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char shown[80];
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_ACCOUNT_LIST, err)))
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT id, login, full_name, "
	    "must_change_password, locked, created_at, last_login_at, version "
	    "FROM accounts WHERE login = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		mn_account_read_row(ctx->db, stmt, acct);
		rc = MN_OK;
	} else if (rc == SQLITE_DONE) {
		mn_text_safe(login, shown, sizeof shown);
		rc = mn_fail(err, MN_ERR_NOTFOUND, "login",
		    T("account '%s' not found", "không có tài khoản '%s'"),
		    shown);
	} else {
		rc = mn_db_fail(ctx->db, err);
	}
	sqlite3_finalize(stmt);
	return rc;
}

int
mn_account_list(struct mn_ctx *ctx,
    int (*fn)(const struct mn_account *acct, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_account a;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_ACCOUNT_LIST, err)))
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT id, login, full_name, "
	    "must_change_password, locked, created_at, last_login_at, version "
	    "FROM accounts ORDER BY login", &stmt, err)) != MN_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		mn_account_read_row(ctx->db, stmt, &a);
		if (fn(&a, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

/*
 * One UPDATE of one account, named by login.  The statement may use ?1
 * (the login), ?2 (the acting login), ?3 (number) and ?4 (text).
 */
struct account_change {
	const char *sql;
	int64_t number;
	const char *text;
	const char *detail;	/* what changed, for the audit and syslog */
};

/*
 * Applies ch in one transaction with its audit row.  version, when not
 * 0, must equal the stored row version, else MN_ERR_CONFLICT.
 */
static int
change_account(struct mn_ctx *ctx, const char *login,
    const struct account_change *ch, const unsigned *new_roles,
    int64_t version, struct mn_error *err)
{
	sqlite3 *db = ctx->db;
	sqlite3_stmt *stmt;
	struct mn_account before, after;
	char *old_json = NULL, *new_json = NULL;
	int rc;

	if ((rc = mn_require(db, &ctx->actor, MN_ACT_ACCOUNT_MANAGE, err)))
		return rc;
	if ((rc = mn_tx_begin(db, err)) != MN_OK)
		return rc;
	if ((rc = mn_account_get(ctx, login, &before, err)) != MN_OK)
		goto rollback;
	if (version != 0 && version != before.version) {
		rc = mn_fail(err, MN_ERR_CONFLICT, "",
		    T("account '%s' was changed by someone else since you "
		    "opened it; reload it and make your change again",
		    "tài khoản '%s' vừa được người khác sửa sau khi bạn mở; "
		    "hãy tải lại và sửa lại"), login);
		goto rollback;
	}
	if ((rc = mn_prepare(db, ch->sql, &stmt, err)) != MN_OK)
		goto rollback;
	/* Unused parameter numbers only return SQLITE_RANGE, ignored. */
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, ch->number);
	if (ch->text != NULL)
		sqlite3_bind_text(stmt, 4, ch->text, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		rc = mn_db_fail(db, err);
		goto rollback;
	}
	if (new_roles != NULL &&
	    (rc = set_roles(db, before.id, *new_roles, err)) != MN_OK)
		goto rollback;
	if ((rc = mn_account_get(ctx, login, &after, err)) != MN_OK)
		goto rollback;
	old_json = account_json(db, before.login, before.full_name,
	    before.roles, NULL, NULL);
	new_json = account_json(db, after.login, after.full_name,
	    after.roles, "change", ch->detail);
	if ((rc = mn_audit(db, &ctx->actor, "update", "accounts", before.id,
	    old_json, new_json, ch->detail, err)) != MN_OK ||
	    (rc = mn_tx_commit(db, err)) != MN_OK)
		goto rollback;
	syslog(LOG_AUTH | LOG_NOTICE, "account %s: %s by %s", login,
	    ch->detail, ctx->actor.login);
	goto out;
rollback:
	mn_tx_rollback(db);
out:
	free(old_json);
	free(new_json);
	return rc;
}

#define STAMP "version = version + 1, changed_by = ?2, " \
	"changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

int
mn_account_set_password(struct mn_ctx *ctx, const char *login,
    const char *password, struct mn_error *err)
{
	struct account_change ch = {
		.sql = "UPDATE accounts SET password_hash = ?4, "
		    "must_change_password = 1, " STAMP " WHERE login = ?1",
		.detail = "password set by administrator",
	};
	char *hash = NULL;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_ACCOUNT_MANAGE,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_password_check(ctx->cfg, password, err)) != MN_OK ||
	    (rc = mn_password_hash(password, &hash, err)) != MN_OK)
		return rc;
	ch.text = hash;
	rc = change_account(ctx, login, &ch, NULL, 0, err);
	free(hash);
	return rc;
}

int
mn_account_update(struct mn_ctx *ctx, const char *login, unsigned roles,
    const char *full_name, int64_t version, struct mn_error *err)
{
	struct account_change ch = {
		.sql = "UPDATE accounts SET full_name = ?4, " STAMP
		    " WHERE login = ?1",
		.detail = "roles or name changed",
	};
	char *name = NULL;
	int rc;

	if ((roles & ((1u << MN_ROLE_COUNT) - 1)) == 0 ||
	    (roles & ~((1u << MN_ROLE_COUNT) - 1)) != 0)
		return mn_fail(err, MN_ERR_INVALID, "role",
		    T("role: an account needs at least one role",
		    "vai trò: tài khoản cần ít nhất một vai trò"));
	if ((rc = mn_text_clean(full_name ? full_name : "",
	    T("full name", "họ và tên"), 100, &name, err)) != MN_OK)
		return rc;
	if (name[0] != '\0' && (rc = mn_valid_person_name(name,
	    T("full name", "họ và tên"), err)) != MN_OK) {
		free(name);
		return rc;
	}
	ch.text = name;
	rc = change_account(ctx, login, &ch, &roles, version, err);
	free(name);
	return rc;
}

int
mn_account_set_locked(struct mn_ctx *ctx, const char *login, bool locked,
    struct mn_error *err)
{
	struct account_change ch = {
		.sql = "UPDATE accounts SET locked = ?3, " STAMP
		    " WHERE login = ?1",
		.number = locked ? 1 : 0,
		.detail = locked ? "locked" : "unlocked",
	};
	sqlite3_stmt *stmt;
	int rc = change_account(ctx, login, &ch, NULL, 0, err);

	if (rc != MN_OK || locked)
		return rc;

	/* Unlocking also lifts every lockout from failed logins. */
	if ((rc = mn_prepare(ctx->db, "DELETE FROM login_failures WHERE "
	    "account_id = (SELECT id FROM accounts WHERE login = ?)", &stmt,
	    err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

int
mn_password_change(struct mn_ctx *ctx, const char *new_password,
    struct mn_error *err)
{
	sqlite3 *db = ctx->db;
	sqlite3_stmt *stmt;
	char *hash = NULL;
	int rc;

	if (ctx->actor.account_id <= 0)
		return mn_fail(err, MN_ERR_DENIED, "",
		    T("log in first", "hãy đăng nhập trước"));
	if ((rc = mn_password_check(ctx->cfg, new_password, err)) != MN_OK)
		return rc;

	/* A forced change must change something. */
	if ((rc = mn_prepare(db, "SELECT password_hash FROM accounts WHERE "
	    "id = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    mn_password_verify(new_password,
	    (const char *)sqlite3_column_text(stmt, 0))) {
		sqlite3_finalize(stmt);
		return mn_fail(err, MN_ERR_INVALID, "password",
		    T("new password: it must differ from the current one",
		    "mật khẩu mới: phải khác mật khẩu hiện tại"));
	}
	sqlite3_finalize(stmt);
	if ((rc = mn_password_hash(new_password, &hash, err)) != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(db, err)) != MN_OK)
		goto out;
	if ((rc = mn_prepare(db, "UPDATE accounts SET password_hash = ?4, "
	    "must_change_password = 0, " STAMP " WHERE id = ?1", &stmt,
	    err)) != MN_OK)
		goto rollback;
	sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
	sqlite3_bind_text(stmt, 2, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK : mn_db_fail(db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK)
		goto rollback;
	if ((rc = mn_audit(db, &ctx->actor, "update", "accounts",
	    ctx->actor.account_id, NULL, NULL, "password changed by its "
	    "owner", err)) != MN_OK || (rc = mn_tx_commit(db, err)) != MN_OK)
		goto rollback;
	syslog(LOG_AUTH | LOG_INFO, "password changed by %s",
	    ctx->actor.login);
	goto out;
rollback:
	mn_tx_rollback(db);
out:
	free(hash);
	return rc;
}

int
mn_account_keep_password(struct mn_ctx *ctx, int64_t id, const char *reason,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_ACCOUNT_MANAGE,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "UPDATE accounts SET "
	    "must_change_password = 0, " STAMP " WHERE id = ?1", &stmt,
	    err)) != MN_OK)
		goto rollback;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, ctx->actor.login, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK)
		goto rollback;
	if ((rc = mn_audit(ctx->db, &ctx->actor, "update", "accounts", id,
	    NULL, NULL, reason, err)) != MN_OK ||
	    (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto rollback;
	return MN_OK;
rollback:
	mn_tx_rollback(ctx->db);
	return rc;
}
