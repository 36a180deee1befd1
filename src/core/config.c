/*
 * Settings from mamnon.ini.
 *
 * The file goes through three steps.  check_file() reads it first and
 * rejects what iniparser 4.1 would mishandle or what cannot be a valid
 * setting: a file that is not regular or is too large, NUL bytes,
 * control characters, invalid UTF-8 and lines longer than iniparser's
 * buffer.  iniparser_load() then parses it.  Last, every dictionary entry
 * is matched against the key table below.  Values are read straight from
 * the dictionary entries and never through iniparser_getstring() and its
 * callers, because iniparser 4.1 returns NULL there for a name that is a
 * section and its getint/getboolean then dereference it (CVE-2023-33461).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <iniparser/iniparser.h>
#include <unicode/utf8.h>

#include "core/config.h"

/* Far above the sample's 2 KiB, so a wrong file such as a log is rejected. */
#define CONFIG_MAX_SIZE (64 * 1024)

/* iniparser 4.1 rejects lines longer than its 1024-byte buffer. */
#define CONFIG_MAX_LINE 1000

#define ZONEINFO_DIR "/usr/share/zoneinfo"

enum key_type {
	KEY_TEXT,		/* free text, may be empty */
	KEY_NAME,		/* free text, not empty */
	KEY_PATH,		/* relative to the config file's folder */
	KEY_TIMEZONE,		/* IANA name under ZONEINFO_DIR */
	KEY_LANGUAGE,		/* vi | en */
	KEY_DURATION,		/* 90s, 15m, 2h, 1d or 0, within min..max */
	KEY_NUMBER,		/* decimal, within min..max */
	KEY_BOOLEAN,		/* yes | no */
	KEY_FACILITY,		/* syslog facility name */
};

struct key {
	const char *section;
	const char *name;
	enum key_type type;
	const char *fallback;	/* default, written as in the file */
	unsigned min;
	unsigned max;
	size_t offset;		/* field in struct mn_config */
	size_t size;		/* size of a text field */
};

#define TEXT_FIELD(f) offsetof(struct mn_config, f), \
	sizeof(((struct mn_config *)0)->f)
#define FIELD(f) offsetof(struct mn_config, f), 0

/* Every key mamnon.ini may contain; mamnon.ini(5) documents each one. */
static const struct key keys[] = {
	{ "database", "path", KEY_PATH, "/var/lib/mamnon/mamnon.db",
	    0, 0, TEXT_FIELD(db_path) },
	{ "school", "name", KEY_NAME, "Trường Mầm non",
	    0, 0, TEXT_FIELD(school_name) },
	{ "school", "address", KEY_TEXT, "",
	    0, 0, TEXT_FIELD(school_address) },
	{ "school", "timezone", KEY_TIMEZONE, "Asia/Ho_Chi_Minh",
	    0, 0, TEXT_FIELD(timezone) },
	{ "ui", "language", KEY_LANGUAGE, "vi",
	    0, 0, FIELD(language) },
	{ "ui", "idle_timeout", KEY_DURATION, "15m",
	    0, 24 * 3600, FIELD(idle_timeout) },
	{ "security", "max_failed_logins", KEY_NUMBER, "5",
	    1, 100, FIELD(max_failed_logins) },
	{ "security", "lockout_time", KEY_DURATION, "15m",
	    1, 24 * 3600, FIELD(lockout_time) },
	{ "security", "password_min_length", KEY_NUMBER, "8",
	    6, 128, FIELD(password_min_length) },
	{ "security", "ask_password_with_key", KEY_BOOLEAN, "no",
	    0, 0, FIELD(ask_password_with_key) },
	{ "log", "facility", KEY_FACILITY, "local0",
	    0, 0, FIELD(log_facility) },
	{ "attendance", "edit_days", KEY_NUMBER, "3",
	    0, 60, FIELD(attendance_edit_days) },
	{ "backup", "dir", KEY_PATH, "/var/backups/mamnon",
	    0, 0, TEXT_FIELD(backup_dir) },
	{ "backup", "keep", KEY_NUMBER, "14",
	    1, 3650, FIELD(backup_keep) },
};
#define KEY_COUNT (sizeof keys / sizeof keys[0])

/* A word a key takes, with the value stored for it. */
struct word {
	const char *name;
	int value;
};

