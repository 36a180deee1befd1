/*
 * WHO z-scores against WHO's own expanded z-score tables, plus the length
 * conversion, the restricted rule beyond 3 SD, range limits, flags,
 * classification and the `mamnon zscore` output.
 *
 * The reference points are read from tests/data/who-oracle/ under the
 * source tree: $MN_SOURCE_DIR, else the MN_SOURCE_DIR macro, else ".".
 * The command test runs $MN_BINARY, else mamnon in that folder, and is
 * skipped when neither exists.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/growth.h"

#ifndef MN_SOURCE_DIR
#define MN_SOURCE_DIR "."
#endif

/* Largest accepted distance from WHO's published z (values to 3 dp). */
#define ORACLE_TOLERANCE 0.01

#define SD_COLUMNS 9	/* z = -4 ... +4 */

static const char *
source_dir(void)
{
	const char *dir = getenv("MN_SOURCE_DIR");

	return dir != NULL && *dir != '\0' ? dir : MN_SOURCE_DIR;
}

static void
binary_path(char *buf, size_t size)
{
	const char *bin = getenv("MN_BINARY");

	if (bin != NULL && *bin != '\0')
		snprintf(buf, size, "%s", bin);
	else
		snprintf(buf, size, "%s/mamnon", source_dir());
}

/* Computes the z-score of x for one oracle row. */
typedef double (*oracle_z_fn)(int sex, double key, double x);

struct oracle_stats {
	int rows;
	int points;
	double max_error;
};

/*
 * Runs fn over every row of tests/data/who-oracle/NAME.tsv and asserts
 * each z from -4 to +4 within ORACLE_TOLERANCE.  Returns the row count.
 */
static int
check_oracle(const char *name, oracle_z_fn fn)
{
	char path[4096], line[512];
	struct oracle_stats st = { 0, 0, 0 };
	FILE *f;
	bool header = false;

	snprintf(path, sizeof path, "%s/tests/data/who-oracle/%s.tsv",
	    source_dir(), name);
	f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot open %s (set MN_SOURCE_DIR)", path);
	while (fgets(line, sizeof line, f) != NULL) {
		double key, x[SD_COLUMNS];
		int sex;

		if (line[0] == '#')
			continue;
		if (!header) {
			header = true;
			continue;
		}
		if (sscanf(line, "%d %lf %lf %lf %lf %lf %lf %lf %lf %lf %lf",
		    &sex, &key, &x[0], &x[1], &x[2], &x[3], &x[4], &x[5],
		    &x[6], &x[7], &x[8]) != 2 + SD_COLUMNS)
			fail_msg("%s: bad line: %s", path, line);
		for (int i = 0; i < SD_COLUMNS; i++) {
			double want = i - 4;
			double got = fn(sex, key, x[i]);
			double error = fabs(got - want);

			if (!(error <= ORACLE_TOLERANCE))
				fail_msg("%s sex %d key %g: x %g gives z %.4f, "
				    "expected %g", name, sex, key, x[i], got,
				    want);
			if (error > st.max_error)
				st.max_error = error;
			st.points++;
		}
		st.rows++;
	}
	fclose(f);
	print_message("%s: %d rows, %d points, max |z error| %.4f\n", name,
	    st.rows, st.points, st.max_error);
	return st.rows;
}

/* Returns one indicator of mn_growth_zscores, failing if not computed. */
static double
zscore_of(int indicator, int sex, long age_days, double weight,
    double height, bool lying)
{
	struct mn_zscore out[MN_INDICATOR_COUNT];

	assert_int_equal(mn_growth_zscores(sex, age_days, weight, height,
	    lying, out), MN_OK);
	if (!out[indicator].computed)
		fail_msg("%s not computed at age %ld, weight %g, height %g: %s",
		    mn_growth_indicator_name(indicator), age_days, weight,
		    height, out[indicator].reason);
	return out[indicator].z;
}

static double
wfa_2006_z(int sex, double day, double x)
{
	return zscore_of(MN_WFA, sex, (long)day, x, 0, false);
}

/* Measured in the position the standard expects, so no conversion. */
static double
lhfa_2006_z(int sex, double day, double x)
{
	return zscore_of(MN_LHFA, sex, (long)day, 0, x,
	    day < MN_GROWTH_HEIGHT_FROM_DAYS);
}

