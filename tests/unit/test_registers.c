/*
 * Registers: calendar, class sizes, child checks (personal ID, dates,
 * names, phones, age groups), list order, scope of teachers, fields
 * hidden from the admin and the kitchen, audit rows, promotion.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/account.h"
#include "core/config.h"
#include "core/registers.h"

struct fixture {
	struct mn_ctx ctx;
	struct mn_config cfg;
	struct mn_school_year year;
	int y;			/* first calendar year of the school year */
};

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

static int64_t
add_class(struct fixture *f, const char *code, const char *group, int cap)
{
	struct mn_class c = { 0 };
	struct mn_error err = { 0 };

	c.school_year_id = f->year.id;
	snprintf(c.code, sizeof c.code, "%s", code);
	snprintf(c.age_group, sizeof c.age_group, "%s", group);
	c.capacity = cap;
	if (mn_class_add(&f->ctx, &c, &err) != MN_OK)
		fail_msg("class %s: %s", code, err.message);
	return c.id;
}

/* A valid 5-6 year old girl with a matching personal ID. */
static void
sample_child(struct fixture *f, struct mn_child *c, int64_t class_id,
    const char *name)
{
	memset(c, 0, sizeof *c);
	snprintf(c->full_name, sizeof c->full_name, "%s", name);
	c->birth_date = (struct mn_date){ f->y - 5, 3, 14 };
	c->sex = 'F';
	c->class_id = class_id;
	snprintf(c->mother_name, sizeof c->mother_name, "Trần Thị Hoa");
	snprintf(c->mother_phone, sizeof c->mother_phone, "0912345678");
	snprintf(c->address, sizeof c->address, "Số 5 phố Quan Hoa, Hà Nội");
	snprintf(c->allergies, sizeof c->allergies, "Tôm, cua");
	snprintf(c->chronic_conditions, sizeof c->chronic_conditions,
	    "Hen phế quản");
}

static void
id_for(struct mn_child *c, int sex_digit_female, const char *tail)
{
	snprintf(c->personal_id, sizeof c->personal_id, "001%d%02d%s",
	    (c->birth_date.year >= 2000 ? 2 : 0) + sex_digit_female,
	    c->birth_date.year % 100, tail);
}

