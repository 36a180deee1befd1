/*
 * Types shared by every core module: status codes, the error record that
 * carries a translated message to the user, roles and the acting account.
 *
 * The core never includes curses.  The TUI, the command line and the
 * tests call the same functions, declared in the headers of src/core.
 */
#ifndef MN_CORE_MN_H
#define MN_CORE_MN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#define MN_VERSION "0.1.0"

/* Status codes returned by core functions; 0 is success. */
enum mn_status {
	MN_OK = 0,
	MN_ERR_INVALID,		/* bad input; error names field and form */
	MN_ERR_DENIED,		/* role or scope does not allow it */
	MN_ERR_NOTFOUND,
	MN_ERR_EXISTS,		/* unique value already taken */
	MN_ERR_CONFLICT,	/* row version changed since it was read */
	MN_ERR_AUTH,		/* wrong login or password */
	MN_ERR_LOCKED,		/* account locked */
	MN_ERR_DB,		/* SQLite failure */
	MN_ERR_IO,
	MN_ERR_NOMEM,
};

/*
 * Error record filled by a failing core function.  The message is already
 * in the user's language and names the field, the value when it is safe
 * to repeat it, and the expected form.
 */
struct mn_error {
	int status;
	char field[64];
	char message[512];
};

/* Fills err (if not NULL) and returns status, for "return mn_fail(...)". */
int mn_fail(struct mn_error *err, int status, const char *field,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void mn_error_clear(struct mn_error *err);

/* Interface language, chosen by [ui] language. */
enum mn_lang { MN_LANG_VI = 0, MN_LANG_EN = 1 };
void mn_set_language(enum mn_lang lang);
enum mn_lang mn_language(void);

/*
 * Picks the English or the Vietnamese form of a message.  Both forms sit
 * side by side at the call site, so no message can lack a translation.
 */
const char *mn_pick(const char *en, const char *vi)
    __attribute__((format_arg(1), format_arg(2)));
#define T(en, vi) mn_pick((en), (vi))

/* Roles an account may hold, as a bit set. */
enum mn_role {
	MN_ROLE_ADMIN = 1u << 0,
	MN_ROLE_PRINCIPAL = 1u << 1,
	MN_ROLE_TEACHER = 1u << 2,
	MN_ROLE_NURSE = 1u << 3,
	MN_ROLE_KITCHEN = 1u << 4,
	MN_ROLE_ACCOUNTANT = 1u << 5,
	MN_ROLE_CLERK = 1u << 6,
	MN_ROLE_PARENT = 1u << 7,
	/* The Unix administrator running a host command; never stored. */
	MN_ROLE_HOST = 1u << 15,
};
#define MN_ROLE_COUNT 8

/* Returns the role's stored name ("admin", ...) or NULL. */
const char *mn_role_name(unsigned role);
/* Returns the role's label in the interface language. */
const char *mn_role_label(unsigned role);
/* Parses "teacher,nurse" into a bit set; MN_ERR_INVALID names the bad one. */
int mn_roles_parse(const char *list, unsigned *roles, struct mn_error *err);
/* Writes "teacher,nurse" for a bit set. */
void mn_roles_format(unsigned roles, char *buf, size_t size);

/* The account on whose behalf a core function acts. */
struct mn_actor {
	int64_t account_id;	/* 0 for the host administrator */
	char login[64];		/* account login, or "host:UNIXUSER" */
	unsigned roles;
	char source[64];	/* client address from SSH_CONNECTION, or
				   "local" */
};

struct mn_config;

/* Everything a core call needs: the database, the settings, the actor. */
struct mn_ctx {
	sqlite3 *db;
	const struct mn_config *cfg;
	struct mn_actor actor;
};

#endif
