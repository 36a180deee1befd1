/*
 * Helpers shared by the health module's files (measurement.c,
 * growth_report.c, medical.c, health_access.c); not for other modules.
 */
#ifndef MN_CORE_HEALTH_INT_H
#define MN_CORE_HEALTH_INT_H

#include "core/health.h"

/* Kind of access a health call needs from the actor. */
enum health_need {
	HEALTH_READ,		/* the full record: nurse, principal */
	HEALTH_WRITE,		/* check-ups, medical room: nurse */
	HEALTH_MEASURE,		/* measurements: nurse, teacher (scoped) */
	HEALTH_SUMMARY,		/* growth and summary: + teacher (scoped) */
	HEALTH_ALLERGY,		/* allergies: + kitchen */
};

/*
 * Checks that the actor may do need on child_id (0 when no single child
 * is concerned, in which case a teacher passes and the caller narrows
 * to her classes).  MN_ERR_NOTFOUND when the child does not exist;
 * MN_ERR_DENIED, with a "denied" audit row, when not allowed.  Must run
 * outside a transaction, so that the refusal's audit row stays.
 */
int health_access(struct mn_ctx *ctx, enum health_need need,
    int64_t child_id, struct mn_error *err);

/* True when the actor reaches the children only through her classes. */
bool health_teacher_only(const struct mn_actor *actor, enum health_need need);

/* True when the actor teaches the class with this code (any year). */
bool health_teaches_class(struct mn_ctx *ctx, const char *class_code);

/* True when the actor teaches the class with this id. */
bool health_teaches_class_id(struct mn_ctx *ctx, int64_t class_id);

/* A child's birth date (YYYY-MM-DD) and sex (1 male, 2 female). */
int health_child_basic(struct mn_ctx *ctx, int64_t child_id,
    char birth[11], int *sex, struct mn_error *err);

/*
 * Runs sql, a "SELECT json_object(...) FROM t WHERE id = ?", for id and
 * returns the malloc'd JSON in *out (NULL when no row).
 */
int health_row_json(sqlite3 *db, const char *sql, int64_t id, char **out,
    struct mn_error *err);

/* Writes a "view" audit row for a child's health record. */
int health_audit_view(struct mn_ctx *ctx, const char *table,
    int64_t child_id, const char *detail, struct mn_error *err);

/*
 * Cleans text for storage into a malloc'd *out ("" for NULL).
 * MN_ERR_INVALID names field (key) and label (shown) when it is not
 * UTF-8, too long, or empty while required.
 */
int health_clean(const char *in, const char *field, const char *label,
    size_t max_chars, bool required, char **out, struct mn_error *err);

/* Checks a local "YYYY-MM-DD HH:MM" time that is not in the future. */
int health_check_time(const char *text, const char *field,
    const char *label, struct mn_error *err);

/* Checks a "YYYY-MM-DD" date that is not in the future. */
int health_check_past_date(const char *text, const char *field,
    const char *label, bool allow_empty, struct mn_error *err);

/* Checks a round label 'YYYY-MM' (month 01-12); "" passes if allowed. */
int health_check_round(const char *round_label, bool allow_empty,
    struct mn_error *err);

/* Fills a child's growth status without access check or audit row. */
int health_growth_status(struct mn_ctx *ctx, int64_t child_id,
    struct mn_growth_status *s, struct mn_error *err);

/* Parses a stored category name back to enum mn_growth_category. */
int health_category_parse(const char *name);

#endif
