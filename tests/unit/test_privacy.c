/*
 * Parents, consent and privacy: the role-by-action matrix, parent and
 * teacher scope, approvals, consent, feedback, corrections, hostile
 * text, and the audit trail (immutable rows, purge of values, browse
 * and export).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/account.h"
#include "core/announce.h"
#include "core/audit.h"
#include "core/approvals.h"
#include "core/auditlog.h"
#include "core/config.h"
#include "core/consent.h"
#include "core/date.h"
#include "core/db.h"
#include "core/demo.h"
#include "core/export_file.h"
#include "core/feedback.h"
#include "core/parents.h"
#include "core/privacy.h"
#include "core/registers.h"

#define PRINCIPAL_PASSWORD "hieu-truong-1"

struct world {
	struct mn_ctx host;
	struct mn_config cfg;
	int64_t class_a, class_b;
	int64_t c1, c2, c3;	/* c1, c3 in class A; c2 in class B */
	int y;
};

static struct world *w;

/* Every account of the matrix, one per role, plus a second family. */
static const struct {
	const char *login;
	unsigned roles;
} people[] = {
	{ "quantri", MN_ROLE_ADMIN },
	{ "hieutruong", MN_ROLE_PRINCIPAL },
	{ "gv.a", MN_ROLE_TEACHER },
	{ "gv.b", MN_ROLE_TEACHER },
	{ "yte", MN_ROLE_NURSE },
	{ "bep", MN_ROLE_KITCHEN },
	{ "ketoan", MN_ROLE_ACCOUNTANT },
	{ "vanthu", MN_ROLE_CLERK },
	{ "ph.an", MN_ROLE_PARENT },
	{ "ph.binh", MN_ROLE_PARENT },
};

/* One yescrypt hash shared by every test account, made once. */
static const char *
shared_hash(void)
{
	static char *hash;

	if (hash == NULL)
		assert_int_equal(mn_password_hash(PRINCIPAL_PASSWORD, &hash,
		    NULL), MN_OK);
	return hash;
}