/* A 100 cm child weighing x kg has a BMI of x. */
static double
bfa_2006_z(int sex, double day, double x)
{
	return zscore_of(MN_BFA, sex, (long)day, x, 100,
	    day < MN_GROWTH_HEIGHT_FROM_DAYS);
}

static double
wfl_2006_z(int sex, double cm, double x)
{
	return zscore_of(MN_WFLH, sex, 300, x, cm, true);
}

static double
wfh_2006_z(int sex, double cm, double x)
{
	return zscore_of(MN_WFLH, sex, 1000, x, cm, false);
}

static double
month_z(int indicator, int sex, double month, double x)
{
	struct mn_lms lms;

	assert_int_equal(mn_growth_lms_at_month(indicator, sex, month, &lms),
	    MN_OK);
	return mn_growth_lms_z(&lms, x, indicator != MN_LHFA);
}

static double
wfa_2007_z(int sex, double month, double x)
{
	return month_z(MN_WFA, sex, month, x);
}

static double
hfa_2007_z(int sex, double month, double x)
{
	return month_z(MN_LHFA, sex, month, x);
}

static double
bfa_2007_z(int sex, double month, double x)
{
	return month_z(MN_BFA, sex, month, x);
}

static void
oracle_2006_by_age(void **state)
{
	assert_int_equal(check_oracle("wfa_2006", wfa_2006_z), 2 * 1857);
	assert_int_equal(check_oracle("lhfa_2006", lhfa_2006_z), 2 * 1857);
	assert_int_equal(check_oracle("bfa_2006", bfa_2006_z), 2 * 1857);
}

static void
oracle_2006_by_length(void **state)
{
	assert_int_equal(check_oracle("wfl_2006", wfl_2006_z), 2 * 651);
	assert_int_equal(check_oracle("wfh_2006", wfh_2006_z), 2 * 551);
}

static void
oracle_2007_by_month(void **state)
{
	assert_int_equal(check_oracle("wfa_2007", wfa_2007_z), 2 * 60);
	assert_int_equal(check_oracle("hfa_2007", hfa_2007_z), 2 * 168);
	assert_int_equal(check_oracle("bfa_2007", bfa_2007_z), 2 * 168);
}

static void
length_conversion(void **state)
{
	assert_float_equal(mn_growth_adjust_length(730, 80, false), 80.7,
	    1e-9);
	assert_float_equal(mn_growth_adjust_length(730, 80, true), 80, 1e-9);
	assert_float_equal(mn_growth_adjust_length(731, 90, true), 89.3,
	    1e-9);
	assert_float_equal(mn_growth_adjust_length(731, 90, false), 90, 1e-9);
	assert_float_equal(mn_growth_adjust_length(3000, 120, true), 119.3,
	    1e-9);
}

/* Every length-based indicator receives the converted value. */
static void
length_conversion_in_zscores(void **state)
{
	int ind[] = { MN_LHFA, MN_WFLH, MN_BFA };

	for (size_t i = 0; i < sizeof ind / sizeof ind[0]; i++) {
		assert_float_equal(zscore_of(ind[i], 1, 400, 9.5, 75.0, false),
		    zscore_of(ind[i], 1, 400, 9.5, 75.7, true), 1e-9);
		assert_float_equal(zscore_of(ind[i], 2, 800, 12.0, 88.0, true),
		    zscore_of(ind[i], 2, 800, 12.0, 87.3, false), 1e-9);
	}
	/* The conversion changes the z-score, so the check above can fail. */
	assert_true(fabs(zscore_of(MN_LHFA, 1, 400, 9.5, 75.0, false) -
	    zscore_of(MN_LHFA, 1, 400, 9.5, 75.0, true)) > 0.1);
}

static void
restricted_beyond_3sd(void **state)
{
	struct mn_lms lms;
	double sd2, sd3, x, plain;

	assert_int_equal(mn_growth_lms_at_age(MN_WFA, 1, 0, &lms), MN_OK);
	sd2 = mn_growth_lms_value(&lms, 2);
	sd3 = mn_growth_lms_value(&lms, 3);
	x = sd3 + 0.5 * (sd3 - sd2);
	assert_float_equal(mn_growth_lms_z(&lms, x, true), 3.5, 1e-9);
	plain = mn_growth_lms_z(&lms, x, false);
	assert_true(fabs(plain - 3.5) > 0.01);

	sd2 = mn_growth_lms_value(&lms, -2);
	sd3 = mn_growth_lms_value(&lms, -3);
	x = sd3 - 1.5 * (sd2 - sd3);
	assert_float_equal(mn_growth_lms_z(&lms, x, true), -4.5, 1e-9);
	assert_true(fabs(mn_growth_lms_z(&lms, x, false) + 4.5) > 0.01);

	/* Within 3 SD both forms agree. */
	x = mn_growth_lms_value(&lms, 2.5);
	assert_float_equal(mn_growth_lms_z(&lms, x, true), 2.5, 1e-9);
}

