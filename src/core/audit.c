/*
 * Appending to the audit trail.  Callers run inside their own write
 * transaction, so the change and its audit row commit or fail together.
 */
#include "core/audit.h"
#include "core/db.h"

int
mn_audit(sqlite3 *db, const struct mn_actor *actor, const char *action,
    const char *table, int64_t row_id, const char *old_json,
    const char *new_json, const char *detail, struct mn_error *err)
{
	static const char insert_audit[] =
	    "INSERT INTO audit (at, account_id, login, source, action, "
	    "table_name, row_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	static const char insert_values[] =
	    "INSERT INTO audit_values (audit_id, old_values, new_values) "
	    "VALUES (?, ?, ?)";
	sqlite3_stmt *stmt;
	char now[32];
	int rc;

	mn_now_utc(now, sizeof now);
	if ((rc = mn_prepare(db, insert_audit, &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, now, -1, SQLITE_TRANSIENT);
	if (actor->account_id > 0)
		sqlite3_bind_int64(stmt, 2, actor->account_id);
	sqlite3_bind_text(stmt, 3, actor->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 4, actor->source[0] ? actor->source : "local",
	    -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 5, action, -1, SQLITE_STATIC);
	if (table != NULL)
		sqlite3_bind_text(stmt, 6, table, -1, SQLITE_STATIC);
	if (row_id != 0)
		sqlite3_bind_int64(stmt, 7, row_id);
	if (detail != NULL)
		sqlite3_bind_text(stmt, 8, detail, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK : mn_db_fail(db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK || (old_json == NULL && new_json == NULL))
		return rc;

	int64_t audit_id = sqlite3_last_insert_rowid(db);
	if ((rc = mn_prepare(db, insert_values, &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, audit_id);
	if (old_json != NULL)
		sqlite3_bind_text(stmt, 2, old_json, -1, SQLITE_TRANSIENT);
	if (new_json != NULL)
		sqlite3_bind_text(stmt, 3, new_json, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK : mn_db_fail(db, err);
	sqlite3_finalize(stmt);
	return rc;
}
