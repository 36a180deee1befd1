/*
 * Nutrition requirements per age group, each from an "effective from"
 * date: energy at school, P/L/G shares of energy, animal shares,
 * minerals, vitamins, the daily need and each meal's share.  The
 * principal sets a requirement from a date (a new date adds a row, an
 * existing date replaces it); the kitchen reads.  The calculation of a
 * day uses the row in force on that day.
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
	ACT_VIEW = TUI_ACT_USER,
	ACT_NEW,
	ACT_GROUP,
};

static const struct tui_keydef req_keys[] = {
	{ { TK_ENTER, 'e' }, "Enter", "Open", "Xem/sửa", ACT_VIEW },
	{ { 'n', TK(KEY_IC) }, "n", "New from a date", "Thêm từ ngày",
	    ACT_NEW },
	{ { 'g', TK_TAB }, "g", "Group", "Nhóm", ACT_GROUP },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct kui_key_right approve_keys[] = {
	{ ACT_NEW, MN_KITCHEN_APPROVE },
};

#define KEYS_MAX 16

static const struct tui_column req_columns[] = {
	{ "From", "Từ ngày", 11 },
	{ "kcal", "kcal", 9 },
	{ "P %", "P %", 6 },
	{ "L %", "L %", 6 },
	{ "G %", "G %", 6 },
	{ "Animal P %", "P đv %", 7 },
	{ "Set by", "Người đặt", 0 },
};

/* Form rows: the date, 15 ranges in this order, then the daily need. */
enum { R_FROM, R_RANGES, R_DAILY = R_RANGES + 15, R_ROWS };

static const char *const range_names[15] = { "kcal", "protein_pct",
    "lipid_pct", "glucid_pct", "animal_protein_pct", "animal_lipid_pct",
    "calcium_mg", "iron_mg", "vitamin_a_ug", "vitamin_b1_mg",
    "vitamin_c_mg", "breakfast_pct", "lunch_pct", "afternoon_pct",
    "snack_pct" };

static struct mn_range *
range_of(struct mn_requirement *r, int i)
{
	struct mn_range *all[15] = { &r->kcal, &r->protein_pct,
	    &r->lipid_pct, &r->glucid_pct, &r->animal_protein_pct,
	    &r->animal_lipid_pct, &r->calcium_mg, &r->iron_mg,
	    &r->vitamin_a_ug, &r->vitamin_b1_mg, &r->vitamin_c_mg,
	    &r->meal_pct[MN_MEAL_BREAKFAST], &r->meal_pct[MN_MEAL_LUNCH],
	    &r->meal_pct[MN_MEAL_AFTERNOON], &r->meal_pct[MN_MEAL_SNACK] };

	return all[i];
}

/* Labels of the range rows, kept for the form's lifetime. */
struct req_labels {
	char text[15][96];
};

static void
init_rows(struct tui_form_row *rows, struct req_labels *labels)
{
	memset(rows, 0, R_ROWS * sizeof *rows);
	rows[R_FROM] = (struct tui_form_row){ .name = "effective_from",
	    .en = "From (dd/mm/yyyy)", .vi = "Áp dụng từ (dd/mm/yyyy)" };
	tui_field_init(&rows[R_FROM].field, 10, TUI_SHOW);
	for (int i = 0; i < 15; i++) {
		if (i < MN_CHECK_MEAL_FIRST)
			snprintf(labels->text[i], sizeof labels->text[i],
			    "%s (%s)", mn_check_label(i), mn_check_unit(i));
		else
			snprintf(labels->text[i], sizeof labels->text[i],
			    T("%s, %% of daily need", "%s, %% nhu cầu ngày"),
			    mn_meal_label(i - MN_CHECK_MEAL_FIRST));
		rows[R_RANGES + i].name = range_names[i];
		rows[R_RANGES + i].en = labels->text[i];
		rows[R_RANGES + i].vi = labels->text[i];
		tui_field_init(&rows[R_RANGES + i].field, 21, TUI_SHOW);
	}
	rows[R_DAILY] = (struct tui_form_row){ .name = "daily_kcal",
	    .en = "Daily need (kcal)", .vi = "Nhu cầu cả ngày (kcal)" };
	tui_field_init(&rows[R_DAILY].field, 8, TUI_SHOW);
}

