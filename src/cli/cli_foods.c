/*
 * Food import and the options of the kitchen's exports: the week's menu,
 * a day's or a week's nutrition, the market list and the meal-fee book.
 * The files are written by core/kitchen_export.c.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_foods.h"
#include "core/kitchen.h"
#include "core/kitchen_export.h"

/* ---- Options ---------------------------------------------------------- */

struct options {
	const char *week, *group, *date, *month, *format, *output;
};

static int
parse_options(const char *command, int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof *o);
	o->format = "csv";
	for (int i = 1; i < argc; i++) {
		const char **slot = NULL;

		if (strcmp(argv[i], "--week") == 0)
			slot = &o->week;
		else if (strcmp(argv[i], "--group") == 0)
			slot = &o->group;
		else if (strcmp(argv[i], "--date") == 0)
			slot = &o->date;
		else if (strcmp(argv[i], "--month") == 0)
			slot = &o->month;
		else if (strcmp(argv[i], "--format") == 0)
			slot = &o->format;
		else if (strcmp(argv[i], "-o") == 0 ||
		    strcmp(argv[i], "--output") == 0)
			slot = &o->output;
		else
			return cli_usage(command, T("unknown option '%s'",
			    "không có tùy chọn '%s'"), argv[i]);
		if (i + 1 >= argc)
			return cli_usage(command, T("%s needs a value",
			    "%s cần một giá trị"), argv[i]);
		*slot = argv[++i];
	}
	return CLI_OK;
}

static int
parse_date(const char *command, const char *text, struct mn_date *d)
{
	struct mn_error err = { 0 };

	if (text == NULL)
		return cli_usage(command, "%s", T("--date YYYY-MM-DD is "
		    "required", "cần --date YYYY-MM-DD"));
	if (mn_date_parse_iso(text, "--date", d, &err) != MN_OK)
		return cli_usage(command, "%s", err.message);
	return CLI_OK;
}

static int
parse_group(const char *command, const char *text, enum mn_age_group *g)
{
	struct mn_error err = { 0 };

	if (text == NULL)
		return cli_usage(command, "%s", T("--group is required: "
		    "nha-tre or mau-giao", "cần --group: nha-tre hoặc "
		    "mau-giao"));
	if (mn_menu_group_parse(text, g, &err) != MN_OK)
		return cli_usage(command, "%s", err.message);
	return CLI_OK;
}

/* ---- import foods ----------------------------------------------------- */

int
cli_import_foods(struct mn_ctx *ctx, int argc, char **argv)
{
	struct mn_error err = { 0 };
	const char *path = NULL;
	bool dry_run = false;
	int added, updated;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0)
			dry_run = true;
		else if (argv[i][0] == '-' || path != NULL)
			return cli_usage("import foods", T("unexpected "
			    "argument '%s'; usage: mamnon import foods "
			    "FILE.csv [--dry-run]", "tham số '%s' không hợp "
			    "lệ; cách dùng: mamnon import foods TỆP.csv "
			    "[--dry-run]"), argv[i]);
		else
			path = argv[i];
	}
	if (path == NULL)
		return cli_usage("import foods", "%s", T("missing FILE.csv; "
		    "usage: mamnon import foods FILE.csv [--dry-run]",
		    "thiếu TỆP.csv; cách dùng: mamnon import foods TỆP.csv "
		    "[--dry-run]"));
	if (mn_kitchen_import_foods(ctx, path, dry_run, &added, &updated,
	    &err) != MN_OK)
		return cli_error(&err);
	printf(dry_run ? T("%s: valid; %d foods would be added, %d updated "
	    "(nothing written)\n", "%s: hợp lệ; sẽ thêm %d và cập nhật %d "
	    "thực phẩm (chưa ghi gì)\n") : T("%s: %d foods added, %d "
	    "updated\n", "%s: đã thêm %d, cập nhật %d thực phẩm\n"), path,
	    added, updated);
	return CLI_OK;
}

/* Checks --format and that XLSX names a file, as the core needs. */
static int
check_format(const char *command, const struct options *o, bool *xlsx)
{
	if (strcmp(o->format, "csv") != 0 && strcmp(o->format, "xlsx") != 0)
		return cli_usage(command, T("--format: invalid value '%s'; "
		    "expected csv or xlsx", "--format: giá trị '%s' không hợp "
		    "lệ; cần csv hoặc xlsx"), o->format);
	*xlsx = strcmp(o->format, "xlsx") == 0;
	if (*xlsx && o->output == NULL)
		return cli_usage(command, "%s", T("--format xlsx needs "
		    "-o FILE", "--format xlsx cần -o TỆP"));
	return CLI_OK;
}

