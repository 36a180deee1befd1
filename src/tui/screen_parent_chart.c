/*
 * The growth chart on a parent's child page: the child's measurements
 * against WHO's curves, rendered by core/chart.h into the screen's size
 * (40x15 at least), so a resize renders again.  Keys 1-4 switch the
 * indicator.  The measurements come from mn_parent_measurements, which
 * checks the link to the child and audits the view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "core/health.h"
#include "core/parent_view.h"
#include "tui/chart.h"
#include "tui/screens.h"

enum {
	ACT_WFA = TUI_ACT_USER,
	ACT_LHFA,
	ACT_WFLH,
	ACT_BFA,
};

static const struct tui_keydef chart_keys[] = {
	{ { '1' }, "1-4", "Indicator", "Chỉ số", ACT_WFA },
	{ { '2' }, "", NULL, NULL, ACT_LHFA },
	{ { '3' }, "", NULL, NULL, ACT_WFLH },
	{ { '4' }, "", NULL, NULL, ACT_BFA },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ .name = NULL }
};

static const char *const indicator_titles[MN_INDICATOR_COUNT][2] = {
	{ "Weight-for-age", "Cân nặng theo tuổi" },
	{ "Height-for-age", "Chiều cao theo tuổi" },
	{ "Weight-for-height", "Cân nặng theo chiều cao" },
	{ "BMI-for-age", "BMI theo tuổi" },
};

/*
 * Builds the points of one indicator.  Lengths are converted as the
 * standards expect for the age, and weight-for-length/height keeps the
 * points on the same side of 24 months as the latest measurement.
 */
static size_t
make_points(const struct mn_parent_measure *m, size_t n, int indicator,
    bool *height, struct mn_chart_point *pts)
{
	size_t k = 0;

	*height = n > 0 && m[n - 1].age_days >= MN_GROWTH_HEIGHT_FROM_DAYS;
	for (size_t i = 0; i < n; i++) {
		double cm = m[i].height_cm > 0 ? mn_growth_adjust_length(
		    m[i].age_days, m[i].height_cm, m[i].lying) : 0;
		double kg = m[i].weight_kg;

		if (indicator == MN_WFA && kg > 0) {
			pts[k].x = (double)m[i].age_days;
			pts[k++].y = kg;
		} else if (indicator == MN_LHFA && cm > 0) {
			pts[k].x = (double)m[i].age_days;
			pts[k++].y = cm;
		} else if (indicator == MN_WFLH && kg > 0 && cm > 0 &&
		    (m[i].age_days >= MN_GROWTH_HEIGHT_FROM_DAYS) == *height) {
			pts[k].x = cm;
			pts[k++].y = kg;
		} else if (indicator == MN_BFA && kg > 0 && cm > 0) {
			pts[k].x = (double)m[i].age_days;
			pts[k++].y = kg / ((cm / 100) * (cm / 100));
		}
	}
	return k;
}

/*
 * Writes the chart's legend in lines of at most width cells, never
 * breaking one of its parts ("x: tháng tuổi"); the core's one-line
 * legend is cut on a phone.  Returns the number of lines.
 */
static int
wrap_legend(int indicator, bool braille, int width, char lines[][256],
    int max)
{
	char x[64], y[64];
	const char *parts[6];
	int nparts = 0, n = 0, used = 0;

	snprintf(x, sizeof x, "x: %s", indicator == MN_WFLH ? "cm" :
	    T("months", "tháng tuổi"));
	snprintf(y, sizeof y, "y: %s", !braille && indicator == MN_BFA ?
	    "kg/m2" : mn_chart_unit(indicator));
	if (braille) {
		parts[nparts++] = "⠒ WHO -3 -2 0 +2 +3 SD";
		parts[nparts++] = T("● child", "● trẻ");
	} else {
		parts[nparts++] = ". -3/+3 SD";
		parts[nparts++] = "- -2/+2 SD";
		parts[nparts++] = T("* median", "* trung vị");
		parts[nparts++] = T("o child", "o trẻ");
	}
	parts[nparts++] = x;
	parts[nparts++] = y;
	lines[0][0] = '\0';
	for (int i = 0; i < nparts; i++) {
		int w = tui_width(parts[i]);

		if (used > 0 && used + 2 + w > width) {
			if (n + 1 >= max)
				break;
			lines[++n][0] = '\0';
			used = 0;
		}
		used += (used > 0 ? 2 : 0) + w;
		strncat(lines[n], lines[n][0] != '\0' ? "  " : "", 3);
		strncat(lines[n], parts[i], 255 - strlen(lines[n]));
	}
	return n + 1;
}

static void
draw(const struct mn_parent_measure *m, size_t n, int sex, int indicator,
    struct mn_chart_point *pts)
{
	struct mn_chart_input in = { .indicator = indicator, .sex = sex };
	struct mn_chart chart;
	struct mn_error err;
	char legend[4][256];
	bool braille = tui_chart_braille();
	int y = tui_body_top(), rows = tui_body_rows() - 1, nlegend;

	in.points = pts;
	in.count = make_points(m, n, indicator, &in.height, pts);
	tui_text(y++, 1, COLS - 2, T(indicator_titles[indicator][0],
	    indicator_titles[indicator][1]), TUI_TITLE);
	/* The chart's last row, its legend, makes room for the wrapped one. */
	nlegend = wrap_legend(indicator, braille, COLS - 2, legend, 4);
	if (nlegend < 1 || rows - nlegend + 1 < MN_CHART_MIN_ROWS)
		nlegend = 1;
	mn_error_clear(&err);
	if (mn_chart_render(&in, braille, COLS - 2, rows - nlegend + 1,
	    &chart, &err) != MN_OK) {
		tui_text(y + 1, 1, COLS - 2, err.message, TUI_ERROR);
		return;
	}
	for (int i = 0; i < chart.rows - 1; i++)
		tui_text(y + i, 1, COLS - 2, chart.lines[i], TUI_NORMAL);
	for (int i = 0; i < nlegend; i++)
		tui_text(y + chart.rows - 1 + i, 1, COLS - 2, legend[i],
		    TUI_NORMAL);
	mn_chart_free(&chart);
}

/* Shows the chart of a child of sex "M" or "F"; Esc goes back. */
int
parent_growth_chart(struct tui *ui, int64_t child_id, const char *sex)
{
	struct mn_parent_measure *m = NULL;
	struct mn_chart_point *pts;
	struct mn_error err;
	int indicator = MN_WFA, rc = TUI_OK;
	size_t n = 0;

	mn_error_clear(&err);
	if (mn_parent_measurements(ui->ctx, child_id, &m, &n, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	if ((pts = calloc(n + 1, sizeof *pts)) == NULL) {
		free(m);
		return TUI_OK;
	}
	tui_enter(ui, T("Growth chart", "Biểu đồ tăng trưởng"));
	for (;;) {
		int key, action;

		screen_set_parent_minimum(ui);
		if (tui_frame(ui, chart_keys))
			draw(m, n, strcmp(sex, "F") == 0 ? 2 : 1, indicator,
			    pts);
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END) {
			rc = TUI_END;
			break;
		}
		action = tui_key_action(chart_keys, key);
		if (action >= ACT_WFA && action <= ACT_BFA)
			indicator = MN_WFA + (action - ACT_WFA);
		else if (action == TUI_ACT_BACK)
			break;
	}
	tui_leave(ui);
	free(pts);
	free(m);
	return rc;
}
