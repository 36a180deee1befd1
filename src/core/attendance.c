/*
 * Attendance of one class on one day: access and date rules, loading,
 * saving the whole class in one transaction, conflicts and merging.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/access.h"
#include "core/attendance.h"
#include "core/audit.h"
#include "core/config.h"
#include "core/date.h"
#include "core/db.h"
#include "core/registers.h"
#include "core/text.h"

static const struct {
	const char *name;
	const char *letter;
	const char *label_en;
	const char *label_vi;
} marks[MN_MARK_COUNT] = {
	[MN_MARK_PRESENT] = { "present", "x", "Present", "Có mặt" },
	[MN_MARK_EXCUSED] = { "excused", "P", "Absent with leave",
	    "Vắng có phép" },
	[MN_MARK_UNEXCUSED] = { "unexcused", "K", "Absent without leave",
	    "Vắng không phép" },
	[MN_MARK_LATE] = { "late", "M", "Late", "Đi muộn" },
};

enum mn_mark
mn_mark_next(enum mn_mark m)
{
	return (enum mn_mark)(((int)m + 1) % MN_MARK_COUNT);
}

const char *
mn_mark_name(enum mn_mark m)
{
	return m < MN_MARK_COUNT ? marks[m].name : "present";
}

const char *
mn_mark_letter(enum mn_mark m)
{
	return m < MN_MARK_COUNT ? marks[m].letter : "";
}

const char *
mn_mark_label(enum mn_mark m)
{
	if (m >= MN_MARK_COUNT)
		return "";
	return mn_pick(marks[m].label_en, marks[m].label_vi);
}

bool
mn_mark_is_present(enum mn_mark m)
{
	return m == MN_MARK_PRESENT || m == MN_MARK_LATE;
}

int
mn_mark_parse(const char *text, const char *field, enum mn_mark *m,
    struct mn_error *err)
{
	for (int i = 0; i < MN_MARK_COUNT; i++) {
		if (strcmp(text, marks[i].name) == 0 ||
		    strcasecmp(text, marks[i].letter) == 0) {
			*m = (enum mn_mark)i;
			return MN_OK;
		}
	}
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: invalid mark; expected x (present), P (absent with "
	    "leave), K (absent without leave) or M (late)",
	    "%s: dấu điểm danh không hợp lệ; cần x (có mặt), P (vắng có "
	    "phép), K (vắng không phép) hoặc M (đi muộn)"), field);
}

static enum mn_mark
mark_from_name(const char *name)
{
	for (int i = 0; name != NULL && i < MN_MARK_COUNT; i++)
		if (strcmp(name, marks[i].name) == 0)
			return (enum mn_mark)i;
	return MN_MARK_PRESENT;
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

/*
 * Prepared statements kept between calls, keyed by the connection and
 * the address of the SQL literal: a class save runs about ten
 * statements, and preparing them again each time costs more than
 * running them.  Single-threaded use only, as the program is.  Seeing a
 * new connection finalizes the statements of the old one, which lets a
 * connection closed by sqlite3_close_v2 in the meantime go away.
 */
#define STMT_CACHE 24

static struct {
	sqlite3 *db;
	const char *sql;
	sqlite3_stmt *st;
} stmt_cache[STMT_CACHE];

/* Returns a ready statement for sql; give it back with stmt_put. */
static int
stmt_get(sqlite3 *db, const char *sql, sqlite3_stmt **st,
    struct mn_error *err)
{
	int free_slot = -1, rc;

	for (int i = 0; i < STMT_CACHE; i++) {
		if (stmt_cache[i].st != NULL && stmt_cache[i].db != db) {
			sqlite3_finalize(stmt_cache[i].st);
			stmt_cache[i].st = NULL;
		}
		if (stmt_cache[i].st != NULL && stmt_cache[i].sql == sql) {
			*st = stmt_cache[i].st;
			return MN_OK;
		}
		if (stmt_cache[i].st == NULL && free_slot < 0)
			free_slot = i;
	}
	rc = mn_prepare(db, sql, st, err);
	if (rc == MN_OK && free_slot >= 0) {
		stmt_cache[free_slot].db = db;
		stmt_cache[free_slot].sql = sql;
		stmt_cache[free_slot].st = *st;
	}
	return rc;
}

