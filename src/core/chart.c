/*
 * The growth chart as text (chart.h).  The plot is a grid of dots: 2x4
 * per cell in braille, 1 per cell in ASCII.  The WHO curves are sampled
 * once per dot column from the LMS tables, and consecutive samples are
 * joined vertically so steep parts stay connected.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"

static const double curve_z[MN_CHART_CURVES] = { -3, -2, 0, 2, 3 };
static const char *const curve_label[MN_CHART_CURVES] = {
	"-3", "-2", "0", "+2", "+3"
};
/* ASCII marks by priority: a cell shows the highest one drawn in it. */
static const char ascii_mark[MN_CHART_CURVES] = { '.', '-', '*', '-', '.' };
#define MARK_CHILD 10

/* Braille dot bits by dot row (0-3) and dot column (0-1) in a cell. */
static const unsigned char braille_bit[4][2] = {
	{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
};

struct canvas {
	int w, h;		/* cells */
	int dw, dh;		/* dots */
	bool braille;
	unsigned char *dots;	/* braille bits per cell */
	char *mark;		/* ASCII mark or MARK_CHILD per cell, 0 none */
	int *prio;		/* priority of mark */
};

const char *
mn_chart_unit(int indicator)
{
	switch (indicator) {
	case MN_LHFA:
		return "cm";
	case MN_BFA:
		return "kg/m²";
	default:
		return "kg";
	}
}

/* Reference range of the x axis: months, or cm for MN_WFLH. */
static void
reference_range(const struct mn_chart_input *in, double *lo, double *hi)
{
	switch (in->indicator) {
	case MN_WFA:
		*lo = 0;
		*hi = 120;
		break;
	case MN_WFLH:
		*lo = in->height ? 65 : 45;
		*hi = in->height ? 120 : 110;
		break;
	default:
		*lo = 0;
		*hi = 228;
		break;
	}
}

/* Returns the curve value at x (months or cm), or NAN outside tables. */
static double
curve_value(const struct mn_chart_input *in, double x, double z)
{
	struct mn_lms lms;
	int rc;

	if (in->indicator == MN_WFLH)
		rc = mn_growth_lms_at_length(in->sex, in->height,
		    round(x * 10.0) / 10.0, &lms);
	else
		rc = mn_growth_lms_at_age(in->indicator, in->sex,
		    lround(x * MN_GROWTH_DAYS_PER_MONTH), &lms);
	if (rc != MN_OK)
		return NAN;
	return mn_growth_lms_value(&lms, z);
}

static double
point_x(const struct mn_chart_input *in, const struct mn_chart_point *p)
{
	return in->indicator == MN_WFLH ? p->x :
	    p->x / MN_GROWTH_DAYS_PER_MONTH;
}

/* Chooses the x range: the points with a margin, within the reference. */
static void
choose_x_range(const struct mn_chart_input *in, double *x_min,
    double *x_max)
{
	double ref_lo, ref_hi, lo = INFINITY, hi = -INFINITY, pad, least;

	reference_range(in, &ref_lo, &ref_hi);
	for (size_t i = 0; i < in->count; i++) {
		double x = point_x(in, &in->points[i]);

		if (!isfinite(x) || !isfinite(in->points[i].y))
			continue;
		if (x < lo)
			lo = x;
		if (x > hi)
			hi = x;
	}
	if (lo > hi) {
		*x_min = ref_lo;
		*x_max = ref_hi;
		return;
	}
	least = in->indicator == MN_WFLH ? 10 : 6;
	pad = (hi - lo) * 0.1;
	if (pad < least / 6)
		pad = least / 6;
	lo -= pad;
	hi += pad;
	if (hi - lo < least) {
		double mid = (lo + hi) / 2;

		lo = mid - least / 2;
		hi = mid + least / 2;
	}
	if (lo < ref_lo) {
		hi += ref_lo - lo;
		lo = ref_lo;
	}
	if (hi > ref_hi) {
		lo -= hi - ref_hi;
		hi = ref_hi;
	}
	*x_min = lo < ref_lo ? ref_lo : floor(lo);
	*x_max = ceil(hi);
}

static double
dot_x(const struct mn_chart *c, const struct canvas *cv, int col)
{
	return c->x_min + (col + 0.5) * (c->x_max - c->x_min) / cv->dw;
}

/* Chooses the y range from the outer curves and the points. */
static void
choose_y_range(const struct mn_chart_input *in, struct mn_chart *c,
    const struct canvas *cv)
{
	double lo = INFINITY, hi = -INFINITY, pad;

	for (int col = 0; col < cv->dw; col++) {
		double x = dot_x(c, cv, col);
		double a = curve_value(in, x, curve_z[0]);
		double b = curve_value(in, x, curve_z[MN_CHART_CURVES - 1]);

		if (isfinite(a) && a < lo)
			lo = a;
		if (isfinite(b) && b > hi)
			hi = b;
	}
	for (size_t i = 0; i < in->count; i++) {
		double x = point_x(in, &in->points[i]), y = in->points[i].y;

		if (!isfinite(y) || x < c->x_min || x > c->x_max)
			continue;
		if (y < lo)
			lo = y;
		if (y > hi)
			hi = y;
	}
	if (lo > hi) {
		lo = 0;
		hi = 1;
	}
	pad = (hi - lo) * 0.04;
	if (pad <= 0)
		pad = 0.5;
	c->y_min = lo - pad;
	c->y_max = hi + pad;
}

/* Maps a value to a dot; false outside the plot. */
static bool
to_dot(const struct mn_chart *c, int dw, int dh, double x, double y,
    int *dx, int *dy)
{
	double fx = (x - c->x_min) / (c->x_max - c->x_min);
	double fy = (c->y_max - y) / (c->y_max - c->y_min);

	if (!isfinite(fx) || !isfinite(fy) || fx < 0 || fx > 1 || fy < 0 ||
	    fy > 1)
		return false;
	*dx = (int)floor(fx * dw);
	*dy = (int)floor(fy * dh);
	if (*dx >= dw)
		*dx = dw - 1;
	if (*dy >= dh)
		*dy = dh - 1;
	return true;
}

bool
mn_chart_cell(const struct mn_chart *chart, double x, double y, int *line,
    int *col)
{
	int dx, dy;

	if (!to_dot(chart, chart->plot_cols, chart->plot_rows, x, y, &dx,
	    &dy))
		return false;
	*line = dy;
	*col = MN_CHART_LEFT + dx;
	return true;
}

static void
set_dot(struct canvas *cv, int dx, int dy, char mark, int prio)
{
	int cell;

	if (dx < 0 || dy < 0 || dx >= cv->dw || dy >= cv->dh)
		return;
	if (cv->braille) {
		cell = (dy / 4) * cv->w + dx / 2;
		if (mark == MARK_CHILD) {
			cv->mark[cell] = MARK_CHILD;
			cv->prio[cell] = prio;
		} else
			cv->dots[cell] |= braille_bit[dy % 4][dx % 2];
		return;
	}
	cell = dy * cv->w + dx;
	if (prio > cv->prio[cell]) {
		cv->mark[cell] = mark;
		cv->prio[cell] = prio;
	}
}

/* Draws one SD curve; returns the dot row of its last sample or -1. */
static int
draw_curve(const struct mn_chart_input *in, const struct mn_chart *c,
    struct canvas *cv, int k)
{
	int prev = -1, last = -1;
	int prio = k == 2 ? 3 : (k == 1 || k == 3) ? 2 : 1;

	for (int col = 0; col < cv->dw; col++) {
		double x = dot_x(c, cv, col),
		    y = curve_value(in, x, curve_z[k]);
		int dx, dy;

		if (!isfinite(y) || !to_dot(c, cv->dw, cv->dh, x, y, &dx,
		    &dy)) {
			prev = -1;
			continue;
		}
		if (prev >= 0) {
			int step = dy > prev ? 1 : -1;

			/* Joins the samples: half the run in each column. */
			for (int r = prev; r != dy; r += step)
				set_dot(cv, (r - prev) * step * 2 <
				    (dy - prev) * step ? dx - 1 : dx, r,
				    ascii_mark[k], prio);
		}
		set_dot(cv, dx, dy, ascii_mark[k], prio);
		prev = last = dy;
	}
	return last;
}

/* Appends the UTF-8 form of code point cp. */
static char *
put_utf8(char *p, unsigned cp)
{
	if (cp < 0x80) {
		*p++ = (char)cp;
	} else if (cp < 0x800) {
		*p++ = (char)(0xC0 | cp >> 6);
		*p++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*p++ = (char)(0xE0 | cp >> 12);
		*p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*p++ = (char)(0x80 | (cp & 0x3F));
	}
	return p;
}

/* Copies at most cells code points of s; returns the end. */
static char *
put_text(char *p, const char *s, int cells, int *used)
{
	while (*s != '\0' && *used < cells) {
		*p++ = *s++;
		while (((unsigned char)*s & 0xC0) == 0x80)
			*p++ = *s++;
		(*used)++;
	}
	return p;
}

static char *
pad_to(char *p, int *used, int cells)
{
	while (*used < cells) {
		*p++ = ' ';
		(*used)++;
	}
	return p;
}

/* Writes the value labels, the axis and one plot row. */
static void
write_plot_line(const struct mn_chart *c, const struct canvas *cv, int row,
    const char *right, char *out)
{
	char label[32] = "";
	char *p = out;
	int used = 0;

	if (row % 4 == 0 || row == cv->h - 1) {
		double y = c->y_max - (row + 0.5) * (c->y_max - c->y_min) /
		    cv->h;

		char *point;

		snprintf(label, sizeof label, "%6.1f", y);
		/* Vietnamese writes a decimal comma, as the other screens
		 * do. */
		if (mn_language() == MN_LANG_VI &&
		    (point = strchr(label, '.')) != NULL)
			*point = ',';
	}
	p = put_text(p, label, MN_CHART_LEFT - 1, &used);
	p = pad_to(p, &used, MN_CHART_LEFT - 1);
	p = c->braille ? put_utf8(p, 0x2502) : put_utf8(p, '|');
	used++;
	for (int x = 0; x < cv->w; x++, used++) {
		int cell = row * cv->w + x;

		if (cv->mark[cell] == MARK_CHILD)
			p = c->braille ? put_utf8(p, 0x25CF) : put_utf8(p, 'o');
		else if (c->braille)
			p = cv->dots[cell] ? put_utf8(p, 0x2800u +
			    cv->dots[cell]) : put_utf8(p, ' ');
		else
			p = put_utf8(p, cv->mark[cell] ? (unsigned char)
			    cv->mark[cell] : ' ');
	}
	*p++ = ' ';
	used++;
	p = put_text(p, right, c->cols, &used);
	p = pad_to(p, &used, c->cols);
	*p = '\0';
}

/* Tick step on the x axis: labels at least 6 cells apart. */
static double
tick_step(const struct mn_chart *c)
{
	static const double steps[] = { 1, 2, 3, 6, 12, 24, 36, 60 };
	double span = c->x_max - c->x_min;

	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (span / steps[i] * 6 <= c->plot_cols)
			return steps[i];
	return 60;
}

/* Writes the x axis line and its labels. */
static void
write_x_axis(const struct mn_chart *c, char *axis, char *labels)
{
	double step = tick_step(c);
	char text[16], *p = axis;
	char row[1024];
	int used = 0, len = c->cols < (int)sizeof row ? c->cols :
	    (int)sizeof row - 1;

	memset(row, ' ', (size_t)len);
	row[len] = '\0';
	for (int i = 0; i < MN_CHART_LEFT - 1; i++, used++)
		*p++ = ' ';
	p = c->braille ? put_utf8(p, 0x2514) : put_utf8(p, '+');
	used++;
	for (int x = 0; x < c->plot_cols; x++, used++) {
		double lo = c->x_min + x * (c->x_max - c->x_min) /
		    c->plot_cols;
		double hi = c->x_min + (x + 1) * (c->x_max - c->x_min) /
		    c->plot_cols;
		double tick = ceil(lo / step) * step;
		bool is_tick = tick < hi;

		if (is_tick) {
			int n = snprintf(text, sizeof text, "%g", tick);
			int at = MN_CHART_LEFT + x;

			if (at + n <= len && (at == 0 || row[at - 1] == ' '))
				memcpy(row + at, text, (size_t)n);
			p = c->braille ? put_utf8(p, 0x2534) :
			    put_utf8(p, '+');
		} else
			p = c->braille ? put_utf8(p, 0x2500) :
			    put_utf8(p, '-');
	}
	p = pad_to(p, &used, c->cols);
	*p = '\0';
	snprintf(labels, (size_t)len + 1, "%s", row);
}

static void
write_legend(const struct mn_chart_input *in, const struct mn_chart *c,
    char *out)
{
	char text[512];
	const char *xunit = in->indicator == MN_WFLH ? "cm" :
	    T("months", "tháng tuổi");
	int used = 0;
	char *p;

	if (c->braille)
		snprintf(text, sizeof text, T("%s WHO -3 -2 0 +2 +3 SD  %s "
		    "child  x: %s  y: %s", "%s WHO -3 -2 0 +2 +3 SD  %s trẻ  "
		    "x: %s  y: %s"), "⠒", "●", xunit,
		    mn_chart_unit(in->indicator));
	else
		snprintf(text, sizeof text, T(". -3/+3 SD  - -2/+2 SD  "
		    "* median  o child  x: %s  y: %s", ". -3/+3 SD  - "
		    "-2/+2 SD  * trung vị  o trẻ  x: %s  y: %s"), xunit,
		    in->indicator == MN_BFA ? "kg/m2" :
		    mn_chart_unit(in->indicator));
	p = put_text(out, text, c->cols, &used);
	p = pad_to(p, &used, c->cols);
	*p = '\0';
}

static void
canvas_free(struct canvas *cv)
{
	free(cv->dots);
	free(cv->mark);
	free(cv->prio);
}

void
mn_chart_free(struct mn_chart *chart)
{
	if (chart->lines != NULL)
		for (int i = 0; i < chart->rows; i++)
			free(chart->lines[i]);
	free(chart->lines);
	chart->lines = NULL;
}

/* Draws curves and points, then writes every line. */
static int
fill_lines(const struct mn_chart_input *in, struct mn_chart *c,
    struct canvas *cv)
{
	char right[MN_CHART_CURVES][8];
	int label_row[MN_CHART_CURVES];

	for (int k = 0; k < MN_CHART_CURVES; k++) {
		int last = draw_curve(in, c, cv, k);

		label_row[k] = last;
		if (last >= 0 && cv->braille)
			label_row[k] = last / 4;
		snprintf(right[k], sizeof right[k], "%s", curve_label[k]);
	}
	for (size_t i = 0; i < in->count; i++) {
		int dx, dy;

		if (to_dot(c, cv->dw, cv->dh, point_x(in, &in->points[i]),
		    in->points[i].y, &dx, &dy))
			set_dot(cv, dx, dy, MARK_CHILD, MARK_CHILD);
	}
	for (int row = 0; row < cv->h; row++) {
		static const int order[MN_CHART_CURVES] = { 2, 1, 3, 0, 4 };
		const char *label = "";

		/* The median's label wins a shared row, then +/-2 SD. */
		for (int i = 0; i < MN_CHART_CURVES && label[0] == '\0'; i++)
			if (label_row[order[i]] == row)
				label = right[order[i]];
		if ((c->lines[row] = malloc((size_t)c->cols * 4 + 1)) == NULL)
			return MN_ERR_NOMEM;
		write_plot_line(c, cv, row, label, c->lines[row]);
	}
	for (int i = cv->h; i < c->rows; i++)
		if ((c->lines[i] = malloc((size_t)c->cols * 4 + 1)) == NULL)
			return MN_ERR_NOMEM;
	write_x_axis(c, c->lines[cv->h], c->lines[cv->h + 1]);
	write_legend(in, c, c->lines[cv->h + 2]);
	return MN_OK;
}

int
mn_chart_render(const struct mn_chart_input *in, bool braille, int cols,
    int rows, struct mn_chart *out, struct mn_error *err)
{
	struct canvas cv;
	size_t cells;
	int rc;

	memset(out, 0, sizeof *out);
	if (in->indicator < 0 || in->indicator >= MN_INDICATOR_COUNT ||
	    (in->sex != 1 && in->sex != 2))
		return mn_fail(err, MN_ERR_INVALID, "indicator", "%s",
		    T("chart needs an indicator and a sex of 1 or 2",
		    "biểu đồ cần chỉ số và giới tính 1 hoặc 2"));
	if (cols < MN_CHART_MIN_COLS || rows < MN_CHART_MIN_ROWS ||
	    cols > 1000 || rows > 1000)
		return mn_fail(err, MN_ERR_INVALID, "size",
		    T("chart size %dx%d is outside %dx%d to 1000x1000",
		    "kích thước biểu đồ %dx%d nằm ngoài %dx%d đến 1000x1000"),
		    cols, rows, MN_CHART_MIN_COLS, MN_CHART_MIN_ROWS);
	out->cols = cols;
	out->rows = rows;
	out->braille = braille;
	out->plot_cols = cols - MN_CHART_LEFT - MN_CHART_RIGHT;
	out->plot_rows = rows - MN_CHART_BOTTOM;
	memset(&cv, 0, sizeof cv);
	cv.w = out->plot_cols;
	cv.h = out->plot_rows;
	cv.braille = braille;
	cv.dw = braille ? cv.w * 2 : cv.w;
	cv.dh = braille ? cv.h * 4 : cv.h;
	cells = (size_t)cv.w * (size_t)cv.h;
	cv.dots = calloc(cells, 1);
	cv.mark = calloc(cells, 1);
	cv.prio = calloc(cells, sizeof *cv.prio);
	out->lines = calloc((size_t)rows, sizeof *out->lines);
	rc = MN_ERR_NOMEM;
	if (cv.dots != NULL && cv.mark != NULL && cv.prio != NULL &&
	    out->lines != NULL) {
		choose_x_range(in, &out->x_min, &out->x_max);
		choose_y_range(in, out, &cv);
		rc = fill_lines(in, out, &cv);
	}
	canvas_free(&cv);
	if (rc != MN_OK) {
		mn_chart_free(out);
		return mn_fail(err, rc, "", "%s", T("out of memory",
		    "hết bộ nhớ"));
	}
	return MN_OK;
}
