/*
 * Links of a child's allergy to allergen groups and foods (allergy.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/allergy.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/text.h"

static void
copy_column(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	snprintf(buf, size, "%s", s != NULL ? s : "");
}

static void
fill_group(sqlite3_stmt *st, struct mn_allergen_group *g)
{
	g->id = sqlite3_column_int64(st, 0);
	copy_column(st, 1, g->code, sizeof g->code);
	copy_column(st, mn_language() == MN_LANG_EN ? 3 : 2, g->name,
	    sizeof g->name);
	g->foods = sqlite3_column_int(st, 4);
}

static void
read_group(sqlite3_stmt *st, void *row)
{
	fill_group(st, row);
}

#define GROUP_SQL "SELECT g.id, g.code, g.name, g.name_en, " \
	"(SELECT count(*) FROM allergen_group_foods gf JOIN foods f " \
	"ON f.code = gf.food_code WHERE gf.group_id = g.id) " \
	"FROM allergen_groups g "

int
mn_allergy_groups(struct mn_ctx *ctx, struct mn_allergen_group **out,
    size_t *count, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_ALLERGY_READ, err))
	    != MN_OK ||
	    (rc = mn_prepare(ctx->db, GROUP_SQL "ORDER BY g.position, g.id",
	    &st, err)) != MN_OK)
		return rc;
	return mn_db_read_rows(ctx->db, st, sizeof **out, read_group,
	    (void **)out, count, err);
}

int
mn_allergy_group_find(struct mn_ctx *ctx, const char *code,
    struct mn_allergen_group *out, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_ALLERGY_READ, err))
	    != MN_OK ||
	    (rc = mn_prepare(ctx->db, GROUP_SQL "WHERE g.code = ?", &st, err))
	    != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, code != NULL ? code : "", -1,
	    SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		fill_group(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	return mn_fail(err, MN_ERR_NOTFOUND, "group",
	    T("allergen group: no group with code '%s'",
	    "nhóm dị nguyên: không có nhóm mã '%s'"), code ? code : "");
}

static void
read_food(sqlite3_stmt *st, void *row)
{
	struct mn_allergy_food *f = row;

	f->code = sqlite3_column_int(st, 0);
	copy_column(st, 1, f->name, sizeof f->name);
	copy_column(st, 2, f->groups, sizeof f->groups);
}

int
mn_allergy_foods(struct mn_ctx *ctx, struct mn_allergy_food **out,
    size_t *count, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_ALLERGY_READ, err))
	    != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, mn_language() == MN_LANG_EN ?
	    "SELECT f.code, f.name, (SELECT group_concat(g.name_en, ', ') "
	    "FROM allergen_group_foods gf JOIN allergen_groups g "
	    "ON g.id = gf.group_id WHERE gf.food_code = f.code) "
	    "FROM foods f ORDER BY f.name, f.code" :
	    "SELECT f.code, f.name, (SELECT group_concat(g.name, ', ') "
	    "FROM allergen_group_foods gf JOIN allergen_groups g "
	    "ON g.id = gf.group_id WHERE gf.food_code = f.code) "
	    "FROM foods f ORDER BY f.name, f.code", &st, err);
	if (rc != MN_OK)
		return rc;
	return mn_db_read_rows(ctx->db, st, sizeof **out, read_food,
	    (void **)out, count, err);
}

void
mn_allergy_state_free(struct mn_allergy_state *s)
{
	free(s->links);
	s->links = NULL;
	s->count = 0;
}

static void
read_link(sqlite3_stmt *st, void *row)
{
	struct mn_allergy_link *l = row;

	l->kind = sqlite3_column_int(st, 0) ? MN_ALLERGY_LINK_FOOD :
	    MN_ALLERGY_LINK_GROUP;
	l->group_id = sqlite3_column_int64(st, 1);
	l->food_code = sqlite3_column_int(st, 2);
	copy_column(st, 3, l->name, sizeof l->name);
	copy_column(st, 4, l->note, sizeof l->note);
	l->version = sqlite3_column_int64(st, 5);
	copy_column(st, 6, l->changed_by, sizeof l->changed_by);
	copy_column(st, 7, l->changed_at, sizeof l->changed_at);
}

static int
load_links(struct mn_ctx *ctx, int64_t child_id, struct mn_allergy_state *s,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = mn_prepare(ctx->db, mn_language() == MN_LANG_EN ?
	    "SELECT 0, g.id, 0, g.name_en, l.note, l.version, l.changed_by, "
	    "l.changed_at, g.position FROM child_allergy_groups l "
	    "JOIN allergen_groups g ON g.id = l.group_id WHERE l.child_id = ?1 "
	    "UNION ALL SELECT 1, 0, f.code, f.name, l.note, l.version, "
	    "l.changed_by, l.changed_at, 0 FROM child_allergies l "
	    "JOIN foods f ON f.id = l.food_id WHERE l.child_id = ?1 "
	    "ORDER BY 1, 9, 4" :
	    "SELECT 0, g.id, 0, g.name, l.note, l.version, l.changed_by, "
	    "l.changed_at, g.position FROM child_allergy_groups l "
	    "JOIN allergen_groups g ON g.id = l.group_id WHERE l.child_id = ?1 "
	    "UNION ALL SELECT 1, 0, f.code, f.name, l.note, l.version, "
	    "l.changed_by, l.changed_at, 0 FROM child_allergies l "
	    "JOIN foods f ON f.id = l.food_id WHERE l.child_id = ?1 "
	    "ORDER BY 1, 9, 4", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	return mn_db_read_rows(ctx->db, st, sizeof *s->links, read_link,
	    (void **)&s->links, &s->count, err);
}

int
mn_allergy_state_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_allergy_state *out, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = mn_require_child(ctx, MN_ACT_ALLERGY_READ, child_id,
	    "allergy_read", err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT c.allergies, r.allergies "
	    "FROM children c LEFT JOIN child_allergy_reviews r "
	    "ON r.child_id = c.id WHERE c.id = ?", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		copy_column(st, 0, out->allergies, sizeof out->allergies);
		out->reviewed = sqlite3_column_type(st, 1) != SQLITE_NULL;
		copy_column(st, 1, out->reviewed_text,
		    sizeof out->reviewed_text);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return mn_db_fail(ctx->db, err);
	if ((rc = load_links(ctx, child_id, out, err)) != MN_OK) {
		mn_allergy_state_free(out);
		return rc;
	}
	/* The same rule as the day check (children_sql, kitchen_allergy.c). */
	out->unlinked = out->allergies[0] != '\0' && (out->reviewed ?
	    strcmp(out->reviewed_text, out->allergies) != 0 :
	    out->count == 0);
	rc = mn_audit(ctx->db, &ctx->actor, "view", "children", child_id,
	    NULL, NULL, "allergy links", err);
	if (rc != MN_OK)
		mn_allergy_state_free(out);
	return rc;
}