/* The words of KEY_FACILITY, KEY_LANGUAGE and KEY_BOOLEAN. */
static const struct word facilities[] = {
	{ "user", LOG_USER }, { "daemon", LOG_DAEMON }, { "auth", LOG_AUTH },
	{ "authpriv", LOG_AUTHPRIV }, { "local0", LOG_LOCAL0 },
	{ "local1", LOG_LOCAL1 }, { "local2", LOG_LOCAL2 },
	{ "local3", LOG_LOCAL3 }, { "local4", LOG_LOCAL4 },
	{ "local5", LOG_LOCAL5 }, { "local6", LOG_LOCAL6 },
	{ "local7", LOG_LOCAL7 },
};
static const struct word languages[] = {
	{ "vi", MN_LANG_VI }, { "en", MN_LANG_EN },
};
static const struct word booleans[] = {
	{ "yes", 1 }, { "no", 0 },
};

/* Stores the number of word value in *out; false if value is not listed. */
static bool
find_word(const struct word *words, size_t n, const char *value, int *out)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(value, words[i].name) == 0) {
			*out = words[i].value;
			return true;
		}
	return false;
}

/* Origin of the values being applied, for error messages. */
struct source {
	const char *path;	/* config file, escaped */
	char dir[PATH_MAX];	/* its folder, absolute; "" for defaults */
};

/*
 * Copies text into buf with bytes below 0x20 and 0x7f replaced by '?',
 * so a value can be repeated in a message without moving the cursor or
 * hiding what follows.  Long text is cut at a character boundary and
 * ends in "...".
 */
static const char *
escape(const char *text, char *buf, size_t size)
{
	size_t len = 0;
	const unsigned char *p = (const unsigned char *)text;

	for (; *p != '\0' && len + 4 < size; p++)
		buf[len++] = (*p < 0x20 || *p == 0x7f) ? '?' : (char)*p;
	if (*p != '\0') {
		/* Back off to the start of a UTF-8 character. */
		while (len > 0 && (*p & 0xc0) == 0x80) {
			len--;
			p--;
		}
		memcpy(buf + len, "...", 3);
		len += 3;
	}
	buf[len] = '\0';
	return buf;
}

/* Writes seconds in the largest unit that divides them, such as "24h". */
static const char *
format_duration(unsigned seconds, char *buf, size_t size)
{
	if (seconds == 0)
		snprintf(buf, size, "0");
	else if (seconds % 3600 == 0)
		snprintf(buf, size, "%uh", seconds / 3600);
	else if (seconds % 60 == 0)
		snprintf(buf, size, "%um", seconds / 60);
	else
		snprintf(buf, size, "%us", seconds);
	return buf;
}

static const char *
expected_form(const struct key *k, char *buf, size_t size)
{
	char low[16], high[16];

	switch (k->type) {
	case KEY_TEXT:
		snprintf(buf, size, T("text of at most %zu bytes",
		    "văn bản dài tối đa %zu byte"), k->size - 1);
		break;
	case KEY_NAME:
		snprintf(buf, size, T("non-empty text of at most %zu bytes",
		    "văn bản không rỗng, dài tối đa %zu byte"), k->size - 1);
		break;
	case KEY_PATH:
		snprintf(buf, size, "%s", T("a file path, absolute or "
		    "relative to the folder of this file",
		    "một đường dẫn, tuyệt đối hoặc tương đối so với thư mục "
		    "của tệp này"));
		break;
	case KEY_TIMEZONE:
		snprintf(buf, size, "%s", T("a time zone name under "
		    ZONEINFO_DIR ", such as Asia/Ho_Chi_Minh",
		    "tên múi giờ có trong " ZONEINFO_DIR
		    ", ví dụ Asia/Ho_Chi_Minh"));
		break;
	case KEY_LANGUAGE:
		snprintf(buf, size, "%s", T("vi or en", "vi hoặc en"));
		break;
	case KEY_DURATION:
		snprintf(buf, size, T("a duration such as 90s, 15m or 2h, "
		    "from %s to %s", "một khoảng thời gian như 90s, 15m "
		    "hoặc 2h, từ %s đến %s"),
		    format_duration(k->min, low, sizeof low),
		    format_duration(k->max, high, sizeof high));
		break;
	case KEY_NUMBER:
		snprintf(buf, size, T("a whole number from %u to %u",
		    "một số nguyên từ %u đến %u"), k->min, k->max);
		break;
	case KEY_BOOLEAN:
		snprintf(buf, size, "%s", T("yes or no", "yes hoặc no"));
		break;
	case KEY_FACILITY:
		snprintf(buf, size, "%s", T("user, daemon, auth, authpriv or "
		    "local0 to local7", "user, daemon, auth, authpriv hoặc "
		    "local0 đến local7"));
		break;
	}
	return buf;
}

