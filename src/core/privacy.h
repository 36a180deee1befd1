/*
 * Helpers shared by the parents, feedback, announcement, consent,
 * approval and audit-log modules.  Who may take their actions is in the
 * one table of access.h, which also checks a child's scope.
 */
#ifndef MN_CORE_PRIVACY_H
#define MN_CORE_PRIVACY_H

#include "core/access.h"

/* Same as mn_teaches_child (access.h). */
bool mn_priv_teaches_child(struct mn_ctx *ctx, int64_t child_id);

/* Same as mn_parent_of (access.h). */
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
