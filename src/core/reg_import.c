/*
 * CSV imports of classes, children and staff.  Every row is checked
 * before anything is written.  One bad row means nothing is written, and
 * the report lists every bad row with its line and field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/reg_io.h"
#include "core/reg_util.h"
#include "core/registers.h"
#include "core/text.h"
#include "core/validate.h"

static int
add_issue(struct mn_import_report *rep, size_t line, const char *field,
    const char *message)
{
	struct mn_import_issue *grown;

	grown = realloc(rep->issues, (rep->nissues + 1) * sizeof *grown);
	if (grown == NULL)
		return MN_ERR_NOMEM;
	rep->issues = grown;
	grown[rep->nissues].line = line;
	snprintf(grown[rep->nissues].field, sizeof grown->field, "%s",
	    field != NULL ? field : "");
	snprintf(grown[rep->nissues].message, sizeof grown->message, "%s",
	    message);
	rep->nissues++;
	return MN_OK;
}

static int
issue_from(struct mn_import_report *rep, size_t line,
    const struct mn_error *e)
{
	return add_issue(rep, line, e->field, e->message);
}

/*
 * Records a row's error e as an issue of its line.  Running out of
 * memory there is the import's own error, in err.
 */
static int
row_issue(struct mn_import_report *rep, size_t line,
    const struct mn_error *e, struct mn_error *err)
{
	if (issue_from(rep, line, e) != MN_OK)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	return MN_OK;
}

void
mn_import_report_free(struct mn_import_report *rep)
{
	free(rep->issues);
	memset(rep, 0, sizeof *rep);
}

/*
 * Drops empty fields after the first n: spreadsheets often save a few
 * empty columns to the right of the data.
 */
static void
trim_trailing(struct mn_csv_row *row, size_t n)
{
	while (row->count > n && row->fields[row->count - 1][0] == '\0')
		row->count--;
}

/* Reads the header row and compares it with the expected columns. */
static int
check_header(struct mn_csv_reader *r, const char *const *expected,
    size_t n, struct mn_import_report *rep, struct mn_error *err)
{
	struct mn_csv_row row;
	char list[1024] = "";
	int rc;

	for (size_t i = 0; i < n; i++)
		snprintf(list + strlen(list), sizeof list - strlen(list),
		    "%s%s", i ? ", " : "", expected[i]);
	rc = mn_csv_next(r, &row, err);
	if (rc == MN_ERR_NOTFOUND)
		return mn_fail(err, MN_ERR_INVALID, T("header", "dòng tiêu đề"),
		    T("The file is empty; expected a header row: %s",
		    "Tệp rỗng; cần dòng tiêu đề: %s"), list);
	if (rc != MN_OK)
		return rc;
	trim_trailing(&row, n);
	for (size_t i = 0; i < n || i < row.count; i++) {
		char *clean = NULL;
		bool same;

		if (i < row.count && mn_text_clean(row.fields[i], "header",
		    200, &clean, NULL) != MN_OK)
			clean = NULL;
		same = i < n && i < row.count && clean != NULL &&
		    strcmp(clean, expected[i]) == 0;
		if (!same) {
			rc = mn_fail(err, MN_ERR_INVALID,
			    T("header", "dòng tiêu đề"),
			    T("Line %zu: column %zu is '%.60s', expected "
			    "'%s'; the header must be exactly: %s",
			    "Dòng %zu: cột %zu là '%.60s', cần '%s'; dòng "
			    "tiêu đề phải đúng là: %s"), row.line, i + 1,
			    clean != NULL ? clean : (i < row.count ? "?" : ""),
			    i < n ? expected[i] : "", list);
			free(clean);
			add_issue(rep, row.line, err->field, err->message);
			return rc;
		}
		free(clean);
	}
	return MN_OK;
}

/* Reads the next data row; MN_ERR_NOTFOUND at the end. */
static int
next_row(struct mn_csv_reader *r, size_t ncols, struct mn_csv_row *row,
    struct mn_import_report *rep, struct mn_error *err)
{
	int rc;

