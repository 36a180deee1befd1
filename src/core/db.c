/*
 * Opening, creating and migrating the database, and write transactions.
 *
 * The schema comes from schema.sql, compiled in as mn_schema_sql.  It is
 * a list of steps opened by "-- @version N" lines; see the file's header.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/db.h"

extern const char mn_schema_sql[];

/* "MNMN": marks a file as a mamnon database for PRAGMA application_id. */
#define MN_APPLICATION_ID 0x4d4e4d4e

#define STEP_MARK "-- @version "

/*
 * The writer queue.  SQLite's busy handler lets a waiting writer sleep
 * and retry, so under a steady stream of saves one writer can lose
 * every retry and wait for many seconds.  Taking an exclusive flock(2)
 * on "DB-writer" before BEGIN IMMEDIATE makes waiting writers sleep in
 * the kernel instead, and each is woken when the lock is released.  The
 * lock belongs to the open file, so a crashed process releases it.
 * A connection whose lock file cannot be opened (a read-only folder)
 * simply writes without the queue.
 */
#define MAX_QUEUED_CONNECTIONS 32

static struct {
	sqlite3 *db;
	int fd;
} writer_locks[MAX_QUEUED_CONNECTIONS];

static void
writer_queue_open(sqlite3 *db, const char *path)
{
	char lock[PATH_MAX];
	int fd;

	if (snprintf(lock, sizeof lock, "%s-writer", path) >=
	    (int)sizeof lock)
		return;
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0660);
	if (fd < 0)
		return;
	for (size_t i = 0; i < MAX_QUEUED_CONNECTIONS; i++)
		if (writer_locks[i].db == NULL) {
			writer_locks[i].db = db;
			writer_locks[i].fd = fd;
			return;
		}
	close(fd);
}

static int
writer_queue_fd(sqlite3 *db)
{
	for (size_t i = 0; i < MAX_QUEUED_CONNECTIONS; i++)
		if (writer_locks[i].db == db)
			return writer_locks[i].fd;
	return -1;
}

static void
writer_queue_close(sqlite3 *db)
{
	for (size_t i = 0; i < MAX_QUEUED_CONNECTIONS; i++)
		if (writer_locks[i].db == db) {
			close(writer_locks[i].fd);
			writer_locks[i].db = NULL;
			writer_locks[i].fd = -1;
		}
}

static void
writer_queue_release(sqlite3 *db)
{
	int fd = writer_queue_fd(db);

	if (fd >= 0)
		flock(fd, LOCK_UN);
}

/*
 * The busy hook: a function a user interface registers, called when a
 * write transaction has waited MN_BUSY_NOTICE_MS for another writer and
 * again when the wait ends, so the interface can show a notice.  A write
 * waits in two places.  One is the writer queue's flock.  The other is
 * SQLite's busy handler, when a process outside the queue (the sqlite3
 * shell, a backup) has the database's write lock.
 */
struct busy_hook {
	sqlite3 *db;
	void (*fn)(bool, void *);
	void *arg;
	bool in_begin;		/* inside mn_tx_begin */
	bool notified;		/* fn was told the wait began */
	struct timespec start;	/* of the busy handler's current wait */
};

static struct busy_hook busy_hooks[MAX_QUEUED_CONNECTIONS];

static struct busy_hook *
busy_hook_of(sqlite3 *db)
{
	for (size_t i = 0; i < MAX_QUEUED_CONNECTIONS; i++)
		if (busy_hooks[i].db == db && busy_hooks[i].fn != NULL)
			return &busy_hooks[i];
	return NULL;
}

static long
elapsed_ms(const struct timespec *from)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - from->tv_sec) * 1000L +
	    (now.tv_nsec - from->tv_nsec) / 1000000L;
}

static void
busy_begin_notice(struct busy_hook *h)
{
	if (h != NULL && h->in_begin && !h->notified) {
		h->notified = true;
		h->fn(true, h->arg);
	}
}