static int
count_rows(struct mn_ctx *ctx, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(ctx->db, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
calendar_school_days(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_date d, h1, h2, sat;

	/* Find the first Monday of October. */
	d = (struct mn_date){ f->y, 10, 1 };
	while (mn_date_weekday(&d) != 0)
		d.day++;
	assert_true(mn_calendar_is_school_day(&f->ctx, &d));
	h1 = d;
	h2 = d;
	h2.day += 1;
	assert_int_equal(mn_holiday_add(&f->ctx, "Ngày nghỉ thử", &h1, &h2,
	    NULL, &err), MN_OK);
	assert_false(mn_calendar_is_school_day(&f->ctx, &h1));
	assert_false(mn_calendar_is_school_day(&f->ctx, &h2));
	h2.day += 1;
	assert_true(mn_calendar_is_school_day(&f->ctx, &h2));
	sat = d;
	sat.day += 5;
	assert_int_equal(mn_date_weekday(&sat), 5);
	assert_false(mn_calendar_is_school_day(&f->ctx, &sat));
	assert_int_equal(mn_makeup_day_add(&f->ctx, &sat, "Học bù", NULL,
	    &err), MN_OK);
	assert_true(mn_calendar_is_school_day(&f->ctx, &sat));
	sat.day += 1;
	assert_false(mn_calendar_is_school_day(&f->ctx, &sat));
	/* Outside every school year. */
	d = (struct mn_date){ f->y + 3, 10, 1 };
	while (mn_date_weekday(&d) != 0)
		d.day++;
	assert_false(mn_calendar_is_school_day(&f->ctx, &d));
}

static void
calendar_bad_year_rejected(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct mn_date a = { 2030, 9, 5 }, b = { 2031, 5, 31 };

	assert_int_equal(mn_school_year_add(&f->ctx, "2030-2032", &a, &b,
	    NULL, &err), MN_ERR_INVALID);
	assert_int_equal(mn_school_year_add(&f->ctx, "2030", &a, &b, NULL,
	    &err), MN_ERR_INVALID);
	assert_int_equal(mn_school_year_add(&f->ctx, "2030-2031", &b, &a,
	    NULL, &err), MN_ERR_INVALID);
}

static void
class_capacity_legal_max(void **state)
{
	struct fixture *f = *state;
	struct mn_class c = { 0 };
	struct mn_error err = { 0 };
	static const struct {
		const char *group;
		int max;
	} groups[] = {
		{ "nt-3-12", 15 }, { "nt-12-24", 20 }, { "nt-24-36", 25 },
		{ "mg-3-4", 25 }, { "mg-4-5", 30 }, { "mg-5-6", 35 },
	};

	for (size_t i = 0; i < 6; i++) {
		memset(&c, 0, sizeof c);
		c.school_year_id = f->year.id;
		snprintf(c.code, sizeof c.code, "K%zu", i);
		snprintf(c.age_group, sizeof c.age_group, "%s",
		    groups[i].group);
		c.capacity = groups[i].max + 1;
		assert_int_equal(mn_class_add(&f->ctx, &c, &err),
		    MN_ERR_INVALID);
		assert_non_null(strstr(err.message, "Sĩ số"));
		c.capacity = groups[i].max;
		assert_int_equal(mn_class_add(&f->ctx, &c, &err), MN_OK);
	}
	memset(&c, 0, sizeof c);
	c.school_year_id = f->year.id;
	snprintf(c.code, sizeof c.code, "K0");
	snprintf(c.age_group, sizeof c.age_group, "mg-5-6");
	c.capacity = 20;
	assert_int_equal(mn_class_add(&f->ctx, &c, &err), MN_ERR_EXISTS);
	/* Codes compare without case, so k0 is K0 again. */
	snprintf(c.code, sizeof c.code, "k0");
	assert_int_equal(mn_class_add(&f->ctx, &c, &err), MN_ERR_EXISTS);
	snprintf(c.code, sizeof c.code, "K 9");
	assert_int_equal(mn_class_add(&f->ctx, &c, &err), MN_ERR_INVALID);
	snprintf(c.code, sizeof c.code, "K9");
	snprintf(c.age_group, sizeof c.age_group, "mg-6-7");
	assert_int_equal(mn_class_add(&f->ctx, &c, &err), MN_ERR_INVALID);
}

static void
child_id_matching_accepted(void **state)
{
	struct fixture *f = *state;
	struct mn_child c;
	struct mn_error err = { 0 };

	sample_child(f, &c, add_class(f, "MG5A", "mg-5-6", 35),
	    "Nguyễn Thị An");
	id_for(&c, 1, "123456");
	if (mn_child_add(&f->ctx, &c, 0, &err) != MN_OK)
		fail_msg("%s", err.message);
	assert_true(c.id > 0);
	assert_string_equal(c.id_mismatch_reason, "");
}

static void
child_id_mismatch_needs_reason(void **state)
{
	struct fixture *f = *state;
	struct mn_child c;
	struct mn_error err = { 0 };
	int64_t k = add_class(f, "MG5A", "mg-5-6", 35);

	/* The sex digit means male, but the record is female. */
	sample_child(f, &c, k, "Nguyễn Thị Bình");
	id_for(&c, 0, "123456");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.field, "định danh"));
	assert_int_equal(count_rows(&f->ctx, "SELECT count(*) FROM children "
	    "WHERE ?1 = ?1", 0), 0);

	/* Birth year digits disagree. */
	sample_child(f, &c, k, "Nguyễn Thị Bình");
	snprintf(c.personal_id, sizeof c.personal_id, "001399123456");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_INVALID);

	/* With a written reason it is kept, and the audit keeps it. */
	sample_child(f, &c, k, "Nguyễn Thị Bình");
	id_for(&c, 0, "123456");
	snprintf(c.id_mismatch_reason, sizeof c.id_mismatch_reason,
	    "Giấy khai sinh ghi nữ; mã do công an cấp");
	if (mn_child_add(&f->ctx, &c, 0, &err) != MN_OK)
		fail_msg("%s", err.message);
	assert_int_equal(count_rows(&f->ctx, "SELECT count(*) FROM audit a "
	    "JOIN audit_values v ON v.audit_id = a.id WHERE a.row_id = ?1 "
	    "AND a.table_name = 'children' AND a.action = 'insert' AND "
	    "v.new_values LIKE '%Giấy khai sinh ghi nữ%'", c.id), 1);
}

