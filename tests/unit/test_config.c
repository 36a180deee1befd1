/*
 * Tests for mamnon.ini loading: defaults, every key's valid and invalid
 * forms, durations, path resolution and files built to break the parser.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "helpers.h"
#include "core/config.h"

/* Writes size bytes (NULs allowed) to a file in test_tmpdir(). */
static const char *
write_bytes(const char *name, const char *bytes, size_t size)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, size, f), size);
	assert_int_equal(fclose(f), 0);
	return path;
}

static void
assert_mentions(const struct mn_error *err, const char *text)
{
	if (strstr(err->message, text) == NULL)
		fail_msg("message \"%s\" does not contain \"%s\"",
		    err->message, text);
}

static void
test_defaults(void **state)
{
	struct mn_config cfg;

	mn_config_defaults(&cfg);
	assert_string_equal(cfg.db_path, "/var/lib/mamnon/mamnon.db");
	assert_string_equal(cfg.school_name, "Trường Mầm non");
	assert_string_equal(cfg.school_address, "");
	assert_string_equal(cfg.timezone, "Asia/Ho_Chi_Minh");
	assert_int_equal(cfg.language, MN_LANG_VI);
	assert_int_equal(cfg.idle_timeout, 15 * 60);
	assert_int_equal(cfg.max_failed_logins, 5);
	assert_int_equal(cfg.lockout_time, 15 * 60);
	assert_int_equal(cfg.password_min_length, 8);
	assert_int_equal(cfg.ask_password_with_key, 0);
	assert_int_equal(cfg.log_facility, LOG_LOCAL0);
	assert_int_equal(cfg.attendance_edit_days, 3);
	assert_string_equal(cfg.backup_dir, "/var/backups/mamnon");
	assert_int_equal(cfg.backup_keep, 14);
}

static void
test_full_file(void **state)
{
	struct mn_config cfg;
	struct mn_error err = { 0 };
	const char *path;

	mn_set_language(MN_LANG_VI);
	path = test_write_file("full.ini",
	    "; every key set away from its default\n"
	    "[database]\n"
	    "path = /srv/mamnon/db.sqlite\n"
	    "[school]\n"
	    "name = \"Trường Mầm non Hoa Sen\"\n"
	    "address = 12 Lê Lợi; Huế\n"
	    "timezone = Asia/Bangkok\n"
	    "[UI]\n"
	    "Language = en\n"
	    "idle_timeout = 0\n"
	    "[security]\n"
	    "max_failed_logins = 100\n"
	    "lockout_time = 1d\n"
	    "password_min_length = 12\n"
	    "ask_password_with_key = yes\n"
	    "[log]\n"
	    "facility = authpriv\n"
	    "[attendance]\n"
	    "edit_days = 0\n"
	    "[backup]\n"
	    "dir = /srv/backup\n"
	    "keep = 3650\n");
	if (mn_config_load(&cfg, path, &err) != MN_OK)
		fail_msg("load: %s", err.message);
	assert_string_equal(cfg.path, path);
	assert_string_equal(cfg.db_path, "/srv/mamnon/db.sqlite");
	assert_string_equal(cfg.school_name, "Trường Mầm non Hoa Sen");
	/* An unquoted ';' starts a comment in iniparser. */
	assert_string_equal(cfg.school_address, "12 Lê Lợi");
	assert_string_equal(cfg.timezone, "Asia/Bangkok");
	assert_int_equal(cfg.language, MN_LANG_EN);
	assert_int_equal(mn_language(), MN_LANG_EN);
	assert_int_equal(cfg.idle_timeout, 0);
	assert_int_equal(cfg.max_failed_logins, 100);
	assert_int_equal(cfg.lockout_time, 86400);
	assert_int_equal(cfg.password_min_length, 12);
	assert_int_equal(cfg.ask_password_with_key, 1);
	assert_int_equal(cfg.log_facility, LOG_AUTHPRIV);
	assert_int_equal(cfg.attendance_edit_days, 0);
	assert_string_equal(cfg.backup_dir, "/srv/backup");
	assert_int_equal(cfg.backup_keep, 3650);
	mn_set_language(MN_LANG_VI);
}

