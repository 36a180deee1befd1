/*
 * Daily logs per child and day, and the class diary.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/attendance.h"
#include "core/audit.h"
#include "core/dailylog.h"
#include "core/db.h"
#include "core/parents.h"
#include "core/text.h"

static const char *const intake_names[MN_INTAKE_COUNT] = {
	NULL, "all", "part", "refused",
};

const char *
mn_intake_label(enum mn_intake intake)
{
	switch (intake) {
	case MN_INTAKE_ALL:
		return T("ate all", "ăn hết");
	case MN_INTAKE_PART:
		return T("ate part", "ăn một phần");
	case MN_INTAKE_REFUSED:
		return T("refused", "không ăn");
	default:
		return "";
	}
}

enum mn_intake
mn_intake_next(enum mn_intake i)
{
	return (enum mn_intake)(((int)i + 1) % MN_INTAKE_COUNT);
}

static enum mn_intake
intake_from_name(const unsigned char *name)
{
	for (int i = 1; name != NULL && i < MN_INTAKE_COUNT; i++)
		if (strcmp((const char *)name, intake_names[i]) == 0)
			return (enum mn_intake)i;
	return MN_INTAKE_NONE;
}

static void
bind_date(sqlite3_stmt *st, int index, const struct mn_date *d)
{
	char buf[16];

	mn_date_format_iso(d, buf, sizeof buf);
	sqlite3_bind_text(st, index, buf, -1, SQLITE_TRANSIENT);
}

static void
copy_column(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *text = sqlite3_column_text(st, col);

	snprintf(dst, size, "%s", text != NULL ? (const char *)text : "");
}

static int
clean_field(char *text, size_t size, const char *field,
    struct mn_error *err)
{
	char *clean = NULL;
	int rc;

	rc = mn_text_clean(text, field, MN_LOG_TEXT_MAX, &clean, err);
	if (rc != MN_OK)
		return rc;
	snprintf(text, size, "%s", clean);
	free(clean);
	return MN_OK;
}

int
mn_dailylog_check(struct mn_daily_log *log, struct mn_error *err)
{
	int rc;

	if (log->temperature != 0 && (isnan(log->temperature) ||
	    log->temperature < MN_TEMP_MIN || log->temperature > MN_TEMP_MAX))
		return mn_fail(err, MN_ERR_INVALID, "temperature",
		    T("temperature: %.1f is outside 34-43 °C; expected degrees "
		    "Celsius such as 36.8, or empty when not taken",
		    "nhiệt độ: %.1f nằm ngoài khoảng 34-43 °C; cần độ C, ví dụ "
		    "36.8, hoặc để trống nếu không đo"), log->temperature);
	if (log->nap_minutes < -1 || log->nap_minutes > MN_NAP_MAX)
		return mn_fail(err, MN_ERR_INVALID, "nap",
		    T("nap: %d minutes is invalid; expected 0 to %d minutes",
		    "giấc ngủ: %d phút không hợp lệ; cần từ 0 đến %d phút"),
		    log->nap_minutes, MN_NAP_MAX);
	for (int m = 0; m < MN_MEAL_COUNT; m++)
		if (log->meals[m] < MN_INTAKE_NONE ||
		    log->meals[m] >= MN_INTAKE_COUNT)
			return mn_fail(err, MN_ERR_INVALID,
			    mn_meal_key((enum mn_meal)m),
			    T("%s: invalid value; expected ate all, ate part "
			    "or refused", "%s: giá trị không hợp lệ; cần ăn "
			    "hết, ăn một phần hoặc không ăn"),
			    mn_meal_label((enum mn_meal)m));
	if ((rc = clean_field(log->symptoms, sizeof log->symptoms,
	    "symptoms", err)) != MN_OK ||
	    (rc = clean_field(log->medicine, sizeof log->medicine,
	    "medicine", err)) != MN_OK ||
	    (rc = clean_field(log->behaviour, sizeof log->behaviour,
	    "behaviour", err)) != MN_OK ||
	    (rc = clean_field(log->learning, sizeof log->learning,
	    "learning", err)) != MN_OK)
		return rc;
	return MN_OK;
}

/* The meal columns come first, in enum mn_meal order (mn_meal_key). */
#define LOG_COLUMNS "l.breakfast, l.lunch, l.afternoon, l.snack, " \
	"l.nap_minutes, l.temperature, l.symptoms, l.medicine, l.behaviour, " \
	"l.learning, l.version"

