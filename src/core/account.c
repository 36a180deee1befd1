/*
 * Accounts, passwords and logins.
 *
 * Passwords are hashed with yescrypt through libxcrypt.  A login that
 * names no account is checked against a dummy hash made with the same
 * settings, so the reply takes as long as for a real account.
 * Failures are counted per account and client address: a stranger on
 * one address can lock the principal out from that address only, and
 * only for lockout_time.
 */
#include <crypt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "core/access.h"
#include "core/account.h"
#include "core/audit.h"
#include "core/config.h"
#include "core/date.h"
#include "core/db.h"
#include "core/text.h"

/* Maximum wait added after a failed login, in seconds. */
#define MAX_FAILURE_DELAY 3

/*
 * Passwords are hashed in NFC, so a password typed with precomposed
 * letters matches the same one typed with combining marks.  Text that
 * is not UTF-8 is hashed as it is.
 */
static char *
password_nfc(const char *password)
{
	char *nfc = mn_text_nfc(password);

	return nfc != NULL ? nfc : strdup(password);
}

int
mn_password_hash(const char *password, char **hash, struct mn_error *err)
{
	char *setting = crypt_gensalt_ra("$y$", 0, NULL, 0);
	char *nfc = password_nfc(password);
	void *data = NULL;
	int size = 0;
	char *result;

	*hash = NULL;
	if (nfc == NULL) {
		free(setting);
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	}
	if (setting == NULL) {
		free(nfc);
		return mn_fail(err, MN_ERR_IO, "password",
		    "crypt_gensalt: no random bytes available");
	}
	result = crypt_ra(nfc, setting, &data, &size);
	free(setting);
	free(nfc);
	/* libxcrypt reports failure with a string starting with '*'. */
	if (result == NULL || result[0] == '*') {
		free(data);
		return mn_fail(err, MN_ERR_IO, "password",
		    "crypt: hashing the password failed");
	}
	*hash = strdup(result);
	free(data);
	return *hash ? MN_OK : mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
}

bool
mn_password_verify(const char *password, const char *hash)
{
	void *data = NULL;
	int size = 0;
	const char *result;
	size_t len, i;
	unsigned char diff = 0;
	bool ok;

	char *nfc;

	if (hash == NULL || hash[0] == '*' || hash[0] == '\0')
		return false;
	if ((nfc = password_nfc(password)) == NULL)
		return false;
	result = crypt_ra(nfc, hash, &data, &size);
	free(nfc);
	if (result == NULL || result[0] == '*') {
		free(data);
		return false;
	}
	/* Compare every byte, whatever the first difference. */
	len = strlen(hash);
	ok = strlen(result) == len;
	for (i = 0; i < len && result[i] != '\0'; i++)
		diff |= (unsigned char)(result[i] ^ hash[i]);
	free(data);
	return ok && diff == 0;
}

/* A hash with the same cost as real ones, for logins that match none. */
static const char *
dummy_hash(void)
{
	static char *hash;

	if (hash == NULL && mn_password_hash("mamnon-dummy", &hash, NULL) !=
	    MN_OK)
		hash = NULL;
	return hash;
}

int
mn_password_check(const struct mn_config *cfg, const char *password,
    struct mn_error *err)
{
	size_t chars = 0;
	unsigned min = cfg ? cfg->password_min_length : 8;

	for (const unsigned char *p = (const unsigned char *)password; *p;
	    p++) {
		if (*p < 0x20 || *p == 0x7f)
			return mn_fail(err, MN_ERR_INVALID, "password",
			    T("password: control characters are not allowed",
			    "mật khẩu: không được chứa ký tự điều khiển"));
		if ((*p & 0xc0) != 0x80)
			chars++;
	}
	if (chars < min)
		return mn_fail(err, MN_ERR_INVALID, "password",
		    T("password: too short; expected at least %u characters",
		    "mật khẩu: quá ngắn; cần ít nhất %u ký tự"), min);
	if (chars > 128)
		return mn_fail(err, MN_ERR_INVALID, "password",
		    T("password: too long; expected at most 128 characters",
		    "mật khẩu: quá dài; tối đa 128 ký tự"));
	return MN_OK;
}

