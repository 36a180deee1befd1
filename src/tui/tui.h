/*
 * The terminal program: login, forced password change and the menu tree,
 * drawn with ncursesw.  main.c calls tui_setup_locale before anything
 * else and tui_run once the database and settings are open.
 */
#ifndef MN_TUI_TUI_H
#define MN_TUI_TUI_H

#include "core/mn.h"

/*
 * Selects a UTF-8 locale: the environment's if its codeset is UTF-8,
 * else C.UTF-8, else en_US.UTF-8.  SSH clients often send no LANG or one
 * the host lacks, and the screens need wide characters.
 */
void tui_setup_locale(void);

/*
 * Runs the login screen and, after a successful login, the menu tree.
 * ctx->db, ctx->cfg and ctx->actor.source must be set.  login_hint names
 * the login when an SSH key already identified it, else NULL.  Returns 0
 * after a logout, an idle timeout, a hangup or SIGTERM, and 1 when the
 * terminal cannot be used.
 */
int tui_run(struct mn_ctx *ctx, const char *login_hint);

#endif
