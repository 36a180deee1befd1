/*
 * Register exports, and the code-list lookups that exports and imports
 * share (ethnic groups, policy categories).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/reg_io.h"
#include "core/reg_util.h"
#include "core/registers.h"
#include "core/text.h"

const char *const mn_class_columns[MN_CLASS_COLUMNS] = {
	"Mã lớp", "Tên lớp", "Nhóm tuổi", "Năm học", "Phòng", "Sĩ số tối đa",
};

const char *const mn_child_columns[MN_CHILD_COLUMNS] = {
	"Mã trẻ", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc",
	"Mã định danh", "Nơi sinh", "Địa chỉ", "Lớp", "Ngày nhập học",
	"Trạng thái", "Họ tên cha", "SĐT cha", "Họ tên mẹ", "SĐT mẹ",
	"Người giám hộ", "SĐT người giám hộ", "Đối tượng chính sách",
	"Dị ứng", "Bệnh mãn tính",
};

const char *const mn_staff_columns[MN_STAFF_COLUMNS] = {
	"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ",
	"Trình độ chuyên môn", "Bồi dưỡng", "Điện thoại", "Ngày vào trường",
	"Loại hợp đồng", "Tài khoản", "Lớp phụ trách",
};

/* Folds and drops hyphens and spaces: "Ê-đê", "Ê Đê" and "ede" match. */
static char *
fold_compact(const char *text)
{
	char *f = mn_text_fold(text != NULL ? text : ""), *w = f;

	if (f == NULL)
		return NULL;
	for (const char *p = f; *p != '\0'; p++)
		if (*p != '-' && *p != ' ')
			*w++ = *p;
	*w = '\0';
	return f;
}

int
mn_reg_ethnicity_name(struct mn_ctx *ctx, const char *code, char *buf,
    size_t size)
{
	sqlite3_stmt *st = NULL;
	int rc = MN_ERR_NOTFOUND;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(ctx->db, "SELECT name FROM ethnicities WHERE "
	    "code = ?1", -1, &st, NULL) != SQLITE_OK)
		return MN_ERR_DB;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		mn_reg_column_text(st, 0, buf, size);
		rc = MN_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int
mn_reg_ethnicity_parse(struct mn_ctx *ctx, const char *text, char *code,
    size_t size)
{
	sqlite3_stmt *st = NULL;
	char *want = fold_compact(text);
	int rc = MN_ERR_NOTFOUND;

	if (want == NULL)
		return MN_ERR_NOMEM;
	if (sqlite3_prepare_v2(ctx->db, "SELECT code, name, alias FROM "
	    "ethnicities", -1, &st, NULL) != SQLITE_OK) {
		free(want);
		return MN_ERR_DB;
	}
	while (rc != MN_OK && want[0] != '\0' &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		char *name = fold_compact(
		    (const char *)sqlite3_column_text(st, 1));
		char *alias = fold_compact(
		    (const char *)sqlite3_column_text(st, 2));

		if (strcmp(c, want) == 0 ||
		    (name != NULL && strcmp(name, want) == 0) ||
		    (alias != NULL && alias[0] != '\0' &&
		    strcmp(alias, want) == 0)) {
			snprintf(code, size, "%s", c);
			rc = MN_OK;
		}
		free(name);
		free(alias);
	}
	sqlite3_finalize(st);
	free(want);
	return rc;
}

