/*
 * Children's health: measurements classified by the WHO growth standards
 * (growth.h), measuring rounds and their reports, check-ups and the school
 * medical room (visits, medicines sent by parents, injuries,
 * vaccinations).
 *
 * Who may do what is decided here, for every call:
 *   nurse      enters, edits and reads all health data;
 *   principal  reads all health data;
 *   teacher    enters measurements for the children of her classes and
 *              reads their measurements and health summary;
 *   kitchen    reads allergies only (mn_health_allergies);
 *   others     (admin, accountant, clerk, parent) nothing.
 * The host administrator running a command may do everything.  Every read
 * of one child's health record writes a "view" audit row.
 */
#ifndef MN_CORE_HEALTH_H
#define MN_CORE_HEALTH_H

#include "core/growth.h"
#include "core/mn.h"

/* Ranges accepted by the school's measurement forms. */
#define MN_WEIGHT_MIN_KG 1.0
#define MN_WEIGHT_MAX_KG 60.0
#define MN_HEIGHT_MIN_CM 38.0
#define MN_HEIGHT_MAX_CM 150.0
#define MN_HEAD_MIN_CM 25.0
#define MN_HEAD_MAX_CM 60.0

/* Measuring position of the length or height; 0 means not given. */
enum mn_position {
	MN_POSITION_NONE = 0,
	MN_POSITION_LYING,
	MN_POSITION_STANDING,
};

/* One measurement as entered.  0 means "not measured" for the numbers. */
struct mn_measure_input {
	int64_t child_id;
	char date[11];		/* YYYY-MM-DD */
	char round[8];		/* YYYY-MM, or "" outside a round */
	double weight_kg;	/* rounded to 1 decimal when stored */
	double height_cm;	/* rounded to 1 decimal when stored */
	int position;		/* enum mn_position, required */
	double head_cm;		/* optional */
	const char *note;	/* optional, NULL for none */
	/*
	 * True when the user re-checked values flagged as an implausible
	 * change since the previous measurement (mn_measure_change_check).
	 * See mn_measure_round.
	 */
	bool change_checked;
};

/* A stored measurement with its z-scores (NAN when not computed). */
struct mn_measurement {
	int64_t id;
	int64_t child_id;
	char date[11];
	char round[8];
	double weight_kg;	/* 0 when not measured */
	double height_cm;	/* 0 when not measured */
	int position;
	double head_cm;		/* 0 when not measured */
	long age_days;
	double z[MN_INDICATOR_COUNT];
	int category[MN_INDICATOR_COUNT];	/* enum mn_growth_category */
	bool measure_again;
	char note[256];
	int64_t version;
	char changed_by[64];
	char changed_at[24];
};

/*
 * Checks one measurement against the form's ranges and the child's birth
 * date (YYYY-MM-DD) without touching the database: weight 1.0-60.0 kg,
 * height 38.0-150.0 cm, head 25.0-60.0 cm, a position, a date neither
 * before birth nor after today, a round 'YYYY-MM'.  Returns MN_ERR_INVALID
 * naming the field, the value and the expected range.
 */
int mn_measure_check(const struct mn_measure_input *in,
    const char *birth_date, struct mn_error *err);

/*
 * Plausible change since the previous measurement.  Growth is slow next
 * to these bounds (a child of 2 to 6 years gains about 2 kg and 7 cm a
 * year), so a change beyond them is almost always a typing or reading
 * slip:
 *   - height: a child does not shrink.  A drop of more than
 *     MN_CHANGE_HEIGHT_DROP_CM, after allowing for the WHO's 0.7 cm
 *     between lying length and standing height when the position
 *     changed, is beyond the error of two careful readings (a few
 *     millimetres each) and is implausible;
 *   - weight: a change of more than MN_CHANGE_WEIGHT_PCT percent of
 *     the previous weight for each started MN_CHANGE_WEIGHT_DAYS days
 *     between the two measurements (10 % within 30 days, 20 % within
 *     60 days...) is far beyond growth and beyond what clothes, a meal
 *     or a full bladder change (2-3 %).
 */
#define MN_CHANGE_HEIGHT_DROP_CM 1.0
#define MN_LYING_MINUS_STANDING_CM 0.7
#define MN_CHANGE_WEIGHT_PCT 10.0
#define MN_CHANGE_WEIGHT_DAYS 30