/* Stores the child's current allergies text as reviewed by the actor. */
static int
record_review(struct mn_ctx *ctx, int64_t child_id, const char *now,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = mn_prepare(ctx->db, "INSERT INTO child_allergy_reviews "
	    "(child_id, allergies, changed_by, changed_at) "
	    "SELECT id, allergies, ?2, ?3 FROM children WHERE id = ?1 "
	    "ON CONFLICT (child_id) DO UPDATE SET "
	    "allergies = excluded.allergies, version = version + 1, "
	    "changed_by = excluded.changed_by, "
	    "changed_at = excluded.changed_at", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	sqlite3_bind_text(st, 2, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? MN_OK : mn_db_fail(ctx->db, err);
}

static int
finish(struct mn_ctx *ctx, int rc, struct mn_error *err)
{
	if (rc == MN_OK)
		return mn_tx_commit(ctx->db, err);
	mn_tx_rollback(ctx->db);
	return rc;
}

/* Looks up the row id of a food by code, as the links store it. */
static int
food_row_id(struct mn_ctx *ctx, int code, int64_t *id, char *name,
    size_t size, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = mn_prepare(ctx->db, "SELECT id, name FROM foods "
	    "WHERE code = ?", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		copy_column(st, 1, name, size);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	return mn_fail(err, MN_ERR_NOTFOUND, "food",
	    T("food: code %d is not in the food table; expected a code from "
	    "the table", "thực phẩm: mã %d không có trong bảng thực phẩm; "
	    "cần một mã trong bảng"), code);
}

static int
group_name(struct mn_ctx *ctx, int64_t group_id, char *name, size_t size,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = mn_prepare(ctx->db, "SELECT code FROM allergen_groups "
	    "WHERE id = ?", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, group_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		copy_column(st, 0, name, size);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	return mn_fail(err, MN_ERR_NOTFOUND, "group",
	    T("allergen group: no group with id %lld",
	    "nhóm dị nguyên: không có nhóm mã số %lld"), (long long)group_id);
}

/* Writes the audit values of a new link as a JSON object into buf. */
static int
link_json(struct mn_ctx *ctx, const char *column, int64_t ref,
    const char *note, char *buf, size_t size, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = mn_prepare(ctx->db, "SELECT json_object(?1, ?2, 'note', ?3)",
	    &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, column, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, ref);
	sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		copy_column(st, 0, buf, size);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? MN_OK : mn_db_fail(ctx->db, err);
}

/*
 * Inserts one link row (table child_allergy_groups or child_allergies,
 * column group_id or food_id) with the review and the audit row, in one
 * transaction.  what names the link in messages and the audit detail.
 */
static int
insert_link(struct mn_ctx *ctx, int64_t child_id, const char *table,
    const char *column, int64_t ref, const char *what, const char *note,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	char sql[256], now[32], detail[256], json[1024];
	char *text = NULL;
	int rc;

	if ((rc = mn_text_clean(note != NULL ? note : "", "note",
	    MN_ALLERGY_NOTE_MAX, &text, err)) != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK) {
		free(text);
		return rc;
	}
	snprintf(sql, sizeof sql, "INSERT INTO %s (child_id, %s, note, "
	    "changed_by, changed_at) VALUES (?, ?, ?, ?, ?)", table, column);
	rc = mn_prepare(ctx->db, sql, &st, err);
	if (rc == MN_OK) {
		sqlite3_bind_int64(st, 1, child_id);
		sqlite3_bind_int64(st, 2, ref);
		sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if ((rc & 0xff) == SQLITE_CONSTRAINT)
			rc = mn_fail(err, MN_ERR_EXISTS, column,
			    T("the allergy of child %lld is already linked "
			    "to %s", "dị ứng của trẻ %lld đã được gắn với %s"),
			    (long long)child_id, what);
		else
			rc = rc == SQLITE_DONE ? MN_OK :
			    mn_db_fail(ctx->db, err);
	}
	if (rc == MN_OK)
		rc = record_review(ctx, child_id, now, err);
	if (rc == MN_OK)
		rc = link_json(ctx, column, ref, text, json, sizeof json, err);
	if (rc == MN_OK) {
		snprintf(detail, sizeof detail, "allergy link %s", what);
		rc = mn_audit(ctx->db, &ctx->actor, "insert", table, child_id,
		    NULL, json, detail, err);
	}
	free(text);
	return finish(ctx, rc, err);
}

int
mn_allergy_link_group(struct mn_ctx *ctx, int64_t child_id,
    int64_t group_id, const char *note, struct mn_error *err)
{
	char code[32], what[64];
	int rc;

	if ((rc = mn_require_child(ctx, MN_ACT_ALLERGY_WRITE, child_id,
	    "allergy_write", err)) != MN_OK ||
	    (rc = group_name(ctx, group_id, code, sizeof code, err)) != MN_OK)
		return rc;
	snprintf(what, sizeof what, "group %s", code);
	return insert_link(ctx, child_id, "child_allergy_groups", "group_id",
	    group_id, what, note, err);
}

int
mn_allergy_link_food(struct mn_ctx *ctx, int64_t child_id, int food_code,
    const char *note, struct mn_error *err)
{
	char name[MN_FOOD_NAME_MAX], what[MN_FOOD_NAME_MAX + 32];
	int64_t food_id = 0;
	int rc;

	if ((rc = mn_require_child(ctx, MN_ACT_ALLERGY_WRITE, child_id,
	    "allergy_write", err)) != MN_OK ||
	    (rc = food_row_id(ctx, food_code, &food_id, name, sizeof name,
	    err)) != MN_OK)
		return rc;
	snprintf(what, sizeof what, "food %d %s", food_code, name);
	return insert_link(ctx, child_id, "child_allergies", "food_id",
	    food_id, what, note, err);
}

int
mn_allergy_unlink(struct mn_ctx *ctx, int64_t child_id,
    const struct mn_allergy_link *link, struct mn_error *err)
{
	sqlite3_stmt *st;
	char now[32], detail[MN_FOOD_NAME_MAX + 64], json[128];
	const char *table;
	int64_t ref;
	int rc;

	if ((rc = mn_require_child(ctx, MN_ACT_ALLERGY_WRITE, child_id,
	    "allergy_write", err)) != MN_OK)
		return rc;
	if (link->kind == MN_ALLERGY_LINK_GROUP) {
		table = "child_allergy_groups";
		ref = link->group_id;
		snprintf(json, sizeof json, "{\"group_id\": %lld}",
		    (long long)ref);
	} else {
		table = "child_allergies";
		ref = link->food_code;
		snprintf(json, sizeof json, "{\"food_code\": %lld}",
		    (long long)ref);
	}
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, link->kind == MN_ALLERGY_LINK_GROUP ?
	    "DELETE FROM child_allergy_groups WHERE child_id = ? "
	    "AND group_id = ? AND version = ?" :
	    "DELETE FROM child_allergies WHERE child_id = ? AND food_id = "
	    "(SELECT id FROM foods WHERE code = ?) AND version = ?", &st, err);
	if (rc == MN_OK) {
		sqlite3_bind_int64(st, 1, child_id);
		sqlite3_bind_int64(st, 2, ref);
		sqlite3_bind_int64(st, 3, link->version);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			rc = mn_db_fail(ctx->db, err);
		else if (sqlite3_changes(ctx->db) == 0)
			rc = mn_fail(err, MN_ERR_CONFLICT, "",
			    T("the link to %s was changed or removed by "
			    "someone else; reload the list",
			    "liên kết với %s đã bị người khác sửa hoặc xóa; "
			    "hãy tải lại danh sách"), link->name);
		else
			rc = MN_OK;
	}
	if (rc == MN_OK)
		rc = record_review(ctx, child_id, now, err);
	if (rc == MN_OK) {
		snprintf(detail, sizeof detail, "allergy unlink %s",
		    link->name);
		rc = mn_audit(ctx->db, &ctx->actor, "delete", table, child_id,
		    json, NULL, detail, err);
	}
	return finish(ctx, rc, err);
}

int
mn_allergy_mark_checked(struct mn_ctx *ctx, int64_t child_id,
    struct mn_error *err)
{
	char now[32];
	int rc;

	if ((rc = mn_require_child(ctx, MN_ACT_ALLERGY_WRITE, child_id,
	    "allergy_write", err)) != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = record_review(ctx, child_id, now, err);
	if (rc == MN_OK)
		rc = mn_audit(ctx->db, &ctx->actor, "update",
		    "child_allergy_reviews", child_id, NULL, NULL,
		    "allergy text checked", err);
	return finish(ctx, rc, err);
}
