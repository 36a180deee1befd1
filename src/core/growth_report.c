/*
 * The report of a measuring round: counts and percentages of every
 * category by class, age group and sex, and the children to follow up.
 *
 * Each child counts once, by the last measurement dated in the round.
 * A measurement flagged "measure again" is counted in "flagged" and left
 * out of every other count, so an implausible value never moves the
 * percentages.  Children are grouped by their current class.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db.h"
#include "core/health_int.h"
#include "core/reg_util.h"

bool
mn_growth_category_concern(int category)
{
	return category == MN_GROWTH_MODERATE ||
	    category == MN_GROWTH_SEVERE ||
	    category == MN_GROWTH_OVERWEIGHT || category == MN_GROWTH_OBESE;
}

double
mn_report_percent(const struct mn_report_group *g, int indicator,
    int category)
{
	if (indicator < 0 || indicator >= MN_INDICATOR_COUNT ||
	    category < 0 || category >= MN_GROWTH_CATEGORY_COUNT ||
	    g->computed[indicator] == 0)
		return 0.0;
	return 100.0 * g->counts[indicator][category] /
	    g->computed[indicator];
}

static struct mn_report_group *
find_group(struct mn_round_report *rep, int dimension, const char *key)
{
	struct mn_report_group *grown, *g;

	for (size_t i = 0; i < rep->group_count; i++) {
		g = &rep->groups[i];
		if (g->dimension == dimension && strcmp(g->key, key) == 0)
			return g;
	}
	grown = realloc(rep->groups, (rep->group_count + 1) * sizeof *grown);
	if (grown == NULL)
		return NULL;
	rep->groups = grown;
	g = &rep->groups[rep->group_count++];
	memset(g, 0, sizeof *g);
	g->dimension = dimension;
	snprintf(g->key, sizeof g->key, "%s", key);
	return g;
}

static void
count_into(struct mn_report_group *g, const struct mn_follow_up *row)
{
	g->measured++;
	if (row->measure_again) {
		g->flagged++;
		return;
	}
	g->included++;
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		if (row->category[i] == MN_GROWTH_NONE)
			continue;
		g->computed[i]++;
		g->counts[i][row->category[i]]++;
	}
}

static int
compare_groups(const void *a, const void *b)
{
	const struct mn_report_group *x = a, *y = b;

	if (x->dimension != y->dimension)
		return x->dimension - y->dimension;
	return strcmp(x->key, y->key);
}

static bool
needs_follow_up(const struct mn_follow_up *row)
{
	if (row->measure_again)
		return true;
	for (int i = 0; i < MN_INDICATOR_COUNT; i++)
		if (mn_growth_category_concern(row->category[i]))
			return true;
	return false;
}

static int
add_follow_up(struct mn_round_report *rep, const struct mn_follow_up *row)
{
	struct mn_follow_up *grown;

	grown = realloc(rep->follow, (rep->follow_count + 1) * sizeof *grown);
	if (grown == NULL)
		return MN_ERR_NOMEM;
	rep->follow = grown;
	rep->follow[rep->follow_count++] = *row;
	return MN_OK;
}

static void
read_report_row(sqlite3_stmt *st, struct mn_follow_up *row,
    char *age_group, size_t age_group_size)
{
	const char *s;

	memset(row, 0, sizeof *row);
	row->measurement_id = sqlite3_column_int64(st, 0);
	row->child_id = sqlite3_column_int64(st, 1);
	s = (const char *)sqlite3_column_text(st, 2);
	snprintf(row->full_name, sizeof row->full_name, "%s", s ? s : "");
	s = (const char *)sqlite3_column_text(st, 3);
	snprintf(row->class_code, sizeof row->class_code, "%s", s ? s : "");
	s = (const char *)sqlite3_column_text(st, 4);
	snprintf(age_group, age_group_size, "%s", s ? s : "");
	s = (const char *)sqlite3_column_text(st, 5);
	snprintf(row->sex, sizeof row->sex, "%s", s ? s : "");
	row->age_days = (long)sqlite3_column_int64(st, 6);
	row->weight_kg = sqlite3_column_double(st, 7);
	row->height_cm = sqlite3_column_double(st, 8);
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		row->z[i] = sqlite3_column_type(st, 9 + i) == SQLITE_NULL ?
		    NAN : sqlite3_column_double(st, 9 + i);
		row->category[i] = health_category_parse(
		    (const char *)sqlite3_column_text(st, 13 + i));
	}
	row->measure_again = sqlite3_column_int(st, 17) != 0;
}

static int
check_report_args(struct mn_ctx *ctx, const char *round,
    const char *class_code, struct mn_error *err)
{
	int rc;

	if ((rc = health_check_round(round, false, err)) != MN_OK)
		return rc;
	if ((rc = health_access(ctx, HEALTH_SUMMARY, 0, err)) != MN_OK)
		return rc;
	if (!health_teacher_only(&ctx->actor, HEALTH_SUMMARY))
		return MN_OK;
	/* A teacher sees the report of her own class only. */
	if (class_code != NULL && class_code[0] != '\0' &&
	    health_teaches_class(ctx, class_code))
		return MN_OK;
	mn_audit(ctx->db, &ctx->actor, "denied", "classes", 0, NULL, NULL,
	    "growth report", NULL);
	return mn_fail(err, MN_ERR_DENIED, "class", "%s",
	    T("a teacher may see the round report of her own class only; "
	    "choose your class",
	    "giáo viên chỉ được xem báo cáo đợt cân đo của lớp mình; hãy "
	    "chọn lớp của bạn"));
}

