/*
 * Feedback threads and correction requests from parents.  Each write is
 * one transaction with its audit row.  Rows out of the actor's scope are
 * filtered by the same SQL condition in the list and in single reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db.h"
#include "core/feedback.h"
#include "core/privacy.h"
#include "core/text.h"

static const char *const fields[] = {
	"full_name", "birth_date", "sex", "birth_place", "address",
	"father_name", "father_phone", "mother_name", "mother_phone",
	"guardian_name", "guardian_phone", "pickup_people", "allergies",
	NULL,
};

static const struct {
	const char *field, *en, *vi;
} field_labels[] = {
	{ "full_name", "full name", "họ và tên" },
	{ "birth_date", "date of birth", "ngày sinh" },
	{ "sex", "sex", "giới tính" },
	{ "birth_place", "place of birth", "nơi sinh" },
	{ "address", "address", "địa chỉ" },
	{ "father_name", "father's name", "họ tên cha" },
	{ "father_phone", "father's phone", "điện thoại cha" },
	{ "mother_name", "mother's name", "họ tên mẹ" },
	{ "mother_phone", "mother's phone", "điện thoại mẹ" },
	{ "guardian_name", "guardian's name", "họ tên người giám hộ" },
	{ "guardian_phone", "guardian's phone",
	    "điện thoại người giám hộ" },
	{ "pickup_people", "people allowed to pick up",
	    "người được đón trẻ" },
	{ "allergies", "allergies", "dị ứng" },
};

const char *const *
mn_correction_fields(void)
{
	return fields;
}

const char *
mn_correction_field_label(const char *field)
{
	for (size_t i = 0; i < sizeof field_labels / sizeof *field_labels; i++)
		if (strcmp(field_labels[i].field, field) == 0)
			return mn_pick(field_labels[i].en, field_labels[i].vi);
	return NULL;
}

#define SELECT_FEEDBACK "SELECT f.id, f.parent_id, f.parent_login, " \
	"f.child_id, c.school_code, c.full_name, f.recipient, f.kind, " \
	"f.subject, f.body, f.status, f.assignee_id, asg.login, f.answer, " \
	"f.answered_by, f.answered_at, f.answer_read_at, f.created_at, " \
	"f.closed_at, cr.field, cr.current_value, cr.requested_value, " \
	"cr.decision, cr.decided_by, f.version FROM feedback f " \
	"JOIN children c ON c.id = f.child_id " \
	"LEFT JOIN accounts asg ON asg.id = f.assignee_id " \
	"LEFT JOIN correction_requests cr ON cr.feedback_id = f.id "

/*
 * Scope: ?1 is 1 for the principal, clerk and host; ?2 the parent's
 * account (0 if not a parent); ?3 the teacher's account (0 if not one).
 */
#define SCOPE "(?1 = 1 " \
	"OR (?2 > 0 AND f.parent_id = ?2 AND EXISTS (SELECT 1 FROM " \
	"parent_children pc WHERE pc.account_id = ?2 " \
	"AND pc.child_id = f.child_id)) " \
	"OR (?3 > 0 AND (f.assignee_id = ?3 OR (f.recipient = 'teacher' " \
	"AND EXISTS (SELECT 1 FROM children tc JOIN class_teachers ct " \
	"ON ct.class_id = tc.class_id JOIN staff s ON s.id = ct.staff_id " \
	"WHERE tc.id = f.child_id AND s.account_id = ?3)))))"

static void
bind_scope(struct mn_ctx *ctx, sqlite3_stmt *stmt)
{
	const struct mn_actor *a = &ctx->actor;

	sqlite3_bind_int(stmt, 1, mn_allowed_all(a, MN_ACT_FEEDBACK_HANDLE));
	sqlite3_bind_int64(stmt, 2, mn_allowed_as(a, MN_ACT_FEEDBACK_SEND,
	    MN_ROLE_PARENT) ? a->account_id : 0);
	sqlite3_bind_int64(stmt, 3, mn_allowed_as(a, MN_ACT_FEEDBACK_HANDLE,
	    MN_ROLE_TEACHER) ? a->account_id : 0);
}

