/*
 * `mamnon export growth`: a measuring round's report as CSV or XLSX.
 */
#ifndef MN_CLI_CLI_GROWTH_H
#define MN_CLI_CLI_GROWTH_H

#include "core/mn.h"

/* argv[0] is "growth"; needs the database open and the actor set. */
int cli_export_growth(struct mn_ctx *ctx, int argc, char **argv);

#endif