static int
fail_value(const struct source *src, const struct key *k, const char *value,
    struct mn_error *err)
{
	char field[64], shown[96], form[160];

	snprintf(field, sizeof field, "%s.%s", k->section, k->name);
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: [%s] %s = \"%s\": expected %s",
	    "%s: [%s] %s = \"%s\": cần %s"), src->path, k->section, k->name,
	    escape(value, shown, sizeof shown),
	    expected_form(k, form, sizeof form));
}

static int
parse_number(const char *text, unsigned long long limit,
    unsigned long long *out)
{
	unsigned long long n = 0;

	if (*text == '\0')
		return -1;
	for (; *text >= '0' && *text <= '9'; text++) {
		n = n * 10 + (unsigned)(*text - '0');
		if (n > limit)
			return -1;
	}
	if (*text != '\0')
		return -1;
	*out = n;
	return 0;
}

/* Parses a count and one unit letter; "0" alone needs no unit. */
int
mn_parse_duration(const char *text, unsigned *seconds)
{
	char digits[24];
	size_t len;
	unsigned long long n, unit;

	if (text == NULL || seconds == NULL)
		return -1;
	if (strcmp(text, "0") == 0) {
		*seconds = 0;
		return 0;
	}
	len = strlen(text);
	if (len < 2 || len - 1 >= sizeof digits)
		return -1;
	switch (text[len - 1]) {
	case 's': unit = 1; break;
	case 'm': unit = 60; break;
	case 'h': unit = 3600; break;
	case 'd': unit = 86400; break;
	default: return -1;
	}
	memcpy(digits, text, len - 1);
	digits[len - 1] = '\0';
	if (parse_number(digits, UINT_MAX, &n) != 0 || n > UINT_MAX / unit)
		return -1;
	*seconds = (unsigned)(n * unit);
	return 0;
}

/* Accepts Area/Location names only, so the value cannot leave the tree. */
static int
check_timezone(const char *name)
{
	char path[sizeof ZONEINFO_DIR + 64];
	char magic[4];
	const char *p;
	struct stat st;
	int fd;
	ssize_t got;

	if (name[0] == '\0' || name[0] == '/' || strstr(name, "//") != NULL ||
	    name[strlen(name) - 1] == '/')
		return -1;
	for (p = name; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("/_+-", *p) != NULL))
			return -1;
	if ((size_t)snprintf(path, sizeof path, "%s/%s", ZONEINFO_DIR,
	    name) >= sizeof path)
		return -1;
	/* Links are followed, because Debian links UTC to Etc/UTC. */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1)
		return -1;
	/* A zone file starts with "TZif", unlike zone.tab and the like. */
	got = (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) ?
	    read(fd, magic, sizeof magic) : -1;
	close(fd);
	return (got == 4 && memcmp(magic, "TZif", 4) == 0) ? 0 : -1;
}

static int
resolve_path(const struct source *src, const char *value, char *out,
    size_t size)
{
	int n;

	if (value[0] == '\0')
		return -1;
	if (value[0] == '/' || src->dir[0] == '\0')
		n = snprintf(out, size, "%s", value);
	else if (strcmp(src->dir, "/") == 0)
		n = snprintf(out, size, "/%s", value);
	else
		n = snprintf(out, size, "%s/%s", src->dir, value);
	return (n < 0 || (size_t)n >= size) ? -1 : 0;
}

