/*
 * Feedback between parents and the school.  Parents write feedback or a
 * complaint to the class teacher or the school, or ask to correct a
 * field of their child's record, and read the answers (40x15).  Staff
 * work through an inbox filtered by status: assign, answer, close, and
 * accept or reject corrections (80x24).  The core decides what each
 * account sees; text from parents is drawn through tui_text, which
 * neutralises control characters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/date.h"
#include "core/feedback.h"
#include "core/parents.h"
#include "tui/draft_kinds.h"
#include "tui/keys.h"
#include "tui/screens.h"

enum {
	ACT_NEW = TUI_ACT_USER,
	ACT_CORRECTION,
	ACT_FILTER,
	ACT_ASSIGN,
	ACT_ANSWER,
	ACT_CLOSE,
	ACT_DECIDE,
};

static const struct tui_keydef parent_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Open", "Xem",
	    TUI_ACT_SELECT },
	{ { 'n', TK(KEY_IC) }, "n", "Write", "Viết", ACT_NEW },
	{ { 'c' }, "c", "Correct data", "Sửa hồ sơ", ACT_CORRECTION },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef inbox_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Open", "Xem",
	    TUI_ACT_SELECT },
	{ { 's' }, "s", "Status filter", "Lọc trạng thái", ACT_FILTER },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef parent_thread_keys[] = {
	{ { TK_ESC, TK(KEY_LEFT), TK_ENTER }, "Esc", "Back", "Quay lại",
	    TUI_ACT_BACK },
	{ { 'x' }, "x", "Close", "Đóng", ACT_CLOSE },
	{ .name = NULL }
};

static const struct tui_keydef staff_thread_keys[] = {
	{ { 'r' }, "r", "Answer", "Trả lời", ACT_ANSWER },
	{ { 'a' }, "a", "Assign", "Giao việc", ACT_ASSIGN },
	{ { 'd' }, "d", "Decide correction", "Duyệt đề nghị sửa",
	    ACT_DECIDE },
	{ { 'x' }, "x", "Close", "Đóng", ACT_CLOSE },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column parent_columns[] = {
	{ "Status", "Trạng thái", 11 },
	{ "Subject", "Tiêu đề", 0 },
};

static const struct tui_column inbox_columns[] = {
	{ "Date", "Ngày", 10 },
	{ "Status", "Trạng thái", 11 },
	{ "Child", "Trẻ", 10 },
	{ "Kind", "Loại", 11 },
	{ "Assigned", "Phụ trách", 12 },
	{ "Subject", "Tiêu đề", 0 },
};

#define INBOX_NCOLS 6

static const char *const status_names[] = {
	"new", "in_progress", "answered", "closed", NULL
};

static const char *
status_label(const char *status)
{
	if (strcmp(status, "new") == 0)
		return T("new", "mới");
	if (strcmp(status, "in_progress") == 0)
		return T("in progress", "đang xử lý");
	if (strcmp(status, "answered") == 0)
		return T("answered", "đã trả lời");
	if (strcmp(status, "closed") == 0)
		return T("closed", "đã đóng");
	return status;
}

static const char *
kind_label(const char *kind)
{
	if (strcmp(kind, "complaint") == 0)
		return T("complaint", "khiếu nại");
	if (strcmp(kind, "correction") == 0)
		return T("correction", "đề nghị sửa");
	return T("feedback", "góp ý");
}

static const char *
recipient_label(const char *recipient)
{
	return strcmp(recipient, "school") == 0 ? T("the school",
	    "nhà trường") : T("the class teacher", "giáo viên lớp");
}

/* ---- The list of threads, shared by both screens -------------------- */

struct thread_rows {
	struct tui_list list;
	int64_t *ids;		/* same order as the list rows */
	int n, cap;
	bool staff;
};

