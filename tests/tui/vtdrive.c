/*
 * vtdrive: runs a program in a pseudo-terminal emulated by libvterm, sends
 * it keys from a script and checks the text on the emulated screen.
 *
 *   vtdrive [-v] [-s COLSxROWS] [-t SECONDS] [-e NAME=VALUE]... [-u NAME]...
 *       -f SCRIPT -- COMMAND [ARG]...
 *
 * The script has one step per line; blank lines and lines starting with
 * '#' are skipped.  README.md beside this file lists the steps.  Exit
 * status: 0 when every step passed, 1 when a step failed, the script is
 * invalid or the global timeout ran out, 2 on a usage error.
 */
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <regex.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

#define DEFAULT_COLS		80
#define DEFAULT_ROWS		24
#define DEFAULT_TERM		"xterm-256color"
#define DEFAULT_WAIT_MS		5000
#define DEFAULT_GLOBAL_S	60
#define DEFAULT_SETTLE_MS	300
#define SEND_TIMEOUT_MS		5000	/* input not read by then: fail */
#define POLL_SLICE_MS		20	/* how often a wait polls the child */
#define READ_LIMIT		(256 * 1024)	/* bytes taken per poll */
#define EXIT_GRACE_MS		2000	/* after SIGHUP, before SIGKILL */
#define MAX_SIZE		1000	/* columns or rows */
#define PICK_QUIET_MS		150	/* pick: no output this long = drawn */
/*
 * expect: how long a missing text may take to arrive.  A screen comes in
 * several writes, so its rows can trail the text a script waited for.
 * A text that never comes still fails.
 */
#define EXPECT_GRACE_MS		1500
#define PICK_ROUNDS		8	/* pick: key bursts before giving up */

enum step_kind {
	STEP_SIZE,
	STEP_RESIZE,
	STEP_TYPE,
	STEP_KEY,
	STEP_WAIT,
	STEP_WAITNOT,
	STEP_EXPECT,
	STEP_EXPECTNOT,
	STEP_PICK,
	STEP_EXPECTLINE,
	STEP_EXPECTSCREEN,
	STEP_SLEEP,
	STEP_SETTLE,
	STEP_DUMP,
	STEP_WAITEXIT,
	STEP_SIGNAL,
	STEP_CLOSE,
	STEP_MARK,
	STEP_BYTES,
};

struct step {
	enum step_kind kind;
	int line;		/* line number in the script */
	char *text;		/* text, key sequence or file name */
	size_t len;		/* bytes in text (type may hold NUL) */
	long a;			/* first number: cols, row, ms, count ... */
	long b;			/* second number: rows, max ms, exit code */
	int has_b;
	regex_t *re;		/* set for the ...re steps: text is a regex */
	char *source;		/* the line as written, for -v */
};

struct env_change {
	char *name;
	char *value;		/* NULL: unset */
};

struct driver {
	VTerm *vt;
	VTermScreen *screen;
	int cols;
	int rows;
	int master;		/* pty master, -1 once closed */
	int pty_eof;		/* the slave side is closed */
	pid_t pid;		/* the child, 0 before the start */
	int exited;		/* the child has been reaped */
	int status;		/* its wait status */
	char *out;		/* bytes waiting to be written to the pty */
	size_t out_len;
	size_t out_cap;
	unsigned long long bytes_read;
	unsigned long long bytes_mark;
	long long deadline;	/* global timeout, monotonic ms */
	long global_s;
	struct step *steps;	/* kept here so leak checkers see them */
	size_t nsteps;
	struct env_change *env;
	size_t nenv;
	const char *script;
	int line;		/* line of the step being run */
	int verbose;
};

static struct driver drv;
static volatile sig_atomic_t child_pid;

static void finish(struct driver *);

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *
xmalloc(size_t size)
{
	void *p = malloc(size == 0 ? 1 : size);

	if (p == NULL) {
		fprintf(stderr, "vtdrive: out of memory\n");
		exit(1);
	}
	return p;
}

