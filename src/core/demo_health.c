/*
 * Demo health data: measuring rounds for every enrolled child, drawn
 * from the WHO curves so that the round reports look like a real school,
 * a few medical room records, and the nurse's links of every allergy to
 * its allergen groups (demo_allergy.c).
 * Everything follows from the seed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/db.h"
#include "core/demo.h"
#include "core/demo_allergy.h"
#include "core/health.h"

#define MAX_ROUNDS 3

struct demo_child {
	int64_t id;
	int sex;
	long birth;		/* day number */
	long enrolled;		/* day number */
	double z_height;	/* the child's own place on the curves */
	double z_bmi;
};

static double
uniform(struct mn_rng *rng)
{
	/* 53 random bits, never 0, so log() below is finite. */
	return ((double)(mn_rng_next(rng) >> 11) + 0.5) / 9007199254740992.0;
}

static double
normal(struct mn_rng *rng)
{
	return sqrt(-2.0 * log(uniform(rng))) * cos(2.0 * M_PI * uniform(rng));
}

static double
clamp(double x, double lo, double hi)
{
	if (x < lo)
		return lo;
	if (x > hi)
		return hi;
	return x;
}

static long
day_number(const char *iso)
{
	struct mn_date d;

	if (iso == NULL || mn_date_parse_iso(iso, "date", &d, NULL) != MN_OK)
		return 0;
	return mn_date_to_days(&d);
}

static void
iso_day(long days, char out[11])
{
	struct mn_date d;

	mn_date_from_days(days, &d);
	mn_date_format_iso(&d, out, 11);
}

/* Moves a weekend day to the Monday after it. */
static long
school_day(long days)
{
	struct mn_date d;

	mn_date_from_days(days, &d);
	while (mn_date_weekday(&d) >= 5) {
		days++;
		mn_date_from_days(days, &d);
	}
	return days;
}

/* Picks the round days of the school year that contains today. */
static int
pick_rounds(struct mn_ctx *ctx, long rounds[MAX_ROUNDS], int *count,
    struct mn_error *err)
{
	struct mn_date today;
	sqlite3_stmt *st;
	long first = 0, now, day;
	int rc;

