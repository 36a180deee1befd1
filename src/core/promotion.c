/*
 * Promotion at the start of a school year: every attending child moves
 * up one age group into a class of the new year, and the children of
 * the last age group complete the programme.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/reg_util.h"
#include "core/registers.h"

struct target {
	int64_t id;
	char code[MN_CLASS_CODE_MAX + 1];
	char age_group[12];
	int capacity;
	int planned;
};

/* The letters after the last digit: "MG4A" gives "A". */
static const char *
class_suffix(const char *code)
{
	const char *p = code + strlen(code);

	while (p > code && !(p[-1] >= '0' && p[-1] <= '9'))
		p--;
	return p;
}

static int
load_targets(struct mn_ctx *ctx, int64_t year_id, struct target **out,
    size_t *count, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	struct target *t = NULL, *grown;
	size_t n = 0;
	int rc;

	rc = mn_prepare(ctx->db, "SELECT id, code, age_group, capacity, "
	    "(SELECT count(*) FROM children WHERE class_id = classes.id) "
	    "FROM classes WHERE school_year_id = ?1 ORDER BY code", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, year_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		grown = realloc(t, (n + 1) * sizeof *t);
		if (grown == NULL) {
			free(t);
			sqlite3_finalize(st);
			return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
		}
		t = grown;
		t[n].id = sqlite3_column_int64(st, 0);
		mn_reg_column_text(st, 1, t[n].code, sizeof t[n].code);
		mn_reg_column_text(st, 2, t[n].age_group,
		    sizeof t[n].age_group);
		t[n].capacity = sqlite3_column_int(st, 3);
		t[n].planned = sqlite3_column_int(st, 4);
		n++;
	}
	sqlite3_finalize(st);
	*out = t;
	*count = n;
	return MN_OK;
}

/* Picks the class for a child moving from from_code into age_group. */
static struct target *
pick_target(struct target *t, size_t n, const char *from_code,
    const char *age_group)
{
	struct target *best = NULL;
	const char *suffix = class_suffix(from_code);

	for (size_t i = 0; i < n; i++) {
		if (strcmp(t[i].age_group, age_group) != 0 ||
		    t[i].planned >= t[i].capacity)
			continue;
		if (suffix[0] != '\0' &&
		    strcmp(class_suffix(t[i].code), suffix) == 0)
			return &t[i];
		if (best == NULL || t[i].capacity - t[i].planned >
		    best->capacity - best->planned)
			best = &t[i];
	}
	return best;
}