static char *
xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Appends the UTF-8 form of code point c to buf; returns the bytes used. */
static size_t
put_utf8(char *buf, uint32_t c)
{
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xc0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		buf[0] = (char)(0xe0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		buf[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	if (c > 0x10ffff)
		c = 0xfffd;
	buf[0] = (char)(0xf0 | (c >> 18));
	buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	buf[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* ---- Screen ---------------------------------------------------------- */

/*
 * Returns row (0-based) as UTF-8 text in a new string, one entry per cell:
 * an empty cell is a space, a wide character is written once for its two
 * cells, combining characters follow their base character.
 */
static char *
row_text(struct driver *d, int row)
{
	size_t cap = (size_t)d->cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1;
	char *buf = xmalloc(cap);
	size_t len = 0;
	VTermScreenCell cell;
	VTermPos pos;

	pos.row = row;
	for (pos.col = 0; pos.col < d->cols; ) {
		if (!vterm_screen_get_cell(d->screen, pos, &cell)) {
			buf[len++] = ' ';
			pos.col++;
			continue;
		}
		if (cell.chars[0] == 0 || cell.chars[0] == (uint32_t)-1)
			buf[len++] = ' ';
		else {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL &&
			    cell.chars[i] != 0; i++)
				len += put_utf8(buf + len, cell.chars[i]);
		}
		pos.col += cell.width > 0 ? cell.width : 1;
	}
	buf[len] = '\0';
	return buf;
}

static void
trim_right(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
}

/* Tells whether one row contains the step's text or matches its regex. */
static int
row_matches(const char *row, const struct step *st)
{
	if (st->re != NULL)
		return regexec(st->re, row, 0, NULL, 0) == 0;
	return strstr(row, st->text) != NULL;
}

static int
screen_matches(struct driver *d, const struct step *st)
{
	int found = 0;

	for (int row = 0; row < d->rows && !found; row++) {
		char *s = row_text(d, row);

		found = row_matches(s, st);
		free(s);
	}
	return found;
}

/* Writes the screen, each row trimmed on the right, with no decoration. */
static void
write_screen(struct driver *d, FILE *f)
{
	for (int row = 0; row < d->rows; row++) {
		char *s = row_text(d, row);

		trim_right(s);
		fprintf(f, "%s\n", s);
		free(s);
	}
}

static void
describe_child(struct driver *d, FILE *f)
{
	if (d->pid == 0)
		fprintf(f, "program: not started\n");
	else if (!d->exited)
		fprintf(f, "program: running (pid %ld)\n", (long)d->pid);
	else if (WIFEXITED(d->status))
		fprintf(f, "program: exited with status %d\n",
		    WEXITSTATUS(d->status));
	else if (WIFSIGNALED(d->status))
		fprintf(f, "program: killed by signal %d (%s)\n",
		    WTERMSIG(d->status), strsignal(WTERMSIG(d->status)));
}

/* Writes the screen with row numbers and the cursor, for failures. */
static void
report_screen(struct driver *d)
{
	VTermPos cursor;

	describe_child(d, stderr);
	if (d->vt == NULL)
		return;
	vterm_state_get_cursorpos(vterm_obtain_state(d->vt), &cursor);
	fprintf(stderr, "screen %dx%d, cursor at row %d column %d:\n",
	    d->cols, d->rows, cursor.row + 1, cursor.col + 1);
	for (int row = 0; row < d->rows; row++) {
		char *s = row_text(d, row);

		trim_right(s);
		fprintf(stderr, "%3d|%s\n", row + 1, s);
		free(s);
	}
}

static void fail(struct driver *, const char *, ...)
    __attribute__((format(printf, 2, 3), noreturn));

/* Reports a failed step with the screen, stops the child and exits 1. */
static void
fail(struct driver *d, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	if (d->line > 0)
		fprintf(stderr, "vtdrive: %s:%d: ", d->script, d->line);
	else
		fprintf(stderr, "vtdrive: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	report_screen(d);
	finish(d);
	exit(1);
}

/* ---- Pseudo-terminal ------------------------------------------------- */

static void
queue_output(const char *s, size_t len, void *user)
{
	struct driver *d = user;

	if (d->out_len + len > d->out_cap) {
		size_t cap = d->out_cap == 0 ? 256 : d->out_cap;
		char *p;

		while (cap < d->out_len + len)
			cap *= 2;
		p = realloc(d->out, cap);
		if (p == NULL) {
			fprintf(stderr, "vtdrive: out of memory\n");
			exit(1);
		}
		d->out = p;
		d->out_cap = cap;
	}
	memcpy(d->out + d->out_len, s, len);
	d->out_len += len;
}

static void
reap(struct driver *d)
{
	int status;

	if (d->pid == 0 || d->exited)
		return;
	if (waitpid(d->pid, &status, WNOHANG) == d->pid) {
		d->exited = 1;
		d->status = status;
		child_pid = 0;
	}
}

/*
 * Waits up to timeout_ms for the pty, feeds what the program wrote to
 * libvterm and writes queued input.  Returns the number of bytes read.
 * Fails the run when the global timeout has passed.
 */
static size_t
pump(struct driver *d, int timeout_ms)
{
	struct pollfd pfd;
	char buf[8192];
	size_t got = 0;
	long long left = d->deadline - now_ms();

	if (left <= 0)
		fail(d, "global timeout of %ld s reached", d->global_s);
	if (timeout_ms > left)
		timeout_ms = (int)left;
	reap(d);

	pfd.fd = (d->master >= 0 && !d->pty_eof) ? d->master : -1;
	pfd.events = POLLIN | (d->out_len > 0 ? POLLOUT : 0);
	pfd.revents = 0;
	if (poll(&pfd, 1, timeout_ms) < 0 && errno != EINTR)
		fail(d, "poll: %s", strerror(errno));
	if (pfd.fd < 0)
		return 0;

	if (pfd.revents & (POLLIN | POLLHUP | POLLERR)) {
		while (got < READ_LIMIT) {
			ssize_t n = read(d->master, buf, sizeof buf);

			if (n > 0) {
				vterm_input_write(d->vt, buf, (size_t)n);
				got += (size_t)n;
				continue;
			}
			if (n < 0 && errno == EINTR)
				continue;
			if (n == 0 || errno != EAGAIN)
				d->pty_eof = 1;	/* EIO: slave closed */
			break;
		}
		d->bytes_read += got;
	}
	if ((pfd.revents & POLLOUT) && d->out_len > 0) {
		ssize_t n = write(d->master, d->out, d->out_len);

		if (n > 0) {
			memmove(d->out, d->out + n, d->out_len - (size_t)n);
			d->out_len -= (size_t)n;
		} else if (n < 0 && errno != EAGAIN && errno != EINTR)
			d->pty_eof = 1;
	}
	return got;
}

/* Reads whatever the program has already written, without waiting. */
static void
drain(struct driver *d)
{
	while (pump(d, 0) > 0)
		;
}

static int
input_closed(struct driver *d)
{
	reap(d);
	return d->master < 0 || d->pty_eof || d->exited;
}

/* Writes the queued input to the pty, failing if the program never reads. */
static void
send_queued(struct driver *d)
{
	long long until = now_ms() + SEND_TIMEOUT_MS;

	while (d->out_len > 0) {
		if (input_closed(d)) {
			d->out_len = 0;
			fail(d, "cannot send input: the program has exited "
			    "or closed the terminal");
		}
		if (now_ms() >= until)
			fail(d, "the program did not read its input within "
			    "%d ms", SEND_TIMEOUT_MS);
		pump(d, POLL_SLICE_MS);
	}
}

static void
set_size(struct driver *d, int cols, int rows)
{
	struct winsize ws;

	memset(&ws, 0, sizeof ws);
	ws.ws_col = (unsigned short)cols;
	ws.ws_row = (unsigned short)rows;
	d->cols = cols;
	d->rows = rows;
	vterm_set_size(d->vt, rows, cols);
	/* The kernel sends SIGWINCH to the foreground process group. */
	if (d->master >= 0 && ioctl(d->master, TIOCSWINSZ, &ws) < 0)
		fail(d, "resize to %dx%d: %s", cols, rows, strerror(errno));
}

/* Sends sig to the child's process group; forkpty made it a leader. */
static void
signal_child(pid_t pid, int sig)
{
	if (pid <= 0)
		return;
	if (kill(-pid, sig) < 0)
		kill(pid, sig);
}

static void
on_fatal_signal(int sig)
{
	signal_child(child_pid, SIGKILL);
	_exit(128 + sig);
}

/*
 * Hangs up the terminal and stops the child: SIGHUP first, SIGKILL after
 * EXIT_GRACE_MS, so no run leaves a process behind.
 */
static void
finish(struct driver *d)
{
	long long until;

	if (d->master >= 0) {
		close(d->master);
		d->master = -1;
	}
	if (d->pid == 0)
		return;
	reap(d);
	if (d->exited)
		return;
	signal_child(d->pid, SIGHUP);
	until = now_ms() + EXIT_GRACE_MS;
	while (!d->exited && now_ms() < until) {
		poll(NULL, 0, 10);
		reap(d);
	}
	if (!d->exited) {
		signal_child(d->pid, SIGKILL);
		if (waitpid(d->pid, &d->status, 0) == d->pid)
			d->exited = 1;
	}
	child_pid = 0;
}

/* ---- Environment and start ------------------------------------------- */

static void
apply_env(struct env_change *env, size_t n)
{
	/* The driver's own TERM describes its caller's terminal, not this. */
	setenv("TERM", DEFAULT_TERM, 1);
	/* Stale sizes would override the pty's in curses programs. */
	unsetenv("COLUMNS");
	unsetenv("LINES");
	if (getenv("LC_ALL") == NULL && getenv("LC_CTYPE") == NULL &&
	    getenv("LANG") == NULL)
		setenv("LANG", "C.UTF-8", 1);
	for (size_t i = 0; i < n; i++) {
		if (env[i].value != NULL)
			setenv(env[i].name, env[i].value, 1);
		else
			unsetenv(env[i].name);
	}
}

static void
start_child(struct driver *d, char **argv, struct env_change *env,
    size_t nenv)
{
	struct winsize ws;
	pid_t pid;
	int master;

	memset(&ws, 0, sizeof ws);
	ws.ws_col = (unsigned short)d->cols;
	ws.ws_row = (unsigned short)d->rows;
	fflush(stdout);
	fflush(stderr);
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0)
		fail(d, "forkpty: %s", strerror(errno));
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		apply_env(env, nenv);
		execvp(argv[0], argv);
		fprintf(stderr, "vtdrive: cannot run %s: %s\r\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	d->pid = pid;
	child_pid = pid;
	d->master = master;
	fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
	fcntl(master, F_SETFD, FD_CLOEXEC);
}

/* ---- Script parsing -------------------------------------------------- */

static int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes one backslash escape at s (just after the backslash) into out.
 * Returns the characters consumed, or 0 for an unknown escape.
 */
static size_t
decode_escape(const char *s, char *out)
{
	int hi, lo;

	switch (s[0]) {
	case 'n':
		*out = '\n';
		return 1;
	case 'r':
		*out = '\r';
		return 1;
	case 't':
		*out = '\t';
		return 1;
	case 'e':
		*out = '\033';
		return 1;
	case '\\':
		*out = '\\';
		return 1;
	case '"':
		*out = '"';
		return 1;
	case 'x':
		if ((hi = hex_value(s[1])) < 0 || (lo = hex_value(s[2])) < 0)
			return 0;
		*out = (char)(hi * 16 + lo);
		return 3;
	}
	return 0;
}

struct parse_error {
	int line;
	char message[256];
};

static int parse_fail(struct parse_error *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static int
parse_fail(struct parse_error *pe, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(pe->message, sizeof pe->message, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * Parses a text argument into st->text and points *rest past it.  Quoted
 * text ends at the closing quote and always decodes escapes.  Bare text
 * runs to the end of the line and decodes escapes only if escapes is set.
 */
static int
parse_text(const char *s, int escapes, struct step *st, const char **rest,
    int *quoted, struct parse_error *pe)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1);
	size_t len = 0;

	*quoted = s[0] == '"';
	if (*quoted)
		s++;
	while (*s != '\0') {
		if (*quoted && *s == '"')
			break;
		if (*s == '\\' && (escapes || *quoted)) {
			size_t used = decode_escape(s + 1, out + len);

			if (used == 0) {
				free(out);
				return parse_fail(pe, "unknown escape '\\%c'; "
				    "expected \\n \\r \\t \\e \\\\ \\\" or "
				    "\\xNN", s[1] != '\0' ? s[1] : ' ');
			}
			len++;
			s += 1 + used;
			continue;
		}
		out[len++] = *s++;
	}
	if (*quoted) {
		if (*s != '"') {
			free(out);
			return parse_fail(pe, "missing closing quote");
		}
		s++;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	out[len] = '\0';
	st->text = out;
	st->len = len;
	*rest = s;
	return 0;
}

/* Parses a whole decimal number; returns -1 unless s is one. */
static int
parse_number(const char *s, long min, long max, long *value)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)s[0]) && s[0] != '-')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || v < min || v > max)
		return -1;
	*value = v;
	return 0;
}

/* Splits s at white space into at most max words (modified in place). */
static int
split_words(char *s, char **words, int max)
{
	int n = 0;

	while (*s != '\0') {
		while (*s == ' ' || *s == '\t')
			*s++ = '\0';
		if (*s == '\0')
			break;
		if (n == max)
			return max + 1;
		words[n++] = s;
		while (*s != '\0' && *s != ' ' && *s != '\t')
			s++;
	}
	return n;
}

/*
 * Parses "TEXT [TIMEOUT_MS]": a bare text whose last word is a number
 * takes that word as the timeout, so a text that ends in a number must be
 * quoted.
 */
static int
parse_text_timeout(const char *args, struct step *st, struct parse_error *pe)
{
	const char *rest;
	int quoted;
	char *space;
	long ms;

	st->a = DEFAULT_WAIT_MS;
	if (parse_text(args, 0, st, &rest, &quoted, pe) < 0)
		return -1;
	if (quoted) {
		if (*rest != '\0' &&
		    parse_number(rest, 0, 3600000, &st->a) < 0)
			return parse_fail(pe, "invalid timeout '%s'; expected "
			    "milliseconds from 0 to 3600000", rest);
	} else {
		space = strrchr(st->text, ' ');
		if (space != NULL &&
		    parse_number(space + 1, 0, 3600000, &ms) == 0) {
			st->a = ms;
			while (space > st->text && space[-1] == ' ')
				space--;
			*space = '\0';
			st->len = strlen(st->text);
		}
	}
	if (st->len == 0)
		return parse_fail(pe, "missing text");
	if (strchr(st->text, '\n') != NULL)
		return parse_fail(pe, "text to find cannot contain a newline");
	return 0;
}

struct key_name {
	const char *name;
	VTermKey key;
};

static const struct key_name key_names[] = {
	{ "Enter", VTERM_KEY_ENTER },
	{ "Return", VTERM_KEY_ENTER },
	{ "Tab", VTERM_KEY_TAB },
	{ "Backspace", VTERM_KEY_BACKSPACE },
	{ "BS", VTERM_KEY_BACKSPACE },
	{ "Esc", VTERM_KEY_ESCAPE },
	{ "Escape", VTERM_KEY_ESCAPE },
	{ "Up", VTERM_KEY_UP },
	{ "Down", VTERM_KEY_DOWN },
	{ "Left", VTERM_KEY_LEFT },
	{ "Right", VTERM_KEY_RIGHT },
	{ "Insert", VTERM_KEY_INS },
	{ "Ins", VTERM_KEY_INS },
	{ "Delete", VTERM_KEY_DEL },
	{ "Del", VTERM_KEY_DEL },
	{ "Home", VTERM_KEY_HOME },
	{ "End", VTERM_KEY_END },
	{ "PgUp", VTERM_KEY_PAGEUP },
	{ "PageUp", VTERM_KEY_PAGEUP },
	{ "PgDn", VTERM_KEY_PAGEDOWN },
	{ "PageDown", VTERM_KEY_PAGEDOWN },
};

/*
 * Turns a key name into the bytes an xterm sends, using libvterm's
 * keyboard so cursor keys follow the application cursor mode the program
 * set.  Names: the table above, F1..F12, BTab, Space, a single character,
 * with prefixes C- (control), M- (meta: Esc first) and S- (shift).
 * Control letters are sent as the C0 byte, as an xterm does.
 */
static int
encode_key(struct driver *d, const char *name)
{
	VTermModifier mod = VTERM_MOD_NONE;
	int meta = 0;
	long fn;

	for (;;) {
		if (strncasecmp(name, "C-", 2) == 0 && name[2] != '\0')
			mod |= VTERM_MOD_CTRL;
		else if (strncasecmp(name, "S-", 2) == 0 && name[2] != '\0')
			mod |= VTERM_MOD_SHIFT;
		else if (strncasecmp(name, "M-", 2) == 0 && name[2] != '\0')
			meta = 1;
		else
			break;
		name += 2;
	}
	if (meta)
		queue_output("\033", 1, d);

	if (strcasecmp(name, "BTab") == 0) {
		vterm_keyboard_key(d->vt, VTERM_KEY_TAB,
		    mod | VTERM_MOD_SHIFT);
		return 0;
	}
	if (strcasecmp(name, "Space") == 0)
		name = " ";
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strcasecmp(name, key_names[i].name) == 0) {
			vterm_keyboard_key(d->vt, key_names[i].key, mod);
			return 0;
		}
	if ((name[0] == 'F' || name[0] == 'f') &&
	    parse_number(name + 1, 1, 12, &fn) == 0) {
		vterm_keyboard_key(d->vt, VTERM_KEY_FUNCTION((int)fn), mod);
		return 0;
	}
	if (name[0] == '\0' || name[1] != '\0' || (name[0] & 0x80))
		return -1;
	if (mod & VTERM_MOD_CTRL) {
		int c = toupper((unsigned char)name[0]);
		char byte;

		if (c == ' ' || c == '@')
			byte = 0;
		else if (c >= 'A' && c <= '_')
			byte = (char)(c & 0x1f);
		else if (c == '?')
			byte = 0x7f;
		else
			return -1;
		queue_output(&byte, 1, d);
		return 0;
	}
	vterm_keyboard_unichar(d->vt, (unsigned char)name[0], mod);
	return 0;
}