/*
 * SQLite's busy handler for a connection with a hook.  It sleeps in
 * growing steps like sqlite3_busy_timeout, gives up after
 * MN_BUSY_TIMEOUT_MS, and calls the hook once the start of a transaction
 * has waited MN_BUSY_NOTICE_MS.
 */
static int
busy_wait(void *arg, int count)
{
	static const int steps[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50,
	    50, 100 };
	struct busy_hook *h = arg;
	int n = (int)(sizeof steps / sizeof steps[0]);
	long waited;

	if (count == 0)
		clock_gettime(CLOCK_MONOTONIC, &h->start);
	waited = elapsed_ms(&h->start);
	if (waited >= MN_BUSY_TIMEOUT_MS)
		return 0;
	if (waited >= MN_BUSY_NOTICE_MS)
		busy_begin_notice(h);
	sqlite3_sleep(count < n ? steps[count] : steps[n - 1]);
	return 1;
}

void
mn_db_busy_hook(sqlite3 *db, void (*fn)(bool waiting, void *arg),
    void *arg)
{
	struct busy_hook *slot = NULL;

	if (db == NULL)
		return;
	for (size_t i = 0; i < MAX_QUEUED_CONNECTIONS; i++)
		if (busy_hooks[i].db == db) {
			slot = &busy_hooks[i];
			break;
		}
	for (size_t i = 0; slot == NULL && i < MAX_QUEUED_CONNECTIONS; i++)
		if (busy_hooks[i].db == NULL)
			slot = &busy_hooks[i];
	if (slot == NULL)
		return;
	memset(slot, 0, sizeof *slot);
	if (fn == NULL) {
		sqlite3_busy_timeout(db, MN_BUSY_TIMEOUT_MS);
		return;
	}
	slot->db = db;
	slot->fn = fn;
	slot->arg = arg;
	sqlite3_busy_handler(db, busy_wait, slot);
}

static void
busy_hook_forget(sqlite3 *db)
{
	for (size_t i = 0; i < MAX_QUEUED_CONNECTIONS; i++)
		if (busy_hooks[i].db == db)
			memset(&busy_hooks[i], 0, sizeof busy_hooks[i]);
}

/*
 * Takes the writer queue's lock.  With a busy hook, the lock is tried
 * without blocking every 10 ms for the first MN_BUSY_NOTICE_MS, so that
 * the hook is called before the kernel puts the process to sleep.  The
 * wait then goes on in the kernel's queue.  Without a hook (the command
 * line, benchmarks) the process queues at once.  A wait cut short by a
 * signal starts again, and any other failure of the lock lets the save
 * go on without the queue.
 */
static void
writer_queue_take(int fd, struct busy_hook *h)
{
	struct timespec start;

	if (h != NULL) {
		clock_gettime(CLOCK_MONOTONIC, &start);
		for (;;) {
			struct timespec tick = { 0, 10 * 1000000L };

			if (flock(fd, LOCK_EX | LOCK_NB) == 0)
				return;
			if (errno != EWOULDBLOCK && errno != EINTR)
				return;
			if (elapsed_ms(&start) >= MN_BUSY_NOTICE_MS)
				break;
			nanosleep(&tick, NULL);
		}
		busy_begin_notice(h);
	}
	while (flock(fd, LOCK_EX) != 0 && errno == EINTR)
		;
}

/*
 * Finds step n in the schema text.  Returns a pointer to the text after
 * its marker line and sets *len to the step's length, or returns NULL.
 */
static const char *
schema_step(int n, size_t *len)
{
	const char *p = mn_schema_sql;
	const char *start = NULL;

	while ((p = strstr(p, STEP_MARK)) != NULL) {
		int v = atoi(p + strlen(STEP_MARK));
		const char *eol = strchr(p, '\n');

		if (start != NULL) {
			*len = (size_t)(p - start);
			return start;
		}
		if (v == n)
			start = eol ? eol + 1 : p + strlen(p);
		p = eol ? eol : p + strlen(p);
	}
	if (start != NULL)
		*len = strlen(start);
	return start;
}

