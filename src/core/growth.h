/*
 * Anthropometric z-scores by the WHO method and their classification:
 * WHO Child Growth Standards (2006) up to 1856 days of age, WHO Growth
 * Reference 2007 from 61 months (1857 days) to 228 months.  Pure
 * computation: no database, no configuration.
 *
 * Ages are in days from the birth date to the measurement date.  Weights
 * are in kg and lengths or heights in cm.  Sex is 1 for male, 2 for female.
 */
#ifndef MN_CORE_GROWTH_H
#define MN_CORE_GROWTH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/mn.h"

enum mn_indicator {
	MN_WFA,		/* weight-for-age, to 120 months */
	MN_LHFA,	/* length/height-for-age, to 228 months */
	MN_WFLH,	/* weight-for-length/height, to 1856 days */
	MN_BFA,		/* BMI-for-age, to 228 months */
	MN_INDICATOR_COUNT
};

/*
 * Classification of one z-score.  The labels depend on the indicator: a
 * MODERATE weight-for-age is underweight, a MODERATE length/height-for-age
 * is stunting, and so on (mn_growth_category_label).
 */
enum mn_growth_category {
	MN_GROWTH_NONE = 0,	/* no z-score */
	MN_GROWTH_IMPLAUSIBLE,	/* outside WHO's plausible range */
	MN_GROWTH_NORMAL,
	MN_GROWTH_MODERATE,	/* -3 SD <= z < -2 SD */
	MN_GROWTH_SEVERE,	/* z < -3 SD */
	MN_GROWTH_HIGH,		/* wfa > +2 SD, lhfa > +3 SD: noted only */
	MN_GROWTH_OVERWEIGHT,
	MN_GROWTH_OBESE,
	MN_GROWTH_CATEGORY_COUNT
};

/* Age limits of the references, in days. */
#define MN_GROWTH_2006_MAX_DAYS 1856	/* last row of the 2006 tables */
#define MN_GROWTH_HEIGHT_FROM_DAYS 731	/* 24 months: height, not length */
#define MN_GROWTH_DAYS_PER_MONTH 30.4375

/* Box-Cox power (L), median (M) and coefficient of variation (S). */
struct mn_lms {
	double l, m, s;
};

/* One indicator's result for one measurement. */
struct mn_zscore {
	bool computed;
	double z;		/* unrounded; WHO reports it to 2 decimals */
	bool flagged;		/* implausible: measure again */
	const char *reason;	/* why not computed, interface language */
	int category;		/* enum mn_growth_category */
};

/*
 * Computes the four z-scores of one measurement into out[MN_WFA] ...
 * out[MN_BFA].  weight_kg or height_cm <= 0 means "not measured".  The
 * length or height is first converted by mn_growth_adjust_length, and BMI
 * uses the converted value.  Returns MN_ERR_INVALID (every entry not
 * computed, with a reason) for a sex other than 1 or 2 or a negative age,
 * else MN_OK even when some entries are out of range.
 */
int mn_growth_zscores(int sex, long age_days, double weight_kg,
    double height_cm, bool measured_lying, struct mn_zscore out[4]);

/*
 * Converts a measurement to the one the standards expect: recumbent
 * length below 731 days (adds 0.7 cm to a standing height), standing
 * height from 731 days (subtracts 0.7 cm from a recumbent length).
 */
double mn_growth_adjust_length(long age_days, double cm, bool measured_lying);

/*
 * Finds the LMS of an age-based indicator (MN_WFA, MN_LHFA, MN_BFA): the
 * day's row of the 2006 tables up to 1856 days, else the 2007 row
 * interpolated at age_days / 30.4375 months.  Returns MN_ERR_INVALID when
 * the age is outside the reference.
 */
int mn_growth_lms_at_age(int indicator, int sex, long age_days,
    struct mn_lms *lms);

/*
 * Finds the LMS of the WHO 2007 reference (MN_WFA 61-120 months, MN_LHFA
 * and MN_BFA 61-228 months), interpolated linearly between whole months.
 */
int mn_growth_lms_at_month(int indicator, int sex, double months,
    struct mn_lms *lms);

/*
 * Finds the weight-for-length (45-110 cm, height false) or
 * weight-for-height (65-120 cm, height true) LMS, interpolated linearly
 * between the 0.1 cm rows.
 */
int mn_growth_lms_at_length(int sex, bool height, double cm,
    struct mn_lms *lms);

/*
 * Returns the z-score of x.  restricted selects WHO's rule for weight-based
 * indicators: beyond +/-3 SD the distance between the 2 SD and 3 SD values
 * is the unit instead of the LMS curve.
 */
double mn_growth_lms_z(const struct mn_lms *lms, double x, bool restricted);

/* Returns the measurement at z by the plain LMS curve. */
double mn_growth_lms_value(const struct mn_lms *lms, double z);

/* Rounds a z-score to 2 decimals, as WHO's software reports it. */
double mn_growth_round(double z);

/*
 * Tells whether WHO flags z as implausible: wfa < -6 or > +5, lhfa < -6 or
 * > +6, wflh and bfa < -5 or > +5 (after rounding to 2 decimals).
 */
bool mn_growth_implausible(int indicator, double z);

/*
 * Classifies a z-score (rounded to 2 decimals first).  The BMI-for-age
 * overweight and obesity cut-offs are +2 and +3 SD up to 1856 days and
 * +1 and +2 SD after; weight-for-length/height uses +2 and +3 SD.
 */
int mn_growth_classify(int indicator, long age_days, double z);

/* Returns the short name: "wfa", "lhfa", "wflh", "bfa", or NULL. */
const char *mn_growth_indicator_name(int indicator);

/* Returns a stable ASCII name of a category for storage ("moderate"). */
const char *mn_growth_category_name(int category);

/* Returns the category's label for the indicator, interface language. */
const char *mn_growth_category_label(int indicator, int category);

/*
 * Writes one line of `mamnon zscore` output without a newline: short name,
 * z to 2 decimals or "-", then "ok", "flag" or the reason it was not
 * computed, then the classification when computed.  Returns the length
 * snprintf returns.
 */
int mn_growth_format_line(int indicator, const struct mn_zscore *z,
    char *buf, size_t size);

#endif