static void
fill_rows(struct tui_form_row *rows, const struct mn_date *from,
    struct mn_requirement *r)
{
	char text[48];

	mn_date_format(from, text, sizeof text);
	tui_field_set(&rows[R_FROM].field, text);
	for (int i = 0; i < 15; i++) {
		kui_range_text(range_of(r, i), text, sizeof text);
		tui_field_set(&rows[R_RANGES + i].field, text);
	}
	kui_plain_number(r->daily_kcal, text, sizeof text);
	tui_field_set(&rows[R_DAILY].field, text);
}

static int
read_rows(struct tui_form_row *rows, struct mn_date *from,
    struct mn_requirement *r, struct mn_error *err)
{
	char *text[R_ROWS], label[128];
	int rc = MN_OK;

	memset(r, 0, sizeof *r);
	for (int i = 0; i < R_ROWS; i++)
		if ((text[i] = tui_field_get(&rows[i].field)) == NULL)
			rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if (rc == MN_OK)
		rc = mn_date_parse(text[R_FROM], "effective_from", from, err);
	for (int i = 0; i < 15 && rc == MN_OK; i++)
		rc = kui_parse_range(text[R_RANGES + i], range_names[i],
		    kui_row_label(&rows[R_RANGES + i], label, sizeof label),
		    range_of(r, i), err);
	if (rc == MN_OK)
		rc = kui_parse_number(text[R_DAILY], "daily_kcal",
		    kui_row_label(&rows[R_DAILY], label, sizeof label), false,
		    &r->daily_kcal, err);
	for (int i = 0; i < R_ROWS; i++)
		free(text[i]);
	return rc;
}

/*
 * Runs the requirement form of group prefilled with r from the date
 * from; read-only without the right to edit.  Draft key
 * "kitchen:requirement:GROUP".
 */