int
mn_schema_version(void)
{
	const char *p = mn_schema_sql;
	int max = 0;

	while ((p = strstr(p, STEP_MARK)) != NULL) {
		int v = atoi(p + strlen(STEP_MARK));
		if (v > max)
			max = v;
		p += strlen(STEP_MARK);
	}
	return max;
}

int
mn_db_fail(sqlite3 *db, struct mn_error *err)
{
	int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
	const char *msg = db ? sqlite3_errmsg(db) : "no connection";

	if ((code & 0xff) == SQLITE_FULL)
		return mn_fail(err, MN_ERR_IO, "",
		    T("the disk is full: nothing was saved; free some space "
		    "and try again",
		    "ổ đĩa đã đầy: chưa lưu được gì; hãy giải phóng chỗ "
		    "trống rồi thử lại"));
	if ((code & 0xff) == SQLITE_READONLY)
		return mn_fail(err, MN_ERR_IO, "",
		    T("the database is read-only: nothing was saved; ask the "
		    "administrator to check its file permissions",
		    "cơ sở dữ liệu chỉ đọc: chưa lưu được gì; hãy báo quản "
		    "trị kiểm tra quyền của tệp"));
	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return mn_fail(err, MN_ERR_DB, "",
		    T("the database is busy with other users' saves: nothing "
		    "was saved; please try again",
		    "cơ sở dữ liệu đang bận lưu cho người khác: chưa lưu "
		    "được gì; hãy thử lại"));
	return mn_fail(err, MN_ERR_DB, "",
	    T("database error: %s", "lỗi cơ sở dữ liệu: %s"), msg);
}

int
mn_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **stmt,
    struct mn_error *err)
{
	if (sqlite3_prepare_v2(db, sql, -1, stmt, NULL) != SQLITE_OK) {
		*stmt = NULL;
		return mn_db_fail(db, err);
	}
	return MN_OK;
}

static int
exec(sqlite3 *db, const char *sql, struct mn_error *err)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return mn_db_fail(db, err);
	return MN_OK;
}

static int
query_int(sqlite3 *db, const char *sql, int *out, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc = mn_prepare(db, sql, &stmt, err);

	if (rc != MN_OK)
		return rc;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*out = sqlite3_column_int(stmt, 0);
		rc = MN_OK;
	} else {
		rc = mn_db_fail(db, err);
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* Pragmas every connection needs.  WAL lets readers run beside a writer;
 * synchronous=FULL makes every acknowledged commit survive power loss. */
static int
configure(sqlite3 *db, struct mn_error *err)
{
	sqlite3_busy_timeout(db, MN_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db, 1);
	if (exec(db, "PRAGMA foreign_keys = ON", err) != MN_OK)
		return err ? err->status : MN_ERR_DB;
	if (exec(db, "PRAGMA journal_mode = WAL", err) != MN_OK)
		return err ? err->status : MN_ERR_DB;
	return exec(db, "PRAGMA synchronous = FULL", err);
}

/* Runs the steps above the file's user_version, one transaction each. */
static int
migrate(sqlite3 *db, struct mn_error *err)
{
	int have, want = mn_schema_version();
	int rc = query_int(db, "PRAGMA user_version", &have, err);

	if (rc != MN_OK)
		return rc;
	for (int v = have + 1; v <= want; v++) {
		size_t len;
		const char *step = schema_step(v, &len);
		char *sql, tail[64];

		if (step == NULL)
			return mn_fail(err, MN_ERR_DB, "",
			    "schema step %d is missing from the binary", v);
		if ((rc = mn_tx_begin(db, err)) != MN_OK)
			return rc;
		snprintf(tail, sizeof tail, "\nPRAGMA user_version = %d;\n", v);
		sql = malloc(len + sizeof tail);
		if (sql == NULL) {
			mn_tx_rollback(db);
			return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
		}
		memcpy(sql, step, len);
		strcpy(sql + len, tail);
		rc = exec(db, sql, err);
		free(sql);
		if (rc == MN_OK)
			rc = mn_tx_commit(db, err);
		if (rc != MN_OK) {
			mn_tx_rollback(db);
			return rc;
		}
	}
	return MN_OK;
}

int
mn_db_create(const char *path, sqlite3 **out, struct mn_error *err)
{
	sqlite3 *db = NULL;
	char sql[64];
	int rc;

	*out = NULL;
	if (access(path, F_OK) == 0)
		return mn_fail(err, MN_ERR_EXISTS, "path",
		    T("%s already exists; refusing to overwrite a database",
		    "%s đã tồn tại; không ghi đè lên cơ sở dữ liệu"), path);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		rc = mn_fail(err, MN_ERR_IO, "path",
		    T("cannot create %s: %s; check that the folder exists and "
		    "is writable", "không tạo được %s: %s; hãy kiểm tra thư "
		    "mục có tồn tại và ghi được không"), path,
		    db ? sqlite3_errmsg(db) : strerror(errno));
		sqlite3_close(db);
		return rc;
	}
	/* Only the owner and the group (mamnon's system group) may read. */
	if (chmod(path, 0660) != 0) {
		sqlite3_close(db);
		unlink(path);
		return mn_fail(err, MN_ERR_IO, "path", "chmod %s: %s", path,
		    strerror(errno));
	}
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
	    MN_APPLICATION_ID);
	if ((rc = configure(db, err)) != MN_OK ||
	    (rc = exec(db, sql, err)) != MN_OK ||
	    (rc = migrate(db, err)) != MN_OK) {
		sqlite3_close(db);
		unlink(path);
		return rc;
	}
	writer_queue_open(db, path);
	*out = db;
	return MN_OK;
}

