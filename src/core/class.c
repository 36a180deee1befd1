/*
 * Classes: one row per class and school year, with its age group,
 * capacity (never above the legal maximum of the age group) and
 * teachers.  Promotion to the next school year is in promotion.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/reg_util.h"
#include "core/registers.h"
#include "core/text.h"

#define CLASS_JSON \
	"SELECT json_object('school_year_id', school_year_id, 'code', code, " \
	"'name', name, 'age_group', age_group, 'room', room, " \
	"'capacity', capacity, 'teachers', (SELECT json_group_array(" \
	"staff_id) FROM class_teachers WHERE class_id = classes.id)) " \
	"FROM classes WHERE id = ?1"

int
mn_age_group_max(struct mn_ctx *ctx, const char *age_group)
{
	sqlite3_stmt *st = NULL;
	int max = 0;

	if (sqlite3_prepare_v2(ctx->db, "SELECT max_children FROM age_groups "
	    "WHERE code = ?1", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, age_group, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		max = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return max;
}

int
mn_age_group_label(struct mn_ctx *ctx, const char *age_group, char *buf,
    size_t size)
{
	sqlite3_stmt *st = NULL;
	int rc = MN_ERR_NOTFOUND;

	snprintf(buf, size, "%s", age_group);
	if (sqlite3_prepare_v2(ctx->db, "SELECT label FROM age_groups "
	    "WHERE code = ?1", -1, &st, NULL) != SQLITE_OK)
		return MN_ERR_DB;
	sqlite3_bind_text(st, 1, age_group, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		mn_reg_column_text(st, 0, buf, size);
		rc = MN_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int
mn_age_group_parse(struct mn_ctx *ctx, const char *text, const char *field,
    char *code, size_t size, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char *folded = mn_text_fold(text != NULL ? text : "");
	int rc = MN_ERR_INVALID;

	if (folded == NULL)
		return mn_fail(err, MN_ERR_NOMEM, field, "out of memory");
	if (sqlite3_prepare_v2(ctx->db, "SELECT code, label FROM age_groups",
	    -1, &st, NULL) != SQLITE_OK) {
		free(folded);
		return mn_db_fail(ctx->db, err);
	}
	while (rc != MN_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		char *label = mn_text_fold(
		    (const char *)sqlite3_column_text(st, 1));

		if (strcmp(c, folded) == 0 ||
		    (label != NULL && strcmp(label, folded) == 0)) {
			snprintf(code, size, "%s", c);
			rc = MN_OK;
		}
		free(label);
	}
	sqlite3_finalize(st);
	free(folded);
	if (rc != MN_OK)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: '%s' is not an age group; expected nt-3-12, "
		    "nt-12-24, nt-24-36, mg-3-4, mg-4-5, mg-5-6 or a label "
		    "such as \"Mẫu giáo 5-6 tuổi\"",
		    "%s: '%s' không phải nhóm tuổi; cần nt-3-12, nt-12-24, "
		    "nt-24-36, mg-3-4, mg-4-5, mg-5-6 hoặc tên như "
		    "\"Mẫu giáo 5-6 tuổi\""), field, text ? text : "");
	return MN_OK;
}

/* Cleans and checks a class before it is written. */
static int
check_class(struct mn_ctx *ctx, struct mn_class *c, struct mn_error *err)
{
	const char *f_code = T("Class code", "Mã lớp");
	const char *f_name = T("Class name", "Tên lớp");
	const char *f_cap = T("Capacity", "Sĩ số tối đa");
	char buf[256];
	int rc, max;

	rc = mn_reg_clean(c->code, f_code, MN_CLASS_CODE_MAX, buf,
	    sizeof buf, err);
	if (rc != MN_OK)
		return rc;
	if (buf[0] == '\0' || strspn(buf, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_.") != strlen(buf) ||
	    strlen(buf) > MN_CLASS_CODE_MAX)
		return mn_fail(err, MN_ERR_INVALID, f_code,
		    T("%s: '%s' is invalid; expected 1 to 16 letters without "
		    "accents, digits, '-', '_' or '.', such as MG5A",
		    "%s: '%s' không hợp lệ; cần 1 đến 16 chữ cái không dấu, "
		    "chữ số, '-', '_' hoặc '.', ví dụ MG5A"), f_code, buf);
	memcpy(c->code, buf, strlen(buf) + 1);
	rc = mn_reg_clean(c->name, f_name, 60, c->name, sizeof c->name, err);
	if (rc != MN_OK)
		return rc;
	if (c->name[0] == '\0')
		snprintf(c->name, sizeof c->name, "%s", c->code);
	rc = mn_reg_clean(c->room, T("Room", "Phòng"), 60, c->room,
	    sizeof c->room, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_age_group_parse(ctx, c->age_group, T("Age group",
	    "Nhóm tuổi"), c->age_group, sizeof c->age_group, err);
	if (rc != MN_OK)
		return rc;
	max = mn_age_group_max(ctx, c->age_group);
	if (c->capacity <= 0 || c->capacity > max)
		return mn_fail(err, MN_ERR_INVALID, f_cap,
		    T("%s: %d is invalid; the legal maximum for %s is %d "
		    "children", "%s: %d không hợp lệ; tối đa theo quy định "
		    "cho %s là %d trẻ"), f_cap, c->capacity, c->age_group,
		    max);
	return MN_OK;
}

int
mn_class_check_new(struct mn_ctx *ctx, struct mn_class *c,
    struct mn_error *err)
{
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CLASS_WRITE, err);
	if (rc != MN_OK)
		return rc;
	return check_class(ctx, c, err);
}

/* Called inside the caller's transaction. */
int
mn_class_insert_checked(struct mn_ctx *ctx, struct mn_class *c,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[32], *json;
	int rc;

	rc = mn_prepare(ctx->db, "INSERT INTO classes (school_year_id, code, "
	    "name, age_group, room, capacity, changed_by, changed_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st, err);
	if (rc != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	sqlite3_bind_int64(st, 1, c->school_year_id);
	sqlite3_bind_text(st, 2, c->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, c->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, c->age_group, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, c->room, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, c->capacity);
	sqlite3_bind_text(st, 7, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(ctx->db) ==
		    SQLITE_CONSTRAINT_UNIQUE)
			rc = mn_fail(err, MN_ERR_EXISTS, T("Class code",
			    "Mã lớp"), T("Class code: %s already exists in "
			    "this school year", "Mã lớp: %s đã có trong năm "
			    "học này"), c->code);
		else if (sqlite3_extended_errcode(ctx->db) ==
		    SQLITE_CONSTRAINT_FOREIGNKEY)
			rc = mn_fail(err, MN_ERR_NOTFOUND, "school_year",
			    T("School year not found", "Không tìm thấy năm "
			    "học"));
		else
			rc = mn_db_fail(ctx->db, err);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	c->id = sqlite3_last_insert_rowid(ctx->db);
	c->version = 1;
	json = mn_reg_row_json(ctx->db, CLASS_JSON, c->id);
	rc = mn_audit(ctx->db, &ctx->actor, "insert", "classes", c->id, NULL,
	    json, NULL, err);
	free(json);
	return rc;
}

int
mn_class_add(struct mn_ctx *ctx, struct mn_class *c, struct mn_error *err)
{
	int rc;

	rc = mn_class_check_new(ctx, c, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_class_insert_checked(ctx, c, err);
	return mn_reg_finish(ctx, rc, err);
}

int
mn_class_update(struct mn_ctx *ctx, struct mn_class *c, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[32], *old = NULL, *json = NULL;
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CLASS_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = check_class(ctx, c, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	old = mn_reg_row_json(ctx->db, CLASS_JSON, c->id);
	rc = mn_prepare(ctx->db, "UPDATE classes SET code = ?1, name = ?2, "
	    "age_group = ?3, room = ?4, capacity = ?5, version = version + 1, "
	    "changed_by = ?6, changed_at = ?7 WHERE id = ?8 AND version = ?9 "
	    "AND ?5 >= (SELECT count(*) FROM children WHERE class_id = ?8)",
	    &st, err);
	if (rc != MN_OK)
		goto out;
	mn_now_utc(now, sizeof now);
	sqlite3_bind_text(st, 1, c->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, c->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, c->age_group, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, c->room, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 5, c->capacity);
	sqlite3_bind_text(st, 6, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 8, c->id);
	sqlite3_bind_int64(st, 9, c->version);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = sqlite3_extended_errcode(ctx->db) ==
		    SQLITE_CONSTRAINT_UNIQUE ? mn_fail(err, MN_ERR_EXISTS,
		    T("Class code", "Mã lớp"), T("Class code: %s already "
		    "exists in this school year", "Mã lớp: %s đã có trong "
		    "năm học này"), c->code) : mn_db_fail(ctx->db, err);
		goto out;
	}
	if (sqlite3_changes(ctx->db) == 0) {
		rc = old == NULL ? mn_fail(err, MN_ERR_NOTFOUND, "class",
		    T("Class not found", "Không tìm thấy lớp")) :
		    mn_fail(err, MN_ERR_CONFLICT, "class",
		    T("The class was changed by someone else, or has more "
		    "children than the new capacity; reload and try again",
		    "Lớp vừa được người khác sửa, hoặc có nhiều trẻ hơn sĩ "
		    "số mới; hãy tải lại và thử lại"));
		goto out;
	}
	c->version++;
	json = mn_reg_row_json(ctx->db, CLASS_JSON, c->id);
	rc = mn_audit(ctx->db, &ctx->actor, "update", "classes", c->id, old,
	    json, NULL, err);
out:
	sqlite3_finalize(st);
	free(old);
	free(json);
	return mn_reg_finish(ctx, rc, err);
}

#define CLASS_SELECT \
	"SELECT c.id, c.school_year_id, y.name, c.code, c.name, " \
	"c.age_group, c.room, c.capacity, c.version, (SELECT count(*) " \
	"FROM children WHERE class_id = c.id) FROM classes c " \
	"JOIN school_years y ON y.id = c.school_year_id "

static void
read_class(sqlite3_stmt *st, struct mn_class *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	c->school_year_id = sqlite3_column_int64(st, 1);
	mn_reg_column_text(st, 2, c->school_year, sizeof c->school_year);
	mn_reg_column_text(st, 3, c->code, sizeof c->code);
	mn_reg_column_text(st, 4, c->name, sizeof c->name);
	mn_reg_column_text(st, 5, c->age_group, sizeof c->age_group);
	mn_reg_column_text(st, 6, c->room, sizeof c->room);
	c->capacity = sqlite3_column_int(st, 7);
	c->version = sqlite3_column_int64(st, 8);
	c->enrolled = sqlite3_column_int(st, 9);
}

int
mn_class_get(struct mn_ctx *ctx, int64_t school_year_id, const char *code,
    struct mn_class *c, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CLASS_READ, err);
	if (rc != MN_OK)
		return rc;
	/* A code typed in another case finds the class (ASCII codes). */
	rc = mn_prepare(ctx->db, CLASS_SELECT "WHERE c.school_year_id = ?1 "
	    "AND c.code = trim(?2) COLLATE NOCASE "
	    "ORDER BY c.code = trim(?2) DESC LIMIT 1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, school_year_id);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_class(st, c);
		rc = MN_OK;
	} else if (rc == SQLITE_DONE) {
		rc = mn_fail(err, MN_ERR_NOTFOUND, T("Class", "Lớp"),
		    T("Class: '%s' not found in this school year",
		    "Lớp: không có lớp '%s' trong năm học này"), code);
	} else {
		rc = mn_db_fail(ctx->db, err);
	}
	sqlite3_finalize(st);
	return rc;
}

int
mn_class_list(struct mn_ctx *ctx, int64_t school_year_id,
    int (*fn)(const struct mn_class *c, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	struct mn_class c;
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CLASS_READ, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, CLASS_SELECT "WHERE c.school_year_id = ?1 "
	    "ORDER BY c.code", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, school_year_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_class(st, &c);
		if (fn(&c, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}

int
mn_class_set_teachers(struct mn_ctx *ctx, int64_t class_id,
    const int64_t *staff_ids, size_t count, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char *old = NULL, *json = NULL;
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CLASS_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	old = mn_reg_row_json(ctx->db, CLASS_JSON, class_id);
	if (old == NULL) {
		rc = mn_fail(err, MN_ERR_NOTFOUND, "class",
		    T("Class not found", "Không tìm thấy lớp"));
		goto out;
	}
	rc = mn_prepare(ctx->db, "DELETE FROM class_teachers WHERE "
	    "class_id = ?1", &st, err);
	if (rc != MN_OK)
		goto out;
	sqlite3_bind_int64(st, 1, class_id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	rc = mn_prepare(ctx->db, "INSERT OR IGNORE INTO class_teachers "
	    "(class_id, staff_id) VALUES (?1, ?2)", &st, err);
	if (rc != MN_OK)
		goto out;
	for (size_t i = 0; i < count; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, class_id);
		sqlite3_bind_int64(st, 2, staff_ids[i]);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = mn_fail(err, MN_ERR_NOTFOUND, T("Teacher",
			    "Giáo viên"), T("Teacher: staff member %lld not "
			    "found", "Giáo viên: không có cán bộ %lld"),
			    (long long)staff_ids[i]);
			goto out;
		}
	}
	json = mn_reg_row_json(ctx->db, CLASS_JSON, class_id);
	rc = mn_audit(ctx->db, &ctx->actor, "update", "classes", class_id, old,
	    json, "teachers", err);
out:
	sqlite3_finalize(st);
	free(old);
	free(json);
	return mn_reg_finish(ctx, rc, err);
}