int
mn_round_report_build(struct mn_ctx *ctx, const char *round,
    const char *class_code, struct mn_round_report *rep,
    struct mn_error *err)
{
	struct mn_report_group *groups[4];
	struct mn_follow_up row;
	sqlite3_stmt *st;
	char age_group[32], detail[96], code[sizeof rep->class_code];
	int rc;

	memset(rep, 0, sizeof *rep);
	/*
	 * The code as stored, so "mg5a" finds MG5A; an unknown code stays
	 * as typed and gives an empty report (or a teacher's refusal).
	 */
	if (class_code == NULL)
		class_code = "";
	if (class_code[0] != '\0' && mn_class_code_stored(ctx, class_code,
	    code, sizeof code) != MN_ERR_DB)
		class_code = code;
	if ((rc = check_report_args(ctx, round, class_code, err)) != MN_OK)
		return rc;
	snprintf(rep->round, sizeof rep->round, "%s", round);
	snprintf(rep->class_code, sizeof rep->class_code, "%s", class_code);
	/*
	 * A class code repeats every school year, so --class picks the
	 * class of the school year that contains the round's month.
	 */
	rc = mn_prepare(ctx->db,
	    "SELECT m.id, m.child_id, c.full_name, cl.code, cl.age_group, "
	    "c.sex, m.age_days, m.weight_kg, m.height_cm, m.z_wfa, m.z_lhfa, "
	    "m.z_wflh, m.z_bfa, m.cat_wfa, m.cat_lhfa, m.cat_wflh, m.cat_bfa, "
	    "m.measure_again FROM measurements m "
	    "JOIN children c ON c.id = m.child_id "
	    "LEFT JOIN classes cl ON cl.id = c.class_id "
	    "WHERE m.round = ?1 "
	    "AND m.measured_on = (SELECT max(m2.measured_on) "
	    "FROM measurements m2 WHERE m2.child_id = m.child_id "
	    "AND m2.round = ?1) AND (?2 = '' OR (cl.code = ?2 AND EXISTS "
	    "(SELECT 1 FROM school_years sy WHERE sy.id = cl.school_year_id "
	    "AND substr(sy.first_day, 1, 7) <= ?1 "
	    "AND substr(sy.last_day, 1, 7) >= ?1))) "
	    "ORDER BY cl.code, c.name_key, c.id", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, round, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, class_code, -1, SQLITE_TRANSIENT);
	if (find_group(rep, MN_DIM_ALL, "") == NULL)
		goto nomem;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_report_row(st, &row, age_group, sizeof age_group);
		/* groups[] is looked up again because realloc may move it. */
		if (find_group(rep, MN_DIM_CLASS, row.class_code) == NULL ||
		    find_group(rep, MN_DIM_AGE_GROUP, age_group) == NULL ||
		    find_group(rep, MN_DIM_SEX, row.sex) == NULL)
			goto nomem;
		groups[0] = find_group(rep, MN_DIM_ALL, "");
		groups[1] = find_group(rep, MN_DIM_CLASS, row.class_code);
		groups[2] = find_group(rep, MN_DIM_AGE_GROUP, age_group);
		groups[3] = find_group(rep, MN_DIM_SEX, row.sex);
		for (int i = 0; i < 4; i++)
			count_into(groups[i], &row);
		if (needs_follow_up(&row) && add_follow_up(rep, &row) != MN_OK)
			goto nomem;
	}
	if (rc != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		sqlite3_finalize(st);
		mn_round_report_free(rep);
		return rc;
	}
	sqlite3_finalize(st);
	qsort(rep->groups, rep->group_count, sizeof *rep->groups,
	    compare_groups);
	snprintf(detail, sizeof detail, "growth round report %s %s", round,
	    class_code);
	rc = mn_audit(ctx->db, &ctx->actor, "view", "measurements", 0, NULL,
	    NULL, detail, err);
	if (rc != MN_OK)
		mn_round_report_free(rep);
	return rc;
nomem:
	sqlite3_finalize(st);
	mn_round_report_free(rep);
	return mn_fail(err, MN_ERR_NOMEM, "", "%s",
	    T("out of memory", "hết bộ nhớ"));
}

void
mn_round_report_free(struct mn_round_report *rep)
{
	free(rep->groups);
	free(rep->follow);
	rep->groups = NULL;
	rep->follow = NULL;
	rep->group_count = rep->follow_count = 0;
}