/*
 * WAL needs to write the file and to create -wal and -shm beside it, so
 * a read-only file, folder or filesystem is reported before SQLite fails
 * with "unable to open database file".
 */
static int
check_writable(const char *path, struct mn_error *err)
{
	char dir[PATH_MAX];
	const char *target = path;
	char *slash;
	int failed;

	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	failed = access(path, W_OK);
	if (failed == 0) {
		target = dir;
		failed = access(dir, W_OK);
	}
	if (failed != 0)
		return mn_fail(err, MN_ERR_IO, "path",
		    T("the database is read-only: %s: %s; nothing can be "
		    "saved; ask the administrator to check the file "
		    "permissions and that the disk is mounted read-write",
		    "cơ sở dữ liệu chỉ đọc: %s: %s; không lưu được gì; hãy "
		    "báo quản trị kiểm tra quyền của tệp và ổ đĩa có được gắn "
		    "ở chế độ ghi không"), target, strerror(errno));
	return MN_OK;
}

int
mn_db_open(const char *path, sqlite3 **out, struct mn_error *err)
{
	sqlite3 *db = NULL;
	int rc, app, version;

	*out = NULL;
	if (access(path, F_OK) != 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "path",
		    T("database %s not found; create it with 'mamnon init' or "
		    "fix [database] path", "không thấy cơ sở dữ liệu %s; hãy "
		    "tạo bằng 'mamnon init' hoặc sửa [database] path"), path);
	if ((rc = check_writable(path, err)) != MN_OK)
		return rc;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		rc = mn_fail(err, MN_ERR_IO, "path",
		    T("cannot open %s: %s", "không mở được %s: %s"), path,
		    db ? sqlite3_errmsg(db) : strerror(errno));
		sqlite3_close(db);
		return rc;
	}
	if ((rc = configure(db, err)) != MN_OK)
		goto fail;
	if ((rc = query_int(db, "PRAGMA application_id", &app, err)) != MN_OK ||
	    (rc = query_int(db, "PRAGMA user_version", &version, err)) != MN_OK)
		goto fail;
	if (app != MN_APPLICATION_ID) {
		rc = mn_fail(err, MN_ERR_INVALID, "path",
		    T("%s is not a mamnon database", "%s không phải cơ sở dữ "
		    "liệu của mamnon"), path);
		goto fail;
	}
	if (version > mn_schema_version()) {
		rc = mn_fail(err, MN_ERR_INVALID, "path",
		    T("%s has schema version %d, newer than this program's "
		    "%d; install a newer mamnon", "%s có phiên bản lược đồ "
		    "%d, mới hơn %d của chương trình; hãy cài mamnon mới hơn"),
		    path, version, mn_schema_version());
		goto fail;
	}
	writer_queue_open(db, path);
	if ((rc = migrate(db, err)) != MN_OK) {
		writer_queue_close(db);
		goto fail;
	}
	*out = db;
	return MN_OK;