int
mn_promotion_preview(struct mn_ctx *ctx, int64_t from_year_id,
    int64_t to_year_id, struct mn_promotion_plan *plan,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	struct target *targets = NULL;
	size_t ntargets = 0;
	int rc;

	memset(plan, 0, sizeof *plan);
	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_PROMOTE, err);
	if (rc != MN_OK)
		return rc;
	if (mn_reg_class_scoped(&ctx->actor))
		return mn_reg_denied(ctx, T("promotion", "lên lớp"), err);
	if (from_year_id == to_year_id)
		return mn_fail(err, MN_ERR_INVALID, T("School year", "Năm học"),
		    T("School year: promotion needs two different years",
		    "Năm học: lên lớp cần hai năm học khác nhau"));
	rc = mn_prepare(ctx->db, "SELECT first_day FROM school_years WHERE "
	    "id = ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, to_year_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		mn_reg_column_date(st, 0, &plan->day);
	sqlite3_finalize(st);
	if (plan->day.year == 0)
		return mn_fail(err, MN_ERR_NOTFOUND,
		    T("School year", "Năm học"),
		    T("School year: the new year was not found",
		    "Năm học: không tìm thấy năm học mới"));
	rc = load_targets(ctx, to_year_id, &targets, &ntargets, err);
	if (rc != MN_OK)
		return rc;
	plan->from_year_id = from_year_id;
	plan->to_year_id = to_year_id;
	rc = mn_prepare(ctx->db, "SELECT c.id, c.school_code, c.full_name, "
	    "k.code, g.next_code FROM children c JOIN classes k ON k.id = "
	    "c.class_id JOIN age_groups g ON g.code = k.age_group WHERE "
	    "k.school_year_id = ?1 AND c.status IN ('enrolled', "
	    "'transferred_in') ORDER BY k.code, c.name_key, c.birth_date, "
	    "c.school_code", &st, err);
	if (rc != MN_OK) {
		free(targets);
		return rc;
	}
	sqlite3_bind_int64(st, 1, from_year_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct mn_promotion_item *it, *grown;
		struct target *to;
		const char *next;

		grown = realloc(plan->items, (plan->count + 1) *
		    sizeof *plan->items);
		if (grown == NULL) {
			rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
			break;
		}
		plan->items = grown;
		it = &plan->items[plan->count++];
		memset(it, 0, sizeof *it);
		it->child_id = sqlite3_column_int64(st, 0);
		mn_reg_column_text(st, 1, it->school_code,
		    sizeof it->school_code);
		mn_reg_column_text(st, 2, it->full_name, sizeof it->full_name);
		mn_reg_column_text(st, 3, it->from_class,
		    sizeof it->from_class);
		next = (const char *)sqlite3_column_text(st, 4);
		if (next == NULL) {
			it->action = MN_PROMOTE_GRADUATE;
			continue;
		}
		to = pick_target(targets, ntargets, it->from_class, next);
		if (to == NULL) {
			it->action = MN_PROMOTE_UNPLACED;
			continue;
		}
		to->planned++;
		it->action = MN_PROMOTE_MOVE;
		it->to_class_id = to->id;
		memcpy(it->to_class, to->code, sizeof it->to_class);
	}
	sqlite3_finalize(st);
	free(targets);
	if (rc != MN_OK)
		mn_promotion_free(plan);
	return rc;
}

static int
run(struct mn_ctx *ctx, const char *sql, int64_t child, int64_t cls,
    const struct mn_date *day, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = mn_prepare(ctx->db, sql, &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child);
	if (cls != 0)
		sqlite3_bind_int64(st, 2, cls);
	mn_reg_bind_date(st, 3, day);
	rc = sqlite3_step(st) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}

static int
apply_item(struct mn_ctx *ctx, const struct mn_promotion_plan *plan,
    const struct mn_promotion_item *it, struct mn_error *err)
{
	const struct mn_date *day = &plan->day;
	sqlite3_stmt *st = NULL;
	bool current = false;
	int rc;

	/* The child must still attend the class the preview saw. */
	rc = mn_prepare(ctx->db, "SELECT 1 FROM children c JOIN classes k ON "
	    "k.id = c.class_id WHERE c.id = ?1 AND k.school_year_id = ?2 AND "
	    "k.code = ?3 AND c.status IN ('enrolled', 'transferred_in')",
	    &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, it->child_id);
	sqlite3_bind_int64(st, 2, plan->from_year_id);
	sqlite3_bind_text(st, 3, it->from_class, -1, SQLITE_TRANSIENT);
	current = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!current)
		return mn_fail(err, MN_ERR_CONFLICT, "promotion",
		    T("%s (%s) changed class or status since the preview; "
		    "preview the promotion again",
		    "%s (%s) đã đổi lớp hoặc trạng thái sau khi xem trước; "
		    "hãy xem trước việc lên lớp lần nữa"), it->full_name,
		    it->school_code);
	if (it->action == MN_PROMOTE_GRADUATE)
		return mn_child_status_write(ctx, it->child_id, "graduated",
		    day, "Hoàn thành chương trình mầm non", err);
	rc = run(ctx, "UPDATE child_class_history SET to_date = "
	    "max(from_date, ?3) WHERE child_id = ?1 AND to_date IS NULL",
	    it->child_id, 0, day, err);
	if (rc != MN_OK)
		return rc;
	if (it->action == MN_PROMOTE_UNPLACED)
		return run(ctx, "UPDATE children SET class_id = NULL, version "
		    "= version + 1 WHERE id = ?1", it->child_id, 0, NULL, err);
	rc = run(ctx, "UPDATE children SET class_id = ?2, version = version "
	    "+ 1 WHERE id = ?1", it->child_id, it->to_class_id, NULL, err);
	if (rc != MN_OK)
		return rc;
	return run(ctx, "INSERT INTO child_class_history (child_id, "
	    "class_id, from_date) VALUES (?1, ?2, ?3)", it->child_id,
	    it->to_class_id, day, err);
}

