/*
 * Measurements: checking a form's values, computing and storing the WHO
 * z-scores with them, a class's weighing round in one transaction, the
 * previous value beside each field and the trend since the last
 * measurement.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/date.h"
#include "core/db.h"
#include "core/health_int.h"
#include "core/validate.h"

#define NOTE_MAX_CHARS 200

#define MEASUREMENT_JSON \
	"SELECT json_object('child_id', child_id, 'measured_on', " \
	"measured_on, 'round', round, 'weight_kg', weight_kg, " \
	"'height_cm', height_cm, 'position', position, 'head_cm', head_cm, " \
	"'age_days', age_days, 'z_wfa', z_wfa, 'z_lhfa', z_lhfa, " \
	"'z_wflh', z_wflh, 'z_bfa', z_bfa, 'cat_wfa', cat_wfa, " \
	"'cat_lhfa', cat_lhfa, 'cat_wflh', cat_wflh, 'cat_bfa', cat_bfa, " \
	"'measure_again', measure_again, 'note', note, " \
	"'version', version) FROM measurements WHERE id = ?"

#define MEASUREMENT_COLUMNS \
	"id, child_id, measured_on, round, weight_kg, height_cm, position, " \
	"head_cm, age_days, z_wfa, z_lhfa, z_wflh, z_bfa, cat_wfa, " \
	"cat_lhfa, cat_wflh, cat_bfa, measure_again, note, version, " \
	"changed_by, changed_at"

/* Values computed from an input before it is stored. */
struct computed {
	double weight, height, head;
	long age_days;
	struct mn_zscore z[MN_INDICATOR_COUNT];
	bool measure_again;
	unsigned change;		/* MN_CHANGE_* bits, 0: plausible */
};

static double
round1(double x)
{
	return round(x * 10.0) / 10.0;
}

/* Writes a stored "YYYY-MM-DD" as dd/mm/yyyy (unchanged if not ISO). */
static void
show_date(const char *iso, char *buf, size_t size)
{
	struct mn_date d;

	if (mn_date_parse_iso(iso, "date", &d, NULL) == MN_OK)
		mn_date_format(&d, buf, size);
	else
		snprintf(buf, size, "%s", iso);
}

/*
 * A required value is 0 when its box was left empty, which is named as
 * missing rather than as a value out of range.
 */
static int
check_range(double value, double min, double max, bool required,
    const char *field, const char *label, const char *unit,
    struct mn_error *err)
{
	char v[32], lo[32], hi[32];

	if (isfinite(value) && value >= min && value <= max)
		return MN_OK;
	mn_format_decimal(min, 1, lo, sizeof lo);
	mn_format_decimal(max, 1, hi, sizeof hi);
	if (required && value == 0.0)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s missing; expected %s-%s %s",
		    "chưa nhập %s; cần từ %s đến %s %s"), label, lo, hi, unit);
	mn_format_value(isfinite(value) ? value : 0.0, v, sizeof v);
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s %s %s is outside the accepted range %s-%s %s",
	    "%s %s %s nằm ngoài khoảng cho phép %s-%s %s"),
	    label, v, unit, lo, hi, unit);
}

unsigned
mn_measure_change_check(const struct mn_measurement *prev,
    const struct mn_measure_input *in)
{
	struct mn_date a, b;
	unsigned bits = 0;
	long days, periods;

	if (prev == NULL || mn_date_parse_iso(prev->date, "date", &a,
	    NULL) != MN_OK || mn_date_parse_iso(in->date, "date", &b,
	    NULL) != MN_OK)
		return 0;
	days = mn_date_to_days(&b) - mn_date_to_days(&a);
	if (days <= 0)
		return 0;
	if (prev->height_cm > 0 && in->height_cm > 0) {
		double expected = prev->height_cm;

		/* Lying length reads about 0.7 cm more than height. */
		if (prev->position == MN_POSITION_LYING &&
		    in->position == MN_POSITION_STANDING)
			expected -= MN_LYING_MINUS_STANDING_CM;
		else if (prev->position == MN_POSITION_STANDING &&
		    in->position == MN_POSITION_LYING)
			expected += MN_LYING_MINUS_STANDING_CM;
		/* The stored values have one decimal: compare in tenths. */
		if (round(in->height_cm * 10) < round((expected -
		    MN_CHANGE_HEIGHT_DROP_CM) * 10))
			bits |= MN_CHANGE_HEIGHT_DROP;
	}
	if (prev->weight_kg > 0 && in->weight_kg > 0) {
		periods = (days + MN_CHANGE_WEIGHT_DAYS - 1) /
		    MN_CHANGE_WEIGHT_DAYS;
		if (fabs(round1(in->weight_kg) - prev->weight_kg) * 100.0 >
		    MN_CHANGE_WEIGHT_PCT * (double)periods *
		    prev->weight_kg + 1e-9)
			bits |= MN_CHANGE_WEIGHT_RATE;
	}
	return bits;
}

