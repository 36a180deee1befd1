/*
 * Food CSV parsing and checking, shared by the build tool that compiles
 * the shipped table, by "mamnon import foods" and by the tests.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "core/foods.h"

enum column {
	COL_CODE, COL_NAME, COL_GROUP, COL_ORIGIN, COL_REFUSE,
	COL_NUTRIENTS,		/* MN_NUT_COUNT columns from here */
	COL_UNIT = COL_NUTRIENTS + MN_NUT_COUNT,
	COL_UNIT_GRAMS,
	COL_COUNT
};

#define FIELD_MAX 256

static const struct {
	const char *key;
	const char *en;
	const char *vi;
	const char *unit;
	double max;		/* largest plausible value per 100 g */
} nutrients[MN_NUT_COUNT] = {
	{ "energy_kcal", "energy", "năng lượng", "kcal", 900 },
	{ "protein_g", "protein", "protein (đạm)", "g", 100 },
	{ "lipid_g", "lipid", "lipid (béo)", "g", 100 },
	{ "glucid_g", "glucid", "glucid (bột đường)", "g", 100 },
	{ "fibre_g", "fibre", "chất xơ", "g", 100 },
	{ "calcium_mg", "calcium", "canxi", "mg", 10000 },
	{ "iron_mg", "iron", "sắt", "mg", 200 },
	{ "retinol_ug", "vitamin A (retinol)", "vitamin A (retinol)", "µg",
	    50000 },
	{ "beta_carotene_ug", "beta-carotene", "beta-caroten", "µg", 100000 },
	{ "vitamin_b1_mg", "vitamin B1", "vitamin B1", "mg", 20 },
	{ "vitamin_c_mg", "vitamin C", "vitamin C", "mg", 2000 },
};

static const struct {
	const char *en;
	const char *vi;
} groups[MN_FOOD_GROUP_COUNT] = {
	{ "cereals and products", "ngũ cốc và sản phẩm chế biến" },
	{ "starchy roots and products", "khoai củ và sản phẩm chế biến" },
	{ "nuts, seeds and pulses", "hạt, quả giàu đạm, béo" },
	{ "vegetables", "rau, quả, củ dùng làm rau" },
	{ "fruits", "quả chín" },
	{ "fats and oils", "dầu, mỡ, bơ" },
	{ "meat and products", "thịt và sản phẩm chế biến" },
	{ "fish and seafood", "thủy sản và sản phẩm chế biến" },
	{ "eggs and products", "trứng và sản phẩm chế biến" },
	{ "milk and products", "sữa và sản phẩm chế biến" },
	{ "canned food", "đồ hộp" },
	{ "sugar and sweets", "đồ ngọt (đường, bánh, mứt, kẹo)" },
	{ "spices and sauces", "gia vị, nước chấm" },
	{ "beverages", "nước giải khát, bia, rượu" },
};

static const char header[] = "code,name,group,origin,refuse_pct,"
    "energy_kcal,protein_g,lipid_g,glucid_g,fibre_g,calcium_mg,iron_mg,"
    "retinol_ug,beta_carotene_ug,vitamin_b1_mg,vitamin_c_mg,"
    "purchase_unit,unit_grams";

const char *
mn_nutrient_key(enum mn_nutrient n)
{
	return (unsigned)n < MN_NUT_COUNT ? nutrients[n].key : "?";
}

const char *
mn_nutrient_label(enum mn_nutrient n)
{
	if ((unsigned)n >= MN_NUT_COUNT)
		return "?";
	return mn_pick(nutrients[n].en, nutrients[n].vi);
}

const char *
mn_nutrient_unit(enum mn_nutrient n)
{
	return (unsigned)n < MN_NUT_COUNT ? nutrients[n].unit : "";
}

const char *
mn_food_group_label(int group)
{
	if (group < 1 || group > MN_FOOD_GROUP_COUNT)
		return "?";
	return mn_pick(groups[group - 1].en, groups[group - 1].vi);
}