static int
add_thread(const struct mn_feedback *fb, void *arg)
{
	struct thread_rows *rows = arg;
	char day[16], child[64];
	const char *cells[INBOX_NCOLS];

	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 32;
		int64_t *grown = realloc(rows->ids, sizeof *grown * cap);

		if (grown == NULL)
			return 1;
		rows->ids = grown;
		rows->cap = cap;
	}
	if (rows->staff) {
		mn_time_local_day(fb->created_at, day, sizeof day);
		snprintf(child, sizeof child, "%s", fb->child_code);
		cells[0] = day;
		cells[1] = status_label(fb->status);
		cells[2] = child;
		cells[3] = kind_label(fb->kind);
		cells[4] = fb->assignee_login;
		cells[5] = fb->subject;
	} else {
		cells[0] = status_label(fb->status);
		cells[1] = fb->subject;
	}
	if (tui_list_add(&rows->list, cells) != MN_OK)
		return 1;
	rows->ids[rows->n++] = fb->id;
	return 0;
}

static void
reload(struct tui *ui, struct thread_rows *rows, const char *status)
{
	struct mn_feedback_filter filter = { .status = status };
	struct mn_error err;
	int64_t keep = 0;
	int sel = tui_list_selected(&rows->list);

	if (sel >= 0)
		keep = rows->ids[sel];
	tui_list_clear(&rows->list);
	rows->n = 0;
	mn_error_clear(&err);
	if (mn_feedback_list(ui->ctx, &filter, add_thread, rows, &err) !=
	    MN_OK)
		tui_error(ui, "%s", err.message);
	for (int i = 0; i < rows->list.nshown; i++)
		if (rows->ids[rows->list.shown[i]] == keep)
			rows->list.sel = i;
}

/* ---- One thread ------------------------------------------------------ */

static char *
thread_text(const struct mn_feedback *fb, bool staff)
{
	char *text = NULL, day[16];
	size_t size;
	FILE *f;

	if ((f = open_memstream(&text, &size)) == NULL)
		return NULL;
	mn_time_local_day(fb->created_at, day, sizeof day);
	fprintf(f, "%s\n", fb->subject);
	fprintf(f, "%s: %s, %s %s\n", T("Sent", "Gửi"), day,
	    T("to", "tới"), recipient_label(fb->recipient));
	fprintf(f, "%s: %s (%s)\n", T("Child", "Trẻ"), fb->child_name,
	    fb->child_code);
	if (staff)
		fprintf(f, "%s: %s\n", T("Parent", "Phụ huynh"),
		    fb->parent_login);
	fprintf(f, "%s: %s, %s\n", T("Status", "Trạng thái"),
	    kind_label(fb->kind), status_label(fb->status));
	if (staff && fb->assignee_login[0] != '\0')
		fprintf(f, "%s: %s\n", T("Assigned to", "Người phụ trách"),
		    fb->assignee_login);
	if (strcmp(fb->kind, "correction") == 0) {
		const char *label = mn_correction_field_label(fb->field);

		fprintf(f, "%s: %s\n", T("Field", "Trường"),
		    label != NULL ? label : fb->field);
		fprintf(f, "%s: %s\n", T("Recorded", "Đang ghi"),
		    fb->current_value);
		fprintf(f, "%s: %s\n", T("Requested", "Đề nghị"),
		    fb->requested_value);
		if (fb->decision[0] != '\0')
			fprintf(f, "%s: %s\n", T("Decision", "Quyết định"),
			    strcmp(fb->decision, "accepted") == 0 ?
			    T("accepted", "chấp nhận") :
			    T("rejected", "từ chối"));
	}
	fprintf(f, "\n%s\n", fb->body);
	if (fb->answer[0] != '\0') {
		mn_time_local_day(fb->answered_at, day, sizeof day);
		fprintf(f, "\n%s (%s, %s):\n%s\n", T("Answer", "Trả lời"),
		    fb->answered_by, day, fb->answer);
	} else
		fprintf(f, "\n%s\n", T("No answer yet.", "Chưa có trả lời."));
	fclose(f);
	return text;
}

/*
 * Sets up a form of text rows under heading that keeps a draft under
 * draft_key; key must outlive the form.
 */
