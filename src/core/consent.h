/*
 * The consent register: per child and purpose, consent granted or
 * withdrawn, when and by whom, recorded by the parent in the program or
 * by staff from a signed paper form.  The newest record is in force; a
 * child without any record has not consented (silence is not consent).
 *
 * Exports that carry personal data to someone outside the school keep
 * only the children whose consent for that purpose is in force
 * (mn_consent_filter).
 */
#ifndef MN_CORE_CONSENT_H
#define MN_CORE_CONSENT_H

#include "core/mn.h"

/* Stored purpose names, in display order; NULL-terminated. */
const char *const *mn_consent_purposes(void);
/* True for a stored purpose name ("photos_media", ...). */
bool mn_consent_purpose_valid(const char *purpose);
/* Label of a purpose in the interface language, or NULL. */
const char *mn_consent_purpose_label(const char *purpose);
/*
 * The stored purpose for typed text: a stored name or a label in either
 * language, matched without case or diacritics; NULL when none.
 */
const char *mn_consent_purpose_parse(const char *text);
/* Writes the labels as a list for messages: "a, b, c or d". */
void mn_consent_purpose_choices(char *buf, size_t size);

struct mn_consent {
	int64_t id;			/* 0: no record, so not granted */
	int64_t child_id;
	char purpose[24];
	bool granted;
	char source[16];		/* "parent_account" or "paper_form" */
	char paper_ref[128];
	char given_by[256];
	char recorded_by[64];
	char recorded_at[24];
};

/*
 * Records consent granted or withdrawn for a child and purpose.  A
 * parent records it for their own child from their account (paper_ref
 * and given_by must be NULL or empty); staff record it from a signed
 * form, naming it in paper_ref and the signer in given_by.
 */
int mn_consent_set(struct mn_ctx *ctx, int64_t child_id, const char *purpose,
    bool granted, const char *paper_ref, const char *given_by,
    struct mn_error *err);

/* Fills c with the record in force (c->id 0 when none). */
int mn_consent_get(struct mn_ctx *ctx, int64_t child_id, const char *purpose,
    struct mn_consent *c, struct mn_error *err);

/* Calls fn for every record of a child, newest first. */
int mn_consent_history(struct mn_ctx *ctx, int64_t child_id,
    int (*fn)(const struct mn_consent *c, void *arg), void *arg,
    struct mn_error *err);

/*
 * Returns MN_OK when the child's consent for purpose is in force, else
 * MN_ERR_DENIED with a message naming the child's code and the purpose,
 * and a "denied" audit row.  For export code that has already checked
 * its approval; it checks no role.
 */
int mn_consent_require(struct mn_ctx *ctx, int64_t child_id,
    const char *purpose, struct mn_error *err);

/*
 * Keeps in ids only the children whose consent for purpose is in force,
 * in their order, and sets *count to how many remain.  *dropped (if not
 * NULL) gets how many were removed.  Writes one audit row with both
 * counts.
 */
int mn_consent_filter(struct mn_ctx *ctx, const char *purpose, int64_t *ids,
    size_t *count, size_t *dropped, struct mn_error *err);

#endif
