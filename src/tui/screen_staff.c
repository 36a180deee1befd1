/*
 * The staff register: list in Vietnamese name order, view, add and
 * edit.  The core checks MN_ACT_STAFF_READ and MN_ACT_STAFF_WRITE; this
 * screen shows what it returns and its refusals.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/account.h"
#include "tui/draft_kinds.h"
#include "tui/screen_reg.h"
#include "tui/keys.h"

enum {
	ACT_VIEW = TUI_ACT_USER,
	ACT_ADD,
	ACT_EDIT,
	ACT_RELOAD,
};

static const struct tui_keydef staff_keys[] = {
	{ { TK_ENTER }, "Enter", "View", "Xem", ACT_VIEW },
	{ { 'n', TK(KEY_IC) }, "n", "New", "Thêm", ACT_ADD },
	{ { 'e' }, "e", "Edit", "Sửa", ACT_EDIT },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK(KEY_F(5)), 'r' }, "", NULL, NULL, ACT_RELOAD },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column staff_columns[] = {
	{ "Code", "Mã cán bộ", 10 },
	{ "Full name", "Họ và tên", 28 },
	{ "Position", "Chức vụ", 16 },
	{ "Phone", "Điện thoại", 11 },
	{ "Classes", "Lớp phụ trách", 0 },
};

#define NCOLS ((int)(sizeof staff_columns / sizeof staff_columns[0]))

struct staff_rows {
	struct tui_list list;
	int64_t *ids;
	int n, cap;
};

static int
add_row(const struct mn_staff *s, void *arg)
{
	struct staff_rows *rows = arg;
	const char *cells[NCOLS];

	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 32;
		int64_t *ids = realloc(rows->ids, sizeof *ids * cap);

		if (ids == NULL)
			return MN_ERR_NOMEM;
		rows->ids = ids;
		rows->cap = cap;
	}
	cells[0] = s->staff_code;
	cells[1] = s->full_name;
	cells[2] = s->position;
	cells[3] = s->phone;
	cells[4] = s->classes;
	if (tui_list_add(&rows->list, cells) != MN_OK)
		return MN_ERR_NOMEM;
	rows->ids[rows->n++] = s->id;
	return MN_OK;
}

static void
reload(struct tui *ui, struct staff_rows *rows)
{
	struct mn_error err;
	int sel = tui_list_selected(&rows->list);
	int64_t keep = sel >= 0 ? rows->ids[sel] : 0;

	mn_error_clear(&err);
	tui_list_clear(&rows->list);
	rows->n = 0;
	if (mn_staff_list(ui->ctx, add_row, rows, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	for (int i = 0; i < rows->list.nshown; i++)
		if (rows->ids[rows->list.shown[i]] == keep)
			rows->list.sel = i;
}

enum {
	F_CODE, F_NAME, F_BIRTH, F_SEX, F_POSITION, F_QUALIFICATION,
	F_TRAINING, F_PHONE, F_START, F_CONTRACT, F_ACCOUNT, F_ROWS
};

static const struct {
	const char *id, *en, *vi;
	int max;
} labels[F_ROWS] = {
	{ "staff_code", "Staff code", "Mã cán bộ", 20 },
	{ "full_name", "Full name", "Họ và tên", 80 },
	{ "birth_date", "Date of birth", "Ngày sinh", 10 },
	{ "sex", "Sex", "Giới tính", 3 },
	{ "position", "Position", "Chức vụ", 60 },
	{ "qualification", "Qualification", "Trình độ chuyên môn", 60 },
	{ "training", "Training", "Bồi dưỡng", 250 },
	{ "phone", "Phone", "Điện thoại", 15 },
	{ "start_date", "Start date", "Ngày vào trường", 10 },
	{ "contract_type", "Contract type", "Loại hợp đồng", 60 },
	{ "account", "Account", "Tài khoản", 32 },
};

/* The label of row r in the interface language; errors name fields so. */
#define LABEL(r) T(labels[r].en, labels[r].vi)

