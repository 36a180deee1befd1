/*
 * WHO growth z-scores (LMS method) and their classification in the terms
 * Vietnamese health services use.  The tables are in who_tables.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/growth.h"
#include "core/who_tables.h"

/* Conversion between recumbent length and standing height, in cm. */
#define LENGTH_HEIGHT_DIFF 0.7

/* Positions closer than this to a row are taken as on the row. */
#define ROW_EPSILON 1e-6

static const struct mn_who_table *
find_table(const char *name, int sex)
{
	for (size_t i = 0; i < mn_who_table_count; i++)
		if (mn_who_tables[i].sex == sex &&
		    strcmp(mn_who_tables[i].name, name) == 0)
			return &mn_who_tables[i];
	return NULL;
}

/*
 * Interpolates the LMS linearly at key, which must lie between the first
 * and the last row.  Keys that fall on a row up to rounding noise (86.0 cm
 * computed as 85.3 + 0.7) take that row unchanged.
 */
static int
table_lms(const struct mn_who_table *t, double key, struct mn_lms *lms)
{
	double pos, frac;
	long row;

	if (t == NULL || !isfinite(key))
		return MN_ERR_INVALID;
	pos = (key - t->first) / t->step;
	if (fabs(pos - round(pos)) < ROW_EPSILON)
		pos = round(pos);
	if (pos < 0 || pos > t->count - 1)
		return MN_ERR_INVALID;
	row = (long)floor(pos);
	frac = pos - row;
	*lms = t->rows[row];
	if (frac > 0) {
		const struct mn_lms *next = &t->rows[row + 1];

		lms->l += frac * (next->l - lms->l);
		lms->m += frac * (next->m - lms->m);
		lms->s += frac * (next->s - lms->s);
	}
	return MN_OK;
}

int
mn_growth_lms_at_month(int indicator, int sex, double months,
    struct mn_lms *lms)
{
	const char *name;

	switch (indicator) {
	case MN_WFA:
		name = "wfa_2007";
		break;
	case MN_LHFA:
		name = "hfa_2007";
		break;
	case MN_BFA:
		name = "bfa_2007";
		break;
	default:
		return MN_ERR_INVALID;
	}
	return table_lms(find_table(name, sex), months, lms);
}

int
mn_growth_lms_at_age(int indicator, int sex, long age_days,
    struct mn_lms *lms)
{
	const char *name;

	if (age_days < 0)
		return MN_ERR_INVALID;
	if (age_days > MN_GROWTH_2006_MAX_DAYS)
		return mn_growth_lms_at_month(indicator, sex,
		    age_days / MN_GROWTH_DAYS_PER_MONTH, lms);
	switch (indicator) {
	case MN_WFA:
		name = "wfa_2006";
		break;
	case MN_LHFA:
		name = "lhfa_2006";
		break;
	case MN_BFA:
		name = "bfa_2006";
		break;
	default:
		return MN_ERR_INVALID;
	}
	return table_lms(find_table(name, sex), (double)age_days, lms);
}

int
mn_growth_lms_at_length(int sex, bool height, double cm, struct mn_lms *lms)
{
	return table_lms(find_table(height ? "wfh_2006" : "wfl_2006", sex),
	    cm, lms);
}

double
mn_growth_lms_value(const struct mn_lms *lms, double z)
{
	if (fabs(lms->l) < 1e-12)
		return lms->m * exp(lms->s * z);
	return lms->m * pow(1 + lms->l * lms->s * z, 1 / lms->l);
}

double
mn_growth_lms_z(const struct mn_lms *lms, double x, bool restricted)
{
	double z, sd2, sd3;

	if (fabs(lms->l) < 1e-12)
		z = log(x / lms->m) / lms->s;
	else
		z = (pow(x / lms->m, lms->l) - 1) / (lms->l * lms->s);
	if (!restricted || fabs(z) <= 3)
		return z;

	/*
	 * Beyond 3 SD the Box-Cox curve is extrapolated past the observed
	 * data, so WHO measures there in units of the 2-3 SD distance on the
	 * same side.
	 */
	if (z > 3) {
		sd3 = mn_growth_lms_value(lms, 3);
		sd2 = mn_growth_lms_value(lms, 2);
		return 3 + (x - sd3) / (sd3 - sd2);
	}
	sd3 = mn_growth_lms_value(lms, -3);
	sd2 = mn_growth_lms_value(lms, -2);
	return -3 + (x - sd3) / (sd2 - sd3);
}

double
mn_growth_round(double z)
{
	double r = round(z * 100) / 100;

	return r == 0 ? 0 : r;	/* no "-0.00" */
}

