/*
 * The report of a measuring round as a table for the education office:
 * counts and percentages of every category by class, age group and sex,
 * then the children to follow up.  Written as CSV or XLSX for
 * `mamnon export growth` and the terminal interface's export screen.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "core/audit.h"
#include "core/csv.h"
#include "core/growth_export.h"
#include "core/health.h"

#define MAX_COLUMNS 48

struct cell {
	char text[192];
	bool numeric;
	double value;
	int decimals;
};

struct sheet {
	struct cell (*rows)[MAX_COLUMNS];
	int *widths;		/* cells used in each row */
	size_t count, cap;
};

/* Categories reported for each indicator, in report order. */
static const int reported[MN_INDICATOR_COUNT][6] = {
	[MN_WFA] = { MN_GROWTH_NORMAL, MN_GROWTH_MODERATE, MN_GROWTH_SEVERE,
	    MN_GROWTH_HIGH, -1 },
	[MN_LHFA] = { MN_GROWTH_NORMAL, MN_GROWTH_MODERATE, MN_GROWTH_SEVERE,
	    MN_GROWTH_HIGH, -1 },
	[MN_WFLH] = { MN_GROWTH_NORMAL, MN_GROWTH_MODERATE, MN_GROWTH_SEVERE,
	    MN_GROWTH_OVERWEIGHT, MN_GROWTH_OBESE, -1 },
	[MN_BFA] = { MN_GROWTH_NORMAL, MN_GROWTH_MODERATE, MN_GROWTH_SEVERE,
	    MN_GROWTH_OVERWEIGHT, MN_GROWTH_OBESE, -1 },
};

static struct cell *
new_row(struct sheet *s)
{
	void *rows, *widths;

	if (s->count == s->cap) {
		s->cap = s->cap != 0 ? s->cap * 2 : 32;
		rows = realloc(s->rows, s->cap * sizeof *s->rows);
		if (rows == NULL)
			return NULL;
		s->rows = rows;
		widths = realloc(s->widths, s->cap * sizeof *s->widths);
		if (widths == NULL)
			return NULL;
		s->widths = widths;
	}
	memset(s->rows[s->count], 0, sizeof s->rows[s->count]);
	s->widths[s->count] = 0;
	return s->rows[s->count++];
}

static void
put_text(struct sheet *s, const char *text)
{
	int *w = &s->widths[s->count - 1];

	if (*w < MAX_COLUMNS)
		snprintf(s->rows[s->count - 1][(*w)++].text,
		    sizeof s->rows[0][0].text, "%s", text);
}

static void
put_number(struct sheet *s, double value, int decimals)
{
	int *w = &s->widths[s->count - 1];
	struct cell *c;
	char *comma;

	if (*w >= MAX_COLUMNS)
		return;
	c = &s->rows[s->count - 1][(*w)++];
	c->numeric = true;
	c->value = value;
	c->decimals = decimals;
	snprintf(c->text, sizeof c->text, "%.*f", decimals, value);
	/* Vietnamese reports write a decimal comma. */
	if (mn_language() == MN_LANG_VI && (comma = strchr(c->text, '.')))
		*comma = ',';
}

static const char *
dimension_label(int dimension)
{
	switch (dimension) {
	case MN_DIM_CLASS:
		return T("class", "lớp");
	case MN_DIM_AGE_GROUP:
		return T("age group", "nhóm tuổi");
	case MN_DIM_SEX:
		return T("sex", "giới tính");
	default:
		return T("all", "toàn bộ");
	}
}

static const char *
sex_label(const char *sex)
{
	return strcmp(sex, "F") == 0 ? T("girl", "nữ") :
	    strcmp(sex, "M") == 0 ? T("boy", "nam") : sex;
}