	for (;;) {
		rc = mn_csv_next(r, row, err);
		if (rc != MN_OK)
			return rc;
		rep->rows++;
		trim_trailing(row, ncols);
		if (row->count == ncols)
			return MN_OK;
		char msg[160];

		snprintf(msg, sizeof msg, T("Line %zu: %zu fields, expected "
		    "%zu", "Dòng %zu: có %zu trường, cần %zu"), row->line,
		    row->count, ncols);
		if (add_issue(rep, row->line, "", msg) != MN_OK)
			return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	}
}

static int
parse_sex(const char *text, const char *field, char *sex,
    struct mn_error *err)
{
	char *f = mn_text_fold(text);
	int rc = MN_OK;

	if (f != NULL && strcmp(f, "nam") == 0)
		*sex = 'M';
	else if (f != NULL && strcmp(f, "nu") == 0)
		*sex = 'F';
	else
		rc = mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: '%s' is invalid; expected Nam or Nữ",
		    "%s: '%s' không hợp lệ; cần Nam hoặc Nữ"), field, text);
	free(f);
	return rc;
}

/* Parses dd/mm/yyyy; "" gives year 0 unless required. */
static int
parse_date(const char *text, const char *field, bool required,
    struct mn_date *d, struct mn_error *err)
{
	memset(d, 0, sizeof *d);
	if (text[0] == '\0' && !required)
		return MN_OK;
	if (text[0] == '\0')
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: missing; expected dd/mm/yyyy",
		    "%s: bị thiếu; cần dạng dd/mm/yyyy"), field);
	return mn_date_parse(text, field, d, err);
}

static int
parse_count(const char *text, const char *field, int *out,
    struct mn_error *err)
{
	long value = 0;
	int rc;

	rc = mn_parse_int(text, field, 1, 999, &value, err);
	if (rc == MN_OK)
		*out = (int)value;
	return rc;
}

static int
outcome(struct mn_import_report *rep, struct mn_error *err)
{
	if (rep->nissues == 0)
		return MN_OK;
	return mn_fail(err, MN_ERR_INVALID, "",
	    T("%zu of %zu rows are invalid; nothing was written",
	    "%zu/%zu dòng không hợp lệ; chưa ghi gì"), rep->nissues,
	    rep->rows);
}

/* ---- Classes --------------------------------------------------------- */

struct new_year {
	char name[16];
	int64_t id;
};

