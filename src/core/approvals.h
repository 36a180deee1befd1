/*
 * Approvals of data use.  Exporting or printing personal data needs an
 * approval by the principal naming the data kind, the purpose and the
 * last day it may be used.  Every export names its approval and calls
 * mn_approval_check (or mn_approval_use) before reading any data; each
 * use and each refusal is audited.
 *
 * An approval id is 12 random base32 characters (60 bits from
 * getrandom), so it cannot be guessed from another one.
 */
#ifndef MN_CORE_APPROVALS_H
#define MN_CORE_APPROVALS_H

#include "core/mn.h"

#define MN_APPROVAL_ID_LEN 12
#define MN_APPROVAL_PURPOSE_MAX 200

struct mn_approval {
	char id[MN_APPROVAL_ID_LEN + 1];
	char requested_by[64];
	char data_kind[16];	/* children, staff, health, attendance, ... */
	char purpose[4 * MN_APPROVAL_PURPOSE_MAX + 1];
	char consent_purpose[24];	/* "" or a consent purpose */
	char valid_until[11];	/* YYYY-MM-DD, last day of use */
	char status[12];	/* requested, approved, rejected, expired */
	char decided_by[64];
	char decided_at[24];
	char class_code[24];	/* "" or the one class an export may cover */
	char decision_note[4 * MN_APPROVAL_PURPOSE_MAX + 1];
	char written_by[64];	/* "" or who wrote it for requested_by */
	int64_t account_id;	/* the account that may use it, 0: host */
	int64_t use_count;
	char last_used_at[24];
	char created_at[24];
	int64_t version;
};

/* Stored data kinds, NULL-terminated. */
const char *const *mn_approval_kinds(void);
bool mn_approval_kind_valid(const char *kind);
/* The kind's label in the interface language ("Điểm danh"), or kind. */
const char *mn_approval_kind_label(const char *kind);
/*
 * The stored kind for typed text: a stored name or a label in either
 * language, matched without case or diacritics; NULL when none.
 */
const char *mn_approval_kind_parse(const char *text);
/*
 * True when one of the actor's roles may export (or, for audit, read the
 * values of) data of the kind, so that asking for an approval of it
 * makes sense.  Screens offer only these kinds.
 */
bool mn_approval_kind_useful(const struct mn_actor *actor, const char *kind);

/*
 * A request as a form gives it.  data_kind and consent_purpose may be
 * labels (mn_approval_kind_parse, mn_consent_purpose_parse).  class_code
 * NULL or "" puts no limit on classes; otherwise every export under the
 * approval must be of that one class.  for_login NULL or "" requests it
 * for the acting account.  Only an account that may decide approvals may
 * name another (staff) account, which then is the one that may use it.
 */
struct mn_approval_form {
	const char *data_kind;
	const char *purpose;
	const char *consent_purpose;
	const char *until;
	const char *class_code;
	const char *for_login;
};

/* Requests an approval as the form describes; see mn_approval_request. */
int mn_approval_request_form(struct mn_ctx *ctx,
    const struct mn_approval_form *form, char id[MN_APPROVAL_ID_LEN + 1],
    struct mn_error *err);

/*
 * Requests an approval (status "requested") for the principal to decide.
 * until is "YYYY-MM-DD", today or later.  consent_purpose is NULL or a
 * consent purpose: the export may then include only children whose
 * consent for it is in force.  id receives the new id.
 */
int mn_approval_request(struct mn_ctx *ctx, const char *data_kind,
    const char *purpose, const char *consent_purpose, const char *until,
    char id[MN_APPROVAL_ID_LEN + 1], struct mn_error *err);

/* The principal approves or rejects a requested approval. */
int mn_approval_decide(struct mn_ctx *ctx, const char *approval_id,
    bool approve, struct mn_error *err);

/*
 * Decides as mn_approval_decide, and stores the principal's note for the
 * requester to read.  A rejection needs one (the reason); an approval may
 * have one.
 */
int mn_approval_decide_note(struct mn_ctx *ctx, const char *approval_id,
    bool approve, const char *note, struct mn_error *err);

/*
 * Creates an approval already approved by the principal, who confirms
 * with her password at the same terminal (the host command `mamnon
 * approval add`).  principal_login must name an unlocked account with
 * the principal role; a wrong password or another account is refused
 * with MN_ERR_AUTH and audited.
 */
int mn_approval_add_signed(struct mn_ctx *ctx, const char *data_kind,
    const char *purpose, const char *consent_purpose, const char *until,
    const char *principal_login, const char *principal_password,
    char id[MN_APPROVAL_ID_LEN + 1], struct mn_error *err);

/*
 * mn_approval_add_signed for a form: the class limit and, with
 * form->for_login, the staff account that may use it (by default the
 * acting account).
 */
int mn_approval_add_signed_form(struct mn_ctx *ctx,
    const struct mn_approval_form *form, const char *principal_login,
    const char *principal_password, char id[MN_APPROVAL_ID_LEN + 1],
    struct mn_error *err);

/*
 * Calls fn for each approval, newest first.  The principal, the clerk,
 * the administrator and the host see all; other staff see their own.
 * status is as of today: an approved one past its last day shows
 * "expired".
 */
int mn_approval_list(struct mn_ctx *ctx,
    int (*fn)(const struct mn_approval *a, void *arg), void *arg,
    struct mn_error *err);

/*
 * Calls fn for each approval the acting account may use today for
 * data_kind (approved, not past its last day, its own), newest first.
 * An export screen offers these instead of asking for an ID.
 */
int mn_approval_list_usable(struct mn_ctx *ctx, const char *data_kind,
    int (*fn)(const struct mn_approval *a, void *arg), void *arg,
    struct mn_error *err);

/*
 * Checks that approval_id is approved for data_kind, still valid today,
 * and belongs to the acting account (or, for one made on the host, to a
 * host administrator); then counts the use.  A missing, unknown,
 * expired, rejected, unapproved, foreign or wrong-kind approval is
 * MN_ERR_DENIED with a message that says which.  The use or the refusal
 * is audited, committed at once when called outside a transaction.  a
 * (if not NULL) receives the approval, e.g. for its consent_purpose.
 */
int mn_approval_use(struct mn_ctx *ctx, const char *approval_id,
    const char *data_kind, struct mn_approval *a, struct mn_error *err);

/*
 * mn_approval_use for an export of one class (class_code) or, with
 * class_code NULL or "", of more than one: an approval limited to a
 * class is refused for any other class and for a wider export.
 */
int mn_approval_use_class(struct mn_ctx *ctx, const char *approval_id,
    const char *data_kind, const char *class_code, struct mn_approval *a,
    struct mn_error *err);

/* mn_approval_use without the record. */
int mn_approval_check(struct mn_ctx *ctx, const char *approval_id,
    const char *data_kind, struct mn_error *err);

/* Returns the interface's word for a stored status ("requested"...). */
const char *mn_approval_status_label(const char *status);

#endif