/* Bits of mn_measure_change_check's result. */
enum {
	MN_CHANGE_HEIGHT_DROP = 1,	/* height went down */
	MN_CHANGE_WEIGHT_RATE = 2,	/* weight changed too fast */
};

/*
 * Compares in with prev, the child's last plausible measurement before
 * in->date.  Returns 0 when the change is plausible (or either value is
 * missing), else MN_CHANGE_* bits.
 */
unsigned mn_measure_change_check(const struct mn_measurement *prev,
    const struct mn_measure_input *in);

/* Adds one measurement; nurse, or a teacher of the child's class. */
int mn_measure_add(struct mn_ctx *ctx, const struct mn_measure_input *in,
    int64_t *id, struct mn_error *err);

/*
 * Replaces the values of measurement id, which must still be at version
 * (else MN_ERR_CONFLICT).  in->child_id is ignored.
 */
int mn_measure_update(struct mn_ctx *ctx, int64_t id, int64_t version,
    const struct mn_measure_input *in, struct mn_error *err);

/* Deletes measurement id at version; nurse only. */
int mn_measure_delete(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct mn_error *err);

/* Reads one measurement. */
int mn_measure_get(struct mn_ctx *ctx, int64_t id, struct mn_measurement *out,
    struct mn_error *err);

/*
 * Lists a child's measurements, oldest first, into a malloc'd array the
 * caller frees.  Writes one "view" audit row.
 */
int mn_measure_list(struct mn_ctx *ctx, int64_t child_id,
    struct mn_measurement **rows, size_t *count, struct mn_error *err);

/*
 * Finds the child's last measurement dated before date (YYYY-MM-DD; NULL
 * for the latest of all), for the "previous value" beside each field.
 * MN_ERR_NOTFOUND when there is none.  Writes one "view" audit row when
 * a measurement is found.
 */
int mn_measure_previous(struct mn_ctx *ctx, int64_t child_id,
    const char *date, struct mn_measurement *out, struct mn_error *err);

/*
 * Enters a class's weighing round: every row gets date and round from the
 * arguments and is checked first.  All rows are written in one
 * transaction, or none: on failure *bad_row (when not NULL) is the index
 * of the row at fault and err names its field.  ids (when not NULL,
 * count entries) receives the new ids.
 *
 * A row whose values changed implausibly since the child's last
 * measurement not flagged "measure again" (mn_measure_change_check) is
 * stored flagged "measure again", which keeps it out of the round
 * report's rates and lists it to re-measure, unless change_checked is
 * set because the user re-checked the values.  mn_measure_add and
 * mn_measure_update do the same.  A child who already has a
 * measurement on the date gives MN_ERR_EXISTS with a message naming
 * the child, the date, the values saved and who saved them.
 */
int mn_measure_round(struct mn_ctx *ctx, const char *date, const char *round,
    const struct mn_measure_input *rows, size_t count, int64_t *ids,
    size_t *bad_row, struct mn_error *err);

/* One child's line of the weighing-day grid. */
struct mn_sheet_row {
	int64_t child_id;
	char full_name[128];
	char sex[2];			/* "M" or "F" */
	char birth_date[11];
	long age_days;			/* on the sheet's date */
	int default_position;		/* lying below 24 months */
	bool has_previous;
	struct mn_measurement previous;	/* last one before the date */
	/*
	 * The last one before the date not flagged "measure again": what
	 * mn_measure_change_check compares the new values with.
	 */
	bool has_reference;
	struct mn_measurement reference;
};

/*
 * Lists the enrolled children of class_id with their previous
 * measurement before date ("YYYY-MM-DD"), in name order, for entering a
 * weighing round.  Nurse, or a teacher of the class.  Writes one "view"
 * audit row per child with a previous measurement.  The caller frees
 * *rows.
 */
int mn_measure_sheet(struct mn_ctx *ctx, int64_t class_id, const char *date,
    struct mn_sheet_row **rows, size_t *count, struct mn_error *err);

/* Direction of an indicator since the previous measurement. */
enum mn_trend {
	MN_TREND_NONE = 0,	/* no previous z-score to compare */
	MN_TREND_BETTER,	/* category improved */
	MN_TREND_SAME,
	MN_TREND_WORSE,		/* category worsened */
};

