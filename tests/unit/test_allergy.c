/*
 * Allergy links (allergy.c) and the day's allergy check that uses them
 * (kitchen_allergy.c), on the shipped food table and allergen groups.
 * A group link flags every dish food of the group, and a food link
 * flags that food.  A child whose allergy text is not yet linked is
 * listed for a check by hand.  Only the nurse, the principal and the
 * host link.
 *
 * Monday 2026-11-30, kindergarten: lunch "Tôm rim thịt" (Tôm biển, Thịt
 * lợn nạc), "Canh cua rau mồng tơi" (Cua đồng, Rau mồng tơi); snack
 * "Sữa tươi" (Sữa bò tươi).  Tuesday has no menu.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/allergy.h"
#include "core/config.h"
#include "core/kitchen.h"
#include "helpers.h"

#define TOM_BIEN 8051
#define CUA_DONG 8034
#define THIT_LON_NAC 7017
#define RAU_MONG_TOI 4080
#define SUA_BO_TUOI 10001

struct fixture {
	struct mn_ctx ctx;
	struct mn_config cfg;
	int64_t class_id;
};

static const struct mn_date monday = { 2026, 11, 30 };
static const struct mn_date tuesday = { 2026, 12, 1 };

static void
act_as(struct mn_ctx *ctx, unsigned roles, const char *login)
{
	ctx->actor.roles = roles;
	ctx->actor.account_id = 0;
	snprintf(ctx->actor.login, sizeof ctx->actor.login, "%s", login);
}

static int
count_rows(struct mn_ctx *ctx, const char *sql)
{
	sqlite3_stmt *stmt;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(ctx->db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

static void
exec(struct mn_ctx *ctx, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(ctx->db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

static int64_t
add_dish(struct mn_ctx *ctx, const char *name, const int *codes, size_t n)
{
	struct mn_dish_item items[4];
	struct mn_error err = { 0 };
	int64_t id;

	for (size_t i = 0; i < n; i++) {
		items[i].food_code = codes[i];
		items[i].group = MN_GROUP_MAU_GIAO;
		items[i].edible_g = 20;
	}
	if (mn_kitchen_dish_add(ctx, name, items, n, &id, &err) != MN_OK)
		fail_msg("dish %s: %s", name, err.message);
	return id;
}

/* The shipped foods, Monday's menu and a kindergarten class. */
static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct mn_error err = { 0 };
	static const int shrimp[] = { TOM_BIEN, THIT_LON_NAC };
	static const int crab[] = { CUA_DONG, RAU_MONG_TOI };
	static const int milk[] = { SUA_BO_TUOI };
	int64_t lunch[2], snack;
	int added;

	mn_set_language(MN_LANG_EN);
	test_open_db(&fx->ctx, &fx->cfg);
	/* The menu needs a school day, and the children a class. */
	exec(&fx->ctx, "INSERT INTO school_years (name, first_day, last_day, "
	    "changed_by, changed_at) VALUES ('2026-2027', '2026-09-05', "
	    "'2027-05-31', 'test', '2026-09-01T00:00:00Z')");
	assert_int_equal(mn_kitchen_seed_foods(&fx->ctx, &added, &err), MN_OK);
	lunch[0] = add_dish(&fx->ctx, "Tôm rim thịt", shrimp, 2);
	lunch[1] = add_dish(&fx->ctx, "Canh cua rau mồng tơi", crab, 2);
	snack = add_dish(&fx->ctx, "Sữa tươi", milk, 1);
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_LUNCH, lunch, 2, &err), MN_OK);
	assert_int_equal(mn_kitchen_menu_set(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, MN_MEAL_SNACK, &snack, 1, &err), MN_OK);
	exec(&fx->ctx, "INSERT INTO classes (school_year_id, code, name, "
	    "age_group, capacity, changed_by, changed_at) VALUES (1, 'LA1', "
	    "'Lá 1', 'mg-5-6', 35, 'test', '2026-09-01T00:00:00Z')");
	fx->class_id = count_rows(&fx->ctx, "SELECT id FROM classes "
	    "WHERE code = 'LA1'");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	test_close_db(&fx->ctx);
	free(fx);
	mn_set_language(MN_LANG_VI);
	return 0;
}