int
mn_measure_check(const struct mn_measure_input *in, const char *birth_date,
    struct mn_error *err)
{
	struct mn_date birth, day, today;
	char day_text[16], birth_shown[16];
	int rc;

	rc = check_range(in->weight_kg, MN_WEIGHT_MIN_KG, MN_WEIGHT_MAX_KG,
	    true, "weight", T("weight", "cân nặng"), "kg", err);
	if (rc != MN_OK)
		return rc;
	rc = check_range(in->height_cm, MN_HEIGHT_MIN_CM, MN_HEIGHT_MAX_CM,
	    true, "height", T("length/height", "chiều dài/chiều cao"), "cm",
	    err);
	if (rc != MN_OK)
		return rc;
	if (in->head_cm != 0.0 && (rc = check_range(in->head_cm,
	    MN_HEAD_MIN_CM, MN_HEAD_MAX_CM, false, "head",
	    T("head circumference", "vòng đầu"), "cm", err)) != MN_OK)
		return rc;
	if (in->position != MN_POSITION_LYING &&
	    in->position != MN_POSITION_STANDING)
		return mn_fail(err, MN_ERR_INVALID, "position", "%s",
		    T("measuring position is missing; choose lying or "
		    "standing",
		    "thiếu tư thế đo; hãy chọn nằm hoặc đứng"));
	if ((rc = mn_date_parse_iso(in->date, "date", &day, err)) != MN_OK)
		return rc;
	if ((rc = mn_date_parse_iso(birth_date, "birth_date", &birth,
	    err)) != MN_OK)
		return rc;
	show_date(in->date, day_text, sizeof day_text);
	show_date(birth_date, birth_shown, sizeof birth_shown);
	if (mn_date_cmp(&day, &birth) < 0)
		return mn_fail(err, MN_ERR_INVALID, "date",
		    T("measurement date %s is before the birth date %s; "
		    "expected a date from %s to today",
		    "ngày đo %s trước ngày sinh %s; cần ngày từ %s đến hôm "
		    "nay"), day_text, birth_shown, birth_shown);
	mn_date_today(&today);
	if (mn_date_cmp(&day, &today) > 0)
		return mn_fail(err, MN_ERR_INVALID, "date",
		    T("measurement date %s is in the future; expected a date "
		    "from %s to today",
		    "ngày đo %s là ngày trong tương lai; cần ngày từ %s đến "
		    "hôm nay"), day_text, birth_shown);
	return health_check_round(in->round, true, err);
}

static int find_previous(struct mn_ctx *ctx, int64_t child_id,
    const char *date, bool skip_flagged, struct mn_measurement *out,
    struct mn_error *err);

/* Checks in against the child and computes what is stored with it. */
static int
prepare_values(struct mn_ctx *ctx, int64_t child_id,
    const struct mn_measure_input *in, struct computed *out,
    struct mn_error *err)
{
	struct mn_measurement ref;
	struct mn_date birth, day;
	char birth_text[11];
	int sex, rc;

