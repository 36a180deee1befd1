/*
 * The kitchen's exports: the week's menu, a day's or a week's nutrition,
 * the market list and the meal-fee book, as CSV or XLSX, for the command
 * line and the terminal interface alike.  CSV numbers use '.' for
 * decimals and no thousands separator, so that spreadsheets and scripts
 * read them the same way.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "core/audit.h"
#include "core/kitchen.h"
#include "core/kitchen_export.h"
#include "core/kitchen_priv.h"

/* ---- Output table: CSV or XLSX ---------------------------------------- */

struct table {
	FILE *fp;		/* CSV */
	lxw_workbook *book;	/* XLSX */
	lxw_worksheet *sheet;
	int row, col;
	bool to_stdout;
};

/* Opens path (NULL: standard output, CSV only) for a table. */
static int
table_open(struct table *t, bool xlsx, const char *path, const char *sheet,
    struct mn_error *err)
{
	memset(t, 0, sizeof *t);
	if (xlsx) {
		if (path == NULL)
			return mn_fail(err, MN_ERR_INVALID, "format", "%s",
			    T("--format xlsx needs -o FILE",
			    "--format xlsx cần -o TỆP"));
		t->book = workbook_new(path);
		if (t->book == NULL)
			return mn_fail(err, MN_ERR_IO, "output", "%s: %s",
			    path, T("cannot create the file",
			    "không tạo được tệp"));
		t->sheet = workbook_add_worksheet(t->book, sheet);
		return MN_OK;
	}
	if (path == NULL) {
		t->fp = stdout;
		t->to_stdout = true;
		return MN_OK;
	}
	t->fp = fopen(path, "w");
	if (t->fp == NULL)
		return mn_fail(err, MN_ERR_IO, "output", "%s: %s", path,
		    strerror(errno));
	return MN_OK;
}

/*
 * Writes one CSV field, quoted when it contains a comma, quote or line
 * break.  TODO: use the shared CSV writer (core/csv.h) once it exists.
 */