/* Adds a child of the class from 2026-09-05; code orders the check. */
static int64_t
add_child(struct fixture *fx, const char *code, const char *name,
    const char *allergies)
{
	char sql[1024];
	int64_t id;

	snprintf(sql, sizeof sql, "INSERT INTO children (school_code, "
	    "full_name, name_fold, name_key, birth_date, sex, class_id, "
	    "enrolment_date, allergies, changed_by, changed_at) VALUES "
	    "('%s', '%s', '%s', '%s', '2021-03-01', 'F', %lld, '2026-09-05', "
	    "'%s', 'test', '2026-09-05T00:00:00Z')", code, name, code, code,
	    (long long)fx->class_id, allergies);
	exec(&fx->ctx, sql);
	id = sqlite3_last_insert_rowid(fx->ctx.db);
	snprintf(sql, sizeof sql, "INSERT INTO child_class_history "
	    "(child_id, class_id, from_date) VALUES (%lld, %lld, "
	    "'2026-09-05')", (long long)id, (long long)fx->class_id);
	exec(&fx->ctx, sql);
	return id;
}

static int64_t
group_id(struct mn_ctx *ctx, const char *code)
{
	struct mn_allergen_group g;
	struct mn_error err = { 0 };

	if (mn_allergy_group_find(ctx, code, &g, &err) != MN_OK)
		fail_msg("group %s: %s", code, err.message);
	return g.id;
}

/* The day's check for the kindergarten as the kitchen. */
static void
check_day(struct fixture *fx, const struct mn_date *day,
    struct mn_allergy_child **list, size_t *n)
{
	struct mn_error err = { 0 };
	struct mn_actor saved = fx->ctx.actor;

	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	if (mn_kitchen_allergy_children(&fx->ctx, day, MN_GROUP_MAU_GIAO,
	    list, n, &err) != MN_OK)
		fail_msg("day check: %s", err.message);
	fx->ctx.actor = saved;
}

/* Index of the child's row for food, or -1. */
static int
find_flag(const struct mn_allergy_child *list, size_t n, int64_t child,
    const char *food)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].child_id == child && strcmp(list[i].food, food)
		    == 0)
			return (int)i;
	return -1;
}

static int
rows_of(const struct mn_allergy_child *list, size_t n, int64_t child)
{
	int rows = 0;

	for (size_t i = 0; i < n; i++)
		rows += list[i].child_id == child;
	return rows;
}

static void
seafood_group_flags_shrimp_and_crab(void **state)
{
	struct fixture *fx = *state;
	struct mn_allergy_child *list;
	struct mn_error err = { 0 };
	int64_t child = add_child(fx, "C1", "Võ Tuấn Huy", "Hải sản");
	size_t n;
	int shrimp, crab;

	act_as(&fx->ctx, MN_ROLE_NURSE, "yte");
	assert_int_equal(mn_allergy_link_group(&fx->ctx, child,
	    group_id(&fx->ctx, "seafood"), "nổi mẩn", &err), MN_OK);
	check_day(fx, &monday, &list, &n);
	shrimp = find_flag(list, n, child, "Tôm biển");
	crab = find_flag(list, n, child, "Cua đồng");
	assert_true(shrimp >= 0);
	assert_true(crab >= 0);
	assert_string_equal(list[shrimp].dish, "Tôm rim thịt");
	assert_int_equal(list[shrimp].meal, MN_MEAL_LUNCH);
	assert_int_equal(list[shrimp].reason, MN_ALLERGY_LINKED);
	assert_string_equal(list[shrimp].via, "Seafood");
	assert_string_equal(list[shrimp].class_code, "LA1");
	assert_string_equal(list[crab].dish, "Canh cua rau mồng tơi");
	assert_false(list[crab].from_text);
	/* Linked: no "not yet linked" row, and nothing else flagged. */
	assert_int_equal(rows_of(list, n, child), 2);
	free(list);
}

static void
milk_group_flags_milk_only(void **state)
{
	struct fixture *fx = *state;
	struct mn_allergy_child *list;
	struct mn_error err = { 0 };
	int64_t child = add_child(fx, "C2", "Ngô Anh Tùng", "Đạm sữa bò");
	size_t n;
	int milk;

	act_as(&fx->ctx, MN_ROLE_PRINCIPAL, "hieutruong");
	assert_int_equal(mn_allergy_link_group(&fx->ctx, child,
	    group_id(&fx->ctx, "milk"), "", &err), MN_OK);
	check_day(fx, &monday, &list, &n);
	milk = find_flag(list, n, child, "Sữa bò tươi");
	assert_true(milk >= 0);
	assert_string_equal(list[milk].dish, "Sữa tươi");
	assert_int_equal(list[milk].meal, MN_MEAL_SNACK);
	assert_string_equal(list[milk].via, "Milk");
	assert_int_equal(rows_of(list, n, child), 1);
	free(list);
}

