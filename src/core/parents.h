/*
 * Parent accounts and their children.  A parent account holds the role
 * "parent" and sees only the children linked to it in parent_children.
 * The administrator, or a teacher for children of her classes, creates
 * the account with a first password that must be changed at first login.
 *
 * Screens and core functions of other features that show a child to a
 * parent call mn_parent_require_child first.
 */
#ifndef MN_CORE_PARENTS_H
#define MN_CORE_PARENTS_H

#include "core/mn.h"

/* One child of the acting parent, with the class it is in now. */
struct mn_parent_child {
	int64_t child_id;
	char school_code[32];
	char full_name[256];
	int64_t class_id;		/* 0: no class */
	char class_code[17];
	char class_name[256];
};

/* One parent account linked to a child. */
struct mn_parent_account {
	int64_t account_id;
	char login[33];
	char full_name[256];
	bool must_change_password;
	char last_login_at[24];
	char linked_by[64];
	char linked_at[24];
};

/*
 * Creates a parent account linked to count children (at least one).
 * The administrator and the host create it through mn_account_add; a
 * teacher may create it only for children of her classes, through this
 * module, with the same checks and its own audit rows.  The parent must
 * change the password at first login.
 */
int mn_parent_add(struct mn_ctx *ctx, const char *login,
    const char *full_name, const char *password, const int64_t *child_ids,
    size_t count, int64_t *id, struct mn_error *err);

/*
 * Links an existing account with the parent role to a child.  Linking
 * twice is MN_ERR_EXISTS.
 */
int mn_parent_link(struct mn_ctx *ctx, const char *login, int64_t child_id,
    struct mn_error *err);
int mn_parent_unlink(struct mn_ctx *ctx, const char *login,
    int64_t child_id, struct mn_error *err);

/*
 * Calls fn for each child linked to the acting parent, in name order.
 * fn returns non-zero to stop.
 */
int mn_parent_children(struct mn_ctx *ctx,
    int (*fn)(const struct mn_parent_child *child, void *arg), void *arg,
    struct mn_error *err);

/* Calls fn for each parent account linked to a child the actor sees. */
int mn_parent_list(struct mn_ctx *ctx, int64_t child_id,
    int (*fn)(const struct mn_parent_account *parent, void *arg),
    void *arg, struct mn_error *err);

/*
 * Checks that the actor may see one child: a parent must be linked to
 * it, a teacher must teach its class, other staff see every child.  A
 * refusal is MN_ERR_DENIED and writes a "denied" audit row naming what
 * (e.g. "attendance_view") and the child.
 */
int mn_parent_require_child(struct mn_ctx *ctx, int64_t child_id,
    const char *what, struct mn_error *err);

/*
 * Finds a child by school code within the actor's scope.  A code out of
 * scope is refused like an unknown one would be for a parent.
 */
int mn_parent_find_child(struct mn_ctx *ctx, const char *school_code,
    int64_t *child_id, struct mn_error *err);

/*
 * Demo data: links the demo account "parent" to two children of the
 * demo school (one in the demo teacher's class when she has one) and
 * adds consents, announcements and feedback threads.  Needs the demo
 * accounts and registers; the same seed gives the same choices.
 */
int mn_demo_parents(struct mn_ctx *ctx, unsigned seed, const char *password,
    struct mn_error *err);

#endif
