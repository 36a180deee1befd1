/*
 * Weekly menus, their approval and copying, ISO weeks and school days,
 * and the loading of a day's portions for the nutrition calculation.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db.h"
#include "core/kitchen.h"
#include "core/kitchen_priv.h"
#include "core/registers.h"
#include "core/text.h"
#include "core/validate.h"


const char kitchen_food_columns[] = "f.code, f.name, f.food_group, "
    "f.origin, f.refuse_pct, f.energy_kcal, f.protein_g, f.lipid_g, "
    "f.glucid_g, f.fibre_g, f.calcium_mg, f.iron_mg, f.retinol_ug, "
    "f.beta_carotene_ug, f.vitamin_b1_mg, f.vitamin_c_mg, "
    "f.purchase_unit, f.unit_grams";

/* ---- Dates ------------------------------------------------------------ */

static long
days_from_civil(int year, int month, int day)
{
	struct mn_date d = { year, month, day };

	return mn_date_to_days(&d);
}

static void
civil_from_days(long days, struct mn_date *out)
{
	mn_date_from_days(days, out);
}

static long
to_days(const struct mn_date *d)
{
	return mn_date_to_days(d);
}

/* 0 = Monday ... 6 = Sunday. */
static int
weekday(long days)
{
	struct mn_date d;

	mn_date_from_days(days, &d);
	return mn_date_weekday(&d);
}

void
kitchen_iso(const struct mn_date *d, char buf[11])
{
	mn_date_format_iso(d, buf, 11);
}

int
kitchen_check_date(const struct mn_date *d, const char *field,
    struct mn_error *err)
{
	/* Years outside 1900-2999 are rejected as typing mistakes. */
	if (d != NULL && d->year >= 1900 && d->year <= 2999 &&
	    mn_date_valid(d->year, d->month, d->day))
		return MN_OK;
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: invalid date; expected a day that exists, "
	    "e.g. 2026-12-07", "%s: ngày không hợp lệ; cần một ngày có "
	    "thật, ví dụ 2026-12-07"), field);
}

/* Monday of ISO week 1 of a year: the week holding 4 January. */
static long
week1_monday(int year)
{
	long jan4 = days_from_civil(year, 1, 4);

	return jan4 - weekday(jan4);
}

int
mn_week_parse(const char *text, struct mn_date *monday, struct mn_error *err)
{
	int year, week, n = 0;
	long first;

	if (text == NULL || strlen(text) != 8 ||
	    sscanf(text, "%4d-W%2d%n", &year, &week, &n) != 2 || n != 8 ||
	    year < 1900 || year > 2999 || week < 1)
		goto bad;
	first = week1_monday(year) + 7L * (week - 1);
	/* Week 53 exists only in years whose last week ends after it. */
	if (first >= week1_monday(year + 1))
		goto bad;
	civil_from_days(first, monday);
	return MN_OK;
bad:
	return mn_fail(err, MN_ERR_INVALID, "week",
	    T("week: invalid value '%.16s'; expected an ISO week "
	    "YYYY-Www, e.g. 2026-W49", "tuần: giá trị '%.16s' không hợp "
	    "lệ; cần tuần ISO dạng YYYY-Www, ví dụ 2026-W49"),
	    text ? text : "");
}

/* ISO week "YYYY-Www" of a day. */
static void
week_of(const struct mn_date *d, char buf[9])
{
	long days = to_days(d);
	long thursday = days - weekday(days) + 3;
	struct mn_date t;

	civil_from_days(thursday, &t);
	snprintf(buf, 9, "%04u-W%02u", (unsigned)t.year % 10000u,
	    (unsigned)((thursday - days_from_civil(t.year, 1, 1)) / 7 + 1) %
	    100u);
}

static bool
is_school_day(struct mn_ctx *ctx, const struct mn_date *d)
{
	return mn_calendar_is_school_day(ctx, d);
}

void
kitchen_utc_time(time_t t, char *buf, size_t size)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- Menus ------------------------------------------------------------ */

