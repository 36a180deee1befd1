/*
 * Promotion to a new school year for the principal: choose the new
 * year, read the plan (which class moves into which, who completes the
 * programme, who has no place yet) and confirm.  The screen calls the
 * same core functions as `mamnon promote`, which writes everything in
 * one transaction and rejects a plan that went stale.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/screen_reg.h"
#include "tui/screens.h"

enum {
	ACT_APPLY = TUI_ACT_USER,
};

static const struct tui_keydef year_keys[] = {
	{ { TK_ENTER }, "Enter", "Preview", "Xem trước", TUI_ACT_SELECT },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef plan_keys[] = {
	{ { TK(KEY_F(2)), 'a' }, "F2", "Apply", "Thực hiện", ACT_APPLY },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column year_columns[] = {
	{ "New school year", "Năm học mới", 12 },
	{ "First day", "Ngày khai giảng", 15 },
	{ "Last day", "Ngày kết thúc", 13 },
};

static const struct tui_column plan_columns[] = {
	{ "Class now", "Lớp hiện tại", 12 },
	{ "Goes to", "Chuyển đến", 24 },
	{ "Children", "Số trẻ", 6 },
	{ "Child", "Trẻ", 0 },
};

struct year_array {
	struct mn_school_year *v;
	int n, cap;
};

static int
collect_year(const struct mn_school_year *y, void *arg)
{
	struct year_array *a = arg;

	if (a->n == a->cap) {
		int cap = a->cap ? a->cap * 2 : 8;
		struct mn_school_year *p = realloc(a->v, sizeof *p * cap);

		if (p == NULL)
			return 1;
		a->v = p;
		a->cap = cap;
	}
	a->v[a->n++] = *y;
	return 0;
}

/*
 * Adds one row per class move ("MG4A", "MG5A", 20), then one row per
 * child who completes the programme or has no place, so the principal
 * sees each of them by name.
 */
static void
fill_plan(struct tui_list *list, const struct mn_promotion_plan *plan,
    size_t *moved, size_t *graduated, size_t *unplaced)
{
	const char *cells[4];
	char count[16];

	*moved = *graduated = *unplaced = 0;
	tui_list_clear(list);
	for (size_t i = 0; i < plan->count; i++) {
		const struct mn_promotion_item *it = &plan->items[i];
		size_t n = 0;
		bool seen = false;

		if (it->action == MN_PROMOTE_GRADUATE)
			(*graduated)++;
		else if (it->action == MN_PROMOTE_UNPLACED)
			(*unplaced)++;
		if (it->action != MN_PROMOTE_MOVE)
			continue;
		(*moved)++;
		for (size_t k = 0; k < i && !seen; k++)
			seen = plan->items[k].action == MN_PROMOTE_MOVE &&
			    strcmp(plan->items[k].from_class,
			    it->from_class) == 0 &&
			    strcmp(plan->items[k].to_class, it->to_class) == 0;
		if (seen)
			continue;
		for (size_t k = i; k < plan->count; k++)
			if (plan->items[k].action == MN_PROMOTE_MOVE &&
			    strcmp(plan->items[k].from_class,
			    it->from_class) == 0 &&
			    strcmp(plan->items[k].to_class, it->to_class) == 0)
				n++;
		snprintf(count, sizeof count, "%zu", n);
		cells[0] = it->from_class;
		cells[1] = it->to_class;
		cells[2] = count;
		cells[3] = "";
		tui_list_add(list, cells);
	}
	for (size_t i = 0; i < plan->count; i++) {
		const struct mn_promotion_item *it = &plan->items[i];
		char child[300];

		if (it->action == MN_PROMOTE_MOVE)
			continue;
		snprintf(child, sizeof child, "%s (%s)", it->full_name,
		    it->school_code);
		cells[0] = it->from_class;
		cells[1] = it->action == MN_PROMOTE_GRADUATE ?
		    T("completes the programme", "hoàn thành chương trình") :
		    T("no place yet", "chưa có chỗ");
		cells[2] = "1";
		cells[3] = child;
		tui_list_add(list, cells);
	}
}

