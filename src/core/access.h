/*
 * Access control: one table of actions and the roles allowed to take
 * them.  Every core function checks its action here before touching a
 * record, and the menus read the same table to decide what to show.
 *
 * An action grants some roles the whole school and others only a scope:
 * a teacher her classes, a parent the children linked to the account,
 * a staff member the requests she made.  The module that owns the record
 * checks the scope, through the helpers below where the rule is shared.
 */
#ifndef MN_CORE_ACCESS_H
#define MN_CORE_ACCESS_H

#include "core/mn.h"

enum mn_action {
	/* Accounts and registers. */
	MN_ACT_ACCOUNT_LIST,
	MN_ACT_ACCOUNT_MANAGE,	/* add, change roles, reset, lock, unlock */
	MN_ACT_CHILD_READ,
	MN_ACT_CHILD_WRITE,
	MN_ACT_CHILD_AGE_OVERRIDE, /* place a child outside its age group */
	/* Groups of a child's fields a read returns (registers.h). */
	MN_ACT_CHILD_FIELDS_BASIC,	/* code, name, birth, sex, class */
	MN_ACT_CHILD_FIELDS_PERSONAL,	/* ethnicity, ID, address */
	MN_ACT_CHILD_FIELDS_FAMILY,	/* parents, guardian, pick-up */
	MN_ACT_CHILD_FIELDS_ALLERGY,
	MN_ACT_CHILD_FIELDS_CHRONIC,
	MN_ACT_CHILD_FIELDS_POLICY,
	MN_ACT_CLASS_READ,
	MN_ACT_CLASS_WRITE,
	MN_ACT_STAFF_READ,
	MN_ACT_STAFF_WRITE,
	MN_ACT_CALENDAR_WRITE,
	MN_ACT_PROMOTE,		/* move classes and children to a new year */
	/* Attendance and the daily log. */
	MN_ACT_ATTENDANCE_READ,
	MN_ACT_ATTENDANCE_WRITE, /* scoped: within the edit window only */
	MN_ACT_ATTENDANCE_COUNTS, /* the whole school's day, counts only */
	MN_ACT_DAILYLOG_READ,
	MN_ACT_DAILYLOG_WRITE,
	/* Health records, by kind. */
	MN_ACT_HEALTH_READ,	/* the full record */
	MN_ACT_HEALTH_WRITE,	/* check-ups, medical room, medicines */
	MN_ACT_HEALTH_MEASURE,	/* height and weight */
	MN_ACT_HEALTH_SUMMARY,	/* growth classification and chart */
	MN_ACT_HEALTH_ALLERGY,	/* allergies, as the health module shows */
	/* Kitchen. */
	MN_ACT_MENU_READ,	/* menus, dishes, foods, requirements */
	MN_ACT_KITCHEN_PLAN,	/* menus, prices, purchases */
	MN_ACT_DISH_WRITE,	/* dishes, the kitchen's recipes */
	MN_ACT_MENU_APPROVE,
	MN_ACT_MEAL_COUNT_WRITE, /* meal counts taken from attendance */
	MN_ACT_MEAL_COUNT_READ,
	MN_ACT_MARKET_READ,	/* market list and purchases */
	MN_ACT_MEAL_COST_READ,	/* a day's cost per child */
	MN_ACT_MEAL_FEES,	/* meal-fee book */
	MN_ACT_FOOD_SAFETY,	/* three-step checks and samples */
	MN_ACT_ALLERGY_WRITE,
	MN_ACT_ALLERGY_READ,	/* allergies, as the kitchen cooks around */
	/* Parents, feedback, announcements, consent. */
	MN_ACT_PARENT_MANAGE,	/* add parent accounts, link, unlink */
	MN_ACT_PARENT_LIST,	/* parents of a child */
	MN_ACT_OWN_CHILDREN,	/* a parent's own children */
	MN_ACT_FEEDBACK_SEND,	/* feedback and correction requests */
	MN_ACT_FEEDBACK_HANDLE,	/* inbox: read, take, answer, close */
	MN_ACT_FEEDBACK_ASSIGN,	/* hand a thread to another account */
	MN_ACT_CORRECTION_DECIDE,
	MN_ACT_ANNOUNCE_WRITE,	/* scoped: announcements to a class */
	MN_ACT_ANNOUNCE_READ,
	MN_ACT_CONSENT_READ,
	MN_ACT_CONSENT_RECORD,	/* staff, from the paper form */
	MN_ACT_CONSENT_OWN,	/* a parent, from the own account */
	/* Data-use approvals and the audit trail. */
	MN_ACT_APPROVAL_REQUEST,
	MN_ACT_APPROVAL_DECIDE,
	MN_ACT_APPROVAL_LIST,	/* scoped: the requests one made */
	MN_ACT_AUDIT_READ,
	MN_ACT_AUDIT_VALUES,	/* old and new values in the trail */
	MN_ACT_AUDIT_PURGE,
	/* Exports, one per kind of file (export_file.h). */
	MN_ACT_EXPORT_CLASSES,
	MN_ACT_EXPORT_CHILDREN,
	MN_ACT_EXPORT_STAFF,
	MN_ACT_EXPORT_ATTENDANCE,
	MN_ACT_EXPORT_GROWTH,
	MN_ACT_EXPORT_MENU,
	MN_ACT_EXPORT_NUTRITION,
	MN_ACT_EXPORT_MARKET,
	MN_ACT_EXPORT_MEALFEES,
	MN_ACT_COUNT
};

/* Returns the stored name ("child_read") for audit rows, "?" if unknown. */
const char *mn_action_name(enum mn_action action);

/* The roles granted the action, school-wide or in a scope. */
unsigned mn_action_roles(enum mn_action action);

/* True when any of the actor's roles may take the action somewhere. */
bool mn_allowed(const struct mn_actor *actor, enum mn_action action);

/* True when one of the actor's roles takes the action school-wide. */
bool mn_allowed_all(const struct mn_actor *actor, enum mn_action action);

/* True when one of the actor's roles has the action in a scope of kind
 * role (MN_ROLE_TEACHER: her classes, MN_ROLE_PARENT: her children). */
bool mn_allowed_as(const struct mn_actor *actor, enum mn_action action,
    unsigned role);

/*
 * Returns MN_OK when allowed, else MN_ERR_DENIED with a message, and
 * records the refusal in the audit trail when db is not NULL.
 */
int mn_require(sqlite3 *db, const struct mn_actor *actor,
    enum mn_action action, struct mn_error *err);

/* Writes a "denied" audit row naming what, on table and row when given. */
void mn_access_denied(struct mn_ctx *ctx, const char *table, int64_t row,
    const char *what);

/* True when the actor is a teacher of the class (any school year). */
bool mn_teaches_class(struct mn_ctx *ctx, int64_t class_id);

/* True when the actor is a teacher of the child's current class. */
bool mn_teaches_child(struct mn_ctx *ctx, int64_t child_id);

/* True when account_id is linked to child_id as its parent. */
bool mn_parent_of(sqlite3 *db, int64_t account_id, int64_t child_id);

/*
 * Checks that the actor may take action on one child: school-wide roles
 * on any existing child, a teacher on the children of her classes, a
 * parent on the children linked to the account.  A refusal writes a
 * "denied" audit row on table children naming what and returns
 * MN_ERR_DENIED.  A parent gets the same refusal for a child that does
 * not exist, so ids cannot be probed; staff get MN_ERR_NOTFOUND.
 */
int mn_require_child(struct mn_ctx *ctx, enum mn_action action,
    int64_t child_id, const char *what, struct mn_error *err);

#endif
