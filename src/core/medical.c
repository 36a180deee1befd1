/*
 * Writing check-ups and the school medical room's records: visits,
 * medicines sent by parents and each dose given, injuries, vaccinations.
 * Also the child's health summary and the allergy list for the kitchen.
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

#define SHORT_TEXT 120
#define LONG_TEXT 1000

/* Cleaned copies of a record's text fields, freed together. */
struct texts {
	char *v[16];
	int n;
};

static void
texts_free(struct texts *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->v[i]);
	t->n = 0;
}

/* Cleans in into the next slot of t; *out points into t. */
static int
clean_into(struct texts *t, const char *in, const char *field,
    const char *label, size_t max_chars, bool required, const char **out,
    struct mn_error *err)
{
	int rc;

	rc = health_clean(in, field, label, max_chars, required, &t->v[t->n],
	    err);
	if (rc != MN_OK)
		return rc;
	*out = t->v[t->n++];
	return MN_OK;
}

/*
 * Runs a prepared INSERT or UPDATE (already bound) with its audit row in
 * one transaction.  json_sql selects the row's values as JSON by id.
 * For an update (id != 0) zero changed rows means MN_ERR_CONFLICT.
 */
static int
write_with_audit(struct mn_ctx *ctx, sqlite3_stmt *st, const char *table,
    const char *json_sql, int64_t id, int64_t *new_id, struct mn_error *err)
{
	char *old_json = NULL, *new_json = NULL;
	int rc;

	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	if (id != 0 && (rc = health_row_json(ctx->db, json_sql, id, &old_json,
	    err)) != MN_OK)
		goto fail;
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		goto fail;
	}
	if (id == 0) {
		id = sqlite3_last_insert_rowid(ctx->db);
	} else if (sqlite3_changes(ctx->db) == 0) {
		rc = mn_fail(err, MN_ERR_CONFLICT, "version",
		    T("this record was changed by someone else; reload it "
		    "and try again",
		    "bản ghi này đã bị người khác sửa; hãy tải lại rồi thử "
		    "lại"));
		goto fail;
	}
	if ((rc = health_row_json(ctx->db, json_sql, id, &new_json,
	    err)) != MN_OK)
		goto fail;
	rc = mn_audit(ctx->db, &ctx->actor, old_json != NULL ? "update" :
	    "insert", table, id, old_json, new_json, NULL, err);
	if (rc != MN_OK)
		goto fail;
	sqlite3_finalize(st);
	free(old_json);
	free(new_json);
	if (new_id != NULL)
		*new_id = id;
	return mn_tx_commit(ctx->db, err);
fail:
	sqlite3_finalize(st);
	mn_tx_rollback(ctx->db);
	free(old_json);
	free(new_json);
	return rc;
}

