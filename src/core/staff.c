/*
 * The staff register: people working at the school, their position,
 * qualifications, contract, the login account linked to them and the
 * classes they teach.
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

#define STAFF_JSON \
	"SELECT json_object('staff_code', staff_code, 'full_name', " \
	"full_name, 'birth_date', birth_date, 'sex', sex, 'position', " \
	"position, 'qualification', qualification, 'training', training, " \
	"'phone', phone, 'start_date', start_date, 'contract_type', " \
	"contract_type, 'account_id', account_id) FROM staff WHERE id = ?1"

/* Class codes are those of school year ?9. */
#define STAFF_SELECT \
	"SELECT s.id, s.staff_code, s.full_name, s.birth_date, s.sex, " \
	"s.position, s.qualification, s.training, s.phone, s.start_date, " \
	"s.contract_type, s.account_id, a.login, (SELECT " \
	"group_concat(code, ', ') FROM (SELECT k.code FROM class_teachers " \
	"ct JOIN classes k ON k.id = ct.class_id WHERE ct.staff_id = s.id " \
	"AND k.school_year_id = ?9 ORDER BY k.code)), s.version " \
	"FROM staff s LEFT JOIN accounts a ON a.id = s.account_id "

static void
read_staff(sqlite3_stmt *st, struct mn_staff *s)
{
	const char *sex;

	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	mn_reg_column_text(st, 1, s->staff_code, sizeof s->staff_code);
	mn_reg_column_text(st, 2, s->full_name, sizeof s->full_name);
	mn_reg_column_date(st, 3, &s->birth_date);
	sex = (const char *)sqlite3_column_text(st, 4);
	s->sex = sex != NULL ? sex[0] : '?';
	mn_reg_column_text(st, 5, s->position, sizeof s->position);
	mn_reg_column_text(st, 6, s->qualification, sizeof s->qualification);
	mn_reg_column_text(st, 7, s->training, sizeof s->training);
	mn_reg_column_text(st, 8, s->phone, sizeof s->phone);
	mn_reg_column_date(st, 9, &s->start_date);
	mn_reg_column_text(st, 10, s->contract_type, sizeof s->contract_type);
	s->account_id = sqlite3_column_int64(st, 11);
	mn_reg_column_text(st, 12, s->account_login, sizeof s->account_login);
	mn_reg_column_text(st, 13, s->classes, sizeof s->classes);
	s->version = sqlite3_column_int64(st, 14);
}

/* Binds the current school year's id, or 0 when there is none. */
static void
bind_current_year(struct mn_ctx *ctx, sqlite3_stmt *st, int idx)
{
	struct mn_school_year y;

	if (mn_reg_resolve_year(ctx, NULL, &y, NULL) != MN_OK)
		y.id = 0;
	sqlite3_bind_int64(st, idx, y.id);
}

static int
check_staff(struct mn_ctx *ctx, struct mn_staff *s, struct mn_error *err)
{
	const char *f_code = T("Staff code", "Mã cán bộ");
	const char *f_birth = T("Date of birth", "Ngày sinh");
	struct mn_date today;
	int rc;

	rc = mn_reg_clean(s->staff_code, f_code, 20, s->staff_code,
	    sizeof s->staff_code, err);
	if (rc != MN_OK)
		return rc;
	if (strspn(s->staff_code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
	    "opqrstuvwxyz0123456789-_.") != strlen(s->staff_code))
		return mn_fail(err, MN_ERR_INVALID, f_code,
		    T("%s: '%s' is invalid; expected letters without "
		    "accents, digits, '-', '_' or '.'",
		    "%s: '%s' không hợp lệ; cần chữ cái không dấu, chữ số, "
		    "'-', '_' hoặc '.'"), f_code, s->staff_code);
	rc = mn_reg_name(s->full_name, T("Full name", "Họ và tên"), true,
	    s->full_name, sizeof s->full_name, err);
	if (rc != MN_OK)
		return rc;
	mn_date_today(&today);
	if (s->birth_date.year != 0 && (!mn_date_valid(s->birth_date.year,
	    s->birth_date.month, s->birth_date.day) ||
	    today.year - s->birth_date.year < 15 ||
	    today.year - s->birth_date.year > 80))
		return mn_fail(err, MN_ERR_INVALID, f_birth,
		    T("%s: not a real date or not a working age; expected "
		    "dd/mm/yyyy", "%s: không có thật hoặc không ở tuổi lao "
		    "động; cần dạng dd/mm/yyyy"), f_birth);
	if (s->sex != 'M' && s->sex != 'F')
		return mn_fail(err, MN_ERR_INVALID, T("Sex", "Giới tính"),
		    T("Sex: expected Nam or Nữ", "Giới tính: cần Nam hoặc "
		    "Nữ"));
	if (s->start_date.year != 0 && (!mn_date_valid(s->start_date.year,
	    s->start_date.month, s->start_date.day) ||
	    mn_date_cmp(&s->start_date, &today) > 0))
		return mn_fail(err, MN_ERR_INVALID, T("Start date",
		    "Ngày vào trường"), T("Start date: not a real date or in "
		    "the future; expected dd/mm/yyyy", "Ngày vào trường: không "
		    "có thật hoặc trong tương lai; cần dạng dd/mm/yyyy"));
	if ((rc = mn_reg_clean(s->position, T("Position", "Chức vụ"), 60,
	    s->position, sizeof s->position, err)) != MN_OK ||
	    (rc = mn_reg_clean(s->qualification, T("Qualification",
	    "Trình độ chuyên môn"), 60, s->qualification,
	    sizeof s->qualification, err)) != MN_OK ||
	    (rc = mn_reg_clean(s->training, T("Training", "Bồi dưỡng"), 250,
	    s->training, sizeof s->training, err)) != MN_OK ||
	    (rc = mn_reg_phone(s->phone, T("Phone", "Điện thoại"), s->phone,
	    sizeof s->phone, err)) != MN_OK ||
	    (rc = mn_reg_clean(s->contract_type, T("Contract type",
	    "Loại hợp đồng"), 60, s->contract_type,
	    sizeof s->contract_type, err)) != MN_OK)
		return rc;
	(void)ctx;
	return MN_OK;
}