/* MN_OK unless a class of the year now has more children than room. */
static int
check_capacity(struct mn_ctx *ctx, int64_t year_id, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char code[MN_CLASS_CODE_MAX + 1] = "";
	int rc;

	rc = mn_prepare(ctx->db, "SELECT k.code FROM classes k WHERE "
	    "k.school_year_id = ?1 AND k.capacity < (SELECT count(*) FROM "
	    "children WHERE class_id = k.id) LIMIT 1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, year_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		mn_reg_column_text(st, 0, code, sizeof code);
	sqlite3_finalize(st);
	if (code[0] == '\0')
		return MN_OK;
	return mn_fail(err, MN_ERR_CONFLICT, T("Class", "Lớp"),
	    T("Class %s would be over capacity; children were added since "
	    "the preview, so preview the promotion again",
	    "Lớp %s sẽ vượt sĩ số; đã có trẻ được thêm sau khi xem trước, "
	    "hãy xem trước việc lên lớp lần nữa"), code);
}

int
mn_promotion_apply(struct mn_ctx *ctx, const struct mn_promotion_plan *plan,
    struct mn_error *err)
{
	char detail[128], json[160];
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_PROMOTE, err);
	if (rc != MN_OK)
		return rc;
	if (mn_reg_class_scoped(&ctx->actor))
		return mn_reg_denied(ctx, T("promotion", "lên lớp"), err);
	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	for (size_t i = 0; i < plan->count && rc == MN_OK; i++) {
		const struct mn_promotion_item *it = &plan->items[i];

		rc = apply_item(ctx, plan, it, err);
		if (rc != MN_OK || it->action == MN_PROMOTE_GRADUATE)
			continue;
		snprintf(json, sizeof json, "{\"class\":\"%s\"}",
		    it->to_class);
		snprintf(detail, sizeof detail, "promotion from %s",
		    it->from_class);
		rc = mn_audit(ctx->db, &ctx->actor, "update", "children",
		    it->child_id, NULL, it->to_class[0] ? json : NULL, detail,
		    err);
	}
	if (rc == MN_OK)
		rc = check_capacity(ctx, plan->to_year_id, err);
	if (rc == MN_OK) {
		snprintf(detail, sizeof detail, "promotion of %zu children "
		    "from school year %lld to %lld", plan->count,
		    (long long)plan->from_year_id,
		    (long long)plan->to_year_id);
		rc = mn_audit(ctx->db, &ctx->actor, "update", "school_years",
		    plan->to_year_id, NULL, NULL, detail, err);
	}
	return mn_reg_finish(ctx, rc, err);
}

void
mn_promotion_free(struct mn_promotion_plan *plan)
{
	free(plan->items);
	plan->items = NULL;
	plan->count = 0;
}

int
mn_promotion_previous_year(struct mn_ctx *ctx, int64_t to_year_id,
    struct mn_school_year *from, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(from, 0, sizeof *from);
	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_PROMOTE, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "SELECT p.id, p.name, p.first_day, "
	    "p.last_day, p.version FROM school_years p JOIN school_years n "
	    "ON n.id = ?1 WHERE p.first_day < n.first_day "
	    "ORDER BY p.first_day DESC LIMIT 1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, to_year_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		from->id = sqlite3_column_int64(st, 0);
		mn_reg_column_text(st, 1, from->name, sizeof from->name);
		mn_reg_column_date(st, 2, &from->first_day);
		mn_reg_column_date(st, 3, &from->last_day);
		from->version = sqlite3_column_int64(st, 4);
		rc = MN_OK;
	} else if (rc == SQLITE_DONE)
		rc = mn_fail(err, MN_ERR_NOTFOUND, T("School year", "Năm học"),
		    T("School year: no school year comes before this one, so "
		    "there is no one to promote", "Năm học: không có năm học "
		    "nào trước năm này nên không có trẻ để lên lớp"));
	else
		rc = mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}