/* Stores value in the field of cfg that k names; fails if it is invalid. */
static int
set_value(struct mn_config *cfg, const struct source *src,
    const struct key *k, const char *value, struct mn_error *err)
{
	char *field = (char *)cfg + k->offset;
	unsigned long long number;
	unsigned seconds;
	int word;

	switch (k->type) {
	case KEY_NAME:
		if (value[0] == '\0')
			return fail_value(src, k, value, err);
		/* FALLTHROUGH */
	case KEY_TEXT:
		if (strlen(value) >= k->size)
			return fail_value(src, k, value, err);
		memcpy(field, value, strlen(value) + 1);
		return MN_OK;
	case KEY_PATH:
		if (resolve_path(src, value, field, k->size) != 0)
			return fail_value(src, k, value, err);
		return MN_OK;
	case KEY_TIMEZONE:
		if (strlen(value) >= k->size || check_timezone(value) != 0)
			return fail_value(src, k, value, err);
		memcpy(field, value, strlen(value) + 1);
		return MN_OK;
	case KEY_LANGUAGE:
		if (!find_word(languages,
		    sizeof languages / sizeof languages[0], value, &word))
			return fail_value(src, k, value, err);
		*(enum mn_lang *)(void *)field = (enum mn_lang)word;
		return MN_OK;
	case KEY_DURATION:
		if (mn_parse_duration(value, &seconds) != 0 ||
		    seconds < k->min || seconds > k->max)
			return fail_value(src, k, value, err);
		*(unsigned *)(void *)field = seconds;
		return MN_OK;
	case KEY_NUMBER:
		if (parse_number(value, k->max, &number) != 0 ||
		    number < k->min)
			return fail_value(src, k, value, err);
		*(unsigned *)(void *)field = (unsigned)number;
		return MN_OK;
	case KEY_BOOLEAN:
		if (!find_word(booleans, sizeof booleans / sizeof booleans[0],
		    value, &word))
			return fail_value(src, k, value, err);
		*(int *)(void *)field = word;
		return MN_OK;
	case KEY_FACILITY:
		if (!find_word(facilities, sizeof facilities /
		    sizeof facilities[0], value, &word))
			return fail_value(src, k, value, err);
		*(int *)(void *)field = word;
		return MN_OK;
	}
	return fail_value(src, k, value, err);
}

void
mn_config_defaults(struct mn_config *cfg)
{
	struct source src = { "", "" };
	size_t i;
	int rc;

	memset(cfg, 0, sizeof *cfg);
	for (i = 0; i < KEY_COUNT; i++) {
		rc = set_value(cfg, &src, &keys[i], keys[i].fallback, NULL);
		/* Only a wrong table entry can fail here. */
		if (rc != MN_OK)
			abort();
	}
}

const char *
mn_config_path(const char *option)
{
	const char *env;

	if (option != NULL)
		return option;
	env = getenv("MAMNON_CONFIG");
	if (env != NULL && env[0] != '\0')
		return env;
	return MN_CONFIG_DEFAULT_PATH;
}

void
mn_config_apply_timezone(const struct mn_config *cfg)
{
	setenv("TZ", cfg->timezone, 1);
	tzset();
}

/*
 * Checks the bytes of the file before iniparser sees them, so that each
 * problem gets a message with its line number.
 */
static int
check_text(const char *path, const char *text, size_t size,
    struct mn_error *err)
{
	size_t line = 1, line_start = 0;
	int32_t i = 0;
	UChar32 c;