const char *
mn_foods_csv_header(void)
{
	return header;
}

static const char *
column_name(int col)
{
	static const char *names[] = { "code", "name", "group", "origin",
	    "refuse_pct" };

	if (col < COL_NUTRIENTS)
		return names[col];
	if (col < COL_UNIT)
		return nutrients[col - COL_NUTRIENTS].key;
	return col == COL_UNIT ? "purchase_unit" : "unit_grams";
}

/*
 * The column's name for a message: the interface's word, then the CSV
 * key in brackets, as an import file's header names the column.
 */
static const char *
column_label(int col, char *buf, size_t size)
{
	static const char *en[] = { "Code", "Name", "Food group", "Origin",
	    "Refuse" };
	static const char *vi[] = { "Mã", "Tên", "Nhóm thực phẩm",
	    "Nguồn gốc", "Tỷ lệ thải bỏ" };
	const char *word;

	if (col < COL_NUTRIENTS)
		word = mn_pick(en[col], vi[col]);
	else if (col < COL_UNIT)
		word = mn_nutrient_label((enum mn_nutrient)(col -
		    COL_NUTRIENTS));
	else
		word = col == COL_UNIT ? T("Purchase unit", "Đơn vị mua") :
		    T("Grams per unit", "Số gam mỗi đơn vị");
	snprintf(buf, size, "%s (%s)", word, column_name(col));
	return buf;
}

/*
 * Reads one CSV record starting at *pos: fields separated by sep,
 * optionally in double quotes with "" for a quote.  Returns the number
 * of fields, or -1 when a field is longer than FIELD_MAX - 1 bytes, -2
 * for an unterminated quote.  *pos moves past the line end.
 */
static int
read_record(const char *text, size_t len, size_t *pos, char sep,
    char fields[][FIELD_MAX], int max_fields)
{
	size_t p = *pos;
	int nf = 0;
	size_t fl = 0;
	bool quoted = false, was_quoted = false;
	int status = 0;

	if (max_fields > 0)
		fields[0][0] = '\0';
	while (p < len) {
		char c = text[p];

		if (quoted) {
			if (c == '"' && p + 1 < len && text[p + 1] == '"') {
				p++;
			} else if (c == '"') {
				quoted = false;
				p++;
				continue;
			}
		} else if (c == '"' && fl == 0 && !was_quoted) {
			quoted = was_quoted = true;
			p++;
			continue;
		} else if (c == sep) {
			if (nf < max_fields)
				fields[nf][fl] = '\0';
			nf++;
			fl = 0;
			was_quoted = false;
			if (nf < max_fields)
				fields[nf][0] = '\0';
			p++;
			continue;
		} else if (c == '\n' || c == '\r') {
			break;
		}
		if (nf < max_fields) {
			if (fl + 1 >= FIELD_MAX)
				status = -1;
			else
				fields[nf][fl++] = c;
		}
		p++;
	}
	if (quoted)
		status = -2;
	if (nf < max_fields)
		fields[nf][fl] = '\0';
	nf++;
	if (p < len && text[p] == '\r')
		p++;
	if (p < len && text[p] == '\n')
		p++;
	*pos = p;
	return status < 0 ? status : nf;
}

/*
 * Parses a plain decimal number: digits with at most one '.', no sign,
 * exponent, comma or spaces, so that "7,9" or "1e3" cannot slip through.
 */
static bool
parse_number(const char *s, double *out)
{
	int dots = 0, digits = 0;

	for (const char *p = s; *p != '\0'; p++) {
		if (*p == '.')
			dots++;
		else if (*p >= '0' && *p <= '9')
			digits++;
		else
			return false;
	}
	if (digits == 0 || dots > 1)
		return false;
	errno = 0;
	*out = strtod(s, NULL);
	return errno == 0 && isfinite(*out);
}

struct parse_state {
	int line;
	int errors;
	struct mn_error *err;
};

