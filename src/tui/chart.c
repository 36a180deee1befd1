/*
 * The growth chart screen (chart.h).  The core renders the chart into
 * text lines of the screen's size, and this screen only prints them, so
 * a resize renders again.
 */
#include <langinfo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/chart.h"
#include "core/health.h"
#include "tui/chart.h"
#include "tui/health_ui.h"

enum {
	ACT_WFA = TUI_ACT_USER,
	ACT_LHFA,
	ACT_WFLH,
	ACT_BFA,
	ACT_STYLE,
};

static const struct tui_keydef chart_keys[] = {
	{ { '1' }, "1", "Weight/age", "CN/tuổi", ACT_WFA },
	{ { '2' }, "2", "Height/age", "CC/tuổi", ACT_LHFA },
	{ { '3' }, "3", "Weight/height", "CN/CC", ACT_WFLH },
	{ { '4' }, "4", "BMI/age", "BMI/tuổi", ACT_BFA },
	{ { 'a' }, "a", "ASCII/braille", "ASCII/braille", ACT_STYLE },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

bool
tui_chart_braille(void)
{
	const char *cs = nl_langinfo(CODESET);
	const char *term = termname();

	if (cs == NULL || (strcasecmp(cs, "UTF-8") != 0 &&
	    strcasecmp(cs, "utf8") != 0))
		return false;
	if (term == NULL)
		return false;
	return strncmp(term, "vt1", 3) != 0 && strncmp(term, "vt2", 3) != 0 &&
	    strcmp(term, "linux") != 0 && strcmp(term, "dumb") != 0;
}

static const char *
indicator_title(int indicator)
{
	switch (indicator) {
	case MN_WFA:
		return T("weight-for-age", "cân nặng theo tuổi");
	case MN_LHFA:
		return T("length/height-for-age", "chiều cao theo tuổi");
	case MN_WFLH:
		return T("weight-for-length/height", "cân nặng theo chiều cao");
	default:
		return T("BMI-for-age", "BMI theo tuổi");
	}
}

/*
 * Builds the chart points of one indicator.  Lengths are converted as
 * the standards expect for the age, and weight-for-length/height keeps
 * the points on the same side of 24 months as the latest one.
 */
static size_t
make_points(const struct mn_measurement *m, size_t n, int indicator,
    bool *height, struct mn_chart_point *pts)
{
	size_t k = 0;

	*height = n > 0 && m[n - 1].age_days >= MN_GROWTH_HEIGHT_FROM_DAYS;
	for (size_t i = 0; i < n; i++) {
		double cm = m[i].height_cm > 0 ? mn_growth_adjust_length(
		    m[i].age_days, m[i].height_cm,
		    m[i].position == MN_POSITION_LYING) : 0;
		double kg = m[i].weight_kg;

		switch (indicator) {
		case MN_WFA:
			if (kg <= 0)
				continue;
			pts[k].x = (double)m[i].age_days;
			pts[k].y = kg;
			break;
		case MN_LHFA:
			if (cm <= 0)
				continue;
			pts[k].x = (double)m[i].age_days;
			pts[k].y = cm;
			break;
		case MN_WFLH:
			if (kg <= 0 || cm <= 0 ||
			    (m[i].age_days >= MN_GROWTH_HEIGHT_FROM_DAYS) !=
			    *height)
				continue;
			pts[k].x = cm;
			pts[k].y = kg;
			break;
		default:
			if (kg <= 0 || cm <= 0)
				continue;
			pts[k].x = (double)m[i].age_days;
			pts[k].y = kg / ((cm / 100) * (cm / 100));
			break;
		}
		k++;
	}
	return k;
}

static void
draw_chart(struct tui *ui, const struct mn_child *child,
    const struct mn_measurement *m, size_t n, int indicator, bool braille,
    struct mn_chart_point *pts)
{
	struct mn_chart_input in = { .indicator = indicator,
	    .sex = child->sex == 'F' ? 2 : 1 };
	struct mn_chart chart;
	struct mn_error err;
	char head[320];
	int y = tui_body_top();

	in.points = pts;
	in.count = make_points(m, n, indicator, &in.height, pts);
	snprintf(head, sizeof head, T("%s: %s (%zu points)",
	    "%s: %s (%zu lần đo)"), child->full_name,
	    indicator == MN_WFLH ? (in.height ? T("weight-for-height",
	    "cân nặng theo chiều cao đứng") : T("weight-for-length",
	    "cân nặng theo chiều dài nằm")) : indicator_title(indicator),
	    in.count);
	tui_text(y++, 1, COLS - 2, head, TUI_TITLE);
	mn_error_clear(&err);
	if (mn_chart_render(&in, braille, COLS - 2, tui_body_rows() - 1,
	    &chart, &err) != MN_OK) {
		tui_text(y + 1, 1, COLS - 2, err.message, TUI_ERROR);
		return;
	}
	for (int i = 0; i < chart.rows; i++)
		tui_text(y + i, 1, COLS - 2, chart.lines[i], TUI_NORMAL);
	mn_chart_free(&chart);
}

int
screen_growth_chart(struct tui *ui, const struct mn_child *child,
    int indicator)
{
	struct mn_measurement *m = NULL;
	struct mn_chart_point *pts;
	struct mn_error err;
	const char *saved = hui_enter(ui, T("Growth chart",
	    "Biểu đồ tăng trưởng"));
	bool braille = tui_chart_braille();
	size_t n = 0;
	int rc = TUI_CANCEL;

	mn_error_clear(&err);
	if (mn_measure_list(ui->ctx, child->id, &m, &n, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		hui_leave(ui, saved);
		return TUI_CANCEL;
	}
	if ((pts = calloc(n + 1, sizeof *pts)) == NULL) {
		free(m);
		hui_leave(ui, saved);
		return TUI_CANCEL;
	}
	for (;;) {
		int key, action;

		if (tui_frame(ui, chart_keys))
			draw_chart(ui, child, m, n, indicator, braille, pts);
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END) {
			rc = TUI_END;
			break;
		}
		action = tui_key_action(chart_keys, key);
		if (action >= ACT_WFA && action <= ACT_BFA)
			indicator = MN_WFA + (action - ACT_WFA);
		else if (action == ACT_STYLE)
			braille = !braille;
		else if (action == TUI_ACT_BACK)
			break;
		else if (action == TUI_ACT_HELP &&
		    hui_help(ui, chart_keys) == TUI_END) {
			rc = TUI_END;
			break;
		}
	}
	free(pts);
	free(m);
	hui_leave(ui, saved);
	return rc;
}