static void
child_bad_id_form_rejected(void **state)
{
	struct fixture *f = *state;
	struct mn_child c;
	struct mn_error err = { 0 };
	int64_t k = add_class(f, "MG5A", "mg-5-6", 35);
	char spaced[32];
	const char *bad[] = { "12345", "0013201234567", "00132O123456",
	    "abcdefghijkl" };

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		sample_child(f, &c, k, "Lê Văn Cường");
		c.sex = 'M';
		snprintf(c.personal_id, sizeof c.personal_id, "%s", bad[i]);
		snprintf(c.id_mismatch_reason, sizeof c.id_mismatch_reason,
		    "a reason does not excuse a malformed ID");
		assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err),
		    MN_ERR_INVALID);
	}
	/* Dots and spaces people type between groups are dropped. */
	sample_child(f, &c, k, "Lê Văn Cường");
	c.sex = 'M';
	snprintf(spaced, sizeof spaced, "001 2%02d 123.456",
	    c.birth_date.year % 100);
	memcpy(c.personal_id, spaced, sizeof c.personal_id - 1);
	if (mn_child_add(&f->ctx, &c, 0, &err) != MN_OK)
		fail_msg("%s", err.message);
	assert_int_equal(strlen(c.personal_id), 12);
}

static void
child_bad_fields_rejected(void **state)
{
	struct fixture *f = *state;
	struct mn_child c;
	struct mn_error err = { 0 };
	struct mn_date today;
	int64_t k = add_class(f, "MG5A", "mg-5-6", 35);

	mn_date_today(&today);
	sample_child(f, &c, k, "Nguyễn Văn 3");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_INVALID);
	sample_child(f, &c, 0, "Nguyễn Thị Lan");
	c.birth_date = today;
	c.birth_date.year += 1;
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "Ngày sinh"));
	sample_child(f, &c, k, "Nguyễn Thị Lan");
	c.birth_date = (struct mn_date){ 2024, 2, 31 };
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_INVALID);
	sample_child(f, &c, k, "Nguyễn Thị Lan");
	snprintf(c.mother_phone, sizeof c.mother_phone, "12345");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.field, "SĐT"));
	sample_child(f, &c, k, "Nguyễn Thị Lan");
	snprintf(c.mother_phone, sizeof c.mother_phone, "+1 202 555 0100");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_INVALID);
	sample_child(f, &c, k, "Nguyễn Thị Lan");
	c.sex = 'X';
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_INVALID);
	sample_child(f, &c, k, "Nguyễn Thị Lan");
	snprintf(c.ethnicity, sizeof c.ethnicity, "99");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_INVALID);
	assert_int_equal(count_rows(&f->ctx, "SELECT count(*) FROM children "
	    "WHERE ?1 = ?1", 0), 0);
}

static void
child_minority_names_valid(void **state)
{
	struct fixture *f = *state;
	struct mn_child c;
	struct mn_error err = { 0 };
	int64_t k = add_class(f, "MG5A", "mg-5-6", 35);

	sample_child(f, &c, k, "H'Hen Niê");
	snprintf(c.ethnicity, sizeof c.ethnicity, "12");
	if (mn_child_add(&f->ctx, &c, 0, &err) != MN_OK)
		fail_msg("%s", err.message);
	sample_child(f, &c, k, "Y Moan Ênuôl");
	c.sex = 'M';
	snprintf(c.ethnicity, sizeof c.ethnicity, "12");
	if (mn_child_add(&f->ctx, &c, 0, &err) != MN_OK)
		fail_msg("%s", err.message);
}