static void
csv_field(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static void
cell_text(struct table *t, const char *s)
{
	if (t->book != NULL) {
		worksheet_write_string(t->sheet, (lxw_row_t)t->row,
		    (lxw_col_t)t->col, s, NULL);
	} else {
		if (t->col > 0)
			fputc(',', t->fp);
		csv_field(t->fp, s);
	}
	t->col++;
}

/* A number rounded half up to decimals places; NAN leaves the cell empty. */
static void
cell_number(struct table *t, double v, int decimals)
{
	char buf[64] = "";

	if (!isnan(v)) {
		v = mn_round_half_up(v, decimals);
		snprintf(buf, sizeof buf, "%.*f", decimals, v);
	}
	if (t->book != NULL) {
		if (!isnan(v))
			worksheet_write_number(t->sheet, (lxw_row_t)t->row,
			    (lxw_col_t)t->col, v, NULL);
		t->col++;
		return;
	}
	cell_text(t, buf);
}

static void
cell_money(struct table *t, int64_t v)
{
	cell_number(t, (double)v, 0);
}

static void
end_row(struct table *t)
{
	if (t->book == NULL)
		fputc('\n', t->fp);
	t->row++;
	t->col = 0;
}

static void
header(struct table *t, const char *const *names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		cell_text(t, names[i]);
	end_row(t);
}

static int
table_close(struct table *t, struct mn_error *err)
{
	int rc = MN_OK;

	if (t->book != NULL) {
		if (workbook_close(t->book) != LXW_NO_ERROR)
			rc = mn_fail(err, MN_ERR_IO, "output", "%s",
			    T("cannot write the XLSX file",
			    "không ghi được tệp XLSX"));
	} else if (t->fp != NULL) {
		if (fflush(t->fp) != 0 || ferror(t->fp))
			rc = MN_ERR_IO;
		if (!t->to_stdout && fclose(t->fp) != 0)
			rc = MN_ERR_IO;
		if (rc != MN_OK)
			mn_fail(err, rc, "output", "%s: %s", T("cannot write "
			    "the file", "không ghi được tệp"),
			    strerror(errno));
	}
	return rc;
}

static int
audit_export(struct mn_ctx *ctx, const char *what, const char *detail,
    struct mn_error *err)
{
	return mn_audit(ctx->db, &ctx->actor, "export", what, 0, NULL, NULL,
	    detail, err);
}

/* ---- export menu ------------------------------------------------------ */

int
mn_kitchen_export_menu(struct mn_ctx *ctx, const char *week,
    enum mn_age_group g, bool xlsx, const char *path, struct mn_error *err)
{
	const char *names[] = { T("date", "ngày"), T("meal", "bữa"),
	    T("dish", "món"), T("status", "trạng thái") };
	struct mn_menu_entry *menu;
	struct table t;
	bool approved;
	size_t n;
	int rc;

	if ((rc = mn_kitchen_menu_status(ctx, week, g, &approved, err)) !=
	    MN_OK ||
	    (rc = mn_kitchen_menu_week(ctx, week, g, &menu, &n, err)) != MN_OK)
		return rc;
	if ((rc = table_open(&t, xlsx, path, "menu", err)) != MN_OK) {
		free(menu);
		return rc;
	}
	header(&t, names, 4);
	for (size_t i = 0; i < n; i++) {
		cell_text(&t, menu[i].date);
		cell_text(&t, mn_meal_label(menu[i].meal));
		cell_text(&t, menu[i].dish);
		cell_text(&t, approved ? T("approved", "đã duyệt") :
		    T("draft", "bản nháp"));
		end_row(&t);
	}
	free(menu);
	if ((rc = table_close(&t, err)) == MN_OK)
		rc = audit_export(ctx, "menu_items", week, err);
	return rc;
}

/* ---- export nutrition ------------------------------------------------- */

static void
value_row(struct table *t, const char *label, double v, const char *unit,
    int decimals)
{
	cell_text(t, label);
	cell_number(t, v, decimals);
	cell_text(t, unit);
	cell_text(t, "");
	cell_text(t, "");
	cell_text(t, "");
	end_row(t);
}

static void
write_nutrition(struct table *t, const struct mn_nutrition *n,
    const struct mn_requirement *r)
{
	const char *names[] = { T("item", "chỉ số"), T("value", "giá trị"),
	    T("unit", "đơn vị"), T("minimum", "tối thiểu"),
	    T("maximum", "tối đa"), T("result", "đánh giá") };
	struct mn_check checks[MN_CHECK_COUNT];

	mn_nutrition_evaluate(n, r, checks);
	header(t, names, 6);
	for (int i = 0; i < MN_CHECK_COUNT; i++) {
		const struct mn_check *c = &checks[i];

		if (i >= MN_CHECK_MEAL_FIRST &&
		    !(n->meals & (1u << (i - MN_CHECK_MEAL_FIRST))))
			continue;
		cell_text(t, mn_check_label(i));
		cell_number(t, c->value, mn_check_decimals(i));
		cell_text(t, mn_check_unit(i));
		cell_number(t, c->target.min, 1);
		cell_number(t, c->target.max, 1);
		cell_text(t, mn_check_verdict(c));
		end_row(t);
	}
	value_row(t, T("energy from the table's kcal column",
	    "năng lượng theo cột kcal của bảng"), n->value[MN_NUT_ENERGY],
	    "kcal", 1);
	value_row(t, mn_nutrient_label(MN_NUT_PROTEIN),
	    n->value[MN_NUT_PROTEIN], "g", 1);
	value_row(t, T("animal protein", "protein động vật"),
	    n->protein_animal, "g", 1);
	value_row(t, T("vegetable protein", "protein thực vật"),
	    n->protein_vegetable, "g", 1);
	value_row(t, mn_nutrient_label(MN_NUT_LIPID), n->value[MN_NUT_LIPID],
	    "g", 1);
	value_row(t, T("animal lipid", "lipid động vật"), n->lipid_animal,
	    "g", 1);
	value_row(t, T("vegetable lipid", "lipid thực vật"),
	    n->lipid_vegetable, "g", 1);
	value_row(t, mn_nutrient_label(MN_NUT_GLUCID),
	    n->value[MN_NUT_GLUCID], "g", 1);
	value_row(t, mn_nutrient_label(MN_NUT_FIBRE), n->value[MN_NUT_FIBRE],
	    "g", 1);
	value_row(t, mn_nutrient_label(MN_NUT_RETINOL),
	    n->value[MN_NUT_RETINOL], "µg", 1);
	value_row(t, mn_nutrient_label(MN_NUT_BETA_CAROTENE),
	    n->value[MN_NUT_BETA_CAROTENE], "µg", 1);
	for (int m = 0; m < MN_MEAL_COUNT; m++) {
		char label[128];

		if (!(n->meals & (1u << m)))
			continue;
		snprintf(label, sizeof label, T("%s, share of the energy at "
		    "school", "%s, tỷ lệ năng lượng tại trường"),
		    mn_meal_label(m));
		value_row(t, label, n->meal_pct[m], "%", 1);
	}
	for (int k = 0; k < MN_NUT_COUNT; k++)
		if (n->missing & (1u << k))
			value_row(t, T("no value in the table for some foods",
			    "một số thực phẩm thiếu số liệu"), NAN,
			    mn_nutrient_label(k), 1);
}

/* One food of a day's menu, its portions summed over dishes and meals. */
struct food_total {
	const struct mn_food *food;
	double edible_g;
};

static int
compare_food_totals(const void *a, const void *b)
{
	const struct food_total *x = a, *y = b;

	return (x->food->code > y->food->code) -
	    (x->food->code < y->food->code);
}

/* Sums the portions per food into totals (room for count), by food code. */
static size_t
sum_portions(const struct mn_portion *portions, size_t count,
    struct food_total *totals)
{
	size_t n = 0;

	for (size_t i = 0; i < count; i++) {
		size_t j;

		for (j = 0; j < n; j++)
			if (totals[j].food->code == portions[i].food->code)
				break;
		if (j == n) {
			totals[n].food = portions[i].food;
			totals[n].edible_g = 0;
			n++;
		}
		totals[j].edible_g += portions[i].edible_g;
	}
	qsort(totals, n, sizeof *totals, compare_food_totals);
	return n;
}

/* A nutrient of grams of food; NAN when the table has no value. */
static double
food_nutrient(const struct mn_food *f, double grams, enum mn_nutrient k)
{
	if (!(f->known & (1u << k)))
		return NAN;
	return f->value[k] * grams / 100.0;
}

/* Energy of grams of a food at 4/9/4 kcal per gram of P/L/G. */
static double
atwater_kcal(const struct mn_food *f, double grams)
{
	double p = food_nutrient(f, grams, MN_NUT_PROTEIN);
	double l = food_nutrient(f, grams, MN_NUT_LIPID);
	double g = food_nutrient(f, grams, MN_NUT_GLUCID);

	return 4 * (isnan(p) ? 0 : p) + 9 * (isnan(l) ? 0 : l) +
	    4 * (isnan(g) ? 0 : g);
}

static void
summary_row(struct table *t, const char *label, double v)
{
	cell_text(t, label);
	cell_number(t, v, 1);
	for (int i = 0; i < 4; i++)
		cell_text(t, "");
	end_row(t);
}

/*
 * Writes a day's nutrition per child: one row per food (edible grams and
 * the nutrients the food table gives for them), then the day's totals
 * under the fixed labels "Năng lượng (kcal)", "Protein (g)", "Lipid (g)"
 * and "Glucid (g)".  Energy is 4 kcal per gram of protein and glucid and
 * 9 per gram of lipid, in the rows and in the total, as the nutrition
 * check counts it; a nutrient the table lacks counts as 0.  The headers
 * are the Vietnamese names in every interface language because scripts
 * read them.
 */
static void
write_day_foods(struct table *t, const struct mn_portion *portions,
    size_t count, const struct mn_nutrition *n, struct food_total *totals)
{
	const char *names[] = { "Thực phẩm", "Khối lượng (g)",
	    "Năng lượng (kcal)", "Protein (g)", "Lipid (g)", "Glucid (g)" };
	const enum mn_nutrient columns[] = { MN_NUT_ENERGY, MN_NUT_PROTEIN,
	    MN_NUT_LIPID, MN_NUT_GLUCID };
	size_t foods = sum_portions(portions, count, totals);

	header(t, names, 6);
	for (size_t i = 0; i < foods; i++) {
		cell_text(t, totals[i].food->name);
		cell_number(t, totals[i].edible_g, 1);
		cell_number(t, atwater_kcal(totals[i].food,
		    totals[i].edible_g), 1);
		for (size_t k = 1; k < 4; k++)
			cell_number(t, food_nutrient(totals[i].food,
			    totals[i].edible_g, columns[k]), 1);
		end_row(t);
	}
	summary_row(t, "Năng lượng (kcal)", n->kcal);
	summary_row(t, "Protein (g)", n->value[MN_NUT_PROTEIN]);
	summary_row(t, "Lipid (g)", n->value[MN_NUT_LIPID]);
	summary_row(t, "Glucid (g)", n->value[MN_NUT_GLUCID]);
}

/* A day's foods and totals; XLSX adds the check against the requirement. */
static int
export_day_nutrition(struct mn_ctx *ctx, const struct mn_date *day,
    enum mn_age_group g, bool xlsx, const char *path, struct mn_error *err)
{
	struct mn_portion *portions;
	struct food_total *totals;
	struct mn_food *foods;
	struct mn_nutrition n;
	struct mn_requirement r;
	char label[16];
	struct table t;
	size_t count;
	int rc;

	if ((rc = mn_kitchen_day_nutrition(ctx, day, g, &n, err)) != MN_OK ||
	    (rc = kitchen_refuse_no_school(ctx, day, T("no nutrition "
	    "export", "không xuất dinh dưỡng"), err)) != MN_OK ||
	    (rc = mn_kitchen_requirement(ctx, g, day, &r, err)) != MN_OK ||
	    (rc = mn_kitchen_day_portions(ctx, day, g, &portions, &foods,
	    &count, err)) != MN_OK)
		return rc;
	totals = calloc(count + 1, sizeof *totals);
	if (totals == NULL) {
		free(portions);
		free(foods);
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	}
	rc = table_open(&t, xlsx, path, "nutrition", err);
	if (rc == MN_OK) {
		write_day_foods(&t, portions, count, &n, totals);
		if (t.book != NULL) {
			end_row(&t);
			write_nutrition(&t, &n, &r);
		}
		rc = table_close(&t, err);
	}
	free(totals);
	free(portions);
	free(foods);
	if (rc != MN_OK)
		return rc;
	mn_date_format_iso(day, label, sizeof label);
	return audit_export(ctx, "menu_items", label, err);
}

int
mn_kitchen_export_nutrition(struct mn_ctx *ctx, const struct mn_date *date,
    const char *week, enum mn_age_group g, bool xlsx, const char *path,
    struct mn_error *err)
{
	struct mn_nutrition n;
	struct mn_requirement r;
	struct mn_date day;
	struct table t;
	int rc;

	if ((date == NULL) == (week == NULL))
		return mn_fail(err, MN_ERR_INVALID, "date", "%s",
		    T("give --date YYYY-MM-DD, or --week YYYY-Www for the "
		    "week's average", "cần --date YYYY-MM-DD, hoặc --week "
		    "YYYY-Www cho trung bình tuần"));
	if (date != NULL)
		return export_day_nutrition(ctx, date, g, xlsx, path, err);
	rc = mn_week_parse(week, &day, err);
	if (rc == MN_OK)
		rc = mn_kitchen_week_nutrition(ctx, week, g, &n, err);
	if (rc != MN_OK ||
	    (rc = mn_kitchen_requirement(ctx, g, &day, &r, err)) != MN_OK)
		return rc;
	if ((rc = table_open(&t, xlsx, path, "nutrition", err)) != MN_OK)
		return rc;
	write_nutrition(&t, &n, &r);
	if ((rc = table_close(&t, err)) != MN_OK)
		return rc;
	return audit_export(ctx, "menu_items", week, err);
}

/* ---- export market ---------------------------------------------------- */

/*
 * The market list: the columns "Thực phẩm, Đơn vị, Số lượng, Đơn giá,
 * Thành tiền" (Vietnamese in every interface language because scripts
 * read them), one row per food, and a last row "Tổng cộng" whose amount
 * is the sum of the amounts above.  A food without a price has empty
 * price and amount cells.  XLSX adds the meals and the cost per meal
 * below the total.
 */
int
mn_kitchen_export_market(struct mn_ctx *ctx, const struct mn_date *day,
    bool xlsx, const char *path, struct mn_error *err)
{
	const char *names[] = { "Thực phẩm", "Đơn vị", "Số lượng", "Đơn giá",
	    "Thành tiền" };
	struct mn_market_list list;
	char label[16];
	struct table t;
	int rc, meals = 0;

	if ((rc = mn_kitchen_market(ctx, day, &list, err)) != MN_OK)
		return rc;
	for (int g = 0; g < MN_GROUP_COUNT; g++) {
		int count;

		if ((rc = mn_kitchen_meals(ctx, day, g, &count, err)) !=
		    MN_OK) {
			mn_market_free(&list);
			return rc;
		}
		meals += count;
	}
	if ((rc = table_open(&t, xlsx, path, "market", err)) != MN_OK) {
		mn_market_free(&list);
		return rc;
	}
	header(&t, names, 5);
	for (size_t i = 0; i < list.count; i++) {
		const struct mn_market_line *l = &list.lines[i];

		cell_text(&t, l->food->name);
		cell_text(&t, l->food->purchase_unit);
		cell_number(&t, l->quantity,
		    mn_unit_divisible(l->food->purchase_unit) ? 2 : 0);
		if (l->unit_price < 0) {
			cell_text(&t, "");
			cell_text(&t, "");
		} else {
			cell_money(&t, l->unit_price);
			cell_money(&t, l->amount);
		}
		end_row(&t);
	}
	cell_text(&t, "Tổng cộng");
	for (int i = 0; i < 3; i++)
		cell_text(&t, "");
	cell_money(&t, list.total);
	end_row(&t);
	if (t.book != NULL) {
		cell_text(&t, T("meals", "Số suất ăn"));
		cell_money(&t, meals);
		end_row(&t);
		cell_text(&t, T("cost per meal", "Chi phí mỗi suất"));
		cell_money(&t, meals > 0 ?
		    mn_round_money((double)list.total / meals) : 0);
		end_row(&t);
	}
	mn_market_free(&list);
	if ((rc = table_close(&t, err)) != MN_OK)
		return rc;
	mn_date_format_iso(day, label, sizeof label);
	return audit_export(ctx, "purchases", label, err);
}

/* ---- export mealfees -------------------------------------------------- */

int
mn_kitchen_export_mealfees(struct mn_ctx *ctx, const char *month, bool xlsx,
    const char *path, struct mn_error *err)
{
	const char *names[] = { T("date", "ngày"), T("meals", "số suất"),
	    T("money in", "thu"), T("money out", "chi"),
	    T("surplus or deficit", "thừa/thiếu"),
	    T("balance carried", "số dư chuyển tiếp"),
	    T("cost per meal", "chi mỗi suất") };
	struct mn_fee_row *rows;
	struct table t;
	int64_t opening;
	size_t n;
	int rc;

	if ((rc = mn_kitchen_fee_book(ctx, month, &rows, &n, &opening, err))
	    != MN_OK)
		return rc;
	if ((rc = table_open(&t, xlsx, path, "mealfees", err)) != MN_OK) {
		free(rows);
		return rc;
	}
	header(&t, names, 7);
	cell_text(&t, T("carried in", "số dư đầu tháng"));
	for (int i = 0; i < 4; i++)
		cell_text(&t, "");
	cell_money(&t, opening);
	end_row(&t);
	for (size_t i = 0; i < n; i++) {
		cell_text(&t, rows[i].date);
		cell_money(&t, rows[i].children);
		cell_money(&t, rows[i].money_in);
		cell_money(&t, rows[i].money_out);
		cell_money(&t, rows[i].day_balance);
		cell_money(&t, rows[i].balance);
		cell_money(&t, rows[i].cost_per_child);
		end_row(&t);
	}
	free(rows);
	if ((rc = table_close(&t, err)) == MN_OK)
		rc = audit_export(ctx, "meal_fees", month, err);
	return rc;
}
