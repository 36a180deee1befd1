/*
 * The forced password change ("Đổi mật khẩu") after a login with a
 * password the administrator set.  There is no way round it but logging
 * out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/config.h"
#include "tui/screens.h"

#define PASSWORD_MAX 128

enum { ROW_NEW, ROW_AGAIN, ROW_COUNT };

static const struct tui_keydef password_keys[] = {
	{ { TK_ENTER }, "Enter", "Next/Save", "Tiếp/Lưu", TUI_ACT_ENTER },
	{ { TK_TAB, TK(KEY_DOWN) }, "", NULL, NULL, TUI_ACT_NEXT },
	{ { TK(KEY_BTAB), TK(KEY_UP) }, "", NULL, NULL, TUI_ACT_PREV },
	{ { TK(KEY_F(2)) }, "F2", "Save", "Lưu", TUI_ACT_SAVE },
	{ { TK_ESC }, "Esc", "Log out", "Đăng xuất", TUI_ACT_BACK },
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

/* Checks the two entries and stores the password; TUI_OK on success. */
static int
save(struct tui *ui, struct tui_form *form)
{
	struct mn_error err;
	char *first = tui_field_get(&form->rows[ROW_NEW].field);
	char *again = tui_field_get(&form->rows[ROW_AGAIN].field);
	int rc = TUI_CANCEL;

	mn_error_clear(&err);
	tui_form_wipe(form);
	form->focus = ROW_NEW;
	if (first == NULL || again == NULL)
		tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
	else if (strcmp(first, again) != 0)
		tui_error(ui, "%s", T("The two passwords differ; type the "
		    "new password twice", "Hai mật khẩu không khớp; hãy nhập "
		    "mật khẩu mới hai lần giống nhau"));
	else if (mn_password_change(ui->ctx, first, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	else {
		tui_message(ui, "%s", T("Password changed",
		    "Đã đổi mật khẩu"));
		rc = TUI_OK;
	}
	free_secret(first);
	free_secret(again);
	return rc;
}

int
screen_password(struct tui *ui)
{
	struct tui_form_row rows[ROW_COUNT] = {
		{ .name = "password", .en = "New password",
		    .vi = "Mật khẩu mới" },
		{ .name = "password", .en = "New password again",
		    .vi = "Nhập lại mật khẩu mới" },
	};
	struct tui_form form = {
		.rows = rows,
		.nrows = ROW_COUNT,
		.enter_submits = true,
		.quiet_cancel = true,
		.keys = password_keys,
	};
	char note[256];
	int rc;

	snprintf(note, sizeof note, T("You must choose a new password of "
	    "at least %u characters.", "Bạn cần đặt mật khẩu mới, ít nhất "
	    "%u ký tự."), ui->ctx->cfg->password_min_length);
	form.note = note;
	ui->depth = 0;
	tui_enter(ui, T("Change password", "Đổi mật khẩu"));
	tui_set_minimum(ui, TUI_SMALL_COLS, TUI_SMALL_ROWS);
	tui_field_init(&rows[ROW_NEW].field, PASSWORD_MAX, TUI_HIDDEN);
	tui_field_init(&rows[ROW_AGAIN].field, PASSWORD_MAX, TUI_HIDDEN);
	for (;;) {
		rc = tui_form_run(ui, &form);
		if (rc == TUI_CANCEL) {
			rc = screen_logout(ui);
			if (rc == TUI_END)
				break;
			continue;
		}
		if (rc == TUI_END || save(ui, &form) == TUI_OK)
			break;
	}
	tui_form_wipe(&form);
	return rc;
}
