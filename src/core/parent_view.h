/*
 * Parent-only reads of their own child's records: the child's card, the
 * growth classification and measurements, the medical room visits, the
 * month's attendance and the daily logs.  The health module serves staff
 * only, so these reads check that the actor has the parent role and is
 * linked to the child
 * (mn_parent_require_child), and each read writes one "view" audit row.
 * Only fields meant for families are read: no staff notes, no address.
 */
#ifndef MN_CORE_PARENT_VIEW_H
#define MN_CORE_PARENT_VIEW_H

#include "core/attendance.h"
#include "core/dailylog.h"
#include "core/growth.h"
#include "core/mn.h"

/* The child's card as shown to the family. */
struct mn_parent_card {
	int64_t child_id;
	char school_code[32];
	char full_name[256];
	char birth_date[11];		/* YYYY-MM-DD */
	char sex[2];			/* "M" or "F" */
	char class_code[17];		/* "" when in no class */
	char class_name[256];
	char age_level[3];		/* "nt" (crèche), "mg", or "" */
};

/* Reads the card of a child linked to the acting parent. */
int mn_parent_card_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_parent_card *out, struct mn_error *err);

/* The latest measurement not flagged "measure again". */
struct mn_parent_growth {
	bool measured;			/* false: no measurement yet */
	char measured_on[11];		/* YYYY-MM-DD */
	double weight_kg;		/* 0 when not measured */
	double height_cm;		/* 0 when not measured */
	long age_days;
	int category[MN_INDICATOR_COUNT];	/* enum mn_growth_category */
};

/* Reads the child's latest growth classification. */
int mn_parent_growth_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_parent_growth *out, struct mn_error *err);

/* One measurement, for the growth chart. */
struct mn_parent_measure {
	char measured_on[11];		/* YYYY-MM-DD */
	long age_days;
	double weight_kg;		/* 0 when not measured */
	double height_cm;		/* 0 when not measured */
	bool lying;			/* length measured lying down */
};

/*
 * Lists the child's measurements not flagged "measure again", oldest
 * first, into a malloc'd array the caller frees.
 */
int mn_parent_measurements(struct mn_ctx *ctx, int64_t child_id,
    struct mn_parent_measure **rows, size_t *count, struct mn_error *err);

/* One medical room visit as shown to the family. */
struct mn_parent_visit {
	char visit_at[17];		/* local "YYYY-MM-DD HH:MM" */
	char complaint[1024];
	double temperature_c;		/* 0 when not taken */
	int action;			/* enum mn_visit_action (health.h) */
	char medicine[512];
	bool parent_informed;
};

/* Calls fn for each visit of the child, newest first; fn stops on != 0. */
int mn_parent_visits(struct mn_ctx *ctx, int64_t child_id,
    int (*fn)(const struct mn_parent_visit *v, void *arg), void *arg,
    struct mn_error *err);

/*
 * Reads the child's attendance of a month (mn_attendance_child_month)
 * and writes the "view" audit row that the attendance module leaves to
 * its callers.
 */
int mn_parent_attendance_month(struct mn_ctx *ctx, int64_t child_id,
    int year, int month, struct mn_child_month *out, struct mn_error *err);

/* Reads the child's daily log of day (mn_dailylog_get) and audits it. */
int mn_parent_daily_log(struct mn_ctx *ctx, int64_t child_id,
    const struct mn_date *day, struct mn_daily_log *log,
    struct mn_error *err);

#endif
