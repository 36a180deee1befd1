/*
 * `mamnon export attendance` (the month's sheet of a class) and
 * `mamnon attendance save` (a class's attendance from a script).
 */
#ifndef MN_CLI_ATTENDANCE_H
#define MN_CLI_ATTENDANCE_H

#include "core/mn.h"

/*
 * mamnon export attendance --class CODE --month YYYY-MM --approval ID
 *     --format csv|xlsx [-o FILE]
 * argv[0] is "attendance".  CSV goes to standard output without -o.
 * ID is a principal's approval for the data kind "attendance".
 */
int cli_export_attendance(struct mn_ctx *ctx, int argc, char **argv);

/*
 * mamnon attendance save --class CODE --date YYYY-MM-DD
 *     [--absent CHILD:P|K ...] [--late CHILD ...]
 * argv[0] is "attendance", argv[1] "save".  Every child not named is
 * saved as present.
 */
int cli_attendance(struct mn_ctx *ctx, int argc, char **argv);

#endif
