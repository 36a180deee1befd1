/*
 * Reads of a child's record for the child's own parent.  See
 * parent_view.h for the access rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/date.h"
#include "core/db.h"
#include "core/health.h"
#include "core/parent_view.h"
#include "core/parents.h"
#include "core/privacy.h"

/*
 * Checks that the actor is a parent linked to the child.  Staff have
 * their own reads in the registers and health modules, so they are
 * refused here even where their scope covers the child.
 */
static int
require_own_child(struct mn_ctx *ctx, int64_t child_id, const char *what,
    struct mn_error *err)
{
	if (!mn_allowed(&ctx->actor, MN_ACT_OWN_CHILDREN)) {
		mn_audit(ctx->db, &ctx->actor, "denied", "children", child_id,
		    NULL, NULL, what, NULL);
		return mn_fail(err, MN_ERR_DENIED, "", "%s",
		    T("this view is for the child's parents",
		    "màn hình này chỉ dành cho cha mẹ của trẻ"));
	}
	return mn_parent_require_child(ctx, child_id, what, err);
}

/*
 * Writes the "view" audit row of one read, on the child record so the
 * audit trail's child filter finds it; the read fails without it.
 */
static int
audit_view(struct mn_ctx *ctx, int64_t child_id, const char *what,
    struct mn_error *err)
{
	return mn_audit(ctx->db, &ctx->actor, "view", "children", child_id,
	    NULL, NULL, what, err);
}

int
mn_parent_card_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_parent_card *out, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = require_own_child(ctx, child_id, "child_card", err)) !=
	    MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db,
	    "SELECT c.school_code, c.full_name, c.birth_date, c.sex, "
	    "cl.code, cl.name, ag.level FROM children c "
	    "LEFT JOIN classes cl ON cl.id = c.class_id "
	    "LEFT JOIN age_groups ag ON ag.code = cl.age_group "
	    "WHERE c.id = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, child_id);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		rc = rc == SQLITE_DONE ? mn_fail(err, MN_ERR_NOTFOUND, "child",
		    "%s", T("child not found", "không tìm thấy trẻ")) :
		    mn_db_fail(ctx->db, err);
		sqlite3_finalize(stmt);
		return rc;
	}
	out->child_id = child_id;
	mn_priv_col(out->school_code, sizeof out->school_code, stmt, 0);
	mn_priv_col(out->full_name, sizeof out->full_name, stmt, 1);
	mn_priv_col(out->birth_date, sizeof out->birth_date, stmt, 2);
	mn_priv_col(out->sex, sizeof out->sex, stmt, 3);
	mn_priv_col(out->class_code, sizeof out->class_code, stmt, 4);
	mn_priv_col(out->class_name, sizeof out->class_name, stmt, 5);
	mn_priv_col(out->age_level, sizeof out->age_level, stmt, 6);
	sqlite3_finalize(stmt);
	return audit_view(ctx, child_id, "child_card", err);
}

static int
category_from_name(const char *name)
{
	for (int c = 0; c < MN_GROWTH_CATEGORY_COUNT; c++) {
		const char *stored = mn_growth_category_name(c);

		if (stored != NULL && strcmp(stored, name) == 0)
			return c;
	}
	return MN_GROWTH_NONE;
}

int
mn_parent_growth_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_parent_growth *out, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = require_own_child(ctx, child_id, "growth_view", err)) !=
	    MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db,
	    "SELECT measured_on, weight_kg, height_cm, age_days, cat_wfa, "
	    "cat_lhfa, cat_wflh, cat_bfa FROM measurements "
	    "WHERE child_id = ? AND measure_again = 0 "
	    "ORDER BY measured_on DESC, id DESC LIMIT 1", &stmt, err)) !=
	    MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, child_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		char name[24];

		out->measured = true;
		mn_priv_col(out->measured_on, sizeof out->measured_on, stmt,
		    0);
		out->weight_kg = sqlite3_column_double(stmt, 1);
		out->height_cm = sqlite3_column_double(stmt, 2);
		out->age_days = (long)sqlite3_column_int64(stmt, 3);
		for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
			mn_priv_col(name, sizeof name, stmt, 4 + i);
			out->category[i] = category_from_name(name);
		}
	} else if (rc != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		sqlite3_finalize(stmt);
		return rc;
	}
	sqlite3_finalize(stmt);
	return audit_view(ctx, child_id, "growth_view", err);
}

