/*
 * Helpers of the health screens (health_ui.h).
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/reg_util.h"
#include "core/validate.h"
#include "tui/health_ui.h"

/*
 * Title and help calls of the widget kit go through these three
 * functions.  The kit is moving from one title (ui->title) to a stack of
 * titles (tui_enter, tui_leave), whose ui.h defines TUI_PATH_MAX.
 * TODO: keep only the stack branch once every branch uses it.
 */
#ifdef TUI_PATH_MAX
const char *
hui_enter(struct tui *ui, const char *title)
{
	tui_enter(ui, title);
	return title;
}

void
hui_leave(struct tui *ui, const char *saved)
{
	(void)saved;
	tui_leave(ui);
}

int
hui_help(struct tui *ui, const struct tui_keydef *keys)
{
	return tui_help_box(ui, keys, NULL);
}
#else
const char *
hui_enter(struct tui *ui, const char *title)
{
	const char *saved = ui->title;

	ui->title = title;
	return saved;
}

void
hui_leave(struct tui *ui, const char *saved)
{
	ui->title = saved;
}

int
hui_help(struct tui *ui, const struct tui_keydef *keys)
{
	return tui_help_box(ui, keys);
}
#endif

static const struct tui_keydef pick_keys[] = {
	{ { TK_ENTER }, "Enter", "Choose", "Chọn", TUI_ACT_SELECT },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column class_columns[] = {
	{ "Class", "Lớp", 10 },
	{ "Name", "Tên lớp", 30 },
	{ "Children", "Sĩ số", 0 },
};

struct class_rows {
	struct tui_list list;
	struct mn_ctx *ctx;
	struct mn_class *rows;
	int n, cap;
};

static int
add_class(const struct mn_class *c, void *arg)
{
	struct class_rows *cr = arg;
	char enrolled[16];
	const char *cells[3];

	/* A teacher measures and reads only her own classes. */
	if (mn_reg_class_scoped(&cr->ctx->actor) && !mn_reg_teaches(cr->ctx,
	    c->id))
		return 0;
	if (cr->n == cr->cap) {
		int cap = cr->cap ? cr->cap * 2 : 16;
		struct mn_class *grown = realloc(cr->rows, sizeof *grown * cap);

		if (grown == NULL)
			return 1;
		cr->rows = grown;
		cr->cap = cap;
	}
	snprintf(enrolled, sizeof enrolled, "%d", c->enrolled);
	cells[0] = c->code;
	cells[1] = c->name;
	cells[2] = enrolled;
	if (tui_list_add(&cr->list, cells) != MN_OK)
		return 1;
	cr->rows[cr->n++] = *c;
	return 0;
}

int
hui_pick_class(struct tui *ui, struct mn_class *out)
{
	struct class_rows cr;
	struct mn_school_year year;
	struct mn_date today;
	struct mn_error err;
	const char *saved = hui_enter(ui, T("Choose a class", "Chọn lớp"));
	int rc = TUI_CANCEL, action;

	memset(&cr, 0, sizeof cr);
	cr.ctx = ui->ctx;
	tui_list_init(&cr.list, class_columns, 3);
	cr.list.empty_en = "No class to show";
	cr.list.empty_vi = "Không có lớp nào";
	mn_error_clear(&err);
	mn_date_today(&today);
	if (mn_school_year_current(ui->ctx, &today, &year, &err) != MN_OK ||
	    mn_class_list(ui->ctx, year.id, add_class, &cr, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	for (;;) {
		int row;

		action = tui_list_run(ui, &cr.list, pick_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == TUI_ACT_SELECT &&
		    (row = tui_list_selected(&cr.list)) >= 0) {
			*out = cr.rows[row];
			rc = TUI_OK;
			break;
		}
	}
	tui_list_free(&cr.list);
	free(cr.rows);
	hui_leave(ui, saved);
	return rc;
}

bool
hui_find_class(struct tui *ui, int64_t class_id, struct mn_class *out)
{
	struct class_rows cr;
	struct mn_school_year year;
	struct mn_date today;
	struct mn_error err;
	bool found = false;

	memset(&cr, 0, sizeof cr);
	cr.ctx = ui->ctx;
	tui_list_init(&cr.list, class_columns, 3);
	mn_error_clear(&err);
	mn_date_today(&today);
	if (mn_school_year_current(ui->ctx, &today, &year, &err) == MN_OK &&
	    mn_class_list(ui->ctx, year.id, add_class, &cr, &err) == MN_OK)
		for (int i = 0; i < cr.n && !found; i++)
			if (cr.rows[i].id == class_id) {
				*out = cr.rows[i];
				found = true;
			}
	tui_list_free(&cr.list);
	free(cr.rows);
	return found;
}

struct own_class {
	struct mn_ctx *ctx;
	char *code;
	size_t size;
};

static int
first_taught(const struct mn_class *c, void *arg)
{
	struct own_class *own = arg;

	if (!mn_reg_teaches(own->ctx, c->id))
		return 0;
	snprintf(own->code, own->size, "%s", c->code);
	return 1;
}

void
hui_own_class(struct tui *ui, char *code, size_t size)
{
	struct own_class own = { ui->ctx, code, size };
	struct mn_school_year year;
	struct mn_date today;

	code[0] = '\0';
	if (!mn_reg_class_scoped(&ui->ctx->actor))
		return;
	mn_date_today(&today);
	if (mn_school_year_current(ui->ctx, &today, &year, NULL) == MN_OK)
		mn_class_list(ui->ctx, year.id, first_taught, &own, NULL);
}

static const struct tui_column child_columns[] = {
	{ "Full name", "Họ và tên", 36 },
	{ "Date of birth", "Ngày sinh", 10 },
	{ "Sex", "Giới", 0 },
};

struct child_rows {
	struct tui_list list;
	struct mn_child *rows;
	int n, cap;
};

static int
add_child(const struct mn_child *c, void *arg)
{
	struct child_rows *cr = arg;
	char birth[16];
	const char *cells[3];

	if (cr->n == cr->cap) {
		int cap = cr->cap ? cr->cap * 2 : 32;
		struct mn_child *grown = realloc(cr->rows, sizeof *grown * cap);

		if (grown == NULL)
			return 1;
		cr->rows = grown;
		cr->cap = cap;
	}
	mn_date_format(&c->birth_date, birth, sizeof birth);
	cells[0] = c->full_name;
	cells[1] = birth;
	cells[2] = c->sex == 'F' ? T("girl", "nữ") : T("boy", "nam");
	if (tui_list_add(&cr->list, cells) != MN_OK)
		return 1;
	cr->rows[cr->n++] = *c;
	return 0;
}

int
hui_pick_child(struct tui *ui, const char *class_code, struct mn_child *out)
{
	struct child_rows cr;
	struct mn_child_filter filter = { .class_code = class_code };
	struct mn_error err;
	char title[128];
	const char *saved;
	int rc = TUI_CANCEL, action;

	snprintf(title, sizeof title, T("Class %s: choose a child",
	    "Lớp %s: chọn trẻ"), class_code);
	saved = hui_enter(ui, title);
	memset(&cr, 0, sizeof cr);
	tui_list_init(&cr.list, child_columns, 3);
	cr.list.empty_en = "No child in this class";
	cr.list.empty_vi = "Lớp chưa có trẻ nào";
	mn_error_clear(&err);
	if (mn_child_list(ui->ctx, &filter, add_child, &cr, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	for (;;) {
		int row;

		action = tui_list_run(ui, &cr.list, pick_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == TUI_ACT_SELECT &&
		    (row = tui_list_selected(&cr.list)) >= 0) {
			*out = cr.rows[row];
			rc = TUI_OK;
			break;
		}
	}
	tui_list_free(&cr.list);
	free(cr.rows);
	hui_leave(ui, saved);
	return rc;
}

int
hui_pick_class_child(struct tui *ui, struct mn_child *out)
{
	struct mn_class c;
	int rc;

	for (;;) {
		if ((rc = hui_pick_class(ui, &c)) != TUI_OK)
			return rc;
		rc = hui_pick_child(ui, c.code, out);
		if (rc != TUI_CANCEL)
			return rc;
	}
}

bool
hui_parse_decimal(const char *text, double *out)
{
	/* Empty is 0, which the core reports as missing.  Negative values
	 * parse, so the core's range message names the limits. */
	if (text[strspn(text, " ")] == '\0') {
		*out = 0;
		return true;
	}
	return mn_parse_number(text, "", "", 3, -1e6, 1e6, out, NULL) == MN_OK;
}

void
hui_decimal(double x, char *buf, size_t size)
{
	mn_format_decimal(x, 1, buf, size);
}

void
hui_z(double z, char *buf, size_t size)
{
	char digits[32];

	if (!isfinite(z)) {
		snprintf(buf, size, "-");
		return;
	}
	mn_format_decimal(z, 2, digits, sizeof digits);
	snprintf(buf, size, "%s%s", digits[0] != '-' ? "+" : "", digits);
}

void
hui_date(const char *iso, char *buf, size_t size)
{
	struct mn_date d;

	if (mn_date_parse_iso(iso, "date", &d, NULL) == MN_OK)
		mn_date_format(&d, buf, size);
	else
		snprintf(buf, size, "%s", iso);
}

void
hui_time(const char *iso, char *buf, size_t size)
{
	char day[11], date[16];

	snprintf(day, sizeof day, "%s", iso);
	if (strlen(iso) != 16 || iso[10] != ' ') {
		snprintf(buf, size, "%s", iso);
		return;
	}
	hui_date(day, date, sizeof date);
	snprintf(buf, size, "%s%s", date, iso + 10);
}

void
hui_today_iso(char buf[11])
{
	struct mn_date d;

	mn_date_today(&d);
	mn_date_format_iso(&d, buf, 11);
}

const char *
hui_category_short(int indicator, int category)
{
	bool severe = category == MN_GROWTH_SEVERE;

	switch (category) {
	case MN_GROWTH_MODERATE:
	case MN_GROWTH_SEVERE:
		switch (indicator) {
		case MN_WFA:
			return severe ? T("underweight sev.", "nhẹ cân nặng") :
			    T("underweight", "nhẹ cân");
		case MN_LHFA:
			return severe ? T("stunted sev.", "thấp còi nặng") :
			    T("stunted", "thấp còi");
		case MN_WFLH:
			return severe ? T("wasted sev.", "gầy còm nặng") :
			    T("wasted", "gầy còm");
		default:
			return severe ? T("thin sev.", "gầy nặng") :
			    T("thin", "gầy");
		}
	case MN_GROWTH_OVERWEIGHT:
		return T("overweight", "thừa cân");
	case MN_GROWTH_OBESE:
		return T("obese", "béo phì");
	case MN_GROWTH_IMPLAUSIBLE:
		return T("measure again", "đo lại");
	default:
		return "";
	}
}

void
hui_categories(const int category[MN_INDICATOR_COUNT], char *buf,
    size_t size)
{
	const char *seen[MN_INDICATOR_COUNT];
	size_t used = 0;
	int nseen = 0;

	buf[0] = '\0';
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		const char *s = hui_category_short(i, category[i]);
		bool dup = false;
		int n;

		for (int k = 0; k < nseen; k++)
			dup = dup || strcmp(seen[k], s) == 0;
		if (s[0] == '\0' || dup)
			continue;
		seen[nseen++] = s;
		n = snprintf(buf + used, size - used, "%s%s",
		    used > 0 ? ", " : "", s);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

void
hui_pad(const char *text, int width, char *buf, size_t size)
{
	size_t len;
	int w;

	snprintf(buf, size, "%s", text);
	len = strlen(buf);
	for (w = tui_width(buf); w < width && len + 1 < size; w++)
		buf[len++] = ' ';
	buf[len] = '\0';
}

const char *
hui_indicator_short(int indicator)
{
	switch (indicator) {
	case MN_WFA:
		return T("W/A", "CN/T");
	case MN_LHFA:
		return T("H/A", "CC/T");
	case MN_WFLH:
		return T("W/H", "CN/CC");
	default:
		return T("BMI/A", "BMI/T");
	}
}

void
hui_add(struct hui_page *page, enum tui_style style, const char *fmt, ...)
{
	va_list ap;

	if (page->count == page->cap) {
		int cap = page->cap ? page->cap * 2 : 64;
		struct hui_line *grown = realloc(page->lines,
		    sizeof *grown * cap);

		if (grown == NULL)
			return;
		page->lines = grown;
		page->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(page->lines[page->count].text,
	    sizeof page->lines[page->count].text, fmt, ap);
	va_end(ap);
	page->lines[page->count++].style = style;
}

void
hui_page_free(struct hui_page *page)
{
	free(page->lines);
	memset(page, 0, sizeof *page);
}

static bool
scroll_page(struct hui_page *page, int key, int header, int rows)
{
	int last_top = page->count - header - rows;

	if (last_top < 0)
		last_top = 0;
	switch (key) {
	case TK(KEY_UP):
		page->top--;
		break;
	case TK(KEY_DOWN):
		page->top++;
		break;
	case TK(KEY_PPAGE):
		page->top -= rows;
		break;
	case TK(KEY_NPAGE):
	case ' ':
		page->top += rows;
		break;
	case TK(KEY_HOME):
		page->top = 0;
		break;
	case TK(KEY_END):
		page->top = last_top;
		break;
	default:
		return false;
	}
	if (page->top > last_top)
		page->top = last_top;
	if (page->top < 0)
		page->top = 0;
	return true;
}

int
hui_page_run(struct tui *ui, struct hui_page *page, int header,
    const struct tui_keydef *keys)
{
	int key, action;

	if (header > page->count)
		header = page->count;
	for (;;) {
		int y = tui_body_top(), rows = tui_body_rows() - header;

		if (rows < 1)
			rows = 1;
		if (tui_frame(ui, keys)) {
			for (int i = 0; i < header; i++)
				tui_text(y++, 1, COLS - 2, page->lines[i].text,
				    page->lines[i].style);
			for (int i = 0; i < rows && header + page->top + i <
			    page->count; i++) {
				const struct hui_line *l =
				    &page->lines[header + page->top + i];

				tui_text(y + i, 1, COLS - 2, l->text, l->style);
			}
		}
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END)
			return TUI_ACT_END;
		if (key == TK_RESIZE || !tui_fits(ui))
			continue;
		if (scroll_page(page, key, header, rows))
			continue;
		action = tui_key_action(keys, key);
		if (action == TUI_ACT_HELP) {
			if (hui_help(ui, keys) == TUI_END)
				return TUI_ACT_END;
			continue;
		}
		if (action != TUI_ACT_NONE)
			return action;
	}
}