/* Fills log's values from columns first.. of st (LOG_COLUMNS). */
static void
read_log_columns(struct mn_daily_log *log, sqlite3_stmt *st, int first)
{
	int col = first + MN_MEAL_COUNT;

	for (int m = 0; m < MN_MEAL_COUNT; m++)
		log->meals[m] = intake_from_name(sqlite3_column_text(st,
		    first + m));
	log->nap_minutes = sqlite3_column_type(st, col) == SQLITE_NULL ?
	    -1 : sqlite3_column_int(st, col);
	log->temperature = sqlite3_column_double(st, col + 1);
	copy_column(log->symptoms, sizeof log->symptoms, st, col + 2);
	copy_column(log->medicine, sizeof log->medicine, st, col + 3);
	copy_column(log->behaviour, sizeof log->behaviour, st, col + 4);
	copy_column(log->learning, sizeof log->learning, st, col + 5);
	log->version = sqlite3_column_int64(st, col + 6);
}

int
mn_dailylog_load_class(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, struct mn_daily_log **logs, size_t *count,
    struct mn_error *err)
{
	struct mn_daily_log *list = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st;
	int rc;

	*logs = NULL;
	*count = 0;
	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_DAILYLOG_READ,
	    err)) != MN_OK ||
	    (rc = mn_attendance_check_read(ctx, class_id, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "SELECT ch.id, ch.school_code, ch.full_name, "
	    LOG_COLUMNS " FROM child_class_history h "
	    "JOIN children ch ON ch.id = h.child_id "
	    "LEFT JOIN daily_logs l ON l.child_id = ch.id AND l.day = ?2 "
	    "WHERE h.class_id = ?1 AND h.from_date <= ?2 "
	    "AND (h.to_date IS NULL OR h.to_date > ?2) "
	    "GROUP BY ch.id ORDER BY ch.name_key, ch.id", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, class_id);
	bind_date(st, 2, day);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mn_daily_log *log;

		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 40;
			void *p = realloc(list, ncap * sizeof *list);

			if (p == NULL) {
				free(list);
				sqlite3_finalize(st);
				return mn_fail(err, MN_ERR_NOMEM, "",
				    T("out of memory", "hết bộ nhớ"));
			}
			list = p;
			cap = ncap;
		}
		log = &list[n++];
		memset(log, 0, sizeof *log);
		log->child_id = sqlite3_column_int64(st, 0);
		copy_column(log->school_code, sizeof log->school_code, st, 1);
		copy_column(log->full_name, sizeof log->full_name, st, 2);
		log->day = *day;
		read_log_columns(log, st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(list);
		return mn_db_fail(ctx->db, err);
	}
	*logs = list;
	*count = n;
	return MN_OK;
}