int
mn_parent_measurements(struct mn_ctx *ctx, int64_t child_id,
    struct mn_parent_measure **rows, size_t *count, struct mn_error *err)
{
	struct mn_parent_measure *list = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *stmt;
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = require_own_child(ctx, child_id, "growth_chart_view",
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db,
	    "SELECT measured_on, age_days, weight_kg, height_cm, position "
	    "FROM measurements WHERE child_id = ? AND measure_again = 0 "
	    "ORDER BY measured_on, id", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, child_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct mn_parent_measure *m;
		char position[16];

		if (n == cap) {
			size_t grown_cap = cap ? cap * 2 : 16;
			struct mn_parent_measure *grown = realloc(list,
			    sizeof *grown * grown_cap);

			if (grown == NULL) {
				sqlite3_finalize(stmt);
				free(list);
				return mn_fail(err, MN_ERR_NOMEM, "", "%s",
				    T("out of memory", "hết bộ nhớ"));
			}
			list = grown;
			cap = grown_cap;
		}
		m = &list[n++];
		memset(m, 0, sizeof *m);
		mn_priv_col(m->measured_on, sizeof m->measured_on, stmt, 0);
		m->age_days = (long)sqlite3_column_int64(stmt, 1);
		m->weight_kg = sqlite3_column_double(stmt, 2);
		m->height_cm = sqlite3_column_double(stmt, 3);
		mn_priv_col(position, sizeof position, stmt, 4);
		m->lying = strcmp(position, "lying") == 0;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(list);
		return mn_db_fail(ctx->db, err);
	}
	if ((rc = audit_view(ctx, child_id, "growth_chart_view", err)) !=
	    MN_OK) {
		free(list);
		return rc;
	}
	*rows = list;
	*count = n;
	return MN_OK;
}

static int
action_from_name(const char *name)
{
	for (int a = 0; a < MN_VISIT_ACTION_COUNT; a++)
		if (strcmp(mn_visit_action_name(a), name) == 0)
			return a;
	return MN_VISIT_OTHER;
}

int
mn_parent_visits(struct mn_ctx *ctx, int64_t child_id,
    int (*fn)(const struct mn_parent_visit *v, void *arg), void *arg,
    struct mn_error *err)
{
	struct mn_parent_visit v;
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = require_own_child(ctx, child_id, "visits_view", err)) !=
	    MN_OK)
		return rc;
	if ((rc = audit_view(ctx, child_id, "visits_view", err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db,
	    "SELECT visit_at, complaint, temperature_c, action, medicine, "
	    "parent_informed FROM medical_visits WHERE child_id = ? "
	    "ORDER BY visit_at DESC, id DESC", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, child_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		char action[24];

		memset(&v, 0, sizeof v);
		mn_priv_col(v.visit_at, sizeof v.visit_at, stmt, 0);
		mn_priv_col(v.complaint, sizeof v.complaint, stmt, 1);
		v.temperature_c = sqlite3_column_double(stmt, 2);
		mn_priv_col(action, sizeof action, stmt, 3);
		v.action = action_from_name(action);
		mn_priv_col(v.medicine, sizeof v.medicine, stmt, 4);
		v.parent_informed = sqlite3_column_int(stmt, 5) != 0;
		if (fn(&v, arg) != 0)
			break;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

int
mn_parent_attendance_month(struct mn_ctx *ctx, int64_t child_id, int year,
    int month, struct mn_child_month *out, struct mn_error *err)
{
	int rc;

	if ((rc = require_own_child(ctx, child_id, "attendance_view", err)) !=
	    MN_OK)
		return rc;
	if ((rc = mn_attendance_child_month(ctx, child_id, year, month, out,
	    err)) != MN_OK)
		return rc;
	/* mn_attendance_child_month wrote the "view" audit row. */
	return MN_OK;
}

int
mn_parent_daily_log(struct mn_ctx *ctx, int64_t child_id,
    const struct mn_date *day, struct mn_daily_log *log,
    struct mn_error *err)
{
	int rc;

	if ((rc = require_own_child(ctx, child_id, "daily_log_view", err)) !=
	    MN_OK)
		return rc;
	if ((rc = mn_dailylog_get(ctx, child_id, day, log, err)) != MN_OK)
		return rc;
	/* mn_dailylog_get wrote the "view" audit row. */
	return MN_OK;
}
