/*
 * Reading the audit trail: browsing with filters by account, child and
 * date, export as CSV, and the audited purge of old and new values when
 * their retention period ends.  Writing the trail is in audit.h.
 *
 * The principal, the administrator and the host read the trail; the
 * values (personal data) are shown to the principal and the host only.
 */
#ifndef MN_CORE_AUDITLOG_H
#define MN_CORE_AUDITLOG_H

#include <stdio.h>

#include "core/mn.h"

struct mn_audit_filter {
	const char *login;	/* NULL: every account */
	int64_t child_id;	/* 0: every record */
	const char *from;	/* "YYYY-MM-DD" school day, inclusive,
				   or NULL */
	const char *to;		/* "YYYY-MM-DD" school day, inclusive,
				   or NULL */
	const char *action;	/* NULL: every action */
	bool with_values;	/* fill old_values and new_values */
	int64_t before_id;	/* 0, or only rows older than this id */
	unsigned limit;		/* 0: no limit */
};

struct mn_audit_entry {
	int64_t id;
	char at[24];
	int64_t account_id;
	char login[64];
	char source[64];
	char action[32];
	char table_name[32];
	int64_t row_id;
	const char *detail;	/* valid during the callback only */
	const char *old_values;	/* JSON, or NULL */
	const char *new_values;
	bool purged;		/* values removed by mn_audit_purge */
};

/*
 * Calls fn for each matching row, newest first.  The child filter takes
 * rows on the child record itself (table children, its id) and on the
 * parent links, feedback and consents of that child.  Dates are days in
 * the school's timezone.  Writes one "view" audit row with the filter.
 */
int mn_audit_browse(struct mn_ctx *ctx, const struct mn_audit_filter *filter,
    int (*fn)(const struct mn_audit_entry *e, void *arg), void *arg,
    struct mn_error *err);

/*
 * Writes matching rows to out as CSV (RFC 4180, UTF-8, header line).
 * With values it needs an approval of kind "audit" (approval_id);
 * without values approval_id may be NULL.  Cells starting with = + - @
 * are prefixed with ' so spreadsheets do not run them.  Audited as
 * "export".
 */
int mn_audit_export_csv(struct mn_ctx *ctx,
    const struct mn_audit_filter *filter, const char *approval_id,
    FILE *out, struct mn_error *err);

/*
 * Erases the old and new values of the audit rows on one record
 * (table and row_id) made before the day before (YYYY-MM-DD), keeping
 * the rows themselves.  Each purged row first gets an audit_purges row
 * in the same transaction, because the database deletes values only for
 * a recorded purge.  One "purge" audit row records the purge.  *count
 * (if not NULL) receives the number of rows purged.
 */
int mn_audit_purge(struct mn_ctx *ctx, const char *table, int64_t row_id,
    const char *before, const char *reason, int *count,
    struct mn_error *err);

/*
 * Purges like mn_audit_purge every row about one child that the child
 * filter of mn_audit_browse finds: the record, its consents, parent
 * links and feedback.
 */
int mn_audit_purge_child(struct mn_ctx *ctx, int64_t child_id,
    const char *before, const char *reason, int *count,
    struct mn_error *err);

#endif
