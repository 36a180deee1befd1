/*
 * Demo attendance and daily logs: every school day of the current school
 * year up to today, for every class.  A few children are absent each
 * day, more in the flu season (December to March), a sick child stays
 * home one to three days, and some arrive late.  The same seed gives the
 * same records.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attendance.h"
#include "core/audit.h"
#include "core/dailylog.h"
#include "core/db.h"
#include "core/demo.h"
#include "core/registers.h"

static const char *const sick_notes[] = {
	"Ốm, sốt", "Ho, sổ mũi", "Viêm họng", "Tiêu chảy", "Đi khám bệnh",
};
static const char *const leave_notes[] = {
	"Về quê", "Gia đình có việc", "Đi khám răng", "Nghỉ theo đơn của "
	"phụ huynh",
};
static const char *const late_notes[] = {
	"Bố mẹ đưa muộn", "Dậy muộn", "Tắc đường", "",
};
static const char *const behaviour_notes[] = {
	"Ngoan, chơi hòa đồng với bạn", "Hôm nay hơi quấy khóc buổi sáng",
	"Biết tự xúc cơm", "Tranh đồ chơi với bạn, cô đã nhắc nhở",
	"Mạnh dạn phát biểu",
};
static const char *const learning_notes[] = {
	"Thuộc bài thơ mới", "Nhận biết được màu đỏ, vàng, xanh",
	"Đếm được đến 10", "Tô màu gọn trong hình", "Hát được bài hát mới",
};
static const char *const diary_notes[] = {
	"Đón trẻ, thể dục sáng. Hoạt động học: làm quen với chữ cái. "
	"Chơi ngoài trời: quan sát cây xanh.",
	"Thể dục sáng. Hoạt động học: tạo hình, vẽ ông mặt trời. Chơi góc "
	"xây dựng.",
	"Hoạt động học: âm nhạc, dạy hát. Chơi ngoài trời: trò chơi kéo co.",
	"Hoạt động học: làm quen với toán, đếm đến 5. Chơi góc phân vai: bán "
	"hàng.",
	"Hoạt động học: kể chuyện cổ tích. Chơi ngoài trời: nhặt lá cây.",
};

#define PICK(rng, list) ((list)[mn_rng_below((rng), \
	sizeof (list) / sizeof (list)[0])])

struct demo_stmts {
	sqlite3_stmt *children, *day, *mark, *log, *diary;
};

static void
finalize_all(struct demo_stmts *s)
{
	sqlite3_finalize(s->children);
	sqlite3_finalize(s->day);
	sqlite3_finalize(s->mark);
	sqlite3_finalize(s->log);
	sqlite3_finalize(s->diary);
}

static int
prepare_all(sqlite3 *db, struct demo_stmts *s, struct mn_error *err)
{
	int rc;

	memset(s, 0, sizeof *s);
	if ((rc = mn_prepare(db, "SELECT child_id FROM child_class_history "
	    "WHERE class_id = ?1 AND from_date <= ?2 "
	    "AND (to_date IS NULL OR to_date > ?2) ORDER BY child_id",
	    &s->children, err)) != MN_OK ||
	    (rc = mn_prepare(db, "INSERT INTO class_days (class_id, day, "
	    "attendance_saved, changed_by, changed_at) "
	    "VALUES (?, ?, 1, ?, ?)", &s->day, err)) != MN_OK ||
	    (rc = mn_prepare(db, "INSERT INTO attendance_marks (class_day_id, "
	    "child_id, mark, note) VALUES (?, ?, ?, ?)", &s->mark, err)) !=
	    MN_OK ||
	    (rc = mn_prepare(db, "INSERT INTO daily_logs (child_id, day, "
	    "breakfast, lunch, snack, nap_minutes, temperature, symptoms, "
	    "medicine, behaviour, learning, changed_by, changed_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &s->log, err)) !=
	    MN_OK ||
	    (rc = mn_prepare(db, "INSERT INTO class_diary (class_day_id, "
	    "activities, changed_by, changed_at) VALUES (?, ?, ?, ?)",
	    &s->diary, err)) != MN_OK) {
		finalize_all(s);
		return rc;
	}
	return MN_OK;
}

static int
step_done(sqlite3 *db, sqlite3_stmt *st, struct mn_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? MN_OK : mn_db_fail(db, err);
}

/* Days a child still stays home sick, indexed by child id. */
struct sick_days {
	unsigned char *left;
	size_t size;
};

static unsigned char *
sick_slot(struct sick_days *s, int64_t child_id)
{
	if (child_id < 0)
		return NULL;
	if ((size_t)child_id >= s->size) {
		size_t n = (size_t)child_id * 2 + 64;
		unsigned char *p = realloc(s->left, n);

		if (p == NULL)
			return NULL;
		memset(p + s->size, 0, n - s->size);
		s->left = p;
		s->size = n;
	}
	return &s->left[child_id];
}

