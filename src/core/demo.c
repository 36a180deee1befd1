/*
 * The demo school's accounts, and the order in which each feature's
 * demo data is added.
 */
#include <stdio.h>
#include <string.h>

#include <ctype.h>
#include <stdlib.h>

#include "core/account.h"
#include "core/attendance.h"
#include "core/date.h"
#include "core/demo.h"
#include "core/demo_kitchen.h"
#include "core/demo_registers.h"
#include "core/health.h"
#include "core/parents.h"
#include "core/registers.h"

void
mn_rng_seed(struct mn_rng *rng, unsigned seed)
{
	/* Any non-zero state works; mix the seed so 0 is fine too. */
	rng->state = 0x9e3779b97f4a7c15ULL ^
	    ((uint64_t)seed * 0xbf58476d1ce4e5b9ULL);
	if (rng->state == 0)
		rng->state = 1;
}

uint64_t
mn_rng_next(struct mn_rng *rng)
{
	uint64_t x = rng->state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng->state = x;
	return x * 0x2545f4914f6cdd1dULL;
}

unsigned
mn_rng_below(struct mn_rng *rng, unsigned n)
{
	return n == 0 ? 0 : (unsigned)(mn_rng_next(rng) % n);
}

static const struct {
	const char *login;
	unsigned roles;
	const char *name;
} demo_accounts[] = {
	{ "principal", MN_ROLE_PRINCIPAL, "Nguyễn Thị Thu Hà" },
	{ "teacher", MN_ROLE_TEACHER, "Trần Thị Mai" },
	{ "nurse", MN_ROLE_NURSE, "Lê Thị Hồng" },
	{ "kitchen", MN_ROLE_KITCHEN, "Phạm Văn Bình" },
	{ "accountant", MN_ROLE_ACCOUNTANT, "Hoàng Thị Lan" },
	{ "clerk", MN_ROLE_CLERK, "Vũ Thị Ngọc" },
	{ "parent", MN_ROLE_PARENT, "Đặng Văn Hùng" },
};

struct class_codes {
	char (*codes)[MN_CLASS_CODE_MAX + 1];
	size_t count;
};

static int
collect_class(const struct mn_class *c, void *arg)
{
	struct class_codes *list = arg;
	void *grown = realloc(list->codes, (list->count + 1) *
	    sizeof *list->codes);

	if (grown == NULL)
		return 1;
	list->codes = grown;
	snprintf(list->codes[list->count++], sizeof *list->codes, "%s",
	    c->code);
	return 0;
}

/*
 * Gives every class of the current school year a teacher account named
 * "gv." and the class code in lower case (gv.mg5a), and the account
 * "teacher" the first class, so each teacher sees her own class.
 */
static int
add_class_teachers(struct mn_ctx *ctx, const char *password,
    struct mn_error *err)
{
	struct mn_school_year year;
	struct class_codes list = { NULL, 0 };
	struct mn_account teacher;
	struct mn_date today;
	int64_t id;
	int rc;

	mn_date_today(&today);
	if ((rc = mn_school_year_current(ctx, &today, &year, err)) != MN_OK ||
	    (rc = mn_class_list(ctx, year.id, collect_class, &list, err)) !=
	    MN_OK)
		goto out;
	for (size_t i = 0; i < list.count; i++) {
		char login[33] = "gv.";
		size_t n = strlen(login);

		for (const char *p = list.codes[i]; *p && n < 32; p++)
			login[n++] = (char)tolower((unsigned char)*p);
		login[n] = '\0';
		if ((rc = mn_account_add(ctx, login, MN_ROLE_TEACHER, "",
		    password, &id, err)) != MN_OK ||
		    (rc = mn_account_keep_password(ctx, id, "demo account",
		    err)) != MN_OK ||
		    (rc = mn_demo_link_teacher(ctx, list.codes[i], id, err)) !=
		    MN_OK)
			goto out;
	}
	if (list.count > 0 &&
	    (rc = mn_account_get(ctx, "teacher", &teacher, err)) == MN_OK)
		rc = mn_demo_link_teacher(ctx, list.codes[0], teacher.id, err);
out:
	free(list.codes);
	return rc;
}

int
mn_demo_build(struct mn_ctx *ctx, unsigned seed, const char *password,
    struct mn_error *err)
{
	struct mn_account existing;
	int64_t id;
	int rc;

	if (mn_account_get(ctx, "principal", &existing, NULL) == MN_OK)
		return mn_fail(err, MN_ERR_EXISTS, "",
		    T("this database already holds the demo school; run "
		    "'mamnon init' on a new database path first",
		    "cơ sở dữ liệu này đã có trường mẫu; hãy chạy 'mamnon "
		    "init' với đường dẫn mới trước"));
	for (size_t i = 0; i < sizeof demo_accounts / sizeof *demo_accounts;
	    i++) {
		rc = mn_account_add(ctx, demo_accounts[i].login,
		    demo_accounts[i].roles, demo_accounts[i].name, password,
		    &id, err);
		if (rc == MN_OK)
			rc = mn_account_keep_password(ctx, id,
			    "demo account", err);
		if (rc != MN_OK)
			return rc;
	}
	if ((rc = mn_demo_registers(ctx, seed, err)) != MN_OK ||
	    (rc = add_class_teachers(ctx, password, err)) != MN_OK ||
	    (rc = mn_demo_health(ctx, seed, err)) != MN_OK ||
	    (rc = mn_demo_attendance(ctx, seed, err)) != MN_OK ||
	    (rc = mn_demo_parents(ctx, seed, password, err)) != MN_OK ||
	    (rc = mn_demo_kitchen(ctx, seed, err)) != MN_OK)
		return rc;
	return MN_OK;
}