/* Needs the top of the source tree as the current folder, as make runs it. */
static void
test_sample_file(void **state)
{
	struct mn_config cfg, defaults;
	struct mn_error err = { 0 };

	if (mn_config_load(&cfg, "etc/mamnon.ini", &err) != MN_OK)
		fail_msg("etc/mamnon.ini: %s", err.message);
	mn_config_defaults(&defaults);
	snprintf(defaults.path, sizeof defaults.path, "%s", cfg.path);
	assert_memory_equal(&cfg, &defaults, sizeof cfg);
}

static const struct {
	const char *section;
	const char *key;
	const char *value;
	const char *shown;	/* the value as the message repeats it */
} bad_values[] = {
	{ "database", "path", "", "" },
	{ "school", "name", "", "" },
	{ "school", "timezone", "Mars/Olympus", "Mars/Olympus" },
	{ "school", "timezone", "../../../etc/passwd", "../../../etc/passwd" },
	{ "school", "timezone", "/etc/localtime", "/etc/localtime" },
	{ "school", "timezone", "Asia/../Asia/Hanoi", "Asia/../Asia/Hanoi" },
	{ "school", "timezone", "zone.tab", "zone.tab" },
	{ "school", "timezone", "Asia", "Asia" },
	{ "school", "timezone", "Asia/", "Asia/" },
	{ "school", "timezone", "", "" },
	{ "ui", "language", "fr", "fr" },
	{ "ui", "language", "VI", "VI" },
	{ "ui", "language", "vi\ten", "vi?en" },
	{ "ui", "idle_timeout", "15x", "15x" },
	{ "ui", "idle_timeout", "900", "900" },
	{ "ui", "idle_timeout", "25h", "25h" },
	{ "ui", "idle_timeout", "-5m", "-5m" },
	{ "ui", "idle_timeout", "", "" },
	{ "security", "max_failed_logins", "0", "0" },
	{ "security", "max_failed_logins", "101", "101" },
	{ "security", "max_failed_logins", "5.0", "5.0" },
	{ "security", "max_failed_logins", "-1", "-1" },
	{ "security", "max_failed_logins", "99999999999999999999",
	    "99999999999999999999" },
	{ "security", "lockout_time", "0", "0" },
	{ "security", "lockout_time", "0s", "0s" },
	{ "security", "lockout_time", "2d", "2d" },
	{ "security", "password_min_length", "5", "5" },
	{ "security", "password_min_length", "129", "129" },
	{ "security", "password_min_length", "eight", "eight" },
	{ "security", "ask_password_with_key", "true", "true" },
	{ "security", "ask_password_with_key", "1", "1" },
	{ "security", "ask_password_with_key", "", "" },
	{ "log", "facility", "local8", "local8" },
	{ "log", "facility", "LOCAL0", "LOCAL0" },
	{ "log", "facility", "kern", "kern" },
	{ "attendance", "edit_days", "61", "61" },
	{ "attendance", "edit_days", "+3", "+3" },
	{ "backup", "dir", "", "" },
	{ "backup", "keep", "0", "0" },
	{ "backup", "keep", "3651", "3651" },
	{ "backup", "keep", "1 4", "1 4" },
};

static void
test_bad_values(void **state)
{
	struct mn_config cfg;
	char text[256];
	const char *path;
	size_t i;
	int rc;

	mn_set_language(MN_LANG_EN);
	for (i = 0; i < sizeof bad_values / sizeof bad_values[0]; i++) {
		struct mn_error err = { 0 };
		char shown[128];

		snprintf(text, sizeof text, "[%s]\n%s = %s\n",
		    bad_values[i].section, bad_values[i].key,
		    bad_values[i].value);
		path = test_write_file("bad.ini", text);
		mn_config_defaults(&cfg);
		rc = mn_config_load(&cfg, path, &err);
		if (rc != MN_ERR_INVALID)
			fail_msg("[%s] %s = \"%s\": got %d, expected invalid",
			    bad_values[i].section, bad_values[i].key,
			    bad_values[i].value, rc);
		assert_mentions(&err, path);
		snprintf(shown, sizeof shown, "[%s] %s = \"%s\"",
		    bad_values[i].section, bad_values[i].key,
		    bad_values[i].shown);
		assert_mentions(&err, shown);
		assert_mentions(&err, "expected");
		snprintf(shown, sizeof shown, "%s.%s",
		    bad_values[i].section, bad_values[i].key);
		assert_string_equal(err.field, shown);
		assert_int_equal(mn_language(), MN_LANG_EN);
	}
	mn_set_language(MN_LANG_VI);
}

