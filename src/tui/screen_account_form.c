/*
 * The administrator's account forms: add, edit (full name and roles) and
 * password reset.  Values go to the core unchanged; roles are check
 * boxes.  When the core rejects a value, the form opens again with the
 * core's message and the cursor on the named field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "tui/draft_kinds.h"
#include "tui/screens.h"

#define LOGIN_MAX	32
#define NAME_MAX_LETTERS 100
#define PASSWORD_MAX	128

static void
free_secret(char *s)
{
	if (s == NULL)
		return;
	explicit_bzero(s, strlen(s));
	free(s);
}

static const struct tui_keydef account_form_keys[] = {
	{ { TK_TAB, TK(KEY_DOWN) }, "Tab", "Next field", "Trường sau",
	    TUI_ACT_NEXT },
	{ { TK(KEY_BTAB), TK(KEY_UP) }, "", NULL, NULL, TUI_ACT_PREV },
	{ { TK_ENTER }, "", NULL, NULL, TUI_ACT_ENTER },
	{ { ' ' }, "Space", "Tick role", "Chọn vai trò", TUI_ACT_NONE },
	{ { TK(KEY_F(2)) }, "F2", "Save", "Lưu", TUI_ACT_SAVE },
	{ { TK_ESC }, "Esc", "Cancel", "Hủy", TUI_ACT_BACK },
	{ { TK(KEY_F(1)) }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/* One box per role; bit i of the roles is box i. */
static void
role_boxes(struct tui_checks *checks, unsigned roles)
{
	memset(checks, 0, sizeof *checks);
	for (int i = 0; i < MN_ROLE_COUNT && i < TUI_OPTIONS_MAX; i++)
		checks->labels[checks->n++] = mn_role_label(1u << i);
	checks->checked = roles & ((1u << MN_ROLE_COUNT) - 1);
}

/* Reads both password rows; fails when they differ. */
static int
read_passwords(struct tui_form *form, int first_row, char **password,
    struct mn_error *err)
{
	char *first = tui_field_get(&form->rows[first_row].field);
	char *again = tui_field_get(&form->rows[first_row + 1].field);
	int rc = MN_OK;

	*password = NULL;
	if (first == NULL || again == NULL)
		rc = mn_fail(err, MN_ERR_NOMEM, "password", "%s",
		    T("Out of memory", "Hết bộ nhớ"));
	else if (strcmp(first, again) != 0)
		rc = mn_fail(err, MN_ERR_INVALID, "password", "%s",
		    T("The two passwords differ; type the password twice",
		    "Hai mật khẩu không khớp; hãy nhập mật khẩu hai lần "
		    "giống nhau"));
	if (rc == MN_OK) {
		*password = first;
		first = NULL;
	}
	free_secret(first);
	free_secret(again);
	return rc;
}

/* Shows err and puts the cursor on its field, ready for another try. */
static void
show_error(struct tui *ui, struct tui_form *form, const struct mn_error *err)
{
	tui_error(ui, "%s", err->message);
	tui_form_focus(form, err->field);
}

enum { ADD_LOGIN, ADD_NAME, ADD_ROLES, ADD_PASSWORD, ADD_AGAIN, ADD_ROWS };

static int
try_add(struct tui *ui, struct tui_form *form)
{
	struct mn_error err;
	char *login = tui_field_get(&form->rows[ADD_LOGIN].field);
	char *name = tui_field_get(&form->rows[ADD_NAME].field);
	char *password = NULL;
	unsigned roles = form->rows[ADD_ROLES].checks.checked;
	int64_t id = 0;
	int rc;

	mn_error_clear(&err);
	if (login == NULL || name == NULL)
		rc = mn_fail(&err, MN_ERR_NOMEM, "", "%s",
		    T("Out of memory", "Hết bộ nhớ"));
	else if ((rc = read_passwords(form, ADD_PASSWORD, &password,
	    &err)) == MN_OK)
		rc = mn_account_add(ui->ctx, login, roles, name, password,
		    &id, &err);
	if (rc == MN_OK)
		tui_message(ui, T("Account %s added; the password must be "
		    "changed at the first login", "Đã thêm tài khoản %s; "
		    "mật khẩu phải được đổi ở lần đăng nhập đầu"), login);
	else
		show_error(ui, form, &err);
	free(login);
	free(name);
	free_secret(password);
	return rc;
}

