/*
 * Accounts and logins: yescrypt hashes through libxcrypt, constant-time
 * verification that takes as long for an unknown login as for a known
 * one, failure counting per account and client address, lockout, forced
 * password change, and the admin's account management.
 */
#ifndef MN_CORE_ACCOUNT_H
#define MN_CORE_ACCOUNT_H

#include "core/mn.h"

struct mn_account {
	int64_t id;
	char login[33];
	char full_name[256];
	unsigned roles;
	bool must_change_password;
	bool locked;		/* locked by the admin */
	char created_at[24];
	char last_login_at[24];
	int64_t version;
};

/* Hashes password with yescrypt; *hash is malloc'd. */
int mn_password_hash(const char *password, char **hash,
    struct mn_error *err);
/* Verifies in time independent of where the strings differ. */
bool mn_password_verify(const char *password, const char *hash);
/* Checks length and content rules for a new password. */
int mn_password_check(const struct mn_config *cfg, const char *password,
    struct mn_error *err);

/*
 * Logs in: on success fills ctx->actor and acct.  Failures are counted
 * per account and ctx->actor.source, slow down, and lock that pair for
 * lockout_time after max_failed_logins.  Every outcome goes to syslog
 * (auth facility) and to the audit trail.  Returns MN_ERR_AUTH for a
 * wrong login or password (the same message for both) and MN_ERR_LOCKED
 * when locked.
 */
int mn_login(struct mn_ctx *ctx, const char *login, const char *password,
    struct mn_account *acct, struct mn_error *err);

/*
 * Returns MN_OK while the actor's account exists and is not locked by
 * the admin, else MN_ERR_LOCKED with a message.  Sessions call it as
 * they go, so a lock takes effect in sessions already open.
 */
int mn_account_check_active(struct mn_ctx *ctx, struct mn_error *err);

/* Records a logout of ctx->actor. */
void mn_logout(struct mn_ctx *ctx);

/* Changes the actor's own password and clears the forced-change flag. */
int mn_password_change(struct mn_ctx *ctx, const char *new_password,
    struct mn_error *err);

/*
 * Inserts an account with its roles and audit row inside the caller's
 * transaction, without the access check: for core modules whose own
 * rules allow creating an account (a teacher making a parent account).
 * full_name must be cleaned and hash made by mn_password_hash.
 */
int mn_account_insert(struct mn_ctx *ctx, const char *login, unsigned roles,
    const char *full_name, const char *hash, const char *detail,
    int64_t *id, struct mn_error *err);

/* Creates an account; the password must be changed at first login. */
int mn_account_add(struct mn_ctx *ctx, const char *login, unsigned roles,
    const char *full_name, const char *password, int64_t *id,
    struct mn_error *err);

/*
 * Calls fn for each account in login order.  Needs MN_ACT_ACCOUNT_LIST.
 */
int mn_account_list(struct mn_ctx *ctx,
    int (*fn)(const struct mn_account *acct, void *arg), void *arg,
    struct mn_error *err);

int mn_account_get(struct mn_ctx *ctx, const char *login,
    struct mn_account *acct, struct mn_error *err);

/* Sets a new password chosen by the admin; forces a change at login. */
int mn_account_set_password(struct mn_ctx *ctx, const char *login,
    const char *password, struct mn_error *err);

/* Changes roles and full name; version must match the stored row. */
int mn_account_update(struct mn_ctx *ctx, const char *login,
    unsigned roles, const char *full_name, int64_t version,
    struct mn_error *err);

/*
 * Clears the forced password change of a new account whose password
 * its own user chose (the first admin, demo accounts); reason goes to
 * the audit trail.
 */
int mn_account_keep_password(struct mn_ctx *ctx, int64_t id,
    const char *reason, struct mn_error *err);

/* Locks or unlocks; unlocking also clears failure counts and lockouts. */
int mn_account_set_locked(struct mn_ctx *ctx, const char *login,
    bool locked, struct mn_error *err);

/*
 * Fills a from a row whose first eight columns are id, login, full_name,
 * must_change_password, locked, created_at, last_login_at, version.
 */
void mn_account_read_row(sqlite3 *db, sqlite3_stmt *stmt,
    struct mn_account *a);

/* Sets ctx->actor.source from SSH_CONNECTION, or "local". */
void mn_actor_set_source(struct mn_actor *actor);

/* Makes ctx->actor the host administrator, named after the Unix user. */
void mn_actor_set_host(struct mn_actor *actor);

#endif
