/*
 * Demo allergy links (demo_allergy.h), made through allergy.c so that
 * they carry their audit rows as the nurse's would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/allergy.h"
#include "core/db.h"
#include "core/demo_allergy.h"

#define MAX_GROUPS 3

/* The demo's allergies texts (demo_registers.c) and their groups. */
static const struct {
	const char *text;
	const char *groups[MAX_GROUPS];
} demo_links[] = {
	{ "Sữa bò", { "milk" } },
	{ "Tôm, cua", { "crustacean" } },
	{ "Trứng gà", { "egg" } },
	{ "Lạc (đậu phộng)", { "peanut" } },
	{ "Hải sản", { "seafood" } },
	{ "Đậu nành", { "soy" } },
};

struct demo_child {
	int64_t id;
	char allergies[256];
};

static int
link_child(struct mn_ctx *ctx, const struct demo_child *c,
    struct mn_error *err)
{
	for (size_t i = 0; i < sizeof demo_links / sizeof *demo_links; i++) {
		if (strcmp(demo_links[i].text, c->allergies) != 0)
			continue;
		for (int k = 0; k < MAX_GROUPS && demo_links[i].groups[k];
		    k++) {
			struct mn_allergen_group g;
			int rc;

			if ((rc = mn_allergy_group_find(ctx,
			    demo_links[i].groups[k], &g, err)) != MN_OK ||
			    (rc = mn_allergy_link_group(ctx, c->id, g.id,
			    "", err)) != MN_OK)
				return rc;
		}
		return MN_OK;
	}
	return mn_fail(err, MN_ERR_INVALID, "allergies",
	    "demo allergy '%s' has no allergen groups in demo_allergy.c",
	    c->allergies);
}

int
mn_demo_allergy_links(struct mn_ctx *ctx, int *linked, struct mn_error *err)
{
	struct demo_child *kids = NULL, *k;
	sqlite3_stmt *st;
	size_t n = 0, cap = 0;
	int rc;

	if (linked != NULL)
		*linked = 0;
	if ((rc = mn_prepare(ctx->db, "SELECT id, allergies FROM children "
	    "WHERE allergies <> '' ORDER BY id", &st, err)) != MN_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			k = realloc(kids, cap * sizeof *k);
			if (k == NULL)
				break;
			kids = k;
		}
		k = &kids[n++];
		k->id = sqlite3_column_int64(st, 0);
		snprintf(k->allergies, sizeof k->allergies, "%s",
		    (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(kids);
		return rc == SQLITE_ROW ? mn_fail(err, MN_ERR_NOMEM, "",
		    "out of memory") : mn_db_fail(ctx->db, err);
	}
	rc = MN_OK;
	for (size_t i = 0; i < n && rc == MN_OK; i++)
		rc = link_child(ctx, &kids[i], err);
	if (rc == MN_OK && linked != NULL)
		*linked = (int)n;
	free(kids);
	return rc;
}