/* Length/height-for-age keeps the plain LMS curve beyond 3 SD. */
static void
lhfa_not_restricted(void **state)
{
	struct mn_lms lms;
	double x;

	assert_int_equal(mn_growth_lms_at_age(MN_LHFA, 2, 400, &lms), MN_OK);
	x = mn_growth_lms_value(&lms, 4.2);
	assert_float_equal(zscore_of(MN_LHFA, 2, 400, 0, x, true), 4.2, 1e-9);
	x = mn_growth_lms_value(&lms, -5.5);
	assert_float_equal(zscore_of(MN_LHFA, 2, 400, 0, x, true), -5.5,
	    1e-9);
}

static void
wfl_interpolates_between_rows(void **state)
{
	struct mn_lms a, b, mid;

	assert_int_equal(mn_growth_lms_at_length(1, false, 50.0, &a), MN_OK);
	assert_int_equal(mn_growth_lms_at_length(1, false, 50.1, &b), MN_OK);
	assert_int_equal(mn_growth_lms_at_length(1, false, 50.05, &mid),
	    MN_OK);
	assert_true(a.m != b.m);
	assert_float_equal(mid.m, (a.m + b.m) / 2, 1e-9);
	assert_float_equal(mid.l, (a.l + b.l) / 2, 1e-9);
	assert_float_equal(mid.s, (a.s + b.s) / 2, 1e-9);
}

static void
age_2007_interpolates_months(void **state)
{
	struct mn_lms by_age, lo, hi;
	long day = 2000;	/* 65.708 months */
	double months = day / MN_GROWTH_DAYS_PER_MONTH;
	double frac = months - 65;

	assert_int_equal(mn_growth_lms_at_age(MN_BFA, 2, day, &by_age), MN_OK);
	assert_int_equal(mn_growth_lms_at_month(MN_BFA, 2, 65, &lo), MN_OK);
	assert_int_equal(mn_growth_lms_at_month(MN_BFA, 2, 66, &hi), MN_OK);
	assert_float_equal(by_age.m, lo.m + frac * (hi.m - lo.m), 1e-9);
	assert_float_equal(by_age.l, lo.l + frac * (hi.l - lo.l), 1e-9);
	assert_float_equal(by_age.s, lo.s + frac * (hi.s - lo.s), 1e-9);
}

/* 1856 days uses the 2006 day row, 1857 days the 2007 months. */
static void
reference_switch_at_1857_days(void **state)
{
	struct mn_lms a, b;

	assert_int_equal(mn_growth_lms_at_age(MN_LHFA, 1, 1856, &a), MN_OK);
	assert_float_equal(a.m, 110.4969, 1e-12);	/* day 1856, boys */
	assert_int_equal(mn_growth_lms_at_age(MN_LHFA, 1, 1857, &a), MN_OK);
	assert_int_equal(mn_growth_lms_at_month(MN_LHFA, 1,
	    1857 / MN_GROWTH_DAYS_PER_MONTH, &b), MN_OK);
	assert_float_equal(a.m, b.m, 1e-12);
}

static void
expect_computed(int indicator, int sex, long age, double w, double h,
    bool lying, bool computed)
{
	struct mn_zscore out[MN_INDICATOR_COUNT];

	assert_int_equal(mn_growth_zscores(sex, age, w, h, lying, out), MN_OK);
	if (out[indicator].computed != computed)
		fail_msg("%s at age %ld, %g kg, %g cm: computed %d, "
		    "expected %d", mn_growth_indicator_name(indicator), age,
		    w, h, out[indicator].computed, computed);
	if (computed) {
		assert_null(out[indicator].reason);
		if (!isfinite(out[indicator].z))
			fail_msg("%s at age %ld, %g kg, %g cm: z %g",
			    mn_growth_indicator_name(indicator), age, w, h,
			    out[indicator].z);
	} else {
		assert_non_null(out[indicator].reason);
		assert_int_equal(out[indicator].category, MN_GROWTH_NONE);
	}
}