/* Resets a statement from stmt_get, or finalizes one the cache lacks. */
static void
stmt_put(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	for (int i = 0; i < STMT_CACHE; i++) {
		if (stmt_cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return;
		}
	}
	sqlite3_finalize(st);
}

/* ---- Access ---------------------------------------------------------- */

static int
deny(struct mn_ctx *ctx, const char *what, int64_t class_id,
    struct mn_error *err)
{
	/* A refusal is worth a trace: it may be someone probing. */
	mn_audit(ctx->db, &ctx->actor, "denied", "classes", class_id, NULL,
	    NULL, what, NULL);
	return mn_fail(err, MN_ERR_DENIED, "class",
	    T("your account is not allowed to %s this class's attendance",
	    "tài khoản của bạn không được phép %s điểm danh của lớp này"),
	    strcmp(what, "attendance_write") == 0 ? T("change", "sửa") :
	    T("read", "xem"));
}

bool
mn_attendance_teaches(struct mn_ctx *ctx, int64_t class_id)
{
	return mn_teaches_class(ctx, class_id);
}

int
mn_attendance_check_read(struct mn_ctx *ctx, int64_t class_id,
    struct mn_error *err)
{
	if (mn_allowed_all(&ctx->actor, MN_ACT_ATTENDANCE_READ))
		return MN_OK;
	if (mn_allowed_as(&ctx->actor, MN_ACT_ATTENDANCE_READ,
	    MN_ROLE_TEACHER) && mn_attendance_teaches(ctx, class_id))
		return MN_OK;
	return deny(ctx, "attendance_read", class_id, err);
}

/*
 * Checks that day is a school day of the class's school year and not
 * after today.  Returns MN_ERR_NOTFOUND for an unknown class.
 */
static int
check_day(struct mn_ctx *ctx, int64_t class_id, const struct mn_date *day,
    struct mn_error *err)
{
	struct mn_date today;
	char when[16];
	sqlite3_stmt *st;
	int rc, found;

	mn_date_format(day, when, sizeof when);
	mn_date_today(&today);
	if (mn_date_cmp(day, &today) > 0)
		return mn_fail(err, MN_ERR_INVALID, "date",
		    T("date %s is in the future; attendance can be taken for "
		    "today or an earlier school day",
		    "ngày %s là ngày tương lai; chỉ điểm danh được hôm nay "
		    "hoặc một ngày học trước đó"), when);
	rc = stmt_get(ctx->db, "SELECT ?2 BETWEEN y.first_day AND "
	    "y.last_day, y.name FROM classes c JOIN school_years y "
	    "ON y.id = c.school_year_id WHERE c.id = ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, class_id);
	bind_date(st, 2, day);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		stmt_put(st);
		if (rc != SQLITE_DONE)
			return mn_db_fail(ctx->db, err);
		return mn_fail(err, MN_ERR_NOTFOUND, "class",
		    T("class not found", "không tìm thấy lớp"));
	}
	found = sqlite3_column_int(st, 0);
	if (!found) {
		char year[32];

		copy_column(year, sizeof year, st, 1);
		stmt_put(st);
		return mn_fail(err, MN_ERR_INVALID, "date",
		    T("date %s is outside the class's school year %s; expected "
		    "a school day of that year",
		    "ngày %s nằm ngoài năm học %s của lớp; cần một ngày học "
		    "của năm học đó"), when, year);
	}
	stmt_put(st);
	if (!mn_calendar_is_school_day(ctx, day))
		return mn_fail(err, MN_ERR_INVALID, "date",
		    T("date %s is not a school day (weekend or holiday); "
		    "expected a school day of the calendar",
		    "ngày %s không phải ngày học (cuối tuần hoặc ngày nghỉ); "
		    "cần một ngày học theo lịch năm học"), when);
	return MN_OK;
}

