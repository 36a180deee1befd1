/*
 * `mamnon export growth --round YYYY-MM [--class CODE] --approval ID
 *  --format csv|xlsx [-o FILE]`: the report of a measuring round, as a
 * table for the education office: counts and percentages of every
 * category by class, age group and sex, then the children to follow up.
 */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_growth.h"
#include "cli/cli_reg.h"
#include "core/export_file.h"

static int
usage_error(const char *what)
{
	return cli_usage("export growth", "%s%s", what,
	    T("\nusage: mamnon export growth --round YYYY-MM [--class CODE] "
	    "--approval ID --format csv|xlsx [-o FILE]",
	    "\ncách dùng: mamnon export growth --round YYYY-MM "
	    "[--class MÃ] --approval MÃ --format csv|xlsx [-o TỆP]"));
}

int
cli_export_growth(struct mn_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "round", required_argument, NULL, 'r' },
		{ "class", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "approval", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *round = NULL, *class_code = NULL, *format = NULL;
	const char *approval = NULL;
	const char *path = NULL;
	struct mn_error err = { 0 };
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			round = optarg;
			break;
		case 'c':
			class_code = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 'a':
			approval = optarg;
			break;
		default:
			return usage_error(T("unknown option",
			    "tùy chọn không hợp lệ"));
		}
	}
	if (optind != argc || round == NULL || format == NULL)
		return usage_error(T("--round and --format are required",
		    "cần --round và --format"));
	if (strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0)
		return usage_error(T("--format: expected csv or xlsx",
		    "--format: cần csv hoặc xlsx"));
	if (strcmp(format, "xlsx") == 0 && path == NULL)
		return usage_error(T("--format xlsx needs -o FILE",
		    "--format xlsx cần -o TỆP"));

	/*
	 * The follow-up list names children, so the export needs an
	 * approval.  mn_export_write reports a bad round before it uses
	 * the approval, and an approval limited to a class needs --class.
	 */
	struct mn_export_request req = {
		.kind = MN_EXPORT_GROWTH,
		.round = round,
		.class_code = class_code,
		.approval = approval,
		.xlsx = strcmp(format, "xlsx") == 0,
	};

	if (cli_export_file(ctx, &req, path, &err) != MN_OK)
		return cli_error(&err);
	return CLI_OK;
}