static void
age_limits(void **state)
{
	/* 120 months = 3652.5 days, 228 months = 6939.75 days. */
	expect_computed(MN_WFA, 1, 0, 3.3, 0, true, true);
	expect_computed(MN_WFA, 1, 3652, 25, 0, false, true);
	expect_computed(MN_WFA, 1, 3653, 25, 0, false, false);
	expect_computed(MN_LHFA, 2, 6939, 0, 160, false, true);
	expect_computed(MN_LHFA, 2, 6940, 0, 160, false, false);
	expect_computed(MN_BFA, 2, 6939, 50, 160, false, true);
	expect_computed(MN_BFA, 2, 6940, 50, 160, false, false);
	expect_computed(MN_WFLH, 1, 1856, 18, 110, false, true);
	expect_computed(MN_WFLH, 1, 1857, 18, 110, false, false);
}

static void
length_limits(void **state)
{
	expect_computed(MN_WFLH, 1, 100, 3, 44.9, true, false);
	expect_computed(MN_WFLH, 1, 100, 3, 45.0, true, true);
	expect_computed(MN_WFLH, 2, 700, 18, 110.0, true, true);
	expect_computed(MN_WFLH, 2, 700, 18, 110.1, true, false);
	/* Standing at 730 days: 109.4 + 0.7 = 110.1 cm of length. */
	expect_computed(MN_WFLH, 2, 730, 18, 109.3, false, true);
	expect_computed(MN_WFLH, 2, 730, 18, 109.4, false, false);
	expect_computed(MN_WFLH, 1, 731, 7, 64.9, false, false);
	expect_computed(MN_WFLH, 1, 731, 7, 65.0, false, true);
	expect_computed(MN_WFLH, 1, 1500, 22, 120.0, false, true);
	expect_computed(MN_WFLH, 1, 1500, 22, 120.1, false, false);
	/* Lying from 24 months: 120.7 - 0.7 = 120.0 cm of height. */
	expect_computed(MN_WFLH, 1, 1500, 22, 120.7, true, true);
}

static void
missing_measurements(void **state)
{
	expect_computed(MN_WFA, 1, 100, 0, 60, true, false);
	expect_computed(MN_LHFA, 1, 100, 0, 60, true, true);
	expect_computed(MN_WFLH, 1, 100, 0, 60, true, false);
	expect_computed(MN_BFA, 1, 100, 0, 60, true, false);
	expect_computed(MN_WFA, 1, 100, 6, 0, true, true);
	expect_computed(MN_LHFA, 1, 100, 6, 0, true, false);
	expect_computed(MN_WFLH, 1, 100, 6, NAN, true, false);
	expect_computed(MN_BFA, 1, 100, 6, -1, true, false);
}

static void
invalid_sex_and_age(void **state)
{
	struct mn_zscore out[MN_INDICATOR_COUNT];

	assert_int_equal(mn_growth_zscores(0, 100, 6, 60, true, out),
	    MN_ERR_INVALID);
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		assert_false(out[i].computed);
		assert_non_null(out[i].reason);
	}
	assert_int_equal(mn_growth_zscores(3, 100, 6, 60, true, out),
	    MN_ERR_INVALID);
	assert_int_equal(mn_growth_zscores(1, -1, 6, 60, true, out),
	    MN_ERR_INVALID);
	assert_false(out[MN_WFA].computed);
}

static void
implausible_flags(void **state)
{
	assert_false(mn_growth_implausible(MN_WFA, -6.0));
	assert_false(mn_growth_implausible(MN_WFA, -6.004));
	assert_true(mn_growth_implausible(MN_WFA, -6.01));
	assert_false(mn_growth_implausible(MN_WFA, 5.0));
	assert_true(mn_growth_implausible(MN_WFA, 5.01));

	assert_false(mn_growth_implausible(MN_LHFA, -6.0));
	assert_true(mn_growth_implausible(MN_LHFA, -6.01));
	assert_false(mn_growth_implausible(MN_LHFA, 6.0));
	assert_true(mn_growth_implausible(MN_LHFA, 6.01));

	for (int ind = MN_WFLH; ind <= MN_BFA; ind++) {
		assert_false(mn_growth_implausible(ind, -5.0));
		assert_true(mn_growth_implausible(ind, -5.01));
		assert_false(mn_growth_implausible(ind, 5.0));
		assert_true(mn_growth_implausible(ind, 5.01));
	}
}

