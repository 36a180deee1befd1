/*
 * XLSX export over libxlsxwriter.
 */
#include <string.h>

#include <xlsxwriter.h>

#include "core/xlsx.h"

#define COL_MIN_WIDTH 6
#define COL_MAX_WIDTH 50

/* Characters (code points) in UTF-8 text, for column widths. */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int
mn_xlsx_write_table(const char *path, const struct mn_table *t,
    struct mn_error *err)
{
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *title_fmt, *head_fmt, *cell_fmt;
	lxw_error lerr;
	lxw_row_t first_row = 2;

	wb = workbook_new(path);
	if (wb == NULL)
		return mn_fail(err, MN_ERR_IO, path,
		    T("%s: cannot create the XLSX file",
		    "%s: không tạo được tệp XLSX"), path);
	ws = workbook_add_worksheet(wb, NULL);
	title_fmt = workbook_add_format(wb);
	format_set_bold(title_fmt);
	format_set_font_size(title_fmt, 14);
	head_fmt = workbook_add_format(wb);
	format_set_bold(head_fmt);
	format_set_border(head_fmt, LXW_BORDER_THIN);
	format_set_text_wrap(head_fmt);
	format_set_align(head_fmt, LXW_ALIGN_CENTER);
	format_set_align(head_fmt, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(head_fmt, 0xDDEBF7);
	cell_fmt = workbook_add_format(wb);
	format_set_border(cell_fmt, LXW_BORDER_THIN);
	format_set_num_format(cell_fmt, "@");

	worksheet_write_string(ws, 0, 0, t->title, title_fmt);
	for (size_t c = 0; c < t->ncols; c++) {
		size_t width = utf8_chars(t->headers[c]);

		worksheet_write_string(ws, first_row - 1, (lxw_col_t)c,
		    t->headers[c], head_fmt);
		for (size_t r = 0; r < t->nrows; r++) {
			const char *v = mn_table_cell(t, r, c);
			size_t w = utf8_chars(v);

			if (w > width)
				width = w;
			worksheet_write_string(ws, (lxw_row_t)(first_row + r),
			    (lxw_col_t)c, v, cell_fmt);
		}
		width += 2;
		if (width < COL_MIN_WIDTH)
			width = COL_MIN_WIDTH;
		if (width > COL_MAX_WIDTH)
			width = COL_MAX_WIDTH;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		    (double)width, NULL);
	}
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);		/* A4 */
	worksheet_fit_to_pages(ws, 1, 0);	/* one page wide */
	worksheet_repeat_rows(ws, first_row - 1, first_row - 1);
	worksheet_freeze_panes(ws, first_row, 0);
	worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);

	lerr = workbook_close(wb);
	if (lerr != LXW_NO_ERROR)
		return mn_fail(err, MN_ERR_IO, path,
		    T("%s: writing the XLSX file failed: %s",
		    "%s: ghi tệp XLSX thất bại: %s"), path,
		    lxw_strerror(lerr));
	return MN_OK;
}
