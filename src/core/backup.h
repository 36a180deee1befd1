/*
 * Backups, restores and the host check of the database file.
 *
 * A backup is a copy made with SQLite's online backup API: it reads one
 * consistent snapshot while other sessions keep writing.  A restore is an
 * offline operation: it refuses while any other connection has the
 * database open, verifies the file it installs, and keeps the file it
 * replaces beside the database under a name with the date and time.
 */
#ifndef MN_CORE_BACKUP_H
#define MN_CORE_BACKUP_H

#include "core/mn.h"

struct mn_config;

/* Backup file names: mamnon-YYYYMMDD-HHMMSS.db in [backup] dir. */
#define MN_BACKUP_PREFIX "mamnon-"
#define MN_BACKUP_SUFFIX ".db"

/*
 * Copies the database at db_path into a new file at dest (which must not
 * exist) through a temporary file beside it, so dest is either complete
 * or absent.  The copy is a single file in rollback-journal mode with
 * mode 0640.
 */
int mn_backup_file(const char *db_path, const char *dest,
    struct mn_error *err);

/*
 * Backs up cfg->db_path.  With dest NULL the file is named after the
 * current local time in cfg->backup_dir (created 0750 when missing) and
 * backups there beyond the newest cfg->backup_keep are removed.  The
 * written path goes to out.
 */
int mn_backup_run(const struct mn_config *cfg, const char *dest, char *out,
    size_t out_size, struct mn_error *err);

/*
 * Verifies that path is a mamnon database this binary can open: readable,
 * application_id, schema version not newer than mn_schema_version(),
 * PRAGMA integrity_check and foreign_key_check clean.
 */
int mn_backup_verify(const char *path, struct mn_error *err);

/*
 * Replaces cfg->db_path with a verified copy of src.  Fails with
 * MN_ERR_LOCKED while another connection has the database open.  The
 * replaced file is renamed to DB.replaced-YYYYMMDD-HHMMSS and that name
 * goes to kept (empty when there was no database).
 */
int mn_restore(const struct mn_config *cfg, const char *src, char *kept,
    size_t kept_size, struct mn_error *err);

/* One finding of mn_check: a problem and the command that fixes it. */
struct mn_check_item {
	bool ok;
	char what[512];		/* what was checked, or what is wrong */
	char fix[512];		/* a shell command or advice, may be empty */
};

/*
 * Checks the database file, its -wal and -shm, its folder and the backup
 * folder for permissions beyond owner and group, then the database's
 * integrity, foreign keys, application_id and schema version.  Calls fn
 * for each finding and returns the number of problems found.
 */
int mn_check(const struct mn_config *cfg,
    void (*fn)(const struct mn_check_item *item, void *arg), void *arg);

#endif