	rc = health_child_basic(ctx, child_id, birth_text, &sex, err);
	if (rc != MN_OK)
		return rc;
	if ((rc = mn_measure_check(in, birth_text, err)) != MN_OK)
		return rc;
	mn_date_parse_iso(birth_text, "birth_date", &birth, NULL);
	mn_date_parse_iso(in->date, "date", &day, NULL);
	out->age_days = mn_date_to_days(&day) - mn_date_to_days(&birth);
	out->weight = round1(in->weight_kg);
	out->height = round1(in->height_cm);
	out->head = in->head_cm != 0.0 ? round1(in->head_cm) : 0.0;
	mn_growth_zscores(sex, out->age_days, out->weight, out->height,
	    in->position == MN_POSITION_LYING, out->z);
	out->measure_again = false;
	for (int i = 0; i < MN_INDICATOR_COUNT; i++)
		if (out->z[i].computed && out->z[i].flagged)
			out->measure_again = true;
	/*
	 * A flagged row is no reference: after a slip the next values
	 * are compared with the last plausible ones.
	 */
	out->change = 0;
	if ((rc = find_previous(ctx, child_id, in->date, true, &ref,
	    err)) == MN_OK)
		out->change = mn_measure_change_check(&ref, in);
	else if (rc != MN_ERR_NOTFOUND)
		return rc;
	mn_error_clear(err);
	if (out->change != 0 && !in->change_checked)
		out->measure_again = true;
	return MN_OK;
}

/* The audit reason of a row written with c. */
static const char *
audit_reason(const struct computed *c, const struct mn_measure_input *in)
{
	if (c->change != 0)
		return in->change_checked ? "implausible change checked" :
		    "implausible change, measure again";
	return c->measure_again ? "measure again" : NULL;
}

static const char *
position_name(int position)
{
	return position == MN_POSITION_LYING ? "lying" : "standing";
}

static void
bind_opt_double(sqlite3_stmt *st, int index, double value, bool present)
{
	if (present)
		sqlite3_bind_double(st, index, value);
	else
		sqlite3_bind_null(st, index);
}

/*
 * Binds the values shared by INSERT and UPDATE at parameters 1-19:
 * measured_on, round, weight, height, position, head, age, 4 z, 4
 * categories, measure_again, note, changed_by, changed_at.
 */
static void
bind_values(sqlite3_stmt *st, const struct mn_measure_input *in,
    const struct computed *c, const char *note, const struct mn_actor *a,
    const char *now)
{
	int p = 1;

	sqlite3_bind_text(st, p++, in->date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, p++, in->round, -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(st, p++, c->weight);
	sqlite3_bind_double(st, p++, c->height);
	sqlite3_bind_text(st, p++, position_name(in->position), -1,
	    SQLITE_STATIC);
	bind_opt_double(st, p++, c->head, c->head != 0.0);
	sqlite3_bind_int64(st, p++, c->age_days);
	for (int i = 0; i < MN_INDICATOR_COUNT; i++)
		bind_opt_double(st, p++, c->z[i].z, c->z[i].computed);
	for (int i = 0; i < MN_INDICATOR_COUNT; i++)
		sqlite3_bind_text(st, p++,
		    mn_growth_category_name(c->z[i].computed ?
		    c->z[i].category : MN_GROWTH_NONE), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, p++, c->measure_again);
	sqlite3_bind_text(st, p++, note, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, p++, a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, p++, now, -1, SQLITE_TRANSIENT);
}

/*
 * The refusal of a second measurement of a child on one day, for the
 * person who did not know of the first: the child's name, the date, the
 * values saved and who saved them, so that they can compare and reload
 * rather than type again.
 */
static int
exists_fail(struct mn_ctx *ctx, int64_t child_id, const char *date,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	char name[128] = "", by[160] = "", w[32] = "-", h[32] = "-";
	char day[16];
	const char *s;

	show_date(date, day, sizeof day);
	if (mn_prepare(ctx->db, "SELECT c.full_name, m.weight_kg, "
	    "m.height_cm, m.changed_by, (SELECT s.full_name FROM accounts a "
	    "JOIN staff s ON s.account_id = a.id WHERE a.login = "
	    "m.changed_by) FROM measurements m JOIN children c "
	    "ON c.id = m.child_id WHERE m.child_id = ?1 "
	    "AND m.measured_on = ?2", &st, NULL) == MN_OK) {
		sqlite3_bind_int64(st, 1, child_id);
		sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW) {
			s = (const char *)sqlite3_column_text(st, 0);
			mn_text_safe(s != NULL ? s : "", name, sizeof name);
			if (sqlite3_column_type(st, 1) != SQLITE_NULL)
				mn_format_decimal(sqlite3_column_double(st, 1),
				    1, w, sizeof w);
			if (sqlite3_column_type(st, 2) != SQLITE_NULL)
				mn_format_decimal(sqlite3_column_double(st, 2),
				    1, h, sizeof h);
			s = (const char *)sqlite3_column_text(st, 4);
			if (s == NULL || s[0] == '\0')
				s = (const char *)sqlite3_column_text(st, 3);
			mn_text_safe(s != NULL ? s : "?", by, sizeof by);
		}
		sqlite3_finalize(st);
	}
	if (name[0] == '\0')
		return mn_fail(err, MN_ERR_EXISTS, "date",
		    T("this child already has a measurement on %s; reload "
		    "it and edit it", "trẻ này đã có lần đo ngày %s; hãy tải "
		    "lại lần đo đó để sửa"), day);
	return mn_fail(err, MN_ERR_EXISTS, "date",
	    T("%s was already measured by %s on %s: %s kg, %s cm; reload "
	    "those values to compare or edit them",
	    "%s đã được %s cân đo ngày %s: %s kg, %s cm; hãy tải lại số "
	    "đo đã lưu để so sánh hoặc sửa"), name, by, day, w, h);
}

