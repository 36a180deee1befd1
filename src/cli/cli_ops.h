/*
 * Host operations (backup, restore, check), exports fetched with a
 * one-time code (get, give) and the SSH entry point that sshd's
 * ForceCommand runs.
 */
#ifndef MN_CLI_CLI_OPS_H
#define MN_CLI_CLI_OPS_H

#include "core/mn.h"

/* mamnon backup [-o FILE]; needs the configuration, not an open db. */
int cli_backup(struct mn_ctx *ctx, int argc, char **argv);
/* mamnon restore FILE; needs the configuration and the db closed. */
int cli_restore(struct mn_ctx *ctx, int argc, char **argv);
/* mamnon check; needs the configuration, not an open db. */
int cli_check(struct mn_ctx *ctx, int argc, char **argv);
/* mamnon get CODE > FILE; needs the db open (for the audit row). */
int cli_get(struct mn_ctx *ctx, int argc, char **argv);
/*
 * Sends the export for code to standard output; with expect_login set,
 * only an export made for that login.  ctx->db must be open.
 */
int cli_get_code(struct mn_ctx *ctx, const char *code,
    const char *expect_login);
/* mamnon give LOGIN FILE [--name NAME]; needs the db open. */
int cli_give(struct mn_ctx *ctx, int argc, char **argv);

/*
 * mamnon --ssh, the command sshd forces: with SSH_ORIGINAL_COMMAND
 * "get CODE" it sends that export, with no command it opens the
 * terminal interface, and any other command (scp, sftp, rsync, a shell
 * command) is rejected with exit status 1.  login_hint comes from
 * --login; without it the login bound to the SSH key is looked up.
 * ctx->cfg must be loaded and ctx->db closed.
 */
int cli_ssh_entry(struct mn_ctx *ctx, const char *login_hint);

/*
 * True when the terminfo entry for name can address the cursor, as the
 * screens need.  "dumb" and "unknown" exist in ncurses's database but
 * cannot.
 */
bool cli_terminal_usable(const char *name);

#endif