static int
bind_staff(struct mn_ctx *ctx, sqlite3_stmt *st, const struct mn_staff *s)
{
	char sex[2] = { s->sex, '\0' }, now[32];
	char *fold = mn_text_fold(s->full_name);
	char *key = mn_text_name_sortkey(s->full_name);

	if (fold == NULL || key == NULL) {
		free(fold);
		free(key);
		return MN_ERR_NOMEM;
	}
	mn_now_utc(now, sizeof now);
	sqlite3_bind_text(st, 1, s->staff_code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, s->full_name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, fold, -1, free);
	sqlite3_bind_text(st, 4, key, -1, free);
	mn_reg_bind_date(st, 5, &s->birth_date);
	sqlite3_bind_text(st, 6, sex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, s->position, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, s->qualification, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, s->training, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, s->phone, -1, SQLITE_TRANSIENT);
	mn_reg_bind_date(st, 11, &s->start_date);
	sqlite3_bind_text(st, 12, s->contract_type, -1, SQLITE_TRANSIENT);
	if (s->account_id != 0)
		sqlite3_bind_int64(st, 13, s->account_id);
	else
		sqlite3_bind_null(st, 13);
	sqlite3_bind_text(st, 14, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 15, now, -1, SQLITE_TRANSIENT);
	return MN_OK;
}

static int
step_failure(struct mn_ctx *ctx, const struct mn_staff *s,
    struct mn_error *err)
{
	int ext = sqlite3_extended_errcode(ctx->db);

	if (ext == SQLITE_CONSTRAINT_UNIQUE)
		return mn_fail(err, MN_ERR_EXISTS, T("Staff", "Cán bộ"),
		    T("Staff: code %s or the linked account is already used",
		    "Cán bộ: mã %s hoặc tài khoản liên kết đã được dùng"),
		    s->staff_code);
	if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
		return mn_fail(err, MN_ERR_NOTFOUND, T("Account",
		    "Tài khoản"), T("Account: %lld not found",
		    "Tài khoản: không có %lld"), (long long)s->account_id);
	return mn_db_fail(ctx->db, err);
}

static int
next_staff_code(struct mn_ctx *ctx, char *out, size_t size,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, next = 1;

	rc = mn_prepare(ctx->db, "SELECT max(CAST(substr(staff_code, 4) AS "
	    "INTEGER)) FROM staff WHERE staff_code GLOB 'CB-[0-9]*'", &st,
	    err);
	if (rc != MN_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		next = sqlite3_column_int(st, 0) + 1;
	sqlite3_finalize(st);
	snprintf(out, size, "CB-%03d", next);
	return MN_OK;
}

/* Called inside the caller's transaction. */
int
mn_staff_insert_checked(struct mn_ctx *ctx, struct mn_staff *s,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char *json;
	int rc;

	if (s->staff_code[0] == '\0') {
		rc = next_staff_code(ctx, s->staff_code, sizeof s->staff_code,
		    err);
		if (rc != MN_OK)
			return rc;
	}
	rc = mn_prepare(ctx->db, "INSERT INTO staff (staff_code, full_name, "
	    "name_fold, name_key, birth_date, sex, position, qualification, "
	    "training, phone, start_date, contract_type, account_id, "
	    "changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	    "?9, ?10, ?11, ?12, ?13, ?14, ?15)", &st, err);
	if (rc != MN_OK)
		return rc;
	rc = bind_staff(ctx, st, s);
	if (rc == MN_OK && sqlite3_step(st) != SQLITE_DONE)
		rc = step_failure(ctx, s, err);
	sqlite3_finalize(st);
	if (rc != MN_OK)
		return rc;
	s->id = sqlite3_last_insert_rowid(ctx->db);
	s->version = 1;
	json = mn_reg_row_json(ctx->db, STAFF_JSON, s->id);
	rc = mn_audit(ctx->db, &ctx->actor, "insert", "staff", s->id, NULL,
	    json, NULL, err);
	free(json);
	return rc;
}

int
mn_staff_check_new(struct mn_ctx *ctx, struct mn_staff *s,
    struct mn_error *err)
{
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_STAFF_WRITE, err);
	if (rc != MN_OK)
		return rc;
	return check_staff(ctx, s, err);
}

