/*
 * mamnon promote --from YYYY-YYYY --to YYYY-YYYY [--apply]: opens a new
 * school year by moving every attending child up one age group.  Without
 * --apply it only prints the plan, so the principal can check it first.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/registers.h"
#include "core/text.h"

static int
usage(const char *problem)
{
	return cli_usage("promote", "%s\n%s", problem,
	    T("usage: mamnon promote --from YYYY-YYYY --to YYYY-YYYY "
	    "[--apply]", "cách dùng: mamnon promote --from YYYY-YYYY "
	    "--to YYYY-YYYY [--apply]"));
}

static const char *
action_label(enum mn_promotion_action action)
{
	switch (action) {
	case MN_PROMOTE_MOVE:
		return T("moves to", "lên lớp");
	case MN_PROMOTE_GRADUATE:
		return T("graduates", "hoàn thành chương trình");
	case MN_PROMOTE_UNPLACED:
		return T("no place: add a class or raise a capacity",
		    "chưa có chỗ: hãy thêm lớp hoặc tăng sĩ số");
	}
	return "?";
}

static void
print_plan(const struct mn_promotion_plan *plan)
{
	size_t moved = 0, graduated = 0, unplaced = 0;
	char name[300];

	for (size_t i = 0; i < plan->count; i++) {
		const struct mn_promotion_item *it = &plan->items[i];

		mn_text_safe(it->full_name, name, sizeof name);
		printf("%-12s %-32s %-8s %s %s\n", it->school_code, name,
		    it->from_class, action_label(it->action),
		    it->action == MN_PROMOTE_MOVE ? it->to_class : "");
		if (it->action == MN_PROMOTE_MOVE)
			moved++;
		else if (it->action == MN_PROMOTE_GRADUATE)
			graduated++;
		else
			unplaced++;
	}
	printf(T("%zu move up, %zu graduate, %zu without a place.\n",
	    "%zu trẻ lên lớp, %zu trẻ hoàn thành chương trình, %zu trẻ chưa "
	    "có chỗ.\n"), moved, graduated, unplaced);
}

int
cli_promote(struct mn_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "apply", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	struct mn_school_year from, to;
	struct mn_promotion_plan plan;
	struct mn_error err = { 0 };
	const char *from_name = NULL, *to_name = NULL;
	bool apply = false;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			from_name = optarg;
			break;
		case 't':
			to_name = optarg;
			break;
		case 'a':
			apply = true;
			break;
		default:
			return usage(T("unknown option",
			    "tùy chọn không hợp lệ"));
		}
	}
	if (from_name == NULL || to_name == NULL || optind != argc)
		return usage(T("--from and --to are required",
		    "cần --from và --to"));
	if (mn_school_year_find(ctx, from_name, &from, &err) != MN_OK ||
	    mn_school_year_find(ctx, to_name, &to, &err) != MN_OK)
		return cli_error(&err);
	if (mn_promotion_preview(ctx, from.id, to.id, &plan, &err) != MN_OK)
		return cli_error(&err);
	print_plan(&plan);
	rc = CLI_OK;
	if (apply) {
		if (mn_promotion_apply(ctx, &plan, &err) != MN_OK)
			rc = cli_error(&err);
		else
			printf(T("Applied.\n", "Đã thực hiện.\n"));
	} else {
		printf(T("Nothing written; run again with --apply.\n",
		    "Chưa ghi gì; chạy lại với --apply để thực hiện.\n"));
	}
	mn_promotion_free(&plan);
	return rc;
}