/* A weight far beyond +5 SD is flagged and not classified. */
static void
implausible_in_zscores(void **state)
{
	struct mn_zscore out[MN_INDICATOR_COUNT];

	assert_int_equal(mn_growth_zscores(1, 100, 15, 60, true, out), MN_OK);
	assert_true(out[MN_WFA].computed);
	assert_true(out[MN_WFA].z > 5);
	assert_true(out[MN_WFA].flagged);
	assert_int_equal(out[MN_WFA].category, MN_GROWTH_IMPLAUSIBLE);
	assert_false(out[MN_LHFA].flagged);
}

static void
classify_low_side(void **state)
{
	for (int ind = 0; ind < MN_INDICATOR_COUNT; ind++) {
		assert_int_equal(mn_growth_classify(ind, 400, -1.99),
		    MN_GROWTH_NORMAL);
		assert_int_equal(mn_growth_classify(ind, 400, -2.0),
		    MN_GROWTH_NORMAL);
		assert_int_equal(mn_growth_classify(ind, 400, -2.004),
		    MN_GROWTH_NORMAL);
		assert_int_equal(mn_growth_classify(ind, 400, -2.01),
		    MN_GROWTH_MODERATE);
		assert_int_equal(mn_growth_classify(ind, 400, -3.0),
		    MN_GROWTH_MODERATE);
		assert_int_equal(mn_growth_classify(ind, 400, -3.01),
		    MN_GROWTH_SEVERE);
		assert_int_equal(mn_growth_classify(ind, 400, -4.9),
		    MN_GROWTH_SEVERE);
		assert_int_equal(mn_growth_classify(ind, 400, 0),
		    MN_GROWTH_NORMAL);
	}
}

static void
classify_high_side(void **state)
{
	assert_int_equal(mn_growth_classify(MN_WFA, 400, 2.0),
	    MN_GROWTH_NORMAL);
	assert_int_equal(mn_growth_classify(MN_WFA, 400, 2.01),
	    MN_GROWTH_HIGH);
	assert_int_equal(mn_growth_classify(MN_WFA, 400, 4.5),
	    MN_GROWTH_HIGH);
	assert_int_equal(mn_growth_classify(MN_LHFA, 400, 3.0),
	    MN_GROWTH_NORMAL);
	assert_int_equal(mn_growth_classify(MN_LHFA, 400, 3.01),
	    MN_GROWTH_HIGH);

	assert_int_equal(mn_growth_classify(MN_WFLH, 400, 2.0),
	    MN_GROWTH_NORMAL);
	assert_int_equal(mn_growth_classify(MN_WFLH, 400, 2.01),
	    MN_GROWTH_OVERWEIGHT);
	assert_int_equal(mn_growth_classify(MN_WFLH, 400, 3.0),
	    MN_GROWTH_OVERWEIGHT);
	assert_int_equal(mn_growth_classify(MN_WFLH, 400, 3.01),
	    MN_GROWTH_OBESE);
	assert_int_equal(mn_growth_classify(MN_WFLH, 400, 5.01),
	    MN_GROWTH_IMPLAUSIBLE);

	/* BMI-for-age under five uses +2/+3 SD ... */
	assert_int_equal(mn_growth_classify(MN_BFA, 1856, 1.5),
	    MN_GROWTH_NORMAL);
	assert_int_equal(mn_growth_classify(MN_BFA, 1856, 2.01),
	    MN_GROWTH_OVERWEIGHT);
	assert_int_equal(mn_growth_classify(MN_BFA, 1856, 3.01),
	    MN_GROWTH_OBESE);
	/* ... and +1/+2 SD from 1857 days (61 months). */
	assert_int_equal(mn_growth_classify(MN_BFA, 1857, 1.0),
	    MN_GROWTH_NORMAL);
	assert_int_equal(mn_growth_classify(MN_BFA, 1857, 1.01),
	    MN_GROWTH_OVERWEIGHT);
	assert_int_equal(mn_growth_classify(MN_BFA, 1857, 2.0),
	    MN_GROWTH_OVERWEIGHT);
	assert_int_equal(mn_growth_classify(MN_BFA, 1857, 2.01),
	    MN_GROWTH_OBESE);
}

