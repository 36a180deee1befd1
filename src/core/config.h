/*
 * Settings read from mamnon.ini with iniparser.  Every key the program
 * knows is listed once in config.c with its type, default and range; an
 * unknown key, a bad value or a missing file is an error that names the
 * file, the section, the key and the expected form.
 */
#ifndef MN_CORE_CONFIG_H
#define MN_CORE_CONFIG_H

#include <limits.h>

#include "core/mn.h"

#define MN_CONFIG_DEFAULT_PATH "/etc/mamnon/mamnon.ini"

struct mn_config {
	char path[PATH_MAX];		/* file the settings came from */

	/* [database] */
	char db_path[PATH_MAX];		/* relative paths resolve against
					   the config file's folder */

	/* [school] */
	char school_name[256];
	char school_address[256];
	char timezone[64];		/* IANA name, Asia/Ho_Chi_Minh */

	/* [ui] */
	enum mn_lang language;
	unsigned idle_timeout;		/* seconds, 0 = never */

	/* [security] */
	unsigned max_failed_logins;	/* failures before a lock */
	unsigned lockout_time;		/* seconds */
	unsigned password_min_length;	/* characters */
	int ask_password_with_key;	/* 1: a key-bound login still asks */

	/* [log] */
	int log_facility;		/* syslog facility, LOG_LOCAL0 ... */

	/* [attendance] */
	unsigned attendance_edit_days;	/* days a teacher may still edit */

	/* [backup] */
	char backup_dir[PATH_MAX];
	unsigned backup_keep;
};

/* Fills cfg with the defaults documented in mamnon.ini(5). */
void mn_config_defaults(struct mn_config *cfg);

/*
 * Reads the file at path over the defaults.  Returns MN_ERR_INVALID or
 * MN_ERR_IO with a message naming file, section, key and expected form.
 */
int mn_config_load(struct mn_config *cfg, const char *path,
    struct mn_error *err);

/*
 * Picks the config path: the -c argument if given, else $MAMNON_CONFIG,
 * else MN_CONFIG_DEFAULT_PATH.
 */
const char *mn_config_path(const char *option);

/*
 * Parses "90s", "15m", "2h" or "1d" into seconds; a plain number is
 * rejected, except "0".  Returns 0, or -1 for bad text or overflow.
 */
int mn_parse_duration(const char *text, unsigned *seconds);

/* Makes the school's timezone the process's, so "today" is the school's. */
void mn_config_apply_timezone(const struct mn_config *cfg);

#endif