	/* iniparser would read a byte order mark as part of the first line. */
	if (size >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		return mn_fail(err, MN_ERR_INVALID, "",
		    T("%s: line 1: starts with a byte order mark; save the "
		    "file as UTF-8 without BOM", "%s: dòng 1: bắt đầu bằng "
		    "dấu thứ tự byte (BOM); hãy lưu tệp ở dạng UTF-8 không "
		    "có BOM"), path);
	while ((size_t)i < size) {
		int32_t at = i;

		U8_NEXT(text, i, (int32_t)size, c);
		if (c < 0)
			return mn_fail(err, MN_ERR_INVALID, "",
			    T("%s: line %zu: invalid UTF-8; save the file as "
			    "UTF-8", "%s: dòng %zu: không phải UTF-8 hợp lệ; "
			    "hãy lưu tệp ở dạng UTF-8"), path, line);
		if (c == 0)
			return mn_fail(err, MN_ERR_INVALID, "",
			    T("%s: line %zu: NUL byte; a settings file is "
			    "text", "%s: dòng %zu: có byte NUL; tệp cấu hình "
			    "phải là văn bản"), path, line);
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f)
			return mn_fail(err, MN_ERR_INVALID, "",
			    T("%s: line %zu: control character 0x%02x; only "
			    "tabs and line ends are allowed",
			    "%s: dòng %zu: có ký tự điều khiển 0x%02x; chỉ "
			    "cho phép tab và xuống dòng"), path, line,
			    (unsigned)c);
		if (c == '\n') {
			line++;
			line_start = (size_t)i;
		} else if ((size_t)at - line_start >= CONFIG_MAX_LINE) {
			return mn_fail(err, MN_ERR_INVALID, "",
			    T("%s: line %zu: longer than %d bytes",
			    "%s: dòng %zu: dài quá %d byte"), path, line,
			    CONFIG_MAX_LINE);
		}
	}
	/*
	 * iniparser 4.1 drops a last line that ends in a backslash, because
	 * it waits for the continuation line that never comes.
	 */
	while (size > 0 && strchr(" \t\r\n", text[size - 1]) != NULL)
		size--;
	if (size > 0 && text[size - 1] == '\\')
		return mn_fail(err, MN_ERR_INVALID, "",
		    T("%s: the last line ends with a backslash, which "
		    "continues it onto a line that does not exist; remove "
		    "the backslash", "%s: dòng cuối kết thúc bằng dấu gạch "
		    "chéo ngược, tức là nối sang một dòng không tồn tại; hãy "
		    "bỏ dấu đó"), path);
	return MN_OK;
}

/* A "key = value" line as written, for finding a key set twice. */
struct key_line {
	const char *section;	/* trimmed header line, "" before the first */
	size_t section_len;
	const char *name;	/* trimmed text before '=' */
	size_t name_len;
	size_t line;
};

static int
compare_text(const char *a, size_t a_len, const char *b, size_t b_len)
{
	int diff = strncasecmp(a, b, a_len < b_len ? a_len : b_len);

	if (diff != 0)
		return diff;
	return (a_len > b_len) - (a_len < b_len);
}

static int
compare_key_lines(const void *pa, const void *pb)
{
	const struct key_line *a = pa, *b = pb;
	int diff;

	diff = compare_text(a->section, a->section_len, b->section,
	    b->section_len);
	if (diff == 0)
		diff = compare_text(a->name, a->name_len, b->name,
		    b->name_len);
	if (diff == 0)
		diff = (a->line > b->line) - (a->line < b->line);
	return diff;
}

static void
trim(const char **start, size_t *len)
{
	while (*len > 0 && strchr(" \t\r", (*start)[0]) != NULL) {
		(*start)++;
		(*len)--;
	}
	while (*len > 0 && strchr(" \t\r", (*start)[*len - 1]) != NULL)
		(*len)--;
}

/*
 * Rejects a key set twice in one section, which iniparser 4.1 accepts
 * silently by keeping the last value.  Lines are split the way iniparser
 * splits them.  Two headers that differ only in spacing or comments
 * count as different sections here, so such a repeat goes unnoticed.
 */
static int
check_duplicates(const char *path, const char *text, size_t size,
    struct mn_error *err)
{
	struct key_line *lines;
	const char *section = "", *start = text, *end = text + size;
	size_t section_len = 0, count = 0, line = 0, i;
	int continued = 0, rc = MN_OK;

	lines = calloc(size / 2 + 2, sizeof *lines);
	if (lines == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", "%s",
		    T("out of memory", "hết bộ nhớ"));
	while (start < end) {
		const char *newline, *content = start, *equals;
		size_t len;
		int was_continued = continued;

		newline = memchr(start, '\n', (size_t)(end - start));
		len = (size_t)((newline ? newline : end) - start);
		line++;
		start = newline ? newline + 1 : end;
		trim(&content, &len);
		continued = len > 0 && content[len - 1] == '\\';
		if (was_continued || len == 0 || content[0] == ';' ||
		    content[0] == '#')
			continue;
		if (content[0] == '[') {
			section = content;
			section_len = len;
			continue;
		}
		equals = memchr(content, '=', len);
		if (equals == NULL)
			continue;
		lines[count].section = section;
		lines[count].section_len = section_len;
		lines[count].name = content;
		lines[count].name_len = (size_t)(equals - content);
		trim(&lines[count].name, &lines[count].name_len);
		lines[count].line = line;
		count++;
	}
	qsort(lines, count, sizeof *lines, compare_key_lines);
	for (i = 1; i < count; i++) {
		if (compare_text(lines[i].section, lines[i].section_len,
		    lines[i - 1].section, lines[i - 1].section_len) != 0 ||
		    compare_text(lines[i].name, lines[i].name_len,
		    lines[i - 1].name, lines[i - 1].name_len) != 0)
			continue;
		rc = mn_fail(err, MN_ERR_INVALID, "",
		    T("%s: line %zu: %.*s %.*s is already set on line %zu; "
		    "keep one of the two", "%s: dòng %zu: %.*s %.*s đã được "
		    "đặt ở dòng %zu; hãy giữ một trong hai"), path,
		    lines[i].line, (int)lines[i].section_len, lines[i].section,
		    (int)lines[i].name_len, lines[i].name, lines[i - 1].line);
		break;
	}
	free(lines);
	return rc;
}