static const char *
intake(struct mn_rng *rng, unsigned all_percent)
{
	unsigned r = mn_rng_below(rng, 100);

	if (r < all_percent)
		return "all";
	return r < all_percent + (100 - all_percent) * 4 / 5 ? "part" :
	    "refused";
}

static int
write_log(struct mn_ctx *ctx, struct demo_stmts *s, struct mn_rng *rng,
    int64_t child_id, const char *iso, bool unwell, const char *now,
    struct mn_error *err)
{
	sqlite3_stmt *st = s->log;

	sqlite3_bind_int64(st, 1, child_id);
	sqlite3_bind_text(st, 2, iso, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, intake(rng, 85), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, intake(rng, unwell ? 40 : 75), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 5, intake(rng, 80), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, 80 + (int)mn_rng_below(rng, 70));
	if (unwell)
		sqlite3_bind_double(st, 7, 37.2 + mn_rng_below(rng, 12) / 10.0);
	else if (mn_rng_below(rng, 10) == 0)
		sqlite3_bind_double(st, 7, 36.3 + mn_rng_below(rng, 9) / 10.0);
	else
		sqlite3_bind_null(st, 7);
	sqlite3_bind_text(st, 8, unwell ? "Còn ho nhẹ" : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 9, unwell ? "Siro ho theo đơn phụ huynh gửi" :
	    "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, mn_rng_below(rng, 8) == 0 ?
	    PICK(rng, behaviour_notes) : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, mn_rng_below(rng, 8) == 0 ?
	    PICK(rng, learning_notes) : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, now, -1, SQLITE_TRANSIENT);
	return step_done(ctx->db, st, err);
}

/* Picks a child's mark and note for the day, updating the sick days. */
static enum mn_mark
pick_mark(struct mn_rng *rng, unsigned char *sick, bool flu,
    const char **note, bool *unwell)
{
	unsigned r = mn_rng_below(rng, 1000);

	*note = "";
	*unwell = false;
	if (sick != NULL && *sick > 0) {
		(*sick)--;
		*note = "Ốm, nghỉ tiếp";
		return MN_MARK_EXCUSED;
	}
	/* Per mille each school day: falling ill, other leave, no word. */
	if (r < (flu ? 45u : 15u)) {
		if (sick != NULL)
			*sick = (unsigned char)mn_rng_below(rng, 3);
		*note = PICK(rng, sick_notes);
		return MN_MARK_EXCUSED;
	}
	r -= flu ? 45u : 15u;
	if (r < 12) {
		*note = PICK(rng, leave_notes);
		return MN_MARK_EXCUSED;
	}
	if (r < 20)
		return MN_MARK_UNEXCUSED;
	if (r < 50) {
		*note = PICK(rng, late_notes);
		return MN_MARK_LATE;
	}
	*unwell = r < 60 && flu;
	return MN_MARK_PRESENT;
}

