/*
 * `mamnon export` and `mamnon import`: register files on the command
 * line.  argv[0] is the command name and argv[1] the subject
 * ("children", ...).  The return value is the exit status of cli.h.
 */
#ifndef MN_CLI_CLI_REG_H
#define MN_CLI_CLI_REG_H

#include "core/mn.h"

int cli_export(struct mn_ctx *ctx, int argc, char **argv);
int cli_import(struct mn_ctx *ctx, int argc, char **argv);

#endif
