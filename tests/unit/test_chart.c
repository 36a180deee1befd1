/*
 * The text growth chart: curves where the WHO tables put them, the
 * child's points in their cells, braille and ASCII styles, line widths
 * and the size checks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "core/chart.h"
#include "core/growth.h"

#define COLS 72
#define ROWS 20

/* Decodes the code point in cell col of a UTF-8 line (1 cell each). */
static unsigned
cell_at(const char *line, int col)
{
	const unsigned char *p = (const unsigned char *)line;
	unsigned cp;

	for (int i = 0; i < col && *p != '\0'; i++) {
		p++;
		while ((*p & 0xC0) == 0x80)
			p++;
	}
	if (*p < 0x80)
		return *p;
	if ((*p & 0xE0) == 0xC0)
		return (unsigned)(*p & 0x1F) << 6 | (p[1] & 0x3F);
	cp = (unsigned)(*p & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 |
	    (p[2] & 0x3F);
	return cp;
}

static int
cells_in(const char *line)
{
	int n = 0;

	for (const unsigned char *p = (const unsigned char *)line; *p != '\0';
	    p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}

/* Median weight-for-age of a boy at months, from the WHO tables. */
static double
median_at(int indicator, int sex, double months)
{
	struct mn_lms lms;

	assert_int_equal(mn_growth_lms_at_age(indicator, sex,
	    lround(months * MN_GROWTH_DAYS_PER_MONTH), &lms), MN_OK);
	return mn_growth_lms_value(&lms, 0);
}

/* Row of value y on the plot, computed from the chart's range. */
static int
expected_row(const struct mn_chart *c, double y)
{
	return (int)floor((c->y_max - y) / (c->y_max - c->y_min) *
	    c->plot_rows);
}

/* Centre of plot column col, in months or cm. */
static double
column_centre(const struct mn_chart *c, int col)
{
	return c->x_min + (col + 0.5) * (c->x_max - c->x_min) / c->plot_cols;
}

static const struct mn_chart_point boy_points[] = {
	{ 365, 9.8 }, { 456, 10.4 }, { 547, 10.9 }, { 730, 12.0 },
};

static struct mn_chart_input
boy_wfa(void)
{
	struct mn_chart_input in = {
		.indicator = MN_WFA, .sex = 1, .points = boy_points,
		.count = sizeof boy_points / sizeof boy_points[0],
	};

	return in;
}

static void
test_ascii_median_cell(void **state)
{
	struct mn_chart_input in = boy_wfa();
	struct mn_chart c;
	int checked = 0;

	(void)state;
	assert_int_equal(mn_chart_render(&in, false, COLS, ROWS, &c, NULL),
	    MN_OK);
	for (int col = 0; col < c.plot_cols; col += 7) {
		double x = column_centre(&c, col);
		int row = expected_row(&c, median_at(MN_WFA, 1, x));
		unsigned ch = cell_at(c.lines[row], MN_CHART_LEFT + col);

		/* A child's mark may hide the curve in its cell. */
		if (ch == 'o')
			continue;
		assert_int_equal(ch, '*');
		checked++;
	}
	assert_true(checked >= 5);
	mn_chart_free(&c);
}

static void
test_braille_median_cell(void **state)
{
	struct mn_chart_input in = boy_wfa();
	struct mn_chart c;

	(void)state;
	assert_int_equal(mn_chart_render(&in, true, COLS, ROWS, &c, NULL),
	    MN_OK);
	for (int col = 1; col < c.plot_cols; col += 9) {
		double x = column_centre(&c, col);
		int row = expected_row(&c, median_at(MN_WFA, 1, x));
		unsigned ch = cell_at(c.lines[row], MN_CHART_LEFT + col);

		if (ch == 0x25CF)
			continue;
		assert_true(ch > 0x2800 && ch <= 0x28FF);
	}
	mn_chart_free(&c);
}

static void
test_points_marked(void **state)
{
	struct mn_chart_input in = boy_wfa();
	struct mn_chart c;

	(void)state;
	for (int braille = 0; braille <= 1; braille++) {
		assert_int_equal(mn_chart_render(&in, braille, COLS, ROWS, &c,
		    NULL), MN_OK);
		for (size_t i = 0; i < in.count; i++) {
			int line, col;

			assert_true(mn_chart_cell(&c, boy_points[i].x /
			    MN_GROWTH_DAYS_PER_MONTH, boy_points[i].y, &line,
			    &col));
			assert_int_equal(cell_at(c.lines[line], col),
			    braille ? 0x25CF : 'o');
		}
		mn_chart_free(&c);
	}
}

static void
test_x_range_covers_points(void **state)
{
	struct mn_chart_input in = boy_wfa();
	struct mn_chart c;

	(void)state;
	assert_int_equal(mn_chart_render(&in, false, COLS, ROWS, &c, NULL),
	    MN_OK);
	assert_true(c.x_min <= 365 / MN_GROWTH_DAYS_PER_MONTH);
	assert_true(c.x_max >= 730 / MN_GROWTH_DAYS_PER_MONTH);
	assert_true(c.x_min >= 0);
	assert_true(c.x_max - c.x_min >= 6);
	mn_chart_free(&c);
}

static void
test_ascii_only_ascii(void **state)
{
	struct mn_chart_input in = boy_wfa();
	struct mn_chart c;

	(void)state;
	assert_int_equal(mn_chart_render(&in, false, COLS, ROWS, &c, NULL),
	    MN_OK);
	/* The legend is in the interface language; the drawing is ASCII. */
	for (int i = 0; i < c.rows - 1; i++)
		for (const char *p = c.lines[i]; *p != '\0'; p++)
			assert_true((unsigned char)*p < 0x80);
	mn_chart_free(&c);
}

static void
test_line_widths(void **state)
{
	struct mn_chart_input in = boy_wfa();
	struct mn_chart c;

	(void)state;
	for (int braille = 0; braille <= 1; braille++) {
		assert_int_equal(mn_chart_render(&in, braille, COLS, ROWS, &c,
		    NULL), MN_OK);
		for (int i = 0; i < c.rows; i++)
			assert_int_equal(cells_in(c.lines[i]), COLS);
		mn_chart_free(&c);
	}
}

static void
test_braille_has_dots(void **state)
{
	struct mn_chart_input in = boy_wfa();
	struct mn_chart c;
	int dots = 0;

	(void)state;
	assert_int_equal(mn_chart_render(&in, true, COLS, ROWS, &c, NULL),
	    MN_OK);
	for (int i = 0; i < c.plot_rows; i++)
		for (int col = 0; col < COLS; col++) {
			unsigned ch = cell_at(c.lines[i], col);

			if (ch > 0x2800 && ch <= 0x28FF)
				dots++;
		}
	/* Five curves across the plot. */
	assert_true(dots >= 5 * c.plot_cols / 2);
	mn_chart_free(&c);
}

static void
test_curve_order(void **state)
{
	struct mn_chart_input in = boy_wfa();
	struct mn_chart c;
	int col = 10, rows[2];

	(void)state;
	assert_int_equal(mn_chart_render(&in, false, COLS, ROWS, &c, NULL),
	    MN_OK);
	/* +3 SD lies above -3 SD: '.' near the top and near the bottom. */
	for (int k = 0; k < 2; k++) {
		struct mn_lms lms;
		double x = column_centre(&c, col);

		assert_int_equal(mn_growth_lms_at_age(MN_WFA, 1,
		    lround(x * MN_GROWTH_DAYS_PER_MONTH), &lms), MN_OK);
		rows[k] = expected_row(&c, mn_growth_lms_value(&lms,
		    k == 0 ? 3 : -3));
		assert_int_equal(cell_at(c.lines[rows[k]], MN_CHART_LEFT + col),
		    '.');
	}
	assert_true(rows[0] < rows[1]);
	mn_chart_free(&c);
}

static void
test_weight_for_length(void **state)
{
	static const struct mn_chart_point pts[] = { { 70.0, 8.0 },
	    { 78.5, 10.1 } };
	struct mn_chart_input in = { .indicator = MN_WFLH, .sex = 2,
	    .height = false, .points = pts, .count = 2 };
	struct mn_chart c;
	struct mn_lms lms;
	double x;
	int row, col = 20;

	(void)state;
	assert_int_equal(mn_chart_render(&in, false, COLS, ROWS, &c, NULL),
	    MN_OK);
	assert_true(c.x_min <= 70.0);
	assert_true(c.x_max >= 78.5);
	x = column_centre(&c, col);
	assert_int_equal(mn_growth_lms_at_length(2, false,
	    round(x * 10) / 10, &lms), MN_OK);
	row = expected_row(&c, mn_growth_lms_value(&lms, 0));
	assert_int_equal(cell_at(c.lines[row], MN_CHART_LEFT + col), '*');
	mn_chart_free(&c);
}

static void
test_no_points_whole_range(void **state)
{
	struct mn_chart_input in = { .indicator = MN_LHFA, .sex = 2 };
	struct mn_chart c;

	(void)state;
	assert_int_equal(mn_chart_render(&in, true, COLS, ROWS, &c, NULL),
	    MN_OK);
	assert_true(c.x_min == 0);
	assert_true(c.x_max == 228);
	mn_chart_free(&c);
}

static void
test_bad_input(void **state)
{
	struct mn_chart_input in = boy_wfa();
	struct mn_chart c;
	struct mn_error err;

	(void)state;
	assert_int_equal(mn_chart_render(&in, false, MN_CHART_MIN_COLS - 1,
	    ROWS, &c, &err), MN_ERR_INVALID);
	assert_string_equal(err.field, "size");
	assert_int_equal(mn_chart_render(&in, false, COLS,
	    MN_CHART_MIN_ROWS - 1, &c, &err), MN_ERR_INVALID);
	in.sex = 3;
	assert_int_equal(mn_chart_render(&in, false, COLS, ROWS, &c, &err),
	    MN_ERR_INVALID);
	in.sex = 1;
	in.indicator = MN_INDICATOR_COUNT;
	assert_int_equal(mn_chart_render(&in, false, COLS, ROWS, &c, &err),
	    MN_ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii_median_cell),
		cmocka_unit_test(test_braille_median_cell),
		cmocka_unit_test(test_points_marked),
		cmocka_unit_test(test_x_range_covers_points),
		cmocka_unit_test(test_ascii_only_ascii),
		cmocka_unit_test(test_line_widths),
		cmocka_unit_test(test_braille_has_dots),
		cmocka_unit_test(test_curve_order),
		cmocka_unit_test(test_weight_for_length),
		cmocka_unit_test(test_no_points_whole_range),
		cmocka_unit_test(test_bad_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
