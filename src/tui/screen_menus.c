/*
 * The week's menu of one age group, by day and meal, with the
 * balanced-portion calculation of a day or of the week's average against
 * the requirement in force.  A day's detail first lists the day's
 * allergy check for the roles with MN_ACT_ALLERGY_READ (kitchen,
 * principal, nurse, teachers).  The kitchen edits a meal's dishes, the
 * principal approves the week, and a week can be copied onto another.
 * Every role reads.  The help line offers only the keys mn_kitchen_may
 * grants the actor, so teachers, parents, the nurse and the accountant
 * get a read-only screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/kitchen_view.h"
#include "core/registers.h"
#include "tui/kitchen_ui.h"
#include "tui/screens.h"

enum {
	ACT_DETAIL = TUI_ACT_USER,
	ACT_EDIT,
	ACT_PREV_WEEK,
	ACT_NEXT_WEEK,
	ACT_GROUP,
	ACT_APPROVE,
	ACT_COPY,
	ACT_WEEK_AVERAGE,
	ACT_TOGGLE,
	ACT_ALL_MEALS,
};

static const struct tui_keydef week_keys[] = {
	{ { TK_ENTER }, "Enter", "Nutrition", "Dinh dưỡng", ACT_DETAIL },
	{ { 'e' }, "e", "Edit", "Sửa", ACT_EDIT },
	{ { '[' }, "[", "Week before", "Tuần trước", ACT_PREV_WEEK },
	{ { ']' }, "]", "Week after", "Tuần sau", ACT_NEXT_WEEK },
	{ { 'g', TK_TAB }, "g", "Group", "Nhóm", ACT_GROUP },
	{ { 'a' }, "a", "Approve", "Duyệt", ACT_APPROVE },
	{ { 'c' }, "c", "Copy week", "Chép tuần", ACT_COPY },
	{ { 't' }, "t", "Week average", "TB tuần", ACT_WEEK_AVERAGE },
	{ { 'b' }, "b", "All meals", "Mọi bữa", ACT_ALL_MEALS },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/*
 * Under 80 columns the help line shows what fits, in table order, so
 * the short labels of moving between weeks and F1 come first; F1 lists
 * the rest.
 */
static const struct tui_keydef narrow_week_keys[] = {
	{ { TK_ENTER }, "Enter", "View", "Xem", ACT_DETAIL },
	{ { '[' }, "[", "Earlier", "Trước", ACT_PREV_WEEK },
	{ { ']' }, "]", "Later", "Sau", ACT_NEXT_WEEK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ { 'g', TK_TAB }, "g", "Group", "Nhóm", ACT_GROUP },
	{ { 't' }, "t", "Week average", "TB tuần", ACT_WEEK_AVERAGE },
	{ { 'b' }, "b", "All meals", "Mọi bữa", ACT_ALL_MEALS },
	{ { 'e' }, "e", "Edit", "Sửa", ACT_EDIT },
	{ { 'a' }, "a", "Approve", "Duyệt", ACT_APPROVE },
	{ { 'c' }, "c", "Copy week", "Chép tuần", ACT_COPY },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ .name = NULL }
};

/* Keys that change the menu; other roles only read. */
static const struct kui_key_right week_rights[] = {
	{ ACT_EDIT, MN_KITCHEN_PLAN },
	{ ACT_COPY, MN_KITCHEN_PLAN },
	{ ACT_APPROVE, MN_KITCHEN_APPROVE },
};

#define KEYS_MAX 16

static const struct tui_column week_columns[] = {
	{ "Day", "Ngày", 12 },
	{ "Meal", "Bữa", 10 },
	{ "Dishes", "Món ăn", 0 },
};

#define MAX_ROWS (7 * MN_MEAL_COUNT)

/* The day and meal shown on one row of the week list. */
struct week_row {
	struct mn_date day;
	int meal;		/* enum mn_meal, -1 for a day without school */
};

struct week_view {
	enum mn_age_group group;
	struct mn_date monday;
	char week[9];
	bool approved;
	bool all_meals;		/* also list meals the group is not served */
	struct mn_menu_entry *entries;
	size_t nentries;
	struct tui_list list;
	struct week_row rows[MAX_ROWS];
	int nrows;
	char title[256];
};