static const struct {
	const char *name;
	int sig;
} signal_names[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
	{ "TERM", SIGTERM }, { "KILL", SIGKILL }, { "USR1", SIGUSR1 },
	{ "USR2", SIGUSR2 }, { "WINCH", SIGWINCH }, { "CONT", SIGCONT },
	{ "STOP", SIGSTOP }, { "TSTP", SIGTSTP },
};

static int
parse_signal(const char *name)
{
	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	for (size_t i = 0; i < sizeof signal_names / sizeof signal_names[0];
	    i++)
		if (strcasecmp(name, signal_names[i].name) == 0)
			return signal_names[i].sig;
	return -1;
}

static int
parse_size_words(char **w, int n, struct step *st, struct parse_error *pe)
{
	if (n != 2 || parse_number(w[0], 1, MAX_SIZE, &st->a) < 0 ||
	    parse_number(w[1], 1, MAX_SIZE, &st->b) < 0)
		return parse_fail(pe, "expected COLUMNS ROWS, each from 1 "
		    "to %d", MAX_SIZE);
	return 0;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Compiles st->text as a POSIX extended regular expression. */
static int
compile_regex(struct step *st, struct parse_error *pe)
{
	int rc;

	st->re = xmalloc(sizeof *st->re);
	if ((rc = regcomp(st->re, st->text, REG_EXTENDED | REG_NOSUB)) != 0) {
		char msg[128];

		regerror(rc, st->re, msg, sizeof msg);
		free(st->re);
		st->re = NULL;
		return parse_fail(pe, "invalid regular expression \"%s\": %s",
		    st->text, msg);
	}
	return 0;
}

/* Parses one script line (command word and its arguments) into st. */
static int
parse_step(char *cmd, char *args, struct step *st, struct parse_error *pe)
{
	char *w[4];
	int n;
	const char *rest;
	int quoted;

	memset(st, 0, sizeof *st);
	st->line = pe->line;

	if (strcmp(cmd, "type") == 0) {
		st->kind = STEP_TYPE;
		if (parse_text(args, 1, st, &rest, &quoted, pe) < 0)
			return -1;
		if (*rest != '\0')
			return parse_fail(pe, "unexpected text after the "
			    "closing quote: %s", rest);
		return 0;
	}
	if (strcmp(cmd, "wait") == 0 || strcmp(cmd, "waitnot") == 0 ||
	    strcmp(cmd, "waitre") == 0 || strcmp(cmd, "waitnotre") == 0) {
		st->kind = strncmp(cmd, "waitnot", 7) == 0 ? STEP_WAITNOT :
		    STEP_WAIT;
		if (parse_text_timeout(args, st, pe) < 0)
			return -1;
		return ends_with(cmd, "re") ? compile_regex(st, pe) : 0;
	}
	if (strcmp(cmd, "pick") == 0) {
		st->kind = STEP_PICK;
		return parse_text_timeout(args, st, pe);
	}
	if (strcmp(cmd, "expect") == 0 || strcmp(cmd, "expectnot") == 0 ||
	    strcmp(cmd, "expectre") == 0 ||
	    strcmp(cmd, "expectnotre") == 0) {
		st->kind = strncmp(cmd, "expectnot", 9) == 0 ?
		    STEP_EXPECTNOT : STEP_EXPECT;
		if (parse_text(args, 0, st, &rest, &quoted, pe) < 0)
			return -1;
		if (*rest != '\0')
			return parse_fail(pe, "unexpected text after the "
			    "closing quote: %s", rest);
		if (st->len == 0)
			return parse_fail(pe, "missing text");
		return ends_with(cmd, "re") ? compile_regex(st, pe) : 0;
	}
	if (strcmp(cmd, "expectline") == 0) {
		char *space = args + strcspn(args, " \t");

		st->kind = STEP_EXPECTLINE;
		if (*space != '\0')
			*space++ = '\0';
		if (parse_number(args, -MAX_SIZE, MAX_SIZE, &st->a) < 0 ||
		    st->a == 0)
			return parse_fail(pe, "invalid row '%s'; expected 1 "
			    "for the top row or -1 for the bottom row", args);
		while (*space == ' ' || *space == '\t')
			space++;
		if (parse_text(space, 0, st, &rest, &quoted, pe) < 0)
			return -1;
		if (*rest != '\0' || st->len == 0)
			return parse_fail(pe, "expected: expectline ROW TEXT");
		return 0;
	}
	if (strcmp(cmd, "expectscreen") == 0 || strcmp(cmd, "dump") == 0) {
		st->kind = cmd[0] == 'd' ? STEP_DUMP : STEP_EXPECTSCREEN;
		if (st->kind == STEP_EXPECTSCREEN && *args == '\0')
			return parse_fail(pe, "expected: expectscreen FILE");
		st->text = xstrndup(args, strlen(args));
		st->len = strlen(args);
		return 0;
	}

	n = split_words(args, w, 3);
	if (strcmp(cmd, "size") == 0 || strcmp(cmd, "resize") == 0) {
		st->kind = cmd[0] == 's' ? STEP_SIZE : STEP_RESIZE;
		return parse_size_words(w, n, st, pe);
	}
	if (strcmp(cmd, "key") == 0) {
		st->kind = STEP_KEY;
		st->a = 1;
		if (n < 1 || n > 2 ||
		    (n == 2 && parse_number(w[1], 1, 1000, &st->a) < 0))
			return parse_fail(pe, "expected: key NAME [COUNT]");
		st->text = xstrndup(w[0], strlen(w[0]));
		st->len = strlen(w[0]);
		return 0;
	}
	if (strcmp(cmd, "sleep") == 0) {
		st->kind = STEP_SLEEP;
		if (n != 1 || parse_number(w[0], 0, 3600000, &st->a) < 0)
			return parse_fail(pe, "expected: sleep MS");
		return 0;
	}
	if (strcmp(cmd, "settle") == 0) {
		st->kind = STEP_SETTLE;
		st->a = DEFAULT_SETTLE_MS;
		st->b = DEFAULT_WAIT_MS;
		if (n > 2 ||
		    (n >= 1 && parse_number(w[0], 1, 3600000, &st->a) < 0) ||
		    (n == 2 && parse_number(w[1], 1, 3600000, &st->b) < 0))
			return parse_fail(pe, "expected: settle [QUIET_MS "
			    "[TIMEOUT_MS]]");
		return 0;
	}
	if (strcmp(cmd, "waitexit") == 0) {
		st->kind = STEP_WAITEXIT;
		st->a = DEFAULT_WAIT_MS;
		if (n > 2 ||
		    (n >= 1 && parse_number(w[0], 0, 3600000, &st->a) < 0) ||
		    (n == 2 && parse_number(w[1], 0, 255, &st->b) < 0))
			return parse_fail(pe, "expected: waitexit "
			    "[TIMEOUT_MS [STATUS]] with STATUS from 0 to 255");
		st->has_b = n == 2;
		return 0;
	}
	if (strcmp(cmd, "signal") == 0) {
		st->kind = STEP_SIGNAL;
		if (n != 1 || (st->a = parse_signal(w[0])) < 0)
			return parse_fail(pe, "expected: signal NAME, one of "
			    "HUP INT QUIT TERM KILL USR1 USR2 WINCH CONT "
			    "STOP TSTP");
		return 0;
	}
	if (strcmp(cmd, "close") == 0 || strcmp(cmd, "mark") == 0 ||
	    strcmp(cmd, "bytes") == 0) {
		st->kind = cmd[0] == 'c' ? STEP_CLOSE :
		    cmd[0] == 'm' ? STEP_MARK : STEP_BYTES;
		if (n != 0)
			return parse_fail(pe, "%s takes no arguments", cmd);
		return 0;
	}
	return parse_fail(pe, "unknown step '%s'", cmd);
}

/*
 * Reads the whole script into d->steps first, so a typo fails before the
 * program runs.
 */
static void
read_script(struct driver *d, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	size_t cap = 0;
	char *line = NULL;
	size_t linecap = 0;
	ssize_t len;
	struct parse_error pe;

	if (f == NULL) {
		fprintf(stderr, "vtdrive: cannot open script %s: %s\n", path,
		    strerror(errno));
		exit(1);
	}
	pe.line = 0;
	while ((len = getline(&line, &linecap, f)) >= 0) {
		char *cmd = line, *args, *source;

		pe.line++;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r' || line[len - 1] == ' ' ||
		    line[len - 1] == '\t'))
			line[--len] = '\0';
		while (*cmd == ' ' || *cmd == '\t')
			cmd++;
		if (*cmd == '\0' || *cmd == '#')
			continue;
		if (d->nsteps == cap) {
			struct step *p;

			cap = cap == 0 ? 32 : cap * 2;
			p = realloc(d->steps, cap * sizeof *p);
			if (p == NULL) {
				fprintf(stderr, "vtdrive: out of memory\n");
				exit(1);
			}
			d->steps = p;
		}
		source = xstrndup(cmd, strlen(cmd));
		args = cmd + strcspn(cmd, " \t");
		if (*args != '\0')
			*args++ = '\0';
		while (*args == ' ' || *args == '\t')
			args++;
		if (parse_step(cmd, args, &d->steps[d->nsteps], &pe) < 0) {
			fprintf(stderr, "vtdrive: %s:%d: %s\n", path, pe.line,
			    pe.message);
			free(source);
			free(line);
			exit(1);
		}
		d->steps[d->nsteps++].source = source;
	}
	if (ferror(f)) {
		fprintf(stderr, "vtdrive: cannot read script %s: %s\n", path,
		    strerror(errno));
		exit(1);
	}
	free(line);
	if (f != stdin)
		fclose(f);
}

