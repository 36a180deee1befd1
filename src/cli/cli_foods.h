/*
 * `mamnon import foods` and `mamnon export menu|nutrition|market|mealfees`.
 */
#ifndef MN_CLI_FOODS_H
#define MN_CLI_FOODS_H

#include "core/mn.h"

/*
 * mamnon import foods FILE.csv [--dry-run].  argv[0] is "foods".
 * Returns the exit status: 0 done, 1 rejected or failed, 2 bad usage.
 */
int cli_import_foods(struct mn_ctx *ctx, int argc, char **argv);

/*
 * mamnon export WHAT ...; what is "menu", "nutrition", "market" or
 * "mealfees" and argv[0] is that same word.  Returns the exit status.
 */
int cli_export_kitchen(struct mn_ctx *ctx, const char *what, int argc,
    char **argv);

#endif
