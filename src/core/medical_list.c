/*
 * Reading the medical room's records back: check-ups, visits, medicine
 * requests and their doses, injuries and vaccinations.  Each list owns
 * its strings, so the records stay valid after the statement is gone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/db.h"
#include "core/health_int.h"

/* Fills one element from the current row; false when out of memory. */
typedef bool (*read_fn)(sqlite3_stmt *st, void *row);

static char *
dup_column(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	return strdup(s != NULL ? s : "");
}

static void
copy_column(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	snprintf(dst, size, "%s", s != NULL ? s : "");
}

/* Returns the index whose name() equals the column, or -1. */
static int
column_enum(sqlite3_stmt *st, int col, const char *(*name)(int), int count)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	for (int i = 0; s != NULL && i < count; i++)
		if (strcmp(name(i), s) == 0)
			return i;
	return -1;
}

/*
 * Runs sql with ?1 bound to key (and ?2 to text when not NULL) and reads
 * every row into a malloc'd array of elements of size bytes.  On failure
 * the rows read so far are released with release().
 */
static int
list_rows(struct mn_ctx *ctx, const char *sql, int64_t key, const char *text,
    size_t size, read_fn reader, void (*release)(void *, size_t),
    void **rows, size_t *count, struct mn_error *err)
{
	char *list = NULL, *grown;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st;
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = mn_prepare(ctx->db, sql, &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, key);
	if (text != NULL)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap != 0 ? cap * 2 : 8;
			if ((grown = realloc(list, cap * size)) == NULL)
				goto nomem;
			list = grown;
		}
		memset(list + n * size, 0, size);
		n++;
		if (!reader(st, list + (n - 1) * size))
			goto nomem;
	}
	if (rc != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		sqlite3_finalize(st);
		release(list, n);
		return rc;
	}
	sqlite3_finalize(st);
	*rows = list;
	*count = n;
	return MN_OK;
nomem:
	sqlite3_finalize(st);
	release(list, n);
	return mn_fail(err, MN_ERR_NOMEM, "", "%s",
	    T("out of memory", "hết bộ nhớ"));
}

/* Frees the strings at the given offsets of every element, then rows. */
static void
free_strings(void *rows, size_t count, size_t size, const size_t *offsets,
    size_t noffsets)
{
	char *base = rows;

	for (size_t i = 0; rows != NULL && i < count; i++)
		for (size_t k = 0; k < noffsets; k++)
			free(*(char **)(base + i * size + offsets[k]));
	free(rows);
}

/* ---- Check-ups ---------------------------------------------------- */

#define CHECKUP_STRINGS 15
static const size_t checkup_offsets[CHECKUP_STRINGS] = {
	offsetof(struct mn_checkup, examiner),
	offsetof(struct mn_checkup, facility),
	offsetof(struct mn_checkup, blood_pressure),
	offsetof(struct mn_checkup, eyesight_left),
	offsetof(struct mn_checkup, eyesight_right),
	offsetof(struct mn_checkup, eyes),
	offsetof(struct mn_checkup, ent),
	offsetof(struct mn_checkup, teeth),
	offsetof(struct mn_checkup, skin),
	offsetof(struct mn_checkup, heart),
	offsetof(struct mn_checkup, lungs),
	offsetof(struct mn_checkup, other),
	offsetof(struct mn_checkup, conclusion),
	offsetof(struct mn_checkup, advice),
	offsetof(struct mn_checkup, referral),
};

static void
release_checkups(void *rows, size_t count)
{
	free_strings(rows, count, sizeof(struct mn_checkup), checkup_offsets,
	    CHECKUP_STRINGS);
}

void
mn_checkup_list_free(struct mn_checkup *rows, size_t count)
{
	release_checkups(rows, count);
}

static bool
read_checkup(sqlite3_stmt *st, void *row)
{
	struct mn_checkup *c = row;
	char *base = row;

	c->id = sqlite3_column_int64(st, 0);
	c->child_id = sqlite3_column_int64(st, 1);
	copy_column(c->checked_on, sizeof c->checked_on, st, 2);
	c->heart_rate = sqlite3_column_int(st, 3);
	copy_column(c->parent_informed_on, sizeof c->parent_informed_on, st,
	    4);
	c->version = sqlite3_column_int64(st, 5);
	for (int k = 0; k < CHECKUP_STRINGS; k++) {
		char *s = dup_column(st, 6 + k);

		if (s == NULL)
			return false;
		*(char **)(base + checkup_offsets[k]) = s;
	}
	return true;
}