static void
bind_text_or_null(sqlite3_stmt *st, int index, const char *text)
{
	if (text == NULL || text[0] == '\0')
		sqlite3_bind_null(st, index);
	else
		sqlite3_bind_text(st, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_stamp(struct mn_ctx *ctx, sqlite3_stmt *st, int index)
{
	char now[32];

	mn_now_utc(now, sizeof now);
	sqlite3_bind_text(st, index, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, index + 1, now, -1, SQLITE_TRANSIENT);
}

/* ---- Check-ups ---------------------------------------------------- */

#define CHECKUP_JSON \
	"SELECT json_object('child_id', child_id, 'checked_on', checked_on, " \
	"'examiner', examiner, 'facility', facility, 'blood_pressure', " \
	"blood_pressure, 'heart_rate', heart_rate, 'eyesight_left', " \
	"eyesight_left, 'eyesight_right', eyesight_right, 'eyes', eyes, " \
	"'ent', ent, 'teeth', teeth, 'skin', skin, 'heart', heart, " \
	"'lungs', lungs, 'other', other, 'conclusion', conclusion, " \
	"'advice', advice, 'referral', referral, 'parent_informed_on', " \
	"parent_informed_on, 'version', version) FROM checkups WHERE id = ?"

static int
write_checkup(struct mn_ctx *ctx, const struct mn_checkup *in, bool update,
    int64_t *id, struct mn_error *err)
{
	const char *src[15] = { in->examiner, in->facility,
	    in->blood_pressure, in->eyesight_left, in->eyesight_right,
	    in->eyes, in->ent, in->teeth, in->skin, in->heart, in->lungs,
	    in->other, in->conclusion, in->advice, in->referral };
	static const char *const fields[15] = { "examiner", "facility",
	    "blood_pressure", "eyesight_left", "eyesight_right", "eyes",
	    "ent", "teeth", "skin", "heart", "lungs", "other", "conclusion",
	    "advice", "referral" };
	const char *clean[15];
	struct texts t = { .n = 0 };
	sqlite3_stmt *st;
	int64_t child_id = in->child_id;
	int rc;

	if (update) {
		/* The record's own child decides, not the caller's copy. */
		sqlite3_stmt *q;

		if ((rc = mn_prepare(ctx->db, "SELECT child_id FROM checkups "
		    "WHERE id = ?", &q, err)) != MN_OK)
			return rc;
		sqlite3_bind_int64(q, 1, in->id);
		child_id = sqlite3_step(q) == SQLITE_ROW ?
		    sqlite3_column_int64(q, 0) : 0;
		sqlite3_finalize(q);
		if (child_id == 0)
			return mn_fail(err, MN_ERR_NOTFOUND, "id",
			    T("check-up %lld not found",
			    "không tìm thấy lần khám %lld"),
			    (long long)in->id);
	}
	if ((rc = health_access(ctx, HEALTH_WRITE, child_id, err)) != MN_OK)
		return rc;
	if ((rc = health_check_past_date(in->checked_on, "checked_on",
	    T("check-up date", "ngày khám"), false, err)) != MN_OK)
		return rc;
	if ((rc = health_check_past_date(in->parent_informed_on,
	    "parent_informed_on", T("date parents were informed",
	    "ngày báo cha mẹ"), true, err)) != MN_OK)
		return rc;
	if (in->heart_rate != 0 && (in->heart_rate < 40 ||
	    in->heart_rate > 220))
		return mn_fail(err, MN_ERR_INVALID, "heart_rate",
		    T("heart rate %d is outside 40-220 beats per minute",
		    "nhịp tim %d nằm ngoài khoảng 40-220 lần/phút"),
		    in->heart_rate);
	for (int i = 0; i < 15; i++) {
		rc = clean_into(&t, src[i], fields[i], i == 0 ?
		    T("examiner", "người khám") : fields[i],
		    i < 5 ? SHORT_TEXT : LONG_TEXT, i == 0, &clean[i], err);
		if (rc != MN_OK)
			goto out;
	}
	rc = mn_prepare(ctx->db, update ?
	    "UPDATE checkups SET examiner = ?1, facility = ?2, "
	    "blood_pressure = ?3, eyesight_left = ?4, eyesight_right = ?5, "
	    "eyes = ?6, ent = ?7, teeth = ?8, skin = ?9, heart = ?10, "
	    "lungs = ?11, other = ?12, conclusion = ?13, advice = ?14, "
	    "referral = ?15, checked_on = ?16, heart_rate = ?17, "
	    "parent_informed_on = ?18, changed_by = ?19, changed_at = ?20, "
	    "version = version + 1 WHERE id = ?21 AND version = ?22" :
	    "INSERT INTO checkups (examiner, facility, blood_pressure, "
	    "eyesight_left, eyesight_right, eyes, ent, teeth, skin, heart, "
	    "lungs, other, conclusion, advice, referral, checked_on, "
	    "heart_rate, parent_informed_on, changed_by, changed_at, "
	    "child_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)", &st, err);
	if (rc != MN_OK)
		goto out;
	for (int i = 0; i < 15; i++)
		sqlite3_bind_text(st, i + 1, clean[i], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 16, in->checked_on, -1, SQLITE_TRANSIENT);
	if (in->heart_rate != 0)
		sqlite3_bind_int(st, 17, in->heart_rate);
	bind_text_or_null(st, 18, in->parent_informed_on);
	bind_stamp(ctx, st, 19);
	if (update) {
		sqlite3_bind_int64(st, 21, in->id);
		sqlite3_bind_int64(st, 22, in->version);
	} else {
		sqlite3_bind_int64(st, 21, child_id);
	}
	rc = write_with_audit(ctx, st, "checkups", CHECKUP_JSON,
	    update ? in->id : 0, id, err);
out:
	texts_free(&t);
	return rc;
}

int
mn_checkup_add(struct mn_ctx *ctx, const struct mn_checkup *in, int64_t *id,
    struct mn_error *err)
{
	return write_checkup(ctx, in, false, id, err);
}

int
mn_checkup_update(struct mn_ctx *ctx, const struct mn_checkup *in,
    struct mn_error *err)
{
	return write_checkup(ctx, in, true, NULL, err);
}

/* ---- Medical room visits ------------------------------------------ */

static const char *const visit_actions[MN_VISIT_ACTION_COUNT] = {
	"first_aid", "rest", "medicine", "sent_home", "referred", "other",
};

const char *
mn_visit_action_name(int action)
{
	return action >= 0 && action < MN_VISIT_ACTION_COUNT ?
	    visit_actions[action] : NULL;
}

const char *
mn_visit_action_label(int action)
{
	switch (action) {
	case MN_VISIT_FIRST_AID:
		return T("first aid", "sơ cứu");
	case MN_VISIT_REST:
		return T("rest", "nghỉ ngơi theo dõi");
	case MN_VISIT_MEDICINE:
		return T("medicine", "cho uống thuốc");
	case MN_VISIT_SENT_HOME:
		return T("sent home", "báo cha mẹ đón về");
	case MN_VISIT_REFERRED:
		return T("referred", "chuyển cơ sở y tế");
	case MN_VISIT_OTHER:
		return T("other", "khác");
	default:
		return "";
	}
}

#define VISIT_JSON \
	"SELECT json_object('child_id', child_id, 'visit_at', visit_at, " \
	"'complaint', complaint, 'temperature_c', temperature_c, " \
	"'action', action, 'medicine', medicine, 'parent_informed', " \
	"parent_informed, 'note', note, 'version', version) " \
	"FROM medical_visits WHERE id = ?"

static int
record_child(struct mn_ctx *ctx, const char *table, int64_t id,
    int64_t *child_id, struct mn_error *err)
{
	char sql[96];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof sql, "SELECT child_id FROM %s WHERE id = ?",
	    table);
	if ((rc = mn_prepare(ctx->db, sql, &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*child_id = sqlite3_column_int64(st, 0);
		rc = MN_OK;
	} else {
		rc = rc == SQLITE_DONE ? mn_fail(err, MN_ERR_NOTFOUND, "id",
		    T("record %lld not found", "không tìm thấy bản ghi %lld"),
		    (long long)id) : mn_db_fail(ctx->db, err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Refuses a time (YYYY-MM-DD ...) before the child's date of birth. */
static int
check_after_birth(struct mn_ctx *ctx, int64_t child_id, const char *when,
    const char *field, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc, before = 0;
	char birth[11] = "";

	if ((rc = mn_prepare(ctx->db, "SELECT substr(?2, 1, 10) < birth_date, "
	    "birth_date FROM children WHERE id = ?1", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	sqlite3_bind_text(st, 2, when, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *b = sqlite3_column_text(st, 1);

		before = sqlite3_column_int(st, 0);
		snprintf(birth, sizeof birth, "%s", b ? (const char *)b : "");
	}
	sqlite3_finalize(st);
	if (before)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: before the child's date of birth (%s)",
		    "%s: trước ngày sinh của trẻ (%s)"), field, birth);
	return MN_OK;
}

static int
write_visit(struct mn_ctx *ctx, const struct mn_visit *in, bool update,
    int64_t *id, struct mn_error *err)
{
	struct texts t = { .n = 0 };
	const char *complaint, *medicine, *note;
	sqlite3_stmt *st;
	int64_t child_id = in->child_id;
	int rc;

	if (update && (rc = record_child(ctx, "medical_visits", in->id,
	    &child_id, err)) != MN_OK)
		return rc;
	if ((rc = health_access(ctx, HEALTH_WRITE, child_id, err)) != MN_OK)
		return rc;
	if ((rc = health_check_time(in->visit_at, "visit_at",
	    T("visit time", "thời điểm đến phòng y tế"), err)) != MN_OK ||
	    (rc = check_after_birth(ctx, child_id, in->visit_at, "visit_at",
	    err)) != MN_OK)
		return rc;
	if (in->temperature_c != 0.0 && !(in->temperature_c >= 34.0 &&
	    in->temperature_c <= 43.0)) {
		char v[32], lo[16], hi[16];

		mn_format_value(isfinite(in->temperature_c) ?
		    in->temperature_c : 0.0, v, sizeof v);
		mn_format_decimal(34.0, 1, lo, sizeof lo);
		mn_format_decimal(43.0, 1, hi, sizeof hi);
		return mn_fail(err, MN_ERR_INVALID, "temperature",
		    T("temperature %s °C is outside %s-%s °C",
		    "nhiệt độ %s °C nằm ngoài khoảng %s-%s °C"), v, lo, hi);
	}
	if (mn_visit_action_name(in->action) == NULL)
		return mn_fail(err, MN_ERR_INVALID, "action", "%s",
		    T("action is missing; choose what was done",
		    "thiếu xử trí; hãy chọn việc đã làm"));
	if ((rc = clean_into(&t, in->complaint, "complaint",
	    T("complaint", "lý do đến"), LONG_TEXT, true, &complaint,
	    err)) != MN_OK ||
	    (rc = clean_into(&t, in->medicine, "medicine",
	    T("medicine", "thuốc"), SHORT_TEXT, false, &medicine,
	    err)) != MN_OK ||
	    (rc = clean_into(&t, in->note, "note", T("note", "ghi chú"),
	    LONG_TEXT, false, &note, err)) != MN_OK)
		goto out;
	rc = mn_prepare(ctx->db, update ?
	    "UPDATE medical_visits SET visit_at = ?1, complaint = ?2, "
	    "temperature_c = ?3, action = ?4, medicine = ?5, "
	    "parent_informed = ?6, note = ?7, changed_by = ?8, "
	    "changed_at = ?9, version = version + 1 "
	    "WHERE id = ?10 AND version = ?11" :
	    "INSERT INTO medical_visits (visit_at, complaint, temperature_c, "
	    "action, medicine, parent_informed, note, changed_by, changed_at, "
	    "child_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	    &st, err);
	if (rc != MN_OK)
		goto out;
	sqlite3_bind_text(st, 1, in->visit_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, complaint, -1, SQLITE_TRANSIENT);
	if (in->temperature_c != 0.0)
		sqlite3_bind_double(st, 3,
		    round(in->temperature_c * 10.0) / 10.0);
	sqlite3_bind_text(st, 4, visit_actions[in->action], -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 5, medicine, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, in->parent_informed);
	sqlite3_bind_text(st, 7, note, -1, SQLITE_TRANSIENT);
	bind_stamp(ctx, st, 8);
	if (update) {
		sqlite3_bind_int64(st, 10, in->id);
		sqlite3_bind_int64(st, 11, in->version);
	} else {
		sqlite3_bind_int64(st, 10, child_id);
	}
	rc = write_with_audit(ctx, st, "medical_visits", VISIT_JSON,
	    update ? in->id : 0, id, err);
out:
	texts_free(&t);
	return rc;
}

int
mn_visit_add(struct mn_ctx *ctx, const struct mn_visit *in, int64_t *id,
    struct mn_error *err)
{
	return write_visit(ctx, in, false, id, err);
}

int
mn_visit_update(struct mn_ctx *ctx, const struct mn_visit *in,
    struct mn_error *err)
{
	return write_visit(ctx, in, true, NULL, err);
}

/* ---- Medicines sent by parents ------------------------------------ */

#define MEDICINE_JSON \
	"SELECT json_object('child_id', child_id, 'medicine', medicine, " \
	"'dose', dose, 'times', times, 'first_day', first_day, " \
	"'last_day', last_day, 'parent_note', parent_note, " \
	"'version', version) FROM medicine_requests WHERE id = ?"

#define DOSE_JSON \
	"SELECT json_object('request_id', request_id, 'given_at', given_at, " \
	"'given_by', given_by, 'note', note) FROM medicine_doses WHERE id = ?"

static int
write_medicine(struct mn_ctx *ctx, const struct mn_medicine_request *in,
    bool update, int64_t *id, struct mn_error *err)
{
	struct texts t = { .n = 0 };
	const char *medicine, *dose, *times, *note;
	struct mn_date first, last;
	sqlite3_stmt *st;
	int64_t child_id = in->child_id;
	int rc;

	if (update && (rc = record_child(ctx, "medicine_requests", in->id,
	    &child_id, err)) != MN_OK)
		return rc;
	if ((rc = health_access(ctx, HEALTH_WRITE, child_id, err)) != MN_OK)
		return rc;
	if ((rc = mn_date_parse_iso(in->first_day, "first_day", &first,
	    err)) != MN_OK ||
	    (rc = mn_date_parse_iso(in->last_day, "last_day", &last,
	    err)) != MN_OK)
		return rc;
	if (mn_date_cmp(&last, &first) < 0)
		return mn_fail(err, MN_ERR_INVALID, "last_day",
		    T("last day %s is before the first day %s",
		    "ngày cuối %s trước ngày đầu %s"), in->last_day,
		    in->first_day);
	if ((rc = clean_into(&t, in->medicine, "medicine",
	    T("medicine", "tên thuốc"), SHORT_TEXT, true, &medicine,
	    err)) != MN_OK ||
	    (rc = clean_into(&t, in->dose, "dose", T("dose", "liều dùng"),
	    SHORT_TEXT, true, &dose, err)) != MN_OK ||
	    (rc = clean_into(&t, in->times, "times",
	    T("times of day", "giờ uống"), SHORT_TEXT, true, &times,
	    err)) != MN_OK ||
	    (rc = clean_into(&t, in->parent_note, "parent_note",
	    T("parents' note", "lời dặn của cha mẹ"), LONG_TEXT, false, &note,
	    err)) != MN_OK)
		goto out;
	rc = mn_prepare(ctx->db, update ?
	    "UPDATE medicine_requests SET medicine = ?1, dose = ?2, "
	    "times = ?3, first_day = ?4, last_day = ?5, parent_note = ?6, "
	    "changed_by = ?7, changed_at = ?8, version = version + 1 "
	    "WHERE id = ?9 AND version = ?10" :
	    "INSERT INTO medicine_requests (medicine, dose, times, first_day, "
	    "last_day, parent_note, changed_by, changed_at, child_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st, err);
	if (rc != MN_OK)
		goto out;
	sqlite3_bind_text(st, 1, medicine, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, dose, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, times, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, in->first_day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, in->last_day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, note, -1, SQLITE_TRANSIENT);
	bind_stamp(ctx, st, 7);
	if (update) {
		sqlite3_bind_int64(st, 9, in->id);
		sqlite3_bind_int64(st, 10, in->version);
	} else {
		sqlite3_bind_int64(st, 9, child_id);
	}
	rc = write_with_audit(ctx, st, "medicine_requests", MEDICINE_JSON,
	    update ? in->id : 0, id, err);
out:
	texts_free(&t);
	return rc;
}

int
mn_medicine_add(struct mn_ctx *ctx, const struct mn_medicine_request *in,
    int64_t *id, struct mn_error *err)
{
	return write_medicine(ctx, in, false, id, err);
}

int
mn_medicine_update(struct mn_ctx *ctx, const struct mn_medicine_request *in,
    struct mn_error *err)
{
	return write_medicine(ctx, in, true, NULL, err);
}

int
mn_medicine_give(struct mn_ctx *ctx, int64_t request_id,
    const char *given_at, const char *note, int64_t *id,
    struct mn_error *err)
{
	struct texts t = { .n = 0 };
	const char *clean_note;
	char first[11] = "", last[11] = "";
	sqlite3_stmt *st;
	int64_t child_id = 0;
	int rc;

	rc = mn_prepare(ctx->db, "SELECT child_id, first_day, last_day "
	    "FROM medicine_requests WHERE id = ?", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, request_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		child_id = sqlite3_column_int64(st, 0);
		snprintf(first, sizeof first, "%s",
		    (const char *)sqlite3_column_text(st, 1));
		snprintf(last, sizeof last, "%s",
		    (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (child_id == 0)
		return mn_fail(err, MN_ERR_NOTFOUND, "request",
		    T("medicine request %lld not found",
		    "không tìm thấy phiếu dặn thuốc %lld"),
		    (long long)request_id);
	if ((rc = health_access(ctx, HEALTH_WRITE, child_id, err)) != MN_OK)
		return rc;
	if ((rc = health_check_time(given_at, "given_at",
	    T("time given", "giờ cho uống"), err)) != MN_OK)
		return rc;
	if (strncmp(given_at, first, 10) < 0 || strncmp(given_at, last, 10) > 0)
		return mn_fail(err, MN_ERR_INVALID, "given_at",
		    T("%s is outside the days the parents asked for, %s to %s",
		    "%s nằm ngoài những ngày cha mẹ dặn, từ %s đến %s"),
		    given_at, first, last);
	if ((rc = clean_into(&t, note, "note", T("note", "ghi chú"),
	    LONG_TEXT, false, &clean_note, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "INSERT INTO medicine_doses (request_id, "
	    "given_at, given_by, note) VALUES (?, ?, ?, ?)", &st, err);
	if (rc == MN_OK) {
		sqlite3_bind_int64(st, 1, request_id);
		sqlite3_bind_text(st, 2, given_at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, ctx->actor.login, -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, clean_note, -1, SQLITE_TRANSIENT);
		rc = write_with_audit(ctx, st, "medicine_doses", DOSE_JSON, 0,
		    id, err);
	}
	texts_free(&t);
	return rc;
}

/* ---- Injuries ----------------------------------------------------- */

static const char *const injury_kinds[MN_INJURY_KIND_COUNT] = {
	"fall", "burn", "drowning", "choking", "cut", "bite", "poisoning",
	"other",
};
static const char *const severities[MN_SEVERITY_COUNT] = {
	"minor", "moderate", "severe",
};

const char *
mn_injury_kind_name(int kind)
{
	return kind >= 0 && kind < MN_INJURY_KIND_COUNT ? injury_kinds[kind] :
	    NULL;
}

const char *
mn_injury_severity_name(int severity)
{
	return severity >= 0 && severity < MN_SEVERITY_COUNT ?
	    severities[severity] : NULL;
}

#define INJURY_JSON \
	"SELECT json_object('child_id', child_id, 'occurred_at', " \
	"occurred_at, 'place', place, 'kind', kind, 'body_part', body_part, " \
	"'severity', severity, 'first_aid', first_aid, 'referral', " \
	"referral, 'outcome', outcome, 'days_absent', days_absent, " \
	"'reported_on', reported_on, 'version', version) FROM injuries " \
	"WHERE id = ?"

static int
write_injury(struct mn_ctx *ctx, const struct mn_injury *in, bool update,
    int64_t *id, struct mn_error *err)
{
	struct texts t = { .n = 0 };
	const char *place, *body, *aid, *referral, *outcome;
	sqlite3_stmt *st;
	int64_t child_id = in->child_id;
	int rc;

	if (update && (rc = record_child(ctx, "injuries", in->id, &child_id,
	    err)) != MN_OK)
		return rc;
	if ((rc = health_access(ctx, HEALTH_WRITE, child_id, err)) != MN_OK)
		return rc;
	if ((rc = health_check_time(in->occurred_at, "occurred_at",
	    T("time of the accident", "thời điểm xảy ra"), err)) != MN_OK ||
	    (rc = check_after_birth(ctx, child_id, in->occurred_at,
	    "occurred_at", err)) != MN_OK)
		return rc;
	if ((rc = health_check_past_date(in->reported_on, "reported_on",
	    T("report date", "ngày báo cáo"), true, err)) != MN_OK)
		return rc;
	if (in->kind < 0 || in->kind >= MN_INJURY_KIND_COUNT)
		return mn_fail(err, MN_ERR_INVALID, "kind", "%s",
		    T("kind of injury is missing; choose one",
		    "thiếu loại tai nạn; hãy chọn"));
	if (in->severity < 0 || in->severity >= MN_SEVERITY_COUNT)
		return mn_fail(err, MN_ERR_INVALID, "severity", "%s",
		    T("severity is missing; choose minor, moderate or severe",
		    "thiếu mức độ; hãy chọn nhẹ, vừa hoặc nặng"));
	if (in->days_absent < 0 || in->days_absent > 365)
		return mn_fail(err, MN_ERR_INVALID, "days_absent",
		    T("days absent %d is outside 0-365",
		    "số ngày nghỉ %d nằm ngoài khoảng 0-365"),
		    in->days_absent);
	if ((rc = clean_into(&t, in->place, "place", T("place", "nơi xảy ra"),
	    SHORT_TEXT, false, &place, err)) != MN_OK ||
	    (rc = clean_into(&t, in->body_part, "body_part",
	    T("body part", "bộ phận bị thương"), SHORT_TEXT, false, &body,
	    err)) != MN_OK ||
	    (rc = clean_into(&t, in->first_aid, "first_aid",
	    T("first aid", "sơ cứu"), LONG_TEXT, false, &aid, err)) != MN_OK ||
	    (rc = clean_into(&t, in->referral, "referral",
	    T("referral", "chuyển viện"), LONG_TEXT, false, &referral,
	    err)) != MN_OK ||
	    (rc = clean_into(&t, in->outcome, "outcome",
	    T("outcome", "kết quả"),
	    LONG_TEXT, false, &outcome, err)) != MN_OK)
		goto out;
	rc = mn_prepare(ctx->db, update ?
	    "UPDATE injuries SET occurred_at = ?1, place = ?2, kind = ?3, "
	    "body_part = ?4, severity = ?5, first_aid = ?6, referral = ?7, "
	    "outcome = ?8, days_absent = ?9, reported_on = ?10, "
	    "changed_by = ?11, changed_at = ?12, version = version + 1 "
	    "WHERE id = ?13 AND version = ?14" :
	    "INSERT INTO injuries (occurred_at, place, kind, body_part, "
	    "severity, first_aid, referral, outcome, days_absent, "
	    "reported_on, changed_by, changed_at, child_id) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", &st, err);
	if (rc != MN_OK)
		goto out;
	sqlite3_bind_text(st, 1, in->occurred_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, place, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, injury_kinds[in->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, body, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, severities[in->severity], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, aid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, referral, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, outcome, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 9, in->days_absent);
	bind_text_or_null(st, 10, in->reported_on);
	bind_stamp(ctx, st, 11);
	if (update) {
		sqlite3_bind_int64(st, 13, in->id);
		sqlite3_bind_int64(st, 14, in->version);
	} else {
		sqlite3_bind_int64(st, 13, child_id);
	}
	rc = write_with_audit(ctx, st, "injuries", INJURY_JSON,
	    update ? in->id : 0, id, err);
out:
	texts_free(&t);
	return rc;
}

int
mn_injury_add(struct mn_ctx *ctx, const struct mn_injury *in, int64_t *id,
    struct mn_error *err)
{
	return write_injury(ctx, in, false, id, err);
}

int
mn_injury_update(struct mn_ctx *ctx, const struct mn_injury *in,
    struct mn_error *err)
{
	return write_injury(ctx, in, true, NULL, err);
}

/* ---- Vaccinations ------------------------------------------------- */

static const char *const vaccine_sources[MN_VACCINE_SOURCE_COUNT] = {
	"family_book", "national_record", "school",
};

const char *
mn_vaccine_source_name(int source)
{
	return source >= 0 && source < MN_VACCINE_SOURCE_COUNT ?
	    vaccine_sources[source] : NULL;
}

#define VACCINATION_JSON \
	"SELECT json_object('child_id', child_id, 'vaccine', vaccine, " \
	"'dose_number', dose_number, 'given_on', given_on, 'source', " \
	"source, 'catch_up', catch_up, 'version', version) " \
	"FROM vaccinations WHERE id = ?"

static int
write_vaccination(struct mn_ctx *ctx, const struct mn_vaccination *in,
    bool update, int64_t *id, struct mn_error *err)
{
	struct texts t = { .n = 0 };
	const char *vaccine;
	sqlite3_stmt *st;
	int64_t child_id = in->child_id;
	int rc;

	if (update && (rc = record_child(ctx, "vaccinations", in->id,
	    &child_id, err)) != MN_OK)
		return rc;
	if ((rc = health_access(ctx, HEALTH_WRITE, child_id, err)) != MN_OK)
		return rc;
	if ((rc = health_check_past_date(in->given_on, "given_on",
	    T("vaccination date", "ngày tiêm"), true, err)) != MN_OK)
		return rc;
	if (in->given_on[0] == '\0' && !in->catch_up)
		return mn_fail(err, MN_ERR_INVALID, "given_on", "%s",
		    T("vaccination date is missing; enter it, or mark the "
		    "dose as one to catch up",
		    "thiếu ngày tiêm; hãy nhập, hoặc đánh dấu là mũi cần "
		    "tiêm bù"));
	if (in->dose_number < 1 || in->dose_number > 10)
		return mn_fail(err, MN_ERR_INVALID, "dose_number",
		    T("dose number %d is outside 1-10",
		    "mũi thứ %d nằm ngoài khoảng 1-10"), in->dose_number);
	if (in->source < 0 || in->source >= MN_VACCINE_SOURCE_COUNT)
		return mn_fail(err, MN_ERR_INVALID, "source", "%s",
		    T("source is missing; choose family book, national "
		    "record or school",
		    "thiếu nguồn; hãy chọn sổ gia đình, hệ thống tiêm chủng "
		    "quốc gia hoặc tại trường"));
	if ((rc = clean_into(&t, in->vaccine, "vaccine",
	    T("vaccine", "vắc xin"), SHORT_TEXT, true, &vaccine,
	    err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, update ?
	    "UPDATE vaccinations SET vaccine = ?1, dose_number = ?2, "
	    "given_on = ?3, source = ?4, catch_up = ?5, changed_by = ?6, "
	    "changed_at = ?7, version = version + 1 "
	    "WHERE id = ?8 AND version = ?9" :
	    "INSERT INTO vaccinations (vaccine, dose_number, given_on, "
	    "source, catch_up, changed_by, changed_at, child_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st, err);
	if (rc == MN_OK) {
		sqlite3_bind_text(st, 1, vaccine, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, in->dose_number);
		bind_text_or_null(st, 3, in->given_on);
		sqlite3_bind_text(st, 4, vaccine_sources[in->source], -1,
		    SQLITE_STATIC);
		sqlite3_bind_int(st, 5, in->catch_up);
		bind_stamp(ctx, st, 6);
		if (update) {
			sqlite3_bind_int64(st, 8, in->id);
			sqlite3_bind_int64(st, 9, in->version);
		} else {
			sqlite3_bind_int64(st, 8, child_id);
		}
		rc = write_with_audit(ctx, st, "vaccinations",
		    VACCINATION_JSON, update ? in->id : 0, id, err);
	}
	texts_free(&t);
	return rc;
}

int
mn_vaccination_add(struct mn_ctx *ctx, const struct mn_vaccination *in,
    int64_t *id, struct mn_error *err)
{
	return write_vaccination(ctx, in, false, id, err);
}

int
mn_vaccination_update(struct mn_ctx *ctx, const struct mn_vaccination *in,
    struct mn_error *err)
{
	return write_vaccination(ctx, in, true, NULL, err);
}

/* ---- Reading ------------------------------------------------------ */

static int
count_rows(struct mn_ctx *ctx, const char *sql, int64_t child_id, int *out,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = mn_prepare(ctx->db, sql, &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = MN_OK;
	} else {
		rc = mn_db_fail(ctx->db, err);
	}
	sqlite3_finalize(st);
	return rc;
}

int
mn_medical_counts_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_medical_counts *out, struct mn_error *err)
{
	static const char *const sql[] = {
		"SELECT count(*) FROM medical_visits WHERE child_id = ?",
		"SELECT count(*) FROM medicine_requests WHERE child_id = ?",
		"SELECT count(*) FROM medicine_doses d "
		"JOIN medicine_requests r "
		"ON r.id = d.request_id WHERE r.child_id = ?",
		"SELECT count(*) FROM injuries WHERE child_id = ?",
		"SELECT count(*) FROM vaccinations WHERE child_id = ?",
		"SELECT count(*) FROM checkups WHERE child_id = ?",
	};
	int *fields[] = { &out->visits, &out->medicines, &out->doses,
	    &out->injuries, &out->vaccinations, &out->checkups };
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = health_access(ctx, HEALTH_READ, child_id, err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++)
		if ((rc = count_rows(ctx, sql[i], child_id, fields[i],
		    err)) != MN_OK)
			return rc;
	return health_audit_view(ctx, "medical_visits", child_id,
	    "medical record counts", err);
}

int
mn_health_summary_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_health_summary *out, struct mn_error *err)
{
	struct mn_date today;
	char day[11];
	sqlite3_stmt *st;
	const char *s;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = health_access(ctx, HEALTH_SUMMARY, child_id, err)) != MN_OK)
		return rc;
	mn_date_today(&today);
	mn_date_format_iso(&today, day, sizeof day);
	rc = mn_prepare(ctx->db,
	    "SELECT c.full_name, c.allergies, c.chronic_conditions, "
	    "(SELECT count(*) FROM medicine_requests r WHERE r.child_id = c.id "
	    "AND ?2 BETWEEN r.first_day AND r.last_day), "
	    "(SELECT checked_on FROM checkups k WHERE k.child_id = c.id "
	    "ORDER BY checked_on DESC, id DESC LIMIT 1), "
	    "(SELECT conclusion FROM checkups k WHERE k.child_id = c.id "
	    "ORDER BY checked_on DESC, id DESC LIMIT 1) "
	    "FROM children c WHERE c.id = ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = mn_db_fail(ctx->db, err);
		sqlite3_finalize(st);
		return rc;
	}
	out->child_id = child_id;
#define COPY(dst, col) do { \
	s = (const char *)sqlite3_column_text(st, col); \
	snprintf(dst, sizeof dst, "%s", s != NULL ? s : ""); \
} while (0)
	COPY(out->full_name, 0);
	COPY(out->allergies, 1);
	COPY(out->chronic_conditions, 2);
	out->active_medicines = sqlite3_column_int(st, 3);
	COPY(out->last_checkup_on, 4);
	COPY(out->last_checkup_conclusion, 5);
#undef COPY
	sqlite3_finalize(st);
	if ((rc = health_growth_status(ctx, child_id, &out->growth,
	    err)) != MN_OK)
		return rc;
	return health_audit_view(ctx, "children", child_id, "health summary",
	    err);
}

int
mn_health_allergies(struct mn_ctx *ctx, const char *class_code,
    struct mn_allergy_row **rows, size_t *count, struct mn_error *err)
{
	struct mn_allergy_row *list = NULL, *grown, *r;
	size_t n = 0;
	sqlite3_stmt *st;
	const char *s;
	bool own;
	int rc;

	*rows = NULL;
	*count = 0;
	if ((rc = health_access(ctx, HEALTH_ALLERGY, 0, err)) != MN_OK)
		return rc;
	own = health_teacher_only(&ctx->actor, HEALTH_ALLERGY);
	rc = mn_prepare(ctx->db,
	    "SELECT c.id, c.full_name, cl.code, c.allergies FROM children c "
	    "LEFT JOIN classes cl ON cl.id = c.class_id "
	    "WHERE c.allergies <> '' "
	    "AND c.status IN ('enrolled', 'transferred_in') "
	    "AND (?1 IS NULL OR cl.code = trim(?1) COLLATE NOCASE) "
	    "AND (?2 = 0 OR c.class_id IN (SELECT ct.class_id "
	    "FROM class_teachers ct JOIN staff s ON s.id = ct.staff_id "
	    "WHERE s.account_id = ?3)) "
	    "ORDER BY cl.code, c.name_key, c.id", &st, err);
	if (rc != MN_OK)
		return rc;
	if (class_code != NULL && class_code[0] != '\0')
		sqlite3_bind_text(st, 1, class_code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, own);
	sqlite3_bind_int64(st, 3, ctx->actor.account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		grown = realloc(list, (n + 1) * sizeof *list);
		if (grown == NULL) {
			rc = mn_fail(err, MN_ERR_NOMEM, "", "%s",
			    T("out of memory", "hết bộ nhớ"));
			goto fail;
		}
		list = grown;
		r = &list[n++];
		memset(r, 0, sizeof *r);
		r->child_id = sqlite3_column_int64(st, 0);
		s = (const char *)sqlite3_column_text(st, 1);
		snprintf(r->full_name, sizeof r->full_name, "%s", s ? s : "");
		s = (const char *)sqlite3_column_text(st, 2);
		snprintf(r->class_code, sizeof r->class_code, "%s",
		    s ? s : "");
		s = (const char *)sqlite3_column_text(st, 3);
		snprintf(r->allergies, sizeof r->allergies, "%s", s ? s : "");
	}
	if (rc != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		goto fail;
	}
	sqlite3_finalize(st);
	*rows = list;
	*count = n;
	return MN_OK;
fail:
	sqlite3_finalize(st);
	free(list);
	return rc;
}