/* Inserts one row and its audit row inside the caller's transaction. */
static int
insert_row(struct mn_ctx *ctx, const struct mn_measure_input *in,
    int64_t *id, struct mn_error *err)
{
	struct computed c;
	sqlite3_stmt *st;
	char now[32], *note = NULL, *json = NULL;
	int64_t new_id;
	int rc;

	if ((rc = prepare_values(ctx, in->child_id, in, &c, err)) != MN_OK)
		return rc;
	rc = health_clean(in->note, "note", T("note", "ghi chú"),
	    NOTE_MAX_CHARS, false, &note, err);
	if (rc != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	rc = mn_prepare(ctx->db,
	    "INSERT INTO measurements (measured_on, round, weight_kg, "
	    "height_cm, position, head_cm, age_days, z_wfa, z_lhfa, z_wflh, "
	    "z_bfa, cat_wfa, cat_lhfa, cat_wflh, cat_bfa, measure_again, note, "
	    "changed_by, changed_at, child_id) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
	    "?19, ?20)", &st, err);
	if (rc != MN_OK)
		goto out;
	bind_values(st, in, &c, note, &ctx->actor, now);
	sqlite3_bind_int64(st, 20, in->child_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		rc = exists_fail(ctx, in->child_id, in->date, err);
		goto out;
	}
	if (rc != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		goto out;
	}
	new_id = sqlite3_last_insert_rowid(ctx->db);
	if ((rc = health_row_json(ctx->db, MEASUREMENT_JSON, new_id, &json,
	    err)) != MN_OK)
		goto out;
	rc = mn_audit(ctx->db, &ctx->actor, "insert", "measurements", new_id,
	    NULL, json, audit_reason(&c, in), err);
	if (rc == MN_OK && id != NULL)
		*id = new_id;
out:
	free(note);
	free(json);
	return rc;
}

int
mn_measure_add(struct mn_ctx *ctx, const struct mn_measure_input *in,
    int64_t *id, struct mn_error *err)
{
	size_t bad;

	return mn_measure_round(ctx, in->date, in->round, in, 1,
	    id, &bad, err);
}

int
mn_measure_round(struct mn_ctx *ctx, const char *date, const char *round,
    const struct mn_measure_input *rows, size_t count, int64_t *ids,
    size_t *bad_row, struct mn_error *err)
{
	struct mn_measure_input row;
	size_t i;
	int rc;

	/* Refusals are audited, so they are checked before the tx. */
	for (i = 0; i < count; i++) {
		rc = health_access(ctx, HEALTH_MEASURE, rows[i].child_id, err);
		if (rc != MN_OK)
			goto bad;
	}
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	for (i = 0; i < count; i++) {
		row = rows[i];
		snprintf(row.date, sizeof row.date, "%s",
		    date != NULL ? date : "");
		snprintf(row.round, sizeof row.round, "%s",
		    round != NULL ? round : "");
		rc = insert_row(ctx, &row, ids != NULL ? &ids[i] : NULL, err);
		if (rc != MN_OK) {
			mn_tx_rollback(ctx->db);
			goto bad;
		}
	}
	return mn_tx_commit(ctx->db, err);
bad:
	if (bad_row != NULL)
		*bad_row = i;
	return rc;
}

static double
column_opt_double(sqlite3_stmt *st, int col, double absent)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? absent :
	    sqlite3_column_double(st, col);
}