int
mn_checkup_list(struct mn_ctx *ctx, int64_t child_id,
    struct mn_checkup **rows, size_t *count, struct mn_error *err)
{
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = health_access(ctx, HEALTH_READ, child_id, err)) != MN_OK)
		return rc;
	rc = list_rows(ctx, "SELECT id, child_id, checked_on, heart_rate, "
	    "parent_informed_on, version, examiner, facility, "
	    "blood_pressure, eyesight_left, eyesight_right, eyes, ent, teeth, "
	    "skin, heart, lungs, other, conclusion, advice, referral "
	    "FROM checkups WHERE child_id = ?1 ORDER BY checked_on, id",
	    child_id, NULL, sizeof **rows, read_checkup, release_checkups,
	    (void **)rows, count, err);
	if (rc == MN_OK && (rc = health_audit_view(ctx, "checkups", child_id,
	    "check-up list", err)) != MN_OK) {
		mn_checkup_list_free(*rows, *count);
		*rows = NULL;
		*count = 0;
	}
	return rc;
}

/* Checks that a list names a child, or a valid day for all children. */
static int
check_child_or_day(int64_t child_id, const char *day, struct mn_error *err)
{
	struct mn_date d;

	if (day != NULL)
		return mn_date_parse_iso(day, "day", &d, err);
	if (child_id == 0)
		return mn_fail(err, MN_ERR_INVALID, "day", "%s",
		    T("choose a child or a day", "hãy chọn trẻ hoặc ngày"));
	return MN_OK;
}

/* ---- Visits ------------------------------------------------------- */

static const size_t visit_offsets[] = {
	offsetof(struct mn_visit, complaint),
	offsetof(struct mn_visit, medicine),
	offsetof(struct mn_visit, note),
};

static void
release_visits(void *rows, size_t count)
{
	free_strings(rows, count, sizeof(struct mn_visit), visit_offsets, 3);
}

void
mn_visit_list_free(struct mn_visit *rows, size_t count)
{
	release_visits(rows, count);
}

static bool
read_visit(sqlite3_stmt *st, void *row)
{
	struct mn_visit *v = row;
	char *complaint, *medicine, *note;

	v->id = sqlite3_column_int64(st, 0);
	v->child_id = sqlite3_column_int64(st, 1);
	copy_column(v->visit_at, sizeof v->visit_at, st, 2);
	v->temperature_c = sqlite3_column_double(st, 3);
	v->action = column_enum(st, 4, mn_visit_action_name,
	    MN_VISIT_ACTION_COUNT);
	v->parent_informed = sqlite3_column_int(st, 5) != 0;
	v->version = sqlite3_column_int64(st, 6);
	v->complaint = complaint = dup_column(st, 7);
	v->medicine = medicine = dup_column(st, 8);
	v->note = note = dup_column(st, 9);
	return complaint != NULL && medicine != NULL && note != NULL;
}

int
mn_visit_list(struct mn_ctx *ctx, int64_t child_id, const char *day,
    struct mn_visit **rows, size_t *count, struct mn_error *err)
{
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = check_child_or_day(child_id, day, err)) != MN_OK)
		return rc;
	if ((rc = health_access(ctx, HEALTH_READ, child_id, err)) != MN_OK)
		return rc;
	rc = list_rows(ctx, "SELECT id, child_id, visit_at, temperature_c, "
	    "action, parent_informed, version, complaint, medicine, note "
	    "FROM medical_visits WHERE (?1 = 0 OR child_id = ?1) AND "
	    "(?2 IS NULL OR substr(visit_at, 1, 10) = ?2) "
	    "ORDER BY visit_at, id", child_id, day, sizeof **rows, read_visit,
	    release_visits, (void **)rows, count, err);
	if (rc == MN_OK && (rc = health_audit_view(ctx, "medical_visits",
	    child_id, child_id != 0 ? "visit list" : "visit log", err)) !=
	    MN_OK) {
		mn_visit_list_free(*rows, *count);
		*rows = NULL;
		*count = 0;
	}
	return rc;
}

/* ---- Medicines ---------------------------------------------------- */

static const size_t medicine_offsets[] = {
	offsetof(struct mn_medicine_request, medicine),
	offsetof(struct mn_medicine_request, dose),
	offsetof(struct mn_medicine_request, times),
	offsetof(struct mn_medicine_request, parent_note),
};