static void
food_link_flags_that_food(void **state)
{
	struct fixture *fx = *state;
	struct mn_allergy_child *list;
	struct mn_error err = { 0 };
	int64_t child = add_child(fx, "C3", "Phạm Gia Cường", "Thịt lợn");
	size_t n;
	int pork;

	act_as(&fx->ctx, MN_ROLE_NURSE, "yte");
	assert_int_equal(mn_allergy_link_food(&fx->ctx, child, THIT_LON_NAC,
	    "", &err), MN_OK);
	assert_int_equal(mn_allergy_link_food(&fx->ctx, child, 55555, "",
	    &err), MN_ERR_NOTFOUND);
	check_day(fx, &monday, &list, &n);
	pork = find_flag(list, n, child, "Thịt lợn nạc");
	assert_true(pork >= 0);
	assert_string_equal(list[pork].dish, "Tôm rim thịt");
	assert_string_equal(list[pork].via, "");
	assert_int_equal(list[pork].reason, MN_ALLERGY_LINKED);
	assert_int_equal(rows_of(list, n, child), 1);
	free(list);
}

static void
unlinked_allergy_reported_unchecked(void **state)
{
	struct fixture *fx = *state;
	struct mn_allergy_child *list;
	struct mn_error err = { 0 };
	int64_t seafood = add_child(fx, "C4", "Lò Thị Uyên", "Hải sản");
	int64_t shrimp = add_child(fx, "C5", "Đỗ Khánh My", "Tôm, cua");
	int64_t none = add_child(fx, "C6", "Trần Thị An", "");
	size_t n;
	int i;

	check_day(fx, &monday, &list, &n);
	/* Each child's rows start with the "not yet linked" row. */
	assert_int_equal(rows_of(list, n, seafood), 1);
	assert_int_equal(list[0].child_id, seafood);
	assert_int_equal(list[0].reason, MN_ALLERGY_UNLINKED);
	assert_string_equal(list[0].allergies, "Hải sản");
	assert_string_equal(list[0].food, "");
	assert_int_equal(list[1].child_id, shrimp);
	assert_int_equal(list[1].reason, MN_ALLERGY_UNLINKED);
	/* The unlinked text still flags the foods it names. */
	i = find_flag(list, n, shrimp, "Tôm biển");
	assert_true(i >= 0);
	assert_int_equal(list[i].reason, MN_ALLERGY_TEXT);
	assert_true(list[i].from_text);
	assert_true(find_flag(list, n, shrimp, "Cua đồng") >= 0);
	assert_int_equal(rows_of(list, n, none), 0);
	free(list);

	/* Listed on a day without a menu too. */
	check_day(fx, &tuesday, &list, &n);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].reason, MN_ALLERGY_UNLINKED);
	assert_int_equal(list[1].reason, MN_ALLERGY_UNLINKED);
	free(list);

	/* Checked by the nurse: off the list until the text changes. */
	act_as(&fx->ctx, MN_ROLE_NURSE, "yte");
	assert_int_equal(mn_allergy_mark_checked(&fx->ctx, seafood, &err),
	    MN_OK);
	check_day(fx, &tuesday, &list, &n);
	assert_int_equal(rows_of(list, n, seafood), 0);
	free(list);
	exec(&fx->ctx, "UPDATE children SET allergies = 'Hải sản, trứng' "
	    "WHERE school_code = 'C4'");
	check_day(fx, &tuesday, &list, &n);
	assert_int_equal(rows_of(list, n, seafood), 1);
	assert_string_equal(list[0].allergies, "Hải sản, trứng");
	free(list);
}

static void
changed_text_listed_with_links(void **state)
{
	struct fixture *fx = *state;
	struct mn_allergy_child *list;
	struct mn_allergy_state s;
	struct mn_error err = { 0 };
	int64_t child = add_child(fx, "C7", "Vũ Kim Linh", "Tôm");
	size_t n;

	act_as(&fx->ctx, MN_ROLE_NURSE, "yte");
	assert_int_equal(mn_allergy_link_group(&fx->ctx, child,
	    group_id(&fx->ctx, "crustacean"), "", &err), MN_OK);
	assert_int_equal(mn_allergy_state_get(&fx->ctx, child, &s, &err),
	    MN_OK);
	assert_false(s.unlinked);
	assert_true(s.reviewed);
	assert_string_equal(s.reviewed_text, "Tôm");
	mn_allergy_state_free(&s);
	exec(&fx->ctx, "UPDATE children SET allergies = 'Tôm, sữa' "
	    "WHERE school_code = 'C7'");
	assert_int_equal(mn_allergy_state_get(&fx->ctx, child, &s, &err),
	    MN_OK);
	assert_true(s.unlinked);
	mn_allergy_state_free(&s);
	check_day(fx, &monday, &list, &n);
	/* Not yet linked, flagged by the link, and by the new text. */
	assert_int_equal(list[0].child_id, child);
	assert_int_equal(list[0].reason, MN_ALLERGY_UNLINKED);
	assert_int_equal(list[find_flag(list, n, child, "Tôm biển")].reason,
	    MN_ALLERGY_LINKED);
	assert_int_equal(list[find_flag(list, n, child, "Sữa bò tươi")].reason,
	    MN_ALLERGY_TEXT);
	free(list);
}