/* Asks before writing, then applies the plan; TUI_OK once applied. */
static int
apply_plan(struct tui *ui, const struct mn_promotion_plan *plan,
    const struct mn_school_year *to, size_t moved, size_t graduated,
    size_t unplaced)
{
	struct mn_error err;
	char question[512];
	int rc;

	snprintf(question, sizeof question, T("Promote into %s: %zu move up, "
	    "%zu complete the programme, %zu without a place (they keep no "
	    "class).  This cannot be undone.  Go ahead?", "Lên lớp sang năm "
	    "học %s: %zu trẻ lên lớp, %zu trẻ hoàn thành chương trình, %zu "
	    "trẻ chưa có chỗ (sẽ không thuộc lớp nào).  Không thể hoàn tác.  "
	    "Thực hiện?"), to->name, moved, graduated, unplaced);
	if ((rc = tui_confirm(ui, question, false)) != TUI_OK)
		return rc;
	mn_error_clear(&err);
	if (mn_promotion_apply(ui->ctx, plan, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_message(ui, T("Promotion into %s done: %zu moved up, %zu "
	    "completed the programme", "Đã lên lớp sang năm học %s: %zu trẻ "
	    "lên lớp, %zu trẻ hoàn thành chương trình"), to->name, moved,
	    graduated);
	return TUI_OK;
}

/* Shows the plan into school year to until it is applied or left. */
static int
plan_screen(struct tui *ui, const struct mn_school_year *to)
{
	struct mn_school_year from;
	struct mn_promotion_plan plan;
	struct mn_error err;
	struct tui_list list;
	size_t moved, graduated, unplaced;
	char title[256];
	int rc = TUI_CANCEL, action;

	mn_error_clear(&err);
	if (mn_promotion_previous_year(ui->ctx, to->id, &from, &err) !=
	    MN_OK || mn_promotion_preview(ui->ctx, from.id, to->id, &plan,
	    &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_list_init(&list, plan_columns, 4);
	list.empty_en = "No attending child in the school year before";
	list.empty_vi = "Năm học trước không có trẻ nào đang học";
	fill_plan(&list, &plan, &moved, &graduated, &unplaced);
	snprintf(title, sizeof title, T("From %s to %s: %zu move up, %zu "
	    "complete, %zu without a place", "Từ %s sang %s: %zu lên lớp, "
	    "%zu ra trường, %zu chưa có chỗ"), from.name, to->name, moved,
	    graduated, unplaced);
	reg_enter(ui, title);
	for (;;) {
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &list, plan_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action != ACT_APPLY)
			continue;
		if (plan.count == 0) {
			tui_error(ui, "%s", T("Nothing to promote",
			    "Không có trẻ nào để lên lớp"));
			continue;
		}
		rc = apply_plan(ui, &plan, to, moved, graduated, unplaced);
		if (rc == TUI_OK || rc == TUI_END)
			break;
		rc = TUI_CANCEL;
	}
	reg_leave(ui);
	tui_list_free(&list);
	mn_promotion_free(&plan);
	return rc;
}

/*
 * Lists the school years to choose the new one; the selection starts
 * on the year after the current one.
 */
int
screen_promote(struct tui *ui)
{
	struct year_array years = { 0 };
	struct mn_school_year current;
	struct mn_error err;
	struct tui_list list;
	int rc = TUI_CANCEL, action;

	mn_error_clear(&err);
	if (mn_school_year_list(ui->ctx, collect_year, &years, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_list_init(&list, year_columns, 3);
	list.empty_en = "No school year yet; add one in the school calendar";
	list.empty_vi = "Chưa có năm học; hãy thêm trong Lịch năm học";
	for (int i = 0; i < years.n; i++) {
		char first[16], last[16];
		const char *cells[3] = { years.v[i].name, first, last };

		mn_date_format(&years.v[i].first_day, first, sizeof first);
		mn_date_format(&years.v[i].last_day, last, sizeof last);
		tui_list_add(&list, cells);
	}
	if (reg_current_year(ui, &current, &err) == MN_OK)
		for (int i = 0; i + 1 < years.n; i++)
			if (years.v[i].id == current.id)
				list.sel = i + 1;
	reg_enter(ui, T("Promotion: choose the new school year",
	    "Lên lớp: chọn năm học mới"));
	for (;;) {
		int row;

		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &list, year_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		row = tui_list_selected(&list);
		if (action != TUI_ACT_SELECT || row < 0)
			continue;
		rc = plan_screen(ui, &years.v[row]);
		if (rc == TUI_END || rc == TUI_OK)
			break;
		rc = TUI_CANCEL;
	}
	reg_leave(ui);
	tui_list_free(&list);
	free(years.v);
	return rc;
}