static int
fill_sheet(struct sheet *s, const struct mn_round_report *rep)
{
	char text[192];
	const struct mn_report_group *g;
	const struct mn_follow_up *f;

	if (new_row(s) == NULL)
		return MN_ERR_NOMEM;
	snprintf(text, sizeof text, T("Measuring round %s%s%s",
	    "Đợt cân đo %s%s%s"), rep->round, rep->class_code[0] ?
	    T(", class ", ", lớp ") : "", rep->class_code);
	put_text(s, text);
	if (new_row(s) == NULL)
		return MN_ERR_NOMEM;
	put_text(s, T("Source: WHO Child Growth Standards 2006 / WHO Growth "
	    "Reference 2007", "Nguồn: WHO Child Growth Standards 2006 / WHO "
	    "Growth Reference 2007"));

	if (new_row(s) == NULL)
		return MN_ERR_NOMEM;
	put_text(s, T("group", "nhóm"));
	put_text(s, T("value", "giá trị"));
	put_text(s, T("measured", "số trẻ được cân đo"));
	put_text(s, T("measure again (not counted)",
	    "cần đo lại (không tính)"));
	put_text(s, T("counted", "số trẻ được tính"));
	for (int i = 0; i < MN_INDICATOR_COUNT; i++)
		for (int k = 0; k < 6 && reported[i][k] >= 0; k++) {
			snprintf(text, sizeof text, "%s: %s",
			    mn_growth_indicator_name(i),
			    mn_growth_category_label(i, reported[i][k]));
			put_text(s, text);
			put_text(s, "%");
		}
	for (size_t n = 0; n < rep->group_count; n++) {
		g = &rep->groups[n];
		if (new_row(s) == NULL)
			return MN_ERR_NOMEM;
		put_text(s, dimension_label(g->dimension));
		put_text(s, g->dimension == MN_DIM_SEX ? sex_label(g->key) :
		    g->key);
		put_number(s, g->measured, 0);
		put_number(s, g->flagged, 0);
		put_number(s, g->included, 0);
		for (int i = 0; i < MN_INDICATOR_COUNT; i++)
			for (int k = 0; k < 6 && reported[i][k] >= 0; k++) {
				put_number(s, g->counts[i][reported[i][k]], 0);
				put_number(s, mn_report_percent(g, i,
				    reported[i][k]), 1);
			}
	}

	if (new_row(s) == NULL || new_row(s) == NULL)
		return MN_ERR_NOMEM;
	put_text(s, T("Children to follow up", "Danh sách trẻ cần theo dõi"));
	if (new_row(s) == NULL)
		return MN_ERR_NOMEM;
	put_text(s, T("name", "họ và tên"));
	put_text(s, T("class", "lớp"));
	put_text(s, T("sex", "giới tính"));
	put_text(s, T("age (months)", "tuổi (tháng)"));
	put_text(s, T("weight (kg)", "cân nặng (kg)"));
	put_text(s, T("length/height (cm)", "chiều dài/chiều cao (cm)"));
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		put_text(s, mn_growth_indicator_name(i));
		put_text(s, T("category", "phân loại"));
	}
	put_text(s, T("measure again", "cần đo lại"));
	for (size_t n = 0; n < rep->follow_count; n++) {
		f = &rep->follow[n];
		if (new_row(s) == NULL)
			return MN_ERR_NOMEM;
		put_text(s, f->full_name);
		put_text(s, f->class_code);
		put_text(s, sex_label(f->sex));
		/* Completed months, as Vietnamese forms count age. */
		put_number(s, floor(f->age_days / MN_GROWTH_DAYS_PER_MONTH),
		    0);
		put_number(s, f->weight_kg, 1);
		put_number(s, f->height_cm, 1);
		for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
			if (isnan(f->z[i]))
				put_text(s, "-");
			else
				put_number(s, mn_growth_round(f->z[i]), 2);
			put_text(s, mn_growth_category_label(i,
			    f->category[i]));
		}
		put_text(s, f->measure_again ? T("yes", "có") : "");
	}
	return MN_OK;
}

static int
write_csv(const struct sheet *s, const char *path)
{
	const char *fields[MAX_COLUMNS];
	FILE *out = path != NULL ? fopen(path, "w") : stdout;
	int rc = MN_OK;

	if (out == NULL)
		return -1;
	for (size_t r = 0; r < s->count && rc == MN_OK; r++) {
		for (int c = 0; c < s->widths[r]; c++)
			fields[c] = s->rows[r][c].text;
		rc = mn_csv_write_row(out, fields, (size_t)s->widths[r], ',');
	}
	if (path == NULL)
		return fflush(out) == 0 && rc == MN_OK ? 0 : -1;
	return fclose(out) == 0 && rc == MN_OK ? 0 : -1;
}

/*
 * Writes the workbook here rather than through mn_xlsx_write_table,
 * because the report has two tables with different columns and its
 * counts and percentages are stored as numbers.
 */
static int
write_xlsx(const struct sheet *s, const char *path)
{
	lxw_workbook *book;
	lxw_worksheet *ws;
	lxw_format *formats[3];
	static const char *const patterns[3] = { "0", "0.0", "0.00" };
	const struct cell *c;

	if ((book = workbook_new(path)) == NULL)
		return -1;
	ws = workbook_add_worksheet(book, NULL);
	for (int i = 0; i < 3; i++) {
		formats[i] = workbook_add_format(book);
		format_set_num_format(formats[i], patterns[i]);
	}
	for (size_t r = 0; r < s->count; r++)
		for (int k = 0; k < s->widths[r]; k++) {
			c = &s->rows[r][k];
			if (c->numeric)
				worksheet_write_number(ws, (lxw_row_t)r,
				    (lxw_col_t)k, c->value,
				    formats[c->decimals < 3 ? c->decimals : 2]);
			else
				worksheet_write_string(ws, (lxw_row_t)r,
				    (lxw_col_t)k, c->text, NULL);
		}
	return workbook_close(book) == LXW_NO_ERROR ? 0 : -1;
}

int
mn_growth_export(struct mn_ctx *ctx, const char *round,
    const char *class_code, bool xlsx, const char *path,
    struct mn_error *err)
{
	const char *format = xlsx ? "xlsx" : "csv";
	struct mn_round_report rep;
	struct sheet sheet = { 0 };
	char detail[128];
	int rc;

	if (xlsx && path == NULL)
		return mn_fail(err, MN_ERR_INVALID, "format", "%s",
		    T("--format xlsx needs -o FILE",
		    "--format xlsx cần -o TỆP"));
	rc = mn_round_report_build(ctx, round, class_code, &rep, err);
	if (rc != MN_OK)
		return rc;
	if (fill_sheet(&sheet, &rep) != MN_OK) {
		rc = mn_fail(err, MN_ERR_NOMEM, "", "%s",
		    T("out of memory", "hết bộ nhớ"));
		goto out;
	}
	errno = 0;
	if ((xlsx ? write_xlsx(&sheet, path) : write_csv(&sheet, path)) != 0) {
		rc = mn_fail(err, MN_ERR_IO, "output",
		    T("cannot write %s: %s", "không ghi được %s: %s"),
		    path != NULL ? path : "stdout",
		    errno != 0 ? strerror(errno) : format);
		goto out;
	}
	snprintf(detail, sizeof detail, "growth round %s %s %s", round,
	    class_code != NULL ? class_code : "", format);
	rc = mn_audit(ctx->db, &ctx->actor, "export", "measurements", 0, NULL,
	    NULL, detail, err);
out:
	free(sheet.rows);
	free(sheet.widths);
	mn_round_report_free(&rep);
	return rc;
}
