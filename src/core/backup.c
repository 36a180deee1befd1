/*
 * Backups and restores through SQLite's online backup API.
 *
 * A backup copies every page under one read transaction, so in WAL mode
 * it is a consistent snapshot and writers carry on beside it.  A restore
 * copies the verified file into the live database through the same API,
 * inside one write transaction, so a crash half-way leaves the old
 * contents.  A file SQLite can read is never renamed, because a session
 * could still have it open.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/backup.h"
#include "core/config.h"
#include "core/db.h"

/* "MNMN", the PRAGMA application_id that db.c gives every database. */
#define APPLICATION_ID 0x4d4e4d4e

/* How long a backup step waits for a writer's checkpoint, in ms. */
#define STEP_WAIT_MS 30000
/* A restore waits this long for the other sessions to let go. */
#define RESTORE_BUSY_MS 2000

static int
open_db(const char *path, int flags, sqlite3 **db, struct mn_error *err)
{
	*db = NULL;
	if (sqlite3_open_v2(path, db, flags | SQLITE_OPEN_NOFOLLOW, NULL) !=
	    SQLITE_OK) {
		int rc = mn_fail(err, MN_ERR_IO, "path",
		    T("cannot open %s: %s", "không mở được %s: %s"), path,
		    *db ? sqlite3_errmsg(*db) : strerror(errno));
		sqlite3_close(*db);
		*db = NULL;
		return rc;
	}
	sqlite3_busy_timeout(*db, MN_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(*db, 1);
	return MN_OK;
}

/* Runs a statement returning one text value; *out is empty on no row. */
static int
query_text(sqlite3 *db, const char *sql, char *out, size_t size,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc = mn_prepare(db, sql, &stmt, err);

	if (rc != MN_OK)
		return rc;
	out[0] = '\0';
	switch (sqlite3_step(stmt)) {
	case SQLITE_ROW:
		if (sqlite3_column_text(stmt, 0) != NULL)
			snprintf(out, size, "%s",
			    (const char *)sqlite3_column_text(stmt, 0));
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = mn_db_fail(db, err);
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int
fsync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Makes a rename in the folder of path durable. */
static void
fsync_parent(const char *path)
{
	char dir[PATH_MAX];
	char *slash;

	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	fsync_path(dir, O_RDONLY | O_DIRECTORY);
}

/*
 * Copies every page of src's main database into dst's.  A busy or
 * locked step is retried, because a checkpoint may hold the file for a
 * moment.
 */
static int
copy_pages(sqlite3 *dst, sqlite3 *src, struct mn_error *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc, waited = 0;

	if (b == NULL)
		return mn_db_fail(dst, err);
	for (;;) {
		rc = sqlite3_backup_step(b, -1);
		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) ||
		    waited >= STEP_WAIT_MS)
			break;
		sqlite3_sleep(50);
		waited += 50;
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return mn_db_fail(dst, err);
	return MN_OK;
}

/* Writes a copy of src to a new file dest, through dest.tmp-PID. */
static int
copy_to_file(sqlite3 *src, const char *dest, mode_t mode,
    struct mn_error *err)
{
	char tmp[PATH_MAX + 32], mode_text[16];
	sqlite3 *dst;
	int rc;

	if (access(dest, F_OK) == 0)
		return mn_fail(err, MN_ERR_EXISTS, "file",
		    T("%s already exists; choose another file name",
		    "%s đã tồn tại; hãy chọn tên tệp khác"), dest);
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dest, (long)getpid());
	unlink(tmp);
	if ((rc = open_db(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	    &dst, err)) != MN_OK)
		return rc;
	if (chmod(tmp, mode) != 0) {
		rc = mn_fail(err, MN_ERR_IO, "file", "chmod %s: %s", tmp,
		    strerror(errno));
		goto fail;
	}
	if ((rc = copy_pages(dst, src, err)) != MN_OK)
		goto fail;
	/* A single file without -wal is simpler to copy off the host. */
	if ((rc = query_text(dst, "PRAGMA journal_mode = DELETE", mode_text,
	    sizeof mode_text, err)) != MN_OK)
		goto fail;
	if (sqlite3_close(dst) != SQLITE_OK) {
		dst = NULL;
		rc = mn_fail(err, MN_ERR_IO, "file",
		    T("cannot close %s", "không đóng được %s"), tmp);
		goto fail;
	}
	dst = NULL;
	if (fsync_path(tmp, O_RDONLY) != 0 || rename(tmp, dest) != 0) {
		rc = mn_fail(err, MN_ERR_IO, "file",
		    T("cannot write %s: %s", "không ghi được %s: %s"), dest,
		    strerror(errno));
		goto fail;
	}
	fsync_parent(dest);
	return MN_OK;
fail:
	sqlite3_close(dst);
	unlink(tmp);
	return rc;
}

int
mn_backup_file(const char *db_path, const char *dest, struct mn_error *err)
{
	sqlite3 *src;
	int rc;

	if (access(db_path, F_OK) != 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "path",
		    T("database %s not found; check [database] path",
		    "không thấy cơ sở dữ liệu %s; hãy kiểm tra [database] "
		    "path"), db_path);
	if ((rc = open_db(db_path, SQLITE_OPEN_READONLY, &src, err)) != MN_OK)
		return rc;
	rc = copy_to_file(src, dest, 0640, err);
	sqlite3_close(src);
	return rc;
}

/* True for names of the form mamnon-YYYYMMDD-HHMMSS.db, nothing else. */
static bool
is_backup_name(const char *name)
{
	const char *p = name + strlen(MN_BACKUP_PREFIX);

	if (strncmp(name, MN_BACKUP_PREFIX, strlen(MN_BACKUP_PREFIX)) != 0)
		return false;
	for (int i = 0; i < 15; i++, p++) {
		if (i == 8 ? *p != '-' : (*p < '0' || *p > '9'))
			return false;
	}
	return strcmp(p, MN_BACKUP_SUFFIX) == 0;
}

static int
filter_backup(const struct dirent *d)
{
	return is_backup_name(d->d_name);
}

/* Removes backups in dir beyond the newest keep; names sort by time. */
static int
prune(const char *dir, unsigned keep, struct mn_error *err)
{
	struct dirent **names;
	int n = scandir(dir, &names, filter_backup, alphasort);
	int rc = MN_OK;

	if (n < 0)
		return mn_fail(err, MN_ERR_IO, "dir", T("cannot read %s: %s",
		    "không đọc được %s: %s"), dir, strerror(errno));
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX * 2];

		if ((unsigned)(n - i) > keep) {
			snprintf(path, sizeof path, "%s/%s", dir,
			    names[i]->d_name);
			if (unlink(path) != 0 && rc == MN_OK)
				rc = mn_fail(err, MN_ERR_IO, "dir",
				    T("cannot remove old backup %s: %s",
				    "không xóa được bản sao lưu cũ %s: %s"),
				    path, strerror(errno));
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
mn_backup_run(const struct mn_config *cfg, const char *dest, char *out,
    size_t out_size, struct mn_error *err)
{
	char path[PATH_MAX * 2], stamp[32];
	int rc;

	if (dest != NULL) {
		snprintf(out, out_size, "%s", dest);
		return mn_backup_file(cfg->db_path, dest, err);
	}
	if (mkdir(cfg->backup_dir, 0750) != 0 && errno != EEXIST)
		return mn_fail(err, MN_ERR_IO, "dir",
		    T("cannot create the backup folder %s: %s; check [backup] "
		    "dir", "không tạo được thư mục sao lưu %s: %s; hãy kiểm "
		    "tra [backup] dir"), cfg->backup_dir, strerror(errno));
	/* Two backups in one second would share a name: wait for the next. */
	for (int tries = 0; tries < 3; tries++) {
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
		snprintf(path, sizeof path, "%s/%s%s%s", cfg->backup_dir,
		    MN_BACKUP_PREFIX, stamp, MN_BACKUP_SUFFIX);
		if (access(path, F_OK) != 0)
			break;
		sleep(1);
	}
	snprintf(out, out_size, "%s", path);
	if ((rc = mn_backup_file(cfg->db_path, path, err)) != MN_OK)
		return rc;
	return prune(cfg->backup_dir, cfg->backup_keep, err);
}

/* Fails unless PRAGMA integrity_check returns the single row "ok". */
static int
check_integrity(sqlite3 *db, const char *path, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char first[256] = "";
	int rows = 0, rc;

	if ((rc = mn_prepare(db, "PRAGMA integrity_check", &stmt, err)) !=
	    MN_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (rows++ == 0)
			snprintf(first, sizeof first, "%s",
			    (const char *)sqlite3_column_text(stmt, 0));
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return mn_fail(err, MN_ERR_INVALID, "file",
		    T("%s failed the integrity check: %s",
		    "%s không qua kiểm tra toàn vẹn: %s"), path,
		    sqlite3_errmsg(db));
	if (rows != 1 || strcmp(first, "ok") != 0)
		return mn_fail(err, MN_ERR_INVALID, "file",
		    T("%s failed the integrity check (%d problems, first: %s)",
		    "%s không qua kiểm tra toàn vẹn (%d lỗi, lỗi đầu: %s)"),
		    path, rows, first);
	return MN_OK;
}

static int
check_foreign_keys(sqlite3 *db, const char *path, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rows = 0, rc;
	char table[128] = "";

	if ((rc = mn_prepare(db, "PRAGMA foreign_key_check", &stmt, err)) !=
	    MN_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (rows++ == 0)
			snprintf(table, sizeof table, "%s",
			    (const char *)sqlite3_column_text(stmt, 0));
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return mn_db_fail(db, err);
	if (rows > 0)
		return mn_fail(err, MN_ERR_INVALID, "file",
		    T("%s has %d rows pointing at missing records (first in "
		    "table %s)", "%s có %d dòng trỏ tới bản ghi không còn (đầu "
		    "tiên ở bảng %s)"), path, rows, table);
	return MN_OK;
}

static int
check_version(sqlite3 *db, const char *path, struct mn_error *err)
{
	char text[32];
	long app, version;
	int rc;

	if ((rc = query_text(db, "PRAGMA application_id", text, sizeof text,
	    err)) != MN_OK)
		return rc;
	app = strtol(text, NULL, 10);
	if ((rc = query_text(db, "PRAGMA user_version", text, sizeof text,
	    err)) != MN_OK)
		return rc;
	version = strtol(text, NULL, 10);
	if (app != APPLICATION_ID)
		return mn_fail(err, MN_ERR_INVALID, "file",
		    T("%s is not a mamnon database", "%s không phải cơ sở dữ "
		    "liệu của mamnon"), path);
	if (version < 1 || version > mn_schema_version())
		return mn_fail(err, MN_ERR_INVALID, "file",
		    T("%s has schema version %ld; this program reads 1 to %d",
		    "%s có phiên bản lược đồ %ld; chương trình này đọc được từ "
		    "1 đến %d"), path, version, mn_schema_version());
	return MN_OK;
}

int
mn_backup_verify(const char *path, struct mn_error *err)
{
	sqlite3 *db;
	int rc;

	if (access(path, R_OK) != 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "file",
		    T("cannot read %s: %s", "không đọc được %s: %s"), path,
		    strerror(errno));
	if ((rc = open_db(path, SQLITE_OPEN_READONLY, &db, err)) != MN_OK)
		return rc;
	if ((rc = check_version(db, path, err)) == MN_OK &&
	    (rc = check_integrity(db, path, err)) == MN_OK)
		rc = check_foreign_keys(db, path, err);
	sqlite3_close(db);
	if (rc == MN_ERR_DB && err != NULL) {
		char detail[sizeof err->message];

		snprintf(detail, sizeof detail, "%s", err->message);
		rc = mn_fail(err, MN_ERR_INVALID, "file",
		    T("%s cannot be read as a mamnon database (%s)",
		    "%s không đọc được như cơ sở dữ liệu mamnon (%s)"), path,
		    detail);
	}
	return rc;
}

static void
timestamp(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(buf, size, "%Y%m%d-%H%M%S", &tm);
}

/*
 * Moves a database that SQLite cannot open, with its -wal, -shm and
 * -journal, to kept, then installs a copy of src in its place.  The
 * side files move too, because SQLite pairs them with a file by name.
 */
static int
replace_unreadable(const char *db_path, sqlite3 *src, const char *kept,
    struct mn_error *err)
{
	static const char *const sides[] = { "-wal", "-shm", "-journal" };
	char from[PATH_MAX + 16], to[PATH_MAX * 2 + 48];

	if (rename(db_path, kept) != 0)
		return mn_fail(err, MN_ERR_IO, "path",
		    T("cannot rename %s: %s", "không đổi tên được %s: %s"),
		    db_path, strerror(errno));
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		snprintf(from, sizeof from, "%s%s", db_path, sides[i]);
		snprintf(to, sizeof to, "%s%s", kept, sides[i]);
		if (access(from, F_OK) == 0 && rename(from, to) != 0)
			return mn_fail(err, MN_ERR_IO, "path",
			    T("cannot rename %s: %s",
			    "không đổi tên được %s: %s"), from,
			    strerror(errno));
	}
	return copy_to_file(src, db_path, 0660, err);
}

/*
 * Takes the live database for this connection alone.  Leaving WAL mode
 * needs every other connection closed, so failing with SQLITE_BUSY means
 * a session still has the file open.  MN_ERR_INVALID means the file is
 * not a database SQLite can read.
 */
static int
take_offline(sqlite3 *live, const char *db_path, struct mn_error *err)
{
	char mode[16];
	int rc, code;

	sqlite3_busy_timeout(live, RESTORE_BUSY_MS);
	if (sqlite3_exec(live, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL,
	    NULL) != SQLITE_OK)
		return mn_db_fail(live, err);
	rc = query_text(live, "PRAGMA journal_mode = DELETE", mode,
	    sizeof mode, err);
	if (rc == MN_OK && strcmp(mode, "delete") == 0 &&
	    sqlite3_exec(live, "BEGIN EXCLUSIVE; COMMIT", NULL, NULL,
	    NULL) == SQLITE_OK)
		return MN_OK;
	code = sqlite3_errcode(live) & 0xff;
	if (rc != MN_OK && (code == SQLITE_NOTADB || code == SQLITE_CORRUPT))
		return MN_ERR_INVALID;
	if (rc == MN_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return mn_fail(err, MN_ERR_LOCKED, "path",
		    T("%s is open in another session; restore is done with "
		    "nobody logged in: block logins, end the running mamnon "
		    "sessions and try again", "%s đang được phiên khác mở; "
		    "chỉ khôi phục khi không ai đăng nhập: hãy chặn đăng nhập, "
		    "kết thúc các phiên mamnon đang chạy rồi thử lại"),
		    db_path);
	return rc;
}

int
mn_restore(const struct mn_config *cfg, const char *src_path, char *kept,
    size_t kept_size, struct mn_error *err)
{
	const char *db_path = cfg->db_path;
	sqlite3 *src = NULL, *live = NULL;
	char stamp[32], keep_path[PATH_MAX + 48] = "";
	int rc;

	kept[0] = '\0';
	if ((rc = mn_backup_verify(src_path, err)) != MN_OK)
		return rc;
	if ((rc = open_db(src_path, SQLITE_OPEN_READONLY, &src, err)) != MN_OK)
		return rc;
	if (access(db_path, F_OK) != 0) {
		rc = copy_to_file(src, db_path, 0660, err);
		goto done;
	}
	timestamp(stamp, sizeof stamp);
	snprintf(keep_path, sizeof keep_path, "%s.replaced-%s", db_path,
	    stamp);
	if (access(keep_path, F_OK) == 0) {
		rc = mn_fail(err, MN_ERR_EXISTS, "path",
		    T("%s already exists; wait a second and try again",
		    "%s đã tồn tại; hãy đợi một giây rồi thử lại"), keep_path);
		keep_path[0] = '\0';
		goto done;
	}
	if ((rc = open_db(db_path, SQLITE_OPEN_READWRITE, &live, err)) !=
	    MN_OK)
		goto done;
	rc = take_offline(live, db_path, err);
	if (rc == MN_ERR_INVALID) {
		/* Not a database SQLite can read: move it aside whole. */
		sqlite3_close(live);
		live = NULL;
		rc = replace_unreadable(db_path, src, keep_path, err);
		goto done;
	}
	if (rc != MN_OK)
		goto done;
	if ((rc = copy_to_file(live, keep_path, 0640, err)) != MN_OK)
		goto done;
	if ((rc = copy_pages(live, src, err)) != MN_OK)
		goto done;
	if (sqlite3_exec(live, "PRAGMA journal_mode = WAL", NULL, NULL,
	    NULL) != SQLITE_OK)
		rc = mn_db_fail(live, err);
done:
	sqlite3_close(live);
	sqlite3_close(src);
	if (keep_path[0] != '\0' && access(keep_path, F_OK) == 0)
		snprintf(kept, kept_size, "%s", keep_path);
	if (rc == MN_OK)
		rc = mn_backup_verify(db_path, err);
	return rc;
}
