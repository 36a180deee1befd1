/*
 * A child's allergy links, opened from the child's health page: the
 * allergies text of the record above the links to allergen groups and
 * foods that the kitchen's day check uses.  The nurse and the principal
 * (MN_ACT_ALLERGY_WRITE) add a group from the list of groups or a food
 * from the searchable food table, each with a note, remove a link, or
 * mark a text that names no food as checked.  Other readers get the
 * list only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/allergy.h"
#include "tui/allergy_ui.h"
#include "tui/health_ui.h"

enum {
	ACT_ADD_GROUP = TUI_ACT_USER,
	ACT_ADD_FOOD,
	ACT_REMOVE,
	ACT_CHECKED,
	ACT_PICK,
};

static const struct tui_keydef write_keys[] = {
	{ { 'n' }, "n", "Add group", "Thêm nhóm", ACT_ADD_GROUP },
	{ { 'f' }, "f", "Add food", "Thêm thực phẩm", ACT_ADD_FOOD },
	{ { 'x', TK(KEY_DC) }, "x", "Remove", "Xóa", ACT_REMOVE },
	{ { 'c' }, "c", "Checked", "Đã đối chiếu", ACT_CHECKED },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef read_keys[] = {
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef pick_keys[] = {
	{ { TK_ENTER }, "Enter", "Choose", "Chọn", ACT_PICK },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column link_columns[] = {
	{ "Link", "Liên kết", 14 },
	{ "Group or food", "Nhóm hoặc thực phẩm", 30 },
	{ "Recorded by", "Người ghi", 12 },
	{ "Note", "Ghi chú", 0 },
};

static const struct tui_column group_columns[] = {
	{ "Allergen group", "Nhóm dị nguyên", 20 },
	{ "Foods in the table", "Số thực phẩm", 0 },
};

static const struct tui_column food_columns[] = {
	{ "Code", "Mã", 6 },
	{ "Food", "Thực phẩm", 36 },
	{ "Allergen groups", "Nhóm dị nguyên", 0 },
};

#define TEXT_LINES 9	/* 250 characters at 30 cells a line, and more */

/*
 * Fills the list: the allergies text wrapped to the name column, the
 * state, then one row per link.  Returns the number of
 * rows above the links.
 */
static int
fill_links(struct tui_list *l, const struct mn_allergy_state *s)
{
	char lines[TEXT_LINES][256];
	const char *cells[4];
	int n, head = 0;

	tui_list_clear(l);
	n = tui_wrap(s->allergies[0] != '\0' ? s->allergies :
	    T("(no allergy)", "(không có dị ứng)"), link_columns[1].max_width,
	    lines, TEXT_LINES);
	for (int i = 0; i < n; i++, head++) {
		cells[0] = i == 0 ? T("Record says", "Hồ sơ ghi") : "";
		cells[1] = lines[i];
		cells[2] = cells[3] = "";
		tui_list_add(l, cells);
	}
	cells[0] = T("State", "Trạng thái");
	cells[2] = "";
	if (s->unlinked && s->reviewed) {
		cells[1] = T("not linked (text changed)",
		    "chưa đối chiếu (hồ sơ đã sửa)");
		cells[3] = T("kitchen checks by hand", "bếp kiểm tra tay");
	} else if (s->unlinked) {
		cells[1] = T("not yet linked", "chưa đối chiếu");
		cells[3] = T("kitchen checks by hand", "bếp kiểm tra tay");
	} else if (s->count > 0) {
		cells[1] = T("linked", "đã đối chiếu");
		cells[3] = T("the day check flags dishes", "bếp được báo món");
	} else if (s->allergies[0] != '\0') {
		cells[1] = T("checked", "đã đối chiếu");
		cells[3] = T("names no food", "không có thực phẩm nào");
	} else {
		cells[1] = cells[3] = "";
	}
	tui_list_add(l, cells);
	head++;
	for (size_t i = 0; i < s->count; i++) {
		const struct mn_allergy_link *k = &s->links[i];
		char name[MN_FOOD_NAME_MAX + 16];

		if (k->kind == MN_ALLERGY_LINK_FOOD)
			snprintf(name, sizeof name, "%s (%d)", k->name,
			    k->food_code);
		else
			snprintf(name, sizeof name, "%s", k->name);
		cells[0] = k->kind == MN_ALLERGY_LINK_GROUP ?
		    T("Group", "Nhóm") : T("Food", "Thực phẩm");
		cells[1] = name;
		cells[2] = k->changed_by;
		cells[3] = k->note;
		tui_list_add(l, cells);
	}
	return head;
}

