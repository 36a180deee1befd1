/*
 * The roles allowed to take each action.  This table is the only place
 * that grants them.  Menus read it to decide what to show, and every
 * core function that reads or writes a record checks it again.
 */
#include "core/access.h"
#include "core/audit.h"

#define A MN_ROLE_ADMIN
#define P MN_ROLE_PRINCIPAL
#define TE MN_ROLE_TEACHER
#define N MN_ROLE_NURSE
#define K MN_ROLE_KITCHEN
#define AC MN_ROLE_ACCOUNTANT
#define C MN_ROLE_CLERK
#define H MN_ROLE_HOST

static const struct {
	const char *name;
	unsigned roles;
} actions[MN_ACT_COUNT] = {
	[MN_ACT_ACCOUNT_LIST] = { "account_list", A | H },
	[MN_ACT_ACCOUNT_MANAGE] = { "account_manage", A | H },
	/* Scope (a teacher's classes) is checked by the children module. */
	[MN_ACT_CHILD_READ] = { "child_read", P | TE | N | K | C | A | H },
	[MN_ACT_CHILD_WRITE] = { "child_write", P | TE | C | H },
	[MN_ACT_CLASS_READ] = { "class_read", P | TE | N | K | C | A | AC | H },
	[MN_ACT_CLASS_WRITE] = { "class_write", P | C | H },
	[MN_ACT_STAFF_READ] = { "staff_read", P | C | AC | A | H },
	[MN_ACT_STAFF_WRITE] = { "staff_write", P | C | H },
	[MN_ACT_CALENDAR_WRITE] = { "calendar_write", P | H },
	[MN_ACT_AUDIT_READ] = { "audit_read", P | A | H },
};

#undef A
#undef P
#undef TE
#undef N
#undef K
#undef AC
#undef C
#undef H

bool
mn_allowed(const struct mn_actor *actor, enum mn_action action)
{
	if (actor == NULL || action < 0 || action >= MN_ACT_COUNT)
		return false;
	return (actor->roles & actions[action].roles) != 0;
}

int
mn_require(sqlite3 *db, const struct mn_actor *actor,
    enum mn_action action, struct mn_error *err)
{
	if (mn_allowed(actor, action))
		return MN_OK;

	/* A refusal is worth a trace: it may be someone probing. */
	if (db != NULL)
		mn_audit(db, actor, "denied", NULL, 0, NULL, NULL,
		    actions[action].name, NULL);
	return mn_fail(err, MN_ERR_DENIED, "",
	    T("your account is not allowed to do this",
	    "tài khoản của bạn không được phép làm việc này"));
}
