/*
 * The role-by-action matrix of the access table, stated here.  The same
 * matrix then runs on a seeded database.  For every role and for a
 * multi-role account, each core function either succeeds or returns
 * MN_ERR_DENIED, writes a "denied" audit row and changes nothing else.
 * Scope cases: a teacher and another class's child, a parent and
 * another family's child (by id, by code, by search), and expired,
 * rejected and replayed approvals.  The field sets each role reads
 * (least privilege) are checked on a real record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "helpers.h"
#include "core/allergy.h"
#include "core/access.h"
#include "core/account.h"
#include "core/announce.h"
#include "core/approvals.h"
#include "core/attendance.h"
#include "core/audit.h"
#include "core/auditlog.h"
#include "core/config.h"
#include "core/consent.h"
#include "core/dailylog.h"
#include "core/date.h"
#include "core/export_file.h"
#include "core/feedback.h"
#include "core/health.h"
#include "core/kitchen.h"
#include "core/parents.h"
#include "core/privacy.h"
#include "core/registers.h"

#define PASSWORD "mat-khau-thu-1"

/* The actors, one per role, and a teacher of class B who is a nurse. */
enum { AD, PR, TE, NU, KI, AC, CL, PA, MU, ACTORS };

static const struct {
	const char *login;
	unsigned roles;
} actors[ACTORS] = {
	[AD] = { "quantri", MN_ROLE_ADMIN },
	[PR] = { "hieutruong", MN_ROLE_PRINCIPAL },
	[TE] = { "gv.a", MN_ROLE_TEACHER },
	[NU] = { "yte", MN_ROLE_NURSE },
	[KI] = { "bep", MN_ROLE_KITCHEN },
	[AC] = { "ketoan", MN_ROLE_ACCOUNTANT },
	[CL] = { "vanthu", MN_ROLE_CLERK },
	[PA] = { "ph.an", MN_ROLE_PARENT },
	[MU] = { "gv.yt", MN_ROLE_TEACHER | MN_ROLE_NURSE },
};

struct world {
	struct mn_ctx host;
	struct mn_config cfg;
	int64_t year_id, class_a, class_b;
	int64_t c1, c2;		/* c1 in class A (ph.an's), c2 in class B */
	struct mn_date day;	/* a school day up to today */
	char today[11], week[9], month[8];
	int food;		/* a food code of the seeded table */
	int64_t dish;		/* a dish on the menu of day */
	int y;
};

static struct world *w;

/* ---- Fixture --------------------------------------------------------- */

static int count_sql(const char *sql, const char *text, int64_t id);

static int64_t
insert_account(sqlite3 *db, const char *login, unsigned roles)
{
	static char *hash;
	sqlite3_stmt *st;
	int64_t id;

	if (hash == NULL)
		assert_int_equal(mn_password_hash(PASSWORD, &hash, NULL),
		    MN_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO accounts (login, "
	    "password_hash, created_at, changed_by, changed_at) VALUES (?, ?, "
	    "'2026-01-01T00:00:00Z', 'test', '2026-01-01T00:00:00Z')", -1,
	    &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	id = sqlite3_last_insert_rowid(db);
	for (unsigned bit = 1; bit < (1u << MN_ROLE_COUNT); bit <<= 1) {
		if (!(roles & bit))
			continue;
		assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO "
		    "account_roles (account_id, role) VALUES (?, ?)", -1, &st,
		    NULL), SQLITE_OK);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, mn_role_name(bit), -1,
		    SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_finalize(st);
	}
	return id;
}