static void
read_row(sqlite3_stmt *stmt, struct mn_feedback *f)
{
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(stmt, 0);
	f->parent_id = sqlite3_column_int64(stmt, 1);
	mn_priv_col(f->parent_login, sizeof f->parent_login, stmt, 2);
	f->child_id = sqlite3_column_int64(stmt, 3);
	mn_priv_col(f->child_code, sizeof f->child_code, stmt, 4);
	mn_priv_col(f->child_name, sizeof f->child_name, stmt, 5);
	mn_priv_col(f->recipient, sizeof f->recipient, stmt, 6);
	mn_priv_col(f->kind, sizeof f->kind, stmt, 7);
	mn_priv_col(f->subject, sizeof f->subject, stmt, 8);
	mn_priv_col(f->body, sizeof f->body, stmt, 9);
	mn_priv_col(f->status, sizeof f->status, stmt, 10);
	f->assignee_id = sqlite3_column_int64(stmt, 11);
	mn_priv_col(f->assignee_login, sizeof f->assignee_login, stmt, 12);
	mn_priv_col(f->answer, sizeof f->answer, stmt, 13);
	mn_priv_col(f->answered_by, sizeof f->answered_by, stmt, 14);
	mn_priv_col(f->answered_at, sizeof f->answered_at, stmt, 15);
	mn_priv_col(f->answer_read_at, sizeof f->answer_read_at, stmt, 16);
	mn_priv_col(f->created_at, sizeof f->created_at, stmt, 17);
	mn_priv_col(f->closed_at, sizeof f->closed_at, stmt, 18);
	mn_priv_col(f->field, sizeof f->field, stmt, 19);
	mn_priv_col(f->current_value, sizeof f->current_value, stmt, 20);
	mn_priv_col(f->requested_value, sizeof f->requested_value, stmt, 21);
	mn_priv_col(f->decision, sizeof f->decision, stmt, 22);
	mn_priv_col(f->decided_by, sizeof f->decided_by, stmt, 23);
	f->version = sqlite3_column_int64(stmt, 24);
}

/* A new thread's row, its text already cleaned. */
struct thread {
	int64_t child_id;
	const char *recipient, *kind, *subject, *body;
};

/* The correction_requests row that goes with a correction thread. */
struct correction_row {
	const char *field, *current, *value;
};