static void
category_labels(void **state)
{
	mn_set_language(MN_LANG_VI);
	assert_string_equal(mn_growth_category_label(MN_WFA,
	    MN_GROWTH_MODERATE), "suy dinh dưỡng nhẹ cân");
	assert_string_equal(mn_growth_category_label(MN_WFA,
	    MN_GROWTH_SEVERE), "suy dinh dưỡng nhẹ cân nặng");
	assert_string_equal(mn_growth_category_label(MN_LHFA,
	    MN_GROWTH_MODERATE), "suy dinh dưỡng thấp còi");
	assert_string_equal(mn_growth_category_label(MN_LHFA,
	    MN_GROWTH_SEVERE), "suy dinh dưỡng thấp còi nặng");
	assert_string_equal(mn_growth_category_label(MN_WFLH,
	    MN_GROWTH_MODERATE), "suy dinh dưỡng gầy còm");
	assert_string_equal(mn_growth_category_label(MN_WFLH,
	    MN_GROWTH_SEVERE), "suy dinh dưỡng gầy còm nặng");
	assert_string_equal(mn_growth_category_label(MN_BFA,
	    MN_GROWTH_MODERATE), "gầy");
	assert_string_equal(mn_growth_category_label(MN_BFA,
	    MN_GROWTH_SEVERE), "gầy nặng");
	assert_string_equal(mn_growth_category_label(MN_WFLH,
	    MN_GROWTH_OVERWEIGHT), "thừa cân");
	assert_string_equal(mn_growth_category_label(MN_BFA,
	    MN_GROWTH_OBESE), "béo phì");
	assert_string_equal(mn_growth_category_label(MN_WFA,
	    MN_GROWTH_NORMAL), "bình thường");

	mn_set_language(MN_LANG_EN);
	assert_string_equal(mn_growth_category_label(MN_LHFA,
	    MN_GROWTH_SEVERE), "severe stunting");
	assert_string_equal(mn_growth_category_label(MN_WFLH,
	    MN_GROWTH_MODERATE), "wasting");
	assert_string_equal(mn_growth_category_label(MN_BFA,
	    MN_GROWTH_OBESE), "obesity");
	mn_set_language(MN_LANG_VI);

	for (int c = 0; c < MN_GROWTH_CATEGORY_COUNT; c++)
		assert_non_null(mn_growth_category_name(c));
	assert_null(mn_growth_category_name(MN_GROWTH_CATEGORY_COUNT));
	assert_string_equal(mn_growth_category_name(MN_GROWTH_OBESE),
	    "obese");
}

static void
format_line(void **state)
{
	struct mn_zscore z = { true, -2.3149, false, NULL, MN_GROWTH_MODERATE };
	char buf[256];

	mn_set_language(MN_LANG_VI);
	mn_growth_format_line(MN_WFA, &z, buf, sizeof buf);
	assert_string_equal(buf, "wfa -2.31 ok suy dinh dưỡng nhẹ cân");

	z.z = 5.6;
	z.flagged = true;
	z.category = MN_GROWTH_IMPLAUSIBLE;
	mn_growth_format_line(MN_WFLH, &z, buf, sizeof buf);
	assert_string_equal(buf, "wflh 5.60 flag bất thường, cần đo lại");

	z.z = -0.001;
	z.flagged = false;
	z.category = MN_GROWTH_NORMAL;
	mn_growth_format_line(MN_BFA, &z, buf, sizeof buf);
	assert_string_equal(buf, "bfa 0.00 ok bình thường");

	z.computed = false;
	z.reason = "tuổi trên 120 tháng (10 tuổi)";
	mn_growth_format_line(MN_WFA, &z, buf, sizeof buf);
	assert_string_equal(buf, "wfa - tuổi trên 120 tháng (10 tuổi)");
}

