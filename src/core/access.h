/*
 * Access control: one table of actions and the roles allowed to take
 * them.  Scope checks (a teacher's classes, a parent's children) are done
 * by the module that owns the record, through the helpers here.
 */
#ifndef MN_CORE_ACCESS_H
#define MN_CORE_ACCESS_H

#include "core/mn.h"

enum mn_action {
	MN_ACT_ACCOUNT_LIST,
	MN_ACT_ACCOUNT_MANAGE,	/* add, change roles, reset, lock, unlock */
	MN_ACT_CHILD_READ,
	MN_ACT_CHILD_WRITE,
	MN_ACT_CLASS_READ,
	MN_ACT_CLASS_WRITE,
	MN_ACT_STAFF_READ,
	MN_ACT_STAFF_WRITE,
	MN_ACT_CALENDAR_WRITE,
	MN_ACT_AUDIT_READ,
	MN_ACT_COUNT
};

/* True when any of the actor's roles may take the action. */
bool mn_allowed(const struct mn_actor *actor, enum mn_action action);

/*
 * Returns MN_OK when allowed, else MN_ERR_DENIED with a message, and
 * records the refusal in the audit trail when db is not NULL.
 */
int mn_require(sqlite3 *db, const struct mn_actor *actor,
    enum mn_action action, struct mn_error *err);

#endif