int
mn_attendance_check_write(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, struct mn_error *err)
{
	bool principal = mn_allowed_all(&ctx->actor, MN_ACT_ATTENDANCE_WRITE);
	unsigned edit_days = ctx->cfg != NULL ?
	    ctx->cfg->attendance_edit_days : 0;
	struct mn_date today;
	long age;
	int rc;

	if (!principal && !(mn_allowed_as(&ctx->actor, MN_ACT_ATTENDANCE_WRITE,
	    MN_ROLE_TEACHER) && mn_attendance_teaches(ctx, class_id)))
		return deny(ctx, "attendance_write", class_id, err);
	if ((rc = check_day(ctx, class_id, day, err)) != MN_OK)
		return rc;
	mn_date_today(&today);
	age = mn_date_to_days(&today) - mn_date_to_days(day);
	if (!principal && age > (long)edit_days) {
		mn_audit(ctx->db, &ctx->actor, "denied", "classes", class_id,
		    NULL, NULL, "attendance_edit_window", NULL);
		return mn_fail(err, MN_ERR_DENIED, "date",
		    T("this day is %ld days ago; teachers may change the last "
		    "%u days only, so ask the principal",
		    "ngày này đã qua %ld ngày; giáo viên chỉ được sửa %u ngày "
		    "gần nhất, hãy nhờ hiệu trưởng"), age, edit_days);
	}
	return MN_OK;
}

bool
mn_attendance_child_in_class(struct mn_ctx *ctx, int64_t child_id,
    int64_t class_id, const struct mn_date *day)
{
	sqlite3_stmt *st;
	bool found;

	if (stmt_get(ctx->db, "SELECT 1 FROM child_class_history "
	    "WHERE child_id = ? AND class_id = ? AND from_date <= ?3 "
	    "AND (to_date IS NULL OR to_date > ?3)", &st, NULL) != MN_OK)
		return false;
	sqlite3_bind_int64(st, 1, child_id);
	sqlite3_bind_int64(st, 2, class_id);
	bind_date(st, 3, day);
	found = sqlite3_step(st) == SQLITE_ROW;
	stmt_put(st);
	return found;
}

int
mn_attendance_class_find(struct mn_ctx *ctx, const char *code,
    const struct mn_date *day, int64_t *class_id, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = stmt_get(ctx->db, "SELECT c.id FROM classes c JOIN school_years "
	    "y ON y.id = c.school_year_id WHERE c.code = ?1 "
	    "AND y.first_day <= ?2 ORDER BY (?2 <= y.last_day) DESC, "
	    "y.first_day DESC LIMIT 1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	bind_date(st, 2, day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*class_id = sqlite3_column_int64(st, 0);
		rc = MN_OK;
	} else if (rc == SQLITE_DONE) {
		char when[16];

		mn_date_format(day, when, sizeof when);
		rc = mn_fail(err, MN_ERR_NOTFOUND, "class",
		    T("class %s not found in the school year of %s; check the "
		    "class code", "không tìm thấy lớp %s trong năm học của "
		    "ngày %s; hãy kiểm tra mã lớp"), code, when);
	} else {
		rc = mn_db_fail(ctx->db, err);
	}
	stmt_put(st);
	return rc;
}

/* ---- Loading --------------------------------------------------------- */

void
mn_attendance_free(struct mn_attendance_day *att)
{
	if (att == NULL)
		return;
	free(att->entries);
	att->entries = NULL;
	att->count = 0;
}

int
mn_attendance_copy(const struct mn_attendance_day *src,
    struct mn_attendance_day *dst, struct mn_error *err)
{
	*dst = *src;
	dst->entries = NULL;
	if (src->count == 0)
		return MN_OK;
	dst->entries = malloc(src->count * sizeof *dst->entries);
	if (dst->entries == NULL) {
		dst->count = 0;
		return mn_fail(err, MN_ERR_NOMEM, "", T("out of memory",
		    "hết bộ nhớ"));
	}
	memcpy(dst->entries, src->entries, src->count * sizeof *dst->entries);
	return MN_OK;
}