/* ---- Steps ----------------------------------------------------------- */

/* ---- pick: move a list's selection onto a row ------------------------ */

/* Leading characters that mark the selected row of a list. */
static const char *const selection_markers[] = {
	"\u25b6", "\u25ba", "\u25b8", "\u203a", "\u00bb", "\u276f", ">",
};

/* Returns s past blanks and, if one is there, a selection marker. */
static const char *
skip_marker(const char *s)
{
	while (*s == ' ')
		s++;
	for (size_t i = 0; i < sizeof selection_markers /
	    sizeof selection_markers[0]; i++) {
		size_t n = strlen(selection_markers[i]);

		if (strncmp(s, selection_markers[i], n) == 0) {
			s += n;
			break;
		}
	}
	while (*s == ' ')
		s++;
	return s;
}

/*
 * Tells whether a cell's background is the terminal's default.  Cells
 * drawn after SGR 0 carry the default colour without the default flag
 * (libvterm 0.1.4), so the colours are compared as RGB too.
 */
static int
background_is_default(struct driver *d, const VTermColor *bg)
{
	VTermState *state = vterm_obtain_state(d->vt);
	VTermColor fg, def, col = *bg;

	if (VTERM_COLOR_IS_DEFAULT_BG(bg))
		return 1;
	vterm_state_get_default_colors(state, &fg, &def);
	vterm_state_convert_color_to_rgb(state, &def);
	vterm_state_convert_color_to_rgb(state, &col);
	return col.rgb.red == def.rgb.red && col.rgb.green == def.rgb.green &&
	    col.rgb.blue == def.rgb.blue;
}

