/*
 * The roles allowed to take each action.  This table is the only place
 * that grants them.  Menus read it to decide what to show, and every
 * core function that reads or writes a record checks it again.
 */
#include <stdio.h>

#include "core/access.h"
#include "core/audit.h"

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

/*
 * all: roles that take the action on the whole school.  scoped: roles
 * that take it within their scope only (a teacher her classes, a parent
 * the children linked to the account, other staff their own requests).
 */
static const struct {
	const char *name;
	unsigned all, scoped;
} actions[MN_ACT_COUNT] = {
	[MN_ACT_ACCOUNT_LIST] = { "account_list", A | H, 0 },
	[MN_ACT_ACCOUNT_MANAGE] = { "account_manage", A | H, 0 },
	[MN_ACT_CHILD_READ] = { "child_read", P | N | K | C | A | H, TE },
	[MN_ACT_CHILD_WRITE] = { "child_write", P | C | H, TE },
	[MN_ACT_CHILD_AGE_OVERRIDE] = { "child_age_override", P | H, 0 },
	/* Least privilege: the accountant reads no health, the kitchen
	 * allergies but no address, the admin and clerk no health. */
	[MN_ACT_CHILD_FIELDS_BASIC] = { "child_fields_basic", STAFF, 0 },
	[MN_ACT_CHILD_FIELDS_PERSONAL] = { "child_fields_personal",
	    P | TE | A | C | H, 0 },
	[MN_ACT_CHILD_FIELDS_FAMILY] = { "child_fields_family",
	    P | TE | A | C | N | AC | H, 0 },
	[MN_ACT_CHILD_FIELDS_ALLERGY] = { "child_fields_allergy",
	    P | TE | N | K | H, 0 },
	[MN_ACT_CHILD_FIELDS_CHRONIC] = { "child_fields_chronic",
	    P | TE | N | H, 0 },
	[MN_ACT_CHILD_FIELDS_POLICY] = { "child_fields_policy",
	    P | TE | A | C | AC | H, 0 },
	[MN_ACT_CLASS_READ] = { "class_read", STAFF, 0 },
	[MN_ACT_CLASS_WRITE] = { "class_write", P | C | H, 0 },
	[MN_ACT_STAFF_READ] = { "staff_read", P | C | AC | A | H, 0 },
	[MN_ACT_STAFF_WRITE] = { "staff_write", P | C | H, 0 },
	[MN_ACT_CALENDAR_WRITE] = { "calendar_write", P | H, 0 },
	[MN_ACT_PROMOTE] = { "promote", P | H, 0 },

	[MN_ACT_ATTENDANCE_READ] = { "attendance_read", P | N | H, TE | PA },
	/* Teachers only within the configured edit window. */
	[MN_ACT_ATTENDANCE_WRITE] = { "attendance_write", P | H, TE },
	/* Counts for the day's meals; no child is named. */
	[MN_ACT_ATTENDANCE_COUNTS] = { "attendance_counts", P | K | H, 0 },
	[MN_ACT_DAILYLOG_READ] = { "daily_log_read", P | N | H, TE | PA },
	[MN_ACT_DAILYLOG_WRITE] = { "daily_log_write", P | H, TE },

	[MN_ACT_HEALTH_READ] = { "health_read", N | P | H, 0 },
	[MN_ACT_HEALTH_WRITE] = { "health_write", N | H, 0 },
	[MN_ACT_HEALTH_MEASURE] = { "health_measure", N | H, TE },
	[MN_ACT_HEALTH_SUMMARY] = { "health_summary", N | P | H, TE },
	[MN_ACT_HEALTH_ALLERGY] = { "health_allergy", N | P | K | H, TE },

	/* The administrator and the clerk have no use for menus. */
	[MN_ACT_MENU_READ] = { "menu_read", P | TE | N | K | AC | PA | H, 0 },
	[MN_ACT_KITCHEN_PLAN] = { "kitchen_plan", K | P | H, 0 },
	/* The principal reads dishes and approves menus, the kitchen writes
	 * the recipes. */
	[MN_ACT_DISH_WRITE] = { "dish_write", K | H, 0 },
	[MN_ACT_MENU_APPROVE] = { "menu_approve", P | H, 0 },
	[MN_ACT_MEAL_COUNT_WRITE] = { "meal_count_write", K | P | TE | H,
	    0 },
	[MN_ACT_MEAL_COUNT_READ] = { "meal_count_read", K | P | AC | TE | H,
	    0 },
	[MN_ACT_MARKET_READ] = { "market_read", K | P | AC | H, 0 },
	[MN_ACT_MEAL_COST_READ] = { "meal_cost_read", K | P | AC | H, 0 },
	[MN_ACT_MEAL_FEES] = { "meal_fees", AC | P | H, 0 },
	[MN_ACT_FOOD_SAFETY] = { "food_safety", K | P | N | H, 0 },
	[MN_ACT_ALLERGY_WRITE] = { "allergy_write", N | P | H, 0 },
	/* A teacher reads the allergies of her own classes' children. */
	[MN_ACT_ALLERGY_READ] = { "allergy_read", K | P | N | H, TE },

	[MN_ACT_PARENT_MANAGE] = { "parent_manage", A | H, TE },
	[MN_ACT_PARENT_LIST] = { "parent_list", A | P | C | H, TE },
	[MN_ACT_OWN_CHILDREN] = { "own_children", 0, PA },
	[MN_ACT_FEEDBACK_SEND] = { "feedback_send", 0, PA },
	[MN_ACT_FEEDBACK_HANDLE] = { "feedback_handle", P | C | H, TE },
	[MN_ACT_FEEDBACK_ASSIGN] = { "feedback_assign", P | C | H, 0 },
	[MN_ACT_CORRECTION_DECIDE] = { "correction_decide", P | C | H, TE },
	[MN_ACT_ANNOUNCE_WRITE] = { "announce_write", P | C | H, TE },
	[MN_ACT_ANNOUNCE_READ] = { "announce_read", STAFF, PA },
	[MN_ACT_CONSENT_READ] = { "consent_read", P | N | C | H, TE | PA },
	[MN_ACT_CONSENT_RECORD] = { "consent_record", P | C | H, TE },
	[MN_ACT_CONSENT_OWN] = { "consent_own", 0, PA },

	[MN_ACT_APPROVAL_REQUEST] = { "approval_request", STAFF, 0 },
	/* The principal alone approves; the host command requires her
	 * password instead. */
	[MN_ACT_APPROVAL_DECIDE] = { "approval_decide", P, 0 },
	[MN_ACT_APPROVAL_LIST] = { "approval_list", P | C | A | H,
	    TE | N | K | AC },
	[MN_ACT_AUDIT_READ] = { "audit_read", P | A | H, 0 },
	/* Values hold children's personal and health data, which the
	 * administrator does not need to manage accounts. */
	[MN_ACT_AUDIT_VALUES] = { "audit_values", P | H, 0 },
	[MN_ACT_AUDIT_PURGE] = { "audit_purge", P | H, 0 },

	/* The principal and the clerk keep the registers. */
	[MN_ACT_EXPORT_CLASSES] = { "export_classes", STAFF, 0 },
	[MN_ACT_EXPORT_CHILDREN] = { "export_children", P | C | H, 0 },
	[MN_ACT_EXPORT_STAFF] = { "export_staff", P | C | H, 0 },
	[MN_ACT_EXPORT_ATTENDANCE] = { "export_attendance", P | N | H, TE },
	[MN_ACT_EXPORT_GROWTH] = { "export_growth", P | N | H, TE },
	[MN_ACT_EXPORT_MENU] = { "export_menu", K | P | AC | N | H, 0 },
	[MN_ACT_EXPORT_NUTRITION] = { "export_nutrition", K | P | AC | N | H,
	    0 },
	[MN_ACT_EXPORT_MARKET] = { "export_market", K | P | AC | H, 0 },
	[MN_ACT_EXPORT_MEALFEES] = { "export_mealfees", AC | P | H, 0 },
};

