/*
 * Feedback from parents: a message about one child to the child's class
 * teachers or to the school, handled by staff through an inbox (new, in
 * progress, answered, closed), and requests to correct one field of the
 * child's record, which staff accept or reject.
 *
 * Parents see their own threads only.  Teachers see threads addressed to
 * the teachers of their classes and threads assigned to them; the
 * principal and the clerk see every thread.
 */
#ifndef MN_CORE_FEEDBACK_H
#define MN_CORE_FEEDBACK_H

#include "core/mn.h"

/* Maximum lengths, in characters, of text typed by a parent or staff. */
#define MN_FEEDBACK_SUBJECT_MAX 120
#define MN_FEEDBACK_BODY_MAX 4000
#define MN_CORRECTION_VALUE_MAX 250

struct mn_feedback {
	int64_t id;
	int64_t parent_id;
	char parent_login[33];
	int64_t child_id;
	char child_code[32];
	char child_name[256];
	char recipient[8];		/* "teacher" or "school" */
	char kind[12];			/* "feedback", "complaint",
					   "correction" */
	char subject[4 * MN_FEEDBACK_SUBJECT_MAX + 1];
	char body[4 * MN_FEEDBACK_BODY_MAX + 1];
	char status[12];		/* "new", "in_progress", "answered",
					   "closed" */
	int64_t assignee_id;		/* 0: nobody */
	char assignee_login[33];
	char answer[4 * MN_FEEDBACK_BODY_MAX + 1];
	char answered_by[64];
	char answered_at[24];
	char answer_read_at[24];	/* "" while the parent has not read
					   it */
	char created_at[24];
	char closed_at[24];
	/* Filled for kind "correction". */
	char field[32];
	char current_value[4 * MN_CORRECTION_VALUE_MAX + 1];
	char requested_value[4 * MN_CORRECTION_VALUE_MAX + 1];
	char decision[12];		/* "", "accepted", "rejected" */
	char decided_by[64];
	int64_t version;
};

/*
 * Sends feedback (kind "feedback" or "complaint") about a child linked
 * to the acting parent, to "teacher" or "school".  Subject and body are
 * cleaned of control characters and escape sequences; text longer than
 * the limits above is refused.
 */
int mn_feedback_send(struct mn_ctx *ctx, int64_t child_id,
    const char *recipient, const char *kind, const char *subject,
    const char *body, int64_t *id, struct mn_error *err);

/*
 * Asks to change one field of the child's record (see
 * mn_correction_fields) to requested_value, with a note for staff.
 */
int mn_correction_request(struct mn_ctx *ctx, int64_t child_id,
    const char *field, const char *requested_value, const char *note,
    int64_t *id, struct mn_error *err);

/* NULL-terminated list of the child fields a parent may ask to correct. */
const char *const *mn_correction_fields(void);
/* Label of a correctable field in the interface language, or NULL. */
const char *mn_correction_field_label(const char *field);

struct mn_feedback_filter {
	const char *status;	/* NULL: every status */
	int64_t child_id;	/* 0: every child in scope */
};

/*
 * Calls fn for each thread the actor may see, newest first.  fn returns
 * non-zero to stop.
 */
int mn_feedback_list(struct mn_ctx *ctx,
    const struct mn_feedback_filter *filter,
    int (*fn)(const struct mn_feedback *f, void *arg), void *arg,
    struct mn_error *err);

/*
 * Reads one thread.  Staff reads write a "view" audit row; when the
 * parent who wrote it reads an answer for the first time, answer_read_at
 * is set.  A thread out of scope is MN_ERR_DENIED and audited.
 */
int mn_feedback_get(struct mn_ctx *ctx, int64_t id, struct mn_feedback *f,
    struct mn_error *err);

/*
 * Assigns a thread to a staff account and marks it in progress.  The
 * principal and the clerk assign to anyone on the staff; a teacher only
 * to herself.
 */
int mn_feedback_assign(struct mn_ctx *ctx, int64_t id,
    const char *assignee_login, int64_t version, struct mn_error *err);

/* Stores the answer and marks the thread answered. */
int mn_feedback_answer(struct mn_ctx *ctx, int64_t id, const char *answer,
    int64_t version, struct mn_error *err);

/* Closes a thread; staff in scope or the parent who wrote it. */
int mn_feedback_close(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct mn_error *err);

/*
 * Accepts or rejects a correction request.  An accepted one first
 * changes the child record through the registers core, which checks the
 * new value and the actor's rights and writes its own audit row; reason
 * becomes the answer the parent reads.
 */
int mn_correction_decide(struct mn_ctx *ctx, int64_t id, bool accept,
    const char *reason, int64_t version, struct mn_error *err);

#endif