/* A child's latest classification and how it changed. */
struct mn_growth_status {
	bool has_latest, has_previous;
	struct mn_measurement latest, previous;
	double weight_gain_kg;	/* latest - previous, 0 without both */
	double height_gain_cm;
	bool no_weight_gain;	/* weight did not rise since the previous */
	double dz[MN_INDICATOR_COUNT];	/* NAN when not comparable */
	int trend[MN_INDICATOR_COUNT];	/* enum mn_trend */
};

/*
 * Fills the child's latest classification and the trend since the
 * measurement before it, skipping measurements flagged "measure again".
 * Writes one "view" audit row.
 */
int mn_growth_status_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_growth_status *out, struct mn_error *err);

/* Label of a trend in the interface language ("better", "worse"...). */
const char *mn_trend_label(int trend);

/* ---- Round report ------------------------------------------------- */

enum mn_report_dimension {
	MN_DIM_ALL,		/* the whole school (or the one class) */
	MN_DIM_CLASS,
	MN_DIM_AGE_GROUP,
	MN_DIM_SEX,
};

/*
 * Counts for one group of children in a round.  counts[i][c] counts the
 * included measurements whose indicator i is in category c; computed[i]
 * is the number with indicator i computed, the denominator of the
 * percentages.  Measurements flagged "measure again" count in flagged
 * only.
 */
struct mn_report_group {
	int dimension;		/* enum mn_report_dimension */
	char key[64];		/* class code, age group code, "M"/"F", "" */
	int measured;		/* children with a measurement in the round */
	int flagged;
	int included;		/* measured - flagged */
	int computed[MN_INDICATOR_COUNT];
	int counts[MN_INDICATOR_COUNT][MN_GROWTH_CATEGORY_COUNT];
};

/* A child to follow up: any category other than normal, or flagged. */
struct mn_follow_up {
	int64_t child_id;
	int64_t measurement_id;
	char full_name[128];
	char class_code[24];
	char sex[2];
	long age_days;
	double weight_kg, height_cm;
	double z[MN_INDICATOR_COUNT];
	int category[MN_INDICATOR_COUNT];
	bool measure_again;
};

struct mn_round_report {
	char round[8];
	char class_code[24];	/* "" for every class */
	struct mn_report_group *groups;	/* MN_DIM_ALL first */
	size_t group_count;
	struct mn_follow_up *follow;
	size_t follow_count;
};

/*
 * Builds the report of a round ('YYYY-MM'), for one class code or all
 * (class_code NULL or ""), counting each child's last measurement in the
 * round.  Nurse, principal or host; a teacher for her own class only.
 * Writes one "view" audit row naming the round and the class.
 */
int mn_round_report_build(struct mn_ctx *ctx, const char *round,
    const char *class_code, struct mn_round_report *rep,
    struct mn_error *err);
void mn_round_report_free(struct mn_round_report *rep);

/* Returns 100 * counts[i][c] / computed[i], or 0 when nothing computed. */
double mn_report_percent(const struct mn_report_group *g, int indicator,
    int category);

/* True when a category calls for follow-up (not normal, not "high"). */
bool mn_growth_category_concern(int category);

/* ---- Summary and allergies ---------------------------------------- */

/* The part of a child's health record a teacher may read. */
struct mn_health_summary {
	int64_t child_id;
	char full_name[128];
	char allergies[512];
	char chronic_conditions[512];
	struct mn_growth_status growth;
	int active_medicines;	/* requests covering today */
	char last_checkup_on[11];	/* "" when none */
	char last_checkup_conclusion[256];
};

/* Fills a child's summary; writes one "view" audit row. */
int mn_health_summary_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_health_summary *out, struct mn_error *err);

/* One child's allergies, for the kitchen and attendance. */
struct mn_allergy_row {
	int64_t child_id;
	char full_name[128];
	char class_code[24];
	char allergies[512];
};

/*
 * Lists enrolled children with allergies (class_code NULL for all),
 * ordered by class then name.  Kitchen, teacher (her classes), nurse,
 * principal.  The caller frees *rows.
 */
int mn_health_allergies(struct mn_ctx *ctx, const char *class_code,
    struct mn_allergy_row **rows, size_t *count, struct mn_error *err);

/* ---- Check-ups and medical room ----------------------------------- */