/*
 * The rule for a list's selected row: its first visible character is a
 * selection marker, or a cell that is not blank is in reverse video or
 * on a background colour other than the default.  Programs that draw
 * only part of the row highlighted, or only a marker, still match.
 * Blank cells do not count, because erasing with a highlighted pen
 * leaves them highlighted on some terminals.
 */
static int
row_is_selected(struct driver *d, int row)
{
	VTermScreenCell cell;
	VTermPos pos;
	char *s = row_text(d, row);
	int marked = skip_marker(s) != s + strspn(s, " ");

	free(s);
	if (marked)
		return 1;
	pos.row = row;
	for (pos.col = 0; pos.col < d->cols; pos.col++) {
		if (!vterm_screen_get_cell(d->screen, pos, &cell) ||
		    cell.chars[0] == 0 || cell.chars[0] == ' ' ||
		    cell.chars[0] == (uint32_t)-1)
			continue;
		if (cell.attrs.reverse || !background_is_default(d, &cell.bg))
			return 1;
	}
	return 0;
}

/*
 * Returns the selected row, skipping the top and bottom rows, where
 * full-screen programs keep a status line and a key-help line drawn in
 * the same attributes.  Fails when no row or several rows are selected.
 */
static int
selected_row(struct driver *d, const struct step *st)
{
	int found = -1;

	for (int row = 1; row < d->rows - 1; row++) {
		if (!row_is_selected(d, row))
			continue;
		if (found >= 0)
			fail(d, "%s: rows %d and %d both look selected",
			    st->source, found + 1, row + 1);
		found = row;
	}
	if (found < 0)
		fail(d, "%s: no row looks selected (reverse video, a "
		    "background colour or a leading marker)", st->source);
	return found;
}