static int
create_year(struct mn_ctx *ctx, struct new_year *y, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	struct mn_date first = { 0, 9, 5 }, last = { 0, 5, 31 };
	char now[32], *json;
	int rc;

	/* The usual frame: opening on 5 September, end on 31 May. */
	first.year = atoi(y->name);
	last.year = first.year + 1;
	rc = mn_prepare(ctx->db, "INSERT INTO school_years (name, first_day, "
	    "last_day, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	    &st, err);
	if (rc != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	sqlite3_bind_text(st, 1, y->name, -1, SQLITE_TRANSIENT);
	mn_reg_bind_date(st, 2, &first);
	mn_reg_bind_date(st, 3, &last);
	sqlite3_bind_text(st, 4, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	if (rc != MN_OK)
		return rc;
	y->id = sqlite3_last_insert_rowid(ctx->db);
	json = mn_reg_row_json(ctx->db, "SELECT json_object('name', name, "
	    "'first_day', first_day, 'last_day', last_day) FROM school_years "
	    "WHERE id = ?1", y->id);
	rc = mn_audit(ctx->db, &ctx->actor, "insert", "school_years", y->id,
	    NULL, json, "import", err);
	free(json);
	return rc;
}

static int
check_year_name(const char *name, const char *field, struct mn_error *err)
{
	int y1 = 0, y2 = 0, n = 0;

	if (strlen(name) == 9 && sscanf(name, "%4d-%4d%n", &y1, &y2, &n) == 2
	    && n == 9 && y2 == y1 + 1 && y1 > 1999)
		return MN_OK;
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: '%s' is invalid; expected two consecutive years such as "
	    "2026-2027", "%s: '%s' không hợp lệ; cần hai năm liên tiếp, ví "
	    "dụ 2026-2027"), field, name);
}

int
mn_import_classes(struct mn_ctx *ctx, struct mn_csv_reader *r,
    const struct mn_import_opts *opts, struct mn_import_report *rep,
    struct mn_error *err)
{
	struct mn_class *rows = NULL, *grown;
	struct new_year *years = NULL;
	size_t nrows = 0, nyears = 0;
	struct mn_csv_row row;
	struct mn_error e;
	int rc;

	memset(rep, 0, sizeof *rep);
	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CLASS_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = check_header(r, mn_class_columns, MN_CLASS_COLUMNS, rep, err);
	if (rc != MN_OK)
		return rc;
	while ((rc = next_row(r, MN_CLASS_COLUMNS, &row, rep, err)) == MN_OK) {
		struct mn_class c = { 0 };
		struct mn_school_year y;
		char **f = row.fields;

		mn_error_clear(&e);
		snprintf(c.code, sizeof c.code, "%.16s", f[0]);
		if (strlen(f[0]) > MN_CLASS_CODE_MAX)
			snprintf(c.code, sizeof c.code, "%s", "?");
		snprintf(c.name, sizeof c.name, "%s", f[1]);
		snprintf(c.age_group, sizeof c.age_group, "%s", "");
		snprintf(c.room, sizeof c.room, "%s", f[4]);
		rc = mn_age_group_parse(ctx, f[2], mn_class_columns[2],
		    c.age_group, sizeof c.age_group, &e);
		if (rc == MN_OK)
			rc = check_year_name(f[3], mn_class_columns[3], &e);
		if (rc == MN_OK)
			rc = parse_count(f[5], mn_class_columns[5], &c.capacity,
			    &e);
		if (rc == MN_OK)
			rc = mn_class_check_new(ctx, &c, &e);
		if (rc == MN_OK && mn_school_year_find(ctx, f[3], &y, NULL)
		    == MN_OK) {
			struct mn_class old;

			c.school_year_id = y.id;
			if (mn_class_get(ctx, y.id, c.code, &old, NULL) ==
			    MN_OK)
				rc = mn_fail(&e, MN_ERR_EXISTS,
				    mn_class_columns[0], T("%s: %s already "
				    "exists in %s", "%s: %s đã có trong năm "
				    "học %s"), mn_class_columns[0], c.code,
				    f[3]);
		} else if (rc == MN_OK) {
			/* Marks a year to create, by its index + 1, negated. */
			size_t i;

			for (i = 0; i < nyears; i++)
				if (strcmp(years[i].name, f[3]) == 0)
					break;
			if (i == nyears) {
				struct new_year *g = realloc(years,
				    (nyears + 1) * sizeof *g);

				if (g == NULL)
					return mn_fail(err, MN_ERR_NOMEM, "",
					    "out of memory");
				years = g;
				snprintf(years[nyears].name,
				    sizeof years->name, "%s", f[3]);
				nyears++;
			}
			c.school_year_id = -(int64_t)(i + 1);
		}
		for (size_t i = 0; rc == MN_OK && i < nrows; i++)
			if (rows[i].school_year_id == c.school_year_id &&
			    strcasecmp(rows[i].code, c.code) == 0)
				rc = mn_fail(&e, MN_ERR_EXISTS,
				    mn_class_columns[0], T("%s: %s appears "
				    "twice in the file", "%s: %s xuất hiện hai "
				    "lần trong tệp"), mn_class_columns[0],
				    c.code);
		if (rc != MN_OK) {
			if ((rc = row_issue(rep, row.line, &e, err)) != MN_OK)
				break;
			continue;
		}
		grown = realloc(rows, (nrows + 1) * sizeof *rows);
		if (grown == NULL) {
			rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
			break;
		}
		rows = grown;
		rows[nrows++] = c;
	}
	if (rc != MN_ERR_NOTFOUND && rc != MN_OK) {
		free(rows);
		free(years);
		add_issue(rep, 0, err->field, err->message);
		return rc;
	}
	rc = outcome(rep, err);
	if (rc != MN_OK || opts->dry_run) {
		free(rows);
		free(years);
		return rc;
	}
	rc = mn_tx_begin(ctx->db, err);
	for (size_t i = 0; rc == MN_OK && i < nyears; i++)
		rc = create_year(ctx, &years[i], err);
	for (size_t i = 0; rc == MN_OK && i < nrows; i++) {
		if (rows[i].school_year_id < 0)
			rows[i].school_year_id =
			    years[-rows[i].school_year_id - 1].id;
		rc = mn_class_insert_checked(ctx, &rows[i], err);
	}
	if (rc == MN_OK) {
		rep->written = nrows;
		rc = mn_reg_finish(ctx, rc, err);
	} else {
		mn_tx_rollback(ctx->db);
	}
	free(rows);
	free(years);
	return rc;
}

/*
 * Ends an import whose row reader stopped with rc: an error other than
 * the end of the file becomes an issue.  Unless the file had issues or
 * this is a dry run, writes the n rows with write in one transaction and
 * counts them in rep->written once it commits.
 */
static int
write_rows(struct mn_ctx *ctx, int rc, size_t n,
    int (*write)(struct mn_ctx *ctx, size_t i, void *arg,
    struct mn_error *err), void *arg, const struct mn_import_opts *opts,
    struct mn_import_report *rep, struct mn_error *err)
{
	if (rc != MN_ERR_NOTFOUND) {
		add_issue(rep, 0, err->field, err->message);
		return rc;
	}
	rc = outcome(rep, err);
	if (rc != MN_OK || opts->dry_run)
		return rc;
	rc = mn_tx_begin(ctx->db, err);
	for (size_t i = 0; rc == MN_OK && i < n; i++)
		rc = write(ctx, i, arg, err);
	if (rc != MN_OK) {
		mn_tx_rollback(ctx->db);
		return rc;
	}
	rc = mn_reg_finish(ctx, rc, err);
	if (rc == MN_OK)
		rep->written = n;
	return rc;
}

/* ---- Children -------------------------------------------------------- */

struct year_class {
	struct mn_class c;
	int planned;
};

struct class_set {
	struct year_class *v;
	size_t n;
};

static int
collect_class(const struct mn_class *c, void *arg)
{
	struct class_set *cs = arg;
	struct year_class *g = realloc(cs->v, (cs->n + 1) * sizeof *g);

	if (g == NULL)
		return 1;
	cs->v = g;
	g[cs->n].c = *c;
	g[cs->n].planned = c->enrolled;
	cs->n++;
	return 0;
}

static struct year_class *
find_class(struct class_set *cs, const char *code)
{
	for (size_t i = 0; i < cs->n; i++)
		if (strcasecmp(cs->v[i].c.code, code) == 0)
			return &cs->v[i];
	return NULL;
}

/* Fills c from a children CSV row; MN_OK or an error in e. */
static int
parse_child_row(struct mn_ctx *ctx, char **f, struct class_set *cs,
    const struct mn_school_year *y, struct mn_child *c, struct mn_error *e)
{
	const char *const *col = mn_child_columns;
	struct year_class *yc;
	const char *status;
	char bad[128] = "";
	int rc;

	memset(c, 0, sizeof *c);
	snprintf(c->school_code, sizeof c->school_code, "%s", f[0]);
	snprintf(c->full_name, sizeof c->full_name, "%s", f[1]);
	if ((rc = parse_date(f[2], col[2], true, &c->birth_date, e)) != MN_OK ||
	    (rc = parse_sex(f[3], col[3], &c->sex, e)) != MN_OK)
		return rc;
	if (mn_reg_ethnicity_parse(ctx, f[4], c->ethnicity,
	    sizeof c->ethnicity) != MN_OK)
		return mn_fail(e, MN_ERR_INVALID, col[4],
		    T("%s: '%s' is not in the list of the 54 ethnic groups; "
		    "expected a name such as Kinh, Tày, Ê-đê, or a code 01-55",
		    "%s: '%s' không có trong danh mục 54 dân tộc; cần tên như "
		    "Kinh, Tày, Ê-đê, hoặc mã 01-55"), col[4], f[4]);
	snprintf(c->personal_id, sizeof c->personal_id, "%.15s", f[5]);
	if (strlen(f[5]) >= sizeof c->personal_id)
		return mn_fail(e, MN_ERR_INVALID, col[5],
		    T("%s: '%.40s' is too long; expected 12 digits or empty",
		    "%s: '%.40s' quá dài; cần 12 chữ số hoặc để trống"),
		    col[5], f[5]);
	snprintf(c->birth_place, sizeof c->birth_place, "%s", f[6]);
	snprintf(c->address, sizeof c->address, "%s", f[7]);
	if (f[8][0] != '\0') {
		yc = find_class(cs, f[8]);
		if (yc == NULL)
			return mn_fail(e, MN_ERR_NOTFOUND, col[8],
			    T("%s: class '%s' does not exist in school year "
			    "%s; import the classes first",
			    "%s: lớp '%s' không có trong năm học %s; hãy nhập "
			    "danh sách lớp trước"), col[8], f[8], y->name);
		c->class_id = yc->c.id;
		snprintf(c->class_code, sizeof c->class_code, "%s",
		    yc->c.code);
	}
	if ((rc = parse_date(f[9], col[9], true, &c->enrolment_date, e))
	    != MN_OK)
		return rc;
	status = mn_child_status_parse(f[10]);
	if (status == NULL)
		return mn_fail(e, MN_ERR_INVALID, col[10],
		    T("%s: '%s' is invalid; expected Đang học, Chuyển đến, "
		    "Chuyển đi, Thôi học or Hoàn thành chương trình",
		    "%s: '%s' không hợp lệ; cần Đang học, Chuyển đến, Chuyển "
		    "đi, Thôi học hoặc Hoàn thành chương trình"), col[10],
		    f[10]);
	snprintf(c->status, sizeof c->status, "%s", status);
	snprintf(c->father_name, sizeof c->father_name, "%s", f[11]);
	snprintf(c->father_phone, sizeof c->father_phone, "%.15s", f[12]);
	snprintf(c->mother_name, sizeof c->mother_name, "%s", f[13]);
	snprintf(c->mother_phone, sizeof c->mother_phone, "%.15s", f[14]);
	snprintf(c->guardian_name, sizeof c->guardian_name, "%s", f[15]);
	snprintf(c->guardian_phone, sizeof c->guardian_phone, "%.15s", f[16]);
	for (int i = 12; i <= 16; i += 2)
		if (strlen(f[i]) > 15)
			return mn_fail(e, MN_ERR_INVALID, col[i],
			    T("%s: '%.40s' is not a Vietnamese phone number",
			    "%s: '%.40s' không phải số điện thoại Việt Nam"),
			    col[i], f[i]);
	if (mn_reg_policies_parse(ctx, f[17], c->policies, sizeof c->policies,
	    bad, sizeof bad) != MN_OK)
		return mn_fail(e, MN_ERR_INVALID, col[17],
		    T("%s: '%s' is not a category; expected labels such as "
		    "\"Hộ nghèo\" or codes 01-16, separated by ';'",
		    "%s: '%s' không có trong danh mục; cần tên như \"Hộ "
		    "nghèo\" hoặc mã 01-16, cách nhau bởi ';'"), col[17], bad);
	snprintf(c->allergies, sizeof c->allergies, "%s", f[18]);
	snprintf(c->chronic_conditions, sizeof c->chronic_conditions, "%s",
	    f[19]);
	return MN_OK;
}

/* True when b repeats a (same code, personal ID, or name and birth). */
static bool
same_child(const struct mn_child *a, const struct mn_child *b,
    const char *fold_a, const char *fold_b)
{
	if (a->school_code[0] != '\0' &&
	    strcmp(a->school_code, b->school_code) == 0)
		return true;
	if (a->personal_id[0] != '\0' &&
	    strcmp(a->personal_id, b->personal_id) == 0)
		return true;
	return strcmp(fold_a, fold_b) == 0 &&
	    mn_date_cmp(&a->birth_date, &b->birth_date) == 0;
}

static int
write_child(struct mn_ctx *ctx, size_t i, void *arg, struct mn_error *err)
{
	struct mn_child *rows = arg;

	return mn_child_insert_checked(ctx, &rows[i], err);
}

int
mn_import_children(struct mn_ctx *ctx, struct mn_csv_reader *r,
    const struct mn_import_opts *opts, struct mn_import_report *rep,
    struct mn_error *err)
{
	struct mn_school_year y;
	struct class_set cs = { NULL, 0 };
	struct mn_child *rows = NULL;
	char **folds = NULL;
	size_t nrows = 0;
	struct mn_csv_row row;
	struct mn_error e;
	unsigned flags = opts->override ? MN_REG_OVERRIDE : 0;
	int rc;

	memset(rep, 0, sizeof *rep);
	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CHILD_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_reg_resolve_year(ctx, opts->year, &y, err);
	if (rc == MN_ERR_NOTFOUND)
		return mn_fail(err, rc, T("School year", "Năm học"),
		    T("School year %s not found; import the classes first, "
		    "which creates their school year",
		    "Không tìm thấy năm học %s; hãy nhập danh sách lớp trước, "
		    "việc này tạo năm học của các lớp"),
		    opts->year != NULL ? opts->year : "");
	if (rc != MN_OK)
		return rc;
	rc = mn_class_list(ctx, y.id, collect_class, &cs, err);
	if (rc != MN_OK)
		return rc;
	rc = check_header(r, mn_child_columns, MN_CHILD_COLUMNS, rep, err);
	if (rc != MN_OK)
		goto out;
	while ((rc = next_row(r, MN_CHILD_COLUMNS, &row, rep, err)) == MN_OK) {
		struct mn_child c;
		char *fold = NULL;

		mn_error_clear(&e);
		rc = parse_child_row(ctx, row.fields, &cs, &y, &c, &e);
		if (rc == MN_OK && opts->id_reason != NULL)
			snprintf(c.id_mismatch_reason,
			    sizeof c.id_mismatch_reason, "%s",
			    opts->id_reason);
		if (rc == MN_OK)
			rc = mn_child_check_new(ctx, &c, flags, &e);
		if (rc == MN_OK && (fold = mn_text_fold(c.full_name)) == NULL)
			rc = mn_fail(&e, MN_ERR_NOMEM, "", "out of memory");
		for (size_t i = 0; rc == MN_OK && i < nrows; i++)
			if (same_child(&rows[i], &c, folds[i], fold))
				rc = mn_fail(&e, MN_ERR_EXISTS,
				    mn_child_columns[1], T("%s: %s repeats "
				    "the child of an earlier line (same code, "
				    "personal ID, or name and date of birth)",
				    "%s: %s trùng với trẻ ở dòng trước (cùng "
				    "mã, mã định danh, hoặc họ tên và ngày "
				    "sinh)"), mn_child_columns[1], c.full_name);
		if (rc == MN_OK && c.class_id != 0) {
			struct year_class *yc = find_class(&cs, c.class_code);

			if (yc->planned >= yc->c.capacity)
				rc = mn_fail(&e, MN_ERR_INVALID,
				    mn_child_columns[8], T("%s: class %s is "
				    "full (%d children)", "%s: lớp %s đã đủ "
				    "sĩ số (%d trẻ)"), mn_child_columns[8],
				    yc->c.code, yc->c.capacity);
			else
				yc->planned++;
		}
		if (rc != MN_OK) {
			free(fold);
			if ((rc = row_issue(rep, row.line, &e, err)) != MN_OK)
				goto out;
			continue;
		}
		struct mn_child *g = realloc(rows, (nrows + 1) * sizeof *g);
		char **gf = realloc(folds, (nrows + 1) * sizeof *gf);

		if (g != NULL)
			rows = g;
		if (gf != NULL)
			folds = gf;
		if (g == NULL || gf == NULL) {
			free(fold);
			rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
			goto out;
		}
		rows[nrows] = c;
		folds[nrows++] = fold;
	}
	rc = write_rows(ctx, rc, nrows, write_child, rows, opts, rep, err);
out:
	for (size_t i = 0; i < nrows; i++)
		free(folds[i]);
	free(folds);
	free(rows);
	free(cs.v);
	return rc;
}

/* ---- Staff ----------------------------------------------------------- */

struct staff_row {
	struct mn_staff s;
	int64_t class_ids[8];
	size_t nclasses;
};

static int
find_account(struct mn_ctx *ctx, const char *login, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = MN_ERR_NOTFOUND;

	if (sqlite3_prepare_v2(ctx->db, "SELECT id FROM accounts WHERE login "
	    "= ?1", -1, &st, NULL) != SQLITE_OK)
		return MN_ERR_DB;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = MN_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static int
parse_staff_row(struct mn_ctx *ctx, char **f, struct class_set *cs,
    struct staff_row *sr, struct mn_error *e)
{
	const char *const *col = mn_staff_columns;
	struct mn_staff *s = &sr->s;
	char *copy, *save = NULL, *tok;
	int rc;

	memset(sr, 0, sizeof *sr);
	snprintf(s->staff_code, sizeof s->staff_code, "%s", f[0]);
	snprintf(s->full_name, sizeof s->full_name, "%s", f[1]);
	if ((rc = parse_date(f[2], col[2], false, &s->birth_date, e)) !=
	    MN_OK || (rc = parse_sex(f[3], col[3], &s->sex, e)) != MN_OK)
		return rc;
	snprintf(s->position, sizeof s->position, "%s", f[4]);
	snprintf(s->qualification, sizeof s->qualification, "%s", f[5]);
	snprintf(s->training, sizeof s->training, "%s", f[6]);
	if (strlen(f[7]) >= sizeof s->phone)
		return mn_fail(e, MN_ERR_INVALID, col[7],
		    T("%s: '%.40s' is not a Vietnamese phone number",
		    "%s: '%.40s' không phải số điện thoại Việt Nam"), col[7],
		    f[7]);
	snprintf(s->phone, sizeof s->phone, "%s", f[7]);
	if ((rc = parse_date(f[8], col[8], false, &s->start_date, e)) != MN_OK)
		return rc;
	snprintf(s->contract_type, sizeof s->contract_type, "%s", f[9]);
	if (f[10][0] != '\0') {
		if (find_account(ctx, f[10], &s->account_id) != MN_OK)
			return mn_fail(e, MN_ERR_NOTFOUND, col[10],
			    T("%s: no account with login '%s'; create the "
			    "account first or leave the field empty",
			    "%s: không có tài khoản '%s'; hãy tạo tài khoản "
			    "trước hoặc để trống"), col[10], f[10]);
		snprintf(s->account_login, sizeof s->account_login, "%s",
		    f[10]);
	}
	copy = strdup(f[11]);
	if (copy == NULL)
		return mn_fail(e, MN_ERR_NOMEM, "", "out of memory");
	for (tok = strtok_r(copy, ", ", &save); tok != NULL;
	    tok = strtok_r(NULL, ", ", &save)) {
		struct year_class *yc = find_class(cs, tok);

		if (yc == NULL || sr->nclasses == 8) {
			rc = mn_fail(e, MN_ERR_NOTFOUND, col[11],
			    T("%s: class '%s' does not exist in this school "
			    "year (at most 8 classes)", "%s: lớp '%s' không "
			    "có trong năm học này (tối đa 8 lớp)"), col[11],
			    tok);
			break;
		}
		sr->class_ids[sr->nclasses++] = yc->c.id;
	}
	free(copy);
	return rc;
}

static int
link_classes(struct mn_ctx *ctx, const struct staff_row *sr,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char detail[96];
	int rc;

	if (sr->nclasses == 0)
		return MN_OK;
	rc = mn_prepare(ctx->db, "INSERT OR IGNORE INTO class_teachers "
	    "(class_id, staff_id) VALUES (?1, ?2)", &st, err);
	for (size_t i = 0; rc == MN_OK && i < sr->nclasses; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, sr->class_ids[i]);
		sqlite3_bind_int64(st, 2, sr->s.id);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = mn_db_fail(ctx->db, err);
		snprintf(detail, sizeof detail, "teacher %s added",
		    sr->s.staff_code);
		if (rc == MN_OK)
			rc = mn_audit(ctx->db, &ctx->actor, "update",
			    "classes", sr->class_ids[i], NULL, NULL, detail,
			    err);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
staff_exists(struct mn_ctx *ctx, const struct mn_staff *s, const char *fold)
{
	sqlite3_stmt *st = NULL;
	bool found = false;

	if (sqlite3_prepare_v2(ctx->db, "SELECT 1 FROM staff WHERE "
	    "staff_code = ?1 OR (name_fold = ?2 AND birth_date IS ?3) OR "
	    "(?4 <> 0 AND account_id = ?4)", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, s->staff_code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, fold, -1, SQLITE_TRANSIENT);
	mn_reg_bind_date(st, 3, &s->birth_date);
	sqlite3_bind_int64(st, 4, s->account_id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static int
write_staff(struct mn_ctx *ctx, size_t i, void *arg, struct mn_error *err)
{
	struct staff_row *rows = arg;
	int rc;

	if ((rc = mn_staff_insert_checked(ctx, &rows[i].s, err)) != MN_OK)
		return rc;
	return link_classes(ctx, &rows[i], err);
}

int
mn_import_staff(struct mn_ctx *ctx, struct mn_csv_reader *r,
    const struct mn_import_opts *opts, struct mn_import_report *rep,
    struct mn_error *err)
{
	struct mn_school_year y;
	struct class_set cs = { NULL, 0 };
	struct staff_row *rows = NULL;
	size_t nrows = 0;
	struct mn_csv_row row;
	struct mn_error e;
	int rc;

	memset(rep, 0, sizeof *rep);
	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_STAFF_WRITE, err);
	if (rc != MN_OK)
		return rc;
	/* Without a school year there are no classes to link: fine. */
	if (mn_reg_resolve_year(ctx, opts->year, &y, NULL) == MN_OK) {
		rc = mn_class_list(ctx, y.id, collect_class, &cs, err);
		if (rc != MN_OK)
			return rc;
	}
	rc = check_header(r, mn_staff_columns, MN_STAFF_COLUMNS, rep, err);
	if (rc != MN_OK)
		goto out;
	while ((rc = next_row(r, MN_STAFF_COLUMNS, &row, rep, err)) == MN_OK) {
		struct staff_row sr;
		char *fold;

		mn_error_clear(&e);
		rc = parse_staff_row(ctx, row.fields, &cs, &sr, &e);
		if (rc == MN_OK)
			rc = mn_staff_check_new(ctx, &sr.s, &e);
		fold = rc == MN_OK ? mn_text_fold(sr.s.full_name) : NULL;
		if (rc == MN_OK && (fold == NULL ||
		    staff_exists(ctx, &sr.s, fold)))
			rc = mn_fail(&e, MN_ERR_EXISTS, mn_staff_columns[0],
			    T("%s: %s is already registered (same code, "
			    "account, or name and date of birth)",
			    "%s: %s đã có trong danh sách (trùng mã, tài "
			    "khoản, hoặc họ tên và ngày sinh)"),
			    mn_staff_columns[0], sr.s.staff_code);
		for (size_t i = 0; rc == MN_OK && i < nrows; i++)
			if ((sr.s.staff_code[0] != '\0' &&
			    strcmp(rows[i].s.staff_code,
			    sr.s.staff_code) == 0) ||
			    (sr.s.account_id != 0 &&
			    rows[i].s.account_id == sr.s.account_id))
				rc = mn_fail(&e, MN_ERR_EXISTS,
				    mn_staff_columns[0], T("%s: %s repeats an "
				    "earlier line", "%s: %s trùng với dòng "
				    "trước"), mn_staff_columns[0],
				    sr.s.staff_code);
		free(fold);
		if (rc != MN_OK) {
			if ((rc = row_issue(rep, row.line, &e, err)) != MN_OK)
				break;
			continue;
		}
		struct staff_row *g = realloc(rows, (nrows + 1) * sizeof *g);

		if (g == NULL) {
			rc = mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
			goto out;
		}
		rows = g;
		rows[nrows++] = sr;
	}
	rc = write_rows(ctx, rc, nrows, write_staff, rows, opts, rep, err);
out:
	free(rows);
	free(cs.v);
	return rc;
}
