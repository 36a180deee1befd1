/*
 * Drafts: the values of a form whose session ended before the user saved
 * it (a dropped connection, SIGTERM, the idle timeout).  A draft belongs
 * to the acting account and a form key such as "account_form:gv.mai",
 * and the account gets it back at its next login.  Every function acts on
 * ctx->actor's own drafts only, so no other access check applies.
 */
#ifndef MN_CORE_DRAFTS_H
#define MN_CORE_DRAFTS_H

#include "core/mn.h"

/* Bytes of a form key, including the terminating NUL. */
#define MN_DRAFT_KEY_SIZE	128
/* Fields one draft may hold. */
#define MN_DRAFT_FIELDS_MAX	64
/* Characters of one field value. */
#define MN_DRAFT_VALUE_MAX	4000
/*
 * Field that names where the form was ("Nhân sự › Sửa hồ sơ cán bộ"),
 * for the offer at the next login.  "@" keeps it apart from the names
 * of form rows.
 */
#define MN_DRAFT_WHERE		"@where"

/* One field of a form: its name and its text as typed. */
struct mn_draft_field {
	const char *name;
	const char *value;
};

/* A stored draft, as mn_draft_list returns it. */
struct mn_draft {
	char form_key[MN_DRAFT_KEY_SIZE];
	char saved_at[24];	/* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	char saved_local[20];	/* "dd/mm/yyyy HH:MM", local time */
};

/*
 * Stores fields as the draft of form_key for ctx->actor, replacing an
 * older draft of the same form, in one transaction.  Names must be
 * distinct, and values go through mn_text_clean.  The caller leaves
 * password fields out.  MN_ERR_DENIED when no account is logged in.
 */
int mn_draft_save(struct mn_ctx *ctx, const char *form_key,
    const struct mn_draft_field *fields, int n, struct mn_error *err);

/*
 * Fills drafts (at most max, newest first) with ctx->actor's drafts and
 * sets *count to their number.
 */
int mn_draft_list(struct mn_ctx *ctx, struct mn_draft *drafts, int max,
    int *count, struct mn_error *err);

/*
 * Calls fn with each field of ctx->actor's draft of form_key.  A non-zero
 * return from fn stops the loop and is returned.  MN_ERR_NOTFOUND when there is
 * no such draft.
 */
int mn_draft_load(struct mn_ctx *ctx, const char *form_key,
    int (*fn)(const char *name, const char *value, void *arg), void *arg,
    struct mn_error *err);

/* Deletes ctx->actor's draft of form_key.  A missing draft is no error. */
int mn_draft_delete(struct mn_ctx *ctx, const char *form_key,
    struct mn_error *err);

#endif