static const struct {
	const char *section;
	const char *key;
	const char *value;
	size_t offset;
	unsigned expected;
} good_values[] = {
	{ "ui", "idle_timeout", "24h",
	    offsetof(struct mn_config, idle_timeout), 86400 },
	{ "ui", "idle_timeout", "90s",
	    offsetof(struct mn_config, idle_timeout), 90 },
	{ "ui", "idle_timeout", "0s",
	    offsetof(struct mn_config, idle_timeout), 0 },
	{ "security", "lockout_time", "1s",
	    offsetof(struct mn_config, lockout_time), 1 },
	{ "security", "max_failed_logins", "1",
	    offsetof(struct mn_config, max_failed_logins), 1 },
	{ "security", "password_min_length", "6",
	    offsetof(struct mn_config, password_min_length), 6 },
	{ "security", "password_min_length", "128",
	    offsetof(struct mn_config, password_min_length), 128 },
	{ "attendance", "edit_days", "60",
	    offsetof(struct mn_config, attendance_edit_days), 60 },
	{ "attendance", "edit_days", "007",
	    offsetof(struct mn_config, attendance_edit_days), 7 },
	{ "backup", "keep", "1",
	    offsetof(struct mn_config, backup_keep), 1 },
};

static void
test_good_values(void **state)
{
	struct mn_config cfg;
	struct mn_error err = { 0 };
	char text[256];
	const char *path;
	size_t i;

	for (i = 0; i < sizeof good_values / sizeof good_values[0]; i++) {
		snprintf(text, sizeof text, "[%s]\n%s = %s\n",
		    good_values[i].section, good_values[i].key,
		    good_values[i].value);
		path = test_write_file("good.ini", text);
		if (mn_config_load(&cfg, path, &err) != MN_OK)
			fail_msg("%s: %s", text, err.message);
		assert_int_equal(*(unsigned *)(void *)((char *)&cfg +
		    good_values[i].offset), good_values[i].expected);
	}
}

static void
test_facilities(void **state)
{
	static const struct {
		const char *name;
		int facility;
	} cases[] = {
		{ "user", LOG_USER }, { "daemon", LOG_DAEMON },
		{ "auth", LOG_AUTH }, { "authpriv", LOG_AUTHPRIV },
		{ "local0", LOG_LOCAL0 }, { "local7", LOG_LOCAL7 },
	};
	struct mn_config cfg;
	struct mn_error err = { 0 };
	char text[64];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "[log]\nfacility = %s\n",
		    cases[i].name);
		if (mn_config_load(&cfg, test_write_file("log.ini", text),
		    &err) != MN_OK)
			fail_msg("%s: %s", cases[i].name, err.message);
		assert_int_equal(cfg.log_facility, cases[i].facility);
	}
}

static void
test_unknown_key(void **state)
{
	struct mn_config cfg;
	struct mn_error err = { 0 };
	const char *path;

	path = test_write_file("key.ini", "[ui]\nidle_timeot = 5m\n");
	assert_int_equal(mn_config_load(&cfg, path, &err), MN_ERR_INVALID);
	assert_mentions(&err, path);
	assert_mentions(&err, "[ui]");
	assert_mentions(&err, "idle_timeot");
	assert_string_equal(err.field, "ui.idle_timeot");
}

static void
test_unknown_section(void **state)
{
	struct mn_config cfg;
	struct mn_error err = { 0 };
	const char *path;

	path = test_write_file("section.ini", "[interface]\n");
	assert_int_equal(mn_config_load(&cfg, path, &err), MN_ERR_INVALID);
	assert_mentions(&err, path);
	assert_mentions(&err, "[interface]");
}

