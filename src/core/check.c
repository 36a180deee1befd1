/*
 * mamnon check: file permissions of the database and its folders, then
 * the database's own checks.  Each finding carries the command that
 * fixes it, so the administrator can copy it.
 */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/backup.h"
#include "core/config.h"

struct check_run {
	void (*fn)(const struct mn_check_item *, void *);
	void *arg;
	int problems;
};

static void
report(struct check_run *run, bool ok, const char *fix, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
report(struct check_run *run, bool ok, const char *fix, const char *fmt,
    ...)
{
	struct mn_check_item item = { .ok = ok };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(item.what, sizeof item.what, fmt, ap);
	va_end(ap);
	snprintf(item.fix, sizeof item.fix, "%s", fix ? fix : "");
	if (!ok)
		run->problems++;
	run->fn(&item, run->arg);
}

/* Quotes path for a POSIX shell unless it contains only safe bytes. */
static void
shell_quote(const char *path, char *out, size_t size)
{
	size_t n = 0;

	if (strspn(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789/._-+,:@") == strlen(path)) {
		snprintf(out, size, "%s", path);
		return;
	}
	if (size < 3) {
		out[0] = '\0';
		return;
	}
	out[n++] = '\'';
	for (const char *p = path; *p != '\0' && n + 6 < size; p++) {
		if (*p == '\'') {
			memcpy(out + n, "'\\''", 4);
			n += 4;
		} else
			out[n++] = *p;
	}
	out[n++] = '\'';
	out[n] = '\0';
}

static const char *
group_name(gid_t gid, char *buf, size_t size)
{
	struct group *gr = getgrgid(gid);

	if (gr != NULL)
		snprintf(buf, size, "%s", gr->gr_name);
	else
		snprintf(buf, size, "%lu", (unsigned long)gid);
	return buf;
}

/*
 * Checks that others have no access to path and, when want_gid is not
 * (gid_t)-1, that path belongs to that group.  A missing optional file
 * is fine.
 */
static void
check_mode(struct check_run *run, const char *path, bool optional,
    gid_t want_gid)
{
	char quoted[PATH_MAX * 2], fix[PATH_MAX * 2 + 160], group[64];
	struct stat st;

	if (stat(path, &st) != 0) {
		if (optional && errno == ENOENT)
			return;
		report(run, false, NULL, "%s: %s", path,
		    strerror(errno));
		return;
	}
	shell_quote(path, quoted, sizeof quoted);
	if ((st.st_mode & 0007) != 0) {
		snprintf(fix, sizeof fix, "chmod o-rwx %s", quoted);
		report(run, false, fix, T("%s: others may access it (mode "
		    "%04o); only the owner and the group may",
		    "%s: người ngoài nhóm truy cập được (quyền %04o); chỉ chủ "
		    "sở hữu và nhóm được phép"), path,
		    (unsigned)(st.st_mode & 07777));
		return;
	}
	if (want_gid != (gid_t)-1 && st.st_gid != want_gid) {
		group_name(want_gid, group, sizeof group);
		snprintf(fix, sizeof fix, "chgrp %s %s", group, quoted);
		report(run, false, fix, T("%s: its group is not %s, the "
		    "group of its folder, so members of %s may fail to write",
		    "%s: nhóm của tệp không phải %s (nhóm của thư mục), nên "
		    "thành viên nhóm %s có thể không ghi được"), path, group,
		    group);
		return;
	}
	report(run, true, NULL, T("%s: mode %04o, group %s; no access for "
	    "others", "%s: quyền %04o, nhóm %s; người ngoài không truy cập "
	    "được"), path, (unsigned)(st.st_mode & 07777),
	    group_name(st.st_gid, group, sizeof group));
}

static void
folder_of(const char *path, char *dir, size_t size)
{
	char *slash;

	snprintf(dir, size, "%s", path);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		snprintf(dir, size, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
}

int
mn_check(const struct mn_config *cfg,
    void (*fn)(const struct mn_check_item *item, void *arg), void *arg)
{
	struct check_run run = { .fn = fn, .arg = arg };
	struct mn_error err = { 0 };
	char dir[PATH_MAX], side[PATH_MAX + 8];
	struct stat st;
	gid_t gid = (gid_t)-1;

	folder_of(cfg->db_path, dir, sizeof dir);
	if (stat(dir, &st) == 0)
		gid = st.st_gid;
	check_mode(&run, dir, false, (gid_t)-1);
	if (access(cfg->db_path, F_OK) != 0) {
		report(&run, false, "mamnon init --admin LOGIN "
		    "--password-stdin", T("%s: the database does not exist; "
		    "create it, or fix [database] path in %s",
		    "%s: cơ sở dữ liệu chưa có; hãy tạo, hoặc sửa [database] "
		    "path trong %s"), cfg->db_path, cfg->path);
		return run.problems;
	}
	check_mode(&run, cfg->db_path, false, gid);
	snprintf(side, sizeof side, "%s-wal", cfg->db_path);
	check_mode(&run, side, true, gid);
	snprintf(side, sizeof side, "%s-shm", cfg->db_path);
	check_mode(&run, side, true, gid);
	check_mode(&run, cfg->backup_dir, true, (gid_t)-1);

	if (mn_backup_verify(cfg->db_path, &err) != MN_OK)
		report(&run, false, T("restore the newest good backup: "
		    "mamnon restore FILE", "khôi phục bản sao lưu tốt gần "
		    "nhất: mamnon restore TỆP"), "%s", err.message);
	else
		report(&run, true, NULL, T("%s: schema version, integrity "
		    "and foreign keys are correct", "%s: phiên bản lược đồ, "
		    "tính toàn vẹn và khóa ngoại đều đúng"), cfg->db_path);
	return run.problems;
}