static int
check_file(const char *path, struct mn_error *err)
{
	struct stat st;
	char *text;
	ssize_t got;
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd == -1)
		return mn_fail(err, MN_ERR_IO, "",
		    T("%s: cannot open the settings file: %s",
		    "%s: không mở được tệp cấu hình: %s"), path,
		    strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return mn_fail(err, MN_ERR_IO, "",
		    T("%s: not a regular file", "%s: không phải tệp thường"),
		    path);
	}
	if (st.st_size > CONFIG_MAX_SIZE) {
		close(fd);
		return mn_fail(err, MN_ERR_INVALID, "",
		    T("%s: file is larger than %d bytes",
		    "%s: tệp lớn hơn %d byte"), path, CONFIG_MAX_SIZE);
	}
	text = malloc(CONFIG_MAX_SIZE + 1);
	if (text == NULL) {
		close(fd);
		return mn_fail(err, MN_ERR_NOMEM, "", "%s",
		    T("out of memory", "hết bộ nhớ"));
	}
	got = 0;
	while (got <= CONFIG_MAX_SIZE) {
		ssize_t n = read(fd, text + got,
		    (size_t)(CONFIG_MAX_SIZE + 1 - got));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n < 0)
				got = -1;
			break;
		}
		got += n;
	}
	rc = errno;
	close(fd);
	if (got < 0)
		rc = mn_fail(err, MN_ERR_IO, "",
		    T("%s: cannot read the settings file: %s",
		    "%s: không đọc được tệp cấu hình: %s"), path,
		    strerror(rc));
	else if (got > CONFIG_MAX_SIZE)
		rc = mn_fail(err, MN_ERR_INVALID, "",
		    T("%s: file is larger than %d bytes",
		    "%s: tệp lớn hơn %d byte"), path, CONFIG_MAX_SIZE);
	else
		rc = check_text(path, text, (size_t)got, err);
	if (rc == MN_OK)
		rc = check_duplicates(path, text, (size_t)got, err);
	free(text);
	return rc;
}

/* Line number of the last error iniparser reported, 0 if none. */
static int ini_error_line;

static int ini_error(const char *, ...) __attribute__((format(printf, 1, 2)));

/*
 * Keeps iniparser from printing to stderr.  Its 4.1 messages that carry
 * a line number have the form "... in %s (%d)" with the file name first.
 */
static int
ini_error(const char *format, ...)
{
	va_list ap;

	if (strstr(format, "in %s (%d)") != NULL) {
		va_start(ap, format);
		(void)va_arg(ap, const char *);
		ini_error_line = va_arg(ap, int);
		va_end(ap);
	}
	return 0;
}