static void
child_age_group_override(void **state)
{
	struct fixture *f = *state;
	struct mn_child c;
	struct mn_error err = { 0 };
	int64_t k = add_class(f, "MG3A", "mg-3-4", 25);

	/* A 5-6 year old in a 3-4 class. */
	sample_child(f, &c, k, "Phạm Thị Dung");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_INVALID);
	assert_non_null(strstr(err.message, "MG3A"));
	f->ctx.actor.roles = MN_ROLE_CLERK;
	sample_child(f, &c, k, "Phạm Thị Dung");
	assert_int_not_equal(mn_child_add(&f->ctx, &c, MN_REG_OVERRIDE,
	    &err), MN_OK);
	f->ctx.actor.roles = MN_ROLE_PRINCIPAL;
	sample_child(f, &c, k, "Phạm Thị Dung");
	if (mn_child_add(&f->ctx, &c, MN_REG_OVERRIDE, &err) != MN_OK)
		fail_msg("%s", err.message);
	/* Later edits of other fields keep the accepted exception. */
	f->ctx.actor.roles = MN_ROLE_PRINCIPAL;
	snprintf(c.address, sizeof c.address, "Số 9 phố Trung Kính, Hà Nội");
	if (mn_child_update(&f->ctx, &c, 0, &err) != MN_OK)
		fail_msg("%s", err.message);
}

static void
child_duplicate_rejected(void **state)
{
	struct fixture *f = *state;
	struct mn_child c;
	struct mn_error err = { 0 };
	int64_t k = add_class(f, "MG5A", "mg-5-6", 35);

	sample_child(f, &c, k, "Đỗ Thị Giang");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_OK);
	/* Same name without accents and same birth date. */
	sample_child(f, &c, k, "Do Thi Giang");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_EXISTS);
	/* Same letters, another tone: another child (twins Dung and Dũng). */
	sample_child(f, &c, k, "Phạm Ngọc Dung");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_OK);
	sample_child(f, &c, k, "Phạm Ngọc Dũng");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_OK);
	/* The same name again, or written without diacritics: refused. */
	sample_child(f, &c, k, "Phạm Ngọc Dũng");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_EXISTS);
	sample_child(f, &c, k, "Pham Ngoc Dung");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_ERR_EXISTS);
}

struct names {
	char v[16][256];
	size_t n;
};

static int
collect_names(const struct mn_child *c, void *arg)
{
	struct names *names = arg;

	if (names->n < 16)
		snprintf(names->v[names->n++], sizeof names->v[0], "%s",
		    c->full_name);
	return 0;
}

static void
children_list_order(void **state)
{
	struct fixture *f = *state;
	struct mn_child c;
	struct mn_error err = { 0 };
	struct names got = { .n = 0 };
	struct mn_child_filter filter = { 0 };
	int64_t k5 = add_class(f, "MG5A", "mg-5-6", 35);
	int64_t k4 = add_class(f, "MG4A", "mg-4-5", 30);
	/*
	 * Given name first (a < ă < â, d < đ, tones after letters), then
	 * the rest of the name; classes by code before names.
	 */
	static const char *const expected[] = {
		"Bùi Văn Yên",		/* MG4A */
		"Nguyễn Văn An",
		"Lê Bảo Anh",
		"Phạm Minh Anh",
		"Trần Thị Ánh",
		"Vũ Thị Ân",
		"Hồ Văn Dũng",
		"Lê Văn Đạt",
		"Ngô Thị Ơn",
	};
	static const char *const insert_order[] = {
		"Lê Văn Đạt", "Trần Thị Ánh", "Ngô Thị Ơn", "Phạm Minh Anh",
		"Vũ Thị Ân", "Nguyễn Văn An", "Hồ Văn Dũng", "Lê Bảo Anh",
	};

	for (size_t i = 0; i < 8; i++) {
		sample_child(f, &c, k5, insert_order[i]);
		c.birth_date.day = 1 + (int)i;
		if (mn_child_add(&f->ctx, &c, 0, &err) != MN_OK)
			fail_msg("%s: %s", insert_order[i], err.message);
	}
	sample_child(f, &c, k4, "Bùi Văn Yên");
	c.birth_date.year += 1;
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_OK);
	filter.school_year_id = f->year.id;
	assert_int_equal(mn_child_list(&f->ctx, &filter, collect_names, &got,
	    &err), MN_OK);
	assert_int_equal(got.n, 9);
	for (size_t i = 0; i < 9; i++)
		assert_string_equal(got.v[i], expected[i]);

	/* Search without accents. */
	got.n = 0;
	filter.search = "anh";
	assert_int_equal(mn_child_list(&f->ctx, &filter, collect_names, &got,
	    &err), MN_OK);
	assert_int_equal(got.n, 3);
}

