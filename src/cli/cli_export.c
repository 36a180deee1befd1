/*
 * mamnon export SUBJECT [--class CODE] [--year YYYY-YYYY]
 *     [--format csv|xlsx] [-o FILE]
 *
 * The registers, written by mn_export_write (core/export_file.h), which
 * also checks the approval of children and staff.  Without -o the file
 * is written to a temporary file and copied to standard output.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_reg.h"
#include "core/export_file.h"
#include "core/text.h"

struct export_opts {
	const char *class_code;
	const char *year;
	const char *output;
	const char *approval;
	bool xlsx;
};

static const struct {
	const char *name;
	enum mn_export_kind kind;
} subjects[] = {
	{ "classes", MN_EXPORT_CLASSES },
	{ "children", MN_EXPORT_CHILDREN },
	{ "staff", MN_EXPORT_STAFF },
};
#define NSUBJECTS (sizeof subjects / sizeof subjects[0])

static int
usage(const char *problem)
{
	return cli_usage("export", "%s\n%s", problem,
	    T("usage: mamnon export classes|children|staff [--class CODE] "
	    "[--year YYYY-YYYY] [--approval ID] [--format csv|xlsx] "
	    "[-o FILE]; children and staff need --approval",
	    "cách dùng: mamnon export classes|children|staff [--class MÃ] "
	    "[--year YYYY-YYYY] [--approval MÃ] [--format csv|xlsx] "
	    "[-o TỆP]; children và staff cần --approval"));
}

static int
copy_file_to_stdout(const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;
	int rc = 0;

	if (f == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (fwrite(buf, 1, n, stdout) != n) {
			rc = -1;
			break;
		}
	if (ferror(f))
		rc = -1;
	fclose(f);
	if (fflush(stdout) != 0)
		rc = -1;
	return rc;
}

/* Appends the option that names an approval on the command line. */
static int
hint_approval(const struct mn_export_request *req, int rc,
    struct mn_error *err)
{
	size_t len;

	if (rc != MN_ERR_DENIED || strcmp(err->field, "approval") != 0 ||
	    (req->approval != NULL && req->approval[0] != '\0'))
		return rc;
	len = strlen(err->message);
	snprintf(err->message + len, sizeof err->message - len, "%s",
	    T("; name it with --approval ID (`mamnon approval list` shows "
	    "yours)", "; ghi mã bằng --approval MÃ (`mamnon approval list` "
	    "liệt kê các phê duyệt)"));
	return rc;
}

int
cli_export_file(struct mn_ctx *ctx, const struct mn_export_request *req,
    const char *output, struct mn_error *err)
{
	char tmp[4096];
	const char *dir = getenv("TMPDIR");
	int fd, rc;

	if (output != NULL)
		return hint_approval(req, mn_export_write(ctx, req, output,
		    err), err);
	/* mn_export_write (and libxlsxwriter) write to a named file. */
	snprintf(tmp, sizeof tmp, "%s/mamnon-export-XXXXXX",
	    dir != NULL && dir[0] != '\0' ? dir : "/tmp");
	fd = mkstemp(tmp);
	if (fd < 0)
		return mn_fail(err, MN_ERR_IO, "",
		    T("Cannot create a temporary file: %s",
		    "Không tạo được tệp tạm: %s"), strerror(errno));
	close(fd);
	rc = mn_export_write(ctx, req, tmp, err);
	if (rc == MN_OK && copy_file_to_stdout(tmp) != 0)
		rc = mn_fail(err, MN_ERR_IO, "",
		    T("Writing to standard output failed",
		    "Ghi ra đầu ra chuẩn thất bại"));
	unlink(tmp);
	return hint_approval(req, rc, err);
}

/* Reads the options after the subject; returns the bad one or NULL. */
static const char *
parse_opts(int argc, char **argv, struct export_opts *o)
{
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--class") == 0 && v != NULL)
			o->class_code = v;
		else if (strcmp(a, "--year") == 0 && v != NULL)
			o->year = v;
		else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)
		    && v != NULL)
			o->output = v;
		else if (strcmp(a, "--approval") == 0 && v != NULL)
			o->approval = v;
		else if (strcmp(a, "--format") == 0 && v != NULL &&
		    (strcmp(v, "csv") == 0 || strcmp(v, "xlsx") == 0))
			o->xlsx = strcmp(v, "xlsx") == 0;
		else
			return a;
		i++;
	}
	return NULL;
}

int
cli_export(struct mn_ctx *ctx, int argc, char **argv)
{
	struct export_opts o = { 0 };
	struct mn_export_request req = { 0 };
	struct mn_error err = { 0 };
	char problem[160], shown[80];
	const char *bad;
	size_t s;
	int rc;

	if (argc < 2)
		return usage(T("missing subject", "thiếu mục cần xuất"));
	for (s = 0; s < NSUBJECTS; s++)
		if (strcmp(argv[1], subjects[s].name) == 0)
			break;
	if (s == NSUBJECTS) {
		mn_text_safe(argv[1], shown, sizeof shown);
		snprintf(problem, sizeof problem, T("unknown subject '%s'",
		    "không có mục '%s'"), shown);
		return usage(problem);
	}
	if ((bad = parse_opts(argc, argv, &o)) != NULL) {
		mn_text_safe(bad, shown, sizeof shown);
		snprintf(problem, sizeof problem, T("invalid option or value "
		    "'%s'", "tùy chọn hoặc giá trị không hợp lệ '%s'"), shown);
		return usage(problem);
	}
	req.kind = subjects[s].kind;
	req.xlsx = o.xlsx;
	req.class_code = o.class_code;
	req.year = o.year;
	req.approval = o.approval;
	/* mn_export_write checks the approval before reading any data. */
	rc = cli_export_file(ctx, &req, o.output, &err);
	if (rc != MN_OK)
		return cli_error(&err);
	return CLI_OK;
}