int
mn_reg_policies_format(struct mn_ctx *ctx, const char *codes, char *buf,
    size_t size)
{
	sqlite3_stmt *st = NULL;

	buf[0] = '\0';
	if (codes[0] == '\0')
		return MN_OK;
	if (sqlite3_prepare_v2(ctx->db, "SELECT group_concat(label, '; ') "
	    "FROM (SELECT label FROM policy_categories WHERE instr(',' || ?1 "
	    "|| ',', ',' || code || ',') > 0 ORDER BY code)", -1, &st, NULL)
	    != SQLITE_OK)
		return MN_ERR_DB;
	sqlite3_bind_text(st, 1, codes, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		mn_reg_column_text(st, 0, buf, size);
	sqlite3_finalize(st);
	return MN_OK;
}

int
mn_reg_policies_parse(struct mn_ctx *ctx, const char *text, char *codes,
    size_t size, char *bad, size_t bad_size)
{
	sqlite3_stmt *st = NULL;
	char *copy = strdup(text != NULL ? text : ""), *save = NULL, *tok;
	int rc = MN_OK;

	codes[0] = '\0';
	if (copy == NULL)
		return MN_ERR_NOMEM;
	if (sqlite3_prepare_v2(ctx->db, "SELECT code, label FROM "
	    "policy_categories", -1, &st, NULL) != SQLITE_OK) {
		free(copy);
		return MN_ERR_DB;
	}
	for (tok = strtok_r(copy, ";", &save); tok != NULL && rc == MN_OK;
	    tok = strtok_r(NULL, ";", &save)) {
		char *want = fold_compact(tok), found[4] = "";

		if (want == NULL) {
			rc = MN_ERR_NOMEM;
			break;
		}
		if (want[0] == '\0') {
			free(want);
			continue;
		}
		sqlite3_reset(st);
		while (found[0] == '\0' && sqlite3_step(st) == SQLITE_ROW) {
			const char *c = (const char *)sqlite3_column_text(st,
			    0);
			char *label = fold_compact(
			    (const char *)sqlite3_column_text(st, 1));

			if (strcmp(c, want) == 0 ||
			    (label != NULL && strcmp(label, want) == 0))
				snprintf(found, sizeof found, "%s", c);
			free(label);
		}
		free(want);
		if (found[0] == '\0') {
			while (*tok == ' ')
				tok++;
			snprintf(bad, bad_size, "%s", tok);
			rc = MN_ERR_INVALID;
		} else if (strlen(codes) + 4 < size) {
			snprintf(codes + strlen(codes), size - strlen(codes),
			    "%s%s", codes[0] ? "," : "", found);
		}
	}
	sqlite3_finalize(st);
	free(copy);
	return rc;
}

int
mn_reg_resolve_year(struct mn_ctx *ctx, const char *name,
    struct mn_school_year *y, struct mn_error *err)
{
	struct mn_date today;

	if (name != NULL)
		return mn_school_year_find(ctx, name, y, err);
	mn_date_today(&today);
	return mn_school_year_current(ctx, &today, y, err);
}

static void
format_date(const struct mn_date *d, char *buf, size_t size)
{
	if (d->year == 0)
		buf[0] = '\0';
	else
		mn_date_format(d, buf, size);
}

static int
audit_export(struct mn_ctx *ctx, const char *table, const char *what,
    size_t rows, struct mn_error *err)
{
	char detail[160];

	snprintf(detail, sizeof detail, "%s: %zu rows", what, rows);
	return mn_audit(ctx->db, &ctx->actor, "export", table, 0, NULL, NULL,
	    detail, err);
}

struct class_rows {
	struct mn_ctx *ctx;
	struct mn_table *t;
	const char *only;
	int rc;
};

static int
add_class_row(const struct mn_class *c, void *arg)
{
	struct class_rows *cr = arg;
	char label[64], cap[16];
	const char *v[MN_CLASS_COLUMNS];

	if (cr->only != NULL && strcmp(cr->only, c->code) != 0)
		return 0;
	mn_age_group_label(cr->ctx, c->age_group, label, sizeof label);
	snprintf(cap, sizeof cap, "%d", c->capacity);
	v[0] = c->code;
	v[1] = c->name;
	v[2] = label;
	v[3] = c->school_year;
	v[4] = c->room;
	v[5] = cap;
	cr->rc = mn_table_add_row(cr->t, v);
	return cr->rc != MN_OK;
}

int
mn_export_classes(struct mn_ctx *ctx, const char *year,
    const char *class_code, struct mn_table *t, struct mn_error *err)
{
	struct mn_school_year y;
	struct class_rows cr = { ctx, t, class_code, MN_OK };
	char title[128];
	int rc;

	rc = mn_reg_resolve_year(ctx, year, &y, err);
	if (rc != MN_OK)
		return rc;
	snprintf(title, sizeof title, "Danh sách lớp năm học %s", y.name);
	if (mn_table_init(t, title, mn_class_columns, MN_CLASS_COLUMNS) !=
	    MN_OK)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	rc = mn_class_list(ctx, y.id, add_class_row, &cr, err);
	if (rc == MN_OK && cr.rc != MN_OK)
		rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if (rc == MN_OK)
		rc = audit_export(ctx, "classes", y.name, t->nrows, err);
	if (rc != MN_OK)
		mn_table_free(t);
	return rc;
}

struct child_rows {
	struct mn_ctx *ctx;
	struct mn_table *t;
	int rc;
};

static int
add_child_row(const struct mn_child *c, void *arg)
{
	struct child_rows *cr = arg;
	char birth[16], enrol[16], ethnic[64] = "", policies[1024];
	const char *v[MN_CHILD_COLUMNS], *status;

	format_date(&c->birth_date, birth, sizeof birth);
	format_date(&c->enrolment_date, enrol, sizeof enrol);
	if (c->ethnicity[0] != '\0')
		mn_reg_ethnicity_name(cr->ctx, c->ethnicity, ethnic,
		    sizeof ethnic);
	mn_reg_policies_format(cr->ctx, c->policies, policies,
	    sizeof policies);
	status = mn_child_status_label(c->status);
	v[0] = c->school_code;
	v[1] = c->full_name;
	v[2] = birth;
	v[3] = c->sex == 'F' ? "Nữ" : "Nam";
	v[4] = ethnic;
	v[5] = c->personal_id;
	v[6] = c->birth_place;
	v[7] = c->address;
	v[8] = c->class_code;
	v[9] = enrol;
	v[10] = status != NULL ? status : c->status;
	v[11] = c->father_name;
	v[12] = c->father_phone;
	v[13] = c->mother_name;
	v[14] = c->mother_phone;
	v[15] = c->guardian_name;
	v[16] = c->guardian_phone;
	v[17] = policies;
	v[18] = c->allergies;
	v[19] = c->chronic_conditions;
	cr->rc = mn_table_add_row(cr->t, v);
	return cr->rc != MN_OK;
}

int
mn_export_children(struct mn_ctx *ctx, const char *year,
    const char *class_code, struct mn_table *t, struct mn_error *err)
{
	struct mn_school_year y;
	struct mn_child_filter f = { 0 };
	struct child_rows cr = { ctx, t, MN_OK };
	char title[128];
	int rc;

	rc = mn_reg_resolve_year(ctx, year, &y, err);
	if (rc != MN_OK)
		return rc;
	if (class_code != NULL)
		snprintf(title, sizeof title, "Danh sách trẻ lớp %s năm học "
		    "%s", class_code, y.name);
	else
		snprintf(title, sizeof title, "Danh sách trẻ năm học %s",
		    y.name);
	if (mn_table_init(t, title, mn_child_columns, MN_CHILD_COLUMNS) !=
	    MN_OK)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	f.school_year_id = y.id;
	f.class_code = class_code;
	f.with_unplaced = class_code == NULL;
	rc = mn_child_list(ctx, &f, add_child_row, &cr, err);
	if (rc == MN_OK && cr.rc != MN_OK)
		rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if (rc == MN_OK)
		rc = audit_export(ctx, "children", title, t->nrows, err);
	if (rc != MN_OK)
		mn_table_free(t);
	return rc;
}

struct staff_rows {
	struct mn_table *t;
	int rc;
};

static int
add_staff_row(const struct mn_staff *s, void *arg)
{
	struct staff_rows *sr = arg;
	char birth[16], start[16];
	const char *v[MN_STAFF_COLUMNS];

	format_date(&s->birth_date, birth, sizeof birth);
	format_date(&s->start_date, start, sizeof start);
	v[0] = s->staff_code;
	v[1] = s->full_name;
	v[2] = birth;
	v[3] = s->sex == 'F' ? "Nữ" : "Nam";
	v[4] = s->position;
	v[5] = s->qualification;
	v[6] = s->training;
	v[7] = s->phone;
	v[8] = start;
	v[9] = s->contract_type;
	v[10] = s->account_login;
	v[11] = s->classes;
	sr->rc = mn_table_add_row(sr->t, v);
	return sr->rc != MN_OK;
}

int
mn_export_staff(struct mn_ctx *ctx, const char *year, struct mn_table *t,
    struct mn_error *err)
{
	struct staff_rows sr = { t, MN_OK };
	struct mn_school_year y = { 0 };
	int rc;

	/* y.id 0 lists the classes of the current year, if there is one. */
	if (year != NULL) {
		rc = mn_reg_resolve_year(ctx, year, &y, err);
		if (rc != MN_OK)
			return rc;
	}
	if (mn_table_init(t, "Danh sách cán bộ, giáo viên, nhân viên",
	    mn_staff_columns, MN_STAFF_COLUMNS) != MN_OK)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	rc = mn_staff_list_year(ctx, y.id, add_staff_row, &sr, err);
	if (rc == MN_OK && sr.rc != MN_OK)
		rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if (rc == MN_OK)
		rc = audit_export(ctx, "staff", "staff", t->nrows, err);
	if (rc != MN_OK)
		mn_table_free(t);
	return rc;
}