static int64_t
insert_account(sqlite3 *db, const char *login, unsigned roles)
{
	sqlite3_stmt *st;
	int64_t id;

	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO accounts (login, "
	    "password_hash, created_at, changed_by, changed_at) VALUES (?, ?, "
	    "'2026-01-01T00:00:00Z', 'test', '2026-01-01T00:00:00Z')", -1,
	    &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, shared_hash(), -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	id = sqlite3_last_insert_rowid(db);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO account_roles "
	    "(account_id, role) VALUES (?, ?)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, mn_role_name(roles), -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	return id;
}

/* A context acting as login, with the roles stored for it. */
static struct mn_ctx
as(const char *login)
{
	struct mn_ctx c = w->host;

	if (strcmp(login, "host") == 0)
		return c;
	memset(&c.actor, 0, sizeof c.actor);
	for (size_t i = 0; i < sizeof people / sizeof *people; i++)
		if (strcmp(people[i].login, login) == 0)
			c.actor.roles = people[i].roles;
	assert_int_not_equal(c.actor.roles, 0);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(c.db, "SELECT id FROM accounts "
	    "WHERE login = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	c.actor.account_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	snprintf(c.actor.login, sizeof c.actor.login, "%s", login);
	snprintf(c.actor.source, sizeof c.actor.source, "10.0.0.9");
	return c;
}

static int64_t
add_class(const char *code)
{
	struct mn_class c = { 0 };
	struct mn_school_year year;
	struct mn_error err = { 0 };
	char name[32];

	snprintf(name, sizeof name, "%d-%d", w->y, w->y + 1);
	assert_int_equal(mn_school_year_find(&w->host, name, &year, &err),
	    MN_OK);
	c.school_year_id = year.id;
	snprintf(c.code, sizeof c.code, "%s", code);
	snprintf(c.name, sizeof c.name, "Lớp %s", code);
	snprintf(c.age_group, sizeof c.age_group, "mg-5-6");
	c.capacity = 30;
	if (mn_class_add(&w->host, &c, &err) != MN_OK)
		fail_msg("class %s: %s", code, err.message);
	return c.id;
}

static void
add_teacher(const char *login, const char *name, int64_t class_id)
{
	struct mn_staff s = { 0 };
	struct mn_error err = { 0 };
	struct mn_ctx t = as(login);

	snprintf(s.full_name, sizeof s.full_name, "%s", name);
	s.sex = 'F';
	snprintf(s.position, sizeof s.position, "Giáo viên");
	s.account_id = t.actor.account_id;
	if (mn_staff_add(&w->host, &s, &err) != MN_OK)
		fail_msg("staff %s: %s", login, err.message);
	if (mn_class_set_teachers(&w->host, class_id, &s.id, 1, &err) != MN_OK)
		fail_msg("class teachers: %s", err.message);
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
	if (mn_child_add(&w->host, &c, 0, &err) != MN_OK)
		fail_msg("child %s: %s", code, err.message);
	return c.id;
}

static int
setup(void **state)
{
	struct mn_error err = { 0 };
	struct mn_date today, first, last;
	char name[32];

	(void)state;
	w = calloc(1, sizeof *w);
	assert_non_null(w);
	test_open_db(&w->host, &w->cfg);
	for (size_t i = 0; i < sizeof people / sizeof *people; i++)
		insert_account(w->host.db, people[i].login, people[i].roles);
	mn_date_today(&today);
	w->y = today.month >= 8 ? today.year : today.year - 1;
	first = (struct mn_date){ w->y, 8, 1 };
	last = (struct mn_date){ w->y + 1, 7, 31 };
	snprintf(name, sizeof name, "%d-%d", w->y, w->y + 1);
	if (mn_school_year_add(&w->host, name, &first, &last, NULL, &err) !=
	    MN_OK)
		fail_msg("school year: %s", err.message);
	w->class_a = add_class("MG5A");
	w->class_b = add_class("MG5B");
	add_teacher("gv.a", "Nguyễn Thị An", w->class_a);
	add_teacher("gv.b", "Lê Thị Bình", w->class_b);
	w->c1 = add_child("T-001", "Đặng Minh Anh", w->class_a);
	w->c2 = add_child("T-002", "Phạm Gia Bảo", w->class_b);
	w->c3 = add_child("T-003", "Vũ Ngọc Châu", w->class_a);
	assert_int_equal(mn_parent_link(&w->host, "ph.an", w->c1, &err),
	    MN_OK);
	assert_int_equal(mn_parent_link(&w->host, "ph.binh", w->c2, &err),
	    MN_OK);
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

static int
count(const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(w->host.db, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
denied_rows(const char *login)
{
	sqlite3_stmt *st;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(w->host.db, "SELECT count(*) FROM "
	    "audit WHERE action = 'denied' AND login = ?", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int64_t
version_of(int64_t feedback_id)
{
	return count("SELECT version FROM feedback WHERE id = ?", feedback_id);
}

/* ---- The matrix ------------------------------------------------------ */

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
do_parent_add(struct mn_ctx *c, struct mn_error *err)
{
	char login[32];

	snprintf(login, sizeof login, "ph.moi%d", ++serial);
	return mn_parent_add(c, login, "Hoàng Văn Mới", "mat-khau-dau",
	    &w->c1, 1, NULL, err);
}

static int
do_parent_list(struct mn_ctx *c, struct mn_error *err)
{
	return mn_parent_list(c, w->c1, IGNORE(struct mn_parent_account),
	    NULL, err);
}

static int
do_own_children(struct mn_ctx *c, struct mn_error *err)
{
	return mn_parent_children(c, IGNORE(struct mn_parent_child), NULL,
	    err);
}

static int
do_feedback_send(struct mn_ctx *c, struct mn_error *err)
{
	return mn_feedback_send(c, w->c1, "teacher", "feedback", "Hỏi",
	    "Nội dung", NULL, err);
}

static int
do_feedback_list(struct mn_ctx *c, struct mn_error *err)
{
	return mn_feedback_list(c, NULL, IGNORE(struct mn_feedback), NULL,
	    err);
}

static int
do_feedback_answer(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_ctx parent = as("ph.an");
	int64_t id;

	assert_int_equal(mn_feedback_send(&parent, w->c1, "teacher",
	    "feedback", "Hỏi", "Nội dung", &id, err), MN_OK);
	return mn_feedback_answer(c, id, "Trả lời", version_of(id), err);
}

static int
do_announce_post(struct mn_ctx *c, struct mn_error *err)
{
	return mn_announce_post(c, w->class_a, "Thông báo", "Nội dung", NULL,
	    err);
}

static int
do_announce_list(struct mn_ctx *c, struct mn_error *err)
{
	return mn_announce_list(c, IGNORE(struct mn_announcement), NULL, err);
}

static int
do_consent_set(struct mn_ctx *c, struct mn_error *err)
{
	bool parent = c->actor.roles == MN_ROLE_PARENT;

	return mn_consent_set(c, w->c1, "photos_media", true,
	    parent ? NULL : "PĐY-01", parent ? NULL : "Trần Thị Hoa", err);
}

static int
do_consent_get(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_consent consent;

	return mn_consent_get(c, w->c1, "photos_media", &consent, err);
}

static int
do_approval_request(struct mn_ctx *c, struct mn_error *err)
{
	char id[MN_APPROVAL_ID_LEN + 1], day[11];

	mn_priv_today(day, sizeof day);
	return mn_approval_request(c, "children", "Báo cáo sở", NULL, day, id,
	    err);
}

static int
do_approval_list(struct mn_ctx *c, struct mn_error *err)
{
	return mn_approval_list(c, IGNORE(struct mn_approval), NULL, err);
}

static int
do_approval_decide(struct mn_ctx *c, struct mn_error *err)
{
	char id[MN_APPROVAL_ID_LEN + 1], day[11];

	mn_priv_today(day, sizeof day);
	assert_int_equal(mn_approval_request(&w->host, "children", "Báo cáo",
	    NULL, day, id, err), MN_OK);
	return mn_approval_decide(c, id, true, err);
}

static int
do_audit_browse(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_audit_filter f = { .limit = 5 };

	return mn_audit_browse(c, &f, IGNORE(struct mn_audit_entry), NULL,
	    err);
}

static int
do_audit_values(struct mn_ctx *c, struct mn_error *err)
{
	struct mn_audit_filter f = { .limit = 5, .with_values = true };

	return mn_audit_browse(c, &f, IGNORE(struct mn_audit_entry), NULL,
	    err);
}

static int
do_audit_purge(struct mn_ctx *c, struct mn_error *err)
{
	return mn_audit_purge(c, "children", w->c3, "2000-01-01",
	    "Hết thời hạn lưu trữ", NULL, err);
}

#define AD MN_ROLE_ADMIN
#define PR MN_ROLE_PRINCIPAL
#define TE MN_ROLE_TEACHER
#define NU MN_ROLE_NURSE
#define KI MN_ROLE_KITCHEN
#define AC MN_ROLE_ACCOUNTANT
#define CL MN_ROLE_CLERK
#define PA MN_ROLE_PARENT
#define HO MN_ROLE_HOST
#define ALL_STAFF (AD | PR | TE | NU | KI | AC | CL | HO)

static const struct {
	const char *name;
	int (*run)(struct mn_ctx *, struct mn_error *);
	unsigned allowed;
} matrix[] = {
	{ "parent_add", do_parent_add, AD | TE | HO },
	{ "parent_list", do_parent_list, AD | PR | TE | CL | HO },
	{ "own_children", do_own_children, PA },
	{ "feedback_send", do_feedback_send, PA },
	{ "feedback_list", do_feedback_list, PR | TE | CL | HO | PA },
	{ "feedback_answer", do_feedback_answer, PR | TE | CL | HO },
	{ "announce_post", do_announce_post, PR | TE | CL | HO },
	{ "announce_list", do_announce_list, ALL_STAFF | PA },
	{ "consent_set", do_consent_set, PR | TE | CL | PA | HO },
	{ "consent_get", do_consent_get, PR | TE | NU | CL | PA | HO },
	{ "approval_request", do_approval_request, ALL_STAFF },
	{ "approval_list", do_approval_list, ALL_STAFF },
	{ "approval_decide", do_approval_decide, PR },
	{ "audit_browse", do_audit_browse, PR | AD | HO },
	{ "audit_values", do_audit_values, PR | HO },
	{ "audit_purge", do_audit_purge, PR | HO },
};

/* The actor of each role; the teacher and the parent have c1 in scope. */
static const char *const matrix_actors[] = {
	"quantri", "hieutruong", "gv.a", "yte", "bep", "ketoan", "vanthu",
	"ph.an", "host",
};

static void
role_action_matrix(void **state)
{
	(void)state;
	for (size_t a = 0; a < sizeof matrix_actors / sizeof *matrix_actors;
	    a++) {
		struct mn_ctx c = as(matrix_actors[a]);

		for (size_t i = 0; i < sizeof matrix / sizeof *matrix; i++) {
			struct mn_error err = { 0 };
			bool allowed = (c.actor.roles & matrix[i].allowed) != 0;
			int before = denied_rows(c.actor.login);
			int rc = matrix[i].run(&c, &err);

			if (allowed && rc != MN_OK)
				fail_msg("%s by %s: expected success, got %d: "
				    "%s", matrix[i].name, c.actor.login, rc,
				    err.message);
			if (!allowed && rc != MN_ERR_DENIED)
				fail_msg("%s by %s: expected MN_ERR_DENIED, "
				    "got %d", matrix[i].name, c.actor.login,
				    rc);
			if (!allowed &&
			    denied_rows(c.actor.login) != before + 1)
				fail_msg("%s by %s: refusal not audited",
				    matrix[i].name, c.actor.login);
		}
	}
}

/* ---- Scope ----------------------------------------------------------- */

static int
collect_child(const struct mn_parent_child *c, void *arg)
{
	int64_t *ids = arg;

	for (int i = 0; i < 4; i++)
		if (ids[i] == 0) {
			ids[i] = c->child_id;
			break;
		}
	return 0;
}

static void
parent_scope_other_family(void **state)
{
	struct mn_ctx p = as("ph.an");
	struct mn_error err = { 0 };
	struct mn_consent consent;
	int64_t ids[4] = { 0 }, found = 0;

	(void)state;
	assert_int_equal(mn_parent_children(&p, collect_child, ids, &err),
	    MN_OK);
	assert_int_equal(ids[0], w->c1);
	assert_int_equal(ids[1], 0);

	assert_int_equal(mn_feedback_send(&p, w->c2, "teacher", "feedback",
	    "Hỏi", "Nội dung", NULL, &err), MN_ERR_DENIED);
	assert_string_equal(err.field, "child");
	assert_int_equal(mn_consent_get(&p, w->c2, "photos_media", &consent,
	    &err), MN_ERR_DENIED);
	assert_int_equal(mn_parent_require_child(&p, w->c2, "attendance_view",
	    &err), MN_ERR_DENIED);
	assert_int_equal(mn_parent_find_child(&p, "T-002", &found, &err),
	    MN_ERR_DENIED);
	assert_int_equal(found, 0);
	/* An id that does not exist gets the same answer, not "not found". */
	assert_int_equal(mn_parent_require_child(&p, 999999, "attendance_view",
	    &err), MN_ERR_DENIED);
	assert_int_equal(mn_parent_require_child(&p, w->c1, "attendance_view",
	    &err), MN_OK);

	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
	    "'denied' AND login = 'ph.an' AND table_name = 'children' AND "
	    "row_id = ?", w->c2), 4);
	assert_int_equal(count("SELECT count(*) FROM feedback WHERE "
	    "child_id = ?", w->c2), 0);
}

static void
teacher_scope_other_class(void **state)
{
	struct mn_ctx t = as("gv.a");
	struct mn_ctx parent = as("ph.binh");
	struct mn_error err = { 0 };
	struct mn_account acct;
	struct mn_ctx login_ctx = w->host;
	int64_t id = 0, fb;
	int64_t both[2];

	(void)state;
	both[0] = w->c1;
	both[1] = w->c2;
	assert_int_equal(mn_parent_add(&t, "ph.chau", "Vũ Văn Châu",
	    "mat-khau-dau", both, 2, &id, &err), MN_ERR_DENIED);
	assert_int_equal(count("SELECT count(*) FROM accounts WHERE login = "
	    "'ph.chau' AND ?1 = ?1", 0), 0);
	assert_int_equal(mn_parent_link(&t, "ph.binh", w->c3, &err), MN_OK);
	assert_int_equal(mn_parent_unlink(&t, "ph.binh", w->c3, &err), MN_OK);
	assert_int_equal(mn_parent_link(&t, "ph.an", w->c2, &err),
	    MN_ERR_DENIED);

	/* Her own class: the account needs a password change at login. */
	assert_int_equal(mn_parent_add(&t, "ph.chau", "Vũ Văn Châu",
	    "mat-khau-dau", &w->c3, 1, &id, &err), MN_OK);
	assert_true(id > 0);
	assert_int_equal(count("SELECT must_change_password FROM accounts "
	    "WHERE id = ?", id), 1);
	assert_int_equal(count("SELECT count(*) FROM account_roles WHERE "
	    "account_id = ?1 AND role = 'parent'", id), 1);
	assert_int_equal(count("SELECT count(*) FROM account_roles WHERE "
	    "account_id = ?", id), 1);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE login = "
	    "'gv.a' AND action = 'insert' AND table_name = 'accounts' AND "
	    "row_id = ?", id), 1);
	assert_int_equal(mn_login(&login_ctx, "ph.chau", "mat-khau-dau", &acct,
	    &err), MN_OK);
	assert_true(acct.must_change_password);
	assert_int_equal(login_ctx.actor.roles, MN_ROLE_PARENT);
	/* A parent account cannot make more parent accounts. */
	assert_int_equal(mn_parent_add(&login_ctx, "ph.khac", "",
	    "mat-khau-dau", &w->c3, 1, NULL, &err), MN_ERR_DENIED);
	/* Linking to a staff account is refused. */
	assert_int_equal(mn_parent_link(&t, "gv.b", w->c1, &err),
	    MN_ERR_INVALID);
	assert_int_equal(mn_parent_link(&w->host, "ph.an", w->c1, &err),
	    MN_ERR_EXISTS);

	/* Feedback to the teacher of class B stays out of gv.a's inbox. */
	assert_int_equal(mn_feedback_send(&parent, w->c2, "teacher",
	    "complaint", "Khiếu nại", "Nội dung", &fb, &err), MN_OK);
	struct mn_feedback *f = malloc(sizeof *f);
	assert_non_null(f);
	assert_int_equal(mn_feedback_get(&t, fb, f, &err), MN_ERR_DENIED);
	assert_int_equal(mn_feedback_answer(&t, fb, "Trả lời", version_of(fb),
	    &err), MN_ERR_DENIED);
	struct mn_ctx tb = as("gv.b");
	assert_int_equal(mn_feedback_get(&tb, fb, f, &err), MN_OK);
	assert_string_equal(f->kind, "complaint");
	/* A teacher takes a thread herself but hands it to nobody else. */
	assert_int_equal(mn_feedback_assign(&tb, fb, "gv.a", f->version, &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_feedback_assign(&tb, fb, "gv.b", f->version, &err),
	    MN_OK);
	free(f);
}

/* ---- Approvals ------------------------------------------------------- */

static void
approval_lifecycle(void **state)
{
	struct mn_ctx clerk = as("vanthu");
	struct mn_ctx principal = as("hieutruong");
	struct mn_error err = { 0 };
	char id[MN_APPROVAL_ID_LEN + 1], other[MN_APPROVAL_ID_LEN + 1];
	char req[MN_APPROVAL_ID_LEN + 1], day[11];
	int uses, refusals;

	(void)state;
	mn_priv_today(day, sizeof day);
	/* Wrong password, and the right password of a non-principal. */
	assert_int_equal(mn_approval_add_signed(&w->host, "children",
	    "Báo cáo phòng giáo dục", NULL, day, "hieutruong", "sai-mat-khau",
	    id, &err), MN_ERR_AUTH);
	assert_int_equal(mn_approval_add_signed(&w->host, "children",
	    "Báo cáo phòng giáo dục", NULL, day, "vanthu", PRINCIPAL_PASSWORD,
	    id, &err), MN_ERR_AUTH);
	assert_int_equal(count("SELECT count(*) FROM data_approvals WHERE "
	    "?1 = ?1", 0), 0);
	assert_int_equal(mn_approval_add_signed(&w->host, "children",
	    "Báo cáo", NULL, "2000-01-01", "hieutruong", PRINCIPAL_PASSWORD,
	    id, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "until");

	assert_int_equal(mn_approval_add_signed(&w->host, "children",
	    "Báo cáo phòng giáo dục", NULL, day, "hieutruong",
	    PRINCIPAL_PASSWORD, id, &err), MN_OK);
	assert_int_equal(strlen(id), MN_APPROVAL_ID_LEN);
	assert_int_equal(strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
	    MN_APPROVAL_ID_LEN);
	assert_int_equal(mn_approval_add_signed(&w->host, "health",
	    "Khám sức khỏe", "health_authority", day, "hieutruong",
	    PRINCIPAL_PASSWORD, other, &err), MN_OK);
	assert_string_not_equal(id, other);

	refusals = count("SELECT count(*) FROM audit WHERE action = 'denied' "
	    "AND table_name = 'data_approvals' AND ?1 = ?1", 0);
	/* Missing, unknown, wrong kind. */
	assert_int_equal(mn_approval_check(&w->host, NULL, "children", &err),
	    MN_ERR_DENIED);
	/* The screens show this too: no command-line option in it. */
	assert_non_null(strstr(err.message, "children"));
	assert_null(strstr(err.message, "--approval"));
	assert_int_equal(mn_approval_check(&w->host, "AAAAAAAAAAAA",
	    "children", &err), MN_ERR_DENIED);
	assert_int_equal(mn_approval_check(&w->host, "\x1b[2J", "children",
	    &err), MN_ERR_DENIED);
	assert_null(strchr(err.message, '\x1b'));
	assert_int_equal(mn_approval_check(&w->host, id, "health", &err),
	    MN_ERR_DENIED);
	assert_non_null(strstr(err.message, "children"));
	/* Another account cannot use the host's approval. */
	assert_int_equal(mn_approval_check(&clerk, id, "children", &err),
	    MN_ERR_DENIED);

	/* Valid: each use counted and audited; lower case is accepted. */
	uses = count("SELECT count(*) FROM audit WHERE action = "
	    "'approval_use' AND ?1 = ?1", 0);
	assert_int_equal(mn_approval_check(&w->host, id, "children", &err),
	    MN_OK);
	char lower[MN_APPROVAL_ID_LEN + 1];
	for (int i = 0; i <= MN_APPROVAL_ID_LEN; i++)
		lower[i] = (char)(id[i] >= 'A' && id[i] <= 'Z' ? id[i] + 32 :
		    id[i]);
	assert_int_equal(mn_approval_check(&w->host, lower, "children", &err),
	    MN_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(w->host.db, "SELECT use_count "
	    "FROM data_approvals WHERE id = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 2);
	sqlite3_finalize(st);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
	    "'approval_use' AND ?1 = ?1", 0), uses + 2);

	/* Replayed after its last day: refused and marked expired. */
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE data_approvals SET valid_until = "
	    "'2020-01-01' WHERE id = '%s'", id);
	assert_int_equal(sqlite3_exec(w->host.db, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(mn_approval_check(&w->host, id, "children", &err),
	    MN_ERR_DENIED);
	assert_non_null(strstr(err.message, "2020-01-01"));
	assert_int_equal(sqlite3_prepare_v2(w->host.db, "SELECT status FROM "
	    "data_approvals WHERE id = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	    "expired");
	sqlite3_finalize(st);

	/* Requested, then rejected by the principal. */
	assert_int_equal(mn_approval_request(&clerk, "staff", "Hồ sơ thi đua",
	    NULL, day, req, &err), MN_OK);
	assert_int_equal(mn_approval_check(&clerk, req, "staff", &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_approval_decide(&principal, req, false, &err),
	    MN_OK);
	assert_int_equal(mn_approval_check(&clerk, req, "staff", &err),
	    MN_ERR_DENIED);
	assert_non_null(strstr(err.message, req));
	assert_int_equal(mn_approval_decide(&principal, req, true, &err),
	    MN_ERR_INVALID);
	/* Requested, approved: the clerk may use her own approval. */
	assert_int_equal(mn_approval_request(&clerk, "staff", "Hồ sơ thi đua",
	    NULL, day, req, &err), MN_OK);
	assert_int_equal(mn_approval_decide(&principal, req, true, &err),
	    MN_OK);
	assert_int_equal(mn_approval_check(&clerk, req, "staff", &err), MN_OK);

	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
	    "'denied' AND table_name = 'data_approvals' AND ?1 = ?1", 0),
	    refusals + 8);
}

/* Collects the IDs fn is called with, space-separated. */
static int
collect_id(const struct mn_approval *a, void *arg)
{
	char *ids = arg;
	size_t len = strlen(ids);

	snprintf(ids + len, 256 - len, "%s%s", len > 0 ? " " : "", a->id);
	return 0;
}

/* Reads one column of an approval as text into out. */
static void
approval_col(const char *col, const char *id, char *out, size_t size)
{
	sqlite3_stmt *st;
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT coalesce(%s, '') FROM "
	    "data_approvals WHERE id = ?", col);
	assert_int_equal(sqlite3_prepare_v2(w->host.db, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/*
 * A teacher asks for an approval of her class's attendance, the
 * principal rejects one request with a reason and approves another, and
 * the teacher uses it for her class only; nobody else can.
 */
static void
approval_teacher_request(void **state)
{
	struct mn_ctx teacher = as("gv.a"), other = as("gv.b");
	struct mn_ctx principal = as("hieutruong");
	struct mn_error err = { 0 };
	struct mn_approval_form f = { .data_kind = "attendance",
	    .purpose = "Gửi phòng giáo dục", .class_code = "MG5A" };
	struct mn_approval used;
	char id[MN_APPROVAL_ID_LEN + 1], rejected[MN_APPROVAL_ID_LEN + 1];
	char day[11], text[256], ids[256];
	int before = count("SELECT count(*) FROM audit WHERE table_name = "
	    "'data_approvals' AND ?1 = ?1", 0);

	(void)state;
	mn_priv_today(day, sizeof day);
	f.until = day;
	/* Bad class, bad kind: nothing written. */
	f.class_code = "ZZ9";
	assert_int_equal(mn_approval_request_form(&teacher, &f, id, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "class");
	f.class_code = "MG5A";
	f.data_kind = "bảng lương";
	assert_int_equal(mn_approval_request_form(&teacher, &f, id, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "data");
	/* A teacher may not name another account. */
	f.data_kind = "Điểm danh";	/* the label is accepted */
	f.for_login = "gv.b";
	assert_int_equal(mn_approval_request_form(&teacher, &f, id, &err),
	    MN_ERR_DENIED);
	f.for_login = NULL;
	assert_int_equal(count("SELECT count(*) FROM data_approvals WHERE "
	    "?1 = ?1", 0), 0);

	assert_int_equal(mn_approval_request_form(&teacher, &f, id, &err),
	    MN_OK);
	approval_col("status || ' ' || data_kind || ' ' || class_code || ' ' "
	    "|| requested_by", id, text, sizeof text);
	assert_string_equal(text, "requested attendance MG5A gv.a");
	f.purpose = "Họp phụ huynh";
	assert_int_equal(mn_approval_request_form(&teacher, &f, rejected,
	    &err), MN_OK);

	/* Not usable before the decision; the teacher cannot decide. */
	assert_int_equal(mn_approval_use_class(&teacher, id, "attendance",
	    "MG5A", NULL, &err), MN_ERR_DENIED);
	assert_non_null(strstr(err.message, id));
	assert_int_equal(mn_approval_decide_note(&teacher, id, true, "",
	    &err), MN_ERR_DENIED);

	/* A rejection needs its reason, which the teacher then sees. */
	assert_int_equal(mn_approval_decide_note(&principal, rejected, false,
	    "  ", &err), MN_ERR_INVALID);
	assert_int_equal(mn_approval_decide_note(&principal, rejected, false,
	    "Không cần danh sách tên", &err), MN_OK);
	approval_col("status || '|' || decision_note", rejected, text,
	    sizeof text);
	assert_string_equal(text, "rejected|Không cần danh sách tên");
	assert_int_equal(mn_approval_use_class(&teacher, rejected,
	    "attendance", "MG5A", NULL, &err), MN_ERR_DENIED);
	assert_int_equal(mn_approval_decide_note(&principal, id, true, "",
	    &err), MN_OK);

	/* Offered to her alone, for attendance alone. */
	ids[0] = '\0';
	assert_int_equal(mn_approval_list_usable(&teacher, "attendance",
	    collect_id, ids, &err), MN_OK);
	assert_string_equal(ids, id);
	ids[0] = '\0';
	assert_int_equal(mn_approval_list_usable(&teacher, "growth",
	    collect_id, ids, &err), MN_OK);
	assert_string_equal(ids, "");
	ids[0] = '\0';
	assert_int_equal(mn_approval_list_usable(&other, "attendance",
	    collect_id, ids, &err), MN_OK);
	assert_string_equal(ids, "");

	/* Another account's approval, another class, a wider export. */
	assert_int_equal(mn_approval_use_class(&other, id, "attendance",
	    "MG5A", NULL, &err), MN_ERR_DENIED);
	assert_int_equal(mn_approval_use_class(&teacher, id, "attendance",
	    "MG5B", NULL, &err), MN_ERR_DENIED);
	assert_non_null(strstr(err.message, "MG5A"));
	assert_int_equal(mn_approval_use_class(&teacher, id, "attendance",
	    NULL, NULL, &err), MN_ERR_DENIED);
	assert_int_equal(mn_approval_use_class(&teacher, id, "attendance",
	    "MG5A", &used, &err), MN_OK);
	assert_string_equal(used.class_code, "MG5A");
	approval_col("use_count", id, text, sizeof text);
	assert_string_equal(text, "1");

	/* Past its last day: refused and no longer offered. */
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE data_approvals SET valid_until = "
	    "'2020-01-01' WHERE id = '%s'", id);
	assert_int_equal(sqlite3_exec(w->host.db, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(mn_approval_use_class(&teacher, id, "attendance",
	    "MG5A", NULL, &err), MN_ERR_DENIED);
	assert_non_null(strstr(err.message, "2020-01-01"));
	ids[0] = '\0';
	assert_int_equal(mn_approval_list_usable(&teacher, "attendance",
	    collect_id, ids, &err), MN_OK);
	assert_string_equal(ids, "");

	/* Each request, decision, use and refusal left an audit row. */
	assert_true(count("SELECT count(*) FROM audit WHERE table_name = "
	    "'data_approvals' AND ?1 = ?1", 0) >= before + 11);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
	    "'approval_use' AND detail LIKE '%' || (SELECT id FROM "
	    "data_approvals WHERE purpose = 'Gửi phòng giáo dục') || '%' AND "
	    "?1 = ?1", 0), 1);
}

/* The principal writes a request for a teacher, who alone may use it. */
static void
approval_for_another_account(void **state)
{
	struct mn_ctx teacher = as("gv.b"), principal = as("hieutruong");
	struct mn_ctx nurse = as("yte");
	struct mn_error err = { 0 };
	struct mn_approval_form f = { .data_kind = "growth",
	    .purpose = "Báo cáo cân đo", .for_login = "gv.b",
	    .consent_purpose = "hinh anh va truyen thong" };
	char id[MN_APPROVAL_ID_LEN + 1], day[11], text[256];

	(void)state;
	mn_priv_today(day, sizeof day);
	f.until = day;
	f.for_login = "ph.an";		/* a parent account */
	assert_int_equal(mn_approval_request_form(&principal, &f, id, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "for");
	f.for_login = "gv.b";
	f.consent_purpose = "xyz";
	assert_int_equal(mn_approval_request_form(&principal, &f, id, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "consent");
	/* A label typed without diacritics names the stored purpose. */
	f.consent_purpose = "hinh anh va truyen thong";
	assert_int_equal(mn_approval_request_form(&principal, &f, id, &err),
	    MN_OK);
	approval_col("requested_by || ' ' || written_by || ' ' || "
	    "consent_purpose", id, text, sizeof text);
	assert_string_equal(text, "gv.b hieutruong photos_media");
	assert_int_equal(mn_approval_decide_note(&principal, id, true, NULL,
	    &err), MN_OK);
	assert_int_equal(mn_approval_use_class(&principal, id, "growth", NULL,
	    NULL, &err), MN_ERR_DENIED);
	assert_int_equal(mn_approval_use_class(&nurse, id, "growth", NULL,
	    NULL, &err), MN_ERR_DENIED);
	assert_int_equal(mn_approval_use_class(&teacher, id, "growth", NULL,
	    NULL, &err), MN_OK);
}

/* A bad month is reported before a missing approval, which stays unused. */
static void
export_checks_arguments_first(void **state)
{
	struct mn_ctx teacher = as("gv.a");
	struct mn_error err = { 0 };
	struct mn_export_request req = { .kind = MN_EXPORT_GROWTH,
	    .round = "2026-13" };
	char path[512];

	(void)state;
	snprintf(path, sizeof path, "%s/growth.csv", test_tmpdir());
	assert_int_equal(mn_export_write(&teacher, &req, path, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "round");
	assert_non_null(strstr(err.message, "2026-13"));
	req.kind = MN_EXPORT_ATTENDANCE;
	req.class_code = "MG5A";
	req.month = "2026-1";
	assert_int_equal(mn_export_write(&teacher, &req, path, &err),
	    MN_ERR_INVALID);
	assert_string_equal(err.field, "month");
	req.month = "2026-11";
	assert_int_equal(mn_export_write(&teacher, &req, path, &err),
	    MN_ERR_DENIED);
	assert_string_equal(err.field, "approval");
}

/* ---- Consent --------------------------------------------------------- */

static int
count_consent(const struct mn_consent *c, void *arg)
{
	int *n = arg;

	(void)c;
	(*n)++;
	return 0;
}

static void
consent_grant_withdraw(void **state)
{
	struct mn_ctx p = as("ph.an");
	struct mn_ctx clerk = as("vanthu");
	struct mn_error err = { 0 };
	struct mn_consent c;
	int64_t ids[3];
	size_t n = 3, dropped = 0;
	int history = 0;

	(void)state;
	/* Silence is not consent. */
	assert_int_equal(mn_consent_get(&p, w->c1, "health_authority", &c,
	    &err), MN_OK);
	assert_int_equal(c.id, 0);
	assert_false(c.granted);
	assert_int_equal(mn_consent_require(&w->host, w->c1,
	    "health_authority", &err), MN_ERR_DENIED);
	assert_non_null(strstr(err.message, "T-001"));

	assert_int_equal(mn_consent_set(&p, w->c1, "health_authority", true,
	    NULL, NULL, &err), MN_OK);
	assert_int_equal(mn_consent_get(&clerk, w->c1, "health_authority", &c,
	    &err), MN_OK);
	assert_true(c.granted);
	assert_string_equal(c.source, "parent_account");
	assert_string_equal(c.recorded_by, "ph.an");
	assert_int_equal(mn_consent_require(&w->host, w->c1,
	    "health_authority", &err), MN_OK);

	/* Staff need the paper form; a parent needs none. */
	assert_int_equal(mn_consent_set(&clerk, w->c1, "health_authority",
	    false, "", "", &err), MN_ERR_INVALID);
	assert_int_equal(mn_consent_set(&p, w->c1, "health_authority", false,
	    "PĐY-9", NULL, &err), MN_ERR_INVALID);
	assert_int_equal(mn_consent_set(&p, w->c1, "marketing", true, NULL,
	    NULL, &err), MN_ERR_INVALID);

	/* Export filter while granted: c1 kept, c3 (no record) left out. */
	ids[0] = w->c3;
	ids[1] = w->c1;
	ids[2] = w->c2;
	assert_int_equal(mn_consent_filter(&w->host, "health_authority", ids,
	    &n, &dropped, &err), MN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(dropped, 2);
	assert_int_equal(ids[0], w->c1);

	assert_int_equal(mn_consent_set(&clerk, w->c1, "health_authority",
	    false, "PĐY-2026-031", "Trần Thị Hoa", &err), MN_OK);
	assert_int_equal(mn_consent_get(&p, w->c1, "health_authority", &c,
	    &err), MN_OK);
	assert_false(c.granted);
	assert_string_equal(c.source, "paper_form");
	assert_string_equal(c.paper_ref, "PĐY-2026-031");
	assert_int_equal(mn_consent_require(&w->host, w->c1,
	    "health_authority", &err), MN_ERR_DENIED);
	n = 1;
	ids[0] = w->c1;
	assert_int_equal(mn_consent_filter(&w->host, "health_authority", ids,
	    &n, NULL, &err), MN_OK);
	assert_int_equal(n, 0);

	assert_int_equal(mn_consent_history(&p, w->c1, count_consent, &history,
	    &err), MN_OK);
	assert_int_equal(history, 2);
	/* The register keeps its history: rows cannot be rewritten. */
	assert_int_not_equal(sqlite3_exec(w->host.db, "UPDATE consents SET "
	    "granted = 1", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE table_name = "
	    "'children' AND row_id = ? AND action IN ('consent_grant', "
	    "'consent_withdraw')", w->c1), 2);
}

/* ---- Feedback -------------------------------------------------------- */

static int
find_thread(const struct mn_feedback *f, void *arg)
{
	int64_t *id = arg;

	if (f->id == id[0])
		id[1] = 1;
	return 0;
}

static void
feedback_answer_flow(void **state)
{
	struct mn_ctx p = as("ph.an");
	struct mn_ctx t = as("gv.a");
	struct mn_ctx tb = as("gv.b");
	struct mn_error err = { 0 };
	struct mn_feedback_filter only_new = { .status = "new" };
	struct mn_feedback *f = malloc(sizeof *f);
	int64_t id, seen[2];

	(void)state;
	assert_non_null(f);
	assert_int_equal(mn_feedback_send(&p, w->c1, "teacher", "feedback",
	    "Giờ ngủ trưa", "Nhờ cô để ý cháu ngủ trưa.", &id, &err), MN_OK);
	assert_int_equal(mn_feedback_send(&p, w->c1, "principal", "feedback",
	    "x", "y", NULL, &err), MN_ERR_INVALID);
	assert_int_equal(mn_feedback_send(&p, w->c1, "teacher", "spam", "x",
	    "y", NULL, &err), MN_ERR_INVALID);
	assert_int_equal(mn_feedback_send(&p, w->c1, "teacher", "feedback",
	    "  ", "y", NULL, &err), MN_ERR_INVALID);

	seen[0] = id;
	seen[1] = 0;
	assert_int_equal(mn_feedback_list(&t, &only_new, find_thread, seen,
	    &err), MN_OK);
	assert_int_equal(seen[1], 1);
	seen[1] = 0;
	assert_int_equal(mn_feedback_list(&tb, NULL, find_thread, seen, &err),
	    MN_OK);
	assert_int_equal(seen[1], 0);

	assert_int_equal(mn_feedback_get(&t, id, f, &err), MN_OK);
	assert_string_equal(f->status, "new");
	assert_int_equal(mn_feedback_assign(&t, id, "gv.a", f->version, &err),
	    MN_OK);
	assert_int_equal(mn_feedback_get(&t, id, f, &err), MN_OK);
	assert_string_equal(f->status, "in_progress");
	assert_string_equal(f->assignee_login, "gv.a");
	/* A stale version is a conflict. */
	assert_int_equal(mn_feedback_answer(&t, id, "Vâng ạ", f->version - 1,
	    &err), MN_ERR_CONFLICT);
	assert_int_equal(mn_feedback_answer(&t, id, "Cô sẽ để ý cháu ạ.",
	    f->version, &err), MN_OK);

	assert_int_equal(mn_feedback_get(&p, id, f, &err), MN_OK);
	assert_string_equal(f->status, "answered");
	assert_string_equal(f->answer, "Cô sẽ để ý cháu ạ.");
	assert_string_equal(f->answered_by, "gv.a");
	assert_true(f->answer_read_at[0] != '\0');
	assert_int_equal(mn_feedback_close(&p, id, f->version, &err), MN_OK);
	assert_int_equal(mn_feedback_answer(&t, id, "Thêm", version_of(id),
	    &err), MN_ERR_INVALID);

	/* The audit shows each step. */
	assert_int_equal(count("SELECT count(*) FROM audit WHERE table_name = "
	    "'feedback' AND row_id = ? AND ((login = 'ph.an' AND action = "
	    "'insert') OR (login = 'gv.a' AND action = 'update') OR "
	    "(login = 'ph.an' AND action = 'view' AND detail = "
	    "'answer read by the parent') OR (login = 'ph.an' AND action = "
	    "'update'))", id), 5);
	free(f);
}

static int
first_thread(const struct mn_feedback *f, void *arg)
{
	*(int64_t *)arg = f->id;
	return 1;
}

static void
login_feedback_end_to_end(void **state)
{
	struct mn_ctx parent = w->host, teacher = w->host;
	struct mn_account acct;
	struct mn_error err = { 0 };
	struct mn_feedback *f = malloc(sizeof *f);
	int64_t ids[4] = { 0 }, sent, inbox = 0;

	(void)state;
	assert_non_null(f);
	snprintf(parent.actor.source, sizeof parent.actor.source, "10.1.1.1");
	snprintf(teacher.actor.source, sizeof teacher.actor.source,
	    "10.1.1.2");
	assert_int_equal(mn_login(&parent, "ph.an", PRINCIPAL_PASSWORD, &acct,
	    &err), MN_OK);
	assert_int_equal(mn_parent_children(&parent, collect_child, ids, &err),
	    MN_OK);
	assert_int_equal(ids[0], w->c1);
	assert_int_equal(mn_feedback_send(&parent, ids[0], "teacher",
	    "feedback", "Bữa trưa", "Cháu ăn có hết suất không ạ?", &sent,
	    &err), MN_OK);

	assert_int_equal(mn_login(&teacher, "gv.a", PRINCIPAL_PASSWORD, &acct,
	    &err), MN_OK);
	assert_int_equal(mn_feedback_list(&teacher, NULL, first_thread, &inbox,
	    &err), MN_OK);
	assert_int_equal(inbox, sent);
	assert_int_equal(mn_feedback_get(&teacher, sent, f, &err), MN_OK);
	assert_int_equal(mn_feedback_answer(&teacher, sent, "Cháu ăn hết ạ.",
	    f->version, &err), MN_OK);

	assert_int_equal(mn_feedback_get(&parent, sent, f, &err), MN_OK);
	assert_string_equal(f->answer, "Cháu ăn hết ạ.");

	/* The trail: both logins, the message, the answer, the reading. */
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
	    "'login' AND login IN ('ph.an', 'gv.a') AND ?1 = ?1", 0), 2);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE "
	    "table_name = 'feedback' AND row_id = ?1 AND source IN "
	    "('10.1.1.1', '10.1.1.2') AND ((login = 'ph.an' AND action IN "
	    "('insert', 'view')) OR (login = 'gv.a' AND action IN ('view', "
	    "'update')))", sent), 4);
	free(f);
}

static void
hostile_text_stored_safely(void **state)
{
	struct mn_ctx p = as("ph.an");
	struct mn_error err = { 0 };
	int64_t id;
	char *big;
	int before;

	(void)state;
	assert_int_equal(mn_feedback_send(&p, w->c1, "school", "complaint",
	    "\x1b]0;pwn\x07 Tiêu đề", "Dòng 1\r\n\x1b[31mđỏ\x1b[0m\xc2\x9b",
	    &id, &err), MN_OK);
	assert_int_equal(count("SELECT count(*) FROM feedback WHERE id = ? "
	    "AND (instr(subject, char(27)) OR instr(subject, char(7)) OR "
	    "instr(body, char(27)) OR instr(body, char(13)) OR "
	    "instr(body, char(155)))", id), 0);
	assert_int_equal(count("SELECT count(*) FROM feedback WHERE id = ? "
	    "AND subject = ']0;pwn Tiêu đề'", id), 1);

	big = malloc(100 * 1024 + 1);
	assert_non_null(big);
	memset(big, 'a', 100 * 1024);
	big[100 * 1024] = '\0';
	before = count("SELECT count(*) FROM feedback WHERE ?1 = ?1", 0);
	assert_int_equal(mn_feedback_send(&p, w->c1, "school", "feedback",
	    "Dài", big, NULL, &err), MN_ERR_INVALID);
	assert_true(err.field[0] != '\0');
	assert_int_equal(mn_correction_request(&p, w->c1, "address", big,
	    NULL, NULL, &err), MN_ERR_INVALID);
	assert_int_equal(count("SELECT count(*) FROM feedback WHERE ?1 = ?1",
	    0), before);
	free(big);
}

/* ---- Corrections ----------------------------------------------------- */

static void
correction_accept_changes_record(void **state)
{
	struct mn_ctx p = as("ph.an");
	struct mn_ctx t = as("gv.a");
	struct mn_error err = { 0 };
	struct mn_feedback *f = malloc(sizeof *f);
	struct mn_child c;
	int64_t id, rejected;

	(void)state;
	assert_non_null(f);
	assert_int_equal(mn_correction_request(&p, w->c1, "password_hash",
	    "x", NULL, NULL, &err), MN_ERR_INVALID);
	assert_int_equal(mn_correction_request(&p, w->c2, "address", "x",
	    NULL, NULL, &err), MN_ERR_DENIED);
	assert_int_equal(mn_correction_request(&p, w->c1, "address",
	    "Số 8 ngõ 12 phố Huế, Hà Nội", "Gia đình chuyển nhà", &id, &err),
	    MN_OK);
	assert_int_equal(mn_feedback_get(&t, id, f, &err), MN_OK);
	assert_string_equal(f->kind, "correction");
	assert_string_equal(f->field, "address");
	assert_string_equal(f->current_value, "Số 5 phố Quan Hoa, Hà Nội");
	/* A parent cannot decide their own request. */
	assert_int_equal(mn_correction_decide(&p, id, true, NULL, f->version,
	    &err), MN_ERR_DENIED);
	assert_int_equal(mn_correction_decide(&t, id, true, NULL, f->version,
	    &err), MN_OK);
	assert_int_equal(mn_child_get(&w->host, w->c1, &c, &err), MN_OK);
	assert_string_equal(c.address, "Số 8 ngõ 12 phố Huế, Hà Nội");
	assert_int_equal(mn_feedback_get(&p, id, f, &err), MN_OK);
	assert_string_equal(f->decision, "accepted");
	assert_string_equal(f->status, "answered");
	/* Deciding twice is refused. */
	assert_int_equal(mn_correction_decide(&t, id, false, "Không",
	    f->version, &err), MN_ERR_INVALID);

	/* Rejected: a reason is required and the record stays. */
	assert_int_equal(mn_correction_request(&p, w->c1, "mother_name",
	    "Trần Thị Hoà", NULL, &rejected, &err), MN_OK);
	assert_int_equal(mn_correction_decide(&t, rejected, false, "",
	    version_of(rejected), &err), MN_ERR_INVALID);
	assert_int_equal(mn_correction_decide(&t, rejected, false,
	    "Giấy khai sinh ghi Hoa", version_of(rejected), &err), MN_OK);
	assert_int_equal(mn_child_get(&w->host, w->c1, &c, &err), MN_OK);
	assert_string_equal(c.mother_name, "Trần Thị Hoa");
	/* A value the registers core refuses leaves the request open. */
	assert_int_equal(mn_correction_request(&p, w->c1, "birth_date",
	    "31/02/2020", NULL, &rejected, &err), MN_OK);
	assert_int_equal(mn_correction_decide(&t, rejected, true, NULL,
	    version_of(rejected), &err), MN_ERR_INVALID);
	assert_int_equal(count("SELECT count(*) FROM correction_requests "
	    "WHERE feedback_id = ? AND decision IS NULL", rejected), 1);
	free(f);
}

/* ---- Announcements --------------------------------------------------- */

static int
collect_titles(const struct mn_announcement *a, void *arg)
{
	char *titles = arg;

	strcat(titles, a->title);
	strcat(titles, a->read_at[0] ? "+;" : ";");
	return 0;
}

static int
collect_receipts(const struct mn_announce_receipt *r, void *arg)
{
	char *out = arg;

	strcat(out, r->login);
	strcat(out, r->read_at[0] ? "+;" : ";");
	return 0;
}

static void
announcements_reach_own_class(void **state)
{
	struct mn_ctx p = as("ph.an");
	struct mn_ctx t = as("gv.a");
	struct mn_ctx tb = as("gv.b");
	struct mn_ctx principal = as("hieutruong");
	struct mn_error err = { 0 };
	char titles[256] = "", receipts[256] = "";
	int64_t school, class_a, class_b;

	(void)state;
	assert_int_equal(mn_announce_post(&principal, 0, "Trường",
	    "Họp", &school, &err), MN_OK);
	assert_int_equal(mn_announce_post(&t, w->class_a, "Lớp A", "Áo đỏ",
	    &class_a, &err), MN_OK);
	assert_int_equal(mn_announce_post(&t, w->class_b, "Lớp B", "x", NULL,
	    &err), MN_ERR_DENIED);
	assert_int_equal(mn_announce_post(&t, 0, "Trường", "x", NULL, &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_announce_post(&tb, w->class_b, "Lớp B",
	    "Áo xanh", &class_b, &err), MN_OK);

	assert_int_equal(mn_announce_mark_read(&p, class_b, &err),
	    MN_ERR_DENIED);
	assert_int_equal(mn_announce_mark_read(&p, class_a, &err), MN_OK);
	assert_int_equal(mn_announce_mark_read(&p, class_a, &err), MN_OK);
	assert_int_equal(mn_announce_list(&p, collect_titles, titles, &err),
	    MN_OK);
	assert_string_equal(titles, "Lớp A+;Trường;");

	assert_int_equal(mn_announce_receipts(&t, class_a, collect_receipts,
	    receipts, &err), MN_OK);
	assert_string_equal(receipts, "ph.an+;");
	assert_int_equal(mn_announce_receipts(&t, class_b, collect_receipts,
	    receipts, &err), MN_ERR_DENIED);
	receipts[0] = '\0';
	assert_int_equal(mn_announce_receipts(&w->host, school,
	    collect_receipts, receipts, &err), MN_OK);
	assert_string_equal(receipts, "ph.an;ph.binh;");
}

/* ---- Audit trail ----------------------------------------------------- */

static void
audit_rows_cannot_change(void **state)
{
	sqlite3 *db = w->host.db;
	int rows = count("SELECT count(*) FROM audit WHERE ?1 = ?1", 0);

	(void)state;
	assert_true(count("SELECT count(*) FROM audit_values WHERE ?1 = ?1", 0)
	    > 0);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit SET login = 'x'",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit_values SET "
	    "old_values = NULL", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit_values", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE ?1 = ?1", 0),
	    rows);
	/* The purge records themselves are append-only too. */
	assert_int_equal(mn_audit_purge(&w->host, "children", w->c1,
	    "2100-01-01", "Hết hạn lưu trữ", NULL, NULL), MN_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit_purges", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit_purges SET "
	    "reason = 'x'", NULL, NULL, NULL), SQLITE_OK);
}

static int
check_purged(const struct mn_audit_entry *e, void *arg)
{
	int *purged = arg;

	if (strcmp(e->table_name, "children") == 0 && e->purged) {
		assert_null(e->old_values);
		assert_null(e->new_values);
		(*purged)++;
	}
	return 0;
}

static void
purge_keeps_audit_rows(void **state)
{
	struct mn_ctx principal = as("hieutruong");
	struct mn_ctx p = as("ph.binh");
	struct mn_error err = { 0 };
	struct mn_audit_filter f = { .child_id = 0, .with_values = true };
	struct mn_child c;
	int rows_before, values_before, purged = 0, listed = 0;
	char tomorrow[11];
	struct mn_date d;

	(void)state;
	/* One more change on c1, so it has values old and new. */
	assert_int_equal(mn_child_get(&w->host, w->c1, &c, &err), MN_OK);
	snprintf(c.address, sizeof c.address, "Số 9 phố Huế, Hà Nội");
	assert_int_equal(mn_child_update(&w->host, &c, 0, &err), MN_OK);
	rows_before = count("SELECT count(*) FROM audit WHERE table_name = "
	    "'children' AND row_id = ?", w->c1);
	values_before = count("SELECT count(*) FROM audit_values v JOIN audit "
	    "a ON a.id = v.audit_id WHERE a.table_name = 'children' AND "
	    "a.row_id = ?", w->c1);
	assert_true(values_before >= 2);

	mn_date_today(&d);
	mn_date_from_days(mn_date_to_days(&d) + 1, &d);
	mn_date_format_iso(&d, tomorrow, sizeof tomorrow);
	assert_int_equal(mn_audit_purge(&principal, "children", w->c1,
	    tomorrow, "", NULL, &err), MN_ERR_INVALID);
	assert_int_equal(mn_audit_purge(&principal, "children", w->c1,
	    tomorrow, "Hết thời hạn lưu trữ", &purged, &err), MN_OK);
	assert_int_equal(purged, values_before);

	/* Rows stay, values go, and the purge itself is on the trail. */
	assert_int_equal(count("SELECT count(*) FROM audit WHERE table_name = "
	    "'children' AND row_id = ?", w->c1), rows_before + 1);
	assert_int_equal(count("SELECT count(*) FROM audit_values v JOIN "
	    "audit a ON a.id = v.audit_id WHERE a.table_name = 'children' AND "
	    "a.row_id = ?", w->c1), 0);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE table_name = "
	    "'children' AND row_id = ? AND action = 'purge' AND login = "
	    "'hieutruong'", w->c1), 1);
	/* Other children keep their values. */
	assert_true(count("SELECT count(*) FROM audit_values v JOIN audit a "
	    "ON a.id = v.audit_id WHERE a.table_name = 'children' AND "
	    "a.row_id = ?", w->c2) > 0);

	f.child_id = w->c1;
	assert_int_equal(mn_audit_browse(&principal, &f, check_purged, &listed,
	    &err), MN_OK);
	assert_int_equal(listed, values_before);

	/* The child purge also takes the feedback and link rows of c2. */
	assert_int_equal(mn_feedback_send(&p, w->c2, "school", "feedback",
	    "Hỏi", "Nội dung riêng", NULL, &err), MN_OK);
	assert_int_equal(mn_audit_purge_child(&p, w->c2, tomorrow,
	    "Hết hạn", NULL, &err), MN_ERR_DENIED);
	assert_int_equal(mn_audit_purge_child(&principal, w->c2, tomorrow,
	    "Hết thời hạn lưu trữ", &purged, &err), MN_OK);
	assert_true(purged >= 3);
	assert_int_equal(count("SELECT count(*) FROM audit_values v JOIN "
	    "audit a ON a.id = v.audit_id WHERE a.table_name = 'feedback' AND "
	    "a.row_id IN (SELECT id FROM feedback WHERE child_id = ?)", w->c2),
	    0);
	assert_int_equal(count("SELECT count(*) FROM audit_values v JOIN "
	    "audit a ON a.id = v.audit_id WHERE a.table_name = "
	    "'parent_children' AND a.row_id IN (SELECT id FROM "
	    "parent_children WHERE child_id = ?)", w->c2), 0);
	/* c3 was not touched. */
	assert_true(count("SELECT count(*) FROM audit_values v JOIN audit a "
	    "ON a.id = v.audit_id WHERE a.table_name = 'children' AND "
	    "a.row_id = ?", w->c3) > 0);
}

static int
count_entries(const struct mn_audit_entry *e, void *arg)
{
	(void)e;
	(*(int *)arg)++;
	return 0;
}

/* Marks which tables the rows of a child filter come from. */
static int
child_tables(const struct mn_audit_entry *e, void *arg)
{
	unsigned *seen = arg;

	if (strcmp(e->table_name, "children") == 0)
		*seen |= e->row_id == w->c1 ? 1u : 8u;
	else if (strcmp(e->table_name, "parent_children") == 0)
		*seen |= 2u;
	else if (strcmp(e->table_name, "feedback") == 0)
		*seen |= 4u;
	else
		*seen |= 8u;
	return 0;
}

static void
audit_browse_filters_export(void **state)
{
	struct mn_ctx principal = as("hieutruong");
	struct mn_ctx p = as("ph.an");
	struct mn_error err = { 0 };
	struct mn_audit_filter f = { 0 };
	char day[11], id[MN_APPROVAL_ID_LEN + 1], *buf = NULL;
	size_t size = 0;
	unsigned seen = 0;
	FILE *out;
	int n = 0;

	(void)state;
	assert_int_equal(mn_consent_set(&p, w->c1, "photos_media", true, NULL,
	    NULL, &err), MN_OK);
	assert_int_equal(mn_feedback_send(&p, w->c1, "school", "feedback",
	    "Hỏi", "Nội dung", NULL, &err), MN_OK);
	assert_int_equal(mn_audit(w->host.db, &p.actor, "view", NULL, 0, NULL,
	    NULL, "=HYPERLINK(\"x\")", &err), MN_OK);

	f.login = "ph.an";
	assert_int_equal(mn_audit_browse(&principal, &f, count_entries, &n,
	    &err), MN_OK);
	assert_int_equal(n, count("SELECT count(*) FROM audit WHERE login = "
	    "'ph.an' AND ?1 = ?1", 0));
	/* The child filter takes the record, its links and its feedback. */
	f.login = NULL;
	f.child_id = w->c1;
	assert_int_equal(mn_audit_browse(&principal, &f, child_tables, &seen,
	    &err), MN_OK);
	assert_int_equal(seen, 1u | 2u | 4u);
	f.child_id = 0;
	mn_priv_today(day, sizeof day);
	f.from = day;
	f.to = day;
	n = 0;
	assert_int_equal(mn_audit_browse(&principal, &f, count_entries, &n,
	    &err), MN_OK);
	assert_true(n > 0);
	f.from = "2000-01-01";
	f.to = "2000-12-31";
	n = 0;
	assert_int_equal(mn_audit_browse(&principal, &f, count_entries, &n,
	    &err), MN_OK);
	assert_int_equal(n, 0);
	f.from = "01/01/2000";
	assert_int_equal(mn_audit_browse(&principal, &f, count_entries, &n,
	    &err), MN_ERR_INVALID);
	memset(&f, 0, sizeof f);

	/* Trail without values: no approval needed; formulas defused. */
	out = open_memstream(&buf, &size);
	assert_non_null(out);
	assert_int_equal(mn_audit_export_csv(&principal, &f, NULL, out, &err),
	    MN_OK);
	fclose(out);
	assert_true(strncmp(buf, "id,at,account_id,login,", 23) == 0);
	assert_null(strstr(buf, "old_values"));
	free(buf);

	/* Values need an approval of kind audit. */
	f.with_values = true;
	out = open_memstream(&buf, &size);
	assert_int_equal(mn_audit_export_csv(&principal, &f, NULL, out, &err),
	    MN_ERR_DENIED);
	fclose(out);
	free(buf);
	assert_int_equal(mn_approval_request(&principal, "audit",
	    "Thanh tra", NULL, day, id, &err), MN_OK);
	assert_int_equal(mn_approval_decide(&principal, id, true, &err),
	    MN_OK);
	out = open_memstream(&buf, &size);
	assert_int_equal(mn_audit_export_csv(&principal, &f, id, out, &err),
	    MN_OK);
	fclose(out);
	assert_non_null(strstr(buf, ",old_values,new_values,purged\r\n"));
	assert_non_null(strstr(buf, "\"'=HYPERLINK(\"\"x\"\")"));
	free(buf);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = "
	    "'export' AND login = 'hieutruong' AND ?1 = ?1", 0), 2);
	/* The administrator reads the trail but not the values. */
	struct mn_ctx admin = as("quantri");
	f.with_values = false;
	assert_int_equal(mn_audit_browse(&admin, &f, count_entries, &n, &err),
	    MN_OK);
	f.with_values = true;
	assert_int_equal(mn_audit_browse(&admin, &f, count_entries, &n, &err),
	    MN_ERR_DENIED);
}

/* ---- Demo ------------------------------------------------------------ */

/* Builds the demo school and its parent data; returns the linked ids. */
static void
build_demo(unsigned seed, int64_t ids[2], int *threads)
{
	struct mn_ctx ctx;
	struct mn_config cfg;
	struct mn_error err = { 0 };
	sqlite3_stmt *st;
	int links;

	test_open_db(&ctx, &cfg);
	if (mn_demo_build(&ctx, seed, "demo-password", &err) != MN_OK)
		fail_msg("demo: %s", err.message);
	/* Once mn_demo_build calls mn_demo_parents itself, skip it here. */
	assert_int_equal(sqlite3_prepare_v2(ctx.db, "SELECT count(*) FROM "
	    "parent_children", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	links = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (links == 0 && mn_demo_parents(&ctx, seed, "demo-password",
	    &err) != MN_OK)
		fail_msg("demo parents: %s", err.message);
	assert_int_equal(sqlite3_prepare_v2(ctx.db, "SELECT child_id FROM "
	    "parent_children pc JOIN accounts a ON a.id = pc.account_id "
	    "WHERE a.login = 'parent' ORDER BY pc.id", -1, &st, NULL),
	    SQLITE_OK);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		ids[i] = sqlite3_column_int64(st, 0);
	}
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(ctx.db, "SELECT count(*), "
	    "sum(status = 'answered' AND answered_by = 'teacher') FROM "
	    "feedback", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	*threads = sqlite3_column_int(st, 0);
	/* The demo teacher answered the thread sent to her class. */
	assert_int_equal(sqlite3_column_int(st, 1), 1);
	sqlite3_finalize(st);
	test_close_db(&ctx);
}

static void
demo_parents_deterministic(void **state)
{
	int64_t first[2], second[2];
	int threads1, threads2;

	(void)state;
	build_demo(7, first, &threads1);
	build_demo(7, second, &threads2);
	assert_int_not_equal(first[0], first[1]);
	assert_int_equal(first[0], second[0]);
	assert_int_equal(first[1], second[1]);
	assert_int_equal(threads1, 3);
	assert_int_equal(threads2, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(role_action_matrix, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(parent_scope_other_family,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(teacher_scope_other_class,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(approval_lifecycle, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(approval_teacher_request,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(approval_for_another_account,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(export_checks_arguments_first,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(consent_grant_withdraw, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(feedback_answer_flow, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(login_feedback_end_to_end,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(hostile_text_stored_safely,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    correction_accept_changes_record, setup, teardown),
		cmocka_unit_test_setup_teardown(announcements_reach_own_class,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(audit_rows_cannot_change,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(purge_keeps_audit_rows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(audit_browse_filters_export,
		    setup, teardown),
		cmocka_unit_test(demo_parents_deterministic),
	};

	mn_set_language(MN_LANG_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