static void
test_key_outside_section(void **state)
{
	struct mn_config cfg;
	struct mn_error err = { 0 };
	const char *path;

	path = test_write_file("orphan.ini", "language = en\n[ui]\n");
	assert_int_equal(mn_config_load(&cfg, path, &err), MN_ERR_INVALID);
	assert_mentions(&err, path);
	assert_mentions(&err, "language");
}

static void
test_missing_file(void **state)
{
	struct mn_config cfg;
	struct mn_error err = { 0 };
	char path[512];

	snprintf(path, sizeof path, "%s/absent.ini", test_tmpdir());
	assert_int_equal(mn_config_load(&cfg, path, &err), MN_ERR_IO);
	assert_mentions(&err, path);
}

static void
test_folder_as_file(void **state)
{
	struct mn_config cfg;
	struct mn_error err = { 0 };

	assert_int_equal(mn_config_load(&cfg, test_tmpdir(), &err),
	    MN_ERR_IO);
	assert_mentions(&err, test_tmpdir());
}

static void
test_relative_paths(void **state)
{
	struct mn_config cfg;
	struct mn_error err = { 0 };
	char dir[PATH_MAX], expected[PATH_MAX + 32];
	const char *path;

	assert_non_null(realpath(test_tmpdir(), dir));
	path = test_write_file("relative.ini",
	    "[database]\npath = data/mamnon.db\n"
	    "[backup]\ndir = backups\n");
	if (mn_config_load(&cfg, path, &err) != MN_OK)
		fail_msg("load: %s", err.message);
	snprintf(expected, sizeof expected, "%s/data/mamnon.db", dir);
	assert_string_equal(cfg.db_path, expected);
	snprintf(expected, sizeof expected, "%s/backups", dir);
	assert_string_equal(cfg.backup_dir, expected);
}

static void
test_duplicate_key(void **state)
{
	struct mn_config cfg;
	struct mn_error err = { 0 };
	const char *path;

	mn_set_language(MN_LANG_EN);
	path = test_write_file("twice.ini", "[ui]\nidle_timeout = 5m\n"
	    "[security]\nlockout_time = 1h\n[ui]\nidle_timeout = 10m\n");
	assert_int_equal(mn_config_load(&cfg, path, &err), MN_ERR_INVALID);
	assert_mentions(&err, path);
	assert_mentions(&err, "line 6");
	assert_mentions(&err, "line 2");
	assert_mentions(&err, "[ui] idle_timeout");
	mn_set_language(MN_LANG_VI);
}

static void
test_error_keeps_config(void **state)
{
	struct mn_config cfg, before;
	struct mn_error err = { 0 };
	const char *path;

	mn_config_defaults(&cfg);
	before = cfg;
	path = test_write_file("partial.ini",
	    "[ui]\nlanguage = en\n[backup]\nkeep = 0\n");
	assert_int_equal(mn_config_load(&cfg, path, &err), MN_ERR_INVALID);
	assert_memory_equal(&cfg, &before, sizeof cfg);
	assert_int_equal(mn_language(), MN_LANG_VI);
}

static void
test_durations(void **state)
{
	static const struct {
		const char *text;
		unsigned seconds;
	} good[] = {
		{ "0", 0 }, { "0s", 0 }, { "90s", 90 }, { "15m", 900 },
		{ "2h", 7200 }, { "1d", 86400 }, { "0015m", 900 },
		{ "4294967295s", 4294967295u }, { "49710d", 49710u * 86400 },
	};
	static const char *const bad[] = {
		"", "90", "15", "s", "m", "15x", "15M", "1 5m", "15m ", " 15m",
		"-1s", "+1s", "1.5h", "1h30m", "15mm", "4294967296s",
		"49711d", "99999999999999999999999d", "0x10s", "00",
	};
	unsigned seconds;
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		seconds = 12345;
		if (mn_parse_duration(good[i].text, &seconds) != 0)
			fail_msg("\"%s\" rejected", good[i].text);
		assert_int_equal(seconds, good[i].seconds);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (mn_parse_duration(bad[i], &seconds) != -1)
			fail_msg("\"%s\" accepted", bad[i]);
	assert_int_equal(mn_parse_duration(NULL, &seconds), -1);
}

