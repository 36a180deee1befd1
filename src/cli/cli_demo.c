/*
 * mamnon demo: turns a database made by `mamnon init` into a believable
 * school to try the program on.  The same --seed gives the same school.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/account.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/demo.h"

int
cli_demo(struct mn_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "seed", required_argument, NULL, 's' },
		{ "password-stdin", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	struct mn_error err = { 0 };
	unsigned long seed = 1;
	bool password_stdin = false;
	char *password, *end;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			seed = strtoul(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || seed > 999999999)
				return cli_usage("demo", T("--seed: expected a "
				    "whole number from 0 to 999999999",
				    "--seed: cần một số nguyên từ 0 đến "
				    "999999999"));
			break;
		case 'p':
			password_stdin = true;
			break;
		default:
			return cli_usage("demo", T("unknown option",
			    "tùy chọn không hợp lệ"));
		}
	}
	if (!password_stdin || optind != argc)
		return cli_usage("demo", T("usage: mamnon demo [--seed N] "
		    "--password-stdin", "cách dùng: mamnon demo [--seed N] "
		    "--password-stdin"));
	if ((password = cli_read_password()) == NULL)
		return CLI_FAIL;
	rc = mn_demo_build(ctx, (unsigned)seed, password, &err);
	free(password);
	if (rc != MN_OK)
		return cli_error(&err);
	printf(T("Demo school created (seed %lu).\n",
	    "Đã tạo trường mẫu (seed %lu).\n"), seed);
	return CLI_OK;
}