static int
week_approved(struct mn_ctx *ctx, const char *week, enum mn_age_group group,
    bool *approved, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	*approved = false;
	if ((rc = mn_prepare(ctx->db, "SELECT status FROM menu_weeks WHERE "
	    "week = ? AND age_group = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, week, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
	    SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*approved = strcmp((const char *)sqlite3_column_text(stmt, 0),
		    "approved") == 0;
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
}

static int
reject_if_approved(struct mn_ctx *ctx, const char *week,
    enum mn_age_group group, struct mn_error *err)
{
	bool approved;
	int rc = week_approved(ctx, week, group, &approved, err);

	if (rc != MN_OK || !approved)
		return rc;
	return mn_fail(err, MN_ERR_CONFLICT, "week",
	    T("the menu of week %s (%s) is approved; ask the principal to "
	    "reopen it before changing it", "thực đơn tuần %s (%s) đã được "
	    "duyệt; hãy đề nghị hiệu trưởng mở lại trước khi sửa"), week,
	    mn_menu_group_label(group));
}

static int
ensure_week(struct mn_ctx *ctx, const char *week, enum mn_age_group group,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char now[32];
	int rc;

	mn_now_utc(now, sizeof now);
	if ((rc = mn_prepare(ctx->db, "INSERT INTO menu_weeks (week, "
	    "age_group, changed_by, changed_at) VALUES (?, ?, ?, ?) "
	    "ON CONFLICT (week, age_group) DO NOTHING", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, week, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, now, -1, SQLITE_STATIC);
	return kitchen_step_done(ctx, stmt, err);
}

static int
not_school_day(const struct mn_date *d, struct mn_error *err)
{
	return mn_fail(err, MN_ERR_INVALID, "date",
	    T("date %04d-%02d-%02d has no school; a menu needs a school day",
	    "ngày %04d-%02d-%02d không có học; chỉ lập thực đơn cho ngày "
	    "học"), d->year, d->month, d->day);
}

/* Rejects a dish that is missing or has no ingredients for the group. */
static int
check_dish_for_group(struct mn_ctx *ctx, int64_t dish_id,
    enum mn_age_group group, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc, items = -1;

	if ((rc = mn_prepare(ctx->db, "SELECT (SELECT count(*) FROM "
	    "dish_items i WHERE i.dish_id = d.id AND i.age_group = ?2) "
	    "FROM dishes d WHERE d.id = ?1", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, dish_id);
	sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
	    SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		items = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	if (items < 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "dish",
		    T("dish %lld not found", "không tìm thấy món %lld"),
		    (long long)dish_id);
	if (items == 0)
		return mn_fail(err, MN_ERR_INVALID, "dish",
		    T("dish %lld has no ingredients for %s; expected its "
		    "edible grams per child for that age group",
		    "món %lld chưa có nguyên liệu cho %s; cần số gam ăn được "
		    "mỗi trẻ của nhóm tuổi đó"), (long long)dish_id,
		    mn_menu_group_label(group));
	return MN_OK;
}

int
mn_kitchen_menu_set(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, enum mn_meal meal, const int64_t *dish_ids,
    size_t count, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char date[11], week[9], detail[160];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_PLAN, "menu_write", err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK)
		return rc;
	if ((unsigned)group >= MN_GROUP_COUNT ||
	    (unsigned)meal >= MN_MEAL_COUNT)
		return mn_fail(err, MN_ERR_INVALID, "meal", "%s",
		    T("age group or meal: invalid value",
		    "nhóm tuổi hoặc bữa ăn: giá trị không hợp lệ"));
	if (!is_school_day(ctx, day))
		return not_school_day(day, err);
	kitchen_iso(day, date);
	week_of(day, week);
	if ((rc = reject_if_approved(ctx, week, group, err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < count; i++)
		if ((rc = check_dish_for_group(ctx, dish_ids[i], group, err))
		    != MN_OK)
			return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "DELETE FROM menu_items WHERE menu_date = ? "
	    "AND age_group = ? AND meal = ?", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, mn_meal_key(meal), -1,
		    SQLITE_STATIC);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	for (size_t i = 0; i < count && rc == MN_OK; i++) {
		if ((rc = mn_prepare(ctx->db, "INSERT OR IGNORE INTO "
		    "menu_items (menu_date, age_group, meal, dish_id, "
		    "position) VALUES (?, ?, ?, ?, ?)", &stmt, err)) != MN_OK)
			break;
		sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, mn_meal_key(meal), -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 4, dish_ids[i]);
		sqlite3_bind_int(stmt, 5, (int)i);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	if (rc == MN_OK)
		rc = ensure_week(ctx, week, group, err);
	snprintf(detail, sizeof detail, "menu %s %s %s: %zu dishes", date,
	    mn_menu_group_key(group), mn_meal_key(meal), count);
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "update", "menu_items", 0, detail, err);
	return kitchen_finish(ctx, rc, err);
}

static int
count_week_items(struct mn_ctx *ctx, long monday, enum mn_age_group group,
    int *count, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_date a, b;
	char from[11], to[11];
	int rc;

	civil_from_days(monday, &a);
	civil_from_days(monday + 6, &b);
	kitchen_iso(&a, from);
	kitchen_iso(&b, to);
	if ((rc = mn_prepare(ctx->db, "SELECT count(*) FROM menu_items "
	    "WHERE age_group = ? AND menu_date BETWEEN ? AND ?", &stmt, err))
	    != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, mn_menu_group_key(group), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, to, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*count = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? MN_OK : mn_db_fail(ctx->db, err);
}

int
mn_kitchen_menu_copy_week(struct mn_ctx *ctx, const char *from_week,
    const char *to_week, enum mn_age_group group, int *copied,
    int *skipped, struct mn_error *err)
{
	struct mn_date src, dst;
	char detail[96];
	int rc, existing;

	*copied = *skipped = 0;
	if ((rc = kitchen_require(ctx, MAY_PLAN, "menu_write", err)) != MN_OK ||
	    (rc = mn_week_parse(from_week, &src, err)) != MN_OK ||
	    (rc = mn_week_parse(to_week, &dst, err)) != MN_OK ||
	    (rc = reject_if_approved(ctx, to_week, group, err)) != MN_OK ||
	    (rc = count_week_items(ctx, to_days(&dst), group, &existing,
	    err)) != MN_OK)
		return rc;
	if (existing > 0)
		return mn_fail(err, MN_ERR_EXISTS, "week",
		    T("week %s already has a menu for %s; clear it first or "
		    "choose an empty week", "tuần %s đã có thực đơn cho %s; "
		    "hãy xóa trước hoặc chọn tuần trống"), to_week,
		    mn_menu_group_label(group));
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	for (int i = 0; i < 7 && rc == MN_OK; i++) {
		struct mn_date s, d;
		char sday[11], dday[11];
		sqlite3_stmt *stmt;
		int items;

		civil_from_days(to_days(&src) + i, &s);
		civil_from_days(to_days(&dst) + i, &d);
		kitchen_iso(&s, sday);
		kitchen_iso(&d, dday);
		rc = mn_prepare(ctx->db, "SELECT count(*) FROM menu_items "
		    "WHERE menu_date = ? AND age_group = ?", &stmt, err);
		if (rc != MN_OK)
			break;
		sqlite3_bind_text(stmt, 1, sday, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
		    SQLITE_STATIC);
		items = sqlite3_step(stmt) == SQLITE_ROW ?
		    sqlite3_column_int(stmt, 0) : 0;
		sqlite3_finalize(stmt);
		if (items == 0)
			continue;
		if (!is_school_day(ctx, &d)) {
			(*skipped)++;
			continue;
		}
		rc = mn_prepare(ctx->db, "INSERT INTO menu_items (menu_date, "
		    "age_group, meal, dish_id, position) SELECT ?1, age_group, "
		    "meal, dish_id, position FROM menu_items WHERE "
		    "menu_date = ?2 AND age_group = ?3", &stmt, err);
		if (rc != MN_OK)
			break;
		sqlite3_bind_text(stmt, 1, dday, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, sday, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, mn_menu_group_key(group), -1,
		    SQLITE_STATIC);
		if ((rc = kitchen_step_done(ctx, stmt, err)) == MN_OK)
			(*copied)++;
	}
	if (rc == MN_OK)
		rc = ensure_week(ctx, to_week, group, err);
	snprintf(detail, sizeof detail, "menu %s copied to %s (%s)", from_week,
	    to_week, mn_menu_group_key(group));
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "insert", "menu_items", 0, detail, err);
	return kitchen_finish(ctx, rc, err);
}

int
mn_kitchen_menu_approve(struct mn_ctx *ctx, const char *week,
    enum mn_age_group group, bool approved, struct mn_error *err)
{
	struct mn_date monday;
	sqlite3_stmt *stmt;
	char now[32], detail[64];
	int rc, items;

	if ((rc = kitchen_require(ctx, MAY_APPROVE, "menu_approve",
	    err)) != MN_OK ||
	    (rc = mn_week_parse(week, &monday, err)) != MN_OK ||
	    (rc = count_week_items(ctx, to_days(&monday), group, &items,
	    err)) != MN_OK)
		return rc;
	if (approved && items == 0)
		return mn_fail(err, MN_ERR_INVALID, "week",
		    T("week %s has no menu for %s to approve",
		    "tuần %s chưa có thực đơn cho %s để duyệt"), week,
		    mn_menu_group_label(group));
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = ensure_week(ctx, week, group, err);
	if (rc == MN_OK)
		rc = mn_prepare(ctx->db, "UPDATE menu_weeks SET status = ?3, "
		    "approved_by = ?4, approved_at = ?5, "
		    "version = version + 1, "
		    "changed_by = ?6, changed_at = ?7 "
		    "WHERE week = ?1 AND age_group = ?2", &stmt, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(stmt, 1, week, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, approved ? "approved" : "draft", -1,
		    SQLITE_STATIC);
		if (approved) {
			sqlite3_bind_text(stmt, 4, ctx->actor.login, -1,
			    SQLITE_STATIC);
			sqlite3_bind_text(stmt, 5, now, -1, SQLITE_STATIC);
		}
		sqlite3_bind_text(stmt, 6, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 7, now, -1, SQLITE_STATIC);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	snprintf(detail, sizeof detail, "menu %s %s %s", week,
	    mn_menu_group_key(group), approved ? "approved" : "reopened");
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "update", "menu_weeks", 0, detail, err);
	return kitchen_finish(ctx, rc, err);
}

int
mn_kitchen_menu_status(struct mn_ctx *ctx, const char *week,
    enum mn_age_group group, bool *approved, struct mn_error *err)
{
	struct mn_date monday;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "menu_read",
	    err)) != MN_OK ||
	    (rc = mn_week_parse(week, &monday, err)) != MN_OK)
		return rc;
	return week_approved(ctx, week, group, approved, err);
}

/* ---- Days that lost their school ------------------------------------- */

int
kitchen_refuse_no_school(struct mn_ctx *ctx, const struct mn_date *day,
    const char *what, struct mn_error *err)
{
	sqlite3_stmt *st;
	char date[11], shown[16];
	int rc, items = 0;

	if (is_school_day(ctx, day))
		return MN_OK;
	kitchen_iso(day, date);
	if ((rc = mn_prepare(ctx->db, "SELECT count(*) FROM menu_items WHERE "
	    "menu_date = ?", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		items = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return mn_db_fail(ctx->db, err);
	if (items == 0)
		return MN_OK;
	mn_date_format(day, shown, sizeof shown);
	return mn_fail(err, MN_ERR_INVALID, "date",
	    T("%s: %s has no school (a holiday was added after its menu "
	    "was planned); remove the day's menu, or remove the holiday "
	    "in the school calendar if the children do come",
	    "%s: ngày %s là ngày nghỉ (ngày nghỉ được thêm sau khi đã lập "
	    "thực đơn); hãy xóa thực đơn của ngày đó, hoặc xóa ngày nghỉ "
	    "trong lịch năm học nếu trẻ vẫn đến trường"), what, shown);
}

int
mn_kitchen_days_planned(struct mn_ctx *ctx, const struct mn_date *from,
    const struct mn_date *to, int *menu_days, int *purchase_days,
    struct mn_date *first, struct mn_error *err)
{
	static const char *const sql[2] = {
		"SELECT count(DISTINCT menu_date), min(menu_date) FROM "
		"menu_items WHERE menu_date BETWEEN ? AND ?",
		"SELECT count(DISTINCT day), min(day) FROM purchases "
		"WHERE day BETWEEN ? AND ?",
	};
	char a[11], b[11];
	int rc, *out[2] = { menu_days, purchase_days };

	*menu_days = *purchase_days = 0;
	memset(first, 0, sizeof *first);
	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "menu_read",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(from, "first_day", err)) != MN_OK ||
	    (rc = kitchen_check_date(to, "last_day", err)) != MN_OK)
		return rc;
	kitchen_iso(from, a);
	kitchen_iso(to, b);
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *st;
		struct mn_date d;
		const char *min;

		if ((rc = mn_prepare(ctx->db, sql[i], &st, err)) != MN_OK)
			return rc;
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			*out[i] = sqlite3_column_int(st, 0);
			min = (const char *)sqlite3_column_text(st, 1);
			if (min != NULL && sscanf(min, "%4d-%2d-%2d", &d.year,
			    &d.month, &d.day) == 3 && (first->year == 0 ||
			    mn_date_cmp(&d, first) < 0))
				*first = d;
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return mn_db_fail(ctx->db, err);
	}
	return MN_OK;
}

/* ---- Drafts hidden from parents ---------------------------------------- */

/*
 * Parents see a week's menu only once the principal has approved it: a
 * draft may still change, and the school publishes what it approved.
 * Staff who read menus see drafts, which their screens mark as such.
 */
static int
hide_draft_from_parent(struct mn_ctx *ctx, const char *week,
    enum mn_age_group group, struct mn_error *err)
{
	bool approved;
	int rc;

	if ((ctx->actor.roles & MAY_READ_MENU & ~(unsigned)MN_ROLE_PARENT) !=
	    0)
		return MN_OK;
	if ((rc = week_approved(ctx, week, group, &approved, err)) != MN_OK ||
	    approved)
		return rc;
	return mn_fail(err, MN_ERR_NOTFOUND, "week",
	    T("the menu of week %s (%s) is not approved yet",
	    "thực đơn tuần %s (%s) chưa được duyệt"), week,
	    mn_menu_group_label(group));
}

static int
hide_draft_day_from_parent(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, struct mn_error *err)
{
	char week[9];

	week_of(day, week);
	return hide_draft_from_parent(ctx, week, group, err);
}

/* ---- Dishes fixed by served or approved menus ------------------------- */

int
kitchen_dish_locked_day(struct mn_ctx *ctx, int64_t dish_id,
    struct mn_date *day, bool *approved, struct mn_error *err)
{
	sqlite3_stmt *st;
	struct mn_date today;
	int rc;

	memset(day, 0, sizeof *day);
	*approved = false;
	mn_date_today(&today);
	if ((rc = mn_prepare(ctx->db, "SELECT DISTINCT menu_date, age_group "
	    "FROM menu_items WHERE dish_id = ? ORDER BY menu_date, age_group",
	    &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, dish_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 0);
		enum mn_age_group group = MN_GROUP_NHA_TRE;
		struct mn_date d;
		char week[9];
		bool ok;

		if (text == NULL || sscanf(text, "%4d-%2d-%2d", &d.year,
		    &d.month, &d.day) != 3 || !mn_date_valid(d.year, d.month,
		    d.day))
			continue;
		mn_menu_group_parse((const char *)sqlite3_column_text(st, 1),
		    &group, NULL);
		if (mn_date_cmp(&d, &today) < 0) {
			*day = d;
			break;
		}
		week_of(&d, week);
		if (week_approved(ctx, week, group, &ok, err) != MN_OK) {
			sqlite3_finalize(st);
			return MN_ERR_DB;
		}
		if (ok) {
			*day = d;
			*approved = true;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	return MN_OK;
}

int
kitchen_dish_refuse_locked(struct mn_ctx *ctx, int64_t dish_id,
    const char *what, struct mn_error *err)
{
	struct mn_date day;
	bool approved;
	char shown[16];
	int rc;

	if ((rc = kitchen_dish_locked_day(ctx, dish_id, &day, &approved,
	    err)) != MN_OK || day.year == 0)
		return rc;
	mn_date_format(&day, shown, sizeof shown);
	if (approved)
		return mn_fail(err, MN_ERR_CONFLICT, "dish",
		    T("%s: the dish is on the approved menu of %s, so it "
		    "stays as approved; copy the dish (key c on the dishes "
		    "screen) and change the copy for later menus",
		    "%s: món có trong thực đơn đã duyệt ngày %s nên giữ như "
		    "đã duyệt; hãy sao chép món (phím c ở màn hình Món ăn) "
		    "rồi sửa bản sao cho các thực đơn sau"), what, shown);
	return mn_fail(err, MN_ERR_CONFLICT, "dish",
	    T("%s: the dish was served on %s, so it stays as served; copy "
	    "the dish (key c on the dishes screen) and change the copy for "
	    "later menus", "%s: món đã dùng trong thực đơn ngày %s nên giữ "
	    "như đã nấu; hãy sao chép món (phím c ở màn hình Món ăn) rồi "
	    "sửa bản sao cho các thực đơn sau"), what, shown);
}

int
mn_kitchen_dish_locked(struct mn_ctx *ctx, int64_t dish_id,
    struct mn_date *day, bool *approved, struct mn_error *err)
{
	int rc;

	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "dish_read",
	    err)) != MN_OK)
		return rc;
	return kitchen_dish_locked_day(ctx, dish_id, day, approved, err);
}

int
mn_kitchen_menu_week(struct mn_ctx *ctx, const char *week,
    enum mn_age_group group, struct mn_menu_entry **out, size_t *count,
    struct mn_error *err)
{
	struct mn_date monday, sunday;
	char from[11], to[11];
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "menu_read",
	    err)) != MN_OK ||
	    (rc = mn_week_parse(week, &monday, err)) != MN_OK ||
	    (rc = hide_draft_from_parent(ctx, week, group, err)) != MN_OK)
		return rc;
	civil_from_days(to_days(&monday) + 6, &sunday);
	kitchen_iso(&monday, from);
	kitchen_iso(&sunday, to);
	if ((rc = mn_prepare(ctx->db, "SELECT m.menu_date, m.meal, d.id, "
	    "d.name FROM menu_items m JOIN dishes d ON d.id = m.dish_id "
	    "WHERE m.age_group = ? AND m.menu_date BETWEEN ? AND ? "
	    "ORDER BY m.menu_date, CASE m.meal WHEN 'breakfast' THEN 0 "
	    "WHEN 'lunch' THEN 1 WHEN 'afternoon' THEN 2 ELSE 3 END, "
	    "m.position", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, mn_menu_group_key(group), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct mn_menu_entry *e;

		if (*count == cap) {
			cap = cap ? cap * 2 : 16;
			e = realloc(*out, cap * sizeof *e);
			if (e == NULL) {
				sqlite3_finalize(stmt);
				free(*out);
				*out = NULL;
				*count = 0;
				return mn_fail(err, MN_ERR_NOMEM, "",
				    "out of memory");
			}
			*out = e;
		}
		e = &(*out)[(*count)++];
		memset(e, 0, sizeof *e);
		snprintf(e->date, sizeof e->date, "%s",
		    (const char *)sqlite3_column_text(stmt, 0));
		mn_meal_parse((const char *)sqlite3_column_text(stmt, 1),
		    &e->meal, NULL);
		e->dish_id = sqlite3_column_int64(stmt, 2);
		snprintf(e->dish, sizeof e->dish, "%s",
		    (const char *)sqlite3_column_text(stmt, 3));
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*count = 0;
		return mn_db_fail(ctx->db, err);
	}
	return MN_OK;
}

/* ---- Calculation ------------------------------------------------------ */

static struct mn_range
range_from_row(sqlite3_stmt *stmt, int col)
{
	struct mn_range r;

	r.min = sqlite3_column_type(stmt, col) == SQLITE_NULL ? NAN :
	    sqlite3_column_double(stmt, col);
	r.max = sqlite3_column_type(stmt, col + 1) == SQLITE_NULL ? NAN :
	    sqlite3_column_double(stmt, col + 1);
	return r;
}

int
mn_kitchen_requirement(struct mn_ctx *ctx, enum mn_age_group group,
    const struct mn_date *day, struct mn_requirement *r,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char date[11];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "menu_read",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK)
		return rc;
	kitchen_iso(day, date);
	if ((rc = mn_prepare(ctx->db, "SELECT kcal_min, kcal_max, "
	    "protein_pct_min, protein_pct_max, lipid_pct_min, lipid_pct_max, "
	    "glucid_pct_min, glucid_pct_max, animal_protein_pct_min, "
	    "animal_protein_pct_max, animal_lipid_pct_min, "
	    "animal_lipid_pct_max, calcium_mg_min, calcium_mg_max, "
	    "iron_mg_min, iron_mg_max, vitamin_a_ug_min, vitamin_a_ug_max, "
	    "vitamin_b1_mg_min, vitamin_b1_mg_max, vitamin_c_mg_min, "
	    "vitamin_c_mg_max, daily_kcal, breakfast_pct_min, "
	    "breakfast_pct_max, lunch_pct_min, lunch_pct_max, "
	    "afternoon_pct_min, afternoon_pct_max, snack_pct_min, "
	    "snack_pct_max FROM nutrition_requirements WHERE age_group = ? "
	    "AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
	    &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, mn_menu_group_key(group), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		struct mn_range *ranges[] = { &r->kcal, &r->protein_pct,
		    &r->lipid_pct, &r->glucid_pct, &r->animal_protein_pct,
		    &r->animal_lipid_pct, &r->calcium_mg, &r->iron_mg,
		    &r->vitamin_a_ug, &r->vitamin_b1_mg, &r->vitamin_c_mg };

		for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
			*ranges[i] = range_from_row(stmt, 2 * (int)i);
		r->daily_kcal = sqlite3_column_double(stmt, 22);
		for (int m = 0; m < MN_MEAL_COUNT; m++)
			r->meal_pct[m] = range_from_row(stmt, 23 + 2 * m);
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	mn_requirement_default(group, r);
	return MN_OK;
}

static const char *const requirement_columns[] = { "kcal",
    "protein_pct", "lipid_pct", "glucid_pct", "animal_protein_pct",
    "animal_lipid_pct", "calcium_mg", "iron_mg", "vitamin_a_ug",
    "vitamin_b1_mg", "vitamin_c_mg", "breakfast_pct", "lunch_pct",
    "afternoon_pct", "snack_pct" };

/* Lists the ranges of r in requirement_columns order, with limits. */
static size_t
requirement_ranges(const struct mn_requirement *r,
    const struct mn_range **ranges, double *limits)
{
	const struct mn_range *all[] = { &r->kcal, &r->protein_pct,
	    &r->lipid_pct, &r->glucid_pct, &r->animal_protein_pct,
	    &r->animal_lipid_pct, &r->calcium_mg, &r->iron_mg,
	    &r->vitamin_a_ug, &r->vitamin_b1_mg, &r->vitamin_c_mg,
	    &r->meal_pct[MN_MEAL_BREAKFAST], &r->meal_pct[MN_MEAL_LUNCH],
	    &r->meal_pct[MN_MEAL_AFTERNOON], &r->meal_pct[MN_MEAL_SNACK] };
	/* Plausible upper limits per child per day at school. */
	static const double max[] = { 3000, 100, 100, 100, 100, 100, 5000,
	    100, 10000, 10, 1000, 100, 100, 100, 100 };
	size_t n = sizeof all / sizeof all[0];

	for (size_t i = 0; i < n; i++) {
		ranges[i] = all[i];
		limits[i] = max[i];
	}
	return n;
}

/* Appends to buf; *used stays past the end once the buffer is full. */
static void __attribute__((format(printf, 4, 5)))
append(char *buf, size_t size, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*used >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *used, size - *used, fmt, ap);
	va_end(ap);
	*used = n < 0 ? size : *used + (size_t)n;
}

/* Writes the name of requirement column i as the requirement form shows
 * it, for messages. */
static void
requirement_label(size_t i, char *buf, size_t size)
{
	if (i < MN_CHECK_MEAL_FIRST)
		snprintf(buf, size, "%s", mn_check_label((int)i));
	else
		snprintf(buf, size, T("%s, %% of daily need",
		    "%s, %% nhu cầu ngày"),
		    mn_meal_label((int)(i - MN_CHECK_MEAL_FIRST)));
}

static int
check_bound(size_t i, const char *side, double v, double max,
    struct mn_error *err)
{
	char field[64], label[96], value[48], limit[48];

	if (isnan(v) || (v >= 0 && v <= max))
		return MN_OK;
	snprintf(field, sizeof field, "%s_%s", requirement_columns[i], side);
	requirement_label(i, label, sizeof label);
	mn_format_value(v, value, sizeof value);
	mn_format_value(max, limit, sizeof limit);
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: invalid %s %s; expected 0 to %s, or empty for no "
	    "bound", "%s: %s %s không hợp lệ; cần từ 0 đến %s, hoặc "
	    "để trống nếu không giới hạn"), label, strcmp(side, "min") == 0 ?
	    T("minimum", "mức tối thiểu") : T("maximum", "mức tối đa"), value,
	    limit);
}

int
mn_kitchen_requirement_set(struct mn_ctx *ctx, enum mn_age_group group,
    const struct mn_date *from, const struct mn_requirement *r,
    struct mn_error *err)
{
	const struct mn_range *ranges[16];
	double limits[16];
	size_t n = requirement_ranges(r, ranges, limits);
	char sql[4096], date[11], now[32], detail[64];
	size_t used = 0;
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_APPROVE, "requirement_write",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(from, "effective_from", err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		char label[96];

		if ((rc = check_bound(i, "min", ranges[i]->min, limits[i],
		    err)) != MN_OK ||
		    (rc = check_bound(i, "max", ranges[i]->max, limits[i],
		    err)) != MN_OK)
			return rc;
		requirement_label(i, label, sizeof label);
		if (ranges[i]->min > ranges[i]->max) {
			char lo[48], hi[48];

			mn_format_value(ranges[i]->min, lo, sizeof lo);
			mn_format_value(ranges[i]->max, hi, sizeof hi);
			return mn_fail(err, MN_ERR_INVALID,
			    requirement_columns[i],
			    T("%s: minimum %s is above maximum %s",
			    "%s: mức tối thiểu %s lớn hơn mức tối đa %s"),
			    label, lo, hi);
		}
	}
	if (!(r->daily_kcal > 0 && r->daily_kcal <= 5000)) {
		char kcal[48];

		mn_format_value(r->daily_kcal, kcal, sizeof kcal);
		return mn_fail(err, MN_ERR_INVALID, "daily_kcal",
		    T("daily need: invalid value %s kcal; expected above 0 "
		    "and at most 5000", "nhu cầu cả ngày: giá trị %s kcal "
		    "không hợp lệ; cần lớn hơn 0 và không quá 5000"), kcal);
	}

	/* Parameters: ?1 group, ?2 date, ?3 .. ?32 the bounds in
	   requirement_columns order, then daily_kcal, login and time. */
	append(sql, sizeof sql, &used, "INSERT INTO nutrition_requirements "
	    "(age_group, effective_from");
	for (size_t i = 0; i < n; i++)
		append(sql, sizeof sql, &used, ", %s_min, %s_max",
		    requirement_columns[i], requirement_columns[i]);
	append(sql, sizeof sql, &used, ", daily_kcal, changed_by, "
	    "changed_at) VALUES (?1, ?2");
	for (size_t i = 3; i <= 2 * n + 5; i++)
		append(sql, sizeof sql, &used, ", ?%zu", i);
	append(sql, sizeof sql, &used, ") ON CONFLICT (age_group, "
	    "effective_from) DO UPDATE SET version = version + 1, "
	    "changed_by = excluded.changed_by, changed_at = "
	    "excluded.changed_at, daily_kcal = excluded.daily_kcal");
	for (size_t i = 0; i < n; i++)
		append(sql, sizeof sql, &used, ", %s_min = excluded.%s_min, "
		    "%s_max = excluded.%s_max", requirement_columns[i],
		    requirement_columns[i], requirement_columns[i],
		    requirement_columns[i]);
	if (used >= sizeof sql)
		return mn_fail(err, MN_ERR_NOMEM, "", "statement too long");

	kitchen_iso(from, date);
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, sql, &stmt, err);
	if (rc == MN_OK) {
		int col = 3;

		sqlite3_bind_text(stmt, 1, mn_menu_group_key(group), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
		for (size_t i = 0; i < n; i++, col += 2) {
			if (!isnan(ranges[i]->min))
				sqlite3_bind_double(stmt, col, ranges[i]->min);
			if (!isnan(ranges[i]->max))
				sqlite3_bind_double(stmt, col + 1,
				    ranges[i]->max);
		}
		sqlite3_bind_double(stmt, col, r->daily_kcal);
		sqlite3_bind_text(stmt, col + 1, ctx->actor.login, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(stmt, col + 2, now, -1, SQLITE_STATIC);
		rc = kitchen_step_done(ctx, stmt, err);
	}
	snprintf(detail, sizeof detail, "%s requirement from %s",
	    mn_menu_group_key(group), date);
	if (rc == MN_OK)
		rc = kitchen_audit(ctx, "update", "nutrition_requirements", 0,
		    detail, err);
	return kitchen_finish(ctx, rc, err);
}

/* Loads the portions of one group's menu on a day; free *foods. */
static int
load_portions(struct mn_ctx *ctx, const char *date, enum mn_age_group group,
    struct mn_portion **portions, struct mn_food **foods, size_t *count,
    struct mn_error *err)
{
	char sql[1024];
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc;

	*portions = NULL;
	*foods = NULL;
	*count = 0;
	snprintf(sql, sizeof sql, "SELECT m.meal, i.edible_g, %s "
	    "FROM menu_items m JOIN dish_items i ON i.dish_id = m.dish_id "
	    "AND i.age_group = m.age_group JOIN foods f ON f.id = i.food_id "
	    "WHERE m.menu_date = ? AND m.age_group = ? "
	    "ORDER BY m.meal, m.position, f.code", kitchen_food_columns);
	if ((rc = mn_prepare(ctx->db, sql, &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, mn_menu_group_key(group), -1,
	    SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*count == cap) {
			struct mn_portion *p;
			struct mn_food *f;

			cap = cap ? cap * 2 : 32;
			p = realloc(*portions, cap * sizeof *p);
			if (p != NULL)
				*portions = p;
			f = realloc(*foods, cap * sizeof *f);
			if (f != NULL)
				*foods = f;
			if (p == NULL || f == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
		mn_meal_parse((const char *)sqlite3_column_text(stmt, 0),
		    &(*portions)[*count].meal, NULL);
		(*portions)[*count].edible_g = sqlite3_column_double(stmt, 1);
		kitchen_food_from_row(stmt, 2, &(*foods)[*count]);
		(*count)++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(*portions);
		free(*foods);
		*portions = NULL;
		*foods = NULL;
		*count = 0;
		return rc == SQLITE_NOMEM ? mn_fail(err, MN_ERR_NOMEM, "",
		    "out of memory") : mn_db_fail(ctx->db, err);
	}
	/* The foods array no longer moves, so the pointers can be set. */
	for (size_t i = 0; i < *count; i++)
		(*portions)[i].food = &(*foods)[i];
	return MN_OK;
}

int
mn_kitchen_day_portions(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, struct mn_portion **portions,
    struct mn_food **foods, size_t *count, struct mn_error *err)
{
	char date[11];
	int rc;

	*portions = NULL;
	*foods = NULL;
	*count = 0;
	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "menu_read",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK ||
	    (rc = hide_draft_day_from_parent(ctx, day, group, err)) != MN_OK)
		return rc;
	kitchen_iso(day, date);
	return load_portions(ctx, date, group, portions, foods, count, err);
}

int
mn_kitchen_day_nutrition(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group group, struct mn_nutrition *out, struct mn_error *err)
{
	struct mn_portion *portions;
	struct mn_food *foods;
	size_t count;
	char date[11];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "menu_read",
	    err)) != MN_OK ||
	    (rc = kitchen_check_date(day, "date", err)) != MN_OK ||
	    (rc = hide_draft_day_from_parent(ctx, day, group, err)) != MN_OK)
		return rc;
	kitchen_iso(day, date);
	if ((rc = load_portions(ctx, date, group, &portions, &foods, &count,
	    err)) != MN_OK)
		return rc;
	if (count == 0)
		rc = mn_fail(err, MN_ERR_NOTFOUND, "date",
		    T("no menu for %s on %s", "chưa có thực đơn %s ngày %s"),
		    mn_menu_group_label(group), date);
	else
		rc = mn_nutrition_compute(portions, count, out, err);
	free(portions);
	free(foods);
	return rc;
}

int
mn_kitchen_week_nutrition(struct mn_ctx *ctx, const char *week,
    enum mn_age_group group, struct mn_nutrition *out, struct mn_error *err)
{
	struct mn_nutrition days[7];
	struct mn_date monday;
	size_t n = 0;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_READ_MENU, "menu_read",
	    err)) != MN_OK ||
	    (rc = mn_week_parse(week, &monday, err)) != MN_OK ||
	    (rc = hide_draft_from_parent(ctx, week, group, err)) != MN_OK)
		return rc;
	for (int i = 0; i < 7; i++) {
		struct mn_portion *portions;
		struct mn_food *foods;
		struct mn_date d;
		char date[11];
		size_t count;

		civil_from_days(to_days(&monday) + i, &d);
		kitchen_iso(&d, date);
		if ((rc = load_portions(ctx, date, group, &portions, &foods,
		    &count, err)) != MN_OK)
			return rc;
		if (count > 0)
			rc = mn_nutrition_compute(portions, count, &days[n++],
			    err);
		free(portions);
		free(foods);
		if (rc != MN_OK)
			return rc;
	}
	if (n == 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "week",
		    T("no menu for %s in week %s",
		    "chưa có thực đơn %s tuần %s"),
		    mn_menu_group_label(group), week);
	mn_nutrition_average(days, n, out);
	return MN_OK;
}

