/*
 * Dishes: the list of dishes, and each dish's ingredients per age group
 * in edible grams per child with the bought weight derived from the
 * food's refuse share.  The kitchen adds dishes, renames them and adds,
 * changes or removes ingredients; the principal reads.  Each ingredient
 * change is saved at once with the dish version read, so a change made
 * meanwhile by someone else is reported as a conflict.  A dish on a past
 * or approved menu is marked with that day, and the core rejects a
 * change to it.  "Copy" makes a new dish with its ingredients.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kitchen_edit.h"
#include "core/validate.h"
#include "tui/kitchen_ui.h"
#include "tui/screens.h"

enum {
	ACT_OPEN = TUI_ACT_USER,
	ACT_NEW,
	ACT_RENAME,
	ACT_COPY,
	ACT_ADD_ITEM,
	ACT_EDIT_ITEM,
	ACT_REMOVE_ITEM,
};

static const struct tui_keydef list_keys[] = {
	{ { TK_ENTER }, "Enter", "Ingredients", "Nguyên liệu", ACT_OPEN },
	{ { 'n', TK(KEY_IC) }, "n", "New dish", "Thêm món", ACT_NEW },
	{ { 'r' }, "r", "Rename", "Đổi tên", ACT_RENAME },
	{ { 'c' }, "c", "Copy dish", "Sao chép món", ACT_COPY },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef item_keys[] = {
	{ { 'a', TK(KEY_IC) }, "a", "Add", "Thêm", ACT_ADD_ITEM },
	{ { TK_ENTER, 'e' }, "Enter", "Change", "Sửa", ACT_EDIT_ITEM },
	{ { 'x', TK(KEY_DC) }, "x", "Remove", "Bỏ", ACT_REMOVE_ITEM },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/* Keys that change dishes; the principal and others only read. */
static const struct kui_key_right plan_keys[] = {
	{ ACT_NEW, MN_KITCHEN_DISHES },
	{ ACT_RENAME, MN_KITCHEN_DISHES },
	{ ACT_COPY, MN_KITCHEN_DISHES },
	{ ACT_ADD_ITEM, MN_KITCHEN_DISHES },
	{ ACT_EDIT_ITEM, MN_KITCHEN_DISHES },
	{ ACT_REMOVE_ITEM, MN_KITCHEN_DISHES },
};

#define NPLAN (sizeof plan_keys / sizeof plan_keys[0])
#define KEYS_MAX 16

static const struct tui_column dish_columns[] = {
	{ "Dish", "Món ăn", 0 },
	{ "Crèche", "Nhà trẻ", 8 },
	{ "Kindergarten", "Mẫu giáo", 8 },
	{ "Fixed by menu of", "Khóa theo TĐ", 12 },
};

static const struct tui_column item_columns[] = {
	{ "Group", "Nhóm", 9 },
	{ "Code", "Mã", 6 },
	{ "Food", "Thực phẩm", 26 },
	{ "Edible g", "Ăn được g", 9 },
	{ "Refuse %", "Thải bỏ %", 9 },
	{ "Bought g", "Mua g", 0 },
};

/* ---- The ingredient form ------------------------------------------------ */

enum { I_GROUP, I_FOOD, I_GRAMS, I_ROWS };

/* Parses "nha-tre", "mau-giao" or the group's label. */
static int
parse_group(const char *text, enum mn_age_group *g, struct mn_error *err)
{
	for (int i = 0; i < MN_GROUP_COUNT; i++)
		if (strcmp(text, mn_menu_group_key(i)) == 0 ||
		    strcmp(text, mn_menu_group_label(i)) == 0) {
			*g = i;
			return MN_OK;
		}
	return mn_fail(err, MN_ERR_INVALID, "group",
	    T("group: invalid value '%.30s'; expected %s or %s",
	    "nhóm tuổi: giá trị '%.30s' không hợp lệ; cần %s hoặc %s"), text,
	    mn_menu_group_label(MN_GROUP_NHA_TRE),
	    mn_menu_group_label(MN_GROUP_MAU_GIAO));
}

