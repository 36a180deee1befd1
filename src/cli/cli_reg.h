/*
 * `mamnon export` and `mamnon import`: register files on the command
 * line.  argv[0] is the subject ("children", ...); the return value is
 * the process exit status.
 */
#ifndef MN_CLI_CLI_REG_H
#define MN_CLI_CLI_REG_H

#include "core/mn.h"

int cli_export(struct mn_ctx *ctx, int argc, char **argv);
int cli_import(struct mn_ctx *ctx, int argc, char **argv);

#endif
