/*
 * Who may read and write health data, and small helpers the health
 * files share.  The roles come from the table of access.c, and a
 * teacher's classes are checked with mn_teaches_child.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/date.h"
#include "core/db.h"
#include "core/health_int.h"
#include "core/text.h"

/* The action of access.h behind each need. */
static const enum mn_action need_actions[] = {
	[HEALTH_READ] = MN_ACT_HEALTH_READ,
	[HEALTH_WRITE] = MN_ACT_HEALTH_WRITE,
	[HEALTH_MEASURE] = MN_ACT_HEALTH_MEASURE,
	[HEALTH_SUMMARY] = MN_ACT_HEALTH_SUMMARY,
	[HEALTH_ALLERGY] = MN_ACT_HEALTH_ALLERGY,
};

/* True when one of the actor's roles has need on every child. */
static bool
all_children(const struct mn_actor *actor, enum health_need need)
{
	return mn_allowed_all(actor, need_actions[need]);
}

/* True when the actor has need on the children of her classes. */
static bool
own_classes(const struct mn_actor *actor, enum health_need need)
{
	return mn_allowed_as(actor, need_actions[need], MN_ROLE_TEACHER);
}

static int
deny(struct mn_ctx *ctx, enum health_need need, int64_t child_id,
    struct mn_error *err)
{
	/* A refusal is kept in the trail: it may be someone probing. */
	mn_audit(ctx->db, &ctx->actor, "denied",
	    child_id != 0 ? "children" : NULL, child_id, NULL, NULL,
	    mn_action_name(need_actions[need]), NULL);
	return mn_fail(err, MN_ERR_DENIED, "",
	    T("your account is not allowed to see or change this child's "
	    "health data",
	    "tài khoản của bạn không được phép xem hoặc sửa dữ liệu sức "
	    "khỏe của trẻ này"));
}

bool
health_teacher_only(const struct mn_actor *actor, enum health_need need)
{
	return !all_children(actor, need) && own_classes(actor, need);
}

bool
health_teaches_class(struct mn_ctx *ctx, const char *class_code)
{
	sqlite3_stmt *st;
	bool mine = false;

	if (mn_prepare(ctx->db,
	    "SELECT 1 FROM classes cl JOIN class_teachers ct "
	    "ON ct.class_id = cl.id JOIN staff s ON s.id = ct.staff_id "
	    "WHERE cl.code = ?1 AND s.account_id = ?2", &st, NULL) != MN_OK)
		return false;
	sqlite3_bind_text(st, 1, class_code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, ctx->actor.account_id);
	mine = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return mine;
}

bool
health_teaches_class_id(struct mn_ctx *ctx, int64_t class_id)
{
	return mn_teaches_class(ctx, class_id);
}

int
health_child_basic(struct mn_ctx *ctx, int64_t child_id, char birth[11],
    int *sex, struct mn_error *err)
{
	sqlite3_stmt *st;
	const char *b, *s;
	int rc;

	rc = mn_prepare(ctx->db,
	    "SELECT birth_date, sex FROM children WHERE id = ?", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = rc == SQLITE_DONE ? mn_fail(err, MN_ERR_NOTFOUND,
		    "child", T("child %lld not found",
		    "không tìm thấy trẻ %lld"), (long long)child_id) :
		    mn_db_fail(ctx->db, err);
		sqlite3_finalize(st);
		return rc;
	}
	b = (const char *)sqlite3_column_text(st, 0);
	s = (const char *)sqlite3_column_text(st, 1);
	snprintf(birth, 11, "%s", b != NULL ? b : "");
	*sex = s != NULL && s[0] == 'F' ? 2 : 1;
	sqlite3_finalize(st);
	return MN_OK;
}

int
health_access(struct mn_ctx *ctx, enum health_need need, int64_t child_id,
    struct mn_error *err)
{
	const struct mn_actor *a = &ctx->actor;
	char birth[11];
	int sex, rc;

	if (child_id != 0) {
		/* Unknown ids are reported as such only to allowed roles. */
		if (!mn_allowed(a, need_actions[need]))
			return deny(ctx, need, child_id, err);
		rc = health_child_basic(ctx, child_id, birth, &sex, err);
		if (rc != MN_OK)
			return rc;
	}
	if (all_children(a, need))
		return MN_OK;
	if (!own_classes(a, need))
		return deny(ctx, need, child_id, err);
	if (child_id == 0)
		return MN_OK;
	return mn_teaches_child(ctx, child_id) ? MN_OK :
	    deny(ctx, need, child_id, err);
}