#undef A
#undef P
#undef TE
#undef N
#undef K
#undef AC
#undef C
#undef PA
#undef H
#undef STAFF

static bool
valid(enum mn_action action)
{
	return (int)action >= 0 && action < MN_ACT_COUNT;
}

const char *
mn_action_name(enum mn_action action)
{
	return valid(action) ? actions[action].name : "?";
}

unsigned
mn_action_roles(enum mn_action action)
{
	return valid(action) ? actions[action].all | actions[action].scoped :
	    0;
}

bool
mn_allowed(const struct mn_actor *actor, enum mn_action action)
{
	return actor != NULL && (actor->roles & mn_action_roles(action)) != 0;
}

bool
mn_allowed_all(const struct mn_actor *actor, enum mn_action action)
{
	return actor != NULL && valid(action) &&
	    (actor->roles & actions[action].all) != 0;
}

bool
mn_allowed_as(const struct mn_actor *actor, enum mn_action action,
    unsigned role)
{
	return actor != NULL && valid(action) &&
	    (actor->roles & role & actions[action].scoped) != 0;
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
		    mn_action_name(action), NULL);
	return mn_fail(err, MN_ERR_DENIED, "",
	    T("your account is not allowed to do this",
	    "tài khoản của bạn không được phép làm việc này"));
}