/* Runs the built program; returns its exit status, output in out. */
static int
run_program(const char *args, char *out, size_t size)
{
	char bin[4096], cmd[8192];
	size_t used = 0, n;
	FILE *p;
	int status;

	binary_path(bin, sizeof bin);
	snprintf(cmd, sizeof cmd, "'%s' zscore %s 2>&1", bin, args);
	p = popen(cmd, "r");
	assert_non_null(p);
	while (used + 1 < size &&
	    (n = fread(out + used, 1, size - 1 - used, p)) > 0)
		used += n;
	out[used] = '\0';
	status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void
cli_output(void **state)
{
	char path[4096], out[4096];
	struct mn_zscore z[MN_INDICATOR_COUNT];
	char expect[1024], line[256];
	int status;

	binary_path(path, sizeof path);
	if (access(path, X_OK) != 0)
		skip();

	/*
	 * 2020-01-01 to 2021-01-01 is 366 days; WHO's table puts 6.9 kg
	 * between -3 SD (6.278) and -2 SD (7.047) for a girl of that age.
	 */
	status = run_program("--sex F --birth 2020-01-01 --date 2021-01-01 "
	    "--weight 6.9 --height 70.5 --measured standing --lang en",
	    out, sizeof out);
	if (status != 0)
		fail_msg("exit %d: %s", status, out);
	mn_set_language(MN_LANG_EN);
	assert_int_equal(mn_growth_zscores(2, 366, 6.9, 70.5, false, z),
	    MN_OK);
	expect[0] = '\0';
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		mn_growth_format_line(i, &z[i], line, sizeof line);
		strcat(expect, line);
		strcat(expect, "\n");
	}
	mn_set_language(MN_LANG_VI);
	assert_string_equal(out, expect);
	assert_non_null(strstr(out, "wfa -2.1"));
	assert_non_null(strstr(out, " ok underweight\n"));

	/* Past 19 years every line gives its reason, and the exit is 0. */
	status = run_program("--sex M --birth 2000-01-01 --date 2020-01-01 "
	    "--weight 60 --height 170 --lang en", out, sizeof out);
	assert_int_equal(status, 0);
	assert_non_null(strstr(out, "wfa - age above 120 months"));
	assert_non_null(strstr(out, "bfa - age above 228 months"));

	/* A comma works as the decimal separator. */
	status = run_program("--sex F --birth 2020-01-01 --date 2021-01-01 "
	    "--weight 6,9 --height 70,5 --measured standing --lang en",
	    line, sizeof line);
	assert_int_equal(status, 0);
	assert_string_equal(line, expect);

	status = run_program("--sex X --birth 2020-01-01 --date 2021-01-01 "
	    "--weight 7", out, sizeof out);
	assert_int_equal(status, 2);
	assert_non_null(strstr(out, "--sex"));

	status = run_program("--sex M --birth 2020-02-30 --date 2021-01-01 "
	    "--weight 7", out, sizeof out);
	assert_int_equal(status, 2);
	assert_non_null(strstr(out, "--birth"));

	status = run_program("--sex M --birth 2020-01-01 --date 2021-01-01 "
	    "--weight 7kg", out, sizeof out);
	assert_int_equal(status, 2);
	assert_non_null(strstr(out, "--weight"));

	status = run_program("--sex M --birth 2021-01-01 --date 2020-01-01 "
	    "--weight 7", out, sizeof out);
	assert_int_equal(status, 2);
	assert_non_null(strstr(out, "--date"));

	status = run_program("--sex M --birth 2020-01-01 --date 2021-01-01 "
	    "--weight 7 --measured sitting", out, sizeof out);
	assert_int_equal(status, 2);
	assert_non_null(strstr(out, "--measured"));

	status = run_program("--sex M --birth 2020-01-01 --date 2021-01-01",
	    out, sizeof out);
	assert_int_equal(status, 2);
	assert_non_null(strstr(out, "--weight"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(oracle_2006_by_age),
		cmocka_unit_test(oracle_2006_by_length),
		cmocka_unit_test(oracle_2007_by_month),
		cmocka_unit_test(length_conversion),
		cmocka_unit_test(length_conversion_in_zscores),
		cmocka_unit_test(restricted_beyond_3sd),
		cmocka_unit_test(lhfa_not_restricted),
		cmocka_unit_test(wfl_interpolates_between_rows),
		cmocka_unit_test(age_2007_interpolates_months),
		cmocka_unit_test(reference_switch_at_1857_days),
		cmocka_unit_test(age_limits),
		cmocka_unit_test(length_limits),
		cmocka_unit_test(missing_measurements),
		cmocka_unit_test(invalid_sex_and_age),
		cmocka_unit_test(implausible_flags),
		cmocka_unit_test(implausible_in_zscores),
		cmocka_unit_test(classify_low_side),
		cmocka_unit_test(classify_high_side),
		cmocka_unit_test(category_labels),
		cmocka_unit_test(format_line),
		cmocka_unit_test(cli_output),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
