/*
 * mamnon import classes|children|staff FILE.csv [--dry-run]
 *     [--year YYYY-YYYY] [--id-reason TEXT] [--override]
 *
 * FILE "-" reads standard input.  Bad rows are listed on standard error
 * as "FILE:LINE: message"; nothing is written unless every row is valid.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_reg.h"
#include "core/csv.h"
#include "core/reg_io.h"

static const struct {
	const char *name;
	int (*fn)(struct mn_ctx *, struct mn_csv_reader *,
	    const struct mn_import_opts *, struct mn_import_report *,
	    struct mn_error *);
} subjects[] = {
	{ "classes", mn_import_classes },
	{ "children", mn_import_children },
	{ "staff", mn_import_staff },
};
#define NSUBJECTS (sizeof subjects / sizeof subjects[0])

static int
usage(const char *problem)
{
	return cli_usage("import", "%s\n%s", problem,
	    T("usage: mamnon import classes|children|staff FILE.csv "
	    "[--dry-run] [--year YYYY-YYYY] [--id-reason TEXT] [--override]",
	    "cách dùng: mamnon import classes|children|staff TỆP.csv "
	    "[--dry-run] [--year YYYY-YYYY] [--id-reason LÝ_DO] "
	    "[--override]"));
}

static int
open_input(const char *path, struct mn_csv_reader **r, struct mn_error *err)
{
	char *data = NULL;
	size_t len = 0, cap = 0, n;
	int rc;

	if (strcmp(path, "-") != 0)
		return mn_csv_open_file(path, r, err);
	do {
		if (len + 65536 > cap) {
			char *grown = realloc(data, cap = cap * 2 + 131072);

			if (grown == NULL) {
				free(data);
				return mn_fail(err, MN_ERR_NOMEM, "",
				    "out of memory");
			}
			data = grown;
		}
		n = fread(data + len, 1, 65536, stdin);
		len += n;
	} while (n > 0);
	rc = mn_csv_open_mem(data != NULL ? data : "", len, "stdin", r, err);
	free(data);
	return rc;
}

int
cli_import(struct mn_ctx *ctx, int argc, char **argv)
{
	struct mn_import_opts o = { 0 };
	struct mn_import_report rep = { 0 };
	struct mn_csv_reader *r = NULL;
	struct mn_error err = { 0 };
	const char *path = NULL;
	char problem[160];
	size_t s;
	int rc;

	if (argc < 2)
		return usage(T("missing subject", "thiếu mục cần nhập"));
	for (s = 0; s < NSUBJECTS; s++)
		if (strcmp(argv[1], subjects[s].name) == 0)
			break;
	if (s == NSUBJECTS) {
		snprintf(problem, sizeof problem, T("unknown subject '%s'",
		    "không có mục '%s'"), argv[1]);
		return usage(problem);
	}
	for (int i = 2; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(argv[i], "--dry-run") == 0) {
			o.dry_run = true;
		} else if (strcmp(argv[i], "--override") == 0) {
			o.override = true;
		} else if (strcmp(argv[i], "--year") == 0 && v != NULL) {
			o.year = argv[++i];
		} else if (strcmp(argv[i], "--id-reason") == 0 && v != NULL) {
			o.id_reason = argv[++i];
		} else if (path == NULL && (argv[i][0] != '-' ||
		    strcmp(argv[i], "-") == 0)) {
			path = argv[i];
		} else {
			snprintf(problem, sizeof problem, T("invalid option "
			    "'%s'", "tùy chọn không hợp lệ '%s'"), argv[i]);
			return usage(problem);
		}
	}
	if (path == NULL)
		return usage(T("missing file name", "thiếu tên tệp"));
	rc = open_input(path, &r, &err);
	if (rc != MN_OK)
		return cli_error(&err);
	rc = subjects[s].fn(ctx, r, &o, &rep, &err);
	mn_csv_close(r);
	for (size_t i = 0; i < rep.nissues; i++) {
		if (rep.issues[i].line > 0)
			fprintf(stderr, "%s:%zu: %s\n", path,
			    rep.issues[i].line, rep.issues[i].message);
		else
			fprintf(stderr, "%s: %s\n", path,
			    rep.issues[i].message);
	}
	if (rc == MN_OK && o.dry_run)
		printf(T("%zu rows checked, all valid; nothing written "
		    "(--dry-run)\n", "Đã kiểm tra %zu dòng, tất cả hợp lệ; "
		    "chưa ghi gì (--dry-run)\n"), rep.rows);
	else if (rc == MN_OK)
		printf(T("%zu rows imported\n", "Đã nhập %zu dòng\n"),
		    rep.written);
	/* A file-level error is already the report's last line. */
	if (rc != MN_OK && (rep.nissues == 0 || strcmp(err.message,
	    rep.issues[rep.nissues - 1].message) != 0))
		cli_error(&err);
	mn_import_report_free(&rep);
	return rc == MN_OK ? CLI_OK : CLI_FAIL;
}