static int
parse_code(const char *text, int *code, struct mn_error *err)
{
	char *end;
	long n = strtol(text, &end, 10);

	if (text[0] == '\0' || *end != '\0' || n < 1 || n > 999999)
		return mn_fail(err, MN_ERR_INVALID, "food",
		    T("food: invalid code '%.20s'; expected a code of the food "
		    "table, such as 1004", "thực phẩm: mã '%.20s' không hợp "
		    "lệ; cần một mã trong bảng thực phẩm, ví dụ 1004"), text);
	*code = (int)n;
	return MN_OK;
}

/* Reads the ingredient form into item; errors name the form's rows. */
static int
read_item(struct tui_form *form, struct mn_dish_item *item,
    struct mn_error *err)
{
	char *text[I_ROWS], label[128];
	enum mn_age_group g = MN_GROUP_MAU_GIAO;
	int rc = MN_OK;

	for (int i = 0; i < I_ROWS; i++)
		if ((text[i] = tui_field_get(&form->rows[i].field)) == NULL)
			rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if (rc == MN_OK)
		rc = parse_group(text[I_GROUP], &g, err);
	if (rc == MN_OK)
		rc = parse_code(text[I_FOOD], &item->food_code, err);
	if (rc == MN_OK)
		rc = kui_parse_number(text[I_GRAMS], "edible_g",
		    kui_row_label(&form->rows[I_GRAMS], label, sizeof label),
		    false, &item->edible_g, err);
	item->group = g;
	for (int i = 0; i < I_ROWS; i++)
		free(text[i]);
	return rc;
}

/* The index of the food of group in d, or -1. */
static int
find_item(const struct mn_dish_detail *d, int food_code,
    enum mn_age_group group)
{
	for (size_t i = 0; i < d->count; i++)
		if (d->items[i].food_code == food_code &&
		    d->items[i].group == group)
			return (int)i;
	return -1;
}

/*
 * Saves d's items with item set (replacing the same food of the same
 * group, or added), checked against version.  orig, when the form
 * changed an existing ingredient, is left out, so that changing its
 * food or group does not keep the old one too.
 */
static int
save_item(struct tui *ui, const struct mn_dish_detail *d, int64_t version,
    const struct mn_dish_item *orig, const struct mn_dish_item *item,
    struct mn_error *err)
{
	struct mn_dish_item *items;
	size_t n = 0;
	bool replaced = false;
	int rc;

