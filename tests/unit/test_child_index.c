/*
 * The in-memory children index that list screens narrow per keystroke.
 */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "core/config.h"
#include "core/demo_registers.h"
#include "core/registers.h"
#include "core/text.h"

static struct mn_ctx ctx;
static struct mn_config cfg;

static int
setup(void **state)
{
	struct mn_error err = { 0 };

	(void)state;
	test_open_db(&ctx, &cfg);
	if (mn_demo_registers(&ctx, 7, &err) != MN_OK)
		fail_msg("demo: %s", err.message);
	ctx.actor.roles = MN_ROLE_PRINCIPAL;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	test_close_db(&ctx);
	return 0;
}

static int
count_row(const struct mn_child *c, void *arg)
{
	(void)c;
	(*(int *)arg)++;
	return 0;
}

/* A one-word search finds the same children as the database query. */
static void
index_matches_query(void **state)
{
	static const char *needles[] = { "nguyen", "NGUYỄN", "dung", "ha",
	    "đ", "2025-00", "zzz" };
	struct mn_child_index idx;
	struct mn_error err = { 0 };
	size_t *matches;

	(void)state;
	assert_int_equal(mn_child_index_load(&ctx, NULL, &idx, &err), MN_OK);
	assert_true(idx.count > 300);
	matches = calloc(idx.count, sizeof *matches);
	assert_non_null(matches);
	for (size_t i = 0; i < sizeof needles / sizeof *needles; i++) {
		struct mn_child_filter f = { 0 };
		int expected = 0;
		size_t found;

		f.search = needles[i];
		assert_int_equal(mn_child_list(&ctx, &f, count_row, &expected,
		    &err), MN_OK);
		found = mn_child_index_search(&idx, needles[i], matches);
		if ((int)found != expected)
			fail_msg("\"%s\": index %zu, query %d", needles[i],
			    found, expected);
	}
	assert_int_equal(mn_child_index_search(&idx, "", matches), idx.count);
	free(matches);
	mn_child_index_free(&idx);
}

/* Every word must occur, in any order, accents ignored. */
static void
index_needs_every_word(void **state)
{
	struct mn_child_index idx;
	struct mn_error err = { 0 };
	size_t *matches, found;

	(void)state;
	assert_int_equal(mn_child_index_load(&ctx, NULL, &idx, &err), MN_OK);
	matches = calloc(idx.count, sizeof *matches);
	assert_non_null(matches);
	found = mn_child_index_search(&idx, "thi nguyen", matches);
	assert_true(found > 0);
	for (size_t i = 0; i < found; i++) {
		char *fold = mn_text_fold(idx.rows[matches[i]].full_name);

		assert_non_null(strstr(fold, "nguyen"));
		assert_non_null(strstr(fold, "thi"));
		free(fold);
	}
	free(matches);
	mn_child_index_free(&idx);
}

/* The index keeps the list order of the database. */
static void
index_keeps_list_order(void **state)
{
	struct mn_child_index idx;
	struct mn_error err = { 0 };

	(void)state;
	assert_int_equal(mn_child_index_load(&ctx, NULL, &idx, &err), MN_OK);
	for (size_t i = 1; i < idx.count; i++)
		assert_true(strcmp(idx.rows[i - 1].class_code,
		    idx.rows[i].class_code) <= 0);
	mn_child_index_free(&idx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(index_matches_query, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(index_needs_every_word, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(index_keeps_list_order, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("child_index", tests, NULL, NULL);
}