double
mn_growth_adjust_length(long age_days, double cm, bool measured_lying)
{
	if (age_days < MN_GROWTH_HEIGHT_FROM_DAYS && !measured_lying)
		return cm + LENGTH_HEIGHT_DIFF;
	if (age_days >= MN_GROWTH_HEIGHT_FROM_DAYS && measured_lying)
		return cm - LENGTH_HEIGHT_DIFF;
	return cm;
}

bool
mn_growth_implausible(int indicator, double z)
{
	double r = mn_growth_round(z);

	switch (indicator) {
	case MN_WFA:
		return r < -6 || r > 5;
	case MN_LHFA:
		return r < -6 || r > 6;
	case MN_WFLH:
	case MN_BFA:
		return r < -5 || r > 5;
	}
	return false;
}

int
mn_growth_classify(int indicator, long age_days, double z)
{
	double r = mn_growth_round(z);
	double over = 2, obese = 3;

	if (indicator < 0 || indicator >= MN_INDICATOR_COUNT || !isfinite(z))
		return MN_GROWTH_NONE;
	if (mn_growth_implausible(indicator, z))
		return MN_GROWTH_IMPLAUSIBLE;
	if (r < -3)
		return MN_GROWTH_SEVERE;
	if (r < -2)
		return MN_GROWTH_MODERATE;
	switch (indicator) {
	case MN_WFA:
		return r > 2 ? MN_GROWTH_HIGH : MN_GROWTH_NORMAL;
	case MN_LHFA:
		return r > 3 ? MN_GROWTH_HIGH : MN_GROWTH_NORMAL;
	case MN_BFA:
		if (age_days > MN_GROWTH_2006_MAX_DAYS) {
			over = 1;
			obese = 2;
		}
		break;
	}
	if (r > obese)
		return MN_GROWTH_OBESE;
	if (r > over)
		return MN_GROWTH_OVERWEIGHT;
	return MN_GROWTH_NORMAL;
}

static void
set_reason(struct mn_zscore *out, const char *reason)
{
	out->computed = false;
	out->z = NAN;
	out->flagged = false;
	out->reason = reason;
	out->category = MN_GROWTH_NONE;
}

static void
set_z(struct mn_zscore *out, int indicator, long age_days, double z)
{
	out->computed = true;
	out->z = z;
	out->flagged = mn_growth_implausible(indicator, z);
	out->reason = NULL;
	out->category = mn_growth_classify(indicator, age_days, z);
}

static const char *
age_limit_reason(int indicator)
{
	if (indicator == MN_WFA)
		return T("age above 120 months (10 years)",
		    "tuổi trên 120 tháng (10 tuổi)");
	return T("age above 228 months (19 years)",
	    "tuổi trên 228 tháng (19 tuổi)");
}

/* Weight-for-age, length/height-for-age and BMI-for-age. */
static void
age_based(int indicator, int sex, long age_days, double x,
    struct mn_zscore *out)
{
	struct mn_lms lms;

	if (mn_growth_lms_at_age(indicator, sex, age_days, &lms) != MN_OK) {
		set_reason(out, age_limit_reason(indicator));
		return;
	}
	set_z(out, indicator, age_days,
	    mn_growth_lms_z(&lms, x, indicator != MN_LHFA));
}

static void
weight_for_length(int sex, long age_days, double weight, double cm,
    struct mn_zscore *out)
{
	struct mn_lms lms;
	bool height = age_days >= MN_GROWTH_HEIGHT_FROM_DAYS;

	if (age_days > MN_GROWTH_2006_MAX_DAYS) {
		set_reason(out, T("age above 1856 days, see BMI-for-age",
		    "tuổi trên 1856 ngày, xem BMI theo tuổi"));
		return;
	}
	if (mn_growth_lms_at_length(sex, height, cm, &lms) != MN_OK) {
		set_reason(out, height ?
		    T("height outside 65-120 cm",
		    "chiều cao ngoài khoảng 65-120 cm") :
		    T("length outside 45-110 cm",
		    "chiều dài ngoài khoảng 45-110 cm"));
		return;
	}
	set_z(out, MN_WFLH, age_days, mn_growth_lms_z(&lms, weight, true));
}