/* ---- export menu ------------------------------------------------------ */

static int
export_menu(struct mn_ctx *ctx, const struct options *o)
{
	const char *command = "export menu";
	struct mn_error err = { 0 };
	enum mn_age_group g;
	bool xlsx;
	int rc;

	if (o->week == NULL)
		return cli_usage(command, "%s", T("--week YYYY-Www is "
		    "required", "cần --week YYYY-Www"));
	if ((rc = parse_group(command, o->group, &g)) != CLI_OK ||
	    (rc = check_format(command, o, &xlsx)) != CLI_OK)
		return rc;
	if (mn_kitchen_export_menu(ctx, o->week, g, xlsx, o->output, &err) !=
	    MN_OK)
		return cli_error(&err);
	return CLI_OK;
}

/* ---- export nutrition ------------------------------------------------- */

static int
export_nutrition(struct mn_ctx *ctx, const struct options *o)
{
	const char *command = "export nutrition";
	struct mn_error err = { 0 };
	enum mn_age_group g;
	struct mn_date day;
	bool xlsx;
	int rc;

	if ((rc = parse_group(command, o->group, &g)) != CLI_OK)
		return rc;
	if ((o->date == NULL) == (o->week == NULL))
		return cli_usage(command, "%s", T("give --date YYYY-MM-DD, or "
		    "--week YYYY-Www for the week's average",
		    "cần --date YYYY-MM-DD, hoặc --week YYYY-Www cho trung "
		    "bình tuần"));
	if (o->date != NULL &&
	    (rc = parse_date(command, o->date, &day)) != CLI_OK)
		return rc;
	if ((rc = check_format(command, o, &xlsx)) != CLI_OK)
		return rc;
	if (mn_kitchen_export_nutrition(ctx, o->date != NULL ? &day : NULL,
	    o->week, g, xlsx, o->output, &err) != MN_OK)
		return cli_error(&err);
	return CLI_OK;
}

/* ---- export market ---------------------------------------------------- */

static int
export_market(struct mn_ctx *ctx, const struct options *o)
{
	const char *command = "export market";
	struct mn_error err = { 0 };
	struct mn_date day;
	bool xlsx;
	int rc;

	if ((rc = parse_date(command, o->date, &day)) != CLI_OK ||
	    (rc = check_format(command, o, &xlsx)) != CLI_OK)
		return rc;
	if (mn_kitchen_export_market(ctx, &day, xlsx, o->output, &err) !=
	    MN_OK)
		return cli_error(&err);
	return CLI_OK;
}

/* ---- export mealfees -------------------------------------------------- */

static int
export_mealfees(struct mn_ctx *ctx, const struct options *o)
{
	const char *command = "export mealfees";
	struct mn_error err = { 0 };
	bool xlsx;
	int rc;

	if (o->month == NULL)
		return cli_usage(command, "%s", T("--month YYYY-MM is required",
		    "cần --month YYYY-MM"));
	if ((rc = check_format(command, o, &xlsx)) != CLI_OK)
		return rc;
	if (mn_kitchen_export_mealfees(ctx, o->month, xlsx, o->output, &err) !=
	    MN_OK)
		return cli_error(&err);
	return CLI_OK;
}

int
cli_export_kitchen(struct mn_ctx *ctx, const char *what, int argc,
    char **argv)
{
	struct options o;
	char command[64];
	int rc;

	snprintf(command, sizeof command, "export %s", what);
	if ((rc = parse_options(command, argc, argv, &o)) != CLI_OK)
		return rc;
	if (strcmp(what, "menu") == 0)
		return export_menu(ctx, &o);
	if (strcmp(what, "nutrition") == 0)
		return export_nutrition(ctx, &o);
	if (strcmp(what, "market") == 0)
		return export_market(ctx, &o);
	if (strcmp(what, "mealfees") == 0)
		return export_mealfees(ctx, &o);
	return cli_usage(command, "%s", T("expected menu, nutrition, market "
	    "or mealfees", "cần menu, nutrition, market hoặc mealfees"));
}