fail:
	sqlite3_close(db);
	return rc;
}

/*
 * Returns memory that is allocated but unused to the system: the pages
 * of this connection's SQLite cache that no statement uses, and free
 * memory inside the heap.  Pages dropped from the cache are read again
 * from the file, usually from the kernel's cache, when needed.
 */
void
mn_db_release_memory(sqlite3 *db)
{
	if (db != NULL)
		sqlite3_db_release_memory(db);
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

void
mn_db_close(sqlite3 *db)
{
	if (db != NULL) {
		busy_hook_forget(db);
		writer_queue_close(db);
		sqlite3_close_v2(db);
	}
}

int
mn_tx_begin(sqlite3 *db, struct mn_error *err)
{
	struct busy_hook *h = busy_hook_of(db);
	int fd = writer_queue_fd(db);
	int rc;

	if (h != NULL) {
		h->in_begin = true;
		h->notified = false;
	}
	if (fd >= 0)
		writer_queue_take(fd, h);
	rc = exec(db, "BEGIN IMMEDIATE", err);
	if (h != NULL) {
		h->in_begin = false;
		if (h->notified)
			h->fn(false, h->arg);
		h->notified = false;
	}
	if (rc != MN_OK)
		writer_queue_release(db);
	return rc;
}

int
mn_tx_commit(sqlite3 *db, struct mn_error *err)
{
	int rc = exec(db, "COMMIT", err);

	/* A failed COMMIT leaves the transaction open for a rollback. */
	if (rc == MN_OK || sqlite3_get_autocommit(db))
		writer_queue_release(db);
	return rc;
}

void
mn_tx_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	writer_queue_release(db);
}

void
mn_now_utc(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * Grows *rows (of size elem) to hold one more and returns the new slot
 * zeroed, or NULL when out of memory.
 */
static void *
grow(void **rows, size_t *cap, size_t count, size_t elem)
{
	char *slot;

	if (count == *cap) {
		size_t n = *cap ? *cap * 2 : 32;
		void *p = realloc(*rows, n * elem);

		if (p == NULL)
			return NULL;
		*rows = p;
		*cap = n;
	}
	slot = (char *)*rows + count * elem;
	memset(slot, 0, elem);
	return slot;
}

static int
no_memory(struct mn_error *err)
{
	return mn_fail(err, MN_ERR_NOMEM, "", "%s",
	    T("out of memory", "hết bộ nhớ"));
}

/*
 * Steps st to its end, reading each row with read into a new zeroed
 * element of size elem, then finalizes st.  On success *out (for the
 * caller to free) and *count hold the rows; on failure nothing is kept.
 */
int
mn_db_read_rows(sqlite3 *db, sqlite3_stmt *st, size_t elem,
    void (*read)(sqlite3_stmt *st, void *row), void **out, size_t *count,
    struct mn_error *err)
{
	void *rows = NULL, *r;
	size_t n = 0, cap = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = grow(&rows, &cap, n, elem)) == NULL)
			break;
		read(st, r);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(rows);
		return rc == SQLITE_ROW ? no_memory(err) :
		    mn_db_fail(db, err);
	}
	*out = rows;
	*count = n;
	return MN_OK;
}