static void
copy_text(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	snprintf(dst, size, "%s", s != NULL ? s : "");
}

/* Reads a row selected with MEASUREMENT_COLUMNS. */
static void
read_row(sqlite3_stmt *st, struct mn_measurement *m)
{
	const char *pos;

	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->child_id = sqlite3_column_int64(st, 1);
	copy_text(m->date, sizeof m->date, st, 2);
	copy_text(m->round, sizeof m->round, st, 3);
	m->weight_kg = column_opt_double(st, 4, 0.0);
	m->height_cm = column_opt_double(st, 5, 0.0);
	pos = (const char *)sqlite3_column_text(st, 6);
	m->position = pos != NULL && strcmp(pos, "lying") == 0 ?
	    MN_POSITION_LYING : MN_POSITION_STANDING;
	m->head_cm = column_opt_double(st, 7, 0.0);
	m->age_days = (long)sqlite3_column_int64(st, 8);
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		m->z[i] = column_opt_double(st, 9 + i, NAN);
		m->category[i] = health_category_parse(
		    (const char *)sqlite3_column_text(st, 13 + i));
	}
	m->measure_again = sqlite3_column_int(st, 17) != 0;
	copy_text(m->note, sizeof m->note, st, 18);
	m->version = sqlite3_column_int64(st, 19);
	copy_text(m->changed_by, sizeof m->changed_by, st, 20);
	copy_text(m->changed_at, sizeof m->changed_at, st, 21);
}

/* Reads measurement id without any access check. */
static int
load(struct mn_ctx *ctx, int64_t id, struct mn_measurement *out,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = mn_prepare(ctx->db, "SELECT " MEASUREMENT_COLUMNS
	    " FROM measurements WHERE id = ?", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_row(st, out);
		rc = MN_OK;
	} else if (rc == SQLITE_DONE) {
		rc = mn_fail(err, MN_ERR_NOTFOUND, "id",
		    T("measurement %lld not found",
		    "không tìm thấy lần đo %lld"), (long long)id);
	} else {
		rc = mn_db_fail(ctx->db, err);
	}
	sqlite3_finalize(st);
	return rc;
}

int
mn_measure_get(struct mn_ctx *ctx, int64_t id, struct mn_measurement *out,
    struct mn_error *err)
{
	int rc;

	if ((rc = load(ctx, id, out, err)) != MN_OK)
		return rc;
	rc = health_access(ctx, HEALTH_SUMMARY, out->child_id, err);
	if (rc == MN_OK)
		rc = health_audit_view(ctx, "measurements", out->child_id,
		    "measurement", err);
	if (rc != MN_OK)
		memset(out, 0, sizeof *out);
	return rc;
}

static int
conflict(struct mn_error *err, int64_t id)
{
	return mn_fail(err, MN_ERR_CONFLICT, "version",
	    T("measurement %lld was changed by someone else; reload it and "
	    "try again",
	    "lần đo %lld đã bị người khác sửa; hãy tải lại rồi thử lại"),
	    (long long)id);
}