static void
test_config_path(void **state)
{
	unsetenv("MAMNON_CONFIG");
	assert_string_equal(mn_config_path(NULL), MN_CONFIG_DEFAULT_PATH);
	setenv("MAMNON_CONFIG", "", 1);
	assert_string_equal(mn_config_path(NULL), MN_CONFIG_DEFAULT_PATH);
	setenv("MAMNON_CONFIG", "/tmp/env.ini", 1);
	assert_string_equal(mn_config_path(NULL), "/tmp/env.ini");
	assert_string_equal(mn_config_path("/tmp/opt.ini"), "/tmp/opt.ini");
	unsetenv("MAMNON_CONFIG");
}

static void
test_apply_timezone(void **state)
{
	struct mn_config cfg;
	struct tm tm;
	time_t t = 1700000000;	/* November 2023 */

	mn_config_defaults(&cfg);
	mn_config_apply_timezone(&cfg);
	assert_string_equal(getenv("TZ"), "Asia/Ho_Chi_Minh");
	assert_non_null(localtime_r(&t, &tm));
	assert_int_equal(tm.tm_gmtoff, 7 * 3600);
}

static void
test_syntax_error_line(void **state)
{
	struct mn_config cfg;
	struct mn_error err = { 0 };
	const char *path;

	mn_set_language(MN_LANG_EN);
	path = test_write_file("syntax.ini", "[ui]\nlanguage = en\nidle\n");
	assert_int_equal(mn_config_load(&cfg, path, &err), MN_ERR_INVALID);
	assert_mentions(&err, path);
	assert_mentions(&err, "line 3");
	mn_set_language(MN_LANG_VI);
}

static void
test_file_checks(void **state)
{
	static const struct {
		const char *bytes;
		size_t size;
		const char *mention;
	} cases[] = {
#define BYTES(s) s, sizeof(s) - 1
		{ BYTES("[ui]\nlanguage = v\0i\n"), "line 2" },
		{ BYTES("[school]\nname = \xff\xfe\n"), "line 2" },
		{ BYTES("[school]\nname = \xc3\n"), "line 2" },
		{ BYTES("[school]\nname = \xed\xa0\x80\n"), "line 2" },
		{ BYTES("\n\n[school]\nname = a\x1b[2Jb\n"), "line 4" },
		{ BYTES("[school]\nname = a\x7f\n"), "line 2" },
		{ BYTES("\xef\xbb\xbf[ui]\nlanguage = vi\n"), "BOM" },
#undef BYTES
	};
	struct mn_config cfg;
	char *big;
	const char *path;
	size_t i;

	mn_set_language(MN_LANG_EN);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mn_error err = { 0 };

		path = write_bytes("bytes.ini", cases[i].bytes,
		    cases[i].size);
		if (mn_config_load(&cfg, path, &err) != MN_ERR_INVALID)
			fail_msg("case %zu accepted", i);
		assert_mentions(&err, path);
		assert_mentions(&err, cases[i].mention);
	}

	/* A line just over the limit, then a file over 64 KiB. */
	big = malloc(70000);
	assert_non_null(big);
	memcpy(big, "[school]\nname = ", 16);
	memset(big + 16, 'a', 1100);
	big[1116] = '\n';
	{
		struct mn_error err = { 0 };

		path = write_bytes("long.ini", big, 1117);
		assert_int_equal(mn_config_load(&cfg, path, &err),
		    MN_ERR_INVALID);
		assert_mentions(&err, "line 2");
	}
	memset(big, '\n', 70000);
	{
		struct mn_error err = { 0 };

		path = write_bytes("huge.ini", big, 70000);
		assert_int_equal(mn_config_load(&cfg, path, &err),
		    MN_ERR_INVALID);
		assert_mentions(&err, path);
	}
	free(big);
	mn_set_language(MN_LANG_VI);
}

/*
 * Files shaped like the iniparser 4.1 NULL dereference (CVE-2023-33461)
 * and other parser traps.  Each one must load or fail with a message;
 * a crash fails the whole test binary.
 */