/* Lets the user choose an allergen group; TUI_OK fills *id. */
static int
pick_group(struct tui *ui, int64_t *id)
{
	struct mn_allergen_group *groups;
	struct mn_error err;
	struct tui_list list;
	size_t n;
	int action, rc = TUI_CANCEL;

	mn_error_clear(&err);
	if (mn_allergy_groups(ui->ctx, &groups, &n, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_list_init(&list, group_columns, 2);
	for (size_t i = 0; i < n; i++) {
		char count[16];
		const char *cells[2] = { groups[i].name, count };

		snprintf(count, sizeof count, "%d", groups[i].foods);
		tui_list_add(&list, cells);
	}
	tui_enter(ui, T("Choose an allergen group", "Chọn nhóm dị nguyên"));
	action = tui_list_run(ui, &list, pick_keys);
	if (action == TUI_ACT_END)
		rc = TUI_END;
	else if (action == ACT_PICK && tui_list_selected(&list) >= 0) {
		*id = groups[tui_list_selected(&list)].id;
		rc = TUI_OK;
	}
	tui_leave(ui);
	tui_list_free(&list);
	free(groups);
	return rc;
}

/* Lets the user choose a food of the table ('/' searches); as above. */
static int
pick_food(struct tui *ui, int *code)
{
	struct mn_allergy_food *foods;
	struct mn_error err;
	struct tui_list list;
	size_t n;
	int action, rc = TUI_CANCEL;

	mn_error_clear(&err);
	if (mn_allergy_foods(ui->ctx, &foods, &n, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_list_init(&list, food_columns, 3);
	list.empty_en = "The food table is empty";
	list.empty_vi = "Bảng thực phẩm trống";
	for (size_t i = 0; i < n; i++) {
		char num[16];
		const char *cells[3] = { num, foods[i].name,
		    foods[i].groups };

		snprintf(num, sizeof num, "%d", foods[i].code);
		tui_list_add(&list, cells);
	}
	tui_enter(ui, T("Choose a food ('/' searches)",
	    "Chọn thực phẩm ('/' để tìm)"));
	action = tui_list_run(ui, &list, pick_keys);
	if (action == TUI_ACT_END)
		rc = TUI_END;
	else if (action == ACT_PICK && tui_list_selected(&list) >= 0) {
		*code = foods[tui_list_selected(&list)].code;
		rc = TUI_OK;
	}
	tui_leave(ui);
	tui_list_free(&list);
	free(foods);
	return rc;
}

/*
 * Asks for the link's note (the reaction, "nổi mẩn"), then links a
 * group (group_id > 0) or a food.  The form stays open while the core
 * rejects the note.  Returns TUI_OK, TUI_CANCEL or TUI_END.
 */
static int
link_with_note(struct tui *ui, const struct mn_child *c, int64_t group_id,
    int food_code)
{
	struct tui_form_row row = { .name = "note", .en = "Note (reaction)",
	    .vi = "Ghi chú (phản ứng)" };
	struct tui_form form = { .rows = &row, .nrows = 1,
	    .enter_submits = true, .quiet_cancel = true };
	int rc;

	tui_field_init(&row.field, MN_ALLERGY_NOTE_MAX, TUI_SHOW);
	tui_enter(ui, T("Allergy link note", "Ghi chú liên kết dị ứng"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		struct mn_error err;
		char *note = tui_field_get(&row.field);
		int st;

		mn_error_clear(&err);
		st = group_id > 0 ? mn_allergy_link_group(ui->ctx, c->id,
		    group_id, note ? note : "", &err) :
		    mn_allergy_link_food(ui->ctx, c->id, food_code,
		    note ? note : "", &err);
		free(note);
		if (st == MN_OK) {
			tui_message(ui, "%s", T("Saved", "Đã lưu"));
			break;
		}
		tui_error(ui, "%s", err.message);
		if (strcmp(err.field, "note") != 0) {
			rc = TUI_CANCEL;
			break;
		}
	}
	tui_leave(ui);
	return rc;
}

/* Runs one write action on the selected row; TUI_END ends the session. */
static int
run_action(struct tui *ui, const struct mn_child *c,
    const struct mn_allergy_state *s, int head, int action, int row)
{
	struct mn_error err;
	int64_t group = 0;
	int code = 0, rc, st;

	mn_error_clear(&err);
	switch (action) {
	case ACT_ADD_GROUP:
		if ((st = pick_group(ui, &group)) != TUI_OK)
			return st;
		return link_with_note(ui, c, group, 0);
	case ACT_ADD_FOOD:
		if ((st = pick_food(ui, &code)) != TUI_OK)
			return st;
		return link_with_note(ui, c, 0, code);
	case ACT_REMOVE:
		if (row < head || (size_t)(row - head) >= s->count) {
			tui_error(ui, "%s", T("Choose a link to remove",
			    "Hãy chọn một liên kết để xóa"));
			return TUI_CANCEL;
		}
		st = tui_confirm(ui, T("Remove this link?",
		    "Xóa liên kết này?"), false);
		if (st != TUI_OK)
			return st;
		rc = mn_allergy_unlink(ui->ctx, c->id,
		    &s->links[row - head], &err);
		break;
	case ACT_CHECKED:
		rc = mn_allergy_mark_checked(ui->ctx, c->id, &err);
		break;
	default:
		return TUI_CANCEL;
	}
	if (rc != MN_OK)
		tui_error(ui, "%s", err.message);
	else
		tui_message(ui, "%s", T("Saved", "Đã lưu"));
	return TUI_OK;
}

int
screen_allergy_links(struct tui *ui, const struct mn_child *c)
{
	bool writer = mn_allowed(&ui->ctx->actor, MN_ACT_ALLERGY_WRITE);
	struct mn_allergy_state s = { 0 };
	struct tui_list list;
	char title[320];
	int rc = TUI_CANCEL;

	snprintf(title, sizeof title, T("Allergy links: %s, class %s",
	    "Đối chiếu dị ứng: %s, lớp %s"), c->full_name, c->class_code);
	tui_list_init(&list, link_columns, 4);
	tui_enter(ui, title);
	for (;;) {
		struct mn_error err;
		int action, head, sel = list.sel;

		mn_error_clear(&err);
		mn_allergy_state_free(&s);
		if (mn_allergy_state_get(ui->ctx, c->id, &s, &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			break;
		}
		head = fill_links(&list, &s);
		list.sel = sel < list.nshown ? sel : 0;
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &list, writer ? write_keys :
		    read_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (run_action(ui, c, &s, head, action,
		    tui_list_selected(&list)) == TUI_END) {
			rc = TUI_END;
			break;
		}
	}
	tui_leave(ui);
	tui_list_free(&list);
	mn_allergy_state_free(&s);
	return rc;
}