int
mn_measure_update(struct mn_ctx *ctx, int64_t id, int64_t version,
    const struct mn_measure_input *in, struct mn_error *err)
{
	struct mn_measurement before;
	struct computed c;
	sqlite3_stmt *st;
	char now[32], *note = NULL, *old_json = NULL, *new_json = NULL;
	int rc;

	if ((rc = load(ctx, id, &before, err)) != MN_OK)
		return rc;
	rc = health_access(ctx, HEALTH_MEASURE, before.child_id, err);
	if (rc != MN_OK)
		return rc;
	if ((rc = prepare_values(ctx, before.child_id, in, &c, err)) != MN_OK)
		return rc;
	rc = health_clean(in->note, "note", T("note", "ghi chú"),
	    NOTE_MAX_CHARS, false, &note, err);
	if (rc != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	rc = health_row_json(ctx->db, MEASUREMENT_JSON, id, &old_json, err);
	if (rc != MN_OK)
		goto fail;
	mn_now_utc(now, sizeof now);
	rc = mn_prepare(ctx->db,
	    "UPDATE measurements SET measured_on = ?1, round = ?2, "
	    "weight_kg = ?3, height_cm = ?4, position = ?5, head_cm = ?6, "
	    "age_days = ?7, z_wfa = ?8, z_lhfa = ?9, z_wflh = ?10, "
	    "z_bfa = ?11, cat_wfa = ?12, cat_lhfa = ?13, cat_wflh = ?14, "
	    "cat_bfa = ?15, measure_again = ?16, note = ?17, "
	    "changed_by = ?18, changed_at = ?19, version = version + 1 "
	    "WHERE id = ?20 AND version = ?21", &st, err);
	if (rc != MN_OK)
		goto fail;
	bind_values(st, in, &c, note, &ctx->actor, now);
	sqlite3_bind_int64(st, 20, id);
	sqlite3_bind_int64(st, 21, version);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		rc = exists_fail(ctx, before.child_id, in->date, err);
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		goto fail;
	}
	if (sqlite3_changes(ctx->db) == 0) {
		rc = conflict(err, id);
		goto fail;
	}
	rc = health_row_json(ctx->db, MEASUREMENT_JSON, id, &new_json, err);
	if (rc == MN_OK)
		rc = mn_audit(ctx->db, &ctx->actor, "update", "measurements",
		    id, old_json, new_json, audit_reason(&c, in), err);
	if (rc == MN_OK) {
		rc = mn_tx_commit(ctx->db, err);
		goto out;
	}
fail:
	mn_tx_rollback(ctx->db);
out:
	free(note);
	free(old_json);
	free(new_json);
	return rc;
}

int
mn_measure_delete(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct mn_error *err)
{
	struct mn_measurement before;
	sqlite3_stmt *st;
	char *old_json = NULL;
	int rc;

	if ((rc = load(ctx, id, &before, err)) != MN_OK)
		return rc;
	if ((rc = health_access(ctx, HEALTH_WRITE, before.child_id,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = health_row_json(ctx->db, MEASUREMENT_JSON, id, &old_json, err);
	if (rc == MN_OK)
		rc = mn_prepare(ctx->db, "DELETE FROM measurements "
		    "WHERE id = ? AND version = ?", &st, err);
	if (rc == MN_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, version);
		rc = sqlite3_step(st) == SQLITE_DONE ? MN_OK :
		    mn_db_fail(ctx->db, err);
		sqlite3_finalize(st);
		if (rc == MN_OK && sqlite3_changes(ctx->db) == 0)
			rc = conflict(err, id);
	}
	if (rc == MN_OK)
		rc = mn_audit(ctx->db, &ctx->actor, "delete", "measurements",
		    id, old_json, NULL, NULL, err);
	if (rc == MN_OK)
		rc = mn_tx_commit(ctx->db, err);
	else
		mn_tx_rollback(ctx->db);
	free(old_json);
	return rc;
}

int
mn_measure_list(struct mn_ctx *ctx, int64_t child_id,
    struct mn_measurement **rows, size_t *count, struct mn_error *err)
{
	struct mn_measurement *list = NULL, *grown;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st;
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = health_access(ctx, HEALTH_SUMMARY, child_id, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "SELECT " MEASUREMENT_COLUMNS
	    " FROM measurements WHERE child_id = ? ORDER BY measured_on",
	    &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap != 0 ? cap * 2 : 8;
			grown = realloc(list, cap * sizeof *list);
			if (grown == NULL) {
				free(list);
				sqlite3_finalize(st);
				return mn_fail(err, MN_ERR_NOMEM, "", "%s",
				    T("out of memory", "hết bộ nhớ"));
			}
			list = grown;
		}
		read_row(st, &list[n++]);
	}
	if (rc != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		sqlite3_finalize(st);
		free(list);
		return rc;
	}
	sqlite3_finalize(st);
	if ((rc = health_audit_view(ctx, "measurements", child_id,
	    "measurement list", err)) != MN_OK) {
		free(list);
		return rc;
	}
	*rows = list;
	*count = n;
	return MN_OK;
}

/* Finds the last row before date, skipping flagged rows if asked. */
static int
find_previous(struct mn_ctx *ctx, int64_t child_id, const char *date,
    bool skip_flagged, struct mn_measurement *out, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = mn_prepare(ctx->db, "SELECT " MEASUREMENT_COLUMNS
	    " FROM measurements WHERE child_id = ?1 AND (?2 IS NULL OR "
	    "measured_on < ?2) AND (?3 = 0 OR measure_again = 0) "
	    "ORDER BY measured_on DESC LIMIT 1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	if (date != NULL)
		sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, skip_flagged);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_row(st, out);
		rc = MN_OK;
	} else if (rc == SQLITE_DONE) {
		rc = mn_fail(err, MN_ERR_NOTFOUND, "child",
		    T("no earlier measurement", "chưa có lần đo trước"));
	} else {
		rc = mn_db_fail(ctx->db, err);
	}
	sqlite3_finalize(st);
	return rc;
}