static void
row_fail(struct parse_state *st, int col, const char *value,
    const char *expected)
{
	char shown[48];

	st->errors++;
	if (st->errors > 1)
		return;
	snprintf(shown, sizeof shown, "%s", value);
	mn_fail(st->err, MN_ERR_INVALID, column_name(col),
	    T("line %d, field %s: invalid value '%s'; expected %s",
	    "dòng %d, cột %s: giá trị '%s' không hợp lệ; cần %s"),
	    st->line, column_name(col), shown, expected);
}

static bool
check_range(struct parse_state *st, int col, const char *text, double min,
    double max, bool required, double *out, bool *given)
{
	char expected[160];

	*given = false;
	*out = 0;
	if (text[0] == '\0') {
		if (!required)
			return true;
		row_fail(st, col, text, T("a value (the cell is empty)",
		    "một giá trị (ô đang trống)"));
		return false;
	}
	if (!parse_number(text, out) || *out < min || *out > max) {
		snprintf(expected, sizeof expected,
		    T("a number from %g to %g with '.' as decimal point, "
		    "e.g. 7.9", "một số từ %g đến %g, dùng dấu chấm thập "
		    "phân, ví dụ 7.9"), min, max);
		row_fail(st, col, text, expected);
		*out = 0;
		return false;
	}
	*given = true;
	return true;
}

static void
parse_row(struct parse_state *st, char fields[][FIELD_MAX], int nf,
    struct mn_food *f)
{
	double v;
	bool given;
	char expected[128];

	memset(f, 0, sizeof *f);
	if (nf != COL_COUNT) {
		snprintf(expected, sizeof expected,
		    T("%d fields as in the header line",
		    "%d cột như dòng tiêu đề"), (int)COL_COUNT);
		row_fail(st, nf < COL_COUNT ? nf > 0 ? nf - 1 : 0 :
		    COL_COUNT - 1, "", expected);
		return;
	}
	if (check_range(st, COL_CODE, fields[COL_CODE], 1, 999999, true, &v,
	    &given) && v != floor(v))
		row_fail(st, COL_CODE, fields[COL_CODE], T("a whole number",
		    "một số nguyên"));
	f->code = (int)v;

	if (fields[COL_NAME][0] == '\0' ||
	    strlen(fields[COL_NAME]) >= MN_FOOD_NAME_MAX)
		row_fail(st, COL_NAME, fields[COL_NAME],
		    T("a name of 1 to 127 bytes", "tên dài 1 đến 127 byte"));
	else
		snprintf(f->name, sizeof f->name, "%s", fields[COL_NAME]);

	if (check_range(st, COL_GROUP, fields[COL_GROUP], 1,
	    MN_FOOD_GROUP_COUNT, true, &v, &given) && v != floor(v))
		row_fail(st, COL_GROUP, fields[COL_GROUP],
		    T("a whole number from 1 to 14", "số nguyên từ 1 đến 14"));
	f->group = (int)v;

	if (strcmp(fields[COL_ORIGIN], "animal") == 0)
		f->animal = true;
	else if (strcmp(fields[COL_ORIGIN], "vegetable") != 0)
		row_fail(st, COL_ORIGIN, fields[COL_ORIGIN],
		    T("animal or vegetable", "animal hoặc vegetable"));

	/* 100 % refuse would make the bought weight infinite. */
	check_range(st, COL_REFUSE, fields[COL_REFUSE], 0, 95, true,
	    &f->refuse_pct, &given);

	for (int n = 0; n < MN_NUT_COUNT; n++) {
		check_range(st, COL_NUTRIENTS + n, fields[COL_NUTRIENTS + n],
		    0, nutrients[n].max, n == MN_NUT_ENERGY ||
		    n == MN_NUT_PROTEIN, &f->value[n], &given);
		if (given)
			f->known |= 1u << n;
	}
	if (f->value[MN_NUT_PROTEIN] + f->value[MN_NUT_LIPID] +
	    f->value[MN_NUT_GLUCID] > 100.5) {
		snprintf(expected, sizeof expected,
		    T("protein + lipid + glucid of at most 100 g per 100 g "
		    "(now %g)", "protein + lipid + glucid không quá 100 g "
		    "trong 100 g (đang là %g)"), f->value[MN_NUT_PROTEIN] +
		    f->value[MN_NUT_LIPID] + f->value[MN_NUT_GLUCID]);
		row_fail(st, COL_NUTRIENTS + MN_NUT_GLUCID,
		    fields[COL_NUTRIENTS + MN_NUT_GLUCID], expected);
	}