static int
row_is_blank(struct driver *d, int row)
{
	char *s = row_text(d, row);
	int blank = s[strspn(s, " ")] == '\0';

	free(s);
	return blank;
}

/*
 * Returns the row holding the step's text among the rows around the
 * selected row sel, up to a blank row: that block is the list, so a
 * message line that repeats the text does not count.  When several rows
 * of the block contain the text, the one whose text (past a marker) is
 * exactly the text wins, then the one that starts with it; anything
 * else is ambiguous and fails.
 */
static int
text_row(struct driver *d, const struct step *st, int sel)
{
	int found[3] = { -1, -1, -1 };	/* contains, equals, starts with */
	int count[3] = { 0, 0, 0 };
	int top = sel, bottom = sel;

	while (top > 1 && !row_is_blank(d, top - 1))
		top--;
	while (bottom < d->rows - 2 && !row_is_blank(d, bottom + 1))
		bottom++;
	for (int row = top; row <= bottom; row++) {
		char *s = row_text(d, row);
		const char *label;

		if (strstr(s, st->text) != NULL) {
			trim_right(s);
			label = skip_marker(s);
			found[0] = row;
			count[0]++;
			if (strcmp(label, st->text) == 0) {
				found[1] = row;
				count[1]++;
			}
			if (strncmp(label, st->text, st->len) == 0) {
				found[2] = row;
				count[2]++;
			}
		}
		free(s);
	}
	for (int i = 0; i < 3; i++)
		if (count[i] == 1)
			return found[i];
	if (count[0] == 0 && screen_matches(d, st))
		fail(d, "%s: text not in the list around the selected row "
		    "%d (rows %d to %d)", st->source, sel + 1, top + 1,
		    bottom + 1);
	if (count[0] == 0)
		fail(d, "%s: text not on the screen", st->source);
	fail(d, "%s: text is on %d rows; give a longer text", st->source,
	    count[0]);
}

/* Reads output until the program has been quiet for ms, or until. */
static void
wait_quiet(struct driver *d, int ms, long long until, const char *source)
{
	long long quiet_since = now_ms();

	for (;;) {
		if (pump(d, POLL_SLICE_MS) > 0)
			quiet_since = now_ms();
		else if (now_ms() - quiet_since >= ms)
			return;
		if (now_ms() >= until)
			fail(d, "%s: the screen did not settle in time",
			    source);
	}
}

/*
 * Sends Up or Down until the selected row is the one holding the text,
 * waiting after each burst of keys for the selection to move and the
 * screen to settle.  A burst that does not move the selection (the text
 * sits on a row the list cannot select) fails.
 */