int
mn_staff_add(struct mn_ctx *ctx, struct mn_staff *s, struct mn_error *err)
{
	int rc;

	rc = mn_staff_check_new(ctx, s, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_staff_insert_checked(ctx, s, err);
	return mn_reg_finish(ctx, rc, err);
}

int
mn_staff_update(struct mn_ctx *ctx, struct mn_staff *s, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char *old = NULL, *json = NULL;
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_STAFF_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = check_staff(ctx, s, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	old = mn_reg_row_json(ctx->db, STAFF_JSON, s->id);
	rc = mn_prepare(ctx->db, "UPDATE staff SET staff_code = ?1, "
	    "full_name = ?2, name_fold = ?3, name_key = ?4, birth_date = ?5, "
	    "sex = ?6, position = ?7, qualification = ?8, training = ?9, "
	    "phone = ?10, start_date = ?11, contract_type = ?12, "
	    "account_id = ?13, changed_by = ?14, changed_at = ?15, "
	    "version = version + 1 WHERE id = ?16 AND version = ?17", &st,
	    err);
	if (rc != MN_OK)
		goto out;
	rc = bind_staff(ctx, st, s);
	sqlite3_bind_int64(st, 16, s->id);
	sqlite3_bind_int64(st, 17, s->version);
	if (rc == MN_OK && sqlite3_step(st) != SQLITE_DONE)
		rc = step_failure(ctx, s, err);
	if (rc != MN_OK)
		goto out;
	if (sqlite3_changes(ctx->db) == 0) {
		rc = old == NULL ? mn_fail(err, MN_ERR_NOTFOUND, "staff",
		    T("Staff member not found", "Không tìm thấy cán bộ")) :
		    mn_fail(err, MN_ERR_CONFLICT, "staff",
		    T("The record was changed by someone else; reload it and "
		    "try again", "Hồ sơ vừa được người khác sửa; hãy tải lại "
		    "và thử lại"));
		goto out;
	}
	s->version++;
	json = mn_reg_row_json(ctx->db, STAFF_JSON, s->id);
	rc = mn_audit(ctx->db, &ctx->actor, "update", "staff", s->id, old,
	    json, NULL, err);
out:
	sqlite3_finalize(st);
	free(old);
	free(json);
	return mn_reg_finish(ctx, rc, err);
}

int
mn_staff_get(struct mn_ctx *ctx, int64_t id, struct mn_staff *s,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_STAFF_READ, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, STAFF_SELECT "WHERE s.id = ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	bind_current_year(ctx, st, 9);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_staff(st, s);
		rc = MN_OK;
	} else if (rc == SQLITE_DONE) {
		rc = mn_fail(err, MN_ERR_NOTFOUND, "staff",
		    T("Staff member not found", "Không tìm thấy cán bộ"));
	} else {
		rc = mn_db_fail(ctx->db, err);
	}
	sqlite3_finalize(st);
	if (rc == MN_OK)
		rc = mn_audit(ctx->db, &ctx->actor, "view", "staff", id, NULL,
		    NULL, NULL, err);
	return rc;
}

int
mn_staff_find(struct mn_ctx *ctx, const char *staff_code, int64_t *id,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_STAFF_READ, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "SELECT id FROM staff WHERE staff_code = ?1",
	    &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, staff_code, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = MN_OK;
	} else {
		rc = mn_fail(err, MN_ERR_NOTFOUND, T("Staff code",
		    "Mã cán bộ"), T("Staff code: '%s' not found",
		    "Mã cán bộ: không có '%s'"), staff_code);
	}
	sqlite3_finalize(st);
	return rc;
}

int
mn_staff_list_year(struct mn_ctx *ctx, int64_t school_year_id,
    int (*fn)(const struct mn_staff *s, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	struct mn_staff s;
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_STAFF_READ, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, STAFF_SELECT "ORDER BY s.name_key, "
	    "s.birth_date, s.staff_code", &st, err);
	if (rc != MN_OK)
		return rc;
	if (school_year_id != 0)
		sqlite3_bind_int64(st, 9, school_year_id);
	else
		bind_current_year(ctx, st, 9);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_staff(st, &s);
		if (fn(&s, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	if (rc == MN_OK)
		rc = mn_audit(ctx->db, &ctx->actor, "view", "staff", 0, NULL,
		    NULL, "list", err);
	return rc;
}

int
mn_staff_list(struct mn_ctx *ctx,
    int (*fn)(const struct mn_staff *s, void *arg), void *arg,
    struct mn_error *err)
{
	return mn_staff_list_year(ctx, 0, fn, arg, err);
}