int
mn_measure_previous(struct mn_ctx *ctx, int64_t child_id, const char *date,
    struct mn_measurement *out, struct mn_error *err)
{
	int rc;

	if ((rc = health_access(ctx, HEALTH_MEASURE, child_id, err)) != MN_OK)
		return rc;
	rc = find_previous(ctx, child_id, date, false, out, err);
	if (rc == MN_OK)
		rc = health_audit_view(ctx, "measurements", child_id,
		    "previous measurement", err);
	return rc;
}

static int
sheet_scope(struct mn_ctx *ctx, int64_t class_id, struct mn_error *err)
{
	int rc;

	if ((rc = health_access(ctx, HEALTH_MEASURE, 0, err)) != MN_OK)
		return rc;
	if (!health_teacher_only(&ctx->actor, HEALTH_MEASURE) ||
	    health_teaches_class_id(ctx, class_id))
		return MN_OK;
	mn_audit(ctx->db, &ctx->actor, "denied", "classes", class_id, NULL,
	    NULL, "measurement sheet", NULL);
	return mn_fail(err, MN_ERR_DENIED, "class", "%s",
	    T("a teacher may enter measurements for her own classes only",
	    "giáo viên chỉ được nhập số đo cho lớp mình"));
}

int
mn_measure_sheet(struct mn_ctx *ctx, int64_t class_id, const char *date,
    struct mn_sheet_row **rows, size_t *count, struct mn_error *err)
{
	struct mn_sheet_row *list = NULL, *grown, *r;
	struct mn_date day, birth;
	sqlite3_stmt *st;
	size_t n = 0;
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = mn_date_parse_iso(date, "date", &day, err)) != MN_OK)
		return rc;
	if ((rc = sheet_scope(ctx, class_id, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "SELECT id, full_name, sex, birth_date "
	    "FROM children WHERE class_id = ?1 "
	    "AND status IN ('enrolled', 'transferred_in') "
	    "ORDER BY name_key, id", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, class_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((grown = realloc(list, (n + 1) * sizeof *list)) == NULL) {
			rc = mn_fail(err, MN_ERR_NOMEM, "", "%s",
			    T("out of memory", "hết bộ nhớ"));
			goto fail;
		}
		list = grown;
		r = &list[n++];
		memset(r, 0, sizeof *r);
		r->child_id = sqlite3_column_int64(st, 0);
		copy_text(r->full_name, sizeof r->full_name, st, 1);
		copy_text(r->sex, sizeof r->sex, st, 2);
		copy_text(r->birth_date, sizeof r->birth_date, st, 3);
		if (mn_date_parse_iso(r->birth_date, "birth_date", &birth,
		    NULL) == MN_OK)
			r->age_days = mn_date_to_days(&day) -
			    mn_date_to_days(&birth);
		r->default_position = r->age_days < MN_GROWTH_HEIGHT_FROM_DAYS ?
		    MN_POSITION_LYING : MN_POSITION_STANDING;
	}
	if (rc != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		goto fail;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < n; i++) {
		rc = find_previous(ctx, list[i].child_id, date, false,
		    &list[i].previous, err);
		if (rc == MN_ERR_NOTFOUND)
			continue;
		if (rc == MN_OK)
			rc = health_audit_view(ctx, "measurements",
			    list[i].child_id, "measurement sheet", err);
		if (rc != MN_OK) {
			free(list);
			return rc;
		}
		list[i].has_previous = true;
		if (!list[i].previous.measure_again) {
			list[i].reference = list[i].previous;
			list[i].has_reference = true;
			continue;
		}
		rc = find_previous(ctx, list[i].child_id, date, true,
		    &list[i].reference, err);
		if (rc == MN_OK)
			list[i].has_reference = true;
		else if (rc != MN_ERR_NOTFOUND) {
			free(list);
			return rc;
		}
	}
	mn_error_clear(err);
	*rows = list;
	*count = n;
	return MN_OK;
fail:
	sqlite3_finalize(st);
	free(list);
	return rc;
}

/* Severity rank for the trend: 0 normal, 1 moderate, 2 severe. */
static int
concern_rank(int category)
{
	switch (category) {
	case MN_GROWTH_MODERATE:
	case MN_GROWTH_OVERWEIGHT:
		return 1;
	case MN_GROWTH_SEVERE:
	case MN_GROWTH_OBESE:
		return 2;
	default:
		return 0;
	}
}

static bool
usable(int category)
{
	return category != MN_GROWTH_NONE && category != MN_GROWTH_IMPLAUSIBLE;
}

/* Fills the trend fields of s from its latest and previous rows. */
static void
compute_trend(struct mn_growth_status *s)
{
	const struct mn_measurement *a = &s->previous, *b = &s->latest;
	int ra, rb;

	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		s->dz[i] = NAN;
		s->trend[i] = MN_TREND_NONE;
	}
	s->weight_gain_kg = s->height_gain_cm = 0.0;
	s->no_weight_gain = false;
	if (!s->has_latest || !s->has_previous)
		return;
	s->weight_gain_kg = round1(b->weight_kg - a->weight_kg);
	s->height_gain_cm = round1(b->height_cm - a->height_cm);
	s->no_weight_gain = s->weight_gain_kg <= 0.0;
	for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
		if (!usable(a->category[i]) || !usable(b->category[i]))
			continue;
		s->dz[i] = b->z[i] - a->z[i];
		ra = concern_rank(a->category[i]);
		rb = concern_rank(b->category[i]);
		s->trend[i] = rb < ra ? MN_TREND_BETTER :
		    rb > ra ? MN_TREND_WORSE : MN_TREND_SAME;
	}
}