struct mn_checkup {
	int64_t id;
	int64_t child_id;
	char checked_on[11];
	const char *examiner, *facility;
	const char *blood_pressure;	/* "95/60", from 36 months */
	int heart_rate;			/* 0 when not taken */
	const char *eyesight_left, *eyesight_right;
	/* Findings by organ system. */
	const char *eyes, *ent, *teeth, *skin, *heart, *lungs, *other;
	const char *conclusion, *advice, *referral;
	char parent_informed_on[11];	/* "" when not yet */
	int64_t version;
};

/* Adds a check-up; nurse only.  Text fields may be NULL for "". */
int mn_checkup_add(struct mn_ctx *ctx, const struct mn_checkup *in,
    int64_t *id, struct mn_error *err);
/* Replaces check-up in->id at in->version; nurse only. */
int mn_checkup_update(struct mn_ctx *ctx, const struct mn_checkup *in,
    struct mn_error *err);

enum mn_visit_action {
	MN_VISIT_FIRST_AID,
	MN_VISIT_REST,
	MN_VISIT_MEDICINE,
	MN_VISIT_SENT_HOME,
	MN_VISIT_REFERRED,
	MN_VISIT_OTHER,
	MN_VISIT_ACTION_COUNT
};

struct mn_visit {
	int64_t id;
	int64_t child_id;
	char visit_at[17];	/* local "YYYY-MM-DD HH:MM" */
	const char *complaint;
	double temperature_c;	/* 0 when not taken; else 34.0-43.0 */
	int action;		/* enum mn_visit_action */
	const char *medicine;
	bool parent_informed;
	const char *note;
	int64_t version;
};

/* Adds a medical room visit; nurse only. */
int mn_visit_add(struct mn_ctx *ctx, const struct mn_visit *in, int64_t *id,
    struct mn_error *err);
/* Replaces visit in->id at in->version; nurse only. */
int mn_visit_update(struct mn_ctx *ctx, const struct mn_visit *in,
    struct mn_error *err);
/* Stored name ("first_aid") and label of a visit action. */
const char *mn_visit_action_name(int action);
const char *mn_visit_action_label(int action);

struct mn_medicine_request {
	int64_t id;
	int64_t child_id;
	const char *medicine;
	const char *dose;		/* "5 ml", "1 viên" */
	const char *times;		/* times of day, "10:30, 14:00" */
	char first_day[11], last_day[11];
	const char *parent_note;
	int64_t version;
};

/* Records medicine sent by the parents; nurse only. */
int mn_medicine_add(struct mn_ctx *ctx, const struct mn_medicine_request *in,
    int64_t *id, struct mn_error *err);
/* Replaces request in->id at in->version; nurse only. */
int mn_medicine_update(struct mn_ctx *ctx,
    const struct mn_medicine_request *in, struct mn_error *err);
/*
 * Logs one dose of request_id given at given_at (local "YYYY-MM-DD
 * HH:MM"), by the acting account; nurse only.  Refused outside the
 * request's days.
 */
int mn_medicine_give(struct mn_ctx *ctx, int64_t request_id,
    const char *given_at, const char *note, int64_t *id,
    struct mn_error *err);

enum mn_injury_kind {
	MN_INJURY_FALL, MN_INJURY_BURN, MN_INJURY_DROWNING, MN_INJURY_CHOKING,
	MN_INJURY_CUT, MN_INJURY_BITE, MN_INJURY_POISONING, MN_INJURY_OTHER,
	MN_INJURY_KIND_COUNT
};
enum mn_injury_severity {
	MN_SEVERITY_MINOR, MN_SEVERITY_MODERATE, MN_SEVERITY_SEVERE,
	MN_SEVERITY_COUNT
};

struct mn_injury {
	int64_t id;
	int64_t child_id;
	char occurred_at[17];	/* local "YYYY-MM-DD HH:MM" */
	const char *place;
	int kind;		/* enum mn_injury_kind */
	const char *body_part;
	int severity;		/* enum mn_injury_severity */
	const char *first_aid, *referral, *outcome;
	int days_absent;
	char reported_on[11];	/* "" when not reported */
	int64_t version;
};

/* Records an accident or injury; nurse only. */
int mn_injury_add(struct mn_ctx *ctx, const struct mn_injury *in,
    int64_t *id, struct mn_error *err);
