/*
 * Every link between a parent account and a child, for the host command
 * `mamnon parent list` and any screen that lists parents school-wide.
 */
#ifndef MN_CORE_PARENT_LINKS_H
#define MN_CORE_PARENT_LINKS_H

#include "core/mn.h"

struct mn_parent_link {
	int64_t account_id;
	char login[33];
	char full_name[256];
	bool locked;
	bool must_change_password;
	int64_t child_id;		/* 0: an account with no child linked */
	char school_code[32];
	char child_name[256];
	char class_code[17];		/* "" when the child has no class */
};

/*
 * Calls fn for each parent account and each child linked to it, by
 * login then child code.  An account with no child comes once, with
 * child_id 0.  Roles that list parents school-wide get every link.  A
 * teacher gets the links of children in her classes only, and no
 * unlinked account.  fn returns non-zero to stop.
 */
int mn_parent_links(struct mn_ctx *ctx,
    int (*fn)(const struct mn_parent_link *link, void *arg), void *arg,
    struct mn_error *err);

#endif
