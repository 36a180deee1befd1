/*
 * The session: terminal set-up, login, forced password change, menu,
 * and the way out (logout, idle timeout, hangup, SIGTERM).
 */
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/account.h"
#include "core/config.h"
#include "tui/screens.h"
#include "tui/tui.h"

/*
 * Prints why the session ended, on the restored terminal.  An idle
 * timeout or Esc before anyone logged in needs no words.
 */
static void
say_goodbye(const struct tui *ui, bool logged_in)
{
	unsigned seconds = ui->ctx->cfg->idle_timeout;

	switch (ui->end) {
	case TUI_END_IDLE:
		if (!logged_in)
			break;
		if (seconds % 60 == 0)
			printf(T("Logged out after %u minutes without a key.\n",
			    "Đã đăng xuất vì không thao tác trong %u phút.\n"),
			    seconds / 60);
		else
			printf(T("Logged out after %u seconds without a key.\n",
			    "Đã đăng xuất vì không thao tác trong %u giây.\n"),
			    seconds);
		break;
	case TUI_END_TRIES:
		printf("%s\n", T("Too many failed logins; connect again to "
		    "retry.", "Đăng nhập sai quá nhiều lần; hãy kết nối lại "
		    "để thử tiếp."));
		break;
	case TUI_END_LOGOUT:
		printf("%s\n", T("Logged out.", "Đã đăng xuất."));
		break;
	case TUI_END_LOCKED:
		printf("%s\n", T("This account has been locked; the session "
		    "ended.", "Tài khoản này vừa bị khóa; phiên làm việc "
		    "đã kết thúc."));
		break;
	default:
		break;
	}
	fflush(stdout);
}

static int
run_session(struct tui *ui, const char *login_hint)
{
	struct mn_account acct;
	int rc;

	memset(&acct, 0, sizeof acct);
	rc = screen_login(ui, login_hint, &acct);
	if (rc != TUI_OK)
		return rc;
	if (acct.must_change_password) {
		rc = screen_password(ui);
		if (rc == TUI_END)
			return rc;
	}
	if (tui_drafts_offer(ui) == TUI_END)
		return TUI_END;
	return screen_menu(ui);
}

int
tui_run(struct mn_ctx *ctx, const char *login_hint)
{
	struct tui ui;
	const char *cs;
	bool logged_in;

	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcasecmp(cs, "UTF-8") != 0)
		tui_setup_locale();
	memset(&ui, 0, sizeof ui);
	ui.ctx = ctx;
	tui_set_minimum(&ui, TUI_SMALL_COLS, TUI_SMALL_ROWS);
	if (tui_term_start(&ui) != 0)
		return 1;
	run_session(&ui, login_hint);
	tui_resume_free(&ui);
	logged_in = ctx->actor.account_id != 0;
	if (logged_in)
		mn_logout(ctx);
	tui_term_stop(&ui);
	say_goodbye(&ui, logged_in);
	memset(&ctx->actor.login, 0, sizeof ctx->actor.login);
	ctx->actor.account_id = 0;
	ctx->actor.roles = 0;
	return 0;
}