	if (fields[COL_UNIT][0] == '\0' ||
	    strlen(fields[COL_UNIT]) >= MN_FOOD_UNIT_MAX)
		row_fail(st, COL_UNIT, fields[COL_UNIT],
		    T("a unit name of 1 to 15 bytes, e.g. kg",
		    "tên đơn vị dài 1 đến 15 byte, ví dụ kg"));
	else
		snprintf(f->purchase_unit, sizeof f->purchase_unit, "%s",
		    fields[COL_UNIT]);
	if (check_range(st, COL_UNIT_GRAMS, fields[COL_UNIT_GRAMS], 0.001,
	    100000, true, &f->unit_grams, &given) && f->unit_grams <= 0)
		row_fail(st, COL_UNIT_GRAMS, fields[COL_UNIT_GRAMS],
		    T("a weight in grams above 0", "khối lượng gam lớn hơn 0"));
}

/* Rejects value of column col outside min..max, naming the column. */
static int
check_value(int col, double value, double min, double max,
    struct mn_error *err)
{
	char label[96], v[32], lo[32], hi[32];

	if (value >= min && value <= max)
		return MN_OK;
	mn_format_value(value, v, sizeof v);
	mn_format_value(min, lo, sizeof lo);
	mn_format_value(max, hi, sizeof hi);
	return mn_fail(err, MN_ERR_INVALID, column_name(col),
	    T("%s: invalid value %s; expected a number from %s to %s",
	    "%s: giá trị %s không hợp lệ; cần một số từ %s đến %s"),
	    column_label(col, label, sizeof label), v, lo, hi);
}

int
mn_food_check(const struct mn_food *f, struct mn_error *err)
{
	double macro_g;
	int rc;

	if ((rc = check_value(COL_CODE, f->code, 1, 999999, err)) != MN_OK)
		return rc;
	if (f->name[0] == '\0' || strlen(f->name) >= MN_FOOD_NAME_MAX)
		return mn_fail(err, MN_ERR_INVALID, column_name(COL_NAME),
		    "%s", T("name: missing or too long; expected 1 to 127 "
		    "bytes", "tên: bị thiếu hoặc quá dài; cần 1 đến 127 byte"));
	if ((rc = check_value(COL_GROUP, f->group, 1, MN_FOOD_GROUP_COUNT,
	    err)) != MN_OK ||
	    (rc = check_value(COL_REFUSE, f->refuse_pct, 0, 95, err)) != MN_OK)
		return rc;
	for (int n = 0; n < MN_NUT_COUNT; n++) {
		bool required = n == MN_NUT_ENERGY || n == MN_NUT_PROTEIN;

		if (!(f->known & (1u << n))) {
			char label[96], hi[32];

			if (!required)
				continue;
			mn_format_value(nutrients[n].max, hi, sizeof hi);
			return mn_fail(err, MN_ERR_INVALID,
			    column_name(COL_NUTRIENTS + n),
			    T("%s: missing; expected a number from 0 to %s",
			    "%s: bị thiếu; cần một số từ 0 đến %s"),
			    column_label(COL_NUTRIENTS + n, label,
			    sizeof label), hi);
		}
		if ((rc = check_value(COL_NUTRIENTS + n, f->value[n], 0,
		    nutrients[n].max, err)) != MN_OK)
			return rc;
	}
	macro_g = f->value[MN_NUT_PROTEIN] + f->value[MN_NUT_LIPID] +
	    f->value[MN_NUT_GLUCID];
	if (macro_g > 100.5)
		return mn_fail(err, MN_ERR_INVALID,
		    column_name(COL_NUTRIENTS + MN_NUT_GLUCID),
		    T("glucid_g: protein + lipid + glucid is %g; expected at "
		    "most 100 g per 100 g", "glucid_g: protein + lipid + "
		    "glucid là %g; cần không quá 100 g trong 100 g"), macro_g);
	if (f->purchase_unit[0] == '\0' ||
	    strlen(f->purchase_unit) >= MN_FOOD_UNIT_MAX)
		return mn_fail(err, MN_ERR_INVALID, column_name(COL_UNIT),
		    "%s", T("purchase_unit: missing or too long; expected 1 "
		    "to 15 bytes, e.g. kg", "purchase_unit: bị thiếu hoặc quá "
		    "dài; cần 1 đến 15 byte, ví dụ kg"));
	return check_value(COL_UNIT_GRAMS, f->unit_grams, 0.001, 100000, err);
}