int
mn_growth_zscores(int sex, long age_days, double weight_kg,
    double height_cm, bool measured_lying, struct mn_zscore out[4])
{
	const char *no_weight = T("no weight", "chưa có cân nặng");
	const char *no_height = T("no length or height",
	    "chưa có chiều dài hoặc chiều cao");
	bool has_weight = isfinite(weight_kg) && weight_kg > 0;
	bool has_height = isfinite(height_cm) && height_cm > 0;
	double cm = 0;

	if (sex != 1 && sex != 2) {
		const char *reason = T("sex must be 1 (male) or 2 (female)",
		    "giới tính phải là 1 (nam) hoặc 2 (nữ)");

		for (int i = 0; i < MN_INDICATOR_COUNT; i++)
			set_reason(&out[i], reason);
		return MN_ERR_INVALID;
	}
	if (age_days < 0) {
		for (int i = 0; i < MN_INDICATOR_COUNT; i++)
			set_reason(&out[i], T("measurement date before birth",
			    "ngày đo trước ngày sinh"));
		return MN_ERR_INVALID;
	}
	if (has_height)
		cm = mn_growth_adjust_length(age_days, height_cm,
		    measured_lying);

	if (has_weight)
		age_based(MN_WFA, sex, age_days, weight_kg, &out[MN_WFA]);
	else
		set_reason(&out[MN_WFA], no_weight);

	if (has_height)
		age_based(MN_LHFA, sex, age_days, cm, &out[MN_LHFA]);
	else
		set_reason(&out[MN_LHFA], no_height);

	if (!has_weight)
		set_reason(&out[MN_WFLH], no_weight);
	else if (!has_height)
		set_reason(&out[MN_WFLH], no_height);
	else
		weight_for_length(sex, age_days, weight_kg, cm,
		    &out[MN_WFLH]);

	if (!has_weight)
		set_reason(&out[MN_BFA], no_weight);
	else if (!has_height)
		set_reason(&out[MN_BFA], no_height);
	else
		age_based(MN_BFA, sex, age_days,
		    weight_kg / ((cm / 100) * (cm / 100)), &out[MN_BFA]);
	return MN_OK;
}

const char *
mn_growth_indicator_name(int indicator)
{
	static const char *const names[MN_INDICATOR_COUNT] = {
		"wfa", "lhfa", "wflh", "bfa"
	};

	if (indicator < 0 || indicator >= MN_INDICATOR_COUNT)
		return NULL;
	return names[indicator];
}

const char *
mn_growth_category_name(int category)
{
	static const char *const names[MN_GROWTH_CATEGORY_COUNT] = {
		"none", "implausible", "normal", "moderate", "severe", "high",
		"overweight", "obese"
	};

	if (category < 0 || category >= MN_GROWTH_CATEGORY_COUNT)
		return NULL;
	return names[category];
}

/* Labels of the categories below -2 SD, which name the disorder. */
static const char *
low_label(int indicator, bool severe)
{
	switch (indicator) {
	case MN_WFA:
		return severe ?
		    T("severe underweight", "suy dinh dưỡng nhẹ cân nặng") :
		    T("underweight", "suy dinh dưỡng nhẹ cân");
	case MN_LHFA:
		return severe ?
		    T("severe stunting", "suy dinh dưỡng thấp còi nặng") :
		    T("stunting", "suy dinh dưỡng thấp còi");
	case MN_WFLH:
		return severe ?
		    T("severe wasting", "suy dinh dưỡng gầy còm nặng") :
		    T("wasting", "suy dinh dưỡng gầy còm");
	default:
		return severe ? T("severe thinness", "gầy nặng") :
		    T("thinness", "gầy");
	}
}

const char *
mn_growth_category_label(int indicator, int category)
{
	switch (category) {
	case MN_GROWTH_IMPLAUSIBLE:
		return T("implausible, measure again",
		    "bất thường, cần đo lại");
	case MN_GROWTH_NORMAL:
		return T("normal", "bình thường");
	case MN_GROWTH_MODERATE:
		return low_label(indicator, false);
	case MN_GROWTH_SEVERE:
		return low_label(indicator, true);
	case MN_GROWTH_HIGH:
		if (indicator == MN_LHFA)
			return T("very tall", "rất cao");
		return T("above +2 SD", "trên +2 SD");
	case MN_GROWTH_OVERWEIGHT:
		return T("overweight", "thừa cân");
	case MN_GROWTH_OBESE:
		return T("obesity", "béo phì");
	default:
		return T("no z-score", "không có chỉ số Z");
	}
}

int
mn_growth_format_line(int indicator, const struct mn_zscore *z,
    char *buf, size_t size)
{
	const char *name = mn_growth_indicator_name(indicator);

	if (name == NULL)
		name = "?";
	if (!z->computed)
		return snprintf(buf, size, "%s - %s", name,
		    z->reason != NULL ? z->reason : "-");
	return snprintf(buf, size, "%s %.2f %s %s", name,
	    mn_growth_round(z->z), z->flagged ? "flag" : "ok",
	    mn_growth_category_label(indicator, z->category));
}