static void
link_remove_and_conflicts(void **state)
{
	struct fixture *fx = *state;
	struct mn_allergy_state s;
	struct mn_allergy_link stale;
	struct mn_error err = { 0 };
	int64_t child = add_child(fx, "C8", "Hồ Bảo Giang", "Trứng, sữa");
	int64_t egg = group_id(&fx->ctx, "egg");

	act_as(&fx->ctx, MN_ROLE_NURSE, "yte");
	assert_int_equal(mn_allergy_link_group(&fx->ctx, child, egg, "",
	    &err), MN_OK);
	assert_int_equal(mn_allergy_link_group(&fx->ctx, child, egg, "",
	    &err), MN_ERR_EXISTS);
	assert_int_equal(mn_allergy_link_group(&fx->ctx, child, 9999, "",
	    &err), MN_ERR_NOTFOUND);
	assert_int_equal(mn_allergy_link_group(&fx->ctx, 99999, egg, "",
	    &err), MN_ERR_NOTFOUND);
	assert_int_equal(mn_allergy_link_food(&fx->ctx, child, SUA_BO_TUOI,
	    "sữa \"tươi\"", &err), MN_OK);
	assert_int_equal(mn_allergy_state_get(&fx->ctx, child, &s, &err),
	    MN_OK);
	assert_int_equal(s.count, 2);
	assert_int_equal(s.links[0].kind, MN_ALLERGY_LINK_GROUP);
	assert_string_equal(s.links[0].name, "Egg");
	assert_string_equal(s.links[0].changed_by, "yte");
	assert_int_equal(s.links[1].kind, MN_ALLERGY_LINK_FOOD);
	assert_int_equal(s.links[1].food_code, SUA_BO_TUOI);
	assert_string_equal(s.links[1].note, "sữa \"tươi\"");
	stale = s.links[0];
	stale.version++;
	assert_int_equal(mn_allergy_unlink(&fx->ctx, child, &stale, &err),
	    MN_ERR_CONFLICT);
	assert_int_equal(mn_allergy_unlink(&fx->ctx, child, &s.links[0],
	    &err), MN_OK);
	assert_int_equal(mn_allergy_unlink(&fx->ctx, child, &s.links[0],
	    &err), MN_ERR_CONFLICT);
	mn_allergy_state_free(&s);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "child_allergy_groups"), 0);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM audit "
	    "WHERE action = 'insert' AND table_name IN "
	    "('child_allergy_groups', 'child_allergies')"), 2);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM audit "
	    "WHERE action = 'delete' AND table_name = "
	    "'child_allergy_groups'"), 1);
	/* The audit values stay valid JSON with a quote in the note. */
	assert_int_equal(count_rows(&fx->ctx, "SELECT json_extract("
	    "v.new_values, '$.note') = 'sữa \"tươi\"' FROM audit a "
	    "JOIN audit_values v ON v.audit_id = a.id WHERE a.action = "
	    "'insert' AND a.table_name = 'child_allergies'"), 1);
	/* Every change records the text it was made against. */
	assert_int_equal(count_rows(&fx->ctx, "SELECT version FROM "
	    "child_allergy_reviews"), 3);
}