static const struct key *
find_key(const char *section, size_t section_len, const char *name)
{
	size_t i;

	for (i = 0; i < KEY_COUNT; i++)
		if (strlen(keys[i].section) == section_len &&
		    strncmp(keys[i].section, section, section_len) == 0 &&
		    strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

static int
known_section(const char *section, size_t len)
{
	size_t i;

	for (i = 0; i < KEY_COUNT; i++)
		if (strlen(keys[i].section) == len &&
		    strncmp(keys[i].section, section, len) == 0)
			return 1;
	return 0;
}

/*
 * Applies one dictionary entry.  iniparser 4.1 stores a section as its
 * name with a NULL value and a key as "section:key", with an empty
 * section name for a key above the first section header.
 */
static int
apply_entry(struct mn_config *cfg, const struct source *src,
    const char *entry, const char *value, struct mn_error *err)
{
	char shown[96], shown2[96], field[64];
	const char *colon = strchr(entry, ':');
	const struct key *k;

	if (value == NULL || colon == NULL) {
		if (value == NULL && known_section(entry, strlen(entry)))
			return MN_OK;
		return mn_fail(err, MN_ERR_INVALID, "",
		    T("%s: unknown section [%s]; expected database, school, "
		    "ui, security, log, attendance or backup",
		    "%s: không có mục [%s]; cần database, school, ui, "
		    "security, log, attendance hoặc backup"), src->path,
		    escape(entry, shown, sizeof shown));
	}
	if (colon == entry)
		return mn_fail(err, MN_ERR_INVALID, colon + 1,
		    T("%s: key %s is outside any section; put it under its "
		    "[section] header", "%s: khóa %s nằm ngoài mọi mục; hãy "
		    "đặt nó dưới tiêu đề [mục] của nó"), src->path,
		    escape(colon + 1, shown, sizeof shown));
	k = find_key(entry, (size_t)(colon - entry), colon + 1);
	snprintf(field, sizeof field, "%.*s.%s", (int)(colon - entry), entry,
	    colon + 1);
	if (k == NULL)
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: [%.*s] unknown key %s; see mamnon.ini(5) for the "
		    "keys of each section", "%s: [%.*s] không có khóa %s; "
		    "xem mamnon.ini(5) để biết các khóa của từng mục"),
		    src->path, (int)(colon - entry),
		    escape(entry, shown, sizeof shown),
		    escape(colon + 1, shown2, sizeof shown2));
	return set_value(cfg, src, k, value, err);
}

/* Stores the absolute folder of path in dir, which has PATH_MAX bytes. */
static int
config_dir(const char *path, char *dir)
{
	char copy[PATH_MAX];
	char *slash;

	if (snprintf(copy, sizeof copy, "%s", path) >= (int)sizeof copy)
		return -1;
	slash = strrchr(copy, '/');
	if (slash == NULL)
		snprintf(copy, sizeof copy, ".");
	else if (slash == copy)
		slash[1] = '\0';
	else
		*slash = '\0';
	return realpath(copy, dir) == NULL ? -1 : 0;
}

int
mn_config_load(struct mn_config *cfg, const char *path, struct mn_error *err)
{
	struct mn_config tmp;
	struct source src;
	char shown_path[256];
	dictionary *d;
	ssize_t i;
	int rc;

	if (path == NULL)
		path = mn_config_path(NULL);
	src.path = escape(path, shown_path, sizeof shown_path);
	rc = check_file(path, err);
	if (rc != MN_OK)
		return rc;
	if (config_dir(path, src.dir) != 0)
		return mn_fail(err, MN_ERR_IO, "",
		    T("%s: cannot resolve the folder of the settings file: %s",
		    "%s: không xác định được thư mục của tệp cấu hình: %s"),
		    src.path, strerror(errno));

	ini_error_line = 0;
	iniparser_set_error_callback(ini_error);
	d = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	if (d == NULL) {
		if (ini_error_line > 0)
			return mn_fail(err, MN_ERR_INVALID, "",
			    T("%s: line %d: syntax error; expected [section], "
			    "key = value, a blank line or a comment starting "
			    "with ; or #", "%s: dòng %d: sai cú pháp; cần "
			    "[mục], khóa = giá trị, dòng trống hoặc chú thích "
			    "bắt đầu bằng ; hay #"), src.path, ini_error_line);
		return mn_fail(err, MN_ERR_IO, "",
		    T("%s: cannot read the settings file",
		    "%s: không đọc được tệp cấu hình"), src.path);
	}

	mn_config_defaults(&tmp);
	snprintf(tmp.path, sizeof tmp.path, "%s", path);
	rc = MN_OK;
	for (i = 0; rc == MN_OK && i < d->size; i++) {
		if (d->key == NULL || d->key[i] == NULL)
			continue;
		rc = apply_entry(&tmp, &src, d->key[i],
		    d->val == NULL ? NULL : d->val[i], err);
	}
	iniparser_freedict(d);
	if (rc != MN_OK)
		return rc;
	*cfg = tmp;
	mn_set_language(cfg->language);
	return MN_OK;
}
