/*
 * Account management for the administrator: the list of accounts, and
 * from it adding, editing, password resets and locking.  The core checks
 * MN_ACT_ACCOUNT_LIST and MN_ACT_ACCOUNT_MANAGE on every call; this
 * screen only shows what it returns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/account.h"
#include "tui/keys.h"
#include "tui/screens.h"

enum {
	ACT_ADD = TUI_ACT_USER,
	ACT_EDIT,
	ACT_PASSWORD,
	ACT_LOCK,
	ACT_RELOAD,
};

static const struct tui_keydef account_keys[] = {
	{ { TK_ENTER, 'e' }, "Enter", "Edit", "Sửa", ACT_EDIT },
	{ { 'n', TK(KEY_IC) }, "n", "New", "Thêm", ACT_ADD },
	{ { 'p' }, "p", "Password", "Đặt mật khẩu", ACT_PASSWORD },
	{ { 'l' }, "l", "Lock/unlock", "Khóa/mở", ACT_LOCK },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK(KEY_F(5)), 'r' }, "", NULL, NULL, ACT_RELOAD },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column account_columns[] = {
	{ "Login", "Tên đăng nhập", 20 },
	{ "Full name", "Họ và tên", 30 },
	{ "Roles", "Vai trò", 30 },
	{ "Locked", "Khóa", 6 },
	{ "Change password", "Đổi mật khẩu", 0 },
};

#define NCOLS ((int)(sizeof account_columns / sizeof account_columns[0]))

struct account_rows {
	struct tui_list list;
	struct mn_account *accts;	/* same order as the list rows */
	int n, cap;
};

static void
role_labels(unsigned roles, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned bit = 1; bit < (1u << MN_ROLE_COUNT); bit <<= 1) {
		int n;

		if (!(roles & bit))
			continue;
		n = snprintf(buf + used, size - used, "%s%s",
		    used > 0 ? ", " : "", mn_role_label(bit));
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

static int
add_row(const struct mn_account *acct, void *arg)
{
	struct account_rows *rows = arg;
	char roles[256];
	const char *cells[NCOLS];

	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 32;
		struct mn_account *grown = realloc(rows->accts,
		    sizeof *grown * cap);

		if (grown == NULL)
			return MN_ERR_NOMEM;
		rows->accts = grown;
		rows->cap = cap;
	}
	role_labels(acct->roles, roles, sizeof roles);
	cells[0] = acct->login;
	cells[1] = acct->full_name;
	cells[2] = roles;
	cells[3] = acct->locked ? T("yes", "có") : "";
	cells[4] = acct->must_change_password ? T("yes", "có") : "";
	if (tui_list_add(&rows->list, cells) != MN_OK)
		return MN_ERR_NOMEM;
	rows->accts[rows->n++] = *acct;
	return MN_OK;
}

/* Reads the accounts again, keeping the selection on the same login. */
static void
reload(struct tui *ui, struct account_rows *rows)
{
	struct mn_error err;
	char keep[sizeof rows->accts[0].login] = "";
	int sel = tui_list_selected(&rows->list);

	if (sel >= 0)
		snprintf(keep, sizeof keep, "%s", rows->accts[sel].login);
	mn_error_clear(&err);
	tui_list_clear(&rows->list);
	rows->n = 0;
	if (mn_account_list(ui->ctx, add_row, rows, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	for (int i = 0; i < rows->list.nshown; i++)
		if (strcmp(rows->accts[rows->list.shown[i]].login, keep) == 0)
			rows->list.sel = i;
}

/* Locks or unlocks the account after asking. */
static int
toggle_lock(struct tui *ui, const struct mn_account *acct)
{
	struct mn_error err;
	char question[256];
	int rc;

	if (acct->locked)
		snprintf(question, sizeof question, T("Unlock account %s?",
		    "Mở khóa tài khoản %s?"), acct->login);
	else
		snprintf(question, sizeof question, T("Lock account %s?",
		    "Khóa tài khoản %s?"), acct->login);
	if ((rc = tui_confirm(ui, question, false)) != TUI_OK)
		return rc;
	mn_error_clear(&err);
	if (mn_account_set_locked(ui->ctx, acct->login, !acct->locked,
	    &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	else if (acct->locked)
		tui_message(ui, T("Account %s unlocked",
		    "Đã mở khóa tài khoản %s"), acct->login);
	else
		tui_message(ui, T("Account %s locked",
		    "Đã khóa tài khoản %s"), acct->login);
	return TUI_OK;
}

/* Runs one action on the selected account; returns TUI_END or TUI_OK. */
static int
dispatch(struct tui *ui, struct account_rows *rows, int action)
{
	int row = tui_list_selected(&rows->list);
	const struct mn_account *acct = row >= 0 ? &rows->accts[row] : NULL;

	if (action == ACT_ADD)
		return account_add_form(ui);
	if (action == ACT_RELOAD)
		return TUI_OK;
	if (acct == NULL) {
		tui_error(ui, "%s", T("No account selected",
		    "Chưa chọn tài khoản nào"));
		return TUI_OK;
	}
	switch (action) {
	case ACT_EDIT:
		return account_edit_form(ui, acct);
	case ACT_PASSWORD:
		return account_password_form(ui, acct->login);
	case ACT_LOCK:
		return toggle_lock(ui, acct);
	default:
		return TUI_OK;
	}
}

int
screen_accounts(struct tui *ui)
{
	struct tui_keydef keys[TUI_KEYS_MAX];
	struct account_rows rows;
	bool manage = mn_allowed(&ui->ctx->actor, MN_ACT_ACCOUNT_MANAGE);
	int rc = TUI_CANCEL;

	memset(&rows, 0, sizeof rows);
	tui_keys_copy(account_keys, keys, TUI_KEYS_MAX);
	tui_keys_offer(keys, ACT_EDIT, manage);
	tui_keys_offer(keys, ACT_ADD, manage);
	tui_keys_offer(keys, ACT_PASSWORD, manage);
	tui_keys_offer(keys, ACT_LOCK, manage);
	tui_list_init(&rows.list, account_columns, NCOLS);
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
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
		reload(ui, &rows);
	}
	tui_list_free(&rows.list);
	free(rows.accts);
	return rc;
}
