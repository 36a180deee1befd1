/*
 * mamnon export SUBJECT [--class CODE] [--year YYYY-YYYY]
 *     [--format csv|xlsx] [-o FILE]
 *
 * Subjects are looked up in a table, so later registers (attendance,
 * growth, menus) add one line each.  Without -o the file goes to
 * standard output; XLSX is first written to a temporary file because
 * libxlsxwriter needs a file name.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_reg.h"
#include "core/approvals.h"
#include "core/csv.h"
#include "core/reg_io.h"
#include "core/table.h"
#include "core/xlsx.h"

struct export_opts {
	const char *class_code;
	const char *year;
	const char *output;
	const char *approval;
	bool xlsx;
};

static int
export_classes(struct mn_ctx *ctx, const struct export_opts *o,
    struct mn_table *t, struct mn_error *err)
{
	return mn_export_classes(ctx, o->year, o->class_code, t, err);
}

static int
export_children(struct mn_ctx *ctx, const struct export_opts *o,
    struct mn_table *t, struct mn_error *err)
{
	return mn_export_children(ctx, o->year, o->class_code, t, err);
}

static int
export_staff(struct mn_ctx *ctx, const struct export_opts *o,
    struct mn_table *t, struct mn_error *err)
{
	return mn_export_staff(ctx, o->year, t, err);
}

static const struct {
	const char *name;
	bool personal;		/* contains personal data */
	int (*fn)(struct mn_ctx *, const struct export_opts *,
	    struct mn_table *, struct mn_error *);
} subjects[] = {
	{ "classes", false, export_classes },
	{ "children", true, export_children },
	{ "staff", true, export_staff },
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

static int
write_xlsx(const struct mn_table *t, const char *output,
    struct mn_error *err)
{
	char tmp[4096];
	const char *dir = getenv("TMPDIR");
	int fd, rc;

	if (output != NULL)
		return mn_xlsx_write_table(output, t, err);
	snprintf(tmp, sizeof tmp, "%s/mamnon-export-XXXXXX",
	    dir != NULL && dir[0] != '\0' ? dir : "/tmp");
	fd = mkstemp(tmp);
	if (fd < 0)
		return mn_fail(err, MN_ERR_IO, "",
		    T("Cannot create a temporary file: %s",
		    "Không tạo được tệp tạm: %s"), strerror(errno));
	close(fd);
	rc = mn_xlsx_write_table(tmp, t, err);
	if (rc == MN_OK && copy_file_to_stdout(tmp) != 0)
		rc = mn_fail(err, MN_ERR_IO, "",
		    T("Writing to standard output failed",
		    "Ghi ra đầu ra chuẩn thất bại"));
	unlink(tmp);
	return rc;
}

static int
write_csv(const struct mn_table *t, const char *output,
    struct mn_error *err)
{
	FILE *f = output != NULL ? fopen(output, "wb") : stdout;
	int rc;

	if (f == NULL)
		return mn_fail(err, MN_ERR_IO, "", T("%s: cannot create: %s",
		    "%s: không tạo được: %s"), output, strerror(errno));
	rc = mn_csv_write_table(f, t, err);
	if (output != NULL) {
		if (fclose(f) != 0 && rc == MN_OK)
			rc = mn_fail(err, MN_ERR_IO, "", T("%s: write failed: "
			    "%s", "%s: ghi thất bại: %s"), output,
			    strerror(errno));
	} else if (fflush(stdout) != 0 && rc == MN_OK) {
		rc = mn_fail(err, MN_ERR_IO, "", T("Writing to standard "
		    "output failed", "Ghi ra đầu ra chuẩn thất bại"));
	}
	return rc;
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
	struct mn_table t;
	struct mn_error err = { 0 };
	char problem[160];
	const char *bad;
	size_t s;
	int rc;

	if (argc < 2)
		return usage(T("missing subject", "thiếu mục cần xuất"));
	for (s = 0; s < NSUBJECTS; s++)
		if (strcmp(argv[1], subjects[s].name) == 0)
			break;
	if (s == NSUBJECTS) {
		snprintf(problem, sizeof problem, T("unknown subject '%s'",
		    "không có mục '%s'"), argv[1]);
		return usage(problem);
	}
	if ((bad = parse_opts(argc, argv, &o)) != NULL) {
		snprintf(problem, sizeof problem, T("invalid option or value "
		    "'%s'", "tùy chọn hoặc giá trị không hợp lệ '%s'"), bad);
		return usage(problem);
	}
	/* Personal data leaves only under the principal's approval. */
	if (subjects[s].personal &&
	    mn_approval_check(ctx, o.approval, subjects[s].name, &err) !=
	    MN_OK)
		return cli_error(&err);
	rc = subjects[s].fn(ctx, &o, &t, &err);
	if (rc == MN_OK) {
		rc = o.xlsx ? write_xlsx(&t, o.output, &err) :
		    write_csv(&t, o.output, &err);
		mn_table_free(&t);
	}
	if (rc != MN_OK)
		return cli_error(&err);
	return CLI_OK;
}