/* Reads the form into s; the account login is looked up if it changed. */
static int
collect(struct tui *ui, struct tui_form_row *rows, struct mn_staff *s,
    struct mn_error *err)
{
	struct mn_account acct;
	char login[64];
	int rc;

	reg_field_copy(&rows[F_CODE].field, s->staff_code,
	    sizeof s->staff_code);
	reg_field_copy(&rows[F_NAME].field, s->full_name,
	    sizeof s->full_name);
	reg_field_copy(&rows[F_POSITION].field, s->position,
	    sizeof s->position);
	reg_field_copy(&rows[F_QUALIFICATION].field, s->qualification,
	    sizeof s->qualification);
	reg_field_copy(&rows[F_TRAINING].field, s->training,
	    sizeof s->training);
	reg_field_copy(&rows[F_PHONE].field, s->phone, sizeof s->phone);
	reg_field_copy(&rows[F_CONTRACT].field, s->contract_type,
	    sizeof s->contract_type);
	if ((rc = reg_date_field(&rows[F_BIRTH].field, LABEL(F_BIRTH),
	    true, &s->birth_date, err)) != MN_OK ||
	    (rc = reg_sex_field(&rows[F_SEX].field, LABEL(F_SEX),
	    &s->sex, err)) != MN_OK ||
	    (rc = reg_date_field(&rows[F_START].field, LABEL(F_START),
	    true, &s->start_date, err)) != MN_OK)
		return rc;
	reg_field_copy(&rows[F_ACCOUNT].field, login, sizeof login);
	if (strcmp(login, s->account_login) == 0)
		return MN_OK;
	if (login[0] == '\0') {
		s->account_id = 0;
		s->account_login[0] = '\0';
		return MN_OK;
	}
	/*
	 * NOTE: mn_account_get needs MN_ACT_ACCOUNT_LIST, which only the
	 * admin holds, so the principal and the clerk get a refusal here.
	 */
	rc = mn_account_get(ui->ctx, login, &acct, err);
	if (rc != MN_OK) {
		snprintf(err->field, sizeof err->field, "%s",
		    LABEL(F_ACCOUNT));
		return rc;
	}
	s->account_id = acct.id;
	snprintf(s->account_login, sizeof s->account_login, "%s", login);
	return MN_OK;
}

/*
 * After someone else saved the record meanwhile: names the stored full
 * name and phone, keeps the user's values in the form and checks the
 * next save against the stored version, so F2 then replaces the stored
 * values on purpose.
 */
static void
staff_conflict(struct tui *ui, struct tui_form *form, int64_t id)
{
	struct mn_staff stored;
	struct mn_error err;

	mn_error_clear(&err);
	if (mn_staff_get(ui->ctx, id, &stored, &err) != MN_OK) {
		tui_form_failed(ui, form, &err);
		return;
	}
	form->version = stored.version;
	tui_error(ui, T("Someone else changed this record meanwhile "
	    "(stored: %s, phone %s); your values are kept: F2 saves them "
	    "over the stored ones, Esc leaves them", "Người khác vừa sửa hồ "
	    "sơ này (đã lưu: %s, điện thoại %s); giá trị bạn nhập vẫn giữ: "
	    "F2 lưu đè lên, Esc để bỏ"), stored.full_name, stored.phone);
}

/*
 * Adds (id 0) or edits a staff member.  The form keeps a draft under
 * "staff_form:" or "staff_form:ID", and an edit saves against
 * form.version, which a reopened draft sets to the version it was read
 * at.
 */
