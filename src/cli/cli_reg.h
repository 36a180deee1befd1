/*
 * `mamnon export` and `mamnon import`: register files on the command
 * line.  argv[0] is the command name and argv[1] the subject
 * ("children", ...).  The return value is the exit status of cli.h.
 */
#ifndef MN_CLI_CLI_REG_H
#define MN_CLI_CLI_REG_H

#include "core/mn.h"

struct mn_export_request;

int cli_export(struct mn_ctx *ctx, int argc, char **argv);
/*
 * Writes the export req describes to output, or with output NULL to
 * standard output through a temporary file; see mn_export_write.
 */
int cli_export_file(struct mn_ctx *ctx, const struct mn_export_request *req,
    const char *output, struct mn_error *err);
int cli_import(struct mn_ctx *ctx, int argc, char **argv);

#endif
