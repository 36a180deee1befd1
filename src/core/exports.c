/*
 * Exports fetched with a one-time code; see exports.h for the design.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/config.h"
#include "core/db.h"
#include "core/exports.h"
#include "core/text.h"

/* 32 symbols without 0, O, 1 and I, which read alike: 5 bits each. */
static const char code_alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

#define STAGING_PREFIX ".new-"
#define TAKEN_PREFIX ".taken-"

struct export_meta {
	int64_t account_id;
	char login[64];
	char name[128];
	time_t created;
	time_t expires;
};

void
mn_export_root(const struct mn_config *cfg, char *buf, size_t size)
{
	const char *slash = strrchr(cfg->db_path, '/');

	if (slash == NULL)
		snprintf(buf, size, "exports");
	else
		snprintf(buf, size, "%.*s/exports",
		    (int)(slash - cfg->db_path), cfg->db_path);
}

/*
 * Creates the export folder.  Every member of the group must be able to
 * rename and delete in it, whatever the umask, and setgid keeps the
 * group of the files inside.
 */
static int
make_root(const struct mn_config *cfg, char *root, size_t size,
    struct mn_error *err)
{
	mn_export_root(cfg, root, size);
	if (mkdir(root, 0770) == 0) {
		chmod(root, 02770);
		return MN_OK;
	}
	if (errno == EEXIST)
		return MN_OK;
	return mn_fail(err, MN_ERR_IO, "exports",
	    T("cannot create the export folder %s: %s",
	    "không tạo được thư mục xuất tệp %s: %s"), root, strerror(errno));
}

static void
safe_name(const char *name, char *out, size_t size)
{
	size_t n = 0;

	for (const char *p = name; *p != '\0' && n + 1 < size; p++) {
		char c = *p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';

		out[n++] = ok ? c : '_';
	}
	out[n] = '\0';
	if (n == 0 || out[0] == '.')
		snprintf(out, size, "export");
}