/* Replaces injury in->id at in->version; nurse only. */
int mn_injury_update(struct mn_ctx *ctx, const struct mn_injury *in,
    struct mn_error *err);

enum mn_vaccine_source {
	MN_VACCINE_FAMILY_BOOK, MN_VACCINE_NATIONAL_RECORD, MN_VACCINE_SCHOOL,
	MN_VACCINE_SOURCE_COUNT
};

struct mn_vaccination {
	int64_t id;
	int64_t child_id;
	const char *vaccine;
	int dose_number;	/* 1-10 */
	char given_on[11];	/* "" when not given: catch_up must be set */
	int source;		/* enum mn_vaccine_source */
	bool catch_up;
	int64_t version;
};

/* Records a vaccination or a dose to catch up; nurse only. */
int mn_vaccination_add(struct mn_ctx *ctx, const struct mn_vaccination *in,
    int64_t *id, struct mn_error *err);
/* Replaces vaccination in->id at in->version; nurse only. */
int mn_vaccination_update(struct mn_ctx *ctx,
    const struct mn_vaccination *in, struct mn_error *err);

/* A dose given from a medicine request. */
struct mn_medicine_dose {
	int64_t id;
	int64_t request_id;
	char given_at[17];	/* local "YYYY-MM-DD HH:MM" */
	char given_by[64];	/* login of the account that gave it */
	const char *note;
};

/*
 * Lists of one child's records, oldest first, each into a malloc'd array
 * the caller releases with the matching _free function (which also frees
 * the strings).  Nurse or principal; each list writes one "view" row.
 */
int mn_checkup_list(struct mn_ctx *ctx, int64_t child_id,
    struct mn_checkup **rows, size_t *count, struct mn_error *err);
void mn_checkup_list_free(struct mn_checkup *rows, size_t count);

/*
 * Lists medical room visits of one child (day NULL), or of every child
 * on day ("YYYY-MM-DD", child_id 0) for the daily log.
 */
int mn_visit_list(struct mn_ctx *ctx, int64_t child_id, const char *day,
    struct mn_visit **rows, size_t *count, struct mn_error *err);
void mn_visit_list_free(struct mn_visit *rows, size_t count);

/*
 * Lists medicine requests of one child, or of every child (child_id 0)
 * covering day ("YYYY-MM-DD"; NULL for all days) for the day's round.
 */
int mn_medicine_list(struct mn_ctx *ctx, int64_t child_id, const char *day,
    struct mn_medicine_request **rows, size_t *count, struct mn_error *err);
void mn_medicine_list_free(struct mn_medicine_request *rows, size_t count);

/* Lists the doses given from one request, oldest first. */
int mn_medicine_dose_list(struct mn_ctx *ctx, int64_t request_id,
    struct mn_medicine_dose **rows, size_t *count, struct mn_error *err);
void mn_medicine_dose_list_free(struct mn_medicine_dose *rows, size_t count);

int mn_injury_list(struct mn_ctx *ctx, int64_t child_id,
    struct mn_injury **rows, size_t *count, struct mn_error *err);
void mn_injury_list_free(struct mn_injury *rows, size_t count);

int mn_vaccination_list(struct mn_ctx *ctx, int64_t child_id,
    struct mn_vaccination **rows, size_t *count, struct mn_error *err);
void mn_vaccination_list_free(struct mn_vaccination *rows, size_t count);

/* Stored names of the enums above ("fall", "minor", "family_book"). */
const char *mn_injury_kind_name(int kind);
const char *mn_injury_severity_name(int severity);
const char *mn_vaccine_source_name(int source);

/* Counts a child's visits, medicine requests, injuries, vaccinations. */
struct mn_medical_counts {
	int visits, medicines, doses, injuries, vaccinations, checkups;
};
/* Reads the counts for a child's record page; writes a "view" row. */
int mn_medical_counts_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_medical_counts *out, struct mn_error *err);

/* ---- Demo --------------------------------------------------------- */

/*
 * Adds two or three measuring rounds in the current school year for every
 * enrolled child, some medical room visits, medicines with their doses
 * and vaccinations, deterministically from seed.
 */
int mn_demo_health(struct mn_ctx *ctx, unsigned seed, struct mn_error *err);

#endif