static const struct {
	const char *name;
	const char *text;
	int status;
} hostile[] = {
	{ "section named like a key", "[ui]\n[ui:language]\n",
	    MN_ERR_INVALID },
	{ "key named like its section", "[ui]\nui = vi\n", MN_ERR_INVALID },
	{ "key named like another section", "[ui]\nsecurity = 1\n",
	    MN_ERR_INVALID },
	{ "empty section name", "[]\nlanguage = vi\n", MN_ERR_INVALID },
	{ "empty section alone", "[]\n", MN_ERR_INVALID },
	{ "key before any section", "path = x.db\n", MN_ERR_INVALID },
	{ "line without equals", "[ui]\nlanguage\n", MN_ERR_INVALID },
	{ "equals without key", "[ui]\n= vi\n", MN_ERR_INVALID },
	{ "unclosed section", "[ui\nlanguage = vi\n", MN_ERR_INVALID },
	{ "section with no keys", "[ui]\n[backup]\n", MN_OK },
	{ "duplicate section", "[ui]\n[ui]\nlanguage = vi\n", MN_OK },
	{ "duplicate key", "[ui]\nlanguage = vi\nlanguage = vi\n",
	    MN_ERR_INVALID },
	{ "duplicate key, other case", "[UI]\nlanguage = vi\n[ui]\n"
	    "Language = en\n", MN_ERR_INVALID },
	{ "same key, two sections", "[database]\npath = a.db\n"
	    "[backup]\ndir = b\n[database]\n", MN_OK },
	{ "continued line with equals", "[school]\nname = a \\\n"
	    "name = b\n", MN_OK },
	{ "timezone link", "[school]\ntimezone = UTC\n", MN_OK },
	{ "quoted value", "[school]\nname = \"Hoa \"Sen\"\"\n", MN_OK },
	{ "single quotes", "[school]\nname = 'Hoa Sen'\n", MN_OK },
	{ "unbalanced quote", "[school]\nname = \"Hoa Sen\n", MN_OK },
	{ "empty quotes", "[school]\nname = \"\"\n", MN_ERR_INVALID },
	{ "value of equals", "[ui]\nlanguage = =\n", MN_ERR_INVALID },
	{ "continuation line", "[school]\nname = Hoa \\\nSen\n", MN_OK },
	{ "continuation at end", "[school]\nname = Hoa \\\n",
	    MN_ERR_INVALID },
	{ "continuation then blanks", "[school]\nname = Hoa \\ \n\n",
	    MN_ERR_INVALID },
	{ "colon in key", "[ui]\nlanguage:x = vi\n", MN_ERR_INVALID },
	{ "colon in section", "[ui:x]\nlanguage = vi\n", MN_ERR_INVALID },
	{ "only comments", "; nothing\n# here\n", MN_OK },
	{ "empty file", "", MN_OK },
	{ "no final newline", "[ui]\nlanguage = en", MN_OK },
	{ "crlf line ends", "[ui]\r\nlanguage = vi\r\n", MN_OK },
	{ "tab in value", "[school]\naddress = a\tb\n", MN_OK },
};

static void
test_hostile_files(void **state)
{
	struct mn_config cfg;
	const char *path;
	size_t i;
	int rc;

	for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		struct mn_error err = { 0 };

		path = test_write_file("hostile.ini", hostile[i].text);
		rc = mn_config_load(&cfg, path, &err);
		if (rc != hostile[i].status)
			fail_msg("%s: got %d (%s), expected %d",
			    hostile[i].name, rc, err.message,
			    hostile[i].status);
		if (rc != MN_OK && strstr(err.message, path) == NULL)
			fail_msg("%s: message \"%s\" lacks the path",
			    hostile[i].name, err.message);
	}
	mn_set_language(MN_LANG_VI);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_full_file),
		cmocka_unit_test(test_sample_file),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_good_values),
		cmocka_unit_test(test_facilities),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_unknown_section),
		cmocka_unit_test(test_key_outside_section),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_folder_as_file),
		cmocka_unit_test(test_relative_paths),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_error_keeps_config),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_config_path),
		cmocka_unit_test(test_apply_timezone),
		cmocka_unit_test(test_syntax_error_line),
		cmocka_unit_test(test_file_checks),
		cmocka_unit_test(test_hostile_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
