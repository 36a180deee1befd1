/*
 * `mamnon dish list|show` and `mamnon price list|set`.
 */
#ifndef MN_CLI_KITCHEN_H
#define MN_CLI_KITCHEN_H

#include "core/mn.h"

/*
 * mamnon dish list | mamnon dish show NAME.  argv[0] is "dish".
 * Returns the exit status: 0 done, 1 failed, 2 bad usage.
 */
int cli_dish(struct mn_ctx *ctx, int argc, char **argv);

/*
 * mamnon price list CODE | mamnon price set CODE YYYY-MM-DD DONG.
 * argv[0] is "price".  Returns the exit status as cli_dish does.
 */
int cli_price(struct mn_ctx *ctx, int argc, char **argv);

#endif