int
account_add_form(struct tui *ui)
{
	struct tui_form_row rows[ADD_ROWS] = {
		{ .id = "login", .name = "login", .en = "Login",
		    .vi = "Tên đăng nhập" },
		{ .id = "full_name", .name = "full_name",
		    .en = "Full name", .vi = "Họ và tên" },
		{ .id = "role", .name = "role", .en = "Roles",
		    .vi = "Vai trò" },
		{ .id = "password", .name = "password", .en = "Password",
		    .vi = "Mật khẩu" },
		{ .id = "password_again", .name = "password",
		    .en = "Password again", .vi = "Nhập lại mật khẩu" },
	};
	struct tui_form form = {
		.rows = rows,
		.nrows = ADD_ROWS,
		.keys = account_form_keys,
		.draft_key = "account_form:",
	};
	int rc;

	tui_field_init(&rows[ADD_LOGIN].field, LOGIN_MAX, TUI_SHOW);
	tui_field_init(&rows[ADD_NAME].field, NAME_MAX_LETTERS, TUI_SHOW);
	role_boxes(&rows[ADD_ROLES].checks, 0);
	tui_field_init(&rows[ADD_PASSWORD].field, PASSWORD_MAX, TUI_STARS);
	tui_field_init(&rows[ADD_AGAIN].field, PASSWORD_MAX, TUI_STARS);
	tui_enter(ui, T("New account", "Thêm tài khoản"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK &&
	    try_add(ui, &form) != MN_OK)
		;
	tui_form_wipe(&form);
	tui_leave(ui);
	return rc;
}

enum { EDIT_LOGIN, EDIT_NAME, EDIT_ROLES, EDIT_ROWS };

/*
 * After someone else saved the account meanwhile: names the stored full
 * name, keeps the user's values in the form, and checks the next save
 * against the stored version, so F2 then replaces the stored values on
 * purpose.
 */
static void
conflict(struct tui *ui, struct tui_form *form, const char *login)
{
	struct mn_account stored;
	struct mn_error err;

	mn_error_clear(&err);
	if (mn_account_get(ui->ctx, login, &stored, &err) != MN_OK) {
		show_error(ui, form, &err);
		return;
	}
	form->version = stored.version;
	tui_error(ui, T("Account %s was changed by someone else meanwhile "
	    "(full name now: %s); your values are kept: F2 saves them over "
	    "the stored ones, Esc leaves them", "Tài khoản %s vừa được người "
	    "khác sửa (họ tên đã lưu: %s); giá trị bạn nhập vẫn giữ: F2 lưu "
	    "đè lên, Esc để bỏ"), login, stored.full_name);
}

/* Saves against form->version, which a reopened draft may have set. */
static int
try_edit(struct tui *ui, struct tui_form *form, const struct mn_account *acct)
{
	struct mn_error err;
	char *name = tui_field_get(&form->rows[EDIT_NAME].field);
	unsigned roles = form->rows[EDIT_ROLES].checks.checked;
	int rc;

	mn_error_clear(&err);
	if (name == NULL)
		rc = mn_fail(&err, MN_ERR_NOMEM, "", "%s",
		    T("Out of memory", "Hết bộ nhớ"));
	else
		rc = mn_account_update(ui->ctx, acct->login, roles, name,
		    form->version, &err);
	free(name);
	if (rc == MN_OK)
		tui_message(ui, T("Account %s saved", "Đã lưu tài khoản %s"),
		    acct->login);
	else if (rc == MN_ERR_CONFLICT)
		conflict(ui, form, acct->login);
	else
		show_error(ui, form, &err);
	return rc;
}

/*
 * Edits full name and roles.  Any failed save, a version conflict
 * included, keeps the form open with the values typed.
 */
int
account_edit_form(struct tui *ui, const struct mn_account *acct)
{
	struct tui_form_row rows[EDIT_ROWS] = {
		{ .id = "login", .name = "login", .en = "Login",
		    .vi = "Tên đăng nhập", .readonly = true },
		{ .id = "full_name", .name = "full_name",
		    .en = "Full name", .vi = "Họ và tên" },
		{ .id = "role", .name = "role", .en = "Roles",
		    .vi = "Vai trò" },
	};
	struct tui_form form = {
		.rows = rows,
		.nrows = EDIT_ROWS,
		.keys = account_form_keys,
	};
	char draft_key[MN_DRAFT_KEY_SIZE];
	int rc, stored;

	snprintf(draft_key, sizeof draft_key, "account_form:%s", acct->login);
	form.draft_key = draft_key;
	form.version = acct->version;

	tui_field_init(&rows[EDIT_LOGIN].field, LOGIN_MAX, TUI_SHOW);
	tui_field_init(&rows[EDIT_NAME].field, NAME_MAX_LETTERS, TUI_SHOW);
	tui_field_set(&rows[EDIT_LOGIN].field, acct->login);
	tui_field_set(&rows[EDIT_NAME].field, acct->full_name);
	role_boxes(&rows[EDIT_ROLES].checks, acct->roles);
	tui_enter(ui, T("Edit account", "Sửa tài khoản"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		stored = try_edit(ui, &form, acct);
		if (stored == MN_OK)
			break;
	}
	tui_leave(ui);
	return rc;
}

/*
 * Reopens the form of a draft: the add form for an empty login, else the
 * edit form of that account as stored now.
 */
int
account_form_reopen(struct tui *ui, const char *login)
{
	struct mn_account acct;
	struct mn_error err;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	if (login[0] == '\0')
		return account_add_form(ui);
	mn_error_clear(&err);
	if (mn_account_get(ui->ctx, login, &acct, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	return account_edit_form(ui, &acct);
}

/*
 * Names an account form's draft on the offer's title line: the login
 * and the stored full name, or for a new account the login and name in
 * the draft.
 */
void
account_form_describe(struct tui *ui, const char *login,
    const struct tui_resume *draft, char *buf, size_t size)
{
	struct mn_account acct;
	struct mn_error err;
	const char *new_login;

	buf[0] = '\0';
	if (login[0] == '\0') {
		new_login = tui_resume_value(draft, "login");
		if (new_login[0] != '\0')
			snprintf(buf, size, T("%s (new, %s)",
			    "%s (mới, %s)"), new_login,
			    tui_resume_value(draft, "full_name"));
		return;
	}
	mn_error_clear(&err);
	if (mn_account_get(ui->ctx, login, &acct, &err) == MN_OK)
		snprintf(buf, size, "%s (%s)", acct.login, acct.full_name);
}

enum { PW_LOGIN, PW_NEW, PW_AGAIN, PW_ROWS };

/* Sets a password chosen by the administrator; a change is then forced. */
int
account_password_form(struct tui *ui, const char *login)
{
	struct tui_form_row rows[PW_ROWS] = {
		{ .id = "login", .name = "login", .en = "Login",
		    .vi = "Tên đăng nhập", .readonly = true },
		{ .id = "password", .name = "password",
		    .en = "New password", .vi = "Mật khẩu mới" },
		{ .id = "password_again", .name = "password",
		    .en = "New password again",
		    .vi = "Nhập lại mật khẩu mới" },
	};
	struct tui_form form = { .rows = rows, .nrows = PW_ROWS };
	struct mn_error err;
	char *password;
	int rc;

	tui_field_init(&rows[PW_LOGIN].field, LOGIN_MAX, TUI_SHOW);
	tui_field_init(&rows[PW_NEW].field, PASSWORD_MAX, TUI_STARS);
	tui_field_init(&rows[PW_AGAIN].field, PASSWORD_MAX, TUI_STARS);
	tui_field_set(&rows[PW_LOGIN].field, login);
	tui_enter(ui, T("Set password", "Đặt mật khẩu"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		mn_error_clear(&err);
		if (read_passwords(&form, PW_NEW, &password, &err) == MN_OK &&
		    mn_account_set_password(ui->ctx, login, password,
		    &err) == MN_OK) {
			free_secret(password);
			tui_message(ui, T("New password set for %s; it must "
			    "be changed at the next login", "Đã đặt mật khẩu "
			    "mới cho %s; phải đổi ở lần đăng nhập sau"), login);
			break;
		}
		free_secret(password);
		show_error(ui, &form, &err);
	}
	tui_form_wipe(&form);
	tui_leave(ui);
	return rc;
}