static void
pick(struct driver *d, const struct step *st)
{
	long long until = now_ms() + st->a;

	wait_quiet(d, PICK_QUIET_MS, until, st->source);
	for (int round = 0; ; round++) {
		int sel = selected_row(d, st);
		int target = text_row(d, st, sel);
		int moved = 0;
		char *before;

		if (sel == target)
			return;
		if (round == PICK_ROUNDS)
			fail(d, "%s: selection on row %d after %d bursts of "
			    "keys, text on row %d", st->source, sel + 1,
			    round, target + 1);
		before = row_text(d, sel);
		for (int i = abs(target - sel); i > 0; i--)
			encode_key(d, target > sel ? "Down" : "Up");
		send_queued(d);
		/* The selection moves to another row, or the list scrolls. */
		while (!moved) {
			char *now;
			int at = -1;

			drain(d);
			for (int row = 1; row < d->rows - 1 && at < 0; row++)
				if (row_is_selected(d, row))
					at = row;
			now = at >= 0 ? row_text(d, at) : NULL;
			moved = at != sel || strcmp(now, before) != 0;
			free(now);
			if (!moved && now_ms() >= until) {
				free(before);
				fail(d, "%s: the selection did not move from "
				    "row %d towards row %d", st->source,
				    sel + 1, target + 1);
			}
			if (!moved)
				pump(d, POLL_SLICE_MS);
		}
		free(before);
		wait_quiet(d, PICK_QUIET_MS, until, st->source);
	}
}

static void
wait_for_text(struct driver *d, const struct step *st, int present)
{
	long long until = now_ms() + st->a;

	for (;;) {
		drain(d);
		if (screen_matches(d, st) == present)
			return;
		if (now_ms() >= until)
			break;
		/* The screen cannot change any more. */
		if (input_closed(d) && d->exited &&
		    (d->pty_eof || d->master < 0)) {
			if (present)
				fail(d, "%s: text not on the screen and the "
				    "program has exited", st->source);
			fail(d, "%s: text still on the screen and the "
			    "program has exited", st->source);
		}
		pump(d, (int)(until - now_ms()) < POLL_SLICE_MS ?
		    (int)(until - now_ms()) : POLL_SLICE_MS);
	}
	if (present)
		fail(d, "%s: text not on the screen after %ld ms", st->source,
		    st->a);
	fail(d, "%s: text still on the screen after %ld ms", st->source,
	    st->a);
}

static void
expect_line(struct driver *d, const struct step *st)
{
	int row = st->a > 0 ? (int)st->a - 1 : d->rows + (int)st->a;
	char *s;

	drain(d);
	if (row < 0 || row >= d->rows)
		fail(d, "expectline %ld: no such row on a screen of %d rows",
		    st->a, d->rows);
	s = row_text(d, row);
	if (!row_matches(s, st)) {
		trim_right(s);
		fail(d, "%s: row %d is \"%s\"", st->source, row + 1, s);
	}
	free(s);
}

static void
expect_screen(struct driver *d, const struct step *st)
{
	FILE *f = fopen(st->text, "r");
	char *want = NULL;
	size_t cap = 0;
	ssize_t len;
	int row = 0;

	if (f == NULL)
		fail(d, "expectscreen: cannot open %s: %s", st->text,
		    strerror(errno));
	drain(d);
	for (row = 0; row < d->rows; row++) {
		char *got = row_text(d, row);

		trim_right(got);
		const char *line = "";

		/* Rows missing at the end of the file are blank rows. */
		if ((len = getline(&want, &cap, f)) >= 0) {
			while (len > 0 && (want[len - 1] == '\n' ||
			    want[len - 1] == ' '))
				want[--len] = '\0';
			line = want;
		}
		if (strcmp(got, line) != 0) {
			fclose(f);
			fail(d, "expectscreen %s: row %d differs\n"
			    "expected: \"%s\"\nactual:   \"%s\"", st->text,
			    row + 1, line, got);
		}
		free(got);
	}
	free(want);
	fclose(f);
}

static void
dump_screen(struct driver *d, const struct step *st)
{
	FILE *f = stdout;

	drain(d);
	if (st->len > 0 && (f = fopen(st->text, "w")) == NULL)
		fail(d, "dump: cannot create %s: %s", st->text,
		    strerror(errno));
	write_screen(d, f);
	if (f != stdout && fclose(f) != 0)
		fail(d, "dump: cannot write %s: %s", st->text,
		    strerror(errno));
	fflush(stdout);
}

static void
settle(struct driver *d, const struct step *st)
{
	long long until = now_ms() + st->b;
	long long quiet_since = now_ms();

	for (;;) {
		if (pump(d, POLL_SLICE_MS) > 0)
			quiet_since = now_ms();
		else if (now_ms() - quiet_since >= st->a)
			return;
		if (now_ms() >= until)
			fail(d, "settle: the program kept writing for %ld ms",
			    st->b);
	}
}

static int
exit_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return -1;
}

static void
wait_exit(struct driver *d, const struct step *st)
{
	long long until = now_ms() + st->a;
	long long tail;

	while (reap(d), !d->exited) {
		if (now_ms() >= until)
			fail(d, "waitexit: program still running after %ld ms",
			    st->a);
		pump(d, POLL_SLICE_MS);
	}
	/* Take in what it wrote last, until the pty reports the hangup. */
	tail = now_ms() + 500;
	while (d->master >= 0 && !d->pty_eof && now_ms() < tail)
		pump(d, POLL_SLICE_MS);
	if (st->has_b && exit_code(d->status) != st->b)
		fail(d, "waitexit: exit status %d, expected %ld",
		    exit_code(d->status), st->b);
}