static void
text_form(struct tui_form *form, const char *heading,
    struct tui_form_row *rows, int nrows, const char *key)
{
	memset(form, 0, sizeof *form);
	form->heading = heading;
	form->rows = rows;
	form->nrows = nrows;
	form->enter_submits = true;
	form->draft_key = key;
}

/*
 * Runs the form, reporting the core's last error (if any) with
 * tui_form_failed, so a failed save keeps the values typed.
 */
static int
ask_text(struct tui *ui, struct tui_form *form, const struct mn_error *last)
{
	if (last != NULL && last->status != MN_OK)
		tui_form_failed(ui, form, last);
	return tui_form_run(ui, form);
}

/*
 * After someone else changed the thread meanwhile: fills err with a
 * message naming the stored status (or with the reason the thread
 * cannot be read again) and checks the next save against the stored
 * version.  The form keeps the user's values.
 */
static void
thread_conflict(struct tui *ui, struct tui_form *form, int64_t id,
    struct mn_error *err)
{
	struct mn_feedback stored;
	struct mn_error get_err;

	mn_error_clear(&get_err);
	if (mn_feedback_get(ui->ctx, id, &stored, &get_err) != MN_OK) {
		*err = get_err;
		return;
	}
	form->version = stored.version;
	mn_fail(err, MN_ERR_CONFLICT, "", T("Feedback %lld was changed by "
	    "someone else meanwhile (status now: %s); your text is kept: F2 "
	    "saves it, Esc leaves it", "Góp ý số %lld vừa được người khác sửa "
	    "(trạng thái: %s); nội dung bạn nhập vẫn giữ: F2 để lưu, Esc để "
	    "bỏ"), (long long)id, status_label(stored.status));
}

/*
 * The staff forms on a thread keep drafts under "KIND:ID" and save
 * against form.version, which starts as the thread's version and which
 * a reopened draft sets to the version it was read at.
 */
static int
answer_thread(struct tui *ui, const struct mn_feedback *fb)
{
	struct tui_form_row row[] = {
		{ .name = "answer", .en = "Answer", .vi = "Trả lời" },
	};
	struct tui_form form;
	struct mn_error err;
	char key[MN_DRAFT_KEY_SIZE];
	int rc;

	snprintf(key, sizeof key, "feedback_answer:%lld", (long long)fb->id);
	text_form(&form, fb->subject, row, 1, key);
	form.version = fb->version;
	tui_field_init(&row[0].field, 500, TUI_SHOW);
	mn_error_clear(&err);
	for (;;) {
		char *text;

		if ((rc = ask_text(ui, &form, &err)) != TUI_OK)
			return rc;
		text = tui_field_get(&row[0].field);
		mn_error_clear(&err);
		rc = mn_feedback_answer(ui->ctx, fb->id, text != NULL ? text :
		    "", form.version, &err);
		free(text);
		if (rc == MN_OK) {
			tui_message(ui, "%s", T("Answer sent",
			    "Đã gửi trả lời"));
			return TUI_OK;
		}
		if (rc == MN_ERR_CONFLICT)
			thread_conflict(ui, &form, fb->id, &err);
	}
}

static int
assign_thread(struct tui *ui, const struct mn_feedback *fb)
{
	struct tui_form_row row[] = {
		{ .name = "assignee", .en = "Staff login",
		    .vi = "Tài khoản phụ trách" },
	};
	struct tui_form form;
	struct mn_error err;
	char key[MN_DRAFT_KEY_SIZE], *login;
	int rc;

	snprintf(key, sizeof key, "feedback_assign:%lld", (long long)fb->id);
	text_form(&form, fb->subject, row, 1, key);
	form.version = fb->version;
	tui_field_init(&row[0].field, 32, TUI_SHOW);
	tui_field_set(&row[0].field, ui->ctx->actor.login);
	mn_error_clear(&err);
	for (;;) {
		if ((rc = ask_text(ui, &form, &err)) != TUI_OK)
			return rc;
		login = tui_field_get(&row[0].field);
		mn_error_clear(&err);
		rc = mn_feedback_assign(ui->ctx, fb->id, login != NULL ? login :
		    "", form.version, &err);
		if (rc == MN_OK)
			tui_message(ui, T("Assigned to %s", "Đã giao cho %s"),
			    login != NULL ? login : "");
		free(login);
		if (rc == MN_OK)
			return TUI_OK;
		if (rc == MN_ERR_CONFLICT)
			thread_conflict(ui, &form, fb->id, &err);
	}
}

