/*
 * Writes any export to a named file (see export_file.h).  The registers
 * and the attendance sheet are written here.  Growth and the kitchen's
 * exports are written by their own modules, which `mamnon export` calls
 * too.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/access.h"
#include "core/approvals.h"
#include "core/attendance.h"
#include "core/audit.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/export_file.h"
#include "core/growth_export.h"
#include "core/kitchen.h"
#include "core/kitchen_export.h"
#include "core/reg_io.h"
#include "core/table.h"
#include "core/text.h"
#include "core/xlsx.h"

static const struct {
	const char *name;
	const char *en, *vi;
	const char *approval_kind;	/* NULL: no personal data */
	enum mn_action action;		/* who may export it (access.c) */
} kinds[MN_EXPORT_KIND_COUNT] = {
	[MN_EXPORT_CLASSES] = { "classes", "Class list", "Danh sách lớp",
	    NULL, MN_ACT_EXPORT_CLASSES },
	[MN_EXPORT_CHILDREN] = { "children", "Children's register",
	    "Danh sách trẻ", "children", MN_ACT_EXPORT_CHILDREN },
	[MN_EXPORT_STAFF] = { "staff", "Staff register",
	    "Danh sách cán bộ, giáo viên, nhân viên", "staff",
	    MN_ACT_EXPORT_STAFF },
	[MN_EXPORT_ATTENDANCE] = { "attendance", "Monthly attendance sheet",
	    "Bảng điểm danh tháng", "attendance", MN_ACT_EXPORT_ATTENDANCE },
	[MN_EXPORT_GROWTH] = { "growth", "Weighing round report",
	    "Báo cáo đợt cân đo", "growth", MN_ACT_EXPORT_GROWTH },
	[MN_EXPORT_MENU] = { "menu", "Week's menu", "Thực đơn tuần", NULL,
	    MN_ACT_EXPORT_MENU },
	[MN_EXPORT_NUTRITION] = { "nutrition", "Nutrition",
	    "Dinh dưỡng khẩu phần", NULL, MN_ACT_EXPORT_NUTRITION },
	[MN_EXPORT_MARKET] = { "market", "Market list", "Phiếu kê chợ", NULL,
	    MN_ACT_EXPORT_MARKET },
	[MN_EXPORT_MEALFEES] = { "mealfees", "Meal-fee book",
	    "Sổ tính tiền ăn", NULL, MN_ACT_EXPORT_MEALFEES },
};

const char *
mn_export_kind_name(enum mn_export_kind kind)
{
	if (kind < 0 || kind >= MN_EXPORT_KIND_COUNT)
		return NULL;
	return kinds[kind].name;
}

const char *
mn_export_kind_label(enum mn_export_kind kind)
{
	if (kind < 0 || kind >= MN_EXPORT_KIND_COUNT)
		return "";
	return T(kinds[kind].en, kinds[kind].vi);
}

bool
mn_export_kind_parse(const char *name, enum mn_export_kind *kind)
{
	for (int k = 0; k < MN_EXPORT_KIND_COUNT && name != NULL; k++)
		if (strcmp(name, kinds[k].name) == 0) {
			*kind = (enum mn_export_kind)k;
			return true;
		}
	return false;
}

bool
mn_export_kind_personal(enum mn_export_kind kind)
{
	return kind >= 0 && kind < MN_EXPORT_KIND_COUNT &&
	    kinds[kind].approval_kind != NULL;
}

const char *
mn_export_kind_approval(enum mn_export_kind kind)
{
	if (kind < 0 || kind >= MN_EXPORT_KIND_COUNT)
		return NULL;
	return kinds[kind].approval_kind;
}

bool
mn_export_kind_allowed(const struct mn_actor *actor,
    enum mn_export_kind kind)
{
	return kind >= 0 && kind < MN_EXPORT_KIND_COUNT &&
	    mn_allowed(actor, kinds[kind].action);
}

static const char *
given(const char *text)
{
	return text != NULL && *text != '\0' ? text : NULL;
}

static int
missing(struct mn_error *err, const char *field, const char *en_label,
    const char *vi_label, const char *form)
{
	return mn_fail(err, MN_ERR_INVALID, field, T("%s: missing; expected "
	    "%s", "%s: bị thiếu; cần dạng %s"), T(en_label, vi_label), form);
}

/* Parses "YYYY-MM" into year and month. */
static int
parse_month(const char *text, const char *field, int *year, int *month,
    struct mn_error *err)
{
	char tail, shown[40];

	if (text == NULL)
		return missing(err, field, "month", "tháng", "YYYY-MM");
	if (strlen(text) == 7 && text[4] == '-' &&
	    sscanf(text, "%4d-%2d%c", year, month, &tail) == 2 &&
	    *year >= 2000 && *year <= 2999 && *month >= 1 && *month <= 12)
		return MN_OK;
	mn_text_safe(text, shown, sizeof shown);
	return mn_fail(err, MN_ERR_INVALID, field, T("month: invalid value "
	    "'%s'; expected YYYY-MM, e.g. 2026-11", "tháng: giá trị '%s' "
	    "không hợp lệ; cần dạng YYYY-MM, ví dụ 2026-11"), shown);
}