/* Meals each age group is served; other meals show when they have dishes. */
static bool
usual_meal(enum mn_age_group g, int meal)
{
	if (meal == MN_MEAL_LUNCH || meal == MN_MEAL_SNACK)
		return true;
	return g == MN_GROUP_NHA_TRE && meal == MN_MEAL_AFTERNOON;
}

/* Joins the dish names of one day and meal with ", ". */
static void
dishes_of(const struct week_view *v, const char *date, int meal, char *buf,
    size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < v->nentries; i++) {
		int n;

		if (strcmp(v->entries[i].date, date) != 0 ||
		    (int)v->entries[i].meal != meal)
			continue;
		n = snprintf(buf + used, size - used, "%s%s",
		    used > 0 ? ", " : "", v->entries[i].dish);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

static void
add_row(struct week_view *v, const struct mn_date *day, int meal,
    bool first, const char *dishes)
{
	char label[32];
	const char *cells[3];

	if (v->nrows >= MAX_ROWS)
		return;
	kui_day_label(day, label, sizeof label);
	cells[0] = first ? label : "";
	cells[1] = meal >= 0 ? mn_meal_label(meal) : "";
	cells[2] = dishes;
	if (tui_list_add(&v->list, cells) != MN_OK)
		return;
	v->rows[v->nrows].day = *day;
	v->rows[v->nrows].meal = meal;
	v->nrows++;
}

/* Reads the week again; the selection stays on the same row number. */
static void
reload(struct tui *ui, struct week_view *v)
{
	struct mn_error err;
	int sel = v->list.sel;

	mn_error_clear(&err);
	free(v->entries);
	v->entries = NULL;
	v->nentries = 0;
	v->approved = false;
	tui_list_clear(&v->list);
	v->nrows = 0;
	kui_week_name(&v->monday, v->week);
	if (mn_kitchen_menu_week(ui->ctx, v->week, v->group, &v->entries,
	    &v->nentries, &err) != MN_OK ||
	    mn_kitchen_menu_status(ui->ctx, v->week, v->group, &v->approved,
	    &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	for (int wd = 0; wd < 7; wd++) {
		struct mn_date day = v->monday;
		char date[11], dishes[1024];
		bool first = true, any = false;

		kui_add_days(&day, wd);
		mn_date_format_iso(&day, date, sizeof date);
		for (size_t i = 0; i < v->nentries; i++)
			if (strcmp(v->entries[i].date, date) == 0)
				any = true;
		if (!mn_calendar_is_school_day(ui->ctx, &day)) {
			/*
			 * A holiday added after the menu was planned keeps
			 * its dishes listed under the mark, so that the
			 * kitchen sees what to remove.
			 */
			if (wd < 5 || any)
				add_row(v, &day, -1, true, any ?
				    T("(no school; the menu is not used)",
				    "(nghỉ; thực đơn không dùng)") :
				    T("(no school)", "(nghỉ)"));
			if (!any)
				continue;
			first = false;
		}
		for (int m = 0; m < MN_MEAL_COUNT; m++) {
			dishes_of(v, date, m, dishes, sizeof dishes);
			if (!v->all_meals && !usual_meal(v->group, m) &&
			    dishes[0] == '\0')
				continue;
			add_row(v, &day, m, first, dishes[0] ? dishes : "—");
			first = false;
		}
	}
	v->list.sel = sel < v->list.nshown ? sel : 0;
}

static void
set_title(struct tui *ui, struct week_view *v)
{
	struct mn_date friday = v->monday;
	char from[16], to[16];

	kui_add_days(&friday, 4);
	snprintf(from, sizeof from, "%02d/%02d", v->monday.day,
	    v->monday.month);
	/* A phone shows the title's start, so the status goes first. */
	if (COLS < TUI_STAFF_COLS) {
		snprintf(v->title, sizeof v->title, "%s, %s, %s–%02d/%02d",
		    v->approved ? T("Approved", "Đã duyệt") :
		    T("Draft", "Chưa duyệt"), mn_menu_group_label(v->group),
		    from, friday.day, friday.month);
		return;
	}
	snprintf(to, sizeof to, "%02d/%02d/%04d", friday.day, friday.month,
	    friday.year);
	snprintf(v->title, sizeof v->title, "%s, %s %s (%s–%s), %s",
	    mn_menu_group_label(v->group),
	    T("week", "tuần"), v->week, from, to,
	    v->approved ? T("approved", "đã duyệt") :
	    T("draft", "chưa duyệt"));
}

/* ---- Nutrition of a day or a week -------------------------------------- */

static const struct tui_keydef detail_keys[] = {
	{ { TK_ESC, TK(KEY_LEFT), TK_ENTER }, "Esc", "Back", "Quay lại",
	    TUI_ACT_BACK },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/* The page of a phone (under 80 columns) has nothing to search. */
static const struct tui_keydef page_keys[] = {
	{ { TK_ESC, TK(KEY_LEFT), TK_ENTER }, "Esc", "Back", "Quay lại",
	    TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column detail_columns[] = {
	{ "Item", "Chỉ số", 36 },
	{ "Value", "Giá trị", 8 },
	{ "Unit", "Đơn vị", 6 },
	{ "Requirement", "Yêu cầu", 12 },
	{ "Result", "Đánh giá", 0 },
};

static void
range_text(const struct mn_range *r, int decimals, char *buf, size_t size)
{
	char lo[24], hi[24];
	bool has_lo = r->min == r->min, has_hi = r->max == r->max;

	if (has_lo)
		kui_number(r->min, decimals, lo, sizeof lo);
	if (has_hi)
		kui_number(r->max, decimals, hi, sizeof hi);
	if (has_lo && has_hi)
		snprintf(buf, size, "%s–%s", lo, hi);
	else if (has_lo)
		snprintf(buf, size, "≥ %s", lo);
	else if (has_hi)
		snprintf(buf, size, "≤ %s", hi);
	else
		buf[0] = '\0';
}

static void
add_cells(struct tui_list *l, const char *label, const char *value,
    const char *unit, const char *target, const char *verdict)
{
	const char *cells[5] = { label, value, unit, target, verdict };

	tui_list_add(l, cells);
}

static void
add_value(struct tui_list *l, const char *label, double value,
    const char *unit)
{
	char number[32];

	kui_number(value, 1, number, sizeof number);
	add_cells(l, label, number, unit, "", "");
}

/* Fills the list with the grams, then every check against r. */
static void
fill_nutrition(struct tui_list *l, const struct mn_nutrition *n,
    const struct mn_requirement *r)
{
	struct mn_check checks[MN_CHECK_COUNT];

	add_value(l, T("Protein", "Protein (chất đạm)"),
	    n->value[MN_NUT_PROTEIN], "g");
	add_value(l, T("  of animal origin", "  động vật"),
	    n->protein_animal, "g");
	add_value(l, T("Lipid", "Lipid (chất béo)"), n->value[MN_NUT_LIPID],
	    "g");
	add_value(l, T("  of animal origin", "  động vật"), n->lipid_animal,
	    "g");
	add_value(l, T("Glucid", "Glucid (chất bột đường)"),
	    n->value[MN_NUT_GLUCID], "g");
	add_value(l, T("Energy from the table", "Năng lượng theo bảng"),
	    n->value[MN_NUT_ENERGY], "kcal");
	for (int m = 0; m < MN_MEAL_COUNT; m++) {
		char label[96];

		if (!(n->meals & (1u << m)))
			continue;
		snprintf(label, sizeof label, "%s %s", T("Energy,",
		    "Năng lượng"), mn_meal_label(m));
		add_value(l, label, n->meal_kcal[m], "kcal");
	}
	mn_nutrition_evaluate(n, r, checks);
	for (int i = 0; i < MN_CHECK_COUNT; i++) {
		char value[32], target[80];
		int decimals = mn_check_decimals(i);

		if (i >= MN_CHECK_MEAL_FIRST &&
		    !(n->meals & (1u << (i - MN_CHECK_MEAL_FIRST))))
			continue;
		kui_number(checks[i].value, decimals, value, sizeof value);
		range_text(&checks[i].target, decimals, target,
		    sizeof target);
		add_cells(l, mn_check_label(i), value, mn_check_unit(i),
		    target, mn_check_verdict(&checks[i]));
	}
}

/*
 * Adds one row of the allergy check.  Only the first column is wide (36
 * cells), so it gets the text that must show whole: the child, or the
 * dish and the food.  The second column gets a short tag (class or
 * meal), the fourth a note of up to 12 cells.
 */
static void
add_allergy_row(struct tui_list *l, const char *text, const char *tag,
    const char *note)
{
	add_cells(l, text, tag, "", note, "");
}

/* Counts the children of the check, and those not yet linked. */
static void
count_children(const struct mn_allergy_child *flags, size_t n,
    int *children, int *unlinked)
{
	*children = *unlinked = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || flags[i].child_id != flags[i - 1].child_id)
			(*children)++;
		if (flags[i].reason == MN_ALLERGY_UNLINKED)
			(*unlinked)++;
	}
}

/*
 * Adds the day's allergy check.  A summary row comes first.  Each child
 * then gets a row with the name and class, a "not yet linked" row with
 * the allergies text when the nurse has not linked it, and a row per
 * dish food the child must not eat.  That row gives "dish: food", the
 * meal, and the linked group or "theo ghi chú" (from the text).
 */
static void
fill_allergies(struct tui *ui, struct tui_list *l, const struct mn_date *day,
    enum mn_age_group group)
{
	struct mn_allergy_child *flags;
	struct mn_error err;
	char text[1400];
	int children, unlinked;
	size_t n;

	/* Asking the core for other roles would only audit a refusal. */
	if (!mn_allowed(&ui->ctx->actor, MN_ACT_ALLERGY_READ))
		return;
	mn_error_clear(&err);
	if (mn_kitchen_allergy_children(ui->ctx, day, group, &flags, &n,
	    &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return;
	}
	if (n == 0) {
		add_allergy_row(l, T("Allergies: no child flagged",
		    "Dị ứng: không có trẻ nào"), "", "");
		return;
	}
	count_children(flags, n, &children, &unlinked);
	snprintf(text, sizeof text, T("Allergies: %d children",
	    "Dị ứng: %d trẻ"), children);
	add_allergy_row(l, text, "", "");
	if (unlinked > 0) {
		snprintf(text, sizeof text, T("  not yet linked: %d, check "
		    "by hand", "  chưa đối chiếu: %d trẻ, kiểm tra tay"),
		    unlinked);
		add_allergy_row(l, text, "", "");
	}
	for (size_t i = 0; i < n; i++) {
		const struct mn_allergy_child *f = &flags[i];

		if (i == 0 || f->child_id != flags[i - 1].child_id) {
			snprintf(text, sizeof text, "%s %s", T("Allergy:",
			    "Dị ứng:"), f->name);
			add_allergy_row(l, text, f->class_code, "");
		}
		if (f->reason == MN_ALLERGY_UNLINKED) {
			snprintf(text, sizeof text, "  %s: %s",
			    T("Not yet linked", "Chưa đối chiếu"),
			    f->allergies);
			add_allergy_row(l, text, "", T("check by hand",
			    "kiểm tra tay"));
			continue;
		}
		snprintf(text, sizeof text, "  %s: %s", f->dish, f->food);
		add_allergy_row(l, text, mn_meal_label(f->meal),
		    f->reason == MN_ALLERGY_TEXT ? T("from the text",
		    "theo ghi chú") : f->via);
	}
	free(flags);
}

/*
 * Writes the rows of l as a page for a phone: a value alone follows its
 * label, a judged value (or a tag with a note) goes on the line below.
 * Returns NULL when out of memory.
 */
static char *
page_of(const struct tui_list *l, const char *head)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (f == NULL)
		return NULL;
	fputs(head, f);
	for (int i = 0; i < l->nrows; i++) {
		const char *c[5];

		for (int k = 0; k < 5; k++)
			c[k] = tui_list_cell(l, i, k);
		if (c[1][0] == '\0' && c[3][0] == '\0') {
			fprintf(f, "%s\n", c[0]);
			continue;
		}
		/* Nothing to judge: one line, "Protein: 21,4 g". */
		if (c[3][0] == '\0' && c[4][0] == '\0') {
			fprintf(f, "%s%s%s%s%s\n", c[0], c[2][0] != '\0' ?
			    ": " : ", ", c[1], c[2][0] != '\0' ? " " : "",
			    c[2]);
			continue;
		}
		fprintf(f, "%s\n", c[0]);
		fprintf(f, "  %s%s%s", c[1], c[2][0] != '\0' ? " " : "",
		    c[2]);
		if (c[4][0] != '\0')
			fprintf(f, ", %s", c[4]);
		if (c[3][0] != '\0' && c[4][0] != '\0')
			fprintf(f, T(" (need %s)", " (cần %s)"), c[3]);
		else if (c[3][0] != '\0')
			fprintf(f, "%s%s", c[1][0] != '\0' ? ", " : "", c[3]);
		fputc('\n', f);
	}
	fclose(f);
	return text;
}

/*
 * Shows n against r; day is NULL for a week's average (no allergies).
 * Under 80 columns it is a wrapped page that starts with head.
 */
static int
show_nutrition(struct tui *ui, const char *title,
    const struct mn_nutrition *n, const struct mn_requirement *r,
    const struct mn_date *day, enum mn_age_group group, const char *head)
{
	struct tui_list list;
	char *page;
	int action;

	tui_list_init(&list, detail_columns, 5);
	if (day != NULL)
		fill_allergies(ui, &list, day, group);
	fill_nutrition(&list, n, r);
	tui_enter(ui, title);
	/* NOTE: the layout follows the width at opening, not a resize. */
	if (COLS < TUI_STAFF_COLS && (page = page_of(&list, head)) != NULL) {
		do
			action = screen_text(ui, page, page_keys);
		while (action != TUI_ACT_BACK && action != TUI_ACT_END);
		free(page);
	} else {
		do
			action = tui_list_run(ui, &list, detail_keys);
		while (action != TUI_ACT_BACK && action != TUI_ACT_END);
	}
	tui_leave(ui);
	tui_list_free(&list);
	return action == TUI_ACT_END ? TUI_END : TUI_OK;
}

/*
 * Writes the head of a day's page on a phone: the week's status, the
 * day, and each meal's dishes in full, which the week list cuts.
 */
static void
day_head(const struct week_view *v, const struct mn_date *day, char *buf,
    size_t size)
{
	char date[11], label[32], dishes[1024];
	size_t used;

	mn_date_format_iso(day, date, sizeof date);
	kui_day_label(day, label, sizeof label);
	snprintf(buf, size, "%s/%04d, %s, %s\n", label, day->year,
	    mn_menu_group_label(v->group), v->approved ?
	    T("approved", "đã duyệt") : T("draft", "chưa duyệt"));
	for (int m = 0; m < MN_MEAL_COUNT; m++) {
		dishes_of(v, date, m, dishes, sizeof dishes);
		used = strlen(buf);
		if (dishes[0] != '\0' && used < size)
			snprintf(buf + used, size - used, "%s: %s\n",
			    mn_meal_label(m), dishes);
	}
	used = strlen(buf);
	if (used < size)
		snprintf(buf + used, size - used, "\n");
}

static int
day_detail(struct tui *ui, struct week_view *v, const struct mn_date *day)
{
	struct mn_nutrition n;
	struct mn_requirement r;
	struct mn_error err;
	char title[256], label[32], head[2048];

	mn_error_clear(&err);
	if (mn_kitchen_day_nutrition(ui->ctx, day, v->group, &n, &err) !=
	    MN_OK ||
	    mn_kitchen_requirement(ui->ctx, v->group, day, &r, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	kui_day_label(day, label, sizeof label);
	snprintf(title, sizeof title, "%s: %s/%04d, %s", T("Nutrition",
	    "Dinh dưỡng"), label, day->year, mn_menu_group_label(v->group));
	day_head(v, day, head, sizeof head);
	return show_nutrition(ui, title, &n, &r, day, v->group, head);
}

static int
week_average(struct tui *ui, struct week_view *v)
{
	struct mn_nutrition n;
	struct mn_requirement r;
	struct mn_error err;
	char title[256];

	mn_error_clear(&err);
	if (mn_kitchen_week_nutrition(ui->ctx, v->week, v->group, &n, &err) !=
	    MN_OK ||
	    mn_kitchen_requirement(ui->ctx, v->group, &v->monday, &r, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	snprintf(title, sizeof title, T("Nutrition: average of week %s "
	    "(%d days), %s", "Dinh dưỡng: trung bình tuần %s (%d ngày), %s"),
	    v->week, n.days, mn_menu_group_label(v->group));
	return show_nutrition(ui, title, &n, &r, NULL, v->group, "");
}

/* ---- Editing a meal ----------------------------------------------------- */

static const struct tui_keydef pick_keys[] = {
	{ { ' ', TK_ENTER, 'x' }, "Space", "Choose", "Chọn/bỏ", ACT_TOGGLE },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK(KEY_F(2)), 19 }, "F2", "Save", "Lưu", TUI_ACT_SAVE },
	{ { TK_ESC }, "Esc", "Cancel", "Hủy", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column pick_columns[] = {
	{ "", "", 3 },
	{ "Dish", "Món ăn", 0 },
};

#define MARK_ON "[x]"
#define MARK_OFF "[ ]"

static void
set_mark(struct tui_list *l, int row, bool on)
{
	char *mark = strdup(on ? MARK_ON : MARK_OFF);

	if (mark == NULL)
		return;
	free(l->cells[row * l->ncols]);
	l->cells[row * l->ncols] = mark;
}

/* Saves the marked dishes, in the order they were marked. */
static int
save_meal(struct tui *ui, struct week_view *v, const struct week_row *w,
    const struct mn_dish_info *dishes, const int *order, int norder)
{
	struct mn_error err;
	int64_t ids[64];
	size_t n = 0;

	for (int i = 0; i < norder && n < 64; i++)
		ids[n++] = dishes[order[i]].id;
	mn_error_clear(&err);
	if (mn_kitchen_menu_set(ui->ctx, &w->day, v->group, w->meal, ids, n,
	    &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return MN_ERR_INVALID;
	}
	tui_message(ui, T("Menu saved", "Đã lưu thực đơn"));
	return MN_OK;
}

static int
edit_meal(struct tui *ui, struct week_view *v, const struct week_row *w)
{
	struct mn_dish_info *dishes = NULL;
	struct tui_list list;
	struct mn_error err;
	size_t count = 0;
	int *order = NULL, norder = 0, action, rc = TUI_OK;
	char date[11], title[256], label[32];

	if (w->meal < 0) {
		tui_error(ui, "%s", T("No school on this day",
		    "Ngày này không có học"));
		return TUI_OK;
	}
	mn_error_clear(&err);
	if (mn_kitchen_dish_list(ui->ctx, v->group, &dishes, &count, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	if ((order = calloc(count + 1, sizeof *order)) == NULL) {
		free(dishes);
		return TUI_OK;
	}
	mn_date_format_iso(&w->day, date, sizeof date);
	tui_list_init(&list, pick_columns, 2);
	for (size_t i = 0; i < count; i++) {
		const char *cells[2] = { MARK_OFF, dishes[i].name };

		tui_list_add(&list, cells);
	}
	/* Dishes already on the menu, in their order. */
	for (size_t e = 0; e < v->nentries; e++) {
		if (strcmp(v->entries[e].date, date) != 0 ||
		    (int)v->entries[e].meal != w->meal)
			continue;
		for (size_t i = 0; i < count; i++)
			if (dishes[i].id == v->entries[e].dish_id) {
				set_mark(&list, (int)i, true);
				order[norder++] = (int)i;
			}
	}
	kui_day_label(&w->day, label, sizeof label);
	snprintf(title, sizeof title, "%s: %s, %s, %s", T("Dishes",
	    "Chọn món"), label, mn_meal_label(w->meal),
	    mn_menu_group_label(v->group));
	tui_enter(ui, title);
	for (;;) {
		int row;

		action = tui_list_run(ui, &list, pick_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == TUI_ACT_SAVE) {
			if (save_meal(ui, v, w, dishes, order, norder) == MN_OK)
				break;
			continue;
		}
		row = tui_list_selected(&list);
		if (action != ACT_TOGGLE || row < 0)
			continue;
		for (int i = 0; i < norder; i++)
			if (order[i] == row) {
				memmove(order + i, order + i + 1,
				    (size_t)(norder - i - 1) * sizeof *order);
				norder--;
				set_mark(&list, row, false);
				row = -1;
				break;
			}
		if (row >= 0) {
			order[norder++] = row;
			set_mark(&list, row, true);
		}
	}
	tui_leave(ui);
	tui_list_free(&list);
	free(order);
	free(dishes);
	return rc;
}

/* ---- Approval and copying ----------------------------------------------- */

static int
approve(struct tui *ui, struct week_view *v)
{
	struct mn_error err;
	char question[256];
	int rc;

	snprintf(question, sizeof question, v->approved ?
	    T("Reopen the menu of week %s?", "Mở lại thực đơn tuần %s?") :
	    T("Approve the menu of week %s?", "Duyệt thực đơn tuần %s?"),
	    v->week);
	if ((rc = tui_confirm(ui, question, true)) != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	mn_error_clear(&err);
	if (mn_kitchen_menu_approve(ui->ctx, v->week, v->group, !v->approved,
	    &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	else
		tui_message(ui, v->approved ? T("Week %s reopened",
		    "Đã mở lại tuần %s") : T("Week %s approved",
		    "Đã duyệt tuần %s"), v->week);
	return TUI_OK;
}

static int
copy_week(struct tui *ui, struct week_view *v)
{
	struct mn_date next = v->monday;
	struct mn_error err;
	char target[9], *text;
	int copied = 0, skipped = 0, rc;

	kui_add_days(&next, 7);
	kui_week_name(&next, target);
	rc = kui_ask(ui, T("Copy the week's menu", "Chép thực đơn tuần"),
	    "Copy onto week (YYYY-Www)", "Chép sang tuần (YYYY-Www)", target,
	    8, &text);
	if (rc != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	mn_error_clear(&err);
	if (mn_kitchen_menu_copy_week(ui->ctx, v->week, text, v->group,
	    &copied, &skipped, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	else
		tui_message(ui, T("Copied %d days onto week %s, %d days "
		    "without school skipped", "Đã chép %d ngày sang tuần %s, "
		    "bỏ qua %d ngày nghỉ"), copied, text, skipped);
	free(text);
	return TUI_OK;
}

static int
dispatch(struct tui *ui, struct week_view *v, int action)
{
	int row = tui_list_selected(&v->list);
	const struct week_row *w = row >= 0 && row < v->nrows ?
	    &v->rows[row] : NULL;

	switch (action) {
	case ACT_PREV_WEEK:
		kui_add_days(&v->monday, -7);
		v->list.sel = 0;
		return TUI_OK;
	case ACT_NEXT_WEEK:
		kui_add_days(&v->monday, 7);
		v->list.sel = 0;
		return TUI_OK;
	case ACT_GROUP:
		v->group = (v->group + 1) % MN_GROUP_COUNT;
		return TUI_OK;
	case ACT_APPROVE:
		return approve(ui, v);
	case ACT_COPY:
		return copy_week(ui, v);
	case ACT_WEEK_AVERAGE:
		return week_average(ui, v);
	case ACT_ALL_MEALS:
		v->all_meals = !v->all_meals;
		return TUI_OK;
	default:
		break;
	}
	if (w == NULL) {
		tui_error(ui, "%s", T("No day selected", "Chưa chọn ngày nào"));
		return TUI_OK;
	}
	if (action == ACT_DETAIL)
		return day_detail(ui, v, &w->day);
	if (action == ACT_EDIT)
		return edit_meal(ui, v, w);
	return TUI_OK;
}

int
screen_menus(struct tui *ui)
{
	struct tui_keydef keys[KEYS_MAX];
	struct week_view v;
	int rc = TUI_CANCEL;

	memset(&v, 0, sizeof v);
	/* Staff plan the kindergarten first; the crèche is one key away. */
	v.group = MN_GROUP_MAU_GIAO;
	mn_date_today(&v.monday);
	kui_monday(&v.monday);
	tui_list_init(&v.list, week_columns, 3);
	v.list.empty_en = "No school days in this week";
	v.list.empty_vi = "Tuần này không có ngày học";
	tui_enter(ui, v.title);
	for (;;) {
		int action;

		reload(ui, &v);
		set_title(ui, &v);
		kui_set_minimum(ui);
		kui_filter_keys(ui, COLS < TUI_STAFF_COLS ? narrow_week_keys :
		    week_keys, week_rights,
		    sizeof week_rights / sizeof week_rights[0], keys, KEYS_MAX);
		action = tui_list_run(ui, &v.list, keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (dispatch(ui, &v, action) == TUI_END) {
			rc = TUI_END;
			break;
		}
	}
	tui_leave(ui);
	tui_list_free(&v.list);
	free(v.entries);
	return rc;
}