static int
close_thread(struct tui *ui, const struct mn_feedback *fb)
{
	struct mn_error err;
	int rc;

	if ((rc = tui_confirm(ui, T("Close this thread?",
	    "Đóng góp ý này?"), false)) != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	mn_error_clear(&err);
	if (mn_feedback_close(ui->ctx, fb->id, fb->version, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	else
		tui_message(ui, "%s", T("Closed", "Đã đóng"));
	return TUI_OK;
}

/* Returns the label of a correction decision, accepting or rejecting. */
static const char *
decision_label(bool accept)
{
	return accept ? T("Accept: change the record", "Chấp nhận: sửa hồ sơ") :
	    T("Reject", "Từ chối");
}

/* Asks the answer to the parent and records the decision. */
static int
decide_form(struct tui *ui, const struct mn_feedback *fb, bool accept)
{
	struct tui_form_row row[] = {
		{ .name = "reason", .en = "Answer to the parent",
		    .vi = "Trả lời phụ huynh" },
	};
	struct tui_form form;
	struct mn_error err;
	char key[MN_DRAFT_KEY_SIZE], *reason;
	int rc;

	snprintf(key, sizeof key, "feedback_decide:%lld:%s",
	    (long long)fb->id, accept ? "accept" : "reject");
	text_form(&form, decision_label(accept), row, 1, key);
	form.version = fb->version;
	tui_field_init(&row[0].field, 500, TUI_SHOW);
	mn_error_clear(&err);
	for (;;) {
		if ((rc = ask_text(ui, &form, &err)) != TUI_OK)
			return rc;
		reason = tui_field_get(&row[0].field);
		mn_error_clear(&err);
		rc = mn_correction_decide(ui->ctx, fb->id, accept,
		    reason != NULL ? reason : "", form.version, &err);
		free(reason);
		if (rc == MN_OK) {
			tui_message(ui, "%s", accept ? T("Record corrected",
			    "Đã sửa hồ sơ") : T("Request rejected",
			    "Đã từ chối đề nghị"));
			return TUI_OK;
		}
		if (rc == MN_ERR_CONFLICT)
			thread_conflict(ui, &form, fb->id, &err);
	}
}

static int
decide_correction(struct tui *ui, const struct mn_feedback *fb)
{
	const char *choices[2] = { decision_label(true),
	    decision_label(false) };
	int choice = 0, rc;

	if (strcmp(fb->kind, "correction") != 0) {
		tui_error(ui, "%s", T("This thread is not a correction request",
		    "Đây không phải đề nghị sửa hồ sơ"));
		return TUI_OK;
	}
	if ((rc = screen_choose(ui, T("Decision", "Quyết định"), choices, 2,
	    &choice)) != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	return decide_form(ui, fb, choice == 0);
}

/* Shows one thread until Esc; staff act on it from there. */
static int
open_thread(struct tui *ui, int64_t id, bool staff)
{
	struct mn_feedback *fb = malloc(sizeof *fb);
	struct tui_keydef keys[TUI_KEYS_MAX];
	struct mn_error err;
	int rc = TUI_OK;

	if (fb == NULL)
		return TUI_OK;
	tui_keys_copy(staff ? staff_thread_keys : parent_thread_keys, keys,
	    TUI_KEYS_MAX);
	tui_keys_offer(keys, ACT_DECIDE, mn_allowed(&ui->ctx->actor,
	    MN_ACT_CORRECTION_DECIDE));
	for (;;) {
		char *text;
		int action;

		mn_error_clear(&err);
		if (mn_feedback_get(ui->ctx, id, fb, &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			break;
		}
		text = thread_text(fb, staff);
		action = screen_text(ui, text != NULL ? text : "", keys);
		free(text);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		switch (action) {
		case ACT_ANSWER:
			rc = answer_thread(ui, fb);
			break;
		case ACT_ASSIGN:
			rc = assign_thread(ui, fb);
			break;
		case ACT_CLOSE:
			rc = close_thread(ui, fb);
			break;
		case ACT_DECIDE:
			rc = decide_correction(ui, fb);
			break;
		default:
			break;
		}
		if (rc == TUI_END)
			break;
		rc = TUI_OK;
	}
	free(fb);
	return rc;
}

/* ---- Writing, for parents ------------------------------------------- */

struct kid_choice {
	struct mn_parent_child kids[16];
	const char *names[16];
	int n;
};

static int
add_kid(const struct mn_parent_child *child, void *arg)
{
	struct kid_choice *k = arg;

	if (k->n == 16)
		return 1;
	k->kids[k->n] = *child;
	k->names[k->n] = k->kids[k->n].full_name;
	k->n++;
	return 0;
}

/* Picks the child the message is about; no question for an only child. */
static int
choose_child(struct tui *ui, int64_t *child_id)
{
	struct kid_choice *k = calloc(1, sizeof *k);
	struct mn_error err;
	int choice = 0, rc = TUI_OK;

	if (k == NULL)
		return TUI_CANCEL;
	mn_error_clear(&err);
	if (mn_parent_children(ui->ctx, add_kid, k, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		rc = TUI_CANCEL;
	} else if (k->n == 0) {
		tui_error(ui, "%s", T("No child is linked to your account",
		    "Chưa có trẻ nào gắn với tài khoản này"));
		rc = TUI_CANCEL;
	} else if (k->n > 1) {
		rc = screen_choose(ui, T("About which child?", "Về trẻ nào?"),
		    k->names, k->n, &choice);
	}
	if (rc == TUI_OK)
		*child_id = k->kids[choice].child_id;
	free(k);
	return rc;
}

static const char *const recipients[2] = { "teacher", "school" };
static const char *const feedback_kinds[2] = { "feedback", "complaint" };

static const char *
send_to_label(int to)
{
	return to == 0 ? T("To the class teacher", "Gửi giáo viên lớp") :
	    T("To the school", "Gửi nhà trường");
}

static const struct tui_keydef preview_keys[] = {
	{ { TK_ENTER, TK(KEY_F(2)) }, "Enter", "Send", "Gửi", TUI_ACT_SAVE },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Edit", "Sửa tiếp", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/*
 * Shows the message wrapped, as the form's one-line field cannot, so a
 * parent on a phone reads it whole before sending.  Returns TUI_OK to
 * send, TUI_CANCEL to edit again, TUI_END when the session ends.
 */
static int
preview_feedback(struct tui *ui, int to, const char *subject,
    const char *body)
{
	char *text = NULL;
	int action;

	if (asprintf(&text, "%s\n%s: %s\n\n%s:\n%s", send_to_label(to),
	    T("Subject", "Tiêu đề"), subject, T("Message", "Nội dung"),
	    body) < 0)
		return TUI_OK;
	tui_enter(ui, T("Read before sending", "Xem lại trước khi gửi"));
	action = screen_text(ui, text, preview_keys);
	tui_leave(ui);
	free(text);
	if (action == TUI_ACT_END)
		return TUI_END;
	return action == TUI_ACT_SAVE ? TUI_OK : TUI_CANCEL;
}

/*
 * Writes feedback of kind feedback_kinds[kind] about the child to
 * recipients[to], after a wrapped preview.  The form keeps a draft under
 * "feedback_new:CHILD:RECIPIENT:KIND".
 */
static int
compose_feedback(struct tui *ui, int64_t child_id, int to, int kind)
{
	struct tui_form_row rows[] = {
		{ .name = "subject", .en = "Subject", .vi = "Tiêu đề" },
		{ .name = "body", .en = "Message", .vi = "Nội dung" },
	};
	struct tui_form form;
	struct mn_error err;
	char key[MN_DRAFT_KEY_SIZE];
	int64_t id;
	int rc, look;

	snprintf(key, sizeof key, "feedback_new:%lld:%s:%s",
	    (long long)child_id, recipients[to], feedback_kinds[kind]);
	text_form(&form, send_to_label(to), rows, 2, key);
	tui_field_init(&rows[0].field, MN_FEEDBACK_SUBJECT_MAX, TUI_SHOW);
	tui_field_init(&rows[1].field, 500, TUI_SHOW);
	mn_error_clear(&err);
	for (;;) {
		char *subject, *body;

		if ((rc = ask_text(ui, &form, &err)) != TUI_OK)
			return rc;
		subject = tui_field_get(&rows[0].field);
		body = tui_field_get(&rows[1].field);
		mn_error_clear(&err);
		look = preview_feedback(ui, to, subject != NULL ? subject :
		    "", body != NULL ? body : "");
		rc = look != TUI_OK ? MN_ERR_INVALID :
		    mn_feedback_send(ui->ctx, child_id, recipients[to],
		    feedback_kinds[kind], subject != NULL ? subject : "",
		    body != NULL ? body : "", &id, &err);
		free(subject);
		free(body);
		if (look == TUI_END)
			return TUI_END;
		if (rc == MN_OK) {
			tui_message(ui, "%s", T("Sent", "Đã gửi"));
			return TUI_OK;
		}
	}
}

static int
write_feedback(struct tui *ui)
{
	const char *to[2] = { send_to_label(0), send_to_label(1) };
	const char *kinds[2] = { T("Feedback", "Góp ý"),
	    T("Complaint", "Khiếu nại") };
	int64_t child_id = 0;
	int to_choice = 0, kind_choice = 0, rc;

	if ((rc = choose_child(ui, &child_id)) != TUI_OK)
		return rc;
	if ((rc = screen_choose(ui, T("Send to", "Gửi tới"), to, 2,
	    &to_choice)) != TUI_OK)
		return rc;
	if ((rc = screen_choose(ui, T("Kind", "Loại"), kinds, 2,
	    &kind_choice)) != TUI_OK)
		return rc;
	return compose_feedback(ui, child_id, to_choice, kind_choice);
}

/* Returns the label of a correctable field, or its name without one. */
static const char *
correction_label(const char *field)
{
	const char *label = mn_correction_field_label(field);

	return label != NULL ? label : field;
}

/*
 * Asks the correct value of field for the child.  The form keeps a
 * draft under "correction:CHILD:FIELD".
 */
static int
compose_correction(struct tui *ui, int64_t child_id, const char *field)
{
	struct tui_form_row rows[] = {
		{ .name = "value", .en = "Correct value",
		    .vi = "Giá trị đúng" },
		{ .name = "note", .en = "Note", .vi = "Ghi chú" },
	};
	struct tui_form form;
	struct mn_error err;
	char key[MN_DRAFT_KEY_SIZE];
	int64_t id;
	int rc;

	snprintf(key, sizeof key, "correction:%lld:%s", (long long)child_id,
	    field);
	text_form(&form, correction_label(field), rows, 2, key);
	tui_field_init(&rows[0].field, MN_CORRECTION_VALUE_MAX, TUI_SHOW);
	tui_field_init(&rows[1].field, 500, TUI_SHOW);
	mn_error_clear(&err);
	for (;;) {
		char *value, *note;

		if ((rc = ask_text(ui, &form, &err)) != TUI_OK)
			return rc;
		value = tui_field_get(&rows[0].field);
		note = tui_field_get(&rows[1].field);
		mn_error_clear(&err);
		rc = mn_correction_request(ui->ctx, child_id, field,
		    value != NULL ? value : "", note != NULL ? note : "", &id,
		    &err);
		free(value);
		free(note);
		if (rc == MN_OK) {
			tui_message(ui, "%s", T("Request sent",
			    "Đã gửi đề nghị"));
			return TUI_OK;
		}
	}
}

static int
write_correction(struct tui *ui)
{
	const char *const *fields = mn_correction_fields();
	const char *labels[32];
	int64_t child_id = 0;
	int n = 0, choice = 0, rc;

	while (fields[n] != NULL && n < 32) {
		labels[n] = correction_label(fields[n]);
		n++;
	}
	if ((rc = choose_child(ui, &child_id)) != TUI_OK)
		return rc;
	if ((rc = screen_choose(ui, T("Which field is wrong?",
	    "Thông tin nào bị sai?"), labels, n, &choice)) != TUI_OK)
		return rc;
	return compose_correction(ui, child_id, fields[choice]);
}

/* ---- Reopening drafts ------------------------------------------------ */

/* Index of name in the NULL-terminated or n-long list, or -1. */
static int
name_index(const char *const *names, int n, const char *name)
{
	for (int i = 0; i < n && names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/*
 * Splits a draft record "ID" or "ID:REST" into the id and REST ("" for
 * the first form).  Returns false unless the record starts with a
 * positive id.
 */
static bool
record_id(const char *record, int64_t *id, const char **rest)
{
	char *end;
	long long n = strtoll(record, &end, 10);

	if (end == record || n <= 0 || (*end != '\0' && *end != ':'))
		return false;
	*id = n;
	*rest = *end == ':' ? end + 1 : end;
	return true;
}

/* Reopens a parent's feedback "CHILD:RECIPIENT:KIND". */
int
feedback_new_reopen(struct tui *ui, const char *record)
{
	char to[16], kind[16];
	const char *rest;
	int64_t child_id;
	int t, k;

	screen_set_parent_minimum(ui);
	if (!record_id(record, &child_id, &rest) ||
	    sscanf(rest, "%15[a-z]:%15[a-z]", to, kind) != 2 ||
	    (t = name_index(recipients, 2, to)) < 0 ||
	    (k = name_index(feedback_kinds, 2, kind)) < 0)
		return TUI_CANCEL;
	return compose_feedback(ui, child_id, t, k);
}

/* Names a draft "CHILD:RECIPIENT:KIND" by its kind, recipient, child. */
void
feedback_new_describe(struct tui *ui, const char *record,
    const struct tui_resume *draft, char *buf, size_t size)
{
	struct kid_choice *k;
	struct mn_error err;
	char to[16], kind[16];
	const char *rest;
	int64_t child_id;
	int to_index, kind_index;

	buf[0] = '\0';
	if (!record_id(record, &child_id, &rest) ||
	    sscanf(rest, "%15[a-z]:%15[a-z]", to, kind) != 2 ||
	    (to_index = name_index(recipients, 2, to)) < 0 ||
	    (kind_index = name_index(feedback_kinds, 2, kind)) < 0 ||
	    (k = calloc(1, sizeof *k)) == NULL)
		return;
	mn_error_clear(&err);
	if (mn_parent_children(ui->ctx, add_kid, k, &err) == MN_OK)
		for (int i = 0; i < k->n; i++)
			if (k->kids[i].child_id == child_id)
				snprintf(buf, size, T("%s to %s about %s",
				    "%s gửi %s về %s"), kind_index == 0 ?
				    T("feedback", "góp ý") :
				    T("complaint", "khiếu nại"), to_index == 0 ?
				    T("the teacher", "giáo viên") :
				    T("the school", "nhà trường"),
				    k->kids[i].full_name);
	free(k);
}

/* Reopens a parent's correction request "CHILD:FIELD". */
int
correction_reopen(struct tui *ui, const char *record)
{
	const char *const *fields = mn_correction_fields();
	const char *rest;
	int64_t child_id;
	int f;

	screen_set_parent_minimum(ui);
	if (!record_id(record, &child_id, &rest) ||
	    (f = name_index(fields, 32, rest)) < 0)
		return TUI_CANCEL;
	return compose_correction(ui, child_id, fields[f]);
}

/*
 * Reads the thread of a staff draft's record into a new mn_feedback;
 * NULL after showing why not.  The caller frees it.
 */
static struct mn_feedback *
reopen_thread(struct tui *ui, const char *record, const char **rest)
{
	struct mn_feedback *fb;
	struct mn_error err;
	int64_t id;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	if (!record_id(record, &id, rest) ||
	    (fb = malloc(sizeof *fb)) == NULL)
		return NULL;
	mn_error_clear(&err);
	if (mn_feedback_get(ui->ctx, id, fb, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		free(fb);
		return NULL;
	}
	return fb;
}

/* Reopens a staff answer "ID". */
int
feedback_answer_reopen(struct tui *ui, const char *record)
{
	const char *rest;
	struct mn_feedback *fb = reopen_thread(ui, record, &rest);
	int rc;

	if (fb == NULL)
		return TUI_CANCEL;
	rc = answer_thread(ui, fb);
	free(fb);
	return rc;
}

/* Reopens a staff assignment "ID". */
int
feedback_assign_reopen(struct tui *ui, const char *record)
{
	const char *rest;
	struct mn_feedback *fb = reopen_thread(ui, record, &rest);
	int rc;

	if (fb == NULL)
		return TUI_CANCEL;
	rc = assign_thread(ui, fb);
	free(fb);
	return rc;
}

/* Reopens a correction decision "ID:accept" or "ID:reject". */
int
feedback_decide_reopen(struct tui *ui, const char *record)
{
	const char *rest;
	struct mn_feedback *fb = reopen_thread(ui, record, &rest);
	int rc = TUI_CANCEL;

	if (fb == NULL)
		return TUI_CANCEL;
	if (strcmp(rest, "accept") == 0 || strcmp(rest, "reject") == 0)
		rc = decide_form(ui, fb, strcmp(rest, "accept") == 0);
	free(fb);
	return rc;
}

/* ---- Entry points ---------------------------------------------------- */

/* The parent's threads: write, read answers (40x15). */
int
screen_feedback(struct tui *ui)
{
	struct thread_rows rows;
	int rc = TUI_CANCEL;

	memset(&rows, 0, sizeof rows);
	tui_list_init(&rows.list, parent_columns, 2);
	rows.list.empty_en = "Nothing sent yet. Press n to write.";
	rows.list.empty_vi = "Chưa gửi góp ý nào. Bấm n để viết.";
	reload(ui, &rows, NULL);
	for (;;) {
		int action, row;

		screen_set_parent_minimum(ui);
		action = tui_list_run(ui, &rows.list, parent_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == ACT_NEW)
			rc = write_feedback(ui);
		else if (action == ACT_CORRECTION)
			rc = write_correction(ui);
		else if ((row = tui_list_selected(&rows.list)) >= 0)
			rc = open_thread(ui, rows.ids[row], false);
		if (rc == TUI_END)
			break;
		rc = TUI_CANCEL;
		reload(ui, &rows, NULL);
	}
	tui_list_free(&rows.list);
	free(rows.ids);
	return rc;
}

/* The staff inbox, filtered by status with 's' (80x24). */
int
screen_feedback_inbox(struct tui *ui)
{
	struct thread_rows rows;
	int filter = -1, rc = TUI_CANCEL;

	memset(&rows, 0, sizeof rows);
	rows.staff = true;
	tui_list_init(&rows.list, inbox_columns, INBOX_NCOLS);
	rows.list.empty_en = "No feedback.";
	rows.list.empty_vi = "Không có góp ý nào.";
	reload(ui, &rows, NULL);
	for (;;) {
		int action, row;

		/* The filter shows as one more step of the title's path. */
		if (filter >= 0)
			tui_enter(ui, status_label(status_names[filter]));
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &rows.list, inbox_keys);
		if (filter >= 0)
			tui_leave(ui);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == ACT_FILTER) {
			filter = status_names[filter + 1] != NULL ?
			    filter + 1 : -1;
			tui_list_clear(&rows.list);
		} else if ((row = tui_list_selected(&rows.list)) >= 0 &&
		    (rc = open_thread(ui, rows.ids[row], true)) == TUI_END)
			break;
		rc = TUI_CANCEL;
		reload(ui, &rows, filter < 0 ? NULL : status_names[filter]);
	}
	tui_list_free(&rows.list);
	free(rows.ids);
	return rc;
}