static void
run_step(struct driver *d, const struct step *st)
{
	long long until;

	d->line = st->line;
	if (d->verbose)
		fprintf(stderr, "vtdrive: %s:%d: %s\n", d->script,
		    st->line, st->source);
	switch (st->kind) {
	case STEP_SIZE:
	case STEP_RESIZE:
		set_size(d, (int)st->a, (int)st->b);
		break;
	case STEP_TYPE:
		queue_output(st->text, st->len, d);
		send_queued(d);
		break;
	case STEP_KEY:
		for (long i = 0; i < st->a; i++)
			if (encode_key(d, st->text) < 0)
				fail(d, "unknown key '%s'", st->text);
		send_queued(d);
		break;
	case STEP_WAIT:
	case STEP_WAITNOT:
		wait_for_text(d, st, st->kind == STEP_WAIT);
		break;
	case STEP_EXPECT: {
		struct step grace = *st;

		grace.a = EXPECT_GRACE_MS;
		wait_for_text(d, &grace, 1);
		break;
	}
	case STEP_EXPECTNOT:
		drain(d);
		if (screen_matches(d, st))
			fail(d, "%s: text is on the screen", st->source);
		break;
	case STEP_PICK:
		pick(d, st);
		break;
	case STEP_EXPECTLINE:
		expect_line(d, st);
		break;
	case STEP_EXPECTSCREEN:
		expect_screen(d, st);
		break;
	case STEP_SLEEP:
		until = now_ms() + st->a;
		while (now_ms() < until)
			pump(d, (int)(until - now_ms()));
		break;
	case STEP_SETTLE:
		settle(d, st);
		break;
	case STEP_DUMP:
		dump_screen(d, st);
		break;
	case STEP_WAITEXIT:
		wait_exit(d, st);
		break;
	case STEP_SIGNAL:
		reap(d);
		if (d->exited)
			fail(d, "signal: the program has already exited");
		kill(d->pid, (int)st->a);
		break;
	case STEP_CLOSE:
		drain(d);
		if (d->master >= 0)
			close(d->master);
		d->master = -1;
		break;
	case STEP_MARK:
		drain(d);
		d->bytes_mark = d->bytes_read;
		break;
	case STEP_BYTES:
		drain(d);
		printf("bytes %llu\n", d->bytes_read - d->bytes_mark);
		fflush(stdout);
		d->bytes_mark = d->bytes_read;
		break;
	}
}

/* ---- Main ------------------------------------------------------------ */

static void
free_all(struct driver *d)
{
	for (size_t i = 0; i < d->nsteps; i++) {
		free(d->steps[i].text);
		free(d->steps[i].source);
		if (d->steps[i].re != NULL) {
			regfree(d->steps[i].re);
			free(d->steps[i].re);
		}
	}
	free(d->steps);
	for (size_t i = 0; i < d->nenv; i++)
		if (d->env[i].value != NULL)
			free(d->env[i].name);	/* -e names are copies */
	free(d->env);
	free(d->out);
	if (d->vt != NULL)
		vterm_free(d->vt);
}

static void
usage(void)
{
	fprintf(stderr,
	    "usage: vtdrive [-v] [-s COLSxROWS] [-t SECONDS] "
	    "[-e NAME=VALUE]... [-u NAME]...\n"
	    "               -f SCRIPT -- COMMAND [ARG]...\n"
	    "  -s  initial terminal size (default %dx%d)\n"
	    "  -t  global timeout in seconds; the program is killed then "
	    "(default %d)\n"
	    "  -e  set a variable for the program (TERM defaults to %s)\n"
	    "  -u  remove a variable from the program's environment\n"
	    "  -f  script file, - for standard input\n"
	    "  -v  print each step as it runs\n",
	    DEFAULT_COLS, DEFAULT_ROWS, DEFAULT_GLOBAL_S, DEFAULT_TERM);
	exit(2);
}

static void
parse_size_option(const char *arg, int *cols, int *rows)
{
	long c, r;
	char *x = strchr(arg, 'x');
	char *copy;

	copy = xstrndup(arg, x != NULL ? (size_t)(x - arg) : 0);
	if (x == NULL || parse_number(copy, 1, MAX_SIZE, &c) < 0 ||
	    parse_number(x + 1, 1, MAX_SIZE, &r) < 0) {
		fprintf(stderr, "vtdrive: invalid size '%s'; expected "
		    "COLSxROWS such as 80x24\n", arg);
		exit(2);
	}
	free(copy);
	*cols = (int)c;
	*rows = (int)r;
}

int
main(int argc, char **argv)
{
	struct driver *d = &drv;
	struct env_change *env;
	size_t nenv = 0, first = 0;
	const char *script = NULL;
	struct sigaction sa;
	long global_s = DEFAULT_GLOBAL_S;
	int cols = DEFAULT_COLS, rows = DEFAULT_ROWS, opt;

	env = d->env = xmalloc(sizeof *env * (size_t)argc);
	while ((opt = getopt(argc, argv, "+e:f:hs:t:u:v")) != -1) {
		switch (opt) {
		case 'e': {
			char *eq = strchr(optarg, '=');

			if (eq == NULL || eq == optarg) {
				fprintf(stderr, "vtdrive: invalid -e '%s'; "
				    "expected NAME=VALUE\n", optarg);
				exit(2);
			}
			env[nenv].name = xstrndup(optarg,
			    (size_t)(eq - optarg));
			env[nenv++].value = eq + 1;
			break;
		}
		case 'u':
			env[nenv].name = optarg;
			env[nenv++].value = NULL;
			break;
		case 'f':
			script = optarg;
			break;
		case 's':
			parse_size_option(optarg, &cols, &rows);
			break;
		case 't':
			if (parse_number(optarg, 1, 86400, &global_s) < 0) {
				fprintf(stderr, "vtdrive: invalid -t '%s'; "
				    "expected seconds from 1 to 86400\n",
				    optarg);
				exit(2);
			}
			break;
		case 'v':
			d->verbose = 1;
			break;
		default:
			usage();
		}
	}
	if (script == NULL || optind >= argc)
		usage();
	d->nenv = nenv;

	/* Lets "." in a regex match one UTF-8 character, not one byte. */
	setlocale(LC_CTYPE, "C.UTF-8");
	read_script(d, script);
	/* A leading "size" step gives the size the program starts with. */
	if (d->nsteps > 0 && d->steps[0].kind == STEP_SIZE) {
		cols = (int)d->steps[0].a;
		rows = (int)d->steps[0].b;
		first = 1;
	}

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = on_fatal_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	d->script = strcmp(script, "-") == 0 ? "<stdin>" : script;
	d->master = -1;
	d->global_s = global_s;
	d->deadline = now_ms() + global_s * 1000;
	d->cols = cols;
	d->rows = rows;
	d->vt = vterm_new(rows, cols);
	vterm_set_utf8(d->vt, 1);
	vterm_output_set_callback(d->vt, queue_output, d);
	d->screen = vterm_obtain_screen(d->vt);
	vterm_screen_enable_altscreen(d->screen, 1);
	vterm_screen_reset(d->screen, 1);

	start_child(d, argv + optind, env, nenv);
	for (size_t i = first; i < d->nsteps; i++)
		run_step(d, &d->steps[i]);
	d->line = 0;
	finish(d);
	free_all(d);
	return 0;
}