static int
list_push(struct mn_food_list *list, const struct mn_food *f)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 64;
		struct mn_food *items = realloc(list->items,
		    cap * sizeof *items);

		if (items == NULL)
			return MN_ERR_NOMEM;
		list->items = items;
		list->cap = cap;
	}
	list->items[list->count++] = *f;
	return MN_OK;
}

/*
 * Checks the last row read against the valid rows before it, so that
 * errors are reported in line order.
 */
static void
check_duplicates(struct parse_state *st, const struct mn_food_list *rows,
    const int *lines, const bool *valid)
{
	char expected[160];
	size_t i = rows->count - 1;

	if (rows->count < 2 || !valid[i])
		return;
	{
		for (size_t j = 0; j < i; j++) {
			const struct mn_food *a = &rows->items[j];
			const struct mn_food *b = &rows->items[i];
			char value[16];

			if (!valid[j])
				continue;
			if (a->code == b->code) {
				snprintf(value, sizeof value, "%d", b->code);
				snprintf(expected, sizeof expected,
				    T("a code not used on line %d",
				    "mã chưa dùng ở dòng %d"), lines[j]);
				row_fail(st, COL_CODE, value, expected);
			} else if (strcmp(a->name, b->name) == 0) {
				snprintf(expected, sizeof expected,
				    T("a name not used on line %d",
				    "tên chưa dùng ở dòng %d"), lines[j]);
				row_fail(st, COL_NAME, b->name, expected);
			}
		}
	}
}

/*
 * The separator of the file: ';' when the header line has semicolons
 * and no comma (spreadsheets set to Vietnamese write that), else ','.
 */
static char
file_separator(const char *text, size_t len, size_t pos)
{
	bool semicolon = false;

	while (pos < len && (text[pos] == '#' || text[pos] == '\n' ||
	    text[pos] == '\r')) {
		while (pos < len && text[pos] != '\n')
			pos++;
		pos += pos < len;
	}
	for (; pos < len && text[pos] != '\n'; pos++) {
		if (text[pos] == ',')
			return ',';
		if (text[pos] == ';')
			semicolon = true;
	}
	return semicolon ? ';' : ',';
}

int
mn_foods_parse(const char *text, size_t len, struct mn_food_list *out,
    struct mn_error *err)
{
	char (*fields)[FIELD_MAX] = calloc(COL_COUNT + 1, FIELD_MAX);
	struct mn_food_list rows = { 0 };
	int *lines = NULL;
	bool *valid = NULL;
	size_t lines_cap = 0;
	struct parse_state st = { 0, 0, err };
	bool header_seen = false;
	size_t pos = 0;
	char sep;
	int rc = MN_OK;