static void
release_medicines(void *rows, size_t count)
{
	free_strings(rows, count, sizeof(struct mn_medicine_request),
	    medicine_offsets, 4);
}

void
mn_medicine_list_free(struct mn_medicine_request *rows, size_t count)
{
	release_medicines(rows, count);
}

static bool
read_medicine(sqlite3_stmt *st, void *row)
{
	struct mn_medicine_request *m = row;
	char *medicine, *dose, *times, *note;

	m->id = sqlite3_column_int64(st, 0);
	m->child_id = sqlite3_column_int64(st, 1);
	copy_column(m->first_day, sizeof m->first_day, st, 2);
	copy_column(m->last_day, sizeof m->last_day, st, 3);
	m->version = sqlite3_column_int64(st, 4);
	m->medicine = medicine = dup_column(st, 5);
	m->dose = dose = dup_column(st, 6);
	m->times = times = dup_column(st, 7);
	m->parent_note = note = dup_column(st, 8);
	return medicine != NULL && dose != NULL && times != NULL &&
	    note != NULL;
}

int
mn_medicine_list(struct mn_ctx *ctx, int64_t child_id, const char *day,
    struct mn_medicine_request **rows, size_t *count, struct mn_error *err)
{
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = check_child_or_day(child_id, day, err)) != MN_OK)
		return rc;
	if ((rc = health_access(ctx, HEALTH_READ, child_id, err)) != MN_OK)
		return rc;
	rc = list_rows(ctx, "SELECT id, child_id, first_day, last_day, "
	    "version, medicine, dose, times, parent_note "
	    "FROM medicine_requests WHERE (?1 = 0 OR child_id = ?1) AND "
	    "(?2 IS NULL OR ?2 BETWEEN first_day AND last_day) "
	    "ORDER BY first_day, id", child_id, day, sizeof **rows,
	    read_medicine, release_medicines, (void **)rows, count, err);
	if (rc == MN_OK && (rc = health_audit_view(ctx, "medicine_requests",
	    child_id, child_id != 0 ? "medicine list" : "medicines of the day",
	    err)) != MN_OK) {
		mn_medicine_list_free(*rows, *count);
		*rows = NULL;
		*count = 0;
	}
	return rc;
}

static const size_t dose_offsets[] = {
	offsetof(struct mn_medicine_dose, note),
};

static void
release_doses(void *rows, size_t count)
{
	free_strings(rows, count, sizeof(struct mn_medicine_dose),
	    dose_offsets, 1);
}

void
mn_medicine_dose_list_free(struct mn_medicine_dose *rows, size_t count)
{
	release_doses(rows, count);
}

static bool
read_dose(sqlite3_stmt *st, void *row)
{
	struct mn_medicine_dose *d = row;
	char *note;

	d->id = sqlite3_column_int64(st, 0);
	d->request_id = sqlite3_column_int64(st, 1);
	copy_column(d->given_at, sizeof d->given_at, st, 2);
	copy_column(d->given_by, sizeof d->given_by, st, 3);
	d->note = note = dup_column(st, 4);
	return note != NULL;
}