struct mn_attendance_entry *
mn_attendance_entry(struct mn_attendance_day *att, int64_t child_id)
{
	for (size_t i = 0; i < att->count; i++)
		if (att->entries[i].child_id == child_id)
			return &att->entries[i];
	return NULL;
}

void
mn_attendance_count(const struct mn_attendance_day *att, int *present,
    int *enrolled)
{
	int n = 0;

	for (size_t i = 0; i < att->count; i++)
		if (mn_mark_is_present(att->entries[i].mark))
			n++;
	*present = n;
	*enrolled = (int)att->count;
}

/* Reads the class-day record's header fields; 0 version when absent. */
static int
read_class_day(struct mn_ctx *ctx, struct mn_attendance_day *att,
    int64_t *day_id, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	*day_id = 0;
	att->version = 0;
	att->saved = false;
	att->changed_by[0] = att->changed_at[0] = '\0';
	rc = stmt_get(ctx->db, "SELECT d.id, d.version, d.attendance_saved, "
	    "d.changed_by, d.changed_at FROM class_days d "
	    "WHERE d.class_id = ? AND d.day = ?", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, att->class_id);
	bind_date(st, 2, &att->day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*day_id = sqlite3_column_int64(st, 0);
		att->version = sqlite3_column_int64(st, 1);
		att->saved = sqlite3_column_int(st, 2) != 0;
		copy_column(att->changed_by, sizeof att->changed_by, st, 3);
		copy_column(att->changed_at, sizeof att->changed_at, st, 4);
		rc = MN_OK;
	} else {
		rc = rc == SQLITE_DONE ? MN_OK : mn_db_fail(ctx->db, err);
	}
	stmt_put(st);
	return rc;
}

static const char entries_sql[] =
    "SELECT ch.id, ch.school_code, ch.full_name, m.mark, m.note "
    "FROM child_class_history h JOIN children ch ON ch.id = h.child_id "
    "LEFT JOIN attendance_marks m ON m.class_day_id = ?3 "
    "AND m.child_id = ch.id "
    "WHERE h.class_id = ?1 AND h.from_date <= ?2 "
    "AND (h.to_date IS NULL OR h.to_date > ?2) "
    "GROUP BY ch.id ORDER BY ch.name_key, ch.id";

/* The same children without names or order, for the checks of a save. */
static const char entry_ids_sql[] =
    "SELECT h.child_id, '', '', m.mark, m.note "
    "FROM child_class_history h "
    "LEFT JOIN attendance_marks m ON m.class_day_id = ?3 "
    "AND m.child_id = h.child_id "
    "WHERE h.class_id = ?1 AND h.from_date <= ?2 "
    "AND (h.to_date IS NULL OR h.to_date > ?2) "
    "GROUP BY h.child_id";

/*
 * Fills att->entries with the class's children on att->day, in name
 * order with names when names is true.
 */
static int
read_entries(struct mn_ctx *ctx, struct mn_attendance_day *att,
    int64_t day_id, bool names, struct mn_error *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	rc = stmt_get(ctx->db, names ? entries_sql : entry_ids_sql, &st,
	    err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, att->class_id);
	bind_date(st, 2, &att->day);
	sqlite3_bind_int64(st, 3, day_id);
	att->count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mn_attendance_entry *e;

		if (att->count == cap) {
			size_t ncap = cap ? cap * 2 : 40;
			void *p = realloc(att->entries, ncap * sizeof *e);

			if (p == NULL) {
				stmt_put(st);
				return mn_fail(err, MN_ERR_NOMEM, "",
				    T("out of memory", "hết bộ nhớ"));
			}
			att->entries = p;
			cap = ncap;
		}
		e = &att->entries[att->count++];
		e->child_id = sqlite3_column_int64(st, 0);
		copy_column(e->school_code, sizeof e->school_code, st, 1);
		copy_column(e->full_name, sizeof e->full_name, st, 2);
		e->mark = mark_from_name((const char *)sqlite3_column_text(st,
		    3));
		copy_column(e->note, sizeof e->note, st, 4);
	}
	stmt_put(st);
	return rc == SQLITE_DONE ? MN_OK : mn_db_fail(ctx->db, err);
}

