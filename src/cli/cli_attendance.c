/*
 * Attendance from the command line: the monthly sheet export and saving
 * a class-day, both acting as the host administrator.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_attendance.h"
#include "cli/cli_reg.h"
#include "core/attendance.h"
#include "core/date.h"
#include "core/export_file.h"
#include "core/text.h"

/* Parses "YYYY-MM" into year and month. */
static bool
parse_month(const char *text, int *year, int *month)
{
	char tail;

	if (strlen(text) != 7 || text[4] != '-' ||
	    sscanf(text, "%4d-%2d%c", year, month, &tail) != 2)
		return false;
	return *year >= 2000 && *year <= 2999 && *month >= 1 && *month <= 12;
}

int
cli_export_attendance(struct mn_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "class", required_argument, NULL, 'c' },
		{ "month", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "approval", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *code = NULL, *month_text = NULL, *format = "csv";
	const char *output = NULL, *approval = NULL;
	struct mn_export_request req = { 0 };
	struct mn_error err = { 0 };
	char shown[128];
	int year = 0, month = 0, c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			code = optarg;
			break;
		case 'm':
			month_text = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'a':
			approval = optarg;
			break;
		default:
			return cli_usage("export attendance",
			    T("unknown option", "tùy chọn không hợp lệ"));
		}
	}
	if (code == NULL || month_text == NULL || optind != argc)
		return cli_usage("export attendance", T("usage: mamnon export "
		    "attendance --class CODE --month YYYY-MM --approval ID "
		    "--format csv|xlsx [-o FILE]", "cách dùng: mamnon export "
		    "attendance --class MÃ_LỚP --month YYYY-MM --approval MÃ "
		    "--format csv|xlsx [-o TỆP]"));
	if (!parse_month(month_text, &year, &month)) {
		mn_text_safe(month_text, shown, sizeof shown);
		return cli_usage("export attendance",
		    T("--month: invalid value "
		    "'%s'; expected YYYY-MM, e.g. 2026-11", "--month: giá trị "
		    "'%s' không hợp lệ; cần dạng YYYY-MM, ví dụ 2026-11"),
		    shown);
	}
	if (strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0) {
		mn_text_safe(format, shown, sizeof shown);
		return cli_usage("export attendance", T("--format: invalid "
		    "value '%s'; expected csv or xlsx", "--format: giá trị "
		    "'%s' không hợp lệ; cần csv hoặc xlsx"), shown);
	}
	if (strcmp(format, "xlsx") == 0 && output == NULL)
		return cli_usage("export attendance", T("--format xlsx needs "
		    "-o FILE", "--format xlsx cần -o TỆP"));

	req.kind = MN_EXPORT_ATTENDANCE;
	req.xlsx = strcmp(format, "xlsx") == 0;
	req.class_code = code;
	req.month = month_text;
	req.approval = approval;
	/*
	 * The sheet names children: mn_export_write checks the approval
	 * and records who took the sheet.
	 */
	rc = cli_export_file(ctx, &req, output, &err);
	return rc == MN_OK ? CLI_OK : cli_error(&err);
}

/* Applies "CHILD:P" (absent) or "CHILD" with mark (late) to att. */
static int
apply_mark(struct mn_attendance_day *att, const char *arg, bool late,
    struct mn_error *err)
{
	char code[64];
	const char *colon = strchr(arg, ':');
	enum mn_mark mark = MN_MARK_LATE;
	size_t len = colon != NULL && !late ? (size_t)(colon - arg) :
	    strlen(arg);

