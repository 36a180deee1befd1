/*
 * mamnon --ssh: the only command an SSH login of the mamnon group runs.
 *
 * sshd's ForceCommand replaces whatever the client asked for and puts
 * the request in SSH_ORIGINAL_COMMAND.  This file decides what runs:
 * the terminal interface, "get CODE", or nothing.  It never starts a
 * shell and never passes the client's text to one.
 *
 * A ForceCommand also overrides the command="..." option of a key in
 * authorized_keys, so a key bound with command="mamnon --login LOGIN"
 * would lose its login.  With "ExposeAuthInfo yes" sshd names the key
 * used in the file $SSH_USER_AUTH; the login is then read back from the
 * command="..." option of the matching line in the authorized_keys file
 * ($MAMNON_AUTHORIZED_KEYS, else ~/.ssh/authorized_keys).
 */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_ops.h"
#include "core/account.h"
#include "core/config.h"
#include "core/db.h"
#include "core/text.h"
#include "tui/tui.h"

/*
 * TERM used when the client sends none or one that cannot address the
 * cursor.  PuTTY, Windows Terminal, macOS Terminal and Linux terminals
 * all emulate xterm.
 */
#define FALLBACK_TERM "xterm-256color"

/* Replaces a missing or unknown TERM, which would stop ncurses. */
static void
fix_term(void)
{
	const char *term = getenv("TERM");

	if (cli_terminal_usable(term))
		return;
	if (cli_terminal_usable(FALLBACK_TERM))
		setenv("TERM", FALLBACK_TERM, 1);
	else if (cli_terminal_usable("xterm"))
		setenv("TERM", "xterm", 1);
	else
		setenv("TERM", "vt100", 1);
}

/* Reads the key sshd accepted: "publickey TYPE BASE64" in SSH_USER_AUTH. */
static bool
auth_key_blob(char *blob, size_t size)
{
	const char *path = getenv("SSH_USER_AUTH");
	char line[16384];
	bool found = false;
	FILE *f;

	if (path == NULL || *path == '\0' || (f = fopen(path, "r")) == NULL)
		return false;
	while (!found && fgets(line, sizeof line, f) != NULL) {
		char *type, *key, *save;

		if (strncmp(line, "publickey ", 10) != 0)
			continue;
		type = strtok_r(line + 10, " \t\n", &save);
		key = strtok_r(NULL, " \t\n", &save);
		if (type != NULL && key != NULL && strlen(key) < size) {
			snprintf(blob, size, "%s", key);
			found = true;
		}
	}
	fclose(f);
	return found;
}

/*
 * Copies the value of the command="..." option from the options at the
 * start of an authorized_keys line, undoing \" escapes.
 */
static bool
command_option(const char *line, const char *end, char *out, size_t size)
{
	const char *p = line;
	size_t n = 0;

	while (p < end) {
		if (strncmp(p, "command=\"", 9) == 0 &&
		    (p == line || p[-1] == ',')) {
			for (p += 9; p < end && *p != '"' && n + 1 < size;
			    p++) {
				if (*p == '\\' && p + 1 < end && p[1] == '"')
					p++;
				out[n++] = *p;
			}
			out[n] = '\0';
			return true;
		}
		if (*p == '"') {
			/* Skip a quoted value of another option. */
			for (p++; p < end && *p != '"'; p++)
				if (*p == '\\' && p + 1 < end)
					p++;
		}
		if (p < end)
			p++;
	}
	return false;
}

/* Finds "--login LOGIN", "--login=LOGIN" or "-l LOGIN" in a command. */
static bool
login_in_command(char *command, char *login, size_t size)
{
	char *save, *word = strtok_r(command, " \t", &save);

	for (; word != NULL; word = strtok_r(NULL, " \t", &save)) {
		const char *value = NULL;

		if (strncmp(word, "--login=", 8) == 0)
			value = word + 8;
		else if (strcmp(word, "--login") == 0 ||
		    strcmp(word, "-l") == 0)
			value = strtok_r(NULL, " \t", &save);
		if (value != NULL && strlen(value) < size) {
			snprintf(login, size, "%s", value);
			return true;
		}
	}
	return false;
}

static void
authorized_keys_path(char *path, size_t size)
{
	const char *env = getenv("MAMNON_AUTHORIZED_KEYS");
	struct passwd *pw;

	if (env != NULL && *env == '/') {
		snprintf(path, size, "%s", env);
		return;
	}
	pw = getpwuid(getuid());
	snprintf(path, size, "%s/.ssh/authorized_keys",
	    pw != NULL ? pw->pw_dir : "/nonexistent");
}

