/*
 * Parent accounts and the children linked to them, school-wide.
 */
#include <string.h>

#include "core/access.h"
#include "core/db.h"
#include "core/parent_links.h"
#include "core/privacy.h"

int
mn_parent_links(struct mn_ctx *ctx,
    int (*fn)(const struct mn_parent_link *link, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_parent_link l;
	bool all = mn_allowed_all(&ctx->actor, MN_ACT_PARENT_LIST);
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_PARENT_LIST,
	    err)) != MN_OK)
		return rc;
	/*
	 * ?1 = 1: every parent account; otherwise only links to children
	 * of a class the acting teacher (?2) teaches.
	 */
	if ((rc = mn_prepare(ctx->db, "SELECT a.id, a.login, a.full_name, "
	    "a.locked, a.must_change_password, c.id, c.school_code, "
	    "c.full_name, cl.code FROM accounts a "
	    "JOIN account_roles r ON r.account_id = a.id AND r.role = "
	    "'parent' "
	    "LEFT JOIN parent_children pc ON pc.account_id = a.id "
	    "LEFT JOIN children c ON c.id = pc.child_id "
	    "LEFT JOIN classes cl ON cl.id = c.class_id "
	    "WHERE ?1 = 1 OR c.class_id IN (SELECT ct.class_id FROM "
	    "class_teachers ct JOIN staff s ON s.id = ct.staff_id WHERE "
	    "s.account_id = ?2) "
	    "ORDER BY a.login, c.school_code", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int(stmt, 1, all ? 1 : 0);
	sqlite3_bind_int64(stmt, 2, ctx->actor.account_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&l, 0, sizeof l);
		l.account_id = sqlite3_column_int64(stmt, 0);
		mn_priv_col(l.login, sizeof l.login, stmt, 1);
		mn_priv_col(l.full_name, sizeof l.full_name, stmt, 2);
		l.locked = sqlite3_column_int(stmt, 3) != 0;
		l.must_change_password = sqlite3_column_int(stmt, 4) != 0;
		l.child_id = sqlite3_column_int64(stmt, 5);
		mn_priv_col(l.school_code, sizeof l.school_code, stmt, 6);
		mn_priv_col(l.child_name, sizeof l.child_name, stmt, 7);
		mn_priv_col(l.class_code, sizeof l.class_code, stmt, 8);
		if (fn(&l, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}