static int
staff_form(struct tui *ui, int64_t id)
{
	struct tui_form_row rows[F_ROWS];
	struct tui_form form = { .rows = rows, .nrows = F_ROWS };
	struct mn_staff s;
	struct mn_error err;
	char date[16], draft_key[MN_DRAFT_KEY_SIZE];
	int rc;

	memset(rows, 0, sizeof rows);
	memset(&s, 0, sizeof s);
	for (int i = 0; i < F_ROWS; i++) {
		rows[i].id = labels[i].id;
		rows[i].en = labels[i].en;
		rows[i].vi = labels[i].vi;
		tui_field_init(&rows[i].field, labels[i].max, TUI_SHOW);
	}
	form.note = T("Sex: Nam or Nữ.  Dates: dd/mm/yyyy.  Account: the "
	    "login of the staff member's account, if any.",
	    "Giới tính: Nam hoặc Nữ.  Ngày: dd/mm/yyyy.  Tài khoản: tên "
	    "đăng nhập của cán bộ, nếu có.");
	mn_error_clear(&err);
	if (id != 0) {
		if (mn_staff_get(ui->ctx, id, &s, &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			return TUI_CANCEL;
		}
		tui_field_set(&rows[F_CODE].field, s.staff_code);
		tui_field_set(&rows[F_NAME].field, s.full_name);
		reg_date_text(&s.birth_date, date, sizeof date);
		tui_field_set(&rows[F_BIRTH].field, date);
		tui_field_set(&rows[F_SEX].field, reg_sex_label(s.sex));
		tui_field_set(&rows[F_POSITION].field, s.position);
		tui_field_set(&rows[F_QUALIFICATION].field, s.qualification);
		tui_field_set(&rows[F_TRAINING].field, s.training);
		tui_field_set(&rows[F_PHONE].field, s.phone);
		reg_date_text(&s.start_date, date, sizeof date);
		tui_field_set(&rows[F_START].field, date);
		tui_field_set(&rows[F_CONTRACT].field, s.contract_type);
		tui_field_set(&rows[F_ACCOUNT].field, s.account_login);
		for (int i = 0; i < F_ROWS; i++)
			rows[i].field.changed = false;
		form.version = s.version;
		snprintf(draft_key, sizeof draft_key, "staff_form:%lld",
		    (long long)id);
	} else
		snprintf(draft_key, sizeof draft_key, "staff_form:");
	form.draft_key = draft_key;
	reg_enter(ui, id ? T("Edit staff member", "Sửa hồ sơ cán bộ") :
	    T("New staff member", "Thêm cán bộ"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		mn_error_clear(&err);
		rc = collect(ui, rows, &s, &err);
		s.version = form.version;
		if (rc == MN_OK)
			rc = id ? mn_staff_update(ui->ctx, &s, &err) :
			    mn_staff_add(ui->ctx, &s, &err);
		if (rc == MN_OK) {
			tui_message(ui, T("Staff member %s saved (code %s)",
			    "Đã lưu cán bộ %s (mã %s)"), s.full_name,
			    s.staff_code);
			break;
		}
		if (rc == MN_ERR_CONFLICT)
			staff_conflict(ui, &form, id);
		else
			tui_form_failed(ui, &form, &err);
	}
	reg_leave(ui);
	return rc;
}

/* Shows one staff member's record; the core audits the view. */
static int
staff_view(struct tui *ui, int64_t id)
{
	struct mn_staff s;
	struct mn_error err;
	char text[4096], birth[16], start[16];

	mn_error_clear(&err);
	if (mn_staff_get(ui->ctx, id, &s, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	reg_date_text(&s.birth_date, birth, sizeof birth);
	reg_date_text(&s.start_date, start, sizeof start);
	snprintf(text, sizeof text,
	    "%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n"
	    "%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s",
	    T("Staff code", "Mã cán bộ"), s.staff_code,
	    T("Full name", "Họ và tên"), s.full_name,
	    T("Date of birth", "Ngày sinh"), birth,
	    T("Sex", "Giới tính"), reg_sex_label(s.sex),
	    T("Position", "Chức vụ"), s.position,
	    T("Qualification", "Trình độ chuyên môn"), s.qualification,
	    T("Training", "Bồi dưỡng"), s.training,
	    T("Phone", "Điện thoại"), s.phone,
	    T("Start date", "Ngày vào trường"), start,
	    T("Contract type", "Loại hợp đồng"), s.contract_type,
	    T("Account", "Tài khoản"), s.account_login,
	    T("Classes", "Lớp phụ trách"), s.classes);
	return tui_msgbox(ui, text);
}

static int
dispatch(struct tui *ui, struct staff_rows *rows, int action)
{
	struct mn_error err;
	int row = tui_list_selected(&rows->list);

	/* Ask before a form is filled in that could not be saved. */
	mn_error_clear(&err);
	if ((action == ACT_ADD || action == ACT_EDIT) && mn_require(
	    ui->ctx->db, &ui->ctx->actor, MN_ACT_STAFF_WRITE, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	if (action == ACT_ADD)
		return staff_form(ui, 0);
	if (action == ACT_RELOAD)
		return TUI_OK;
	if (row < 0) {
		tui_error(ui, "%s", T("No staff member selected",
		    "Chưa chọn cán bộ nào"));
		return TUI_OK;
	}
	if (action == ACT_VIEW)
		return staff_view(ui, rows->ids[row]);
	if (action == ACT_EDIT)
		return staff_form(ui, rows->ids[row]);
	return TUI_OK;
}

/*
 * Reopens the staff form of a draft: the add form for an empty record,
 * else the edit form of that staff member as stored now.
 */
int
staff_form_reopen(struct tui *ui, const char *record)
{
	struct mn_error err;
	char *end;
	long long id = 0;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	if (record[0] != '\0') {
		id = strtoll(record, &end, 10);
		if (*end != '\0' || id <= 0)
			return TUI_CANCEL;
	}
	mn_error_clear(&err);
	if (mn_require(ui->ctx->db, &ui->ctx->actor, MN_ACT_STAFF_WRITE,
	    &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	return staff_form(ui, id);
}

int
screen_staff_list(struct tui *ui)
{
	struct staff_rows rows;
	struct tui_keydef keys[TUI_KEYS_MAX];
	bool may_write = mn_allowed(&ui->ctx->actor, MN_ACT_STAFF_WRITE);
	int rc = TUI_CANCEL;

	tui_keys_copy(staff_keys, keys, TUI_KEYS_MAX);
	tui_keys_offer(keys, ACT_ADD, may_write);
	tui_keys_offer(keys, ACT_EDIT, may_write);
	memset(&rows, 0, sizeof rows);
	tui_list_init(&rows.list, staff_columns, NCOLS);
	rows.list.empty_en = "No staff members yet";
	rows.list.empty_vi = "Chưa có cán bộ nào";
	reload(ui, &rows);
	for (;;) {
		int action;

		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &rows.list, keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (dispatch(ui, &rows, action) == TUI_END) {
			rc = TUI_END;
			break;
		}
		/*
		 * The search text is drawn on the message line, so a search
		 * would hide the outcome of the action: drop it.
		 */
		if (ui->message[0] != '\0')
			rows.list.search[0] = '\0';
		reload(ui, &rows);
	}
	tui_list_free(&rows.list);
	free(rows.ids);
	return rc;
}

/* Names a staff draft by the stored name, or the name typed if new. */
void
staff_form_describe(struct tui *ui, const char *record,
    const struct tui_resume *draft, char *buf, size_t size)
{
	struct mn_staff s;
	struct mn_error err;
	const char *name = tui_resume_value(draft, "full_name");

	buf[0] = '\0';
	if (record[0] == '\0') {
		snprintf(buf, size, "%s%s%s", T("new", "cán bộ mới"),
		    name[0] != '\0' ? ", " : "", name);
		return;
	}
	mn_error_clear(&err);
	if (mn_staff_get(ui->ctx, strtoll(record, NULL, 10), &s, &err) ==
	    MN_OK)
		snprintf(buf, size, "%s (%s)", s.full_name, s.staff_code);
}