static int
read_class_code(struct mn_ctx *ctx, struct mn_attendance_day *att,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = stmt_get(ctx->db, "SELECT code FROM classes WHERE id = ?", &st,
	    err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, att->class_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		copy_column(att->class_code, sizeof att->class_code, st, 0);
	stmt_put(st);
	return MN_OK;
}

/*
 * Loads without access or date checks, which the caller made; *day_id
 * receives the class-day row's id, 0 when there is none.  Without names
 * the entries have empty names and codes and no particular order.
 */
static int
load_unchecked(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, struct mn_attendance_day *out,
    int64_t *day_id, bool names, struct mn_error *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->class_id = class_id;
	out->day = *day;
	if ((rc = read_class_code(ctx, out, err)) != MN_OK ||
	    (rc = read_class_day(ctx, out, day_id, err)) != MN_OK ||
	    (rc = read_entries(ctx, out, *day_id, names, err)) != MN_OK) {
		mn_attendance_free(out);
		return rc;
	}
	return MN_OK;
}

int
mn_attendance_load(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *day, struct mn_attendance_day *out,
    struct mn_error *err)
{
	int64_t day_id;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = mn_attendance_check_read(ctx, class_id, err)) != MN_OK ||
	    (rc = check_day(ctx, class_id, day, err)) != MN_OK)
		return rc;
	return load_unchecked(ctx, class_id, day, out, &day_id, true, err);
}

/* ---- Saving ---------------------------------------------------------- */

/* A growing string for the audit row's JSON. */
struct jbuf {
	char *s;
	size_t len, cap;
	bool failed;
};

static void
jb_put(struct jbuf *b, const char *text, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t ncap = b->cap ? b->cap * 2 : 256;
		char *p;

		while (ncap < b->len + n + 1)
			ncap *= 2;
		if ((p = realloc(b->s, ncap)) == NULL) {
			b->failed = true;
			return;
		}
		b->s = p;
		b->cap = ncap;
	}
	memcpy(b->s + b->len, text, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
jb_str(struct jbuf *b, const char *text)
{
	jb_put(b, text, strlen(text));
}

/* Appends text as a JSON string literal. */
static void
jb_quote(struct jbuf *b, const char *text)
{
	char esc[8];

	jb_put(b, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			jb_put(b, esc, 2);
		} else if (*p < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", *p);
			jb_put(b, esc, 6);
		} else {
			jb_put(b, (const char *)p, 1);
		}
	}
	jb_put(b, "\"", 1);
}

static void
jb_mark(struct jbuf *b, const struct mn_attendance_entry *e, bool first)
{
	char id[32];

	snprintf(id, sizeof id, "%s\"%lld\":{\"mark\":", first ? "" : ",",
	    (long long)e->child_id);
	jb_str(b, id);
	jb_quote(b, mn_mark_name(e->mark));
	jb_str(b, ",\"note\":");
	jb_quote(b, e->note);
	jb_str(b, "}");
}

/*
 * Checks every entry against the class list on the day (read into
 * class_list) and cleans its note in place.
 */