int
health_growth_status(struct mn_ctx *ctx, int64_t child_id,
    struct mn_growth_status *s, struct mn_error *err)
{
	int rc;

	memset(s, 0, sizeof *s);
	rc = find_previous(ctx, child_id, NULL, true, &s->latest, err);
	if (rc == MN_OK) {
		s->has_latest = true;
		rc = find_previous(ctx, child_id, s->latest.date, true,
		    &s->previous, err);
		if (rc == MN_OK)
			s->has_previous = true;
	}
	if (rc != MN_OK && rc != MN_ERR_NOTFOUND)
		return rc;
	mn_error_clear(err);
	compute_trend(s);
	return MN_OK;
}

int
mn_growth_status_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_growth_status *out, struct mn_error *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = health_access(ctx, HEALTH_SUMMARY, child_id, err)) != MN_OK)
		return rc;
	if ((rc = health_growth_status(ctx, child_id, out, err)) != MN_OK)
		return rc;
	return health_audit_view(ctx, "measurements", child_id,
	    "growth status", err);
}

const char *
mn_trend_label(int trend)
{
	switch (trend) {
	case MN_TREND_BETTER:
		return T("better", "tiến bộ");
	case MN_TREND_SAME:
		return T("unchanged", "không đổi");
	case MN_TREND_WORSE:
		return T("worse", "xấu đi");
	default:
		return T("no earlier measurement", "chưa có lần đo trước");
	}
}
