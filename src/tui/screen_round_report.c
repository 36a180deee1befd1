/*
 * The report of a measuring round: for the school (or one class), each
 * class, age group and sex, the children measured, flagged "measure
 * again" and counted, then each indicator's categories with counts and
 * percentages, and the children to follow up.  The figures come from
 * mn_round_report_build, which `mamnon export growth` also uses.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "tui/health_ui.h"
#include "tui/screens.h"

#define WRAP_CELLS 74

static const struct tui_keydef report_keys[] = {
	{ { 'r' }, "r", "Other round", "Đợt khác", TUI_ACT_SELECT },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static void
group_name(struct tui *ui, const struct mn_round_report *rep,
    const struct mn_report_group *g, char *buf, size_t size)
{
	char label[128];

	switch (g->dimension) {
	case MN_DIM_ALL:
		if (rep->class_code[0] != '\0')
			snprintf(buf, size, T("Class %s", "Lớp %s"),
			    rep->class_code);
		else
			snprintf(buf, size, "%s", T("Whole school",
			    "Toàn trường"));
		break;
	case MN_DIM_CLASS:
		snprintf(buf, size, T("Class %s", "Lớp %s"), g->key);
		break;
	case MN_DIM_AGE_GROUP:
		if (mn_age_group_label(ui->ctx, g->key, label,
		    sizeof label) != MN_OK)
			snprintf(label, sizeof label, "%s", g->key);
		snprintf(buf, size, T("Age group %s", "Độ tuổi %s"), label);
		break;
	default:
		snprintf(buf, size, "%s", strcmp(g->key, "F") == 0 ?
		    T("Girls", "Trẻ nữ") : T("Boys", "Trẻ nam"));
		break;
	}
}

/* Adds one indicator's categories, wrapped at WRAP_CELLS. */
static void
add_indicator(struct hui_page *p, const struct mn_report_group *g, int i)
{
	char line[320], part[96], pct[16];
	bool first = true;

	snprintf(line, sizeof line, T("  %s (of %d):", "  %s (trên %d):"),
	    hui_indicator_short(i), g->computed[i]);
	for (int c = MN_GROWTH_NORMAL; c < MN_GROWTH_CATEGORY_COUNT; c++) {
		const char *name;

		if (g->counts[i][c] == 0)
			continue;
		name = c == MN_GROWTH_NORMAL ? T("normal", "bình thường") :
		    c == MN_GROWTH_HIGH ? T("above +2 SD", "trên +2 SD") :
		    hui_category_short(i, c);
		hui_decimal(mn_report_percent(g, i, c), pct, sizeof pct);
		snprintf(part, sizeof part, "%s%s %d (%s%%)", first ? " " :
		    ", ", name, g->counts[i][c], pct);
		if (tui_width(line) + tui_width(part) > WRAP_CELLS) {
			hui_add(p, TUI_NORMAL, "%s", line);
			snprintf(line, sizeof line, "     %s", part + 1);
		} else
			strncat(line, part, sizeof line - strlen(line) - 1);
		first = false;
	}
	if (first)
		strncat(line, T(" none computed", " không tính được"),
		    sizeof line - strlen(line) - 1);
	hui_add(p, TUI_NORMAL, "%s", line);
}

static void
add_follow_up(struct hui_page *p, const struct mn_round_report *rep)
{
	hui_add(p, TUI_NORMAL, "%s", "");
	hui_add(p, TUI_HEADER, T("Children to follow up (%zu)",
	    "Trẻ cần theo dõi (%zu)"), rep->follow_count);
	for (size_t k = 0; k < rep->follow_count; k++) {
		const struct mn_follow_up *f = &rep->follow[k];
		char w[16], h[16], cats[160], name[160];

		hui_decimal(f->weight_kg, w, sizeof w);
		hui_decimal(f->height_cm, h, sizeof h);
		hui_categories(f->category, cats, sizeof cats);
		hui_pad(f->full_name, 24, name, sizeof name);
		hui_add(p, f->measure_again ? TUI_ERROR : TUI_NORMAL,
		    T("  %-6s %s %3ld mo %5s kg %5s cm  %s",
		    "  %-6s %s %3ld th %5s kg %5s cm  %s"), f->class_code,
		    name, (long)floor(f->age_days / MN_GROWTH_DAYS_PER_MONTH),
		    w, h, f->measure_again ? T("measure again", "cần đo lại") :
		    cats);
	}
}

static void
build_page(struct tui *ui, const struct mn_round_report *rep,
    struct hui_page *p)
{
	char name[192];

	hui_add(p, TUI_TITLE, T("Round %s, %s", "Đợt %s, %s"), rep->round,
	    rep->class_code[0] ? rep->class_code : T("whole school",
	    "toàn trường"));
	for (size_t k = 0; k < rep->group_count; k++) {
		const struct mn_report_group *g = &rep->groups[k];

		group_name(ui, rep, g, name, sizeof name);
		if (k > 0)
			hui_add(p, TUI_NORMAL, "%s", "");
		hui_add(p, TUI_HEADER, T("%s: measured %d, measure again %d, "
		    "counted %d", "%s: đã đo %d, cần đo lại %d, đưa vào thống "
		    "kê %d"), name, g->measured, g->flagged, g->included);
		for (int i = 0; i < MN_INDICATOR_COUNT; i++)
			add_indicator(p, g, i);
	}
	add_follow_up(p, rep);
}

enum { R_ROUND, R_CLASS, R_ROWS };

int
screen_round_report(struct tui *ui)
{
	struct tui_form_row rows[R_ROWS] = {
		{ .name = "round", .en = "Round (YYYY-MM)",
		    .vi = "Đợt cân đo (YYYY-MM)" },
		{ .name = "class", .en = "Class code (empty: all)",
		    .vi = "Mã lớp (để trống: cả trường)" },
	};
	struct tui_form form = { .rows = rows, .nrows = R_ROWS,
	    .enter_submits = true, .quiet_cancel = true };
	struct mn_date today;
	char text[16], own[MN_CLASS_CODE_MAX + 1];
	int rc;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	form.heading = T("Report of a measuring round",
	    "Báo cáo đợt cân đo");
	tui_field_init(&rows[R_ROUND].field, 7, TUI_SHOW);
	tui_field_init(&rows[R_CLASS].field, 16, TUI_SHOW);
	mn_date_today(&today);
	snprintf(text, sizeof text, "%04d-%02d", today.year, today.month);
	tui_field_set(&rows[R_ROUND].field, text);
	/* A teacher may read the report of her own class only. */
	hui_own_class(ui, own, sizeof own);
	tui_field_set(&rows[R_CLASS].field, own);
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		struct mn_round_report rep;
		struct mn_error err;
		struct hui_page page = { 0 };
		char *round = tui_field_get(&rows[R_ROUND].field);
		char *code = tui_field_get(&rows[R_CLASS].field);
		int action, built;

		mn_error_clear(&err);
		memset(&rep, 0, sizeof rep);
		built = round != NULL && code != NULL ?
		    mn_round_report_build(ui->ctx, round, code, &rep, &err) :
		    MN_ERR_NOMEM;
		free(round);
		free(code);
		if (built != MN_OK) {
			tui_error(ui, "%s", err.message);
			tui_form_focus(&form, err.field);
			continue;
		}
		build_page(ui, &rep, &page);
		mn_round_report_free(&rep);
		action = hui_page_run(ui, &page, 1, report_keys);
		hui_page_free(&page);
		if (action == TUI_ACT_END)
			return TUI_END;
		if (action == TUI_ACT_BACK)
			return TUI_CANCEL;
	}
	return rc;
}