	mn_date_today(&today);
	now = mn_date_to_days(&today);
	rc = mn_prepare(ctx->db, "SELECT first_day FROM school_years "
	    "WHERE first_day <= ?1 ORDER BY first_day DESC LIMIT 1", &st, err);
	if (rc != MN_OK)
		return rc;
	{
		char day_text[11];

		mn_date_format_iso(&today, day_text, sizeof day_text);
		sqlite3_bind_text(st, 1, day_text, -1, SQLITE_TRANSIENT);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		first = day_number((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (first == 0)
		first = now - 90;
	*count = 0;
	/*
	 * Ten days after the first day, then every 13 weeks: mid-September,
	 * mid-December and mid-March in a year that starts early September.
	 */
	for (int i = 0; i < MAX_ROUNDS; i++) {
		day = school_day(first + 10 + 91 * i);
		if (day <= now)
			rounds[(*count)++] = day;
	}
	if (*count < 2 && now - first > 20)
		rounds[(*count)++] = school_day(now - 6);
	return MN_OK;
}

static int
load_children(struct mn_ctx *ctx, struct mn_rng *rng,
    struct demo_child **out, size_t *count, struct mn_error *err)
{
	struct demo_child *list = NULL, *grown, *c;
	sqlite3_stmt *st;
	size_t n = 0;
	const char *sex;
	int rc;

	rc = mn_prepare(ctx->db, "SELECT id, sex, birth_date, enrolment_date "
	    "FROM children WHERE status IN ('enrolled', 'transferred_in') "
	    "ORDER BY id", &st, err);
	if (rc != MN_OK)
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW) {
		grown = realloc(list, (n + 1) * sizeof *list);
		if (grown == NULL) {
			free(list);
			sqlite3_finalize(st);
			return mn_fail(err, MN_ERR_NOMEM, "", "%s",
			    T("out of memory", "hết bộ nhớ"));
		}
		list = grown;
		c = &list[n++];
		c->id = sqlite3_column_int64(st, 0);
		sex = (const char *)sqlite3_column_text(st, 1);
		c->sex = sex != NULL && sex[0] == 'F' ? 2 : 1;
		c->birth = day_number((const char *)sqlite3_column_text(st, 2));
		c->enrolled = day_number(
		    (const char *)sqlite3_column_text(st, 3));
		/*
		 * One child in twelve is drawn from an undernourished group
		 * and the rest around the median; over 800 simulated
		 * children this gave about 5% underweight, 5% stunted and
		 * 4-5% overweight.
		 */
		if (mn_rng_below(rng, 12) == 0) {
			c->z_height = -1.8 + 0.6 * normal(rng);
			c->z_bmi = -1.4 + 0.6 * normal(rng);
		} else {
			c->z_height = -0.3 + 0.9 * normal(rng);
			c->z_bmi = 0.3 + normal(rng);
		}
	}
	sqlite3_finalize(st);
	*out = list;
	*count = n;
	return MN_OK;
}

/* Draws one measurement of c on day; false when the curves have none. */
static bool
draw_measurement(struct mn_rng *rng, const struct demo_child *c, long day,
    struct mn_measure_input *m)
{
	struct mn_lms lms;
	long age = day - c->birth;
	double height, bmi;

	if (mn_growth_lms_at_age(MN_LHFA, c->sex, age, &lms) != MN_OK)
		return false;
	height = mn_growth_lms_value(&lms, c->z_height + 0.1 * normal(rng));
	if (mn_growth_lms_at_age(MN_BFA, c->sex, age, &lms) != MN_OK)
		return false;
	bmi = mn_growth_lms_value(&lms, c->z_bmi + 0.2 * normal(rng));
	memset(m, 0, sizeof *m);
	m->child_id = c->id;
	m->height_cm = clamp(round(height * 10.0) / 10.0, MN_HEIGHT_MIN_CM,
	    MN_HEIGHT_MAX_CM);
	m->weight_kg = clamp(round(bmi * height * height / 1000.0) / 10.0,
	    MN_WEIGHT_MIN_KG, MN_WEIGHT_MAX_KG);
	m->position = age < MN_GROWTH_HEIGHT_FROM_DAYS ?
	    MN_POSITION_LYING : MN_POSITION_STANDING;
	return true;
}

static int
add_rounds(struct mn_ctx *ctx, struct mn_rng *rng,
    const struct demo_child *kids, size_t n, struct mn_error *err)
{
	struct mn_measure_input *rows;
	long rounds[MAX_ROUNDS];
	char date[11], label[8];
	size_t used, bad;
	int count, rc;

	if ((rc = pick_rounds(ctx, rounds, &count, err)) != MN_OK)
		return rc;
	if ((rows = calloc(n + 1, sizeof *rows)) == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", "%s",
		    T("out of memory", "hết bộ nhớ"));
	for (int r = 0; r < count; r++) {
		iso_day(rounds[r], date);
		snprintf(label, sizeof label, "%.7s", date);
		used = 0;
		for (size_t i = 0; i < n; i++)
			if (kids[i].birth < rounds[r] &&
			    kids[i].enrolled <= rounds[r] &&
			    draw_measurement(rng, &kids[i], rounds[r],
			    &rows[used]))
				used++;
		rc = mn_measure_round(ctx, date, label, rows, used, NULL, &bad,
		    err);
		if (rc != MN_OK)
			break;
	}
	free(rows);
	return rc;
}

static const char *const complaints[] = {
	"Sốt nhẹ", "Đau bụng", "Ho, sổ mũi", "Ngã trầy đầu gối",
	"Nôn sau bữa trưa", "Đau đầu", "Chảy máu cam", "Côn trùng đốt",
};

static const struct {
	const char *name, *dose, *times;
} medicines[] = {
	{ "Siro ho Prospan", "5 ml", "10:00, 14:30" },
	{ "Men vi sinh Biogaia", "5 giọt", "10:00" },
	{ "Vitamin D3", "1 giọt", "10:00" },
};

static int
add_medical(struct mn_ctx *ctx, struct mn_rng *rng,
    const struct demo_child *kids, size_t n, struct mn_error *err)
{
	struct mn_date today;
	struct mn_visit v;
	struct mn_medicine_request med;
	struct mn_vaccination vac;
	struct mn_injury inj;
	char at[20], day[11];
	long now, when;
	int64_t req;
	int rc = MN_OK;

	if (n == 0)
		return MN_OK;
	mn_date_today(&today);
	now = mn_date_to_days(&today);
	for (size_t i = 0; i < n / 6 + 1 && rc == MN_OK; i++) {
		const struct demo_child *c = &kids[mn_rng_below(rng,
		    (unsigned)n)];
		unsigned k = mn_rng_below(rng, 8);

		memset(&v, 0, sizeof v);
		v.child_id = c->id;
		when = school_day(now - 3 - mn_rng_below(rng, 60));
		if (when > now)
			when -= 7;
		iso_day(when, day);
		snprintf(v.visit_at, sizeof v.visit_at, "%s %02u:%02u", day,
		    8 + mn_rng_below(rng, 8), mn_rng_below(rng, 60));
		v.complaint = complaints[k];
		v.temperature_c = k == 0 ? 37.6 + 0.1 * mn_rng_below(rng, 10) :
		    36.5 + 0.1 * mn_rng_below(rng, 5);
		v.action = k == 0 ? MN_VISIT_SENT_HOME : k == 3 ?
		    MN_VISIT_FIRST_AID : MN_VISIT_REST;
		v.parent_informed = k == 0 || k == 4;
		rc = mn_visit_add(ctx, &v, NULL, err);
		if (rc == MN_OK && k == 3) {
			memset(&inj, 0, sizeof inj);
			inj.child_id = c->id;
			memcpy(inj.occurred_at, v.visit_at, sizeof v.visit_at);
			inj.place = "Sân chơi";
			inj.kind = MN_INJURY_FALL;
			inj.body_part = "Đầu gối";
			inj.severity = MN_SEVERITY_MINOR;
			inj.first_aid = "Rửa vết thương, sát khuẩn, băng lại";
			rc = mn_injury_add(ctx, &inj, NULL, err);
		}
	}
	for (size_t i = 0; i < sizeof medicines / sizeof *medicines &&
	    rc == MN_OK; i++) {
		const struct demo_child *c = &kids[mn_rng_below(rng,
		    (unsigned)n)];

		memset(&med, 0, sizeof med);
		med.child_id = c->id;
		med.medicine = medicines[i].name;
		med.dose = medicines[i].dose;
		med.times = medicines[i].times;
		iso_day(school_day(now - 9), med.first_day);
		iso_day(now, med.last_day);
		med.parent_note = "Cho uống sau khi ăn";
		rc = mn_medicine_add(ctx, &med, &req, err);
		for (long d = day_number(med.first_day); d < now &&
		    rc == MN_OK; d++) {
			iso_day(d, day);
			snprintf(at, sizeof at, "%s 10:0%u", day,
			    mn_rng_below(rng, 10));
			rc = mn_medicine_give(ctx, req, at, NULL, NULL, err);
		}
	}
	for (size_t i = 0; i < n && rc == MN_OK; i++) {
		memset(&vac, 0, sizeof vac);
		vac.child_id = kids[i].id;
		vac.vaccine = "Sởi - Rubella (MR)";
		vac.dose_number = 1;
		vac.source = MN_VACCINE_FAMILY_BOOK;
		/* About one child in twelve lacks the dose at 18 months. */
		if (mn_rng_below(rng, 12) == 0 || kids[i].birth + 578 > now)
			vac.catch_up = true;
		else
			iso_day(kids[i].birth + 548 + mn_rng_below(rng, 30),
			    vac.given_on);
		rc = mn_vaccination_add(ctx, &vac, NULL, err);
	}
	return rc;
}

int
mn_demo_health(struct mn_ctx *ctx, unsigned seed, struct mn_error *err)
{
	struct demo_child *kids = NULL;
	struct mn_rng rng;
	sqlite3_stmt *st;
	size_t n = 0;
	bool exists;
	int rc;

	if ((rc = mn_prepare(ctx->db, "SELECT EXISTS (SELECT 1 FROM "
	    "measurements)", &st, err)) != MN_OK)
		return rc;
	exists = sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	if (exists)
		return mn_fail(err, MN_ERR_EXISTS, "", "%s",
		    T("this database already holds measurements; the health "
		    "demo needs a database without any",
		    "cơ sở dữ liệu này đã có số đo; dữ liệu sức khỏe mẫu cần "
		    "cơ sở dữ liệu chưa có số đo nào"));
	mn_rng_seed(&rng, seed ^ 0x4865616cu);
	if ((rc = load_children(ctx, &rng, &kids, &n, err)) != MN_OK)
		return rc;
	rc = add_rounds(ctx, &rng, kids, n, err);
	if (rc == MN_OK)
		rc = add_medical(ctx, &rng, kids, n, err);
	if (rc == MN_OK)
		rc = mn_demo_allergy_links(ctx, NULL, err);
	free(kids);
	return rc;
}