/* Adds a teacher account linked to a staff member teaching class_id. */
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
	if (mn_class_set_teachers(&f->ctx, class_id, &s.id, 1, &err) != MN_OK)
		fail_msg("teachers: %s", err.message);
	return account;
}

static void
teacher_scope_own_class_only(void **state)
{
	struct fixture *f = *state;
	struct mn_child mine, other, got;
	struct mn_error err = { 0 };
	struct names names = { .n = 0 };
	struct mn_child_filter filter = { 0 };
	int64_t ka = add_class(f, "MG5A", "mg-5-6", 35);
	int64_t kb = add_class(f, "MG5B", "mg-5-6", 35);
	int64_t account = add_teacher(f, "gv.mg5a", ka);

	sample_child(f, &mine, ka, "Nguyễn Thị Mai");
	assert_int_equal(mn_child_add(&f->ctx, &mine, 0, &err), MN_OK);
	sample_child(f, &other, kb, "Trần Thị Nga");
	assert_int_equal(mn_child_add(&f->ctx, &other, 0, &err), MN_OK);

	f->ctx.actor.account_id = account;
	f->ctx.actor.roles = MN_ROLE_TEACHER;
	snprintf(f->ctx.actor.login, sizeof f->ctx.actor.login, "gv.mg5a");
	assert_int_equal(mn_child_get(&f->ctx, mine.id, &got, &err), MN_OK);
	assert_string_equal(got.full_name, "Nguyễn Thị Mai");
	assert_int_equal(mn_child_get(&f->ctx, other.id, &got, &err),
	    MN_ERR_DENIED);
	assert_string_equal(got.full_name, "");
	snprintf(other.full_name, sizeof other.full_name, "Trần Thị Ngà");
	assert_int_equal(mn_child_update(&f->ctx, &other, 0, &err),
	    MN_ERR_DENIED);
	snprintf(mine.address, sizeof mine.address, "Số 2 phố Quan Hoa");
	if (mn_child_update(&f->ctx, &mine, 0, &err) != MN_OK)
		fail_msg("%s", err.message);
	/* The teacher may not move a child either. */
	assert_int_equal(mn_child_move(&f->ctx, mine.id, kb, &f->year.first_day,
	    0, &err), MN_ERR_DENIED);
	filter.school_year_id = f->year.id;
	assert_int_equal(mn_child_list(&f->ctx, &filter, collect_names,
	    &names, &err), MN_OK);
	assert_int_equal(names.n, 1);
	assert_string_equal(names.v[0], "Nguyễn Thị Mai");
	/* The refusal is in the audit trail. */
	assert_true(count_rows(&f->ctx, "SELECT count(*) FROM audit WHERE "
	    "action = 'denied' AND account_id = ?1", account) >= 2);
}

