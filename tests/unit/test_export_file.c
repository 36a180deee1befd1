/*
 * mn_export_write: the kinds and who may export them, the approval that
 * personal kinds need, access to the registers, parameter errors naming
 * their field, and a register written as the table readers return it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "core/config.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/export_file.h"
#include "core/reg_io.h"
#include "core/registers.h"
#include "core/table.h"

static struct mn_ctx ctx;
static struct mn_config cfg;
static int serial;

static int
setup(void **state)
{
	struct mn_error err = { 0 };
	struct mn_date today, first, last;
	char name[32];
	int y;

	(void)state;
	test_open_db(&ctx, &cfg);
	mn_date_today(&today);
	y = today.month >= 8 ? today.year : today.year - 1;
	first = (struct mn_date){ y, 8, 1 };
	last = (struct mn_date){ y + 1, 7, 31 };
	snprintf(name, sizeof name, "%d-%d", y, y + 1);
	if (mn_school_year_add(&ctx, name, &first, &last, NULL, &err) !=
	    MN_OK)
		fail_msg("school year: %s", err.message);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	test_close_db(&ctx);
	return 0;
}

static const char *
out_path(void)
{
	static char path[4096];

	snprintf(path, sizeof path, "%s/export-%d.out", test_tmpdir(),
	    ++serial);
	return path;
}

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	text = calloc(1, (size_t)n + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return text;
}

static void
kind_names_round_trip(void **state)
{
	enum mn_export_kind kind;

	(void)state;
	for (int k = 0; k < MN_EXPORT_KIND_COUNT; k++) {
		const char *name = mn_export_kind_name(k);

		assert_non_null(name);
		assert_true(mn_export_kind_parse(name, &kind));
		assert_int_equal(kind, k);
		assert_true(mn_export_kind_label(k)[0] != '\0');
	}
	assert_false(mn_export_kind_parse("health", &kind));
	assert_false(mn_export_kind_parse(NULL, &kind));
	assert_null(mn_export_kind_name(MN_EXPORT_KIND_COUNT));
}

static void
personal_kinds(void **state)
{
	(void)state;
	assert_true(mn_export_kind_personal(MN_EXPORT_CHILDREN));
	assert_true(mn_export_kind_personal(MN_EXPORT_STAFF));
	assert_true(mn_export_kind_personal(MN_EXPORT_ATTENDANCE));
	assert_true(mn_export_kind_personal(MN_EXPORT_GROWTH));
	assert_false(mn_export_kind_personal(MN_EXPORT_CLASSES));
	assert_false(mn_export_kind_personal(MN_EXPORT_MARKET));
	assert_false(mn_export_kind_personal(MN_EXPORT_MEALFEES));
}

static void
kinds_offered_by_role(void **state)
{
	struct mn_actor kitchen = { .roles = MN_ROLE_KITCHEN };
	struct mn_actor parent = { .roles = MN_ROLE_PARENT };
	struct mn_actor clerk = { .roles = MN_ROLE_CLERK };

	(void)state;
	assert_true(mn_export_kind_allowed(&kitchen, MN_EXPORT_MARKET));
	assert_true(mn_export_kind_allowed(&kitchen, MN_EXPORT_CLASSES));
	assert_false(mn_export_kind_allowed(&kitchen, MN_EXPORT_CHILDREN));
	assert_false(mn_export_kind_allowed(&kitchen, MN_EXPORT_MEALFEES));
	assert_true(mn_export_kind_allowed(&clerk, MN_EXPORT_CHILDREN));
	assert_false(mn_export_kind_allowed(&clerk, MN_EXPORT_GROWTH));
	for (int k = 0; k < MN_EXPORT_KIND_COUNT; k++)
		assert_false(mn_export_kind_allowed(&parent, k));
}

static void
personal_kind_needs_approval(void **state)
{
	static const enum mn_export_kind personal[] = { MN_EXPORT_CHILDREN,
	    MN_EXPORT_STAFF, MN_EXPORT_ATTENDANCE, MN_EXPORT_GROWTH };

	(void)state;
	for (size_t i = 0; i < sizeof personal / sizeof *personal; i++) {
		struct mn_export_request req = { .kind = personal[i],
		    .class_code = "MG5A", .month = "2026-11",
		    .round = "2026-11" };
		struct mn_error err = { 0 };
		const char *path = out_path();
		struct stat st;

		assert_int_equal(mn_export_write(&ctx, &req, path, &err),
		    MN_ERR_DENIED);
		assert_string_equal(err.field, "approval");
		assert_int_not_equal(stat(path, &st), 0);
		req.approval = "AAAA-BBBB-CCCC";
		assert_int_equal(mn_export_write(&ctx, &req, path, &err),
		    MN_ERR_DENIED);
		assert_string_equal(err.field, "approval");
	}
}

static void
classes_written_as_read(void **state)
{
	struct mn_export_request req = { .kind = MN_EXPORT_CLASSES };
	struct mn_error err = { 0 };
	struct mn_table t;
	const char *path = out_path(), *expected_path = out_path();
	char *got, *expected;
	FILE *f;

	(void)state;
	if (mn_export_write(&ctx, &req, path, &err) != MN_OK)
		fail_msg("export classes: %s", err.message);
	assert_int_equal(mn_export_classes(&ctx, NULL, NULL, &t, &err), MN_OK);
	f = fopen(expected_path, "wb");
	assert_non_null(f);
	assert_int_equal(mn_csv_write_table(f, &t, &err), MN_OK);
	fclose(f);
	mn_table_free(&t);
	got = read_all(path);
	expected = read_all(expected_path);
	assert_true(strlen(got) > 0);
	assert_string_equal(got, expected);
	free(got);
	free(expected);
}

static void
register_denied_to_parent(void **state)
{
	struct mn_export_request req = { .kind = MN_EXPORT_CLASSES };
	struct mn_actor host = ctx.actor;
	struct mn_error err = { 0 };

	(void)state;
	ctx.actor.roles = MN_ROLE_PARENT;
	ctx.actor.account_id = 0;
	assert_int_equal(mn_export_write(&ctx, &req, out_path(), &err),
	    MN_ERR_DENIED);
	ctx.actor = host;
}

static void
bad_parameters_name_field(void **state)
{
	static const struct {
		struct mn_export_request req;
		const char *field;
	} cases[] = {
		{ { .kind = MN_EXPORT_MARKET }, "date" },
		{ { .kind = MN_EXPORT_MARKET, .date = "31/02/2026" }, "date" },
		{ { .kind = MN_EXPORT_MEALFEES, .month = "2026-13" },
		    "month" },
		{ { .kind = MN_EXPORT_MEALFEES }, "month" },
		{ { .kind = MN_EXPORT_MENU, .group = "mau-giao" }, "week" },
		{ { .kind = MN_EXPORT_MENU, .week = "2026-W10",
		    .group = "lop-la" }, "group" },
		{ { .kind = MN_EXPORT_NUTRITION, .date = "2026-12-01" },
		    "group" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct mn_error err = { 0 };
		int rc = mn_export_write(&ctx, &cases[i].req, out_path(),
		    &err);

		if (rc != MN_ERR_INVALID || strcmp(err.field,
		    cases[i].field) != 0)
			fail_msg("case %zu: rc %d field '%s', expected field "
			    "'%s'", i, rc, err.field, cases[i].field);
	}
}

static void
missing_path_rejected(void **state)
{
	struct mn_export_request req = { .kind = MN_EXPORT_CLASSES };
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_export_write(&ctx, &req, NULL, &err),
	    MN_ERR_INVALID);
	assert_int_equal(mn_export_write(&ctx, &req, "", &err),
	    MN_ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kind_names_round_trip),
		cmocka_unit_test(personal_kinds),
		cmocka_unit_test(kinds_offered_by_role),
		cmocka_unit_test_setup_teardown(personal_kind_needs_approval,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(classes_written_as_read,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(register_denied_to_parent,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(bad_parameters_name_field,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(missing_path_rejected,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