int
health_row_json(sqlite3 *db, const char *sql, int64_t id, char **out,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	const char *json;
	int rc;

	*out = NULL;
	if ((rc = mn_prepare(db, sql, &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		json = (const char *)sqlite3_column_text(st, 0);
		if (json != NULL && (*out = strdup(json)) == NULL) {
			sqlite3_finalize(st);
			return mn_fail(err, MN_ERR_NOMEM, "", "%s",
			    T("out of memory", "hết bộ nhớ"));
		}
		rc = MN_OK;
	} else if (rc == SQLITE_DONE) {
		rc = MN_OK;
	} else {
		rc = mn_db_fail(db, err);
	}
	sqlite3_finalize(st);
	return rc;
}

int
health_audit_view(struct mn_ctx *ctx, const char *table, int64_t child_id,
    const char *detail, struct mn_error *err)
{
	return mn_audit(ctx->db, &ctx->actor, "view", table, child_id, NULL,
	    NULL, detail, err);
}

int
health_clean(const char *in, const char *field, const char *label,
    size_t max_chars, bool required, char **out, struct mn_error *err)
{
	int rc;

	rc = mn_text_clean(in != NULL ? in : "", field, max_chars, out, err);
	if (rc != MN_OK)
		return rc;
	if (required && (*out)[0] == '\0') {
		free(*out);
		*out = NULL;
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s is missing; enter it", "thiếu %s; hãy nhập"), label);
	}
	return MN_OK;
}

static bool
after_today(const struct mn_date *d)
{
	struct mn_date today;

	mn_date_today(&today);
	return mn_date_cmp(d, &today) > 0;
}

int
health_check_past_date(const char *text, const char *field,
    const char *label, bool allow_empty, struct mn_error *err)
{
	struct mn_date d;
	int rc;

	if (allow_empty && (text == NULL || text[0] == '\0'))
		return MN_OK;
	if ((rc = mn_date_parse_iso(text, field, &d, err)) != MN_OK)
		return rc;
	if (after_today(&d))
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s %s is in the future; enter a date up to today",
		    "%s %s là ngày trong tương lai; hãy nhập ngày đến hôm "
		    "nay"), label, text);
	return MN_OK;
}

int
health_check_time(const char *text, const char *field,
    const char *label, struct mn_error *err)
{
	char day[11];
	int hour, minute;
	char end;

	if (text == NULL || strlen(text) != 16 || text[10] != ' ' ||
	    sscanf(text + 11, "%2d:%2d%c", &hour, &minute, &end) != 2 ||
	    text[13] != ':' || hour < 0 || hour > 23 || minute < 0 ||
	    minute > 59)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s \"%s\" is not a time; expected YYYY-MM-DD HH:MM",
		    "%s \"%s\" không phải là thời điểm; cần dạng "
		    "YYYY-MM-DD HH:MM"), label, text != NULL ? text : "");
	memcpy(day, text, 10);
	day[10] = '\0';
	return health_check_past_date(day, field, label, false, err);
}

int
health_check_round(const char *round_label, bool allow_empty,
    struct mn_error *err)
{
	int month;

	if (allow_empty && (round_label == NULL || round_label[0] == '\0'))
		return MN_OK;
	if (round_label == NULL)
		round_label = "";
	if (strlen(round_label) == 7 && round_label[4] == '-' &&
	    strspn(round_label, "0123456789") == 4 &&
	    strspn(round_label + 5, "0123456789") == 2) {
		month = atoi(round_label + 5);
		if (month >= 1 && month <= 12)
			return MN_OK;
	}
	return mn_fail(err, MN_ERR_INVALID, "round",
	    T("round \"%s\" is not a month; expected YYYY-MM, e.g. 2025-09",
	    "đợt cân đo \"%s\" không phải là tháng; cần dạng YYYY-MM, ví dụ "
	    "2025-09"), round_label);
}

int
health_category_parse(const char *name)
{
	const char *known;

	if (name == NULL)
		return MN_GROWTH_NONE;
	for (int c = 0; c < MN_GROWTH_CATEGORY_COUNT; c++) {
		known = mn_growth_category_name(c);
		if (known != NULL && strcmp(known, name) == 0)
			return c;
	}
	return MN_GROWTH_NONE;
}
