/*
 * Logins bound to an SSH key: sshd ran `mamnon --login LOGIN` from the
 * key's command= option, so the key already authenticated the account.
 */
#ifndef MN_CORE_LOGIN_KEY_H
#define MN_CORE_LOGIN_KEY_H

#include "core/account.h"

/*
 * Logs login in without a password, for [security]
 * ask_password_with_key = no.  Checks that the account exists and is
 * not locked by the administrator, then fills ctx->actor and acct,
 * records last_login_at and an audit row "login" with detail "ssh key"
 * in one transaction, and logs to syslog (auth facility).  Failed
 * password logins from other addresses do not block it, because no
 * password is tried.  Returns MN_ERR_NOTFOUND or MN_ERR_LOCKED.
 */
int mn_login_by_key(struct mn_ctx *ctx, const char *login,
    struct mn_account *acct, struct mn_error *err);

#endif
