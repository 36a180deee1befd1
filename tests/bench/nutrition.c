/*
 * Times the balanced-portion calculation for a month of menus of both
 * age groups on a database: for each day of the month with a menu and
 * each age group, the day's nutrition from the stored menu, the
 * requirement in force and the comparison with it, then each week's
 * average.  Prints the median and the slowest of the runs.
 *
 *   nutrition DATABASE YYYY-MM [RUNS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/db.h"
#include "core/kitchen.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* One pass over the month; counts the days and weeks computed. */
static int
run_month(struct mn_ctx *ctx, int year, int month, int *days, int *weeks)
{
	struct mn_error err;
	char last_week[9] = "";

	*days = *weeks = 0;
	for (int d = 1; d <= mn_days_in_month(year, month); d++) {
		struct mn_date day = { year, month, d };

		for (int g = 0; g < MN_GROUP_COUNT; g++) {
			struct mn_nutrition n;
			struct mn_requirement r;
			struct mn_check checks[MN_CHECK_COUNT];

			if (mn_kitchen_day_nutrition(ctx, &day, g, &n, &err) !=
			    MN_OK)
				continue;	/* no menu on that day */
			if (mn_kitchen_requirement(ctx, g, &day, &r, &err) !=
			    MN_OK) {
				fprintf(stderr, "requirement: %s\n",
				    err.message);
				return 1;
			}
			mn_nutrition_evaluate(&n, &r, checks);
			(*days)++;
		}
		if (mn_date_weekday(&day) == 4 || d ==
		    mn_days_in_month(year, month)) {
			char week[9];
			long t = mn_date_to_days(&day) -
			    mn_date_weekday(&day);
			struct mn_date thursday;
			struct mn_date jan4;
			long week1;

			mn_date_from_days(t + 3, &thursday);
			jan4 = (struct mn_date){ thursday.year, 1, 4 };
			week1 = mn_date_to_days(&jan4) - mn_date_weekday(&jan4);
			snprintf(week, sizeof week, "%04u-W%02u",
			    (unsigned)thursday.year % 10000u,
			    (unsigned)((t - week1) / 7 + 1) % 100u);
			if (strcmp(week, last_week) == 0)
				continue;
			memcpy(last_week, week, sizeof week);
			for (int g = 0; g < MN_GROUP_COUNT; g++) {
				struct mn_nutrition n;

				if (mn_kitchen_week_nutrition(ctx, week, g, &n,
				    &err) == MN_OK)
					(*weeks)++;
			}
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct mn_ctx ctx;
	struct mn_error err;
	int year, month, runs = 20, days = 0, weeks = 0;
	double *ms;

	if (argc < 3 || sscanf(argv[2], "%4d-%2d", &year, &month) != 2 ||
	    month < 1 || month > 12) {
		fprintf(stderr, "usage: nutrition DATABASE YYYY-MM [RUNS]\n");
		return 2;
	}
	if (argc > 3 && (runs = atoi(argv[3])) < 1)
		runs = 1;
	memset(&ctx, 0, sizeof ctx);
	if (mn_db_open(argv[1], &ctx.db, &err) != MN_OK) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	ctx.actor.roles = MN_ROLE_HOST;
	snprintf(ctx.actor.login, sizeof ctx.actor.login, "host:bench");
	snprintf(ctx.actor.source, sizeof ctx.actor.source, "local");
	if ((ms = calloc((size_t)runs, sizeof *ms)) == NULL)
		return 1;
	for (int i = 0; i < runs; i++) {
		double start = now_ms();

		if (run_month(&ctx, year, month, &days, &weeks) != 0)
			return 1;
		ms[i] = now_ms() - start;
	}
	qsort(ms, (size_t)runs, sizeof *ms, compare_double);
	printf("month %04d-%02d: %d day calculations, %d week averages\n",
	    year, month, days, weeks);
	printf("runs %d: median %.2f ms, slowest %.2f ms\n", runs,
	    ms[runs / 2], ms[runs - 1]);
	free(ms);
	mn_db_close(ctx.db);
	return days > 0 ? 0 : 1;
}