void
mn_actor_set_source(struct mn_actor *actor)
{
	const char *conn = getenv("SSH_CONNECTION");
	size_t len;

	/* SSH_CONNECTION is "client_ip client_port server_ip server_port". */
	if (conn == NULL || *conn == '\0') {
		snprintf(actor->source, sizeof actor->source, "local");
		return;
	}
	len = strcspn(conn, " ");
	if (len >= sizeof actor->source)
		len = sizeof actor->source - 1;
	for (size_t i = 0; i < len; i++) {
		char c = conn[i];
		bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		    (c >= 'A' && c <= 'F') || c == '.' || c == ':';
		actor->source[i] = ok ? c : '?';
	}
	actor->source[len] = '\0';
}

void
mn_actor_set_host(struct mn_actor *actor)
{
	struct passwd *pw = getpwuid(getuid());

	actor->account_id = 0;
	actor->roles = MN_ROLE_HOST;
	snprintf(actor->login, sizeof actor->login, "host:%.40s",
	    pw ? pw->pw_name : "?");
	snprintf(actor->source, sizeof actor->source, "local");
}

/* Writes a UTC time "seconds from now" as stored in the database. */
static void
utc_after(unsigned seconds, char *buf, size_t size)
{
	time_t t = time(NULL) + (time_t)seconds;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static unsigned
load_roles(sqlite3 *db, int64_t id)
{
	sqlite3_stmt *stmt;
	unsigned roles = 0, r;

	if (sqlite3_prepare_v2(db, "SELECT role FROM account_roles WHERE "
	    "account_id = ?", -1, &stmt, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(stmt, 1, id);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		if (mn_roles_parse((const char *)sqlite3_column_text(stmt, 0),
		    &r, NULL) == MN_OK)
			roles |= r;
	sqlite3_finalize(stmt);
	return roles;
}

static void
copy_col(char *dst, size_t size, sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	snprintf(dst, size, "%s", s ? (const char *)s : "");
}

#define ACCOUNT_COLUMNS "id, login, full_name, must_change_password, " \
	"locked, created_at, last_login_at, version, password_hash"

void
mn_account_read_row(sqlite3 *db, sqlite3_stmt *stmt, struct mn_account *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(stmt, 0);
	copy_col(a->login, sizeof a->login, stmt, 1);
	copy_col(a->full_name, sizeof a->full_name, stmt, 2);
	a->must_change_password = sqlite3_column_int(stmt, 3) != 0;
	a->locked = sqlite3_column_int(stmt, 4) != 0;
	copy_col(a->created_at, sizeof a->created_at, stmt, 5);
	copy_col(a->last_login_at, sizeof a->last_login_at, stmt, 6);
	a->version = sqlite3_column_int64(stmt, 7);
	a->roles = load_roles(db, a->id);
}

/*
 * Looks an account up by login; on success *hash is a malloc'd copy of
 * the stored hash when hash is not NULL.
 */
static int
find_account(sqlite3 *db, const char *login, struct mn_account *a,
    char **hash, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char shown[80];
	int rc;

	if ((rc = mn_prepare(db, "SELECT " ACCOUNT_COLUMNS " FROM accounts "
	    "WHERE login = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		mn_account_read_row(db, stmt, a);
		if (hash != NULL) {
			const unsigned char *h = sqlite3_column_text(stmt, 8);
			*hash = strdup(h ? (const char *)h : "*");
		}
		rc = MN_OK;
	} else if (rc == SQLITE_DONE) {
		mn_text_safe(login, shown, sizeof shown);
		rc = mn_fail(err, MN_ERR_NOTFOUND, "login",
		    T("account '%s' not found", "không có tài khoản '%s'"),
		    shown);
	} else {
		rc = mn_db_fail(db, err);
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int
wrong_login(struct mn_error *err)
{
	return mn_fail(err, MN_ERR_AUTH, "password",
	    T("Wrong login or password", "Sai tên đăng nhập hoặc mật khẩu"));
}

/* Returns the lock end time for (account, source) if still in force. */
static bool
pair_locked(sqlite3 *db, int64_t id, const char *source, char *until,
    size_t size)
{
	sqlite3_stmt *stmt;
	char now[32];
	bool locked = false;

	mn_now_utc(now, sizeof now);
	if (sqlite3_prepare_v2(db, "SELECT locked_until FROM login_failures "
	    "WHERE account_id = ? AND source = ? AND locked_until > ?", -1,
	    &stmt, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		locked = true;
		copy_col(until, size, stmt, 0);
	}
	sqlite3_finalize(stmt);
	return locked;
}

/*
 * Counts one failure for (account, source) and locks the pair when the
 * count reaches the limit.  Returns the failure count, 0 on error.
 */
static int
count_failure(struct mn_ctx *ctx, const struct mn_account *a)
{
	sqlite3 *db = ctx->db;
	const struct mn_config *cfg = ctx->cfg;
	struct mn_actor who = ctx->actor;
	sqlite3_stmt *stmt;
	char now[32], until[32];
	int failures = 0;

	mn_now_utc(now, sizeof now);
	who.account_id = a->id;
	snprintf(who.login, sizeof who.login, "%s", a->login);
	if (mn_tx_begin(db, NULL) != MN_OK)
		return 0;
	/* A failure after an expired lock starts a new count. */
	if (sqlite3_prepare_v2(db, "INSERT INTO login_failures (account_id, "
	    "source, failures, last_failure_at) VALUES (?1, ?2, 1, ?3) "
	    "ON CONFLICT (account_id, source) DO UPDATE SET failures = "
	    "CASE WHEN locked_until IS NOT NULL AND locked_until <= ?3 "
	    "THEN 1 ELSE failures + 1 END, locked_until = CASE WHEN "
	    "locked_until <= ?3 THEN NULL ELSE locked_until END, "
	    "last_failure_at = ?3 RETURNING failures", -1, &stmt, NULL) !=
	    SQLITE_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, a->id);
	sqlite3_bind_text(stmt, 2, ctx->actor.source, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		failures = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (failures == 0)
		goto fail;
	mn_audit(db, &who, "login_failed", "accounts", a->id, NULL, NULL,
	    NULL, NULL);
	syslog(LOG_AUTH | LOG_NOTICE, "failed login for %s from %s (%d)",
	    a->login, ctx->actor.source, failures);
	if (cfg != NULL && (unsigned)failures >= cfg->max_failed_logins) {
		utc_after(cfg->lockout_time, until, sizeof until);
		if (sqlite3_prepare_v2(db, "UPDATE login_failures SET "
		    "locked_until = ? WHERE account_id = ? AND source = ?",
		    -1, &stmt, NULL) != SQLITE_OK)
			goto fail;
		sqlite3_bind_text(stmt, 1, until, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, a->id);
		sqlite3_bind_text(stmt, 3, ctx->actor.source, -1,
		    SQLITE_STATIC);
		sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		mn_audit(db, &who, "lockout", "accounts", a->id, NULL, NULL,
		    until, NULL);
		syslog(LOG_AUTH | LOG_WARNING, "account %s locked for %s "
		    "until %s", a->login, ctx->actor.source, until);
	}
	if (mn_tx_commit(db, NULL) != MN_OK)
		goto fail;
	return failures;
fail:
	mn_tx_rollback(db);
	return 0;
}

static int
locked_message(struct mn_error *err, const char *until)
{
	char local[32];

	if (until == NULL)
		return mn_fail(err, MN_ERR_LOCKED, "login",
		    T("This account is locked; ask the administrator to "
		    "unlock it", "Tài khoản này bị khóa; hãy nhờ quản trị mở "
		    "khóa"));
	mn_time_local(until, local, sizeof local);
	return mn_fail(err, MN_ERR_LOCKED, "login",
	    T("Too many failed logins: this account is locked from here "
	    "until %s; the administrator can unlock it",
	    "Đăng nhập sai quá nhiều lần: tài khoản bị khóa từ máy này "
	    "đến %s; quản trị có thể mở khóa"), local);
}

static void
record_success(struct mn_ctx *ctx, const struct mn_account *a)
{
	sqlite3 *db = ctx->db;
	sqlite3_stmt *stmt;
	char now[32];

	mn_now_utc(now, sizeof now);
	if (mn_tx_begin(db, NULL) != MN_OK)
		return;
	if (sqlite3_prepare_v2(db, "DELETE FROM login_failures WHERE "
	    "account_id = ? AND source = ?", -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, a->id);
		sqlite3_bind_text(stmt, 2, ctx->actor.source, -1,
		    SQLITE_STATIC);
		sqlite3_step(stmt);
		sqlite3_finalize(stmt);
	}
	/* last_login_at is bookkeeping, so the row version stays. */
	if (sqlite3_prepare_v2(db, "UPDATE accounts SET last_login_at = ? "
	    "WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, a->id);
		sqlite3_step(stmt);
		sqlite3_finalize(stmt);
	}
	mn_audit(db, &ctx->actor, "login", "accounts", a->id, NULL, NULL,
	    NULL, NULL);
	if (mn_tx_commit(db, NULL) != MN_OK)
		mn_tx_rollback(db);
	syslog(LOG_AUTH | LOG_INFO, "login %s from %s", a->login,
	    ctx->actor.source);
}

int
mn_login(struct mn_ctx *ctx, const char *login, const char *password,
    struct mn_account *acct, struct mn_error *err)
{
	struct mn_account a;
	char *hash = NULL, until[32];
	bool ok;
	int rc, failures;

	if (mn_valid_login(login, NULL) != MN_OK ||
	    find_account(ctx->db, login, &a, &hash, NULL) != MN_OK) {
		/* Same work as for a real account, then the same reply. */
		mn_password_verify(password, dummy_hash());
		syslog(LOG_AUTH | LOG_NOTICE, "failed login for unknown "
		    "account from %s", ctx->actor.source);
		return wrong_login(err);
	}
	if (a.locked) {
		free(hash);
		syslog(LOG_AUTH | LOG_NOTICE, "login to locked account %s "
		    "from %s", a.login, ctx->actor.source);
		return locked_message(err, NULL);
	}
	if (pair_locked(ctx->db, a.id, ctx->actor.source, until,
	    sizeof until)) {
		free(hash);
		syslog(LOG_AUTH | LOG_NOTICE, "login to %s refused from %s: "
		    "locked until %s", a.login, ctx->actor.source, until);
		return locked_message(err, until);
	}
	ok = mn_password_verify(password, hash);
	free(hash);
	if (!ok) {
		failures = count_failure(ctx, &a);
		if (ctx->cfg && failures > 0 &&
		    (unsigned)failures >= ctx->cfg->max_failed_logins &&
		    pair_locked(ctx->db, a.id, ctx->actor.source, until,
		    sizeof until))
			return locked_message(err, until);
		/* Slow down guessing: one more second per failure. */
		if (failures > 1)
			sleep(failures - 1 < MAX_FAILURE_DELAY ?
			    (unsigned)failures - 1 : MAX_FAILURE_DELAY);
		return wrong_login(err);
	}
	ctx->actor.account_id = a.id;
	ctx->actor.roles = a.roles;
	snprintf(ctx->actor.login, sizeof ctx->actor.login, "%s", a.login);
	record_success(ctx, &a);
	rc = MN_OK;
	if (acct != NULL)
		*acct = a;
	return rc;
}

void
mn_logout(struct mn_ctx *ctx)
{
	if (ctx->actor.account_id == 0)
		return;
	if (mn_tx_begin(ctx->db, NULL) == MN_OK) {
		mn_audit(ctx->db, &ctx->actor, "logout", "accounts",
		    ctx->actor.account_id, NULL, NULL, NULL, NULL);
		if (mn_tx_commit(ctx->db, NULL) != MN_OK)
			mn_tx_rollback(ctx->db);
	}
	syslog(LOG_AUTH | LOG_INFO, "logout %s from %s", ctx->actor.login,
	    ctx->actor.source);
	ctx->actor.account_id = 0;
	ctx->actor.roles = 0;
	ctx->actor.login[0] = '\0';
}

int
mn_account_check_active(struct mn_ctx *ctx, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc, locked = 1;

	if (ctx->actor.account_id <= 0)
		return MN_OK;
	if ((rc = mn_prepare(ctx->db, "SELECT locked FROM accounts WHERE "
	    "id = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		locked = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (locked)
		return mn_fail(err, MN_ERR_LOCKED, "login",
		    T("This account has been locked; the session ends",
		    "Tài khoản này vừa bị khóa; phiên làm việc kết thúc"));
	return MN_OK;
}