static struct mn_ctx
as(int who)
{
	struct mn_ctx c = w->host;
	sqlite3_stmt *st;

	memset(&c.actor, 0, sizeof c.actor);
	c.actor.roles = actors[who].roles;
	assert_int_equal(sqlite3_prepare_v2(c.db, "SELECT id FROM accounts "
	    "WHERE login = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, actors[who].login, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	c.actor.account_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	snprintf(c.actor.login, sizeof c.actor.login, "%s", actors[who].login);
	snprintf(c.actor.source, sizeof c.actor.source, "10.0.0.7");
	return c;
}

static int64_t
add_class(const char *code)
{
	struct mn_class c = { 0 };
	struct mn_error err = { 0 };

	c.school_year_id = w->year_id;
	snprintf(c.code, sizeof c.code, "%s", code);
	snprintf(c.name, sizeof c.name, "Lớp %s", code);
	snprintf(c.age_group, sizeof c.age_group, "mg-5-6");
	c.capacity = 30;
	if (mn_class_add(&w->host, &c, &err) != MN_OK)
		fail_msg("class %s: %s", code, err.message);
	return c.id;
}

static int64_t
add_staff(int who, const char *name)
{
	struct mn_staff s = { 0 };
	struct mn_error err = { 0 };
	struct mn_ctx t = as(who);

	snprintf(s.full_name, sizeof s.full_name, "%s", name);
	s.sex = 'F';
	snprintf(s.position, sizeof s.position, "Giáo viên");
	s.account_id = t.actor.account_id;
	if (mn_staff_add(&w->host, &s, &err) != MN_OK)
		fail_msg("staff %s: %s", name, err.message);
	return s.id;
}

static int64_t
add_child(const char *code, const char *name, int64_t class_id)
{
	struct mn_child c;
	struct mn_error err = { 0 };

	memset(&c, 0, sizeof c);
	snprintf(c.school_code, sizeof c.school_code, "%s", code);
	snprintf(c.full_name, sizeof c.full_name, "%s", name);
	c.birth_date = (struct mn_date){ w->y - 5, 3, 14 };
	c.sex = 'F';
	c.class_id = class_id;
	c.enrolment_date = (struct mn_date){ w->y, 8, 15 };
	snprintf(c.address, sizeof c.address, "Số 5 phố Quan Hoa, Hà Nội");
	snprintf(c.mother_name, sizeof c.mother_name, "Trần Thị Hoa");
	snprintf(c.allergies, sizeof c.allergies, "Dị ứng tôm");
	snprintf(c.chronic_conditions, sizeof c.chronic_conditions, "Hen");
	if (mn_child_add(&w->host, &c, 0, &err) != MN_OK)
		fail_msg("child %s: %s", code, err.message);
	return c.id;
}

/*
 * Picks the latest weekday up to today.  NOTE: on 1 to 3 August that day
 * may fall before the school year, and the attendance calls then fail.
 */
static void
pick_day(void)
{
	struct mn_date d;
	struct tm tm = { 0 };

	mn_date_today(&d);
	while (mn_date_weekday(&d) >= 5)
		mn_date_from_days(mn_date_to_days(&d) - 1, &d);
	w->day = d;
	mn_date_format_iso(&d, w->today, sizeof w->today);
	snprintf(w->month, sizeof w->month, "%04d-%02d", d.year, d.month);
	tm.tm_year = d.year - 1900;
	tm.tm_mon = d.month - 1;
	tm.tm_mday = d.day;
	tm.tm_hour = 12;
	mktime(&tm);
	strftime(w->week, sizeof w->week, "%G-W%V", &tm);
}

static int
setup(void **state)
{
	struct mn_error err = { 0 };
	struct mn_date today, first, last;
	struct mn_school_year year;
	int64_t staff_b[2];
	char name[32];

	(void)state;
	w = calloc(1, sizeof *w);
	assert_non_null(w);
	test_open_db(&w->host, &w->cfg);
	w->host.cfg = &w->cfg;
	for (int i = 0; i < ACTORS; i++)
		insert_account(w->host.db, actors[i].login, actors[i].roles);
	insert_account(w->host.db, "ph.binh", MN_ROLE_PARENT);
	insert_account(w->host.db, "gv.b", MN_ROLE_TEACHER);
	mn_date_today(&today);
	w->y = today.month >= 8 ? today.year : today.year - 1;
	first = (struct mn_date){ w->y, 8, 1 };
	last = (struct mn_date){ w->y + 1, 7, 31 };
	snprintf(name, sizeof name, "%d-%d", w->y, w->y + 1);
	if (mn_school_year_add(&w->host, name, &first, &last, NULL, &err) !=
	    MN_OK)
		fail_msg("school year: %s", err.message);
	assert_int_equal(mn_school_year_find(&w->host, name, &year, &err),
	    MN_OK);
	w->year_id = year.id;
	w->class_a = add_class("MG5A");
	w->class_b = add_class("MG5B");
	staff_b[0] = add_staff(MU, "Lê Thị Bình");
	{
		int64_t a = add_staff(TE, "Nguyễn Thị An");

		assert_int_equal(mn_class_set_teachers(&w->host, w->class_a,
		    &a, 1, &err), MN_OK);
	}
	assert_int_equal(mn_class_set_teachers(&w->host, w->class_b,
	    staff_b, 1, &err), MN_OK);
	w->c1 = add_child("T-001", "Đặng Minh Anh", w->class_a);
	w->c2 = add_child("T-002", "Phạm Gia Bảo", w->class_b);
	assert_int_equal(mn_parent_link(&w->host, "ph.an", w->c1, &err),
	    MN_OK);
	assert_int_equal(mn_parent_link(&w->host, "ph.binh", w->c2, &err),
	    MN_OK);
	pick_day();
	{
		int added;

		assert_int_equal(mn_kitchen_seed_foods(&w->host, &added, &err),
		    MN_OK);
		w->food = count_sql("SELECT min(code) FROM foods WHERE ?1 = ?1",
		    NULL, 0);
		assert_true(w->food > 0);
	}
	{
		struct mn_dish_item item = { w->food, MN_GROUP_MAU_GIAO, 50 };

		assert_int_equal(mn_kitchen_dish_add(&w->host, "Canh rau",
		    &item, 1, &w->dish, &err), MN_OK);
		if (mn_kitchen_menu_set(&w->host, &w->day, MN_GROUP_MAU_GIAO,
		    MN_MEAL_LUNCH, &w->dish, 1, &err) != MN_OK)
			fail_msg("menu: %s", err.message);
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	test_close_db(&w->host);
	free(w);
	w = NULL;
	return 0;
}

/* ---- Probes ---------------------------------------------------------- */

static int
count_sql(const char *sql, const char *text, int64_t id)
{
	sqlite3_stmt *st;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(w->host.db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (text != NULL)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
denied_rows(const char *login)
{
	return count_sql("SELECT count(*) FROM audit WHERE action = 'denied' "
	    "AND login = ?", login, 0);
}

/*
 * A fingerprint of every table but the audit trail: row counts and the
 * sum of versions, so that any insert, delete or versioned update shows.
 */
static double
fingerprint(void)
{
	sqlite3_stmt *names, *st;
	double sum = 0;
	char sql[160];
	int i = 1;

	assert_int_equal(sqlite3_prepare_v2(w->host.db, "SELECT name FROM "
	    "sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
	    "AND name <> 'audit' ORDER BY name", -1, &names, NULL), SQLITE_OK);
	while (sqlite3_step(names) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(names, 0);

		snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", t);
		if (sqlite3_prepare_v2(w->host.db, sql, -1, &st, NULL) ==
		    SQLITE_OK) {
			if (sqlite3_step(st) == SQLITE_ROW)
				sum += i * sqlite3_column_double(st, 0);
			sqlite3_finalize(st);
		}
		snprintf(sql, sizeof sql, "SELECT total(version) FROM \"%s\"",
		    t);
		if (sqlite3_prepare_v2(w->host.db, sql, -1, &st, NULL) ==
		    SQLITE_OK) {
			if (sqlite3_step(st) == SQLITE_ROW)
				sum += 1000.0 * i * sqlite3_column_double(st,
				    0);
			sqlite3_finalize(st);
		}
		i++;
	}
	sqlite3_finalize(names);
	return sum;
}

/* ---- The table, as the school wants it ------------------------------- */

#define B(x) (1u << (x))
#define STAFF (B(AD) | B(PR) | B(TE) | B(NU) | B(KI) | B(AC) | B(CL))

/* Which single-role actors each action allows, somewhere. */
static const struct {
	enum mn_action action;
	unsigned allowed;
} expected[] = {
	{ MN_ACT_ACCOUNT_LIST, B(AD) },
	{ MN_ACT_ACCOUNT_MANAGE, B(AD) },
	{ MN_ACT_CHILD_READ, B(AD) | B(PR) | B(TE) | B(NU) | B(KI) | B(CL) },
	{ MN_ACT_CHILD_WRITE, B(PR) | B(TE) | B(CL) },
	{ MN_ACT_CHILD_AGE_OVERRIDE, B(PR) },
	{ MN_ACT_CHILD_FIELDS_BASIC, STAFF },
	{ MN_ACT_CHILD_FIELDS_PERSONAL, B(AD) | B(PR) | B(TE) | B(CL) },
	{ MN_ACT_CHILD_FIELDS_FAMILY, B(AD) | B(PR) | B(TE) | B(NU) | B(AC) |
	    B(CL) },
	{ MN_ACT_CHILD_FIELDS_ALLERGY, B(PR) | B(TE) | B(NU) | B(KI) },
	{ MN_ACT_CHILD_FIELDS_CHRONIC, B(PR) | B(TE) | B(NU) },
	{ MN_ACT_CHILD_FIELDS_POLICY, B(AD) | B(PR) | B(TE) | B(AC) | B(CL) },
	{ MN_ACT_CLASS_READ, STAFF },
	{ MN_ACT_CLASS_WRITE, B(PR) | B(CL) },
	{ MN_ACT_STAFF_READ, B(AD) | B(PR) | B(AC) | B(CL) },
	{ MN_ACT_STAFF_WRITE, B(PR) | B(CL) },
	{ MN_ACT_CALENDAR_WRITE, B(PR) },
	{ MN_ACT_PROMOTE, B(PR) },
	{ MN_ACT_ATTENDANCE_READ, B(PR) | B(TE) | B(NU) | B(PA) },
	{ MN_ACT_ATTENDANCE_WRITE, B(PR) | B(TE) },
	{ MN_ACT_ATTENDANCE_COUNTS, B(PR) | B(KI) },
	{ MN_ACT_DAILYLOG_READ, B(PR) | B(TE) | B(NU) | B(PA) },
	{ MN_ACT_DAILYLOG_WRITE, B(PR) | B(TE) },
	{ MN_ACT_HEALTH_READ, B(PR) | B(NU) },
	{ MN_ACT_HEALTH_WRITE, B(NU) },
	{ MN_ACT_HEALTH_MEASURE, B(NU) | B(TE) },
	{ MN_ACT_HEALTH_SUMMARY, B(NU) | B(PR) | B(TE) },
	{ MN_ACT_HEALTH_ALLERGY, B(NU) | B(PR) | B(TE) | B(KI) },
	{ MN_ACT_MENU_READ, B(PR) | B(TE) | B(NU) | B(KI) | B(AC) | B(PA) },
	{ MN_ACT_KITCHEN_PLAN, B(KI) | B(PR) },
	{ MN_ACT_DISH_WRITE, B(KI) },
	{ MN_ACT_MENU_APPROVE, B(PR) },
	{ MN_ACT_MEAL_COUNT_WRITE, B(KI) | B(PR) | B(TE) },
	{ MN_ACT_MEAL_COUNT_READ, B(KI) | B(PR) | B(AC) | B(TE) },
	{ MN_ACT_MARKET_READ, B(KI) | B(PR) | B(AC) },
	{ MN_ACT_MEAL_COST_READ, B(KI) | B(PR) | B(AC) },
	{ MN_ACT_MEAL_FEES, B(AC) | B(PR) },
	{ MN_ACT_FOOD_SAFETY, B(KI) | B(PR) | B(NU) },
	{ MN_ACT_ALLERGY_WRITE, B(NU) | B(PR) },
	{ MN_ACT_ALLERGY_READ, B(KI) | B(PR) | B(NU) | B(TE) },
	{ MN_ACT_PARENT_MANAGE, B(AD) | B(TE) },
	{ MN_ACT_PARENT_LIST, B(AD) | B(PR) | B(TE) | B(CL) },
	{ MN_ACT_OWN_CHILDREN, B(PA) },
	{ MN_ACT_FEEDBACK_SEND, B(PA) },
	{ MN_ACT_FEEDBACK_HANDLE, B(PR) | B(TE) | B(CL) },
	{ MN_ACT_FEEDBACK_ASSIGN, B(PR) | B(CL) },
	{ MN_ACT_CORRECTION_DECIDE, B(PR) | B(TE) | B(CL) },
	{ MN_ACT_ANNOUNCE_WRITE, B(PR) | B(TE) | B(CL) },
	{ MN_ACT_ANNOUNCE_READ, STAFF | B(PA) },
	{ MN_ACT_CONSENT_READ, B(PR) | B(TE) | B(NU) | B(CL) | B(PA) },
	{ MN_ACT_CONSENT_RECORD, B(PR) | B(TE) | B(CL) },
	{ MN_ACT_CONSENT_OWN, B(PA) },
	{ MN_ACT_APPROVAL_REQUEST, STAFF },
	{ MN_ACT_APPROVAL_DECIDE, B(PR) },
	{ MN_ACT_APPROVAL_LIST, STAFF },
	{ MN_ACT_AUDIT_READ, B(PR) | B(AD) },
	{ MN_ACT_AUDIT_VALUES, B(PR) },
	{ MN_ACT_AUDIT_PURGE, B(PR) },
	{ MN_ACT_EXPORT_CLASSES, STAFF },
	{ MN_ACT_EXPORT_CHILDREN, B(PR) | B(CL) },
	{ MN_ACT_EXPORT_STAFF, B(PR) | B(CL) },
	{ MN_ACT_EXPORT_ATTENDANCE, B(PR) | B(TE) | B(NU) },
	{ MN_ACT_EXPORT_GROWTH, B(PR) | B(TE) | B(NU) },
	{ MN_ACT_EXPORT_MENU, B(KI) | B(PR) | B(AC) | B(NU) },
	{ MN_ACT_EXPORT_NUTRITION, B(KI) | B(PR) | B(AC) | B(NU) },
	{ MN_ACT_EXPORT_MARKET, B(KI) | B(PR) | B(AC) },
	{ MN_ACT_EXPORT_MEALFEES, B(AC) | B(PR) },
};

/* Every action is stated above, and the table grants exactly that; a
 * multi-role account gets what any of its roles gets; the host all. */
static void
action_table(void **state)
{
	bool seen[MN_ACT_COUNT] = { false };
	struct mn_actor host = { .roles = MN_ROLE_HOST };

	(void)state;
	for (size_t i = 0; i < sizeof expected / sizeof *expected; i++) {
		enum mn_action act = expected[i].action;

		seen[act] = true;
		for (int a = 0; a < MU; a++) {
			struct mn_actor who = { .roles = actors[a].roles };
			bool want = (expected[i].allowed & B(a)) != 0;

			if (mn_allowed(&who, act) != want)
				fail_msg("%s for %s: expected %s",
				    mn_action_name(act), actors[a].login,
				    want ? "allowed" : "refused");
		}
		{
			struct mn_actor multi = { .roles = actors[MU].roles };
			bool want = (expected[i].allowed &
			    (B(TE) | B(NU))) != 0;

			if (mn_allowed(&multi, act) != want)
				fail_msg("%s for teacher+nurse: expected %s",
				    mn_action_name(act),
				    want ? "allowed" : "refused");
		}
		if (act != MN_ACT_APPROVAL_DECIDE && act !=
		    MN_ACT_OWN_CHILDREN && act != MN_ACT_FEEDBACK_SEND &&
		    act != MN_ACT_CONSENT_OWN && !mn_allowed(&host, act))
			fail_msg("%s refused to the host", mn_action_name(act));
	}
	for (int a = 0; a < MN_ACT_COUNT; a++)
		if (!seen[a])
			fail_msg("action %s has no expected row",
			    mn_action_name(a));
}

/* ---- The same matrix, on the real core functions --------------------- */

static int
ignore_row(const void *row, void *arg)
{
	(void)row;
	(void)arg;
	return 0;
}

#define IGNORE(type) ((int (*)(const type *, void *))ignore_row)

static int serial;

static int
op_child_get(struct mn_ctx *c, int64_t id, struct mn_error *err)
{
	struct mn_child ch;

	return mn_child_get(c, id, &ch, err);
}

static int
op_child_get_1(struct mn_ctx *c, struct mn_error *err)
{
	return op_child_get(c, w->c1, err);
}

static int
op_child_get_2(struct mn_ctx *c, struct mn_error *err)
{
	return op_child_get(c, w->c2, err);
}

/* Reads as the host, so that the record is whole, then writes as c. */
static int
op_child_write(struct mn_ctx *c, int64_t id, struct mn_error *err)
{
	struct mn_child ch;

	assert_int_equal(mn_child_get(&w->host, id, &ch, err), MN_OK);
	snprintf(ch.address, sizeof ch.address, "Số %d phố Huế", ++serial);
	return mn_child_update(c, &ch, 0, err);
}

static int
op_child_write_1(struct mn_ctx *c, struct mn_error *err)
{
	return op_child_write(c, w->c1, err);
}

static int
op_child_write_2(struct mn_ctx *c, struct mn_error *err)
{
	return op_child_write(c, w->c2, err);
}

static int
op_class_read(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_class cl;

	return mn_class_get(c, w->year_id, "MG5A", &cl, err);
}

static int
op_class_write(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_class cl;

	assert_int_equal(mn_class_get(&w->host, w->year_id, "MG5A", &cl,
	    err), MN_OK);
	cl.capacity = 20 + ++serial % 10;
	return mn_class_update(c, &cl, err);
}

static int
op_staff_read(struct mn_ctx *c, struct mn_error *err)
{
	return mn_staff_list(c, IGNORE(struct mn_staff), NULL, err);
}

static int
op_staff_write(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_staff s = { 0 };

	snprintf(s.full_name, sizeof s.full_name, "Nguyễn Thị %c",
	    'A' + ++serial % 26);
	s.sex = 'F';
	snprintf(s.position, sizeof s.position, "Nhân viên");
	return mn_staff_add(c, &s, err);
}

static int
op_attendance_read(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_attendance_day att;
	int rc = mn_attendance_load(c, w->class_a, &w->day, &att, err);

	if (rc == MN_OK)
		mn_attendance_free(&att);
	return rc;
}

static int
op_attendance_write(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_attendance_day att, theirs;
	int rc;

	assert_int_equal(mn_attendance_load(&w->host, w->class_a, &w->day,
	    &att, err), MN_OK);
	memset(&theirs, 0, sizeof theirs);
	rc = mn_attendance_save(c, &att, &theirs, err);
	mn_attendance_free(&att);
	mn_attendance_free(&theirs);
	return rc;
}

static int
op_attendance_counts(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_school_day sd;
	int rc = mn_attendance_school_day(c, &w->day, &sd, err);

	if (rc == MN_OK)
		mn_school_day_free(&sd);
	return rc;
}

static int
op_dailylog_read(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_daily_log log;

	return mn_dailylog_get(c, w->c1, &w->day, &log, err);
}

static int
op_dailylog_write(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_daily_log *logs = NULL;
	size_t n = 0, conflict;
	int rc;

	assert_int_equal(mn_dailylog_load_class(&w->host, w->class_a, &w->day,
	    &logs, &n, err), MN_OK);
	for (size_t i = 0; i < n; i++)
		logs[i].nap_minutes = 60 + ++serial % 60;
	rc = mn_dailylog_save_class(c, w->class_a, &w->day, logs, n,
	    &conflict, err);
	free(logs);
	return rc;
}

static int
op_health_summary(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_health_summary s;

	return mn_health_summary_get(c, w->c1, &s, err);
}

static int
op_health_visit(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_visit v = { 0 };
	int minute = ++serial % 60;

	v.child_id = w->c1;
	snprintf(v.visit_at, sizeof v.visit_at, "%.10s 09:%c%c", w->today,
	    '0' + minute / 10, '0' + minute % 10);
	v.complaint = "Đau bụng";
	v.action = MN_VISIT_REST;
	return mn_visit_add(c, &v, NULL, err);
}

static int
op_health_allergies(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_allergy_row *rows = NULL;
	size_t n = 0;
	int rc = mn_health_allergies(c, "MG5A", &rows, &n, err);

	free(rows);
	return rc;
}

static int
op_health_records(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_visit *rows = NULL;
	size_t n = 0;
	int rc = mn_visit_list(c, w->c1, NULL, &rows, &n, err);

	if (rc == MN_OK)
		mn_visit_list_free(rows, n);
	return rc;
}

static int
op_health_measure(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_measure_input in = { .child_id = w->c1,
	    .position = MN_POSITION_STANDING };
	struct mn_date day;

	/* One measurement per child and day, so each call takes a new day. */
	mn_date_from_days(mn_date_to_days(&w->day) - ++serial, &day);
	mn_date_format_iso(&day, in.date, sizeof in.date);
	in.weight_kg = 18 + (serial % 10) / 10.0;
	in.height_cm = 110;
	return mn_measure_add(c, &in, NULL, err);
}

static int
op_health_checkup(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_checkup in = { .child_id = w->c1,
	    .examiner = "BS. Lê Văn Tâm", .facility = "Trạm y tế phường",
	    .conclusion = "Bình thường" };
	struct mn_date day;

	mn_date_from_days(mn_date_to_days(&w->day) - ++serial, &day);
	mn_date_format_iso(&day, in.checked_on, sizeof in.checked_on);
	return mn_checkup_add(c, &in, NULL, err);
}

static int
op_health_medicine(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_medicine_request in = { .child_id = w->c1,
	    .medicine = "Siro ho", .dose = "5 ml", .times = "10:30" };

	snprintf(in.first_day, sizeof in.first_day, "%.10s", w->today);
	snprintf(in.last_day, sizeof in.last_day, "%.10s", w->today);
	return mn_medicine_add(c, &in, NULL, err);
}

static int
op_health_vaccination(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_vaccination in = { .child_id = w->c1, .vaccine = "Sởi",
	    .dose_number = 1 + ++serial % 10 };

	snprintf(in.given_on, sizeof in.given_on, "%.10s", w->today);
	return mn_vaccination_add(c, &in, NULL, err);
}

static int
op_price_write(struct mn_ctx *c, struct mn_error *err)
{
	return mn_kitchen_price_set(c, w->food, &w->day, 10000 + ++serial,
	    err);
}

static int
op_meal_count_read(struct mn_ctx *c, struct mn_error *err)
{
	int meals;

	return mn_kitchen_meals(c, &w->day, MN_GROUP_MAU_GIAO, &meals, err);
}

static int
op_allergy_write(struct mn_ctx *c, struct mn_error *err)
{
	/* One row per child and food, so each call takes another food. */
	int food = count_sql("SELECT code FROM foods ORDER BY code LIMIT 1 "
	    "OFFSET ?", NULL, ++serial);

	return mn_allergy_link_food(c, w->c1, food, "Nổi mẩn", err);
}

/* Parents read approved weeks only, so the read is of an approved one. */
#define APPROVED_WEEK "2000-W01"

static void
prep_menu_read(void)
{
	assert_int_equal(sqlite3_exec(w->host.db, "INSERT OR IGNORE INTO "
	    "menu_weeks (week, age_group, status, changed_by, changed_at) "
	    "VALUES ('" APPROVED_WEEK "', 'mau-giao', 'approved', 't', 't')",
	    NULL, NULL, NULL), SQLITE_OK);
}

static int
op_menu_read(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_menu_entry *e = NULL;
	size_t n = 0;
	int rc = mn_kitchen_menu_week(c, APPROVED_WEEK, MN_GROUP_MAU_GIAO, &e,
	    &n, err);

	free(e);
	return rc;
}

static int
op_menu_approve(struct mn_ctx *c, struct mn_error *err)
{
	return mn_kitchen_menu_approve(c, w->week, MN_GROUP_MAU_GIAO, true,
	    err);
}

/* Runs before the approval, which closes the week to changes. */
static int
op_menu_write(struct mn_ctx *c, struct mn_error *err)
{
	return mn_kitchen_menu_set(c, &w->day, MN_GROUP_MAU_GIAO,
	    MN_MEAL_SNACK, &w->dish, 1, err);
}

static int
op_market(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_market_list m;
	int rc;

	memset(&m, 0, sizeof m);
	rc = mn_kitchen_market(c, &w->day, &m, err);
	if (rc == MN_OK)
		mn_market_free(&m);
	return rc;
}

static int
op_meal_fee_set(struct mn_ctx *c, struct mn_error *err)
{
	return mn_kitchen_meal_fee_set(c, MN_GROUP_MAU_GIAO, &w->day,
	    20000 + ++serial, err);
}

static int
op_fee_book(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_fee_row *rows = NULL;
	size_t n = 0;
	int64_t opening;
	int rc = mn_kitchen_fee_book(c, w->month, &rows, &n, &opening, err);

	free(rows);
	return rc;
}

static int
op_food_check(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_food_check fc = {
		.step = 1, .at = time(NULL), .meal = -1, .item = "Thịt lợn",
		.supplier = "Chợ Hôm", .quantity = 5, .unit = "kg",
		.checks = "Tươi, có hóa đơn", .accepted = true,
		.checked_by = "Phạm Văn Bình",
	};

	return mn_kitchen_food_check_add(c, &w->day, &fc, NULL, err);
}

static int
op_feedback_send(struct mn_ctx *c, struct mn_error *err)
{
	return mn_feedback_send(c, w->c1, "teacher", "feedback", "Hỏi",
	    "Nội dung", NULL, err);
}

static int
op_feedback_list(struct mn_ctx *c, struct mn_error *err)
{
	return mn_feedback_list(c, NULL, IGNORE(struct mn_feedback), NULL,
	    err);
}

static int64_t pending_feedback;

static void
prep_feedback(void)
{
	struct mn_ctx parent = as(PA);
	struct mn_error err = { 0 };

	assert_int_equal(mn_feedback_send(&parent, w->c1, "teacher",
	    "feedback", "Hỏi", "Nội dung", &pending_feedback, &err), MN_OK);
}

static int
op_feedback_answer(struct mn_ctx *c, struct mn_error *err)
{
	return mn_feedback_answer(c, pending_feedback, "Trả lời",
	    count_sql("SELECT version FROM feedback WHERE id = ?", NULL,
	    pending_feedback), err);
}

static int
op_announce_post(struct mn_ctx *c, struct mn_error *err)
{
	return mn_announce_post(c, w->class_a, "Thông báo", "Nội dung", NULL,
	    err);
}

static int
op_announce_list(struct mn_ctx *c, struct mn_error *err)
{
	return mn_announce_list(c, IGNORE(struct mn_announcement), NULL, err);
}

static int
op_consent_set(struct mn_ctx *c, struct mn_error *err)
{
	bool paper = mn_allowed(&c->actor, MN_ACT_CONSENT_RECORD);

	return mn_consent_set(c, w->c1, "photos_media", ++serial % 2,
	    paper ? "PĐY-01" : NULL, paper ? "Trần Thị Hoa" : NULL, err);
}

static int
op_consent_get(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_consent consent;

	return mn_consent_get(c, w->c1, "photos_media", &consent, err);
}

static int
op_parent_list(struct mn_ctx *c, struct mn_error *err)
{
	return mn_parent_list(c, w->c1, IGNORE(struct mn_parent_account),
	    NULL, err);
}

static int
op_approval_request(struct mn_ctx *c, struct mn_error *err)
{
	char id[MN_APPROVAL_ID_LEN + 1];

	return mn_approval_request(c, "children", "Báo cáo sở", NULL,
	    w->today, id, err);
}

static int
op_approval_list(struct mn_ctx *c, struct mn_error *err)
{
	return mn_approval_list(c, IGNORE(struct mn_approval), NULL, err);
}

static char pending_approval[MN_APPROVAL_ID_LEN + 1];

static void
prep_approval(void)
{
	struct mn_error err = { 0 };

	assert_int_equal(mn_approval_request(&w->host, "children", "Báo cáo",
	    NULL, w->today, pending_approval, &err), MN_OK);
}

static int
op_approval_decide(struct mn_ctx *c, struct mn_error *err)
{
	return mn_approval_decide(c, pending_approval, true, err);
}

static int
op_audit_browse(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_audit_filter f = { .limit = 5 };

	return mn_audit_browse(c, &f, IGNORE(struct mn_audit_entry), NULL,
	    err);
}

static int
op_audit_values(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_audit_filter f = { .limit = 5, .with_values = true };

	return mn_audit_browse(c, &f, IGNORE(struct mn_audit_entry), NULL,
	    err);
}

static int
op_audit_purge(struct mn_ctx *c, struct mn_error *err)
{
	return mn_audit_purge(c, "children", w->c2, "2000-01-01",
	    "Hết thời hạn lưu trữ", NULL, err);
}

/*
 * Exports with an approval made for the actor when the role may export:
 * a refused role is refused before the approval is looked at.
 */
static int
op_export(struct mn_ctx *c, enum mn_export_kind kind, const char *data,
    struct mn_error *err)
{
	struct mn_ctx principal = as(PR);
	char id[MN_APPROVAL_ID_LEN + 1] = "", path[4200];
	struct mn_export_request req = { .kind = kind, .month = w->month,
	    .class_code = "MG5A" };

	if (data != NULL && mn_export_kind_allowed(&c->actor, kind)) {
		assert_int_equal(mn_approval_request(c, data, "Báo cáo sở",
		    NULL, w->today, id, err), MN_OK);
		assert_int_equal(mn_approval_decide(&principal, id, true, err),
		    MN_OK);
		req.approval = id;
	}
	snprintf(path, sizeof path, "%s/export-%d.csv", test_tmpdir(),
	    ++serial);
	return mn_export_write(c, &req, path, err);
}

static int
op_export_classes(struct mn_ctx *c, struct mn_error *err)
{
	return op_export(c, MN_EXPORT_CLASSES, NULL, err);
}

static int
op_export_children(struct mn_ctx *c, struct mn_error *err)
{
	return op_export(c, MN_EXPORT_CHILDREN, "children", err);
}

static int
op_export_attendance(struct mn_ctx *c, struct mn_error *err)
{
	return op_export(c, MN_EXPORT_ATTENDANCE, "attendance", err);
}

static int
op_export_mealfees(struct mn_ctx *c, struct mn_error *err)
{
	return op_export(c, MN_EXPORT_MEALFEES, NULL, err);
}

/* Who succeeds, in this school: c1 is in class A (gv.a's, ph.an's
 * child), c2 in class B (gv.yt's, the teacher who is also a nurse). */
static const struct {
	const char *name;
	int (*run)(struct mn_ctx *, struct mn_error *);
	void (*prep)(void);
	unsigned allowed;
} calls[] = {
	{ "child read, own class", op_child_get_1, NULL,
	    B(AD) | B(PR) | B(TE) | B(NU) | B(KI) | B(CL) | B(MU) },
	{ "child read, other class", op_child_get_2, NULL,
	    B(AD) | B(PR) | B(NU) | B(KI) | B(CL) | B(MU) },
	/* The nurse role does not widen the teacher's right to write. */
	{ "child write, class A", op_child_write_1, NULL,
	    B(PR) | B(TE) | B(CL) },
	{ "child write, class B", op_child_write_2, NULL,
	    B(PR) | B(CL) | B(MU) },
	{ "class read", op_class_read, NULL, STAFF | B(MU) },
	{ "class write", op_class_write, NULL, B(PR) | B(CL) },
	{ "staff read", op_staff_read, NULL,
	    B(AD) | B(PR) | B(AC) | B(CL) },
	{ "staff write", op_staff_write, NULL, B(PR) | B(CL) },
	{ "attendance read", op_attendance_read, NULL,
	    B(PR) | B(TE) | B(NU) | B(MU) },
	{ "attendance write", op_attendance_write, NULL, B(PR) | B(TE) },
	{ "attendance counts", op_attendance_counts, NULL, B(PR) | B(KI) },
	{ "daily log read", op_dailylog_read, NULL,
	    B(PR) | B(TE) | B(NU) | B(PA) | B(MU) },
	{ "daily log write", op_dailylog_write, NULL, B(PR) | B(TE) },
	{ "health summary", op_health_summary, NULL,
	    B(PR) | B(TE) | B(NU) | B(MU) },
	{ "health visit write", op_health_visit, NULL, B(NU) | B(MU) },
	{ "health check-up write", op_health_checkup, NULL, B(NU) | B(MU) },
	{ "health medicine write", op_health_medicine, NULL, B(NU) | B(MU) },
	{ "health vaccination write", op_health_vaccination, NULL,
	    B(NU) | B(MU) },
	{ "health records read", op_health_records, NULL,
	    B(PR) | B(NU) | B(MU) },
	/* The teacher of class B measures c1 as the nurse she also is. */
	{ "health measure write", op_health_measure, NULL,
	    B(TE) | B(NU) | B(MU) },
	{ "health allergies", op_health_allergies, NULL,
	    B(PR) | B(TE) | B(NU) | B(KI) | B(MU) },
	{ "menu read", op_menu_read, prep_menu_read,
	    B(PR) | B(TE) | B(NU) | B(KI) | B(AC) | B(PA) | B(MU) },
	{ "menu write", op_menu_write, NULL, B(PR) | B(KI) },
	{ "menu approve", op_menu_approve, NULL, B(PR) },
	{ "food price write", op_price_write, NULL, B(PR) | B(KI) },
	{ "meal count read", op_meal_count_read, NULL,
	    B(PR) | B(TE) | B(KI) | B(AC) | B(MU) },
	{ "allergy write", op_allergy_write, NULL, B(PR) | B(NU) | B(MU) },
	{ "market list", op_market, NULL, B(PR) | B(KI) | B(AC) },
	{ "meal fee write", op_meal_fee_set, NULL, B(PR) | B(AC) },
	{ "meal-fee book", op_fee_book, NULL, B(PR) | B(AC) },
	{ "food safety write", op_food_check, NULL,
	    B(PR) | B(KI) | B(NU) | B(MU) },
	{ "feedback send", op_feedback_send, NULL, B(PA) },
	{ "feedback list", op_feedback_list, NULL,
	    B(PR) | B(TE) | B(CL) | B(PA) | B(MU) },
	{ "feedback answer", op_feedback_answer, prep_feedback,
	    B(PR) | B(TE) | B(CL) },
	{ "announcement to class A", op_announce_post, NULL,
	    B(PR) | B(TE) | B(CL) },
	{ "announcements read", op_announce_list, NULL,
	    STAFF | B(PA) | B(MU) },
	{ "consent write", op_consent_set, NULL,
	    B(PR) | B(TE) | B(CL) | B(PA) },
	{ "consent read", op_consent_get, NULL,
	    B(PR) | B(TE) | B(NU) | B(CL) | B(PA) | B(MU) },
	{ "parents of a child", op_parent_list, NULL,
	    B(AD) | B(PR) | B(TE) | B(CL) },
	{ "approval request", op_approval_request, NULL, STAFF | B(MU) },
	{ "approval list", op_approval_list, NULL, STAFF | B(MU) },
	{ "approval decide", op_approval_decide, prep_approval, B(PR) },
	{ "audit browse", op_audit_browse, NULL, B(PR) | B(AD) },
	{ "audit values", op_audit_values, NULL, B(PR) },
	{ "audit purge", op_audit_purge, NULL, B(PR) },
	{ "export classes", op_export_classes, NULL, STAFF | B(MU) },
	{ "export children", op_export_children, NULL, B(PR) | B(CL) },
	{ "export attendance", op_export_attendance, NULL,
	    B(PR) | B(TE) | B(NU) | B(MU) },
	{ "export meal fees", op_export_mealfees, NULL, B(PR) | B(AC) },
};

static void
call_matrix(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof calls / sizeof *calls; i++) {
		for (int a = 0; a < ACTORS; a++) {
			struct mn_ctx c = as(a);
			struct mn_error err = { 0 };
			bool want = (calls[i].allowed & B(a)) != 0;
			int before, rc;
			double print;

			if (calls[i].prep != NULL)
				calls[i].prep();
			before = denied_rows(c.actor.login);
			print = fingerprint();
			rc = calls[i].run(&c, &err);
			if (want && rc != MN_OK)
				fail_msg("%s by %s: expected success, got %d: "
				    "%s", calls[i].name, c.actor.login, rc,
				    err.message);
			if (want)
				continue;
			if (rc != MN_ERR_DENIED)
				fail_msg("%s by %s: expected MN_ERR_DENIED, "
				    "got %d: %s", calls[i].name,
				    c.actor.login, rc, err.message);
			if (denied_rows(c.actor.login) <= before)
				fail_msg("%s by %s: refusal not audited",
				    calls[i].name, c.actor.login);
			if (fingerprint() != print)
				fail_msg("%s by %s: refused but wrote",
				    calls[i].name, c.actor.login);
		}
	}
}

/* ---- Scope ----------------------------------------------------------- */

static int
count_child(const struct mn_child *c, void *arg)
{
	(void)c;
	(*(int *)arg)++;
	return 0;
}

static void
scope_cases(void **state)
{
	struct mn_ctx teacher = as(TE), parent = as(PA), multi = as(MU);
	struct mn_child_filter f = { .search = "Bảo" };
	struct mn_error err = { 0 };
	struct mn_health_summary summary;
	struct mn_consent consent;
	struct mn_daily_log log;
	int64_t found = 0;
	int n = 0, before;

	(void)state;
	/* A teacher's search does not reach another class's child. */
	assert_int_equal(mn_child_list(&teacher, &f, count_child, &n, &err),
	    MN_OK);
	assert_int_equal(n, 0);
	n = 0;
	assert_int_equal(mn_child_list(&multi, &f, count_child, &n, &err),
	    MN_OK);
	assert_int_equal(n, 1);
	before = denied_rows("gv.a");
	assert_int_equal(mn_dailylog_get(&teacher, w->c2, &w->day, &log,
	    &err), MN_ERR_DENIED);
	assert_int_equal(mn_health_summary_get(&teacher, w->c2, &summary,
	    &err), MN_ERR_DENIED);
	assert_int_equal(mn_consent_get(&teacher, w->c2, "photos_media",
	    &consent, &err), MN_ERR_DENIED);
	assert_int_equal(mn_parent_list(&teacher, w->c2,
	    IGNORE(struct mn_parent_account), NULL, &err), MN_ERR_DENIED);
	assert_int_equal(denied_rows("gv.a"), before + 4);

	/* A parent: by search, by code, by id; each refusal audited. */
	before = denied_rows("ph.an");
	assert_int_equal(mn_child_list(&parent, &f, count_child, &n, &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_parent_find_child(&parent, "T-002", &found, &err),
	    MN_ERR_DENIED);
	assert_int_equal(found, 0);
	assert_int_equal(mn_dailylog_get(&parent, w->c2, &w->day, &log, &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_dailylog_get(&parent, 999999, &w->day, &log,
	    &err), MN_ERR_DENIED);
	assert_int_equal(denied_rows("ph.an"), before + 4);
	assert_int_equal(count_sql("SELECT count(*) FROM audit WHERE action = "
	    "'denied' AND login = 'ph.an' AND table_name = 'children' AND "
	    "row_id = ?", NULL, w->c2), 2);
	assert_int_equal(mn_parent_find_child(&parent, "T-001", &found, &err),
	    MN_OK);
	assert_int_equal(found, w->c1);
}

/* An export of children's data by the clerk under each approval. */
static int
export_with(struct mn_ctx *c, const char *approval, struct mn_error *err)
{
	struct mn_export_request req = { .kind = MN_EXPORT_CHILDREN,
	    .approval = approval };
	char path[4200];

	snprintf(path, sizeof path, "%s/children-%d.csv", test_tmpdir(),
	    ++serial);
	return mn_export_write(c, &req, path, err);
}

static void
approval_cases(void **state)
{
	struct mn_ctx clerk = as(CL), principal = as(PR), admin = as(AD);
	char rejected[MN_APPROVAL_ID_LEN + 1], good[MN_APPROVAL_ID_LEN + 1];
	char sql[160];
	struct mn_error err = { 0 };
	int before;

	(void)state;
	before = denied_rows("vanthu");
	assert_int_equal(export_with(&clerk, NULL, &err), MN_ERR_DENIED);
	assert_int_equal(export_with(&clerk, "KHONG-CO", &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_approval_request(&clerk, "children", "Báo cáo",
	    NULL, w->today, rejected, &err), MN_OK);
	assert_int_equal(export_with(&clerk, rejected, &err), MN_ERR_DENIED);
	assert_int_equal(mn_approval_decide(&principal, rejected, false,
	    &err), MN_OK);
	assert_int_equal(export_with(&clerk, rejected, &err), MN_ERR_DENIED);
	assert_int_equal(denied_rows("vanthu"), before + 4);

	assert_int_equal(mn_approval_request(&clerk, "children", "Báo cáo",
	    NULL, w->today, good, &err), MN_OK);
	assert_int_equal(mn_approval_decide(&principal, good, true, &err),
	    MN_OK);
	assert_int_equal(export_with(&clerk, good, &err), MN_OK);
	assert_true(count_sql("SELECT count(*) FROM audit WHERE login = ? "
	    "AND action = 'approval_use'", "vanthu", 0) >= 1);
	/* Replayed by the principal, who may export but was not given it. */
	before = denied_rows("hieutruong");
	assert_int_equal(export_with(&principal, good, &err), MN_ERR_DENIED);
	assert_int_equal(denied_rows("hieutruong"), before + 1);
	/* The administrator may not export children's data at all. */
	before = denied_rows("quantri");
	assert_int_equal(export_with(&admin, good, &err), MN_ERR_DENIED);
	assert_int_equal(denied_rows("quantri"), before + 1);
	/* Replayed after its last day. */
	snprintf(sql, sizeof sql, "UPDATE data_approvals SET valid_until = "
	    "'2020-01-01' WHERE id = '%s'", good);
	assert_int_equal(sqlite3_exec(w->host.db, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	before = denied_rows("vanthu");
	assert_int_equal(export_with(&clerk, good, &err), MN_ERR_DENIED);
	assert_int_equal(denied_rows("vanthu"), before + 1);
}

/* ---- Least privilege --------------------------------------------------- */

static void
field_sets(void **state)
{
	struct mn_error err = { 0 };

	(void)state;
	for (int a = 0; a < ACTORS; a++) {
		struct mn_ctx c = as(a);
		struct mn_child ch;
		bool health = a == PR || a == TE || a == NU || a == MU;
		bool allergy = health || a == KI;
		bool address = a == AD || a == PR || a == TE || a == CL ||
		    a == MU;

		if (!mn_allowed(&c.actor, MN_ACT_CHILD_READ))
			continue;
		memset(&ch, 0, sizeof ch);
		assert_int_equal(mn_child_get(&c, w->c1, &ch, &err), MN_OK);
		if ((ch.chronic_conditions[0] != '\0') != health)
			fail_msg("%s: chronic conditions %s",
			    actors[a].login, health ? "hidden" : "shown");
		if ((ch.allergies[0] != '\0') != allergy)
			fail_msg("%s: allergies %s", actors[a].login,
			    allergy ? "hidden" : "shown");
		if ((ch.address[0] != '\0') != address)
			fail_msg("%s: address %s", actors[a].login,
			    address ? "hidden" : "shown");
	}
	/* The accountant reads no child record and no health data. */
	{
		struct mn_ctx acc = as(AC);
		struct mn_health_summary hs;
		unsigned v = mn_child_visible_fields(&acc.actor);

		assert_int_equal(v & (MN_CHILD_ALLERGY | MN_CHILD_CHRONIC |
		    MN_CHILD_PERSONAL), 0);
		assert_int_equal(mn_health_summary_get(&acc, w->c1, &hs, &err),
		    MN_ERR_DENIED);
	}
}

/* The trail of the refusals above cannot be changed by the program. */
static void
audit_immutable(void **state)
{
	struct mn_ctx parent = as(PA);
	struct mn_error err = { 0 };
	struct mn_daily_log log;
	int rows;

	(void)state;
	assert_int_equal(mn_dailylog_get(&parent, w->c2, &w->day, &log, &err),
	    MN_ERR_DENIED);
	rows = denied_rows("ph.an");
	assert_true(rows >= 1);
	assert_int_not_equal(sqlite3_exec(w->host.db, "UPDATE audit SET "
	    "login = 'someone' WHERE login = 'ph.an'", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(w->host.db, "DELETE FROM audit "
	    "WHERE login = 'ph.an'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(denied_rows("ph.an"), rows);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(action_table),
		cmocka_unit_test_setup_teardown(call_matrix, setup, teardown),
		cmocka_unit_test_setup_teardown(scope_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(approval_cases, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(field_sets, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_immutable, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