/* Reads the stored log of child and day without access checks. */
static int
read_log(struct mn_ctx *ctx, int64_t child_id, const struct mn_date *day,
    struct mn_daily_log *log, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(log, 0, sizeof *log);
	log->child_id = child_id;
	log->day = *day;
	log->nap_minutes = -1;
	rc = mn_prepare(ctx->db, "SELECT ch.school_code, ch.full_name, "
	    LOG_COLUMNS " FROM children ch LEFT JOIN daily_logs l "
	    "ON l.child_id = ch.id AND l.day = ?2 WHERE ch.id = ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, child_id);
	bind_date(st, 2, day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		copy_column(log->school_code, sizeof log->school_code, st, 0);
		copy_column(log->full_name, sizeof log->full_name, st, 1);
		read_log_columns(log, st, 2);
		rc = MN_OK;
	} else if (rc == SQLITE_DONE) {
		rc = mn_fail(err, MN_ERR_NOTFOUND, "child",
		    T("child not found", "không tìm thấy trẻ"));
	} else {
		rc = mn_db_fail(ctx->db, err);
	}
	sqlite3_finalize(st);
	return rc;
}

int
mn_dailylog_get(struct mn_ctx *ctx, int64_t child_id,
    const struct mn_date *day, struct mn_daily_log *log,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	bool allowed;
	int rc;

	allowed = mn_allowed_all(&ctx->actor, MN_ACT_DAILYLOG_READ);
	/* A parent may read only the children linked to the account. */
	if (!allowed && mn_allowed_as(&ctx->actor, MN_ACT_DAILYLOG_READ,
	    MN_ROLE_PARENT) && mn_parent_of(ctx->db, ctx->actor.account_id,
	    child_id))
		allowed = true;
	if (!allowed && !mn_allowed_as(&ctx->actor, MN_ACT_DAILYLOG_READ,
	    MN_ROLE_TEACHER))
		return mn_require_child(ctx, MN_ACT_DAILYLOG_READ, child_id,
		    "daily_log_view", err);
	if (!allowed) {
		rc = mn_prepare(ctx->db, "SELECT class_id FROM "
		    "child_class_history WHERE child_id = ?1 "
		    "AND from_date <= ?2 AND (to_date IS NULL OR to_date > ?2)",
		    &st, err);
		if (rc != MN_OK)
			return rc;
		sqlite3_bind_int64(st, 1, child_id);
		bind_date(st, 2, day);
		while (!allowed && sqlite3_step(st) == SQLITE_ROW)
			allowed = mn_attendance_teaches(ctx,
			    sqlite3_column_int64(st, 0));
		sqlite3_finalize(st);
	}
	if (!allowed) {
		mn_audit(ctx->db, &ctx->actor, "denied", "children", child_id,
		    NULL, NULL, "daily_log_read", NULL);
		return mn_fail(err, MN_ERR_DENIED, "child",
		    T("your account is not allowed to see this child's daily "
		    "log", "tài khoản của bạn không được xem nhật ký của trẻ "
		    "này"));
	}
	if ((rc = read_log(ctx, child_id, day, log, err)) != MN_OK)
		return rc;

	/* Every view of a child's record is in the audit trail. */
	char detail[48], iso[11];

	mn_date_format_iso(day, iso, sizeof iso);
	snprintf(detail, sizeof detail, "daily_log_view %s", iso);
	return mn_audit(ctx->db, &ctx->actor, "view", "children", child_id,
	    NULL, NULL, detail, err);
}

/* Writes a log's values as a JSON object for the audit trail. */
static void
log_json(const struct mn_daily_log *log, char *buf, size_t size)
{
	size_t len = 0;

	/* Free text is left out: it may be long and it is in the row. */
	len += (size_t)snprintf(buf, size, "{");
	for (int m = 0; m < MN_MEAL_COUNT && len < size; m++)
		len += (size_t)snprintf(buf + len, size - len, "\"%s\":\"%s\",",
		    mn_meal_key((enum mn_meal)m), intake_names[log->meals[m]] ?
		    intake_names[log->meals[m]] : "");
	if (len < size)
		snprintf(buf + len, size - len, "\"nap_minutes\":%d,"
		    "\"temperature\":%.1f}", log->nap_minutes,
		    log->temperature);
}

static bool
log_equal(const struct mn_daily_log *a, const struct mn_daily_log *b)
{
	return memcmp(a->meals, b->meals, sizeof a->meals) == 0 &&
	    a->nap_minutes == b->nap_minutes &&
	    a->temperature == b->temperature &&
	    strcmp(a->symptoms, b->symptoms) == 0 &&
	    strcmp(a->medicine, b->medicine) == 0 &&
	    strcmp(a->behaviour, b->behaviour) == 0 &&
	    strcmp(a->learning, b->learning) == 0;
}

/*
 * Binds the meals as ?1.., then nap, temperature, the four texts,
 * changed_by and changed_at (LOG_BIND_CHILD - 1 parameters in all).
 */
#define LOG_BIND_CHILD (MN_MEAL_COUNT + 9)

static void
bind_log(sqlite3_stmt *st, const struct mn_daily_log *log, const char *by,
    const char *now)
{
	int col = MN_MEAL_COUNT + 1;

	for (int m = 0; m < MN_MEAL_COUNT; m++) {
		if (log->meals[m] == MN_INTAKE_NONE)
			sqlite3_bind_null(st, 1 + m);
		else
			sqlite3_bind_text(st, 1 + m,
			    intake_names[log->meals[m]], -1, SQLITE_STATIC);
	}
	if (log->nap_minutes < 0)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int(st, col, log->nap_minutes);
	if (log->temperature == 0)
		sqlite3_bind_null(st, col + 1);
	else
		sqlite3_bind_double(st, col + 1, log->temperature);
	sqlite3_bind_text(st, col + 2, log->symptoms, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, col + 3, log->medicine, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, col + 4, log->behaviour, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, col + 5, log->learning, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, col + 6, by, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, col + 7, now, -1, SQLITE_TRANSIENT);
}

/* Writes one log inside the caller's transaction. */
static int
write_log(struct mn_ctx *ctx, sqlite3_stmt *ins, sqlite3_stmt *upd,
    struct mn_daily_log *log, const struct mn_daily_log *old,
    const char *now, struct mn_error *err)
{
	char oldj[256], newj[256], detail[64];
	sqlite3_stmt *st = old->version == 0 ? ins : upd;
	int64_t row_id = 0;

	sqlite3_reset(st);
	bind_log(st, log, ctx->actor.login, now);
	sqlite3_bind_int64(st, LOG_BIND_CHILD, log->child_id);
	bind_date(st, LOG_BIND_CHILD + 1, &log->day);
	if (old->version != 0)
		sqlite3_bind_int64(st, LOG_BIND_CHILD + 2, old->version);
	if (sqlite3_step(st) != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	if (sqlite3_changes(ctx->db) != 1)
		return mn_fail(err, MN_ERR_CONFLICT, "version",
		    T("the daily log changed while saving",
		    "nhật ký đã thay đổi trong lúc lưu"));
	if (old->version == 0)
		row_id = sqlite3_last_insert_rowid(ctx->db);
	log_json(old, oldj, sizeof oldj);
	log_json(log, newj, sizeof newj);
	snprintf(detail, sizeof detail, "daily log child %lld",
	    (long long)log->child_id);
	log->version = old->version + 1;
	return mn_audit(ctx->db, &ctx->actor, old->version == 0 ? "insert" :
	    "update", "daily_logs", row_id, old->version == 0 ? NULL : oldj,
	    newj, detail, err);
}

int
mn_dailylog_save_class(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, struct mn_daily_log *logs, size_t count,
    size_t *conflict_index, struct mn_error *err)
{
	sqlite3_stmt *ins = NULL, *upd = NULL;
	int64_t *versions = NULL;
	char now[32];
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_DAILYLOG_WRITE,
	    err)) != MN_OK ||
	    (rc = mn_attendance_check_write(ctx, class_id, day, err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < count; i++) {
		if (mn_date_cmp(&logs[i].day, day) != 0)
			logs[i].day = *day;
		if (!mn_attendance_child_in_class(ctx, logs[i].child_id,
		    class_id, day))
			return mn_fail(err, MN_ERR_INVALID, "child",
			    T("child %s (%lld) is not in this class on that "
			    "day; expected a child of the class",
			    "trẻ %s (%lld) không thuộc lớp này vào ngày đó; "
			    "cần một trẻ của lớp"), logs[i].school_code,
			    (long long)logs[i].child_id);
		if ((rc = mn_dailylog_check(&logs[i], err)) != MN_OK)
			return rc;
	}
	if ((versions = calloc(count ? count : 1, sizeof *versions)) == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", T("out of memory",
		    "hết bộ nhớ"));
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK) {
		free(versions);
		return rc;
	}
	if ((rc = mn_prepare(ctx->db, "INSERT INTO daily_logs (breakfast, "
	    "lunch, afternoon, snack, nap_minutes, temperature, symptoms, "
	    "medicine, behaviour, learning, changed_by, changed_at, child_id, "
	    "day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
	    "?13, ?14)", &ins, err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, "UPDATE daily_logs SET breakfast = ?1, "
	    "lunch = ?2, afternoon = ?3, snack = ?4, nap_minutes = ?5, "
	    "temperature = ?6, symptoms = ?7, medicine = ?8, behaviour = ?9, "
	    "learning = ?10, changed_by = ?11, changed_at = ?12, "
	    "version = version + 1 "
	    "WHERE child_id = ?13 AND day = ?14 AND version = ?15", &upd,
	    err)) != MN_OK)
		goto fail;
	mn_now_utc(now, sizeof now);
	for (size_t i = 0; i < count; i++) {
		struct mn_daily_log old;

		versions[i] = logs[i].version;
		if ((rc = read_log(ctx, logs[i].child_id, day, &old, err)) !=
		    MN_OK)
			goto fail;
		if (old.version != logs[i].version) {
			if (conflict_index != NULL)
				*conflict_index = i;
			rc = mn_fail(err, MN_ERR_CONFLICT, "version",
			    T("the daily log of %s was changed by someone else "
			    "after you opened it; reload it to see their "
			    "values",
			    "nhật ký của %s đã được người khác sửa sau khi bạn "
			    "mở; hãy tải lại để xem giá trị của họ"),
			    old.full_name);
			goto fail;
		}
		/* Unchanged logs, and empty ones never stored, stay as they
		 * are. */
		if (log_equal(&old, &logs[i]))
			continue;
		if ((rc = write_log(ctx, ins, upd, &logs[i], &old, now, err)) !=
		    MN_OK)
			goto fail;
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	ins = upd = NULL;
	if ((rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto fail;
	free(versions);
	return MN_OK;
fail:
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	mn_tx_rollback(ctx->db);
	/* Nothing was written, so the caller keeps the versions it read. */
	for (size_t i = 0; i < count; i++)
		logs[i].version = versions[i];
	free(versions);
	return rc;
}

/* ---- Class diary ----------------------------------------------------- */

int
mn_diary_get(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, char **text, int64_t *version,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	const unsigned char *t = NULL;
	int rc;

	*text = NULL;
	*version = 0;
	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_DAILYLOG_READ,
	    err)) != MN_OK ||
	    (rc = mn_attendance_check_read(ctx, class_id, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "SELECT g.activities, g.version FROM "
	    "class_diary g JOIN class_days d ON d.id = g.class_day_id "
	    "WHERE d.class_id = ? AND d.day = ?", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, class_id);
	bind_date(st, 2, day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		t = sqlite3_column_text(st, 0);
		*version = sqlite3_column_int64(st, 1);
	} else if (rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return mn_db_fail(ctx->db, err);
	}
	*text = strdup(t != NULL ? (const char *)t : "");
	sqlite3_finalize(st);
	if (*text == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", T("out of memory",
		    "hết bộ nhớ"));
	return MN_OK;
}