	if (!late) {
		if (colon == NULL || (strcmp(colon + 1, "P") != 0 &&
		    strcmp(colon + 1, "K") != 0))
			return mn_fail(err, MN_ERR_INVALID, "absent",
			    T("--absent: invalid value '%s'; expected "
			    "CHILD_CODE:P (with leave) or CHILD_CODE:K "
			    "(without leave)", "--absent: giá trị '%s' không "
			    "hợp lệ; cần MÃ_TRẺ:P (có phép) hoặc MÃ_TRẺ:K "
			    "(không phép)"), arg);
		mark = colon[1] == 'P' ? MN_MARK_EXCUSED : MN_MARK_UNEXCUSED;
	}
	if (len == 0 || len >= sizeof code)
		return mn_fail(err, MN_ERR_INVALID, "child",
		    T("invalid child code '%s'", "mã trẻ '%s' không hợp lệ"),
		    arg);
	memcpy(code, arg, len);
	code[len] = '\0';
	for (size_t i = 0; i < att->count; i++) {
		if (strcmp(att->entries[i].school_code, code) == 0) {
			att->entries[i].mark = mark;
			return MN_OK;
		}
	}
	return mn_fail(err, MN_ERR_INVALID, "child",
	    T("child %s is not in class %s on that day; check the child code",
	    "trẻ %s không thuộc lớp %s vào ngày đó; hãy kiểm tra mã trẻ"),
	    code, att->class_code);
}

static int
attendance_save(struct mn_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "class", required_argument, NULL, 'c' },
		{ "date", required_argument, NULL, 'd' },
		{ "absent", required_argument, NULL, 'a' },
		{ "late", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	const char *code = NULL, *date_text = NULL;
	struct mn_attendance_day att;
	struct mn_error err = { 0 };
	struct mn_date day;
	int64_t class_id;
	int c, present, enrolled;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			code = optarg;
			break;
		case 'd':
			date_text = optarg;
			break;
		case 'a':
		case 'l':
			break;	/* applied after loading the class */
		default:
			return cli_usage("attendance save",
			    T("unknown option", "tùy chọn không hợp lệ"));
		}
	}
	if (code == NULL || date_text == NULL || optind != argc)
		return cli_usage("attendance save", T("usage: mamnon "
		    "attendance save --class CODE --date YYYY-MM-DD "
		    "[--absent CHILD:P|K ...] [--late CHILD ...]", "cách dùng: "
		    "mamnon attendance save --class MÃ_LỚP --date YYYY-MM-DD "
		    "[--absent MÃ_TRẺ:P|K ...] [--late MÃ_TRẺ ...]"));
	if (mn_date_parse_iso(date_text, "--date", &day, &err) != MN_OK ||
	    mn_attendance_class_find(ctx, code, &day, &class_id, &err) !=
	    MN_OK ||
	    mn_attendance_load(ctx, class_id, &day, &att, &err) != MN_OK)
		return cli_error(&err);

	optind = 0;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if ((c == 'a' || c == 'l') &&
		    apply_mark(&att, optarg, c == 'l', &err) != MN_OK) {
			mn_attendance_free(&att);
			return cli_error(&err);
		}
	}
	if (mn_attendance_save(ctx, &att, NULL, &err) != MN_OK) {
		mn_attendance_free(&att);
		return cli_error(&err);
	}
	mn_attendance_count(&att, &present, &enrolled);
	printf(T("Saved attendance of %s on %s: %d of %d present.\n",
	    "Đã lưu điểm danh lớp %s ngày %s: có mặt %d/%d.\n"),
	    att.class_code, date_text, present, enrolled);
	mn_attendance_free(&att);
	return CLI_OK;
}

int
cli_attendance(struct mn_ctx *ctx, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "save") == 0)
		return attendance_save(ctx, argc - 1, argv + 1);
	return cli_usage("attendance", T("usage: mamnon attendance save "
	    "--class CODE --date YYYY-MM-DD [--absent CHILD:P|K ...] "
	    "[--late CHILD ...]", "cách dùng: mamnon attendance save --class "
	    "MÃ_LỚP --date YYYY-MM-DD [--absent MÃ_TRẺ:P|K ...] "
	    "[--late MÃ_TRẺ ...]"));
}
