/*
 * mn_child_may_write, which screens ask before offering the add and edit
 * keys or opening the child form: it must agree with what mn_child_add
 * and mn_child_update then allow, and write no audit row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/access.h"
#include "core/account.h"
#include "core/config.h"
#include "core/registers.h"

struct fixture {
	struct mn_ctx ctx;
	struct mn_config cfg;
	struct mn_school_year year;
	int y;			/* first calendar year of the school year */
	int64_t mg5a, mg5b;
	int64_t mine, other;	/* children of MG5A and MG5B */
};

static int64_t
add_class(struct fixture *f, const char *code)
{
	struct mn_class c = { 0 };
	struct mn_error err = { 0 };

	c.school_year_id = f->year.id;
	snprintf(c.code, sizeof c.code, "%s", code);
	snprintf(c.age_group, sizeof c.age_group, "mg-5-6");
	c.capacity = 35;
	if (mn_class_add(&f->ctx, &c, &err) != MN_OK)
		fail_msg("class %s: %s", code, err.message);
	return c.id;
}

static void
child_of(struct fixture *f, struct mn_child *c, int64_t class_id,
    const char *name)
{
	memset(c, 0, sizeof *c);
	snprintf(c->full_name, sizeof c->full_name, "%s", name);
	c->birth_date = (struct mn_date){ f->y - 5, 3, 14 };
	c->sex = 'F';
	c->class_id = class_id;
}

static int64_t
add_child(struct fixture *f, int64_t class_id, const char *name)
{
	struct mn_child c;
	struct mn_error err = { 0 };

	child_of(f, &c, class_id, name);
	if (mn_child_add(&f->ctx, &c, 0, &err) != MN_OK)
		fail_msg("child %s: %s", name, err.message);
	return c.id;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct mn_error err = { 0 };
	struct mn_date today, first, last;
	char name[32];

	assert_non_null(f);
	test_open_db(&f->ctx, &f->cfg);
	mn_date_today(&today);
	f->y = today.month >= 8 ? today.year : today.year - 1;
	first = (struct mn_date){ f->y, 8, 1 };
	last = (struct mn_date){ f->y + 1, 7, 31 };
	snprintf(name, sizeof name, "%d-%d", f->y, f->y + 1);
	if (mn_school_year_add(&f->ctx, name, &first, &last, NULL, &err) !=
	    MN_OK)
		fail_msg("school year: %s", err.message);
	assert_int_equal(mn_school_year_find(&f->ctx, name, &f->year, &err),
	    MN_OK);
	f->mg5a = add_class(f, "MG5A");
	f->mg5b = add_class(f, "MG5B");
	f->mine = add_child(f, f->mg5a, "Nguyễn Thị Mai");
	f->other = add_child(f, f->mg5b, "Trần Thị Nga");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	test_close_db(&f->ctx);
	free(f);
	return 0;
}

/* Adds a teacher account; with class_id, she teaches that class. */
static int64_t
add_teacher(struct fixture *f, const char *login, int64_t class_id)
{
	struct mn_staff s = { 0 };
	struct mn_error err = { 0 };
	int64_t account = 0;

	if (mn_account_add(&f->ctx, login, MN_ROLE_TEACHER, "Giáo viên",
	    "teacher-password", &account, &err) != MN_OK)
		fail_msg("account: %s", err.message);
	snprintf(s.full_name, sizeof s.full_name, "Nguyễn Thị Hằng");
	s.sex = 'F';
	s.account_id = account;
	snprintf(s.position, sizeof s.position, "Giáo viên");
	if (mn_staff_add(&f->ctx, &s, &err) != MN_OK)
		fail_msg("staff: %s", err.message);
	if (class_id != 0 && mn_class_set_teachers(&f->ctx, class_id, &s.id,
	    1, &err) != MN_OK)
		fail_msg("teachers: %s", err.message);
	return account;
}

static void
act_as(struct fixture *f, const char *login, int64_t account,
    unsigned roles)
{
	f->ctx.actor.account_id = account;
	f->ctx.actor.roles = roles;
	snprintf(f->ctx.actor.login, sizeof f->ctx.actor.login, "%s", login);
}

static int
audit_rows(struct fixture *f)
{
	sqlite3_stmt *st;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(f->ctx.db,
	    "SELECT count(*) FROM audit", -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* School-wide writers may write any child and add to any class. */
static void
principal_and_clerk_write_all(void **state)
{
	struct fixture *f = *state;
	unsigned roles[] = { MN_ROLE_PRINCIPAL, MN_ROLE_CLERK };

	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		act_as(f, "someone", 1, roles[i]);
		assert_true(mn_child_may_write(&f->ctx, f->mine, 0));
		assert_true(mn_child_may_write(&f->ctx, f->other, 0));
		assert_true(mn_child_may_write(&f->ctx, 0, f->mg5b));
		assert_true(mn_child_may_write(&f->ctx, 0, 0));
	}
}

/* Roles without the write action get false for everything. */
static void
kitchen_and_nurse_write_nothing(void **state)
{
	struct fixture *f = *state;
	unsigned roles[] = { MN_ROLE_KITCHEN, MN_ROLE_NURSE,
	    MN_ROLE_ACCOUNTANT, MN_ROLE_PARENT };

	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		act_as(f, "someone", 1, roles[i]);
		assert_false(mn_child_may_write(&f->ctx, f->mine, 0));
		assert_false(mn_child_may_write(&f->ctx, 0, f->mg5a));
		assert_false(mn_child_may_write(&f->ctx, 0, 0));
	}
}

/*
 * A teacher: her class's children and her class only, as the write
 * functions decide; the question itself leaves no audit row.
 */
static void
teacher_writes_her_class(void **state)
{
	struct fixture *f = *state;
	struct mn_child c;
	struct mn_error err = { 0 };
	int64_t account = add_teacher(f, "gv.mg5a", f->mg5a);
	int before;

	act_as(f, "gv.mg5a", account, MN_ROLE_TEACHER);
	before = audit_rows(f);
	assert_true(mn_child_may_write(&f->ctx, f->mine, 0));
	assert_false(mn_child_may_write(&f->ctx, f->other, 0));
	assert_true(mn_child_may_write(&f->ctx, 0, f->mg5a));
	assert_false(mn_child_may_write(&f->ctx, 0, f->mg5b));
	assert_true(mn_child_may_write(&f->ctx, 0, 0));
	assert_int_equal(audit_rows(f), before);

	/* The write functions agree. */
	child_of(f, &c, f->mg5b, "Lê Văn Nam");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_DENIED);
	child_of(f, &c, f->mg5a, "Lê Văn Nam");
	if (mn_child_add(&f->ctx, &c, 0, &err) != MN_OK)
		fail_msg("%s", err.message);
	assert_true(mn_child_may_write(&f->ctx, c.id, 0));
}

/* A teacher without a class has no class to add a child to. */
static void
teacher_without_class_adds_nothing(void **state)
{
	struct fixture *f = *state;
	int64_t account = add_teacher(f, "gv.moi", 0);

	act_as(f, "gv.moi", account, MN_ROLE_TEACHER);
	assert_false(mn_child_may_write(&f->ctx, 0, 0));
	assert_false(mn_child_may_write(&f->ctx, 0, f->mg5a));
	assert_false(mn_child_may_write(&f->ctx, f->mine, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(principal_and_clerk_write_all,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(kitchen_and_nurse_write_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(teacher_writes_her_class,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    teacher_without_class_adds_nothing, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
