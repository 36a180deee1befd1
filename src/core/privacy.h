/*
 * Access rules shared by the parents, feedback, announcement, consent,
 * approval and audit-log modules: which roles may take each action, and
 * the child scope (a parent's own children, a teacher's classes).
 *
 * Every refusal is written to the audit trail as a "denied" row, so a
 * parent who edits a command line to name another family's child leaves
 * a trace.
 */
#ifndef MN_CORE_PRIVACY_H
#define MN_CORE_PRIVACY_H

#include "core/mn.h"

enum mn_priv_action {
	MN_PRIV_PARENT_MANAGE,	/* add parent accounts, link, unlink */
	MN_PRIV_PARENT_LIST,	/* parents of a child */
	MN_PRIV_OWN_CHILDREN,	/* a parent lists their own children */
	MN_PRIV_FEEDBACK_SEND,	/* a parent writes feedback or a correction */
	MN_PRIV_FEEDBACK_HANDLE, /* inbox: read, assign, answer, close */
	MN_PRIV_CORRECTION_DECIDE,
	MN_PRIV_ANNOUNCE_WRITE,
	MN_PRIV_ANNOUNCE_READ,
	MN_PRIV_CONSENT_READ,
	MN_PRIV_CONSENT_WRITE,
	MN_PRIV_APPROVAL_REQUEST,
	MN_PRIV_APPROVAL_DECIDE,
	MN_PRIV_APPROVAL_LIST,
	MN_PRIV_AUDIT_READ,
	MN_PRIV_AUDIT_VALUES,	/* old and new values in the trail */
	MN_PRIV_AUDIT_PURGE,
	MN_PRIV_COUNT
};

/* Stored name of an action ("feedback_send"), for audit rows. */
const char *mn_priv_action_name(enum mn_priv_action action);

/* True when any of the actor's roles may take the action. */
bool mn_priv_allowed(const struct mn_actor *actor,
    enum mn_priv_action action);

/*
 * Returns MN_OK when allowed, else MN_ERR_DENIED with a message after
 * writing a "denied" audit row naming the action.
 */
int mn_priv_require(struct mn_ctx *ctx, enum mn_priv_action action,
    struct mn_error *err);

/*
 * Checks that the actor may act on one child: a parent must be linked
 * to it, a teacher must teach its class, and the other staff roles see
 * the whole school.  A refusal writes a "denied" audit row on table
 * children with the child's id and returns MN_ERR_DENIED.  A parent
 * gets the same refusal for a child that does not exist, so ids cannot
 * be probed; staff get MN_ERR_NOTFOUND.  what names the attempted
 * action in the audit row.
 */
int mn_priv_child_scope(struct mn_ctx *ctx, int64_t child_id,
    const char *what, struct mn_error *err);

/* True when the actor is a teacher of the child's current class. */
bool mn_priv_teaches_child(struct mn_ctx *ctx, int64_t child_id);

/* True when account_id is linked to child_id as its parent. */
bool mn_priv_parent_of(sqlite3 *db, int64_t account_id, int64_t child_id);

/*
 * Builds a JSON object from NULL-terminated pairs of key and text value
 * (a NULL value is written as JSON null) with SQLite's json_object.
 * Returns a malloc'd string, or NULL when out of memory.
 */
char *mn_priv_json(sqlite3 *db, ...) __attribute__((sentinel));

/* Today in the school's timezone as "YYYY-MM-DD" (11 bytes or more). */
void mn_priv_today(char *buf, size_t size);

/*
 * Cleans text typed by a user for storage (mn_text_clean) and also
 * refuses an empty result when required is true.
 */
int mn_priv_clean(const char *in, const char *field, size_t max_chars,
    bool required, char **out, struct mn_error *err);

/* Copies column col of the current row into dst, "" for NULL. */
void mn_priv_col(char *dst, size_t size, sqlite3_stmt *stmt, int col);

/*
 * Changes one field of a child record through the registers core, for an
 * accepted correction request (correction.c).
 */
int mn_correction_apply(struct mn_ctx *ctx, int64_t child_id,
    const char *field, const char *value, struct mn_error *err);
/* Reads the stored text of a correctable field; "" when unknown. */
void mn_correction_current(struct mn_ctx *ctx, int64_t child_id,
    const char *field, char *buf, size_t size);

#endif