static void
teacher_and_parent_cannot_link(void **state)
{
	struct fixture *fx = *state;
	struct mn_allergy_state s;
	struct mn_error err = { 0 };
	int64_t child = add_child(fx, "C9", "Đỗ Nhật Hiếu", "Hải sản");
	int64_t seafood = group_id(&fx->ctx, "seafood");
	int denied = count_rows(&fx->ctx, "SELECT count(*) FROM audit WHERE "
	    "action = 'denied' AND detail = 'allergy_write'");

	act_as(&fx->ctx, MN_ROLE_TEACHER, "giaovien");
	assert_int_equal(mn_allergy_link_group(&fx->ctx, child, seafood, "",
	    &err), MN_ERR_DENIED);
	assert_int_equal(mn_allergy_mark_checked(&fx->ctx, child, &err),
	    MN_ERR_DENIED);
	/* Teachers read the links of their own classes only. */
	assert_int_equal(mn_allergy_state_get(&fx->ctx, child, &s, &err),
	    MN_ERR_DENIED);
	act_as(&fx->ctx, MN_ROLE_PARENT, "phuhuynh");
	assert_int_equal(mn_allergy_link_food(&fx->ctx, child, TOM_BIEN, "",
	    &err), MN_ERR_DENIED);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_allergy_link_group(&fx->ctx, child, seafood, "",
	    &err), MN_ERR_DENIED);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM audit "
	    "WHERE action = 'denied' AND detail = 'allergy_write'"),
	    denied + 4);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "child_allergy_groups"), 0);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "child_allergy_reviews"), 0);
}

static void
accountant_cannot_read_day_check(void **state)
{
	struct fixture *fx = *state;
	struct mn_allergy_child *list;
	struct mn_error err = { 0 };
	size_t n;

	add_child(fx, "C1", "Võ Tuấn Huy", "Hải sản");
	act_as(&fx->ctx, MN_ROLE_ACCOUNTANT, "ketoan");
	assert_int_equal(mn_kitchen_allergy_children(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, &list, &n, &err), MN_ERR_DENIED);
	assert_int_equal(n, 0);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM audit "
	    "WHERE action = 'denied' AND detail = 'allergy_read'"), 1);
	act_as(&fx->ctx, MN_ROLE_KITCHEN, "bep");
	assert_int_equal(mn_kitchen_allergy_children(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, &list, &n, &err), MN_OK);
	assert_int_equal(n, 1);
	free(list);

	/* The child is in no class of this teacher's, so none is listed. */
	act_as(&fx->ctx, MN_ROLE_TEACHER, "giaovien");
	assert_int_equal(mn_kitchen_allergy_children(&fx->ctx, &monday,
	    MN_GROUP_MAU_GIAO, &list, &n, &err), MN_OK);
	assert_int_equal(n, 0);
	free(list);
}

/* Every member code is a food of the shipped table, and name traps. */
static void
groups_match_shipped_foods(void **state)
{
	struct fixture *fx = *state;
	struct mn_allergen_group *groups;
	struct mn_error err = { 0 };
	size_t n;

	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "allergen_group_foods gf LEFT JOIN foods f "
	    "ON f.code = gf.food_code WHERE f.id IS NULL"), 0);
	assert_int_equal(mn_allergy_groups(&fx->ctx, &groups, &n, &err),
	    MN_OK);
	assert_int_equal(n, 11);
	assert_string_equal(groups[0].code, "seafood");
	for (size_t i = 0; i < n; i++)
		if (groups[i].foods == 0)
			fail_msg("group %s has no food", groups[i].code);
	free(groups);
	/* Seafood covers crustaceans, molluscs and fish. */
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "allergen_group_foods gf JOIN allergen_groups g "
	    "ON g.id = gf.group_id WHERE g.code IN ('crustacean', "
	    "'mollusc', 'fish') AND gf.food_code NOT IN (SELECT food_code "
	    "FROM allergen_group_foods s JOIN allergen_groups sg "
	    "ON sg.id = s.group_id WHERE sg.code = 'seafood')"), 0);
	/* Quả trứng gà is a fruit, Trứng cá is fish roe. */
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "allergen_group_foods WHERE food_code = 5045"), 0);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "allergen_group_foods gf JOIN allergen_groups g "
	    "ON g.id = gf.group_id WHERE gf.food_code = 9008 "
	    "AND g.code IN ('fish', 'seafood')"), 2);
	assert_int_equal(count_rows(&fx->ctx, "SELECT count(*) FROM "
	    "allergen_group_foods gf JOIN allergen_groups g "
	    "ON g.id = gf.group_id WHERE gf.food_code = 9008 "
	    "AND g.code = 'egg'"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T_(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T_(seafood_group_flags_shrimp_and_crab),
		T_(milk_group_flags_milk_only),
		T_(food_link_flags_that_food),
		T_(unlinked_allergy_reported_unchecked),
		T_(changed_text_listed_with_links),
		T_(link_remove_and_conflicts),
		T_(teacher_and_parent_cannot_link),
		T_(accountant_cannot_read_day_check),
		T_(groups_match_shipped_foods),
#undef T_
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