static int
check_entries(struct mn_ctx *ctx, struct mn_attendance_day *att,
    const struct mn_attendance_day *class_list, struct mn_error *err)
{
	for (size_t i = 0; i < att->count; i++) {
		struct mn_attendance_entry *e = &att->entries[i];
		char *clean = NULL;
		bool found = false;
		int rc;

		for (size_t j = 0; j < class_list->count && !found; j++)
			found = class_list->entries[j].child_id == e->child_id;
		if (!found) {
			char when[16];

			mn_date_format(&att->day, when, sizeof when);
			return mn_fail(err, MN_ERR_INVALID, "child",
			    T("child %s (%lld) is not in class %s on %s; "
			    "expected a child of the class on that day",
			    "trẻ %s (%lld) không thuộc lớp %s vào ngày %s; "
			    "cần một trẻ của lớp vào ngày đó"),
			    e->school_code[0] ? e->school_code : "?",
			    (long long)e->child_id, class_list->class_code,
			    when);
		}
		if (e->mark >= MN_MARK_COUNT)
			return mn_fail(err, MN_ERR_INVALID, "mark",
			    T("mark: invalid value %d; expected present, "
			    "excused, unexcused or late",
			    "dấu điểm danh: giá trị %d không hợp lệ; cần có "
			    "mặt, vắng có phép, vắng không phép hoặc đi muộn"),
			    (int)e->mark);
		if (e->note[0] == '\0')
			continue;
		rc = mn_text_clean(e->note, "note", MN_ATT_NOTE_MAX, &clean,
		    err);
		if (rc != MN_OK)
			return rc;
		snprintf(e->note, sizeof e->note, "%s", clean);
		free(clean);
	}
	(void)ctx;
	return MN_OK;
}

