/*
 * The login screen ("Đăng nhập").  It fits a 40x15 terminal, because
 * parents log in from phones.  The password is never shown, not even as
 * stars.
 */
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/config.h"
#include "core/login_key.h"
#include "tui/screens.h"

#define LOGIN_MAX	32
#define PASSWORD_MAX	128
/*
 * Failed logins one session may make before it ends, so that trying
 * many accounts needs many connections.  The core's per-account lockout
 * works independently of this limit.
 */
#define LOGIN_TRIES_MAX	5

enum { ROW_LOGIN, ROW_PASSWORD, ROW_COUNT };

static const struct tui_keydef login_keys[] = {
	{ { TK_ENTER }, "Enter", "Log in", "Đăng nhập", TUI_ACT_ENTER },
	{ { TK_TAB, TK(KEY_DOWN) }, "", NULL, NULL, TUI_ACT_NEXT },
	{ { TK(KEY_BTAB), TK(KEY_UP) }, "", NULL, NULL, TUI_ACT_PREV },
	{ { TK(KEY_F(2)) }, "", NULL, NULL, TUI_ACT_SAVE },
	{ { TK_ESC }, "Esc", "Exit", "Thoát", TUI_ACT_BACK },
	{ .name = NULL }
};

static void
free_secret(char *s)
{
	if (s == NULL)
		return;
	explicit_bzero(s, strlen(s));
	free(s);
}

/* Tries one login; returns TUI_OK or leaves an error on the message line. */
static int
attempt(struct tui *ui, struct tui_form *form, struct mn_account *acct)
{
	struct mn_error err;
	char *login, *password;
	int rc;

	mn_error_clear(&err);
	login = tui_field_get(&form->rows[ROW_LOGIN].field);
	password = tui_field_get(&form->rows[ROW_PASSWORD].field);
	tui_field_clear(&form->rows[ROW_PASSWORD].field);
	if (login == NULL || password == NULL) {
		tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
		rc = MN_ERR_NOMEM;
	} else if (login[0] == '\0') {
		tui_error(ui, "%s", T("Login: missing; type your login",
		    "Tên đăng nhập: bị thiếu; hãy nhập tên đăng nhập"));
		form->focus = ROW_LOGIN;
		rc = MN_ERR_INVALID;
	} else {
		/* Hashing and the delay after failures take a moment. */
		tui_message(ui, "%s", T("Checking...", "Đang kiểm tra..."));
		tui_refresh(ui);
		ui->message[0] = '\0';
		rc = mn_login(ui->ctx, login, password, acct, &err);
		if (rc != MN_OK) {
			tui_error(ui, "%s", err.message);
			form->focus = ROW_PASSWORD;
		}
	}
	free(login);
	free_secret(password);
	return rc == MN_OK ? TUI_OK : TUI_CANCEL;
}

/*
 * Logs in the account an SSH key is bound to, without a password.  A
 * refusal (no such account, locked) is shown in a box and ends the
 * session, because only the administrator can fix it.
 */
static int
key_login(struct tui *ui, const char *login, struct mn_account *acct)
{
	struct mn_error err;
	int rc;

	mn_error_clear(&err);
	if (mn_login_by_key(ui->ctx, login, acct, &err) == MN_OK)
		return TUI_OK;
	tui_frame(ui, NULL);
	rc = tui_msgbox(ui, err.message);
	if (rc != TUI_END)
		ui->end = TUI_END_EXIT;
	return TUI_END;
}

/*
 * Asks login and password.  When an SSH key named the login, the login
 * is fixed if [security] ask_password_with_key is set, and otherwise
 * the key alone logs in.  Returns TUI_OK once logged in, or TUI_END
 * when the user leaves with Esc (ui->end = TUI_END_EXIT), after
 * LOGIN_TRIES_MAX failures (TUI_END_TRIES) or when the session ends
 * otherwise.
 */
int
screen_login(struct tui *ui, const char *login_hint, struct mn_account *acct)
{
	struct tui_form_row rows[ROW_COUNT] = {
		{ .name = "login", .en = "Login", .vi = "Tên đăng nhập" },
		{ .name = "password", .en = "Password", .vi = "Mật khẩu" },
	};
	struct tui_form form = {
		.heading = ui->ctx->cfg->school_name,
		.rows = rows,
		.nrows = ROW_COUNT,
		.enter_submits = true,
		.quiet_cancel = true,
		.keys = login_keys,
	};
	int rc, failures = 0;

	ui->depth = 0;
	tui_enter(ui, T("Log in", "Đăng nhập"));
	tui_set_minimum(ui, TUI_SMALL_COLS, TUI_SMALL_ROWS);
	if (login_hint != NULL && !ui->ctx->cfg->ask_password_with_key)
		return key_login(ui, login_hint, acct);
	tui_field_init(&rows[ROW_LOGIN].field, LOGIN_MAX, TUI_SHOW);
	tui_field_init(&rows[ROW_PASSWORD].field, PASSWORD_MAX, TUI_HIDDEN);
	if (login_hint != NULL) {
		tui_field_set(&rows[ROW_LOGIN].field, login_hint);
		rows[ROW_LOGIN].readonly = true;
		form.focus = ROW_PASSWORD;
	}
	for (;;) {
		rc = tui_form_run(ui, &form);
		if (rc == TUI_CANCEL) {
			ui->end = TUI_END_EXIT;
			rc = TUI_END;
		}
		if (rc == TUI_END)
			break;
		if (attempt(ui, &form, acct) == TUI_OK)
			break;
		if (++failures >= LOGIN_TRIES_MAX) {
			ui->end = TUI_END_TRIES;
			rc = TUI_END;
			break;
		}
	}
	tui_form_wipe(&form);
	return rc;
}