	if (fields == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		pos = 3;	/* byte order mark written by spreadsheets */
	sep = file_separator(text, len, pos);
	while (pos < len) {
		int nf;

		st.line++;
		if (text[pos] == '#' || text[pos] == '\n' ||
		    text[pos] == '\r') {
			while (pos < len && text[pos] != '\n')
				pos++;
			pos += pos < len;
			continue;
		}
		nf = read_record(text, len, &pos, sep, fields, COL_COUNT + 1);
		if (nf < 0) {
			row_fail(&st, COL_NAME, "", nf == -1 ?
			    T("fields shorter than 256 bytes",
			    "ô ngắn hơn 256 byte") :
			    T("a closing double quote", "dấu nháy kép đóng"));
			continue;
		}
		if (!header_seen) {
			char line[600] = "";

			for (int i = 0; i < nf && i <= COL_COUNT; i++) {
				strcat(line, i ? "," : "");
				strncat(line, fields[i], 40);
			}
			header_seen = true;
			if (strcmp(line, header) != 0) {
				mn_fail(err, MN_ERR_INVALID, "header",
				    T("line %d: invalid header; expected %s",
				    "dòng %d: dòng tiêu đề không đúng; cần %s"),
				    st.line, header);
				rc = MN_ERR_INVALID;
				goto done;
			}
			continue;
		}
		struct mn_food f;
		int before = st.errors;

		parse_row(&st, fields, nf, &f);
		if (list_push(&rows, &f) != MN_OK)
			goto nomem;
		if (rows.count > lines_cap) {
			int *l;
			bool *v;

			lines_cap = rows.cap;
			l = realloc(lines, lines_cap * sizeof *l);
			if (l == NULL)
				goto nomem;
			lines = l;
			v = realloc(valid, lines_cap * sizeof *v);
			if (v == NULL)
				goto nomem;
			valid = v;
		}
		lines[rows.count - 1] = st.line;
		valid[rows.count - 1] = st.errors == before;
		check_duplicates(&st, &rows, lines, valid);
	}
	if (!header_seen) {
		rc = mn_fail(err, MN_ERR_INVALID, "header",
		    T("the file is empty; expected the header line %s",
		    "tệp rỗng; cần dòng tiêu đề %s"), header);
		goto done;
	}
	if (st.errors > 0) {
		if (st.errors > 1 && err != NULL) {
			size_t used = strlen(err->message);

			snprintf(err->message + used,
			    sizeof err->message - used,
			    T(" (and %d more errors)", " (và %d lỗi khác)"),
			    st.errors - 1);
		}
		rc = MN_ERR_INVALID;
		goto done;
	}
	for (size_t i = 0; i < rows.count; i++)
		if (list_push(out, &rows.items[i]) != MN_OK)
			goto nomem;
	goto done;
nomem:
	rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
done:
	free(fields);
	free(lines);
	free(valid);
	mn_food_list_free(&rows);
	return rc;
}

int
mn_foods_parse_file(const char *path, struct mn_food_list *out,
    struct mn_error *err)
{
	FILE *fp = fopen(path, "rb");
	char *text = NULL;
	size_t len = 0, cap = 0, n;
	char buf[8192];
	int rc;

	if (fp == NULL)
		return mn_fail(err, MN_ERR_IO, "file",
		    T("cannot open %s: %s", "không mở được %s: %s"), path,
		    strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
		if (len + n > cap) {
			char *t;

			cap = (len + n) * 2;
			t = realloc(text, cap);
			if (t == NULL) {
				free(text);
				fclose(fp);
				return mn_fail(err, MN_ERR_NOMEM, "",
				    "out of memory");
			}
			text = t;
		}
		memcpy(text + len, buf, n);
		len += n;
	}
	if (ferror(fp)) {
		rc = mn_fail(err, MN_ERR_IO, "file",
		    T("cannot read %s: %s", "không đọc được %s: %s"), path,
		    strerror(errno));
		fclose(fp);
		free(text);
		return rc;
	}
	fclose(fp);
	rc = mn_foods_parse(text ? text : "", len, out, err);
	free(text);
	return rc;
}

void
mn_food_list_free(struct mn_food_list *list)
{
	free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}

const struct mn_food *
mn_foods_find(const struct mn_food *table, size_t count, int code)
{
	for (size_t i = 0; i < count; i++)
		if (table[i].code == code)
			return &table[i];
	return NULL;
}