/* Accepts "YYYY-MM-DD" as the command line writes it or "dd/mm/yyyy". */
static int
parse_date(const char *text, struct mn_date *d, struct mn_error *err)
{
	if (text == NULL)
		return missing(err, "date", "date", "ngày",
		    "dd/mm/yyyy");
	if (strchr(text, '/') != NULL)
		return mn_date_parse(text, "date", d, err);
	return mn_date_parse_iso(text, "date", d, err);
}

static int
parse_group(const char *text, enum mn_age_group *g, struct mn_error *err)
{
	int rc;

	if (text == NULL)
		return missing(err, "group", "age group", "nhóm tuổi",
		    "nha-tre or mau-giao");
	if ((rc = mn_menu_group_parse(text, g, err)) != MN_OK)
		snprintf(err->field, sizeof err->field, "group");
	return rc;
}

static int
write_table(const struct mn_table *t, bool xlsx, const char *path,
    struct mn_error *err)
{
	FILE *f;
	int rc;

	if (xlsx)
		return mn_xlsx_write_table(path, t, err);
	if ((f = fopen(path, "wb")) == NULL)
		return mn_fail(err, MN_ERR_IO, "", T("%s: cannot create: %s",
		    "%s: không tạo được: %s"), path, strerror(errno));
	rc = mn_csv_write_table(f, t, err);
	if (fclose(f) != 0 && rc == MN_OK)
		rc = mn_fail(err, MN_ERR_IO, "", T("%s: write failed: %s",
		    "%s: ghi thất bại: %s"), path, strerror(errno));
	return rc;
}

static int
write_register(struct mn_ctx *ctx, const struct mn_export_request *req,
    const char *path, struct mn_error *err)
{
	enum mn_action action = req->kind == MN_EXPORT_CLASSES ?
	    MN_ACT_CLASS_READ : req->kind == MN_EXPORT_CHILDREN ?
	    MN_ACT_CHILD_READ : MN_ACT_STAFF_READ;
	struct mn_table t;
	int rc;

	/* The register readers check no access, so it is checked here. */
	if ((rc = mn_require(ctx->db, &ctx->actor, action, err)) != MN_OK)
		return rc;
	if (!mn_export_kind_allowed(&ctx->actor, req->kind))
		return mn_fail(err, MN_ERR_DENIED, "", "%s",
		    T("your account is not allowed to export this register",
		    "tài khoản của bạn không được xuất danh sách này"));
	if (req->kind == MN_EXPORT_CLASSES)
		rc = mn_export_classes(ctx, given(req->year),
		    given(req->class_code), &t, err);
	else if (req->kind == MN_EXPORT_CHILDREN)
		rc = mn_export_children(ctx, given(req->year),
		    given(req->class_code), &t, err);
	else
		rc = mn_export_staff(ctx, given(req->year), &t, err);
	if (rc != MN_OK)
		return rc;
	rc = write_table(&t, req->xlsx, path, err);
	mn_table_free(&t);
	return rc;
}

