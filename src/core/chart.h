/*
 * A growth chart drawn as lines of text: WHO's curves at -3, -2, 0, +2
 * and +3 SD for one indicator and one child's measurements, with axis
 * labels and a legend.  Pure computation on the growth tables, with no
 * curses and no database, so the terminal screen only prints the lines
 * and the tests read them.
 *
 * Two styles: Unicode braille (U+2800-U+28FF, 2x4 dots per cell) for
 * UTF-8 terminals, and ASCII ('.' for +/-3 SD, '-' for +/-2 SD, '*' for
 * the median, 'o' for the child) for the rest.
 */
#ifndef MN_CORE_CHART_H
#define MN_CORE_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "core/growth.h"
#include "core/mn.h"

/* Smallest area mn_chart_render draws into. */
#define MN_CHART_MIN_COLS 30
#define MN_CHART_MIN_ROWS 8

/* Cells left of the plot (value labels and axis) and right of it. */
#define MN_CHART_LEFT 7
#define MN_CHART_RIGHT 3

/* Rows below the plot: axis, axis labels, legend. */
#define MN_CHART_BOTTOM 3

/* SD lines drawn, lowest first. */
#define MN_CHART_CURVES 5

/*
 * One measurement on the chart.  x is the age in days for weight-,
 * length/height- and BMI-for-age, and the length or height in cm for
 * weight-for-length/height.  y is kg, cm or kg/m2.
 */
struct mn_chart_point {
	double x, y;
};

struct mn_chart_input {
	int indicator;		/* enum mn_indicator */
	int sex;		/* 1 male, 2 female */
	bool height;		/* MN_WFLH: weight-for-height (from 24
				   months) */
	const struct mn_chart_point *points;
	size_t count;
};

/*
 * A rendered chart: rows UTF-8 lines of cols cells each.  The plot area
 * starts at line 0, column MN_CHART_LEFT, and is plot_cols x plot_rows
 * cells.  The x range is in months (age indicators) or cm (MN_WFLH).
 */
struct mn_chart {
	int cols, rows;
	int plot_cols, plot_rows;
	bool braille;
	double x_min, x_max;	/* left edge of the first and last cell */
	double y_min, y_max;	/* bottom and top edges of the plot */
	char **lines;
};

/*
 * Renders the chart into cols x rows cells (at least MN_CHART_MIN_COLS x
 * MN_CHART_MIN_ROWS).  The x range covers the child's points with a
 * margin and spans at least 6 months or 10 cm, within the reference's
 * range.  Without points it is the whole reference.  Returns
 * MN_ERR_INVALID for a bad indicator, sex or size, or MN_ERR_NOMEM.  On
 * MN_OK the caller frees the chart with mn_chart_free.
 */
int mn_chart_render(const struct mn_chart_input *in, bool braille, int cols,
    int rows, struct mn_chart *out, struct mn_error *err);
void mn_chart_free(struct mn_chart *chart);

/*
 * Finds the plot cell (line and column in chart->lines) of the chart
 * value (x in months or cm, y in the indicator's unit).  Returns false
 * when it falls outside the plot.
 */
bool mn_chart_cell(const struct mn_chart *chart, double x, double y,
    int *line, int *col);

/* Unit of the y axis of an indicator: "kg", "cm" or "kg/m²". */
const char *mn_chart_unit(int indicator);

#endif