int
mn_medicine_dose_list(struct mn_ctx *ctx, int64_t request_id,
    struct mn_medicine_dose **rows, size_t *count, struct mn_error *err)
{
	sqlite3_stmt *st;
	int64_t child_id = 0;
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = mn_prepare(ctx->db, "SELECT child_id FROM "
	    "medicine_requests WHERE id = ?", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, request_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		child_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (child_id == 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "request",
		    T("medicine request %lld not found",
		    "không tìm thấy phiếu dặn thuốc %lld"),
		    (long long)request_id);
	if ((rc = health_access(ctx, HEALTH_READ, child_id, err)) != MN_OK)
		return rc;
	rc = list_rows(ctx, "SELECT id, request_id, given_at, given_by, note "
	    "FROM medicine_doses WHERE request_id = ?1 ORDER BY given_at, id",
	    request_id, NULL, sizeof **rows, read_dose, release_doses,
	    (void **)rows, count, err);
	if (rc == MN_OK && (rc = health_audit_view(ctx, "medicine_doses",
	    child_id, "dose list", err)) != MN_OK) {
		mn_medicine_dose_list_free(*rows, *count);
		*rows = NULL;
		*count = 0;
	}
	return rc;
}

/* ---- Injuries ----------------------------------------------------- */

static const size_t injury_offsets[] = {
	offsetof(struct mn_injury, place),
	offsetof(struct mn_injury, body_part),
	offsetof(struct mn_injury, first_aid),
	offsetof(struct mn_injury, referral),
	offsetof(struct mn_injury, outcome),
};

static void
release_injuries(void *rows, size_t count)
{
	free_strings(rows, count, sizeof(struct mn_injury), injury_offsets,
	    5);
}

void
mn_injury_list_free(struct mn_injury *rows, size_t count)
{
	release_injuries(rows, count);
}

static bool
read_injury(sqlite3_stmt *st, void *row)
{
	struct mn_injury *j = row;
	char *base = row;

	j->id = sqlite3_column_int64(st, 0);
	j->child_id = sqlite3_column_int64(st, 1);
	copy_column(j->occurred_at, sizeof j->occurred_at, st, 2);
	j->kind = column_enum(st, 3, mn_injury_kind_name,
	    MN_INJURY_KIND_COUNT);
	j->severity = column_enum(st, 4, mn_injury_severity_name,
	    MN_SEVERITY_COUNT);
	j->days_absent = sqlite3_column_int(st, 5);
	copy_column(j->reported_on, sizeof j->reported_on, st, 6);
	j->version = sqlite3_column_int64(st, 7);
	for (int k = 0; k < 5; k++) {
		char *s = dup_column(st, 8 + k);

		if (s == NULL)
			return false;
		*(char **)(base + injury_offsets[k]) = s;
	}
	return true;
}

int
mn_injury_list(struct mn_ctx *ctx, int64_t child_id,
    struct mn_injury **rows, size_t *count, struct mn_error *err)
{
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = health_access(ctx, HEALTH_READ, child_id, err)) != MN_OK)
		return rc;
	rc = list_rows(ctx, "SELECT id, child_id, occurred_at, kind, "
	    "severity, days_absent, reported_on, version, place, body_part, "
	    "first_aid, referral, outcome FROM injuries WHERE child_id = ?1 "
	    "ORDER BY occurred_at, id", child_id, NULL, sizeof **rows,
	    read_injury, release_injuries, (void **)rows, count, err);
	if (rc == MN_OK && (rc = health_audit_view(ctx, "injuries", child_id,
	    "injury list", err)) != MN_OK) {
		mn_injury_list_free(*rows, *count);
		*rows = NULL;
		*count = 0;
	}
	return rc;
}

/* ---- Vaccinations ------------------------------------------------- */

static const size_t vaccination_offsets[] = {
	offsetof(struct mn_vaccination, vaccine),
};

static void
release_vaccinations(void *rows, size_t count)
{
	free_strings(rows, count, sizeof(struct mn_vaccination),
	    vaccination_offsets, 1);
}

void
mn_vaccination_list_free(struct mn_vaccination *rows, size_t count)
{
	release_vaccinations(rows, count);
}

static bool
read_vaccination(sqlite3_stmt *st, void *row)
{
	struct mn_vaccination *v = row;
	char *vaccine;

	v->id = sqlite3_column_int64(st, 0);
	v->child_id = sqlite3_column_int64(st, 1);
	v->dose_number = sqlite3_column_int(st, 2);
	copy_column(v->given_on, sizeof v->given_on, st, 3);
	v->source = column_enum(st, 4, mn_vaccine_source_name,
	    MN_VACCINE_SOURCE_COUNT);
	v->catch_up = sqlite3_column_int(st, 5) != 0;
	v->version = sqlite3_column_int64(st, 6);
	v->vaccine = vaccine = dup_column(st, 7);
	return vaccine != NULL;
}

int
mn_vaccination_list(struct mn_ctx *ctx, int64_t child_id,
    struct mn_vaccination **rows, size_t *count, struct mn_error *err)
{
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = health_access(ctx, HEALTH_READ, child_id, err)) != MN_OK)
		return rc;
	rc = list_rows(ctx, "SELECT id, child_id, dose_number, given_on, "
	    "source, catch_up, version, vaccine FROM vaccinations "
	    "WHERE child_id = ?1 ORDER BY vaccine, dose_number, id", child_id,
	    NULL, sizeof **rows, read_vaccination, release_vaccinations,
	    (void **)rows, count, err);
	if (rc == MN_OK && (rc = health_audit_view(ctx, "vaccinations",
	    child_id, "vaccination list", err)) != MN_OK) {
		mn_vaccination_list_free(*rows, *count);
		*rows = NULL;
		*count = 0;
	}
	return rc;
}