/*
 * Looks up the login the SSH key of this session is bound to.  Returns
 * false when sshd did not expose the key or its line names no login.
 */
static bool
key_bound_login(char *login, size_t size)
{
	char blob[16384], path[PATH_MAX], line[16384], command[1024];
	bool found = false;
	FILE *f;

	if (!auth_key_blob(blob, sizeof blob))
		return false;
	authorized_keys_path(path, sizeof path);
	if ((f = fopen(path, "r")) == NULL)
		return false;
	while (!found && fgets(line, sizeof line, f) != NULL) {
		char *hit = strstr(line, blob);
		size_t len = strlen(blob);

		/* The blob must be a whole word, preceded by the key type. */
		if (hit == NULL || hit == line || hit[-1] != ' ' ||
		    (hit[len] != ' ' && hit[len] != '\n' && hit[len] != '\0' &&
		    hit[len] != '\r'))
			continue;
		if (command_option(line, hit, command, sizeof command) &&
		    login_in_command(command, login, size))
			found = true;
		break;
	}
	fclose(f);
	return found;
}

static int
run_terminal(struct mn_ctx *ctx, const char *login)
{
	struct mn_error err = { 0 };
	int rc;

	fix_term();
	if (mn_db_open(ctx->cfg->db_path, &ctx->db, &err) != MN_OK)
		return cli_error(&err);
	rc = tui_run(ctx, login);
	mn_db_close(ctx->db);
	ctx->db = NULL;
	return rc;
}

static int
run_get(struct mn_ctx *ctx, const char *code, const char *login)
{
	struct mn_error err = { 0 };
	int rc;

	if (mn_db_open(ctx->cfg->db_path, &ctx->db, &err) != MN_OK)
		return cli_error(&err);
	/* A key-bound session may only fetch its own account's codes. */
	rc = cli_get_code(ctx, code, login);
	mn_db_close(ctx->db);
	ctx->db = NULL;
	return rc;
}

static int
reject(const struct mn_ctx *ctx, const char *command)
{
	char shown[128];

	mn_text_safe(command, shown, sizeof shown);
	syslog(LOG_NOTICE, "rejected SSH command from %s: %s",
	    ctx->actor.source, shown);
	fprintf(stderr, "%s\n", T("mamnon: this account only runs mamnon; "
	    "scp, sftp, port forwarding and shell commands are not available."
	    "\nTo fetch an exported file: ssh HOST get CODE > FILE",
	    "mamnon: tài khoản này chỉ chạy mamnon; không dùng được scp, "
	    "sftp, chuyển tiếp cổng hay lệnh shell.\nĐể lấy tệp đã xuất: "
	    "ssh MÁY_CHỦ get MÃ > TỆP"));
	return CLI_FAIL;
}

int
cli_ssh_entry(struct mn_ctx *ctx, const char *login_hint)
{
	const char *command = getenv("SSH_ORIGINAL_COMMAND");
	char bound[64], words[256], *first, *second, *extra, *save;
	const char *login = login_hint;
	struct mn_error err = { 0 };

	mn_actor_set_source(&ctx->actor);
	if (login == NULL && key_bound_login(bound, sizeof bound))
		login = bound;
	if (login != NULL && mn_valid_login(login, &err) != MN_OK) {
		syslog(LOG_WARNING, "SSH key bound to an invalid login");
		fprintf(stderr, "mamnon: --login: %s\n", err.message);
		return CLI_FAIL;
	}
	if (command == NULL || command[strspn(command, " \t")] == '\0')
		return run_terminal(ctx, login);
	if (strlen(command) >= sizeof words)
		return reject(ctx, command);
	snprintf(words, sizeof words, "%s", command);
	first = strtok_r(words, " \t", &save);
	second = strtok_r(NULL, " \t", &save);
	extra = strtok_r(NULL, " \t", &save);
	if (first != NULL && strcmp(first, "get") == 0 && second != NULL &&
	    extra == NULL)
		return run_get(ctx, second, login);
	if (first != NULL && strcmp(first, "get") == 0) {
		/* get is the one command a client may give: print its usage. */
		fprintf(stderr, "%s\n", T("mamnon get: usage: ssh HOST get "
		    "CODE > FILE, with the code the export screen showed",
		    "mamnon get: cách dùng: ssh MÁY_CHỦ get MÃ > TỆP, với mã "
		    "màn hình xuất dữ liệu đã cho"));
		/* Exit 1 as for any command the forced command turns down. */
		return CLI_FAIL;
	}
	return reject(ctx, command);
}