static int
write_attendance(struct mn_ctx *ctx, const struct mn_export_request *req,
    const char *path, struct mn_error *err)
{
	struct mn_attendance_sheet sheet;
	const char *code = given(req->class_code);
	char detail[96];
	int year, month, rc;
	FILE *out;

	if (code == NULL)
		return missing(err, "class", "class", "lớp", "a class code");
	if ((rc = parse_month(given(req->month), "month", &year, &month,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_attendance_sheet(ctx, code, year, month, &sheet, err)) !=
	    MN_OK)
		return rc;
	snprintf(detail, sizeof detail, "attendance sheet %s %04d-%02d %s",
	    code, year, month, req->xlsx ? "xlsx" : "csv");
	/* The sheet carries children's names: record who took it. */
	rc = mn_audit(ctx->db, &ctx->actor, "export", "classes",
	    sheet.class_id, NULL, NULL, detail, err);
	if (rc == MN_OK && req->xlsx) {
		rc = mn_attendance_sheet_xlsx(&sheet, path, err);
	} else if (rc == MN_OK) {
		if ((out = fopen(path, "w")) == NULL) {
			rc = mn_fail(err, MN_ERR_IO, "output",
			    T("cannot create %s", "không tạo được %s"), path);
		} else {
			rc = mn_attendance_sheet_csv(&sheet, out, err);
			if (fclose(out) != 0 && rc == MN_OK)
				rc = mn_fail(err, MN_ERR_IO, "output",
				    T("cannot write %s", "không ghi được %s"),
				    path);
		}
	}
	mn_attendance_sheet_free(&sheet);
	return rc;
}

static int
write_kitchen(struct mn_ctx *ctx, const struct mn_export_request *req,
    const char *path, struct mn_error *err)
{
	enum mn_age_group g;
	struct mn_date day;
	int year, month, rc;

	switch (req->kind) {
	case MN_EXPORT_MENU:
		if (given(req->week) == NULL)
			return missing(err, "week", "week", "tuần",
			    "YYYY-Www");
		if ((rc = parse_group(given(req->group), &g, err)) != MN_OK)
			return rc;
		return mn_kitchen_export_menu(ctx, req->week, g, req->xlsx,
		    path, err);
	case MN_EXPORT_NUTRITION:
		if ((rc = parse_group(given(req->group), &g, err)) != MN_OK)
			return rc;
		if (given(req->date) == NULL && given(req->week) != NULL)
			return mn_kitchen_export_nutrition(ctx, NULL,
			    req->week, g, req->xlsx, path, err);
		if ((rc = parse_date(given(req->date), &day, err)) != MN_OK)
			return rc;
		return mn_kitchen_export_nutrition(ctx, &day, NULL, g,
		    req->xlsx, path, err);
	case MN_EXPORT_MARKET:
		if ((rc = parse_date(given(req->date), &day, err)) != MN_OK)
			return rc;
		return mn_kitchen_export_market(ctx, &day, req->xlsx, path,
		    err);
	default:
		/* Checked here so that a bad month gets the field "month". */
		if ((rc = parse_month(given(req->month), "month", &year,
		    &month, err)) != MN_OK)
			return rc;
		return mn_kitchen_export_mealfees(ctx, req->month, req->xlsx,
		    path, err);
	}
}

/* Checks the form of "YYYY-YYYY": two years that follow each other. */
static int
parse_year(const char *text, struct mn_error *err)
{
	int first, second;
	char tail, shown[40];

	if (text == NULL)
		return MN_OK;
	if (strlen(text) == 9 && text[4] == '-' &&
	    sscanf(text, "%4d-%4d%c", &first, &second, &tail) == 2 &&
	    first >= 2000 && second == first + 1)
		return MN_OK;
	mn_text_safe(text, shown, sizeof shown);
	return mn_fail(err, MN_ERR_INVALID, "year", T("school year: invalid "
	    "value '%s'; expected YYYY-YYYY, e.g. 2026-2027", "năm học: giá "
	    "trị '%s' không hợp lệ; cần dạng YYYY-YYYY, ví dụ 2026-2027"),
	    shown);
}

/*
 * Checks the form of the parameters a personal kind reads, before its
 * approval is used: a mistyped month is reported as such, and does not
 * count as a use of the approval.
 */
static int
check_params(const struct mn_export_request *req, struct mn_error *err)
{
	int year, month;

	switch (req->kind) {
	case MN_EXPORT_CHILDREN:
	case MN_EXPORT_STAFF:
		return parse_year(given(req->year), err);
	case MN_EXPORT_ATTENDANCE:
		if (given(req->class_code) == NULL)
			return missing(err, "class", "class", "lớp",
			    "a class code");
		return parse_month(given(req->month), "month", &year, &month,
		    err);
	case MN_EXPORT_GROWTH:
		return parse_month(given(req->round), "round", &year, &month,
		    err);
	default:
		return MN_OK;
	}
}

/* The one class an export covers, NULL for more than one. */
static const char *
export_class(const struct mn_export_request *req)
{
	if (req->kind == MN_EXPORT_STAFF)
		return NULL;
	return given(req->class_code);
}

int
mn_export_write(struct mn_ctx *ctx, const struct mn_export_request *req,
    const char *path, struct mn_error *err)
{
	int year, month, rc;

	if (req->kind < 0 || req->kind >= MN_EXPORT_KIND_COUNT)
		return mn_fail(err, MN_ERR_INVALID, "kind", "%s",
		    T("unknown export kind", "không có loại dữ liệu này"));
	if (path == NULL || *path == '\0')
		return mn_fail(err, MN_ERR_INVALID, "output", "%s",
		    T("missing output file", "thiếu tệp để ghi"));
	/* The role first, so that a refusal uses up no approval. */
	if ((rc = mn_require(ctx->db, &ctx->actor, kinds[req->kind].action,
	    err)) != MN_OK)
		return rc;
	/* Personal data leaves only under the principal's approval. */
	if (mn_export_kind_personal(req->kind) &&
	    ((rc = check_params(req, err)) != MN_OK ||
	    (rc = mn_approval_use_class(ctx, req->approval,
	    kinds[req->kind].approval_kind, export_class(req), NULL,
	    err)) != MN_OK))
		return rc;
	switch (req->kind) {
	case MN_EXPORT_CLASSES:
	case MN_EXPORT_CHILDREN:
	case MN_EXPORT_STAFF:
		return write_register(ctx, req, path, err);
	case MN_EXPORT_ATTENDANCE:
		return write_attendance(ctx, req, path, err);
	case MN_EXPORT_GROWTH:
		if ((rc = parse_month(given(req->round), "round", &year,
		    &month, err)) != MN_OK)
			return rc;
		return mn_growth_export(ctx, req->round,
		    given(req->class_code), req->xlsx, path, err);
	default:
		return write_kitchen(ctx, req, path, err);
	}
}