/* Writes one class-day: the record, every child's mark and log. */
static int
demo_class_day(struct mn_ctx *ctx, struct demo_stmts *s, struct mn_rng *rng,
    struct sick_days *sick, int64_t class_id, const struct mn_date *day,
    const char *now, struct mn_error *err)
{
	bool flu = day->month == 12 || day->month <= 3;
	int64_t day_id;
	char iso[16];
	int rc, step = SQLITE_DONE;

	mn_date_format_iso(day, iso, sizeof iso);
	sqlite3_bind_int64(s->day, 1, class_id);
	sqlite3_bind_text(s->day, 2, iso, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s->day, 3, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s->day, 4, now, -1, SQLITE_TRANSIENT);
	if ((rc = step_done(ctx->db, s->day, err)) != MN_OK)
		return rc;
	day_id = sqlite3_last_insert_rowid(ctx->db);
	sqlite3_bind_int64(s->diary, 1, day_id);
	sqlite3_bind_text(s->diary, 2, PICK(rng, diary_notes), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(s->diary, 3, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s->diary, 4, now, -1, SQLITE_TRANSIENT);
	if ((rc = step_done(ctx->db, s->diary, err)) != MN_OK)
		return rc;

	sqlite3_bind_int64(s->children, 1, class_id);
	sqlite3_bind_text(s->children, 2, iso, -1, SQLITE_TRANSIENT);
	while (rc == MN_OK && (step = sqlite3_step(s->children)) ==
	    SQLITE_ROW) {
		int64_t child = sqlite3_column_int64(s->children, 0);
		const char *note;
		bool unwell;
		enum mn_mark mark = pick_mark(rng, sick_slot(sick, child), flu,
		    &note, &unwell);

		sqlite3_bind_int64(s->mark, 1, day_id);
		sqlite3_bind_int64(s->mark, 2, child);
		sqlite3_bind_text(s->mark, 3, mn_mark_name(mark), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(s->mark, 4, note, -1, SQLITE_STATIC);
		rc = step_done(ctx->db, s->mark, err);
		if (rc == MN_OK && mn_mark_is_present(mark))
			rc = write_log(ctx, s, rng, child, iso, unwell, now,
			    err);
	}
	if (rc == MN_OK && step != SQLITE_DONE)
		rc = mn_db_fail(ctx->db, err);
	sqlite3_reset(s->children);
	return rc;
}

/* Reads the school year holding today (or the latest before it). */
static int
demo_year(struct mn_ctx *ctx, const struct mn_date *today, int64_t *year_id,
    struct mn_date *first, struct mn_date *last, struct mn_error *err)
{
	sqlite3_stmt *st;
	char iso[16];
	int rc;

	mn_date_format_iso(today, iso, sizeof iso);
	rc = mn_prepare(ctx->db, "SELECT id, first_day, last_day FROM "
	    "school_years WHERE first_day <= ?1 "
	    "ORDER BY first_day DESC LIMIT 1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, iso, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return mn_fail(err, MN_ERR_NOTFOUND, "school_year",
		    T("no school year has started; add one first",
		    "chưa có năm học nào bắt đầu; hãy thêm năm học trước"));
	}
	*year_id = sqlite3_column_int64(st, 0);
	rc = mn_date_parse_iso((const char *)sqlite3_column_text(st, 1),
	    "first_day", first, err);
	if (rc == MN_OK)
		rc = mn_date_parse_iso((const char *)sqlite3_column_text(st, 2),
		    "last_day", last, err);
	sqlite3_finalize(st);
	return rc;
}

static int
demo_classes(struct mn_ctx *ctx, int64_t year_id, int64_t **ids,
    size_t *count, struct mn_error *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*count = 0;
	rc = mn_prepare(ctx->db, "SELECT id FROM classes WHERE "
	    "school_year_id = ? ORDER BY code", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, year_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*count == cap) {
			int64_t *p;

			cap = cap ? cap * 2 : 16;
			if ((p = realloc(*ids, cap * sizeof *p)) == NULL) {
				sqlite3_finalize(st);
				return mn_fail(err, MN_ERR_NOMEM, "",
				    T("out of memory", "hết bộ nhớ"));
			}
			*ids = p;
		}
		(*ids)[(*count)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? MN_OK : mn_db_fail(ctx->db, err);
}

/* Commits the month's transaction with its audit row. */
static int
close_month(struct mn_ctx *ctx, const struct mn_date *month, int days,
    struct mn_error *err)
{
	char detail[96];
	int rc;

	snprintf(detail, sizeof detail, "demo attendance %04d-%02d, %d class "
	    "days", month->year, month->month, days);
	rc = mn_audit(ctx->db, &ctx->actor, "insert", "class_days", 0, NULL,
	    NULL, detail, err);
	if (rc == MN_OK)
		rc = mn_tx_commit(ctx->db, err);
	return rc;
}

int
mn_demo_attendance(struct mn_ctx *ctx, unsigned seed, struct mn_error *err)
{
	struct demo_stmts s;
	struct sick_days sick = { 0 };
	struct mn_date today, first, last, day, month = { 0 };
	struct mn_rng rng;
	int64_t year_id = 0, *classes = NULL;
	size_t class_count;
	long from, to;
	int rc, month_days = 0;
	bool open = false;
	char now[32];

	if (!(ctx->actor.roles & (MN_ROLE_HOST | MN_ROLE_PRINCIPAL)))
		return mn_fail(err, MN_ERR_DENIED, "", T("your account is not "
		    "allowed to do this", "tài khoản của bạn không được phép "
		    "làm việc này"));
	mn_rng_seed(&rng, seed ^ 0x41u);
	mn_date_today(&today);
	if ((rc = demo_year(ctx, &today, &year_id, &first, &last, err)) !=
	    MN_OK)
		return rc;
	if ((rc = demo_classes(ctx, year_id, &classes, &class_count, err)) !=
	    MN_OK)
		return rc;
	if ((rc = prepare_all(ctx->db, &s, err)) != MN_OK) {
		free(classes);
		return rc;
	}
	mn_now_utc(now, sizeof now);
	from = mn_date_to_days(&first);
	to = mn_date_to_days(mn_date_cmp(&today, &last) < 0 ? &today : &last);
	/* One transaction per month keeps a year to a few seconds. */
	for (long d = from; d <= to && rc == MN_OK; d++) {
		mn_date_from_days(d, &day);
		if (open && day.month != month.month) {
			rc = close_month(ctx, &month, month_days, err);
			open = false;
			if (rc != MN_OK)
				break;
		}
		if (!mn_calendar_is_school_day(ctx, &day))
			continue;
		if (!open) {
			if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
				break;
			open = true;
			month = day;
			month_days = 0;
		}
		for (size_t c = 0; c < class_count && rc == MN_OK; c++)
			rc = demo_class_day(ctx, &s, &rng, &sick, classes[c],
			    &day, now, err);
		month_days += (int)class_count;
	}
	if (open) {
		if (rc == MN_OK)
			rc = close_month(ctx, &month, month_days, err);
		else
			mn_tx_rollback(ctx->db);
	}
	finalize_all(&s);
	free(sick.left);
	free(classes);
	return rc;
}