static void
admin_sees_no_health_data(void **state)
{
	struct fixture *f = *state;
	struct mn_child c, got;
	struct mn_error err = { 0 };
	int64_t k = add_class(f, "MG5A", "mg-5-6", 35);
	int rc;

	sample_child(f, &c, k, "Nguyễn Thị Mai");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_OK);

	f->ctx.actor.roles = MN_ROLE_ADMIN;
	rc = mn_child_get(&f->ctx, c.id, &got, &err);
	assert_true(rc == MN_OK || rc == MN_ERR_DENIED);
	assert_string_equal(got.allergies, "");
	assert_string_equal(got.chronic_conditions, "");
	if (rc == MN_OK)
		assert_string_equal(got.full_name, "Nguyễn Thị Mai");

	/* An admin edit keeps the health data it could not see. */
	if (rc == MN_OK && mn_child_update(&f->ctx, &got, 0, &err) == MN_OK) {
		f->ctx.actor.roles = MN_ROLE_PRINCIPAL;
		assert_int_equal(mn_child_get(&f->ctx, c.id, &got, &err),
		    MN_OK);
		assert_string_equal(got.allergies, "Tôm, cua");
	}

	/* The kitchen: allergies yes; diagnoses, IDs, addresses no. */
	f->ctx.actor.roles = MN_ROLE_KITCHEN;
	rc = mn_child_get(&f->ctx, c.id, &got, &err);
	if (rc == MN_OK) {
		assert_string_equal(got.allergies, "Tôm, cua");
		assert_string_equal(got.chronic_conditions, "");
		assert_string_equal(got.address, "");
		assert_string_equal(got.mother_phone, "");
	}
	f->ctx.actor.roles = MN_ROLE_PRINCIPAL;
	assert_int_equal(mn_child_get(&f->ctx, c.id, &got, &err), MN_OK);
	assert_string_equal(got.chronic_conditions, "Hen phế quản");
}

static void
child_view_and_update_audited(void **state)
{
	struct fixture *f = *state;
	struct mn_child c, got;
	struct mn_error err = { 0 };
	int64_t k = add_class(f, "MG5A", "mg-5-6", 35);

	sample_child(f, &c, k, "Nguyễn Thị Mai");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_OK);
	assert_int_equal(mn_child_get(&f->ctx, c.id, &got, &err), MN_OK);
	assert_int_equal(count_rows(&f->ctx, "SELECT count(*) FROM audit "
	    "WHERE action = 'view' AND table_name = 'children' AND row_id = "
	    "?1", c.id), 1);
	snprintf(got.full_name, sizeof got.full_name, "Nguyễn Thị Mai Anh");
	assert_int_equal(mn_child_update(&f->ctx, &got, 0, &err), MN_OK);
	assert_int_equal(count_rows(&f->ctx, "SELECT count(*) FROM audit a "
	    "JOIN audit_values v ON v.audit_id = a.id WHERE a.row_id = ?1 "
	    "AND a.action = 'update' AND v.old_values LIKE '%\"Nguyễn Thị "
	    "Mai\"%' AND v.new_values LIKE '%Nguyễn Thị Mai Anh%'", c.id), 1);
	/* A stale version is a conflict and changes nothing. */
	got.version = 1;
	snprintf(got.full_name, sizeof got.full_name, "Nguyễn Thị Hoa");
	assert_int_equal(mn_child_update(&f->ctx, &got, 0, &err),
	    MN_ERR_CONFLICT);
}

static void
child_status_and_class_history(void **state)
{
	struct fixture *f = *state;
	struct mn_child c, got;
	struct mn_error err = { 0 };
	int64_t ka = add_class(f, "MG5A", "mg-5-6", 35);
	int64_t kb = add_class(f, "MG5B", "mg-5-6", 35);
	struct mn_date d = { f->y, 11, 2 }, e = { f->y, 12, 1 };

	sample_child(f, &c, ka, "Nguyễn Thị Mai");
	c.enrolment_date = (struct mn_date){ f->y, 9, 5 };
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_OK);
	assert_int_equal(mn_child_move(&f->ctx, c.id, kb, &d, 0, &err),
	    MN_OK);
	assert_int_equal(count_rows(&f->ctx, "SELECT count(*) FROM "
	    "child_class_history WHERE child_id = ?1", c.id), 2);
	assert_int_equal(count_rows(&f->ctx, "SELECT count(*) FROM "
	    "child_class_history WHERE child_id = ?1 AND to_date IS NULL",
	    c.id), 1);
	assert_int_equal(mn_child_set_status(&f->ctx, c.id, "transferred_out",
	    &e, "", &err), MN_ERR_INVALID);
	/* Before the enrolment date. */
	assert_int_equal(mn_child_set_status(&f->ctx, c.id, "left",
	    &(struct mn_date){ f->y - 6, 1, 1 }, "Sai ngày", &err),
	    MN_ERR_INVALID);
	assert_int_equal(mn_child_set_status(&f->ctx, c.id, "transferred_out",
	    &e, "Gia đình chuyển vào TP Hồ Chí Minh", &err), MN_OK);
	assert_int_equal(mn_child_get(&f->ctx, c.id, &got, &err), MN_OK);
	assert_string_equal(got.status, "transferred_out");
	assert_int_equal(got.class_id, 0);
	assert_int_equal(count_rows(&f->ctx, "SELECT count(*) FROM "
	    "child_class_history WHERE child_id = ?1 AND to_date IS NULL",
	    c.id), 0);
	assert_int_equal(count_rows(&f->ctx, "SELECT count(*) FROM "
	    "child_status_events WHERE child_id = ?1", c.id), 2);
}

