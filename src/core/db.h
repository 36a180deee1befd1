/*
 * The database: opening with the pragmas every session needs, creating
 * it from the schema compiled into the binary, migrating older files,
 * and write transactions that retry while another session writes.
 */
#ifndef MN_CORE_DB_H
#define MN_CORE_DB_H

#include "core/mn.h"

/* Milliseconds a statement waits for another writer before giving up. */
#define MN_BUSY_TIMEOUT_MS 15000

/* The schema version this binary writes (PRAGMA user_version). */
int mn_schema_version(void);

/*
 * Creates a new database file at path from schema.sql.  Fails with
 * MN_ERR_EXISTS when the file already exists.
 */
int mn_db_create(const char *path, sqlite3 **out, struct mn_error *err);

/*
 * Opens an existing database read-write, sets WAL, foreign keys and the
 * busy timeout, and migrates it when its version is older than this
 * binary's.  A newer version, a missing file or a file that is not a
 * mamnon database is an error whose message names the fix.
 */
int mn_db_open(const char *path, sqlite3 **out, struct mn_error *err);
void mn_db_close(sqlite3 *db);

/*
 * Queues on the writer lock file, then BEGIN IMMEDIATE, so a write
 * transaction takes the database lock at its start and cannot fail
 * half-way because another session writes.
 */
int mn_tx_begin(sqlite3 *db, struct mn_error *err);

/* Milliseconds a transaction's start waits before the busy hook is called. */
#define MN_BUSY_NOTICE_MS 300

/*
 * Registers fn for db: mn_tx_begin calls fn(true, arg) once its wait for
 * another writer has lasted MN_BUSY_NOTICE_MS, and fn(false, arg) when
 * the wait ends, whether the transaction began or not.  A user interface
 * shows a notice with it; the core draws nothing.  fn NULL removes the
 * hook.  fn must not use db.
 */
void mn_db_busy_hook(sqlite3 *db, void (*fn)(bool waiting, void *arg),
    void *arg);

/*
 * Returns unused cache and free heap memory to the system; for a session
 * that waits for a key.  Costs a few page reads later, nothing else.
 */
void mn_db_release_memory(sqlite3 *db);
int mn_tx_commit(sqlite3 *db, struct mn_error *err);
void mn_tx_rollback(sqlite3 *db);

/*
 * Prepares sql, reporting a failure through err.  Callers finalize the
 * statement themselves.
 */
int mn_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **stmt,
    struct mn_error *err);

/* Fills err from the connection's last SQLite error. */
int mn_db_fail(sqlite3 *db, struct mn_error *err);

/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" in buf (21 bytes or more). */
void mn_now_utc(char *buf, size_t size);

/*
 * Steps st to its end, reading each row with read into a new zeroed
 * element of size elem, then finalizes st.  On success *out (for the
 * caller to free) and *count hold the rows; on failure nothing is kept.
 */
int mn_db_read_rows(sqlite3 *db, sqlite3_stmt *st, size_t elem,
    void (*read)(sqlite3_stmt *st, void *row), void **out, size_t *count,
    struct mn_error *err);

#endif
