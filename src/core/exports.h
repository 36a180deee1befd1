/*
 * Exported files waiting to be fetched over SSH with a one-time code.
 *
 * The forced command blocks scp and sftp, so an export made in the
 * program is stored in the export folder (the folder "exports" beside
 * the database) under a random code, and the user runs
 * `ssh HOST get CODE > FILE` from any OpenSSH client.  The code is the
 * capability: any client that presents it gets that one file, once, within
 * MN_EXPORT_TTL.  Codes are only shown to the account that made the
 * export, so an account only ever receives its own exports.
 *
 * Layout: exports/CODE/meta (account_id, login, name, created, expires
 * as key=value lines) and exports/CODE/data.  Fetching renames
 * exports/CODE away first, so two fetches of one code cannot both win.
 */
#ifndef MN_CORE_EXPORTS_H
#define MN_CORE_EXPORTS_H

#include <limits.h>
#include <sys/types.h>

#include "core/mn.h"

struct mn_config;

/* Seconds a code stays valid. */
#define MN_EXPORT_TTL (24 * 60 * 60)
/* Characters of a code, not counting the dashes of its shown form. */
#define MN_EXPORT_CODE_LEN 12
/* Room for a code as shown: "ABCD-EFGH-JKLM" and its NUL. */
#define MN_EXPORT_CODE_SIZE 16

/* An export being written; filled by mn_export_begin. */
struct mn_export {
	char dir[PATH_MAX];		/* staging folder, not yet visible */
	char path[PATH_MAX + 8];	/* the file the caller writes */
	char name[128];			/* file name suggested to the user */
	int64_t account_id;		/* the account the export is for */
	char login[64];
};

/* Writes the export folder's path (DBDIR/exports) into buf. */
void mn_export_root(const struct mn_config *cfg, char *buf, size_t size);

/*
 * Starts an export named name for the account account_id/login.  Only
 * the host administrator may start one for another account.  The caller
 * writes ex->path, then calls mn_export_finish or mn_export_abort.
 * Characters of name outside [A-Za-z0-9._-] become '_'.
 */
int mn_export_begin(struct mn_ctx *ctx, int64_t account_id,
    const char *login, const char *name, struct mn_export *ex,
    struct mn_error *err);

/*
 * Publishes the export under a new code, shown as "ABCD-EFGH-JKLM" in
 * code (MN_EXPORT_CODE_SIZE bytes), and records an "export" audit row.
 */
int mn_export_finish(struct mn_ctx *ctx, struct mn_export *ex, char *code,
    size_t code_size, struct mn_error *err);

/* Removes an export that was begun but not finished. */
void mn_export_abort(struct mn_export *ex);

/* Starts, copies src_path into, and finishes an export in one call. */
int mn_export_add_file(struct mn_ctx *ctx, int64_t account_id,
    const char *login, const char *src_path, const char *name, char *code,
    size_t code_size, struct mn_error *err);

/*
 * Redeems code: writes the export's bytes to fd, deletes the export and
 * records a "download" audit row as the export's account.  With
 * expect_login set, a code made for another account is rejected and
 * stays valid.  When writing fails the code stays valid too and *bytes
 * is 0; otherwise *bytes is the size sent, even when only the audit row
 * failed.  name gets the suggested file name.
 */
int mn_export_redeem(struct mn_ctx *ctx, const char *code,
    const char *expect_login, int fd, char *name, size_t name_size,
    off_t *bytes, struct mn_error *err);

/*
 * Deletes expired exports and stale half-written or half-fetched ones.
 * Returns the number removed.
 */
int mn_export_purge(const struct mn_config *cfg);

#endif
