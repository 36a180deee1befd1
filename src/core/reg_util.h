/*
 * Helpers shared by the register modules (calendar, classes, children,
 * staff, import and export): input cleaning into fixed buffers, role
 * and scope tests, date binding and audit JSON.  Other modules use the
 * public functions of registers.h instead.
 */
#ifndef MN_CORE_REG_UTIL_H
#define MN_CORE_REG_UTIL_H

#include "core/date.h"
#include "core/mn.h"

/*
 * Cleans in with mn_text_clean into out.  Text longer than max_chars or
 * than out is MN_ERR_INVALID naming field.
 */
int mn_reg_clean(const char *in, const char *field, size_t max_chars,
    char *out, size_t size, struct mn_error *err);
/* Cleans and checks a person's name, allowing "" unless required. */
int mn_reg_name(const char *in, const char *field, bool required,
    char *out, size_t size, struct mn_error *err);
/* Normalises a Vietnamese phone number, leaving "" as it is. */
int mn_reg_phone(const char *in, const char *field, char *out, size_t size,
    struct mn_error *err);
/*
 * Checks a 12-digit personal ID against birth year and sex.  Returns
 * MN_OK, MN_ERR_INVALID for a malformed ID, or MN_REG_MISMATCH when the
 * digits disagree with the record or name an unknown province.
 */
#define MN_REG_MISMATCH 1000
int mn_reg_personal_id(const char *id, int birth_year, bool female,
    const char *field, struct mn_error *err);

/* True for the principal and the host administrator. */
bool mn_reg_is_principal(const struct mn_actor *actor);
/*
 * True when the actor's scope is limited to the classes they teach,
 * that is a teacher without any role that covers the whole school.
 */
bool mn_reg_class_scoped(const struct mn_actor *actor);
/* True when the actor's account is a teacher of the class. */
bool mn_reg_teaches(struct mn_ctx *ctx, int64_t class_id);
/*
 * Writes into out the class code as stored that matches typed without
 * regard to case or surrounding blanks ("mg5a " gives "MG5A"),
 * preferring an exact match, then the newest school year.  Returns
 * MN_ERR_NOTFOUND, with the trimmed text in out, when no class has the
 * code.  No access check: codes are not private, and the caller checks
 * access to the class it then reads.
 */
int mn_class_code_stored(struct mn_ctx *ctx, const char *typed, char *out,
    size_t size);
/* Fills err with the "not allowed" message and audits the refusal. */
int mn_reg_denied(struct mn_ctx *ctx, const char *what, struct mn_error *err);

/* Binds "YYYY-MM-DD", or NULL when d->year is 0. */
int mn_reg_bind_date(sqlite3_stmt *st, int idx, const struct mn_date *d);
/* Reads a "YYYY-MM-DD" column; NULL or bad text gives year 0. */
void mn_reg_column_date(sqlite3_stmt *st, int col, struct mn_date *d);
/* Copies a text column into buf ("" for NULL). */
void mn_reg_column_text(sqlite3_stmt *st, int col, char *buf, size_t size);

/*
 * Runs sql, a "SELECT json_object(...) ... WHERE id = ?1", for id and
 * returns the JSON text (malloc'd) or NULL when the row does not exist.
 */
char *mn_reg_row_json(sqlite3 *db, const char *sql, int64_t id);

/* Ends a write: commits when rc is MN_OK, else rolls back; returns rc. */
int mn_reg_finish(struct mn_ctx *ctx, int rc, struct mn_error *err);

struct mn_child;

/*
 * Checks a new child as mn_child_add does (access, fields, duplicates)
 * without writing; cleans c in place.
 */
int mn_child_check_new(struct mn_ctx *ctx, struct mn_child *c,
    unsigned flags, struct mn_error *err);
/*
 * Inserts a child checked by mn_child_check_new with its class stay,
 * first status event, policies and audit row, inside the caller's
 * transaction.
 */
int mn_child_insert_checked(struct mn_ctx *ctx, struct mn_child *c,
    struct mn_error *err);
/* Writes a status change inside the caller's transaction. */
int mn_child_status_write(struct mn_ctx *ctx, int64_t child_id,
    const char *status, const struct mn_date *day, const char *reason,
    struct mn_error *err);

struct mn_staff;

/* Checks a new staff member as mn_staff_add does, without writing. */
int mn_staff_check_new(struct mn_ctx *ctx, struct mn_staff *s,
    struct mn_error *err);
/* Inserts a checked staff member and its audit row, inside the caller's
 * transaction. */
int mn_staff_insert_checked(struct mn_ctx *ctx, struct mn_staff *s,
    struct mn_error *err);

struct mn_class;

/* Checks a new class as mn_class_add does, without writing. */
int mn_class_check_new(struct mn_ctx *ctx, struct mn_class *c,
    struct mn_error *err);
/* Inserts a checked class and its audit row, inside the caller's
 * transaction. */
int mn_class_insert_checked(struct mn_ctx *ctx, struct mn_class *c,
    struct mn_error *err);

struct mn_school_year;

/* Finds the school year by name, or the current one when name is NULL. */
int mn_reg_resolve_year(struct mn_ctx *ctx, const char *name,
    struct mn_school_year *y, struct mn_error *err);
/* Ethnic group name for a code ("01" gives "Kinh"). */
int mn_reg_ethnicity_name(struct mn_ctx *ctx, const char *code, char *buf,
    size_t size);
/* Code for a name, alias or code, compared after folding. */
int mn_reg_ethnicity_parse(struct mn_ctx *ctx, const char *text, char *code,
    size_t size);
/* Labels separated by "; " for codes separated by ','. */
int mn_reg_policies_format(struct mn_ctx *ctx, const char *codes, char *buf,
    size_t size);
/*
 * Codes separated by ',' for labels or codes separated by ';'; an
 * unknown entry is MN_ERR_INVALID with it copied into bad.
 */
int mn_reg_policies_parse(struct mn_ctx *ctx, const char *text, char *codes,
    size_t size, char *bad, size_t bad_size);

#endif