/* Writes the class-day row; *day_id is 0 for a new one. */
static int
write_class_day(struct mn_ctx *ctx, struct mn_attendance_day *att,
    int64_t *day_id, const char *now, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (*day_id != 0)
		rc = stmt_get(ctx->db, "UPDATE class_days SET "
		    "attendance_saved = 1, version = version + 1, "
		    "changed_by = ?1, changed_at = ?2 "
		    "WHERE id = ?3 AND version = ?4", &st, err);
	else
		rc = stmt_get(ctx->db, "INSERT INTO class_days (class_id, "
		    "day, attendance_saved, changed_by, changed_at) "
		    "VALUES (?3, ?4, 1, ?1, ?2)", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	if (*day_id != 0) {
		sqlite3_bind_int64(st, 3, *day_id);
		sqlite3_bind_int64(st, 4, att->version);
	} else {
		sqlite3_bind_int64(st, 3, att->class_id);
		bind_date(st, 4, &att->day);
	}
	rc = sqlite3_step(st);
	stmt_put(st);
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	if (sqlite3_changes(ctx->db) != 1)
		return mn_fail(err, MN_ERR_CONFLICT, "version",
		    T("the attendance changed while saving",
		    "điểm danh đã thay đổi trong lúc lưu"));
	if (*day_id == 0)
		*day_id = sqlite3_last_insert_rowid(ctx->db);
	return MN_OK;
}

/*
 * Fills final with one entry per child of the class as it is now (from
 * old), with the mark of att, or "present" for a child att lacks.  Also
 * builds the audit values of the children whose mark or note changed.
 */
static void
merge_marks(const struct mn_attendance_day *att,
    const struct mn_attendance_day *old, struct mn_attendance_entry *final,
    struct jbuf *oldj, struct jbuf *newj)
{
	bool first = true;

	for (size_t i = 0; i < old->count; i++) {
		const struct mn_attendance_entry *was = &old->entries[i];
		struct mn_attendance_entry *now = &final[i];
		const struct mn_attendance_entry *mine =
		    mn_attendance_entry((struct mn_attendance_day *)att,
		    was->child_id);

		*now = *was;
		if (mine != NULL) {
			now->mark = mine->mark;
			snprintf(now->note, sizeof now->note, "%s", mine->note);
		} else {
			now->mark = MN_MARK_PRESENT;
			now->note[0] = '\0';
		}
		if (!old->saved || was->mark != now->mark ||
		    strcmp(was->note, now->note) != 0) {
			if (old->saved)
				jb_mark(oldj, was, first);
			jb_mark(newj, now, first);
			first = false;
		}
	}
}

/* Replaces the day's marks by the count entries of final. */
static int
write_marks(struct mn_ctx *ctx, int64_t day_id,
    const struct mn_attendance_entry *final, size_t count,
    struct mn_error *err)
{
	sqlite3_stmt *del, *ins;
	int rc;

	if ((rc = stmt_get(ctx->db, "DELETE FROM attendance_marks "
	    "WHERE class_day_id = ?", &del, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(del, 1, day_id);
	rc = sqlite3_step(del);
	stmt_put(del);
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	if ((rc = stmt_get(ctx->db, "INSERT INTO attendance_marks "
	    "(class_day_id, child_id, mark, note) VALUES (?, ?, ?, ?)", &ins,
	    err)) != MN_OK)
		return rc;
	for (size_t i = 0; i < count; i++) {
		sqlite3_reset(ins);
		sqlite3_bind_int64(ins, 1, day_id);
		sqlite3_bind_int64(ins, 2, final[i].child_id);
		sqlite3_bind_text(ins, 3, mn_mark_name(final[i].mark), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(ins, 4, final[i].note, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			rc = mn_db_fail(ctx->db, err);
			stmt_put(ins);
			return rc;
		}
	}
	stmt_put(ins);
	return MN_OK;
}

/* True when the class-day row is still day_id at version (0: none). */
static int
unchanged(struct mn_ctx *ctx, const struct mn_attendance_day *att,
    int64_t day_id, int64_t version, bool *same, struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = stmt_get(ctx->db, "SELECT id, version FROM class_days "
	    "WHERE class_id = ? AND day = ?", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, att->class_id);
	bind_date(st, 2, &att->day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*same = sqlite3_column_int64(st, 0) == day_id &&
		    sqlite3_column_int64(st, 1) == version;
	else
		*same = day_id == 0;
	stmt_put(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	return MN_OK;
}

static int
conflict(struct mn_ctx *ctx, struct mn_attendance_day *att,
    struct mn_attendance_day *theirs, struct mn_error *err)
{
	struct mn_attendance_day current;
	struct mn_error lerr = { 0 };
	char when[32];
	int64_t day_id;
	int rc;

	rc = load_unchecked(ctx, att->class_id, &att->day, &current, &day_id,
	    true, &lerr);
	if (rc != MN_OK) {
		if (err != NULL)
			*err = lerr;
		return rc;
	}
	mn_time_local(current.changed_at, when, sizeof when);
	mn_fail(err, MN_ERR_CONFLICT, "version",
	    T("%s saved this class's attendance at %s after you opened it; "
	    "compare their marks and keep yours, take theirs or merge",
	    "%s đã lưu điểm danh của lớp lúc %s sau khi bạn mở; hãy so "
	    "sánh rồi giữ bản của bạn, lấy bản của họ hoặc gộp lại"),
	    current.changed_by[0] ? current.changed_by : "?", when);
	if (theirs != NULL)
		*theirs = current;
	else
		mn_attendance_free(&current);
	return MN_ERR_CONFLICT;
}

/*
 * Everything that only reads (the class list, checks, audit values) runs
 * before the write transaction, so the database stays locked only for
 * the version check and the writes.  The version check inside the
 * transaction makes that safe: an unchanged version means unchanged
 * marks.
 */
int
mn_attendance_save(struct mn_ctx *ctx, struct mn_attendance_day *att,
    struct mn_attendance_day *theirs, struct mn_error *err)
{
	struct mn_attendance_day current = { 0 };
	struct mn_attendance_entry *final = NULL;
	struct jbuf oldj = { 0 }, newj = { 0 };
	int64_t day_id = 0;
	char now[32], detail[96], when[16];
	bool same = false;
	int rc;

	if (theirs != NULL)
		memset(theirs, 0, sizeof *theirs);
	if ((rc = mn_attendance_check_write(ctx, att->class_id, &att->day,
	    err)) != MN_OK)
		return rc;
	rc = load_unchecked(ctx, att->class_id, &att->day, &current, &day_id,
	    false, err);
	if (rc != MN_OK)
		return rc;
	if (current.version != att->version) {
		mn_attendance_free(&current);
		return conflict(ctx, att, theirs, err);
	}
	if ((rc = check_entries(ctx, att, &current, err)) != MN_OK)
		goto done;
	final = calloc(current.count ? current.count : 1, sizeof *final);
	if (final == NULL) {
		rc = mn_fail(err, MN_ERR_NOMEM, "", T("out of memory",
		    "hết bộ nhớ"));
		goto done;
	}
	jb_str(&oldj, "{\"marks\":{");
	jb_str(&newj, "{\"marks\":{");
	merge_marks(att, &current, final, &oldj, &newj);
	jb_str(&oldj, "}}");
	jb_str(&newj, "}}");
	if (oldj.failed || newj.failed) {
		rc = mn_fail(err, MN_ERR_NOMEM, "", T("out of memory",
		    "hết bộ nhớ"));
		goto done;
	}
	mn_date_format_iso(&att->day, when, sizeof when);
	snprintf(detail, sizeof detail, "attendance %s %s", current.class_code,
	    when);

	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto done;
	if ((rc = unchanged(ctx, att, day_id, current.version, &same, err)) !=
	    MN_OK)
		goto fail;
	if (!same) {
		mn_tx_rollback(ctx->db);
		rc = conflict(ctx, att, theirs, err);
		goto done;
	}
	mn_now_utc(now, sizeof now);
	if ((rc = write_class_day(ctx, att, &day_id, now, err)) != MN_OK ||
	    (rc = write_marks(ctx, day_id, final, current.count, err)) !=
	    MN_OK ||
	    (rc = mn_audit(ctx->db, &ctx->actor, current.saved ? "update" :
	    "insert", "class_days", day_id, current.saved ? oldj.s : NULL,
	    newj.s, detail, err)) != MN_OK ||
	    (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto fail;
	att->version = current.version + 1;
	att->saved = true;
	snprintf(att->changed_by, sizeof att->changed_by, "%s",
	    ctx->actor.login);
	snprintf(att->changed_at, sizeof att->changed_at, "%s", now);
	goto done;
fail:
	mn_tx_rollback(ctx->db);
done:
	mn_attendance_free(&current);
	free(final);
	free(oldj.s);
	free(newj.s);
	return rc;
}

int
mn_attendance_merge(struct mn_attendance_day *mine,
    const struct mn_attendance_day *base,
    const struct mn_attendance_day *theirs, struct mn_error *err)
{
	int clashes = 0;
	size_t extra = 0;

	for (size_t i = 0; i < mine->count; i++) {
		struct mn_attendance_entry *m = &mine->entries[i];
		const struct mn_attendance_entry *b = mn_attendance_entry(
		    (struct mn_attendance_day *)base, m->child_id);
		const struct mn_attendance_entry *t = mn_attendance_entry(
		    (struct mn_attendance_day *)theirs, m->child_id);
		bool mine_changed, theirs_changed;

		if (t == NULL || b == NULL)
			continue;
		mine_changed = m->mark != b->mark ||
		    strcmp(m->note, b->note) != 0;
		theirs_changed = t->mark != b->mark ||
		    strcmp(t->note, b->note) != 0;
		if (!mine_changed) {
			m->mark = t->mark;
			snprintf(m->note, sizeof m->note, "%s", t->note);
		} else if (theirs_changed && (t->mark != m->mark ||
		    strcmp(t->note, m->note) != 0)) {
			clashes++;
		}
	}
	for (size_t i = 0; i < theirs->count; i++)
		if (mn_attendance_entry(mine, theirs->entries[i].child_id) ==
		    NULL)
			extra++;
	if (extra > 0) {
		struct mn_attendance_entry *p = realloc(mine->entries,
		    (mine->count + extra) * sizeof *p);

		if (p == NULL)
			return mn_fail(err, MN_ERR_NOMEM, "", T("out of memory",
			    "hết bộ nhớ"));
		mine->entries = p;
		for (size_t i = 0; i < theirs->count; i++)
			if (mn_attendance_entry(mine,
			    theirs->entries[i].child_id) == NULL)
				mine->entries[mine->count++] =
				    theirs->entries[i];
	}
	mine->version = theirs->version;
	mine->saved = theirs->saved;
	return clashes;
}