static int
requirement_form(struct tui *ui, enum mn_age_group group,
    const struct mn_date *from, struct mn_requirement *r)
{
	struct tui_form_row rows[R_ROWS];
	struct tui_form form = { .rows = rows, .nrows = R_ROWS };
	struct req_labels labels;
	bool may_edit = mn_kitchen_may(&ui->ctx->actor, MN_KITCHEN_APPROVE);
	char key[64], title[200];
	struct mn_error err;
	int rc;

	init_rows(rows, &labels);
	fill_rows(rows, from, r);
	snprintf(key, sizeof key, "kitchen:requirement:%s",
	    mn_menu_group_key(group));
	form.draft_key = key;
	if (!may_edit)
		for (int i = 0; i < R_ROWS; i++)
			rows[i].readonly = true;
	form.note = T("Ranges as min-max (615-726), 60- for a minimum only, "
	    "empty for no check.", "Khoảng ghi tối thiểu-tối đa (615-726), "
	    "60- nếu chỉ có mức tối thiểu, để trống nếu không kiểm tra.");
	snprintf(title, sizeof title, "%s", may_edit ? T("Set from a date",
	    "Đặt từ ngày") : T("Requirement", "Nhu cầu"));
	tui_enter(ui, title);
	while ((rc = tui_form_run(ui, &form)) == TUI_OK && may_edit) {
		struct mn_requirement nr;
		struct mn_date d;

		mn_error_clear(&err);
		if (read_rows(rows, &d, &nr, &err) == MN_OK &&
		    mn_kitchen_requirement_set(ui->ctx, group, &d, &nr,
		    &err) == MN_OK) {
			tui_message(ui, T("Requirement saved",
			    "Đã lưu nhu cầu dinh dưỡng"));
			break;
		}
		tui_error(ui, "%s", err.message);
		tui_form_focus(&form, err.field);
	}
	tui_leave(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

static void
fill_list(struct tui *ui, struct tui_list *l, enum mn_age_group group,
    struct mn_requirement_row **rows, size_t *n)
{
	struct mn_error err;

	tui_list_clear(l);
	free(*rows);
	*rows = NULL;
	*n = 0;
	mn_error_clear(&err);
	if (mn_kitchen_requirement_list(ui->ctx, group, rows, n, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return;
	}
	for (size_t i = 0; i < *n; i++) {
		struct mn_requirement_row *row = &(*rows)[i];
		char from[16], v[5][48];
		const char *cells[7] = { from, v[0], v[1], v[2], v[3], v[4],
		    row->changed_by };
		struct mn_date d;

		if (mn_date_parse_iso(row->effective_from, "date", &d,
		    NULL) == MN_OK)
			mn_date_format(&d, from, sizeof from);
		else
			snprintf(from, sizeof from, "%s", row->effective_from);
		for (int k = 0; k < 5; k++)
			kui_range_text(range_of(&row->r, k), v[k],
			    sizeof v[k]);
		tui_list_add(l, cells);
	}
}

/* The requirement list screen's state, for kui_list_loop. */
struct requirement_screen {
	struct tui_list list;
	struct mn_requirement_row *rows;
	size_t n;
	enum mn_age_group group;
	char title[160];
};

static struct tui_list *
reload_requirements(struct tui *ui, void *arg)
{
	struct requirement_screen *rs = arg;

	fill_list(ui, &rs->list, rs->group, &rs->rows, &rs->n);
	snprintf(rs->title, sizeof rs->title, "%s",
	    mn_menu_group_label(rs->group));
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	return &rs->list;
}

static int
act_on_requirement(struct tui *ui, int action, void *arg)
{
	struct requirement_screen *rs = arg;
	int row = tui_list_selected(&rs->list);
	struct mn_date d;

	if (action == ACT_GROUP) {
		rs->group = (rs->group + 1) % MN_GROUP_COUNT;
		rs->list.sel = 0;
	} else if (action == ACT_NEW) {
		struct mn_requirement r;

		mn_date_today(&d);
		if (row >= 0 && (size_t)row < rs->n)
			r = rs->rows[row].r;
		else
			mn_requirement_default(rs->group, &r);
		return requirement_form(ui, rs->group, &d, &r);
	} else if (action == ACT_VIEW && row >= 0 && (size_t)row < rs->n &&
	    mn_date_parse_iso(rs->rows[row].effective_from, "date", &d,
	    NULL) == MN_OK)
		return requirement_form(ui, rs->group, &d, &rs->rows[row].r);
	return TUI_OK;
}

int
screen_kitchen_requirements(struct tui *ui)
{
	struct tui_keydef keys[KEYS_MAX];
	struct requirement_screen rs = { .rows = NULL, .n = 0,
	    .group = MN_GROUP_MAU_GIAO };
	int rc;

	kui_filter_keys(ui, req_keys, approve_keys, 1, keys, KEYS_MAX);
	tui_list_init(&rs.list, req_columns, 7);
	rs.list.empty_en = "No requirement set";
	rs.list.empty_vi = "Chưa có nhu cầu dinh dưỡng";
	rs.title[0] = '\0';
	rc = kui_list_loop(ui, rs.title, keys, reload_requirements,
	    act_on_requirement, &rs);
	tui_list_free(&rs.list);
	free(rs.rows);
	return rc;
}

/* Reopens "requirement:GROUP" from a draft, prefilled with today's row. */
int
kitchen_requirement_reopen(struct tui *ui, const char *record)
{
	enum mn_age_group group;
	struct mn_requirement r;
	struct mn_date today;
	struct mn_error err;

	if (strncmp(record, "requirement:", 12) != 0 ||
	    mn_menu_group_parse(record + 12, &group, NULL) != MN_OK)
		return TUI_CANCEL;
	mn_date_today(&today);
	mn_error_clear(&err);
	if (mn_kitchen_requirement(ui->ctx, group, &today, &r, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	return requirement_form(ui, group, &today, &r);
}
