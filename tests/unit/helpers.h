/*
 * Shared fixtures for the cmocka unit tests: a private temporary folder
 * per test binary, files written into it, and a fresh database.
 */
#ifndef MN_TEST_HELPERS_H
#define MN_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/date.h"
#include "core/mn.h"

/* Returns a folder made for this process, removed at exit. */
const char *test_tmpdir(void);

/* Writes text to a new file in test_tmpdir(); returns its path (static). */
const char *test_write_file(const char *name, const char *text);

/*
 * Creates a fresh database in test_tmpdir() with an admin account
 * "admin" (password "admin-password") and fills ctx with it, acting as
 * the host administrator.  cfg is filled with defaults.
 */
void test_open_db(struct mn_ctx *ctx, struct mn_config *cfg);
void test_close_db(struct mn_ctx *ctx);

/*
 * Adds, as the host, the school year that contains day (15/08 to 31/05),
 * so that its weekdays are school days.  Fails the test on an error.
 */
void test_add_school_year(struct mn_ctx *ctx, const struct mn_date *day);

#endif