/* Returns the class-day row's id, inserting a row not yet saved. */
static int
class_day_id(struct mn_ctx *ctx, int64_t class_id, const struct mn_date *day,
    const char *now, int64_t *id, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = mn_prepare(ctx->db, "INSERT INTO class_days (class_id, day, "
	    "changed_by, changed_at) VALUES (?1, ?2, ?3, ?4) "
	    "ON CONFLICT (class_id, day) DO UPDATE SET class_id = class_id "
	    "RETURNING id", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, class_id);
	bind_date(st, 2, day);
	sqlite3_bind_text(st, 3, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? MN_OK : mn_db_fail(ctx->db, err);
}

int
mn_diary_save(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, const char *text, int64_t *version,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char *clean = NULL, now[32];
	int64_t day_id = 0;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_DAILYLOG_WRITE,
	    err)) != MN_OK ||
	    (rc = mn_attendance_check_write(ctx, class_id, day, err)) != MN_OK)
		return rc;
	if ((rc = mn_text_clean(text, "diary", 4000, &clean, err)) != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK) {
		free(clean);
		return rc;
	}
	mn_now_utc(now, sizeof now);
	if ((rc = class_day_id(ctx, class_id, day, now, &day_id, err)) !=
	    MN_OK)
		goto fail;
	if (*version == 0)
		rc = mn_prepare(ctx->db, "INSERT INTO class_diary (activities, "
		    "changed_by, changed_at, class_day_id) VALUES (?, ?, ?, ?) "
		    "ON CONFLICT DO NOTHING", &st, err);
	else
		rc = mn_prepare(ctx->db, "UPDATE class_diary "
		    "SET activities = ?, "
		    "changed_by = ?, changed_at = ?, version = version + 1 "
		    "WHERE class_day_id = ? AND version = ?", &st, err);
	if (rc != MN_OK)
		goto fail;
	sqlite3_bind_text(st, 1, clean, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, day_id);
	if (*version != 0)
		sqlite3_bind_int64(st, 5, *version);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = mn_db_fail(ctx->db, err);
		goto fail;
	}
	if (sqlite3_changes(ctx->db) != 1) {
		rc = mn_fail(err, MN_ERR_CONFLICT, "version",
		    T("someone else saved this class diary after you opened "
		    "it; reload it to see their text",
		    "người khác đã lưu nhật ký lớp này sau khi bạn mở; hãy "
		    "tải lại để xem nội dung của họ"));
		goto fail;
	}
	rc = mn_audit(ctx->db, &ctx->actor, *version == 0 ? "insert" :
	    "update", "class_diary", day_id, NULL, NULL, "class diary", err);
	if (rc != MN_OK)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	if ((rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto fail;
	(*version)++;
	free(clean);
	return MN_OK;
fail:
	sqlite3_finalize(st);
	mn_tx_rollback(ctx->db);
	free(clean);
	return rc;
}