static void
promotion_preview_and_apply(void **state)
{
	struct fixture *f = *state;
	struct mn_promotion_plan plan;
	struct mn_school_year next;
	struct mn_child c, got;
	struct mn_error err = { 0 };
	struct mn_date a = { f->y + 1, 8, 5 }, b = { f->y + 2, 5, 31 };
	char name[32];
	int64_t k4 = add_class(f, "MG4A", "mg-4-5", 30);
	int64_t k5 = add_class(f, "MG5A", "mg-5-6", 35);
	int64_t young, old, n5, from = f->year.id;

	sample_child(f, &c, k4, "Lê Văn Hùng");
	c.sex = 'M';
	c.birth_date.year += 1;
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_OK);
	young = c.id;
	sample_child(f, &c, k5, "Lê Thị Lan");
	assert_int_equal(mn_child_add(&f->ctx, &c, 0, &err), MN_OK);
	old = c.id;

	snprintf(name, sizeof name, "%d-%d", f->y + 1, f->y + 2);
	assert_int_equal(mn_school_year_add(&f->ctx, name, &a, &b, NULL,
	    &err), MN_OK);
	assert_int_equal(mn_school_year_find(&f->ctx, name, &next, &err),
	    MN_OK);
	f->year = next;
	n5 = add_class(f, "MG5A", "mg-5-6", 35);

	assert_int_equal(mn_promotion_preview(&f->ctx, from, next.id, &plan,
	    &err), MN_OK);
	assert_int_equal(plan.count, 2);
	for (size_t i = 0; i < plan.count; i++) {
		if (plan.items[i].child_id == young) {
			assert_int_equal(plan.items[i].action,
			    MN_PROMOTE_MOVE);
			assert_string_equal(plan.items[i].to_class, "MG5A");
			assert_int_equal(plan.items[i].to_class_id, n5);
		} else {
			assert_int_equal(plan.items[i].child_id, old);
			assert_int_equal(plan.items[i].action,
			    MN_PROMOTE_GRADUATE);
		}
	}
	/* The preview wrote nothing. */
	assert_int_equal(mn_child_get(&f->ctx, young, &got, &err), MN_OK);
	assert_int_equal(got.class_id, k4);
	assert_int_equal(mn_promotion_apply(&f->ctx, &plan, &err), MN_OK);
	/* Applying the same plan twice is refused: it is stale. */
	assert_int_equal(mn_promotion_apply(&f->ctx, &plan, &err),
	    MN_ERR_CONFLICT);
	mn_promotion_free(&plan);
	assert_int_equal(mn_child_get(&f->ctx, young, &got, &err), MN_OK);
	assert_int_equal(got.class_id, n5);
	assert_int_equal(mn_child_get(&f->ctx, old, &got, &err), MN_OK);
	assert_string_equal(got.status, "graduated");
	assert_int_equal(got.class_id, 0);
}