void
mn_access_denied(struct mn_ctx *ctx, const char *table, int64_t row,
    const char *what)
{
	mn_audit(ctx->db, &ctx->actor, "denied", table, row, NULL, NULL,
	    what, NULL);
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
mn_teaches_class(struct mn_ctx *ctx, int64_t class_id)
{
	if (!(ctx->actor.roles & MN_ROLE_TEACHER) || ctx->actor.account_id <= 0)
		return false;
	return exists(ctx->db, "SELECT 1 FROM class_teachers ct "
	    "JOIN staff s ON s.id = ct.staff_id "
	    "WHERE s.account_id = ?1 AND ct.class_id = ?2",
	    ctx->actor.account_id, class_id);
}

bool
mn_teaches_child(struct mn_ctx *ctx, int64_t child_id)
{
	if (!(ctx->actor.roles & MN_ROLE_TEACHER) || ctx->actor.account_id <= 0)
		return false;
	return exists(ctx->db, "SELECT 1 FROM children c "
	    "JOIN class_teachers ct ON ct.class_id = c.class_id "
	    "JOIN staff s ON s.id = ct.staff_id "
	    "WHERE s.account_id = ?1 AND c.id = ?2",
	    ctx->actor.account_id, child_id);
}

bool
mn_parent_of(sqlite3 *db, int64_t account_id, int64_t child_id)
{
	return account_id > 0 && exists(db, "SELECT 1 FROM parent_children "
	    "WHERE account_id = ? AND child_id = ?", account_id, child_id);
}

int
mn_require_child(struct mn_ctx *ctx, enum mn_action action,
    int64_t child_id, const char *what, struct mn_error *err)
{
	const struct mn_actor *a = &ctx->actor;
	bool parent = mn_allowed_as(a, action, MN_ROLE_PARENT);
	char detail[96];
	bool found;

	if (!mn_allowed(a, action)) {
		snprintf(detail, sizeof detail, "%s", mn_action_name(action));
		mn_access_denied(ctx, child_id > 0 ? "children" : NULL,
		    child_id, detail);
		return mn_fail(err, MN_ERR_DENIED, "",
		    T("your account is not allowed to do this",
		    "tài khoản của bạn không được phép làm việc này"));
	}
	/* The second parameter is unused; binding it is harmless. */
	found = child_id > 0 && exists(ctx->db, "SELECT 1 FROM children "
	    "WHERE id = ?1", child_id, 0);
	if (found && mn_allowed_all(a, action))
		return MN_OK;
	if (found && mn_allowed_as(a, action, MN_ROLE_TEACHER) &&
	    mn_teaches_child(ctx, child_id))
		return MN_OK;
	if (found && parent && mn_parent_of(ctx->db, a->account_id, child_id))
		return MN_OK;

	if (!found && !parent)
		return mn_fail(err, MN_ERR_NOTFOUND, "child",
		    T("child: no child with id %lld",
		    "trẻ: không có trẻ mã số %lld"), (long long)child_id);
	snprintf(detail, sizeof detail, "%s: child out of scope", what);
	mn_access_denied(ctx, "children", child_id, detail);
	if (parent)
		return mn_fail(err, MN_ERR_DENIED, "child",
		    T("child: this child is not linked to your account",
		    "trẻ: trẻ này không thuộc tài khoản của bạn"));
	return mn_fail(err, MN_ERR_DENIED, "child",
	    T("child: this child is not in one of your classes",
	    "trẻ: trẻ này không thuộc lớp của bạn"));
}
