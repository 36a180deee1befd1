/*
 * Dishes and prices from the command line:
 *
 *   mamnon dish list
 *   mamnon dish show NAME
 *   mamnon price list CODE
 *   mamnon price set CODE YYYY-MM-DD DONG
 *
 * The output is tab-separated, numbers with '.' as the decimal point.
 * A price typed on the command line is read like one typed on a
 * screen: "150000", "150.000" and "150 000" are the same sum.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_kitchen.h"
#include "core/kitchen_edit.h"
#include "core/validate.h"

/* Largest price read; the core checks its own, tighter limit. */
#define PRICE_TEXT_MAX 1000000000

static int
parse_code(const char *command, const char *text, int *code)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(text, &end, 10);
	if (text[0] == '\0' || *end != '\0' || errno != 0 || n < 1 ||
	    n > 999999)
		return cli_usage(command, T("invalid food code '%s'; expected "
		    "a code of the food table, such as 1004", "mã thực phẩm "
		    "'%s' không hợp lệ; cần một mã trong bảng thực phẩm, ví dụ "
		    "1004"), text);
	*code = (int)n;
	return CLI_OK;
}

/* ---- dish --------------------------------------------------------------- */

static int
dish_list(struct mn_ctx *ctx)
{
	struct mn_dish_summary *rows;
	struct mn_error err = { 0 };
	size_t n;

	if (mn_kitchen_dishes(ctx, &rows, &n, &err) != MN_OK)
		return cli_error(&err);
	printf("name\tnha-tre\tmau-giao\n");
	for (size_t i = 0; i < n; i++)
		printf("%s\t%d\t%d\n", rows[i].name,
		    rows[i].items[MN_GROUP_NHA_TRE],
		    rows[i].items[MN_GROUP_MAU_GIAO]);
	free(rows);
	return CLI_OK;
}

static int
dish_show(struct mn_ctx *ctx, const char *name)
{
	struct mn_dish_detail d;
	struct mn_error err = { 0 };
	int64_t id;

	if (mn_kitchen_dish_find(ctx, name, &id, &err) != MN_OK ||
	    mn_kitchen_dish_get(ctx, id, &d, &err) != MN_OK)
		return cli_error(&err);
	printf("group\tcode\tfood\tedible_g\trefuse_pct\tbought_g\n");
	for (size_t i = 0; i < d.count; i++)
		printf("%s\t%d\t%s\t%.1f\t%.1f\t%.1f\n",
		    mn_menu_group_key(d.items[i].group), d.foods[i].code,
		    d.foods[i].name, mn_round_half_up(d.items[i].edible_g, 1),
		    mn_round_half_up(d.foods[i].refuse_pct, 1),
		    mn_round_half_up(mn_bought_grams(d.items[i].edible_g,
		    d.foods[i].refuse_pct), 1));
	mn_dish_detail_free(&d);
	return CLI_OK;
}

int
cli_dish(struct mn_ctx *ctx, int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (strcmp(what, "list") == 0 && argc == 2)
		return dish_list(ctx);
	if (strcmp(what, "show") == 0 && argc == 3)
		return dish_show(ctx, argv[2]);
	return cli_usage("dish", "%s", T("usage: mamnon dish list | mamnon "
	    "dish show NAME", "cách dùng: mamnon dish list | mamnon dish "
	    "show TÊN"));
}

/* ---- price -------------------------------------------------------------- */

static int
price_list(struct mn_ctx *ctx, const char *code_text)
{
	struct mn_price_row *rows;
	struct mn_error err = { 0 };
	size_t n;
	int code, rc;

	if ((rc = parse_code("price list", code_text, &code)) != CLI_OK)
		return rc;
	if (mn_kitchen_price_history(ctx, code, &rows, &n, &err) != MN_OK)
		return cli_error(&err);
	printf("effective_from\tunit_price\tchanged_by\tchanged_at\n");
	for (size_t i = 0; i < n; i++)
		printf("%s\t%" PRId64 "\t%s\t%s\n", rows[i].effective_from,
		    rows[i].unit_price, rows[i].changed_by,
		    rows[i].changed_at);
	free(rows);
	return CLI_OK;
}

static int
price_set(struct mn_ctx *ctx, char **args)
{
	const char *command = "price set";
	struct mn_error err = { 0 };
	struct mn_date from;
	int64_t price;
	int code, rc;

	if ((rc = parse_code(command, args[0], &code)) != CLI_OK)
		return rc;
	if (mn_date_parse_iso(args[1], "effective_from", &from, &err) != MN_OK)
		return cli_usage(command, "%s", err.message);
	/* The same reading as the price form: "150.000" is 150000. */
	if (mn_parse_money(args[2], "unit_price", T("price", "đơn giá"),
	    PRICE_TEXT_MAX, &price, &err) != MN_OK)
		return cli_usage(command, "%s", err.message);
	if (mn_kitchen_price_set(ctx, code, &from, price, &err) != MN_OK)
		return cli_error(&err);
	printf(T("food %d: %" PRId64 " đồng per unit from %s\n",
	    "thực phẩm %d: %" PRId64 " đồng mỗi đơn vị từ %s\n"), code,
	    price, args[1]);
	return CLI_OK;
}

int
cli_price(struct mn_ctx *ctx, int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (strcmp(what, "list") == 0 && argc == 3)
		return price_list(ctx, argv[2]);
	if (strcmp(what, "set") == 0 && argc == 5)
		return price_set(ctx, argv + 2);
	return cli_usage("price", "%s", T("usage: mamnon price list CODE | "
	    "mamnon price set CODE YYYY-MM-DD DONG", "cách dùng: mamnon "
	    "price list MÃ | mamnon price set MÃ YYYY-MM-DD ĐỒNG"));
}