static void
staff_add_and_read(void **state)
{
	struct fixture *f = *state;
	struct mn_staff s = { 0 }, got;
	struct mn_error err = { 0 };

	snprintf(s.full_name, sizeof s.full_name, "Phạm Thị Thu");
	s.sex = 'F';
	s.birth_date = (struct mn_date){ 1988, 6, 2 };
	snprintf(s.position, sizeof s.position, "Nhân viên y tế");
	snprintf(s.phone, sizeof s.phone, "0987654321");
	assert_int_equal(mn_staff_add(&f->ctx, &s, &err), MN_OK);
	assert_string_equal(s.staff_code, "CB-001");
	assert_int_equal(mn_staff_get(&f->ctx, s.id, &got, &err), MN_OK);
	assert_string_equal(got.full_name, "Phạm Thị Thu");
	assert_int_equal(count_rows(&f->ctx, "SELECT count(*) FROM audit "
	    "WHERE action = 'view' AND table_name = 'staff' AND row_id = ?1",
	    s.id), 1);
	memset(&s, 0, sizeof s);
	snprintf(s.full_name, sizeof s.full_name, "Phạm Thị Thu");
	s.sex = 'F';
	snprintf(s.phone, sizeof s.phone, "12");
	assert_int_equal(mn_staff_add(&f->ctx, &s, &err), MN_ERR_INVALID);
}

struct counter {
	int n;
	char last[300];
};

static int
count_pair(const char *code, const char *label, void *arg)
{
	struct counter *c = arg;

	c->n++;
	snprintf(c->last, sizeof c->last, "%s %s", code, label);
	return 0;
}

static int
count_day_off(const struct mn_day_off *d, void *arg)
{
	struct counter *c = arg;

	c->n++;
	snprintf(c->last, sizeof c->last, "%d %s", d->makeup, d->name);
	return 0;
}

static void
code_lists_seeded(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct counter c = { 0, "" };

	assert_int_equal(mn_ethnicity_list(&f->ctx, count_pair, &c, &err),
	    MN_OK);
	/* 54 groups and the foreigner entry. */
	assert_int_equal(c.n, 55);
	assert_string_equal(c.last, "55 Người nước ngoài");
	c.n = 0;
	assert_int_equal(mn_age_group_list(&f->ctx, count_pair, &c, &err),
	    MN_OK);
	assert_int_equal(c.n, 6);
	assert_string_equal(c.last, "mg-5-6 Mẫu giáo 5-6 tuổi");
	c.n = 0;
	assert_int_equal(mn_policy_category_list(&f->ctx, count_pair, &c,
	    &err), MN_OK);
	assert_int_equal(c.n, 16);
}

static void
day_off_list_in_range(void **state)
{
	struct fixture *f = *state;
	struct mn_error err = { 0 };
	struct counter c = { 0, "" };
	struct mn_date a = { f->y + 1, 1, 1 }, b = { f->y + 1, 1, 3 };
	struct mn_date sat = { f->y + 1, 1, 16 };
	struct mn_date from = { f->y, 12, 1 }, to = { f->y + 1, 1, 31 };

	assert_int_equal(mn_holiday_add(&f->ctx, "Tết Dương lịch", &a, &b,
	    NULL, &err), MN_OK);
	while (mn_date_weekday(&sat) != 5)
		sat.day++;
	assert_int_equal(mn_makeup_day_add(&f->ctx, &sat, "Học bù", NULL,
	    &err), MN_OK);
	assert_int_equal(mn_day_off_list(&f->ctx, &from, &to, count_day_off,
	    &c, &err), MN_OK);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.last, "1 Học bù");
	c.n = 0;
	to = (struct mn_date){ f->y, 12, 31 };
	assert_int_equal(mn_day_off_list(&f->ctx, &from, &to, count_day_off,
	    &c, &err), MN_OK);
	assert_int_equal(c.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(calendar_school_days, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(calendar_bad_year_rejected,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(class_capacity_legal_max,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(child_id_matching_accepted,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(child_id_mismatch_needs_reason,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(child_bad_id_form_rejected,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(child_bad_fields_rejected,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(child_minority_names_valid,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(child_age_group_override,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(child_duplicate_rejected,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(children_list_order, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(teacher_scope_own_class_only,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(admin_sees_no_health_data,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(child_view_and_update_audited,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    child_status_and_class_history, setup, teardown),
		cmocka_unit_test_setup_teardown(promotion_preview_and_apply,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(staff_add_and_read, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(code_lists_seeded, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(day_off_list_in_range, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