/* Removes a folder holding only the files meta and data. */
static void
remove_export_dir(const char *dir)
{
	char path[PATH_MAX + 320];

	snprintf(path, sizeof path, "%s/meta", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/data", dir);
	unlink(path);
	rmdir(dir);
}

int
mn_export_begin(struct mn_ctx *ctx, int64_t account_id, const char *login,
    const char *name, struct mn_export *ex, struct mn_error *err)
{
	char root[PATH_MAX];
	int rc;

	memset(ex, 0, sizeof *ex);
	if (!(ctx->actor.roles & MN_ROLE_HOST) &&
	    ctx->actor.account_id != account_id)
		return mn_fail(err, MN_ERR_DENIED, "account",
		    T("an export can only be made for your own account",
		    "chỉ được xuất tệp cho chính tài khoản của mình"));
	if ((rc = make_root(ctx->cfg, root, sizeof root, err)) != MN_OK)
		return rc;
	mn_export_purge(ctx->cfg);
	if (snprintf(ex->dir, sizeof ex->dir, "%s/" STAGING_PREFIX "XXXXXX",
	    root) >= (int)sizeof ex->dir || mkdtemp(ex->dir) == NULL)
		return mn_fail(err, MN_ERR_IO, "exports",
		    T("cannot write in the export folder %s: %s",
		    "không ghi được vào thư mục xuất tệp %s: %s"), root,
		    strerror(errno));
	snprintf(ex->path, sizeof ex->path, "%s/data", ex->dir);
	safe_name(name, ex->name, sizeof ex->name);
	ex->account_id = account_id;
	snprintf(ex->login, sizeof ex->login, "%s", login);
	return MN_OK;
}

void
mn_export_abort(struct mn_export *ex)
{
	if (ex->dir[0] != '\0')
		remove_export_dir(ex->dir);
	ex->dir[0] = '\0';
}

static int
new_code(char *raw, struct mn_error *err)
{
	unsigned char bytes[MN_EXPORT_CODE_LEN];

	if (getrandom(bytes, sizeof bytes, 0) != (ssize_t)sizeof bytes)
		return mn_fail(err, MN_ERR_IO, "code",
		    "getrandom: %s", strerror(errno));
	for (int i = 0; i < MN_EXPORT_CODE_LEN; i++)
		raw[i] = code_alphabet[bytes[i] & 31];
	raw[MN_EXPORT_CODE_LEN] = '\0';
	return MN_OK;
}

/* "ABCDEFGHJKLM" to "ABCD-EFGH-JKLM". */
static void
show_code(const char *raw, char *out, size_t size)
{
	snprintf(out, size, "%.4s-%.4s-%.4s", raw, raw + 4, raw + 8);
}

static int
write_meta(const struct mn_export *ex, time_t now, struct mn_error *err)
{
	char path[PATH_MAX + 8];
	FILE *f;
	int fd, bad;

	snprintf(path, sizeof path, "%s/meta", ex->dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	if (fd < 0 || (f = fdopen(fd, "w")) == NULL) {
		if (fd >= 0)
			close(fd);
		return mn_fail(err, MN_ERR_IO, "exports", "%s: %s", path,
		    strerror(errno));
	}
	fprintf(f, "account_id=%" PRId64 "\nlogin=%s\nname=%s\n"
	    "created=%lld\nexpires=%lld\n", ex->account_id, ex->login,
	    ex->name, (long long)now, (long long)(now + MN_EXPORT_TTL));
	bad = ferror(f) | (fsync(fileno(f)) != 0);
	if ((fclose(f) != 0) | bad)
		return mn_fail(err, MN_ERR_IO, "exports", "%s: %s", path,
		    strerror(errno));
	return MN_OK;
}

static int
audit_event(struct mn_ctx *ctx, const struct mn_actor *actor,
    const char *action, const char *detail, struct mn_error *err)
{
	int rc;

	if (ctx->db == NULL)
		return MN_OK;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	if ((rc = mn_audit(ctx->db, actor, action, NULL, 0, NULL, NULL,
	    detail, err)) != MN_OK ||
	    (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		mn_tx_rollback(ctx->db);
	return rc;
}

int
mn_export_finish(struct mn_ctx *ctx, struct mn_export *ex, char *code,
    size_t code_size, struct mn_error *err)
{
	char root[PATH_MAX], raw[MN_EXPORT_CODE_LEN + 1];
	char target[PATH_MAX + 32], detail[512], shown[MN_EXPORT_CODE_SIZE];
	time_t now = time(NULL);
	struct stat st;
	int rc;

	if (stat(ex->path, &st) != 0 || !S_ISREG(st.st_mode)) {
		rc = mn_fail(err, MN_ERR_IO, "exports",
		    T("the exported file %s was not written",
		    "tệp xuất %s chưa được ghi"), ex->path);
		goto fail;
	}
	chmod(ex->path, 0640);
	chmod(ex->dir, 0770);
	if ((rc = write_meta(ex, now, err)) != MN_OK)
		goto fail;
	mn_export_root(ctx->cfg, root, sizeof root);
	/* rename() of a folder fails when the target exists: a collision
	 * of 60 random bits only costs another draw. */
	for (int tries = 0;; tries++) {
		if ((rc = new_code(raw, err)) != MN_OK)
			goto fail;
		snprintf(target, sizeof target, "%s/%s", root, raw);
		if (rename(ex->dir, target) == 0)
			break;
		if ((errno != EEXIST && errno != ENOTEMPTY) || tries >= 5) {
			rc = mn_fail(err, MN_ERR_IO, "exports",
			    T("cannot publish the export in %s: %s",
			    "không đưa được tệp xuất vào %s: %s"), root,
			    strerror(errno));
			goto fail;
		}
	}
	ex->dir[0] = '\0';
	show_code(raw, shown, sizeof shown);
	snprintf(code, code_size, "%s", shown);
	/* The audit keeps only the start of the code: the code is a key. */
	snprintf(detail, sizeof detail, "%s for %s (%lld bytes), code %.4s-",
	    ex->name, ex->login, (long long)st.st_size, raw);
	if ((rc = audit_event(ctx, &ctx->actor, "export", detail, err)) !=
	    MN_OK) {
		remove_export_dir(target);
		return rc;
	}
	return MN_OK;
fail:
	mn_export_abort(ex);
	return rc;
}

int
mn_export_add_file(struct mn_ctx *ctx, int64_t account_id,
    const char *login, const char *src_path, const char *name, char *code,
    size_t code_size, struct mn_error *err)
{
	struct mn_export ex;
	char buf[65536];
	int in, out, rc;
	ssize_t n = 0;

	if ((in = open(src_path, O_RDONLY | O_CLOEXEC)) < 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "file",
		    T("cannot read %s: %s", "không đọc được %s: %s"),
		    src_path, strerror(errno));
	if ((rc = mn_export_begin(ctx, account_id, login, name, &ex, err)) !=
	    MN_OK) {
		close(in);
		return rc;
	}
	out = open(ex.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	while (out >= 0 && (n = read(in, buf, sizeof buf)) > 0) {
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	}
	close(in);
	if (out < 0 || n < 0 || fsync(out) != 0 || close(out) != 0) {
		rc = mn_fail(err, MN_ERR_IO, "file",
		    T("cannot copy %s into the export folder: %s",
		    "không chép được %s vào thư mục xuất tệp: %s"), src_path,
		    strerror(errno));
		mn_export_abort(&ex);
		return rc;
	}
	return mn_export_finish(ctx, &ex, code, code_size, err);
}

/* Uppercases code, drops dashes and spaces; false unless 12 symbols. */
static bool
parse_code(const char *code, char *raw)
{
	int n = 0;

	for (const char *p = code; *p != '\0'; p++) {
		char c = *p;

		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (strchr(code_alphabet, c) == NULL || c == '\0' ||
		    n >= MN_EXPORT_CODE_LEN)
			return false;
		raw[n++] = c;
	}
	raw[n] = '\0';
	return n == MN_EXPORT_CODE_LEN;
}

static bool
read_meta(const char *dir, struct export_meta *m)
{
	char path[PATH_MAX + 8], line[256];
	FILE *f;
	int seen = 0;

	memset(m, 0, sizeof *m);
	snprintf(path, sizeof path, "%s/meta", dir);
	if ((f = fopen(path, "r")) == NULL)
		return false;
	while (fgets(line, sizeof line, f) != NULL) {
		char *eq = strchr(line, '=');

		line[strcspn(line, "\n")] = '\0';
		if (eq == NULL)
			continue;
		*eq++ = '\0';
		if (strcmp(line, "account_id") == 0) {
			m->account_id = strtoll(eq, NULL, 10);
			seen |= 1;
		} else if (strcmp(line, "login") == 0) {
			snprintf(m->login, sizeof m->login, "%s", eq);
			seen |= 2;
		} else if (strcmp(line, "name") == 0) {
			snprintf(m->name, sizeof m->name, "%s", eq);
			seen |= 4;
		} else if (strcmp(line, "created") == 0) {
			m->created = (time_t)strtoll(eq, NULL, 10);
			seen |= 8;
		} else if (strcmp(line, "expires") == 0) {
			m->expires = (time_t)strtoll(eq, NULL, 10);
			seen |= 16;
		}
	}
	fclose(f);
	return seen == 31;
}

static int
send_file(const char *path, int fd, off_t *bytes)
{
	char buf[65536];
	int in = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	*bytes = 0;
	if (in < 0)
		return -1;
	while ((n = read(in, buf, sizeof buf)) > 0) {
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(fd, buf + done, (size_t)(n - done));

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				close(in);
				return -1;
			}
			done += w;
		}
		*bytes += n;
	}
	close(in);
	return n < 0 ? -1 : 0;
}

static int
unknown_code(struct mn_error *err)
{
	return mn_fail(err, MN_ERR_NOTFOUND, "code",
	    T("this code is unknown, already used or expired; make the "
	    "export again to get a new code", "mã này không đúng, đã dùng "
	    "hoặc đã hết hạn; hãy xuất tệp lại để lấy mã mới"));
}

int
mn_export_redeem(struct mn_ctx *ctx, const char *code,
    const char *expect_login, int fd, char *name, size_t name_size,
    off_t *bytes, struct mn_error *err)
{
	char raw[MN_EXPORT_CODE_LEN + 1], root[PATH_MAX];
	char path[PATH_MAX + 32], taken[PATH_MAX + 64], data[PATH_MAX + 80];
	char detail[512], shown[64];
	struct export_meta m;
	struct mn_actor owner;

	*bytes = 0;
	name[0] = '\0';
	if (!parse_code(code, raw)) {
		/* The code is the client's text: shown as safe text. */
		mn_text_safe(code != NULL ? code : "", shown, sizeof shown);
		return mn_fail(err, MN_ERR_INVALID, "code",
		    T("invalid code '%s': expected 12 letters and digits "
		    "like ABCD-EFGH-JKLM", "mã '%s' không hợp lệ: cần 12 "
		    "chữ và số, ví dụ ABCD-EFGH-JKLM"), shown);
	}
	mn_export_purge(ctx->cfg);
	mn_export_root(ctx->cfg, root, sizeof root);
	snprintf(path, sizeof path, "%s/%s", root, raw);
	snprintf(taken, sizeof taken, "%s/" TAKEN_PREFIX "%s-%ld", root, raw,
	    (long)getpid());
	/* Whoever renames the folder first owns the code. */
	if (rename(path, taken) != 0)
		return unknown_code(err);
	if (!read_meta(taken, &m) || m.expires <= time(NULL)) {
		remove_export_dir(taken);
		return unknown_code(err);
	}
	if (expect_login != NULL && strcmp(expect_login, m.login) != 0) {
		rename(taken, path);
		return unknown_code(err);
	}
	snprintf(data, sizeof data, "%s/data", taken);
	if (send_file(data, fd, bytes) != 0) {
		int saved = errno;

		*bytes = 0;
		rename(taken, path);
		return mn_fail(err, MN_ERR_IO, "code",
		    T("sending the file failed (%s); the code stays valid, "
		    "try again", "gửi tệp thất bại (%s); mã vẫn dùng được, "
		    "hãy thử lại"), strerror(saved));
	}
	remove_export_dir(taken);
	snprintf(name, name_size, "%s", m.name);
	owner = ctx->actor;
	owner.account_id = m.account_id;
	snprintf(owner.login, sizeof owner.login, "%s", m.login);
	snprintf(detail, sizeof detail, "%s (%lld bytes), code %.4s-",
	    m.name, (long long)*bytes, raw);
	return audit_event(ctx, &owner, "download", detail, err);
}

/*
 * True for an entry unchanged for longer than the code lifetime.  The
 * status change time moves when a fetch renames the folder, so a fetch
 * in progress is not taken for a stale one.
 */
static bool
is_stale(const char *path, time_t now)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_ctime + MN_EXPORT_TTL < now;
}

int
mn_export_purge(const struct mn_config *cfg)
{
	char root[PATH_MAX], path[PATH_MAX + 300];
	time_t now = time(NULL);
	struct export_meta m;
	struct dirent *d;
	DIR *dir;
	int removed = 0;

	mn_export_root(cfg, root, sizeof root);
	if ((dir = opendir(root)) == NULL)
		return 0;
	while ((d = readdir(dir)) != NULL) {
		bool remove;

		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", root, d->d_name);
		if (d->d_name[0] == '.')
			remove = is_stale(path, now);
		else
			remove = read_meta(path, &m) ? m.expires <= now :
			    is_stale(path, now);
		if (remove) {
			remove_export_dir(path);
			removed++;
		}
	}
	closedir(dir);
	return removed;
}