/* Inserts the thread row; the caller owns the transaction. */
static int
insert_thread(struct mn_ctx *ctx, const struct thread *t, int64_t *id,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char now[32];
	int rc;

	mn_now_utc(now, sizeof now);
	if ((rc = mn_prepare(ctx->db, "INSERT INTO feedback (parent_id, "
	    "parent_login, child_id, recipient, kind, subject, body, "
	    "created_at, changed_by, changed_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
	sqlite3_bind_text(stmt, 2, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, t->child_id);
	sqlite3_bind_text(stmt, 4, t->recipient, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, t->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, t->subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, t->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 10, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc == MN_OK)
		*id = sqlite3_last_insert_rowid(ctx->db);
	return rc;
}

static int
insert_correction(struct mn_ctx *ctx, int64_t feedback_id,
    const struct correction_row *row, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = mn_prepare(ctx->db, "INSERT INTO correction_requests "
	    "(feedback_id, field, current_value, requested_value) "
	    "VALUES (?, ?, ?, ?)", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, feedback_id);
	sqlite3_bind_text(stmt, 2, row->field, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, row->current, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, row->value, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

/*
 * Inserts thread t, with row when not NULL, and the audit row (json,
 * detail) in one transaction.  Sets *id (when not NULL) on success.
 */
static int
send_thread(struct mn_ctx *ctx, const struct thread *t,
    const struct correction_row *row, const char *json, const char *detail,
    int64_t *id, struct mn_error *err)
{
	int64_t new_id = 0;
	int rc;

	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	if ((rc = insert_thread(ctx, t, &new_id, err)) != MN_OK ||
	    (row != NULL && (rc = insert_correction(ctx, new_id, row,
	    err)) != MN_OK) ||
	    (rc = mn_audit(ctx->db, &ctx->actor, "insert", "feedback", new_id,
	    NULL, json, detail, err)) != MN_OK ||
	    (rc = mn_tx_commit(ctx->db, err)) != MN_OK) {
		mn_tx_rollback(ctx->db);
		return rc;
	}
	if (id != NULL)
		*id = new_id;
	return MN_OK;
}

int
mn_feedback_send(struct mn_ctx *ctx, int64_t child_id, const char *recipient,
    const char *kind, const char *subject, const char *body, int64_t *id,
    struct mn_error *err)
{
	char *s = NULL, *b = NULL, *json = NULL;
	int rc;

	if ((rc = mn_require_child(ctx, MN_ACT_FEEDBACK_SEND, child_id,
	    "feedback_send", err)) != MN_OK)
		return rc;
	if (recipient == NULL || (strcmp(recipient, "teacher") != 0 &&
	    strcmp(recipient, "school") != 0))
		return mn_fail(err, MN_ERR_INVALID, "recipient",
		    T("recipient: expected 'teacher' or 'school'",
		    "người nhận: cần 'teacher' (giáo viên) hoặc 'school' "
		    "(nhà trường)"));
	if (kind == NULL || (strcmp(kind, "feedback") != 0 &&
	    strcmp(kind, "complaint") != 0))
		return mn_fail(err, MN_ERR_INVALID, "kind",
		    T("kind: expected 'feedback' or 'complaint'",
		    "loại: cần 'feedback' (góp ý) hoặc 'complaint' "
		    "(khiếu nại)"));
	if ((rc = mn_priv_clean(subject, T("subject", "tiêu đề"),
	    MN_FEEDBACK_SUBJECT_MAX, true, &s, err)) != MN_OK ||
	    (rc = mn_priv_clean(body, T("message", "nội dung"),
	    MN_FEEDBACK_BODY_MAX, true, &b, err)) != MN_OK)
		goto out;
	json = mn_priv_json(ctx->db, "recipient", recipient, "kind", kind,
	    "subject", s, "body", b, NULL);
	rc = send_thread(ctx, &(struct thread){ child_id, recipient, kind, s,
	    b }, NULL, json, "feedback sent", id, err);
out:
	free(s);
	free(b);
	free(json);
	return rc;
}

int
mn_correction_request(struct mn_ctx *ctx, int64_t child_id,
    const char *field, const char *requested_value, const char *note,
    int64_t *id, struct mn_error *err)
{
	char *value = NULL, *text = NULL, *json = NULL, subject[160];
	char current[4 * MN_CORRECTION_VALUE_MAX + 1];
	const char *label;
	int rc;

	if ((rc = mn_require_child(ctx, MN_ACT_FEEDBACK_SEND, child_id,
	    "correction_request", err)) != MN_OK)
		return rc;
	if (field == NULL || (label = mn_correction_field_label(field)) ==
	    NULL)
		return mn_fail(err, MN_ERR_INVALID, "field",
		    T("field: expected one of full_name, birth_date, sex, "
		    "birth_place, address, father_name, father_phone, "
		    "mother_name, mother_phone, guardian_name, guardian_phone, "
		    "pickup_people, allergies",
		    "trường: cần một trong full_name, birth_date, sex, "
		    "birth_place, address, father_name, father_phone, "
		    "mother_name, mother_phone, guardian_name, guardian_phone, "
		    "pickup_people, allergies"));
	if ((rc = mn_priv_clean(requested_value, T("new value", "giá trị mới"),
	    MN_CORRECTION_VALUE_MAX, false, &value, err)) != MN_OK ||
	    (rc = mn_priv_clean(note, T("message", "nội dung"),
	    MN_FEEDBACK_BODY_MAX, false, &text, err)) != MN_OK)
		goto out;
	mn_correction_current(ctx, child_id, field, current, sizeof current);
	snprintf(subject, sizeof subject, "%s: %s",
	    T("Correction", "Đề nghị sửa"), label);
	json = mn_priv_json(ctx->db, "field", field, "current", current,
	    "requested", value, "note", text, NULL);
	rc = send_thread(ctx, &(struct thread){ child_id, "teacher",
	    "correction", subject, text }, &(struct correction_row){ field,
	    current, value }, json, "correction requested", id, err);
out:
	free(value);
	free(text);
	free(json);
	return rc;
}

int
mn_feedback_list(struct mn_ctx *ctx, const struct mn_feedback_filter *filter,
    int (*fn)(const struct mn_feedback *f, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_feedback *f;
	int rc;

	if (!mn_allowed(&ctx->actor, MN_ACT_FEEDBACK_SEND) &&
	    (rc = mn_require(ctx->db, &ctx->actor, MN_ACT_FEEDBACK_HANDLE,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, SELECT_FEEDBACK "WHERE " SCOPE
	    " AND (?4 IS NULL OR f.status = ?4) AND (?5 = 0 OR f.child_id = ?5)"
	    " ORDER BY f.created_at DESC, f.id DESC", &stmt, err)) != MN_OK)
		return rc;
	bind_scope(ctx, stmt);
	if (filter != NULL && filter->status != NULL)
		sqlite3_bind_text(stmt, 4, filter->status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 5, filter ? filter->child_id : 0);
	if ((f = malloc(sizeof *f)) == NULL) {
		sqlite3_finalize(stmt);
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_row(stmt, f);
		if (fn(f, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	free(f);
	return rc;
}

/* Reads one thread in scope; a thread out of scope is denied and audited. */
static int
load(struct mn_ctx *ctx, int64_t id, const char *what, struct mn_feedback *f,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = mn_prepare(ctx->db, SELECT_FEEDBACK "WHERE " SCOPE
	    " AND f.id = ?4", &stmt, err)) != MN_OK)
		return rc;
	bind_scope(ctx, stmt);
	sqlite3_bind_int64(stmt, 4, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		read_row(stmt, f);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	mn_audit(ctx->db, &ctx->actor, "denied", "feedback", id, NULL, NULL,
	    what, NULL);
	return mn_fail(err, MN_ERR_DENIED, "feedback",
	    T("feedback %lld does not exist or is not yours to see",
	    "góp ý số %lld không có hoặc bạn không được xem"), (long long)id);
}

int
mn_feedback_get(struct mn_ctx *ctx, int64_t id, struct mn_feedback *f,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	bool first_read;
	char now[32];
	int rc;

	if (!mn_allowed(&ctx->actor, MN_ACT_FEEDBACK_SEND) &&
	    (rc = mn_require(ctx->db, &ctx->actor, MN_ACT_FEEDBACK_HANDLE,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	if ((rc = load(ctx, id, "feedback_view", f, err)) != MN_OK) {
		/* Keep the "denied" audit row. */
		if (mn_tx_commit(ctx->db, NULL) != MN_OK)
			mn_tx_rollback(ctx->db);
		return rc;
	}
	first_read = f->parent_id == ctx->actor.account_id &&
	    f->answered_at[0] != '\0' && f->answer_read_at[0] == '\0';
	if (first_read) {
		mn_now_utc(now, sizeof now);
		if ((rc = mn_prepare(ctx->db, "UPDATE feedback SET "
		    "answer_read_at = ? WHERE id = ?", &stmt, err)) != MN_OK)
			goto rollback;
		sqlite3_bind_text(stmt, 1, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, id);
		rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
		    mn_db_fail(ctx->db, err);
		sqlite3_finalize(stmt);
		if (rc != MN_OK)
			goto rollback;
		memcpy(f->answer_read_at, now, sizeof f->answer_read_at - 1);
	}
	if ((rc = mn_audit(ctx->db, &ctx->actor, "view", "feedback", id,
	    NULL, NULL, first_read ? "answer read by the parent" : NULL,
	    err)) != MN_OK || (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto rollback;
	return MN_OK;
rollback:
	mn_tx_rollback(ctx->db);
	return rc;
}

/*
 * Runs one UPDATE on a thread in scope: ?1 id, ?2 version, ?3 actor
 * login, ?4 number, ?5 text.  Writes the audit row with the given
 * old and new JSON.
 */
struct change {
	const char *sql;
	int64_t number;
	const char *text;
	const char *detail;
	char *old_json, *new_json;
};

static int
apply_change(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct change *ch, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = mn_prepare(ctx->db, ch->sql, &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, version);
	sqlite3_bind_text(stmt, 3, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, ch->number);
	if (ch->text != NULL)
		sqlite3_bind_text(stmt, 5, ch->text, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK)
		return rc;
	if (sqlite3_changes(ctx->db) == 0)
		return mn_fail(err, MN_ERR_CONFLICT, "",
		    T("feedback %lld was changed by someone else since you "
		    "opened it; reload it and try again",
		    "góp ý số %lld vừa được người khác sửa; hãy tải lại và "
		    "làm lại"), (long long)id);
	return mn_audit(ctx->db, &ctx->actor, "update", "feedback", id,
	    ch->old_json, ch->new_json, ch->detail, err);
}

#define STAMP "version = version + 1, changed_by = ?3, " \
	"changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int
staff_account(sqlite3 *db, const char *login, int64_t *id,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char shown[64];
	int rc;

	*id = 0;
	if ((rc = mn_prepare(db, "SELECT a.id FROM accounts a WHERE "
	    "a.login = ? AND a.locked = 0 AND EXISTS (SELECT 1 FROM "
	    "account_roles r WHERE r.account_id = a.id AND r.role IN "
	    "('principal', 'teacher', 'clerk'))", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (*id != 0)
		return MN_OK;
	mn_text_safe(login, shown, sizeof shown);
	return mn_fail(err, MN_ERR_INVALID, "assignee",
	    T("assignee: '%s' is not an active principal, teacher or clerk "
	    "account", "người xử lý: '%s' không phải tài khoản hiệu trưởng, "
	    "giáo viên hay văn thư đang hoạt động"), shown);
}

/*
 * Loads thread id and applies ch to it in one transaction.  old_json
 * builds ch's old JSON from the thread as stored.  A thread out of scope
 * keeps its "denied" audit row; with open_only a closed thread is
 * rejected.  The caller frees ch's JSON.
 */
static int
change_thread(struct mn_ctx *ctx, int64_t id, int64_t version,
    const char *what, bool open_only, struct change *ch,
    char *(*old_json)(sqlite3 *db, const struct mn_feedback *f),
    struct mn_error *err)
{
	struct mn_feedback *f;
	int rc;

	if ((f = malloc(sizeof *f)) == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	if ((rc = load(ctx, id, what, f, err)) != MN_OK) {
		if (mn_tx_commit(ctx->db, NULL) != MN_OK)
			mn_tx_rollback(ctx->db);
		goto out;
	}
	if (open_only && strcmp(f->status, "closed") == 0) {
		rc = mn_fail(err, MN_ERR_INVALID, "status",
		    T("feedback %lld is closed", "góp ý số %lld đã đóng"),
		    (long long)id);
		mn_tx_rollback(ctx->db);
		goto out;
	}
	ch->old_json = old_json(ctx->db, f);
	if ((rc = apply_change(ctx, id, version, ch, err)) != MN_OK ||
	    (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		mn_tx_rollback(ctx->db);
out:
	free(f);
	return rc;
}

static char *
assign_old_json(sqlite3 *db, const struct mn_feedback *f)
{
	return mn_priv_json(db, "assignee", f->assignee_login, "status",
	    f->status, NULL);
}

int
mn_feedback_assign(struct mn_ctx *ctx, int64_t id, const char *assignee_login,
    int64_t version, struct mn_error *err)
{
	struct change ch = {
		.sql = "UPDATE feedback SET assignee_id = ?4, status = CASE "
		    "WHEN status = 'new' THEN 'in_progress' ELSE status END, "
		    STAMP " WHERE id = ?1 AND version = ?2",
		.detail = "feedback assigned",
	};
	int64_t assignee;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_FEEDBACK_HANDLE,
	    err)) != MN_OK)
		return rc;
	if (assignee_login == NULL || (rc = staff_account(ctx->db,
	    assignee_login, &assignee, err)) != MN_OK)
		return rc != MN_OK ? rc : mn_fail(err, MN_ERR_INVALID,
		    "assignee", T("assignee: missing",
		    "người xử lý: bị thiếu"));
	/* A teacher takes a thread for herself; she does not hand it on. */
	if (!mn_allowed(&ctx->actor, MN_ACT_FEEDBACK_ASSIGN) &&
	    assignee != ctx->actor.account_id) {
		mn_audit(ctx->db, &ctx->actor, "denied", "feedback", id, NULL,
		    NULL, "feedback_assign: to another account", NULL);
		return mn_fail(err, MN_ERR_DENIED, "assignee",
		    T("assignee: a teacher can assign feedback only to "
		    "herself", "người xử lý: giáo viên chỉ có thể nhận góp ý "
		    "cho chính mình"));
	}
	ch.number = assignee;
	ch.new_json = mn_priv_json(ctx->db, "assignee", assignee_login, NULL);
	rc = change_thread(ctx, id, version, "feedback_assign", true, &ch,
	    assign_old_json, err);
	free(ch.old_json);
	free(ch.new_json);
	return rc;
}

static char *
answer_old_json(sqlite3 *db, const struct mn_feedback *f)
{
	return mn_priv_json(db, "answer", f->answer, "status", f->status,
	    NULL);
}

int
mn_feedback_answer(struct mn_ctx *ctx, int64_t id, const char *answer,
    int64_t version, struct mn_error *err)
{
	struct change ch = {
		.sql = "UPDATE feedback SET answer = ?5, status = 'answered', "
		    "answered_by = ?3, answered_at = strftime("
		    "'%Y-%m-%dT%H:%M:%SZ', 'now'), answer_read_at = NULL, "
		    STAMP " WHERE id = ?1 AND version = ?2",
		.detail = "feedback answered",
	};
	char *text = NULL;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_FEEDBACK_HANDLE,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_priv_clean(answer, T("answer", "trả lời"),
	    MN_FEEDBACK_BODY_MAX, true, &text, err)) != MN_OK)
		return rc;
	ch.text = text;
	ch.new_json = mn_priv_json(ctx->db, "answer", text, "status",
	    "answered", NULL);
	rc = change_thread(ctx, id, version, "feedback_answer", true, &ch,
	    answer_old_json, err);
	free(ch.old_json);
	free(ch.new_json);
	free(text);
	return rc;
}

static char *
close_old_json(sqlite3 *db, const struct mn_feedback *f)
{
	return mn_priv_json(db, "status", f->status, NULL);
}

int
mn_feedback_close(struct mn_ctx *ctx, int64_t id, int64_t version,
    struct mn_error *err)
{
	struct change ch = {
		.sql = "UPDATE feedback SET status = 'closed', closed_at = "
		    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), " STAMP
		    " WHERE id = ?1 AND version = ?2",
		.detail = "feedback closed",
	};
	int rc;

	if (!mn_allowed(&ctx->actor, MN_ACT_FEEDBACK_SEND) &&
	    (rc = mn_require(ctx->db, &ctx->actor, MN_ACT_FEEDBACK_HANDLE,
	    err)) != MN_OK)
		return rc;
	ch.new_json = mn_priv_json(ctx->db, "status", "closed", NULL);
	rc = change_thread(ctx, id, version, "feedback_close", false, &ch,
	    close_old_json, err);
	free(ch.old_json);
	free(ch.new_json);
	return rc;
}

int
mn_correction_decide(struct mn_ctx *ctx, int64_t id, bool accept,
    const char *reason, int64_t version, struct mn_error *err)
{
	struct mn_feedback *f;
	sqlite3_stmt *stmt;
	struct change ch = {
		.sql = "UPDATE feedback SET answer = ?5, status = 'answered', "
		    "answered_by = ?3, answered_at = strftime("
		    "'%Y-%m-%dT%H:%M:%SZ', 'now'), answer_read_at = NULL, "
		    STAMP " WHERE id = ?1 AND version = ?2",
	};
	char *text = NULL;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CORRECTION_DECIDE,
	    err)) !=
	    MN_OK)
		return rc;
	if ((rc = mn_priv_clean(reason, T("reason", "lý do"),
	    MN_FEEDBACK_BODY_MAX, !accept, &text, err)) != MN_OK)
		return rc;
	if ((f = malloc(sizeof *f)) == NULL) {
		free(text);
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	}
	/*
	 * A short transaction keeps a "denied" row; the change itself runs
	 * later, because the registers core opens its own transaction.
	 */
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	rc = load(ctx, id, "correction_decide", f, err);
	if (mn_tx_commit(ctx->db, NULL) != MN_OK)
		mn_tx_rollback(ctx->db);
	if (rc != MN_OK)
		goto out;
	if (strcmp(f->kind, "correction") != 0 || f->decision[0] != '\0' ||
	    f->version != version) {
		rc = f->version != version ? mn_fail(err, MN_ERR_CONFLICT, "",
		    T("feedback %lld was changed by someone else since you "
		    "opened it; reload it and try again",
		    "góp ý số %lld vừa được người khác sửa; hãy tải lại và "
		    "làm lại"), (long long)id) : mn_fail(err, MN_ERR_INVALID,
		    "feedback", T("feedback %lld is not an open correction "
		    "request", "góp ý số %lld không phải đề nghị sửa đang chờ"),
		    (long long)id);
		goto out;
	}
	/*
	 * NOTE: the record changes in the registers core's own transaction
	 * first; if recording the decision then fails, the record is
	 * changed and the request still shows as open.
	 */
	if (accept && (rc = mn_correction_apply(ctx, f->child_id, f->field,
	    f->requested_value, err)) != MN_OK)
		goto out;

	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	if ((rc = mn_prepare(ctx->db, "UPDATE correction_requests SET "
	    "decision = ?, decided_by = ?, decided_at = strftime("
	    "'%Y-%m-%dT%H:%M:%SZ', 'now'), reason = ? WHERE feedback_id = ?",
	    &stmt, err)) != MN_OK)
		goto rollback;
	sqlite3_bind_text(stmt, 1, accept ? "accepted" : "rejected", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, id);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK)
		goto rollback;
	ch.text = text[0] ? text : accept ?
	    T("Your correction was made.", "Thông tin đã được sửa theo đề "
	    "nghị.") : "";
	ch.detail = accept ? "correction accepted" : "correction rejected";
	ch.old_json = mn_priv_json(ctx->db, "decision", NULL, NULL);
	ch.new_json = mn_priv_json(ctx->db, "decision", accept ? "accepted" :
	    "rejected", "reason", text, NULL);
	if ((rc = apply_change(ctx, id, version, &ch, err)) != MN_OK ||
	    (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto rollback;
	goto out;
rollback:
	mn_tx_rollback(ctx->db);
out:
	free(ch.old_json);
	free(ch.new_json);
	free(text);
	free(f);
	return rc;
}
