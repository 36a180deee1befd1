/*
 * The command line: `mamnon SUBCOMMAND`.  Each group of subcommands has
 * its own file; all of them call the same core functions as the TUI.
 * Exit status: 0 success, 1 failure, 2 bad usage.  Errors go to stderr.
 */
#ifndef MN_CLI_CLI_H
#define MN_CLI_CLI_H

#include "core/mn.h"

#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2

/* Prints "mamnon: MESSAGE" to stderr and returns CLI_FAIL. */
int cli_error(const struct mn_error *err);
/* Prints a usage error and the hint to run --help; returns CLI_USAGE. */
int cli_usage(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Reads one line (the password) from standard input into a malloc'd
 * string without its line end.  NULL with a message when there is none.
 */
char *cli_read_password(void);

/* Subcommands that work on an open database. */
int cli_init(struct mn_ctx *ctx, int argc, char **argv);
int cli_user(struct mn_ctx *ctx, int argc, char **argv);
int cli_demo(struct mn_ctx *ctx, int argc, char **argv);
int cli_approval(struct mn_ctx *ctx, int argc, char **argv);
int cli_audit(struct mn_ctx *ctx, int argc, char **argv);
int cli_parent(struct mn_ctx *ctx, int argc, char **argv);
int cli_promote(struct mn_ctx *ctx, int argc, char **argv);

/* Runs the subcommand in argv[0]; ctx has cfg loaded, db closed. */
int cli_dispatch(struct mn_ctx *ctx, int argc, char **argv);
/* True when name is a subcommand. */
bool cli_command_known(const char *name);
/* True when name is a subcommand that needs no configuration. */
bool cli_needs_no_config(const char *name);

#endif