	if ((items = calloc(d->count + 1, sizeof *items)) == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	for (size_t i = 0; i < d->count; i++) {
		if (orig != NULL && d->items[i].food_code == orig->food_code &&
		    d->items[i].group == orig->group &&
		    (orig->food_code != item->food_code ||
		    orig->group != item->group))
			continue;
		items[n] = d->items[i];
		if (items[n].food_code == item->food_code &&
		    items[n].group == item->group) {
			items[n].edible_g = item->edible_g;
			replaced = true;
		}
		n++;
	}
	if (!replaced)
		items[n++] = *item;
	rc = mn_kitchen_dish_set_items(ui->ctx, d->id, version, items, n, err);
	free(items);
	return rc;
}

static void
init_item_rows(struct tui_form_row *rows)
{
	rows[I_GROUP] = (struct tui_form_row){ .name = "group",
	    .en = "Age group", .vi = "Nhóm tuổi" };
	rows[I_FOOD] = (struct tui_form_row){ .name = "food",
	    .en = "Food code", .vi = "Mã thực phẩm" };
	rows[I_GRAMS] = (struct tui_form_row){ .name = "edible_g",
	    .en = "Edible grams per child", .vi = "Số gam ăn được mỗi trẻ" };
	tui_field_init(&rows[I_GROUP].field, 20, TUI_SHOW);
	tui_field_init(&rows[I_FOOD].field, 6, TUI_SHOW);
	tui_field_init(&rows[I_GRAMS].field, 8, TUI_SHOW);
}

/*
 * Asks before the form's food replaces the weight of the same food
 * already in the dish for that age group (other than orig, the
 * ingredient being changed).  TUI_OK: save.
 */
static int
ask_replace(struct tui *ui, const struct mn_dish_detail *d,
    const struct mn_dish_item *orig, const struct mn_dish_item *it)
{
	char question[400], old[32], now[32];
	int i = find_item(d, it->food_code, it->group);

	if (i < 0 || (orig != NULL && orig->food_code == it->food_code &&
	    orig->group == it->group))
		return TUI_OK;
	kui_plain_number(d->items[i].edible_g, old, sizeof old);
	kui_plain_number(it->edible_g, now, sizeof now);
	snprintf(question, sizeof question, T("%s is already in the dish "
	    "for %s with %s g per child.  Replace it with %s g?", "%s đã có "
	    "trong món cho %s với %s g mỗi trẻ.  Thay bằng %s g?"),
	    d->foods[i].name, mn_menu_group_label(it->group), old, now);
	return tui_confirm(ui, question, false);
}

/*
 * Runs the ingredient form of dish d, prefilled with item (code 0: no
 * food yet).  orig is the ingredient being changed, NULL for a new one.
 * The draft key is "kitchen:dish_item:ID".
 */
static int
item_form(struct tui *ui, const struct mn_dish_detail *d,
    const struct mn_dish_item *item, const struct mn_dish_item *orig)
{
	struct tui_form_row rows[I_ROWS];
	struct tui_form form = { .rows = rows, .nrows = I_ROWS };
	char key[64], number[32], note[400], title[300];
	struct mn_food_row food;
	struct mn_error err;
	struct mn_date today;
	int rc;

	init_item_rows(rows);
	tui_field_set(&rows[I_GROUP].field, mn_menu_group_label(item->group));
	if (item->food_code > 0) {
		snprintf(number, sizeof number, "%d", item->food_code);
		tui_field_set(&rows[I_FOOD].field, number);
	}
	if (item->edible_g > 0) {
		kui_plain_number(item->edible_g, number, sizeof number);
		tui_field_set(&rows[I_GRAMS].field, number);
	}
	snprintf(key, sizeof key, "kitchen:dish_item:%lld", (long long)d->id);
	form.draft_key = key;
	form.version = d->version;
	mn_date_today(&today);
	mn_error_clear(&err);
	if (item->food_code > 0 && mn_kitchen_food_get(ui->ctx,
	    item->food_code, &today, &food, &err) == MN_OK) {
		kui_number(food.food.refuse_pct, 1, number, sizeof number);
		snprintf(note, sizeof note, T("%d %s: refuse %s %%; the "
		    "bought weight is the edible weight / (1 - refuse).",
		    "%d %s: thải bỏ %s %%; khối lượng mua = khối lượng ăn "
		    "được / (1 - thải bỏ)."), food.food.code, food.food.name,
		    number);
		form.note = note;
	}
	snprintf(title, sizeof title, "%s: %s", T("Ingredient",
	    "Nguyên liệu"), d->name);
	tui_enter(ui, title);
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		struct mn_dish_item it;

		mn_error_clear(&err);
		/* A draft read with an older version is a conflict first. */
		if (read_item(&form, &it, &err) == MN_OK &&
		    form.version == d->version &&
		    (rc = ask_replace(ui, d, orig, &it)) != TUI_OK) {
			if (rc == TUI_END)
				break;
			rc = TUI_OK;
			mn_fail(&err, MN_ERR_INVALID, "food", "%s",
			    T("not saved: the food is already in the dish "
			    "for that age group; change its row instead",
			    "chưa lưu: thực phẩm đã có trong món cho nhóm "
			    "tuổi đó; hãy sửa dòng của nó"));
		} else if (err.status == MN_OK &&
		    save_item(ui, d, form.version, orig, &it, &err) == MN_OK) {
			tui_message(ui, T("Dish saved", "Đã lưu món ăn"));
			break;
		}
		tui_error(ui, "%s", err.message);
		tui_form_focus(&form, err.field);
	}
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

/* ---- The new-dish form ------------------------------------------------- */

enum { N_NAME, N_GROUP, N_FOOD, N_GRAMS, N_ROWS };

/* Runs the new-dish form; *id gets the new dish, 0 when none was saved. */
static int
new_dish_form(struct tui *ui, int food_code, int64_t *id)
{
	struct tui_form_row rows[N_ROWS];
	struct tui_form form = { .rows = rows, .nrows = N_ROWS,
	    .draft_key = "kitchen:dish_new" };
	struct tui_form item_form_view = { .rows = rows + 1, .nrows = I_ROWS };
	struct mn_error err;
	char code[16];
	int rc;

	*id = 0;
	rows[N_NAME] = (struct tui_form_row){ .name = "name",
	    .en = "Dish name", .vi = "Tên món" };
	tui_field_init(&rows[N_NAME].field, 200, TUI_SHOW);
	init_item_rows(rows + 1);
	tui_field_set(&rows[N_GROUP].field,
	    mn_menu_group_label(MN_GROUP_MAU_GIAO));
	if (food_code > 0) {
		snprintf(code, sizeof code, "%d", food_code);
		tui_field_set(&rows[N_FOOD].field, code);
	}
	form.note = T("A dish needs at least one ingredient; add the others "
	    "from the dish's ingredient list.", "Món ăn cần ít nhất một "
	    "nguyên liệu; thêm các nguyên liệu khác trong danh sách nguyên "
	    "liệu của món.");
	tui_enter(ui, T("New dish", "Thêm món ăn"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		struct mn_dish_item it;
		char *name = tui_field_get(&rows[N_NAME].field);

		mn_error_clear(&err);
		if (name != NULL && read_item(&item_form_view, &it,
		    &err) == MN_OK && mn_kitchen_dish_add(ui->ctx, name, &it, 1,
		    id, &err) == MN_OK) {
			free(name);
			tui_message(ui, T("Dish added", "Đã thêm món ăn"));
			break;
		}
		free(name);
		tui_error(ui, "%s", err.message);
		tui_form_focus(&form, err.field);
	}
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

/* ---- A dish's ingredients ------------------------------------------------ */

/*
 * Writes the first day of a past or approved menu that fixes dish id,
 * as dd/mm/yyyy, or "" when the dish may change.
 */
static void
lock_mark(struct tui *ui, int64_t id, char *buf, size_t size)
{
	struct mn_error err;
	struct mn_date day;
	bool approved;

	buf[0] = '\0';
	mn_error_clear(&err);
	if (mn_kitchen_dish_locked(ui->ctx, id, &day, &approved, &err) ==
	    MN_OK && day.year != 0)
		mn_date_format(&day, buf, size);
}

static void
fill_items(struct tui_list *l, const struct mn_dish_detail *d)
{
	tui_list_clear(l);
	for (size_t i = 0; i < d->count; i++) {
		const struct mn_food *f = &d->foods[i];
		char code[16], edible[32], refuse[32], bought[32];
		const char *cells[6] = { mn_menu_group_label(d->items[i].group),
		    code, f->name, edible, refuse, bought };

		snprintf(code, sizeof code, "%d", f->code);
		kui_number(d->items[i].edible_g, 1, edible, sizeof edible);
		kui_number(f->refuse_pct, 1, refuse, sizeof refuse);
		kui_number(mn_bought_grams(d->items[i].edible_g,
		    f->refuse_pct), 1, bought, sizeof bought);
		tui_list_add(l, cells);
	}
}

static int
remove_item(struct tui *ui, const struct mn_dish_detail *d, int row)
{
	struct mn_dish_item *items;
	struct mn_error err;
	char question[300];
	size_t n = 0;
	int rc;

	snprintf(question, sizeof question, T("Remove %s (%s) from the dish?",
	    "Bỏ %s (%s) khỏi món?"), d->foods[row].name,
	    mn_menu_group_label(d->items[row].group));
	if ((rc = tui_confirm(ui, question, false)) != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	if ((items = calloc(d->count, sizeof *items)) == NULL)
		return TUI_OK;
	for (size_t i = 0; i < d->count; i++)
		if ((int)i != row)
			items[n++] = d->items[i];
	mn_error_clear(&err);
	if (mn_kitchen_dish_set_items(ui->ctx, d->id, d->version, items, n,
	    &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	else
		tui_message(ui, T("Ingredient removed", "Đã bỏ nguyên liệu"));
	free(items);
	return TUI_OK;
}

static int
item_action(struct tui *ui, const struct mn_dish_detail *d, int action,
    int row)
{
	struct mn_dish_item item = { .group = MN_GROUP_MAU_GIAO };
	int rc;

	if (action == ACT_ADD_ITEM) {
		rc = kui_pick_food(ui, T("Choose a food", "Chọn thực phẩm"),
		    &item.food_code);
		if (rc != TUI_OK)
			return rc == TUI_END ? TUI_END : TUI_OK;
		/* The group of the selected row is the likely one. */
		if (row >= 0)
			item.group = d->items[row].group;
		return item_form(ui, d, &item, NULL);
	}
	if (row < 0 || (size_t)row >= d->count) {
		tui_error(ui, "%s", T("No ingredient selected",
		    "Chưa chọn nguyên liệu nào"));
		return TUI_OK;
	}
	if (action == ACT_EDIT_ITEM)
		return item_form(ui, d, &d->items[row], &d->items[row]);
	return remove_item(ui, d, row);
}

static int
dish_view(struct tui *ui, int64_t id)
{
	struct tui_keydef keys[KEYS_MAX];
	struct mn_dish_detail d = { 0 };
	struct tui_list list;
	struct mn_error err;
	char title[400], lock[16];
	int rc = TUI_OK;

	kui_filter_keys(ui, item_keys, plan_keys, NPLAN, keys, KEYS_MAX);
	tui_list_init(&list, item_columns, 6);
	list.empty_en = "No ingredients";
	list.empty_vi = "Chưa có nguyên liệu";
	title[0] = '\0';
	tui_enter(ui, title);
	for (;;) {
		int action, sel = list.sel;

		mn_dish_detail_free(&d);
		mn_error_clear(&err);
		if (mn_kitchen_dish_get(ui->ctx, id, &d, &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			break;
		}
		fill_items(&list, &d);
		list.sel = sel < list.nshown ? sel : 0;
		lock_mark(ui, d.id, lock, sizeof lock);
		if (lock[0] != '\0')
			snprintf(title, sizeof title, T("%s (fixed by the menu "
			    "of %s; copy it to change)", "%s (khóa theo thực "
			    "đơn %s; sao chép để sửa)"), d.name, lock);
		else
			snprintf(title, sizeof title, "%s", d.name);
		kui_set_minimum(ui);
		action = tui_list_run(ui, &list, keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (item_action(ui, &d, action, tui_list_selected(&list)) ==
		    TUI_END) {
			rc = TUI_END;
			break;
		}
	}
	tui_leave(ui);
	tui_list_free(&list);
	mn_dish_detail_free(&d);
	return rc;
}

/* ---- The list of dishes ------------------------------------------------- */

static int
rename_dish(struct tui *ui, const struct mn_dish_summary *s)
{
	struct mn_error err;
	char *name;
	int rc;

	rc = kui_ask(ui, T("Rename the dish", "Đổi tên món"), "Dish name",
	    "Tên món", s->name, 200, &name);
	if (rc != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	mn_error_clear(&err);
	if (mn_kitchen_dish_rename(ui->ctx, s->id, s->version, name, &err) !=
	    MN_OK)
		tui_error(ui, "%s", err.message);
	else
		tui_message(ui, T("Dish renamed", "Đã đổi tên món"));
	free(name);
	return TUI_OK;
}

static int
copy_dish(struct tui *ui, const struct mn_dish_summary *s)
{
	struct mn_error err;
	char *name, suggest[240];
	int64_t id = 0;
	int rc;

	snprintf(suggest, sizeof suggest, T("%.200s (new)", "%.200s (mới)"),
	    s->name);
	rc = kui_ask(ui, T("Copy the dish: name of the new dish",
	    "Sao chép món: tên món mới"), "Dish name", "Tên món", suggest,
	    200, &name);
	if (rc != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	mn_error_clear(&err);
	rc = mn_kitchen_dish_copy(ui->ctx, s->id, name, &id, &err);
	free(name);
	if (rc != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	tui_message(ui, T("Dish copied; change the copy's ingredients",
	    "Đã sao chép món; hãy sửa nguyên liệu của bản sao"));
	return dish_view(ui, id);
}

static void
fill_dishes(struct tui *ui, struct tui_list *l, struct mn_dish_summary **rows,
    size_t *n)
{
	struct mn_error err;

	tui_list_clear(l);
	free(*rows);
	*rows = NULL;
	*n = 0;
	mn_error_clear(&err);
	if (mn_kitchen_dishes(ui->ctx, rows, n, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return;
	}
	for (size_t i = 0; i < *n; i++) {
		char nt[16], mg[16], lock[16];
		const char *cells[4] = { (*rows)[i].name, nt, mg, lock };

		snprintf(nt, sizeof nt, "%d",
		    (*rows)[i].items[MN_GROUP_NHA_TRE]);
		snprintf(mg, sizeof mg, "%d",
		    (*rows)[i].items[MN_GROUP_MAU_GIAO]);
		lock_mark(ui, (*rows)[i].id, lock, sizeof lock);
		tui_list_add(l, cells);
	}
}

static int
dispatch(struct tui *ui, const struct mn_dish_summary *sel, int action)
{
	int64_t id;
	int code, rc;

	if (action == ACT_NEW) {
		rc = kui_pick_food(ui, T("First ingredient of the new dish",
		    "Nguyên liệu đầu tiên của món mới"), &code);
		if (rc != TUI_OK)
			return rc == TUI_END ? TUI_END : TUI_OK;
		if ((rc = new_dish_form(ui, code, &id)) != TUI_OK || id == 0)
			return rc;
		return dish_view(ui, id);
	}
	if (sel == NULL) {
		tui_error(ui, "%s", T("No dish selected",
		    "Chưa chọn món nào"));
		return TUI_OK;
	}
	if (action == ACT_OPEN)
		return dish_view(ui, sel->id);
	if (action == ACT_RENAME)
		return rename_dish(ui, sel);
	if (action == ACT_COPY)
		return copy_dish(ui, sel);
	return TUI_OK;
}

/* The dish list screen's rows, for kui_list_loop. */
struct dish_screen {
	struct tui_list list;
	struct mn_dish_summary *rows;
	size_t n;
};

static struct tui_list *
reload_dishes(struct tui *ui, void *arg)
{
	struct dish_screen *ds = arg;

	fill_dishes(ui, &ds->list, &ds->rows, &ds->n);
	kui_set_minimum(ui);
	return &ds->list;
}

static int
act_on_dish(struct tui *ui, int action, void *arg)
{
	struct dish_screen *ds = arg;
	int row = tui_list_selected(&ds->list);

	return dispatch(ui, row >= 0 && (size_t)row < ds->n ? &ds->rows[row] :
	    NULL, action);
}

int
screen_kitchen_dishes(struct tui *ui)
{
	struct tui_keydef keys[KEYS_MAX];
	struct dish_screen ds = { .rows = NULL, .n = 0 };
	int rc;

	kui_filter_keys(ui, list_keys, plan_keys, NPLAN, keys, KEYS_MAX);
	tui_list_init(&ds.list, dish_columns, 4);
	ds.list.empty_en = "No dishes yet";
	ds.list.empty_vi = "Chưa có món ăn";
	rc = kui_list_loop(ui, T("Dishes", "Món ăn"), keys, reload_dishes,
	    act_on_dish, &ds);
	tui_list_free(&ds.list);
	free(ds.rows);
	return rc;
}

/* Reopens the form of a draft "dish_new" or "dish_item:ID". */
int
kitchen_dish_reopen(struct tui *ui, const char *record)
{
	struct mn_dish_detail d;
	struct mn_dish_item item = { .group = MN_GROUP_MAU_GIAO };
	struct mn_error err;
	int64_t id;
	int rc;

	if (strcmp(record, "dish_new") == 0) {
		rc = new_dish_form(ui, 0, &id);
		return rc != TUI_OK || id == 0 ? rc : dish_view(ui, id);
	}
	if (strncmp(record, "dish_item:", 10) != 0)
		return TUI_CANCEL;
	mn_error_clear(&err);
	if (mn_kitchen_dish_get(ui->ctx, strtoll(record + 10, NULL, 10), &d,
	    &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	rc = item_form(ui, &d, &item, NULL);
	mn_dish_detail_free(&d);
	return rc;
}
