/*
 * Parent accounts, their links to children, and the scope check that
 * keeps a parent to their own children.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "core/account.h"
#include "core/audit.h"
#include "core/config.h"
#include "core/db.h"
#include "core/parents.h"
#include "core/privacy.h"
#include "core/text.h"

/* Maximum length of a parent's full name, in characters. */
#define NAME_MAX_CHARS 100

int
mn_parent_require_child(struct mn_ctx *ctx, int64_t child_id,
    const char *what, struct mn_error *err)
{
	return mn_require_child(ctx, MN_ACT_OWN_CHILDREN, child_id, what, err);
}

int
mn_parent_find_child(struct mn_ctx *ctx, const char *school_code,
    int64_t *child_id, struct mn_error *err)
{
	enum mn_action action;
	sqlite3_stmt *stmt;
	int64_t id = 0;
	int rc;

	if ((rc = mn_prepare(ctx->db, "SELECT id FROM children WHERE "
	    "school_code = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, school_code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE)
		rc = mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rc;
	/* A parent's own child first, so that a teacher who is also a
	 * parent finds her child in another class. */
	if (id != 0 && mn_allowed_as(&ctx->actor, MN_ACT_OWN_CHILDREN,
	    MN_ROLE_PARENT) && mn_parent_of(ctx->db, ctx->actor.account_id,
	    id)) {
		*child_id = id;
		return MN_OK;
	}
	action = mn_allowed(&ctx->actor, MN_ACT_CHILD_READ) ?
	    MN_ACT_CHILD_READ : MN_ACT_OWN_CHILDREN;
	if (id == 0 && action != MN_ACT_OWN_CHILDREN) {
		char shown[64];

		mn_text_safe(school_code, shown, sizeof shown);
		return mn_fail(err, MN_ERR_NOTFOUND, "child",
		    T("child: no child has the code '%s'",
		    "trẻ: không có trẻ nào có mã '%s'"), shown);
	}
	/* For a parent an unknown code is refused like another's child. */
	if ((rc = mn_require_child(ctx, action, id, "child_find", err)) !=
	    MN_OK)
		return rc;
	*child_id = id;
	return MN_OK;
}

/* Reads the school code of a child for audit rows; "" when unknown. */
static void
child_code(sqlite3 *db, int64_t child_id, char *buf, size_t size)
{
	sqlite3_stmt *stmt;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT school_code FROM children WHERE "
	    "id = ?", -1, &stmt, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(stmt, 1, child_id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		mn_priv_col(buf, size, stmt, 0);
	sqlite3_finalize(stmt);
}

/* Finds an account by login: its id and whether it has the parent role. */
static int
parent_account(sqlite3 *db, const char *login, int64_t *id,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char shown[64];
	int rc, is_parent = 0;

	*id = 0;
	if ((rc = mn_prepare(db, "SELECT a.id, EXISTS (SELECT 1 FROM "
	    "account_roles r WHERE r.account_id = a.id AND r.role = 'parent') "
	    "FROM accounts a WHERE a.login = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		is_parent = sqlite3_column_int(stmt, 1);
	}
	sqlite3_finalize(stmt);
	mn_text_safe(login, shown, sizeof shown);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mn_db_fail(db, err);
	if (*id == 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "login",
		    T("login: account '%s' not found",
		    "tên đăng nhập: không có tài khoản '%s'"), shown);
	if (!is_parent)
		return mn_fail(err, MN_ERR_INVALID, "login",
		    T("login: account '%s' does not have the parent role",
		    "tên đăng nhập: tài khoản '%s' không có vai trò phụ huynh"),
		    shown);
	return MN_OK;
}

/* Inserts one link and its audit row; the caller owns the transaction. */
static int
insert_link(struct mn_ctx *ctx, int64_t account_id, const char *login,
    int64_t child_id, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char now[32], code[32], *json;
	int64_t link_id;
	int rc;

	mn_now_utc(now, sizeof now);
	if ((rc = mn_prepare(ctx->db, "INSERT INTO parent_children "
	    "(account_id, child_id, linked_by, linked_at) VALUES (?, ?, ?, ?)",
	    &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, account_id);
	sqlite3_bind_int64(stmt, 2, child_id);
	sqlite3_bind_text(stmt, 3, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return mn_fail(err, MN_ERR_EXISTS, "child",
		    T("child: already linked to account '%s'",
		    "trẻ: đã được liên kết với tài khoản '%s'"), login);
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	link_id = sqlite3_last_insert_rowid(ctx->db);
	child_code(ctx->db, child_id, code, sizeof code);
	json = mn_priv_json(ctx->db, "parent", login, "child", code, NULL);
	rc = mn_audit(ctx->db, &ctx->actor, "insert", "parent_children",
	    link_id, NULL, json, "parent linked to child", err);
	free(json);
	return rc;
}

/* Writes the links of a new account in one transaction. */
static int
link_all(struct mn_ctx *ctx, int64_t account_id, const char *login,
    const int64_t *child_ids, size_t count, struct mn_error *err)
{
	int rc;

	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < count; i++)
		if ((rc = insert_link(ctx, account_id, login, child_ids[i],
		    err)) != MN_OK) {
			mn_tx_rollback(ctx->db);
			return rc;
		}
	if ((rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		mn_tx_rollback(ctx->db);
	return rc;
}

/*
 * Creates the account for a teacher, who may not use mn_account_add:
 * the same checks, the parent role only, the links and the audit rows
 * in one transaction.
 */
static int
teacher_add(struct mn_ctx *ctx, const char *login, const char *full_name,
    const char *password, const int64_t *child_ids, size_t count,
    int64_t *id, struct mn_error *err)
{
	sqlite3 *db = ctx->db;
	char *name = NULL, *hash = NULL;
	int64_t new_id;
	int rc;

	if ((rc = mn_text_clean(full_name ? full_name : "",
	    T("full name", "họ và tên"), NAME_MAX_CHARS, &name, err)) != MN_OK)
		return rc;
	if (name[0] != '\0' && (rc = mn_valid_person_name(name,
	    T("full name", "họ và tên"), err)) != MN_OK)
		goto out;
	if ((rc = mn_password_check(ctx->cfg, password, err)) != MN_OK ||
	    (rc = mn_password_hash(password, &hash, err)) != MN_OK)
		goto out;

	if ((rc = mn_tx_begin(db, err)) != MN_OK)
		goto out;
	if ((rc = mn_account_insert(ctx, login, MN_ROLE_PARENT, name, hash,
	    "parent account created by a teacher", &new_id, err)) != MN_OK)
		goto rollback;
	for (size_t i = 0; i < count; i++)
		if ((rc = insert_link(ctx, new_id, login, child_ids[i],
		    err)) != MN_OK)
			goto rollback;
	if ((rc = mn_tx_commit(db, err)) != MN_OK)
		goto rollback;
	syslog(LOG_AUTH | LOG_NOTICE, "parent account %s created by %s",
	    login, ctx->actor.login);
	if (id != NULL)
		*id = new_id;
	goto out;
rollback:
	mn_tx_rollback(db);
out:
	free(name);
	free(hash);
	return rc;
}

int
mn_parent_add(struct mn_ctx *ctx, const char *login, const char *full_name,
    const char *password, const int64_t *child_ids, size_t count,
    int64_t *id, struct mn_error *err)
{
	int64_t new_id = 0;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_PARENT_MANAGE,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_valid_login(login, err)) != MN_OK)
		return rc;
	if (count == 0 || child_ids == NULL)
		return mn_fail(err, MN_ERR_INVALID, "child",
		    T("child: missing; a parent account needs at least one "
		    "child", "trẻ: bị thiếu; tài khoản phụ huynh cần ít nhất "
		    "một trẻ"));
	/* Every child must be in scope before anything is written. */
	for (size_t i = 0; i < count; i++)
		if ((rc = mn_require_child(ctx, MN_ACT_PARENT_MANAGE,
		    child_ids[i], "parent_add", err)) != MN_OK)
			return rc;

	if (!mn_allowed_all(&ctx->actor, MN_ACT_PARENT_MANAGE))
		return teacher_add(ctx, login, full_name, password, child_ids,
		    count, id, err);

	if ((rc = mn_account_add(ctx, login, MN_ROLE_PARENT, full_name,
	    password, &new_id, err)) != MN_OK)
		return rc;
	/*
	 * NOTE: mn_account_add commits on its own, so a failure here leaves
	 * the account without children; linking again repairs it.
	 */
	if ((rc = link_all(ctx, new_id, login, child_ids, count, err)) !=
	    MN_OK)
		return rc;
	if (id != NULL)
		*id = new_id;
	return MN_OK;
}

int
mn_parent_link(struct mn_ctx *ctx, const char *login, int64_t child_id,
    struct mn_error *err)
{
	int64_t account_id;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_PARENT_MANAGE,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_require_child(ctx, MN_ACT_PARENT_MANAGE, child_id,
	    "parent_link", err)) != MN_OK)
		return rc;
	if ((rc = parent_account(ctx->db, login, &account_id, err)) != MN_OK)
		return rc;
	return link_all(ctx, account_id, login, &child_id, 1, err);
}

int
mn_parent_unlink(struct mn_ctx *ctx, const char *login, int64_t child_id,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char code[32], *json;
	int64_t account_id, link_id = 0;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_PARENT_MANAGE,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_require_child(ctx, MN_ACT_PARENT_MANAGE, child_id,
	    "parent_unlink", err)) != MN_OK)
		return rc;
	if ((rc = parent_account(ctx->db, login, &account_id, err)) != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "DELETE FROM parent_children WHERE "
	    "account_id = ? AND child_id = ? RETURNING id", &stmt, err)) !=
	    MN_OK)
		goto rollback;
	sqlite3_bind_int64(stmt, 1, account_id);
	sqlite3_bind_int64(stmt, 2, child_id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		link_id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		goto rollback;
	}
	if (link_id == 0) {
		rc = mn_fail(err, MN_ERR_NOTFOUND, "child",
		    T("child: not linked to account '%s'",
		    "trẻ: chưa liên kết với tài khoản '%s'"), login);
		goto rollback;
	}
	child_code(ctx->db, child_id, code, sizeof code);
	json = mn_priv_json(ctx->db, "parent", login, "child", code, NULL);
	rc = mn_audit(ctx->db, &ctx->actor, "delete", "parent_children",
	    link_id, json, NULL, "parent unlinked from child", err);
	free(json);
	if (rc != MN_OK || (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto rollback;
	return MN_OK;
rollback:
	mn_tx_rollback(ctx->db);
	return rc;
}

int
mn_parent_children(struct mn_ctx *ctx,
    int (*fn)(const struct mn_parent_child *child, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_parent_child c;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_OWN_CHILDREN,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT c.id, c.school_code, "
	    "c.full_name, c.class_id, cl.code, cl.name FROM parent_children pc "
	    "JOIN children c ON c.id = pc.child_id "
	    "LEFT JOIN classes cl ON cl.id = c.class_id "
	    "WHERE pc.account_id = ? ORDER BY c.name_key, c.id", &stmt,
	    err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		c.child_id = sqlite3_column_int64(stmt, 0);
		mn_priv_col(c.school_code, sizeof c.school_code, stmt, 1);
		mn_priv_col(c.full_name, sizeof c.full_name, stmt, 2);
		c.class_id = sqlite3_column_int64(stmt, 3);
		mn_priv_col(c.class_code, sizeof c.class_code, stmt, 4);
		mn_priv_col(c.class_name, sizeof c.class_name, stmt, 5);
		if (fn(&c, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

int
mn_parent_list(struct mn_ctx *ctx, int64_t child_id,
    int (*fn)(const struct mn_parent_account *parent, void *arg),
    void *arg, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_parent_account p;
	int rc;

	if ((rc = mn_require_child(ctx, MN_ACT_PARENT_LIST, child_id,
	    "parent_list", err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT a.id, a.login, a.full_name, "
	    "a.must_change_password, a.last_login_at, pc.linked_by, "
	    "pc.linked_at FROM parent_children pc "
	    "JOIN accounts a ON a.id = pc.account_id "
	    "WHERE pc.child_id = ? ORDER BY a.login", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, child_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&p, 0, sizeof p);
		p.account_id = sqlite3_column_int64(stmt, 0);
		mn_priv_col(p.login, sizeof p.login, stmt, 1);
		mn_priv_col(p.full_name, sizeof p.full_name, stmt, 2);
		p.must_change_password = sqlite3_column_int(stmt, 3) != 0;
		mn_priv_col(p.last_login_at, sizeof p.last_login_at, stmt, 4);
		mn_priv_col(p.linked_by, sizeof p.linked_by, stmt, 5);
		mn_priv_col(p.linked_at, sizeof p.linked_at, stmt, 6);
		if (fn(&p, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}
