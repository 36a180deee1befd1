/*
 * The audit trail.  Every write made through the program records one row
 * in the same transaction as the change, and reads of personal records
 * record a "view" row.  The database's triggers reject UPDATE and DELETE
 * on the trail from any connection, the sqlite3 shell included.
 */
#ifndef MN_CORE_AUDIT_H
#define MN_CORE_AUDIT_H

#include "core/mn.h"

/*
 * Appends an audit row.  action is a short verb ("insert", "update",
 * "delete", "view", "login", "login_failed", "lockout", "logout",
 * "denied", "export"); table and row_id name the record (NULL and 0 when
 * there is none); old_json and new_json hold the values as JSON objects
 * or NULL.  detail is free text for the reader.
 */
int mn_audit(sqlite3 *db, const struct mn_actor *actor, const char *action,
    const char *table, int64_t row_id, const char *old_json,
    const char *new_json, const char *detail, struct mn_error *err);

#endif
