/*
 * `mamnon zscore`: WHO growth z-scores of one measurement, computed
 * without a configuration file or a database.
 */
#ifndef MN_CLI_ZSCORE_H
#define MN_CLI_ZSCORE_H

/*
 * Runs the command; argv[0] is the subcommand name.  Returns the exit
 * status: 0 on success, 2 on bad usage.
 */
int cli_zscore(int argc, char **argv);

#endif
