/*
 * The consent register.  This module only adds rows and a trigger rejects
 * UPDATE, so the history of every grant and withdrawal stays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/consent.h"
#include "core/db.h"
#include "core/privacy.h"
#include "core/text.h"

static const char *const purposes[] = {
	"photos_media", "health_authority", "other_organisations",
	"class_group_contacts", NULL,
};

static const struct {
	const char *purpose, *en, *vi;
} labels[] = {
	{ "photos_media", "photos and media",
	    "hình ảnh và truyền thông" },
	{ "health_authority", "health data shared with the health authority",
	    "chia sẻ dữ liệu sức khỏe với cơ quan y tế" },
	{ "other_organisations", "sharing with other organisations",
	    "chia sẻ với tổ chức khác" },
	{ "class_group_contacts", "contact details in the class group",
	    "thông tin liên hệ trong nhóm lớp" },
};

const char *const *
mn_consent_purposes(void)
{
	return purposes;
}

bool
mn_consent_purpose_valid(const char *purpose)
{
	return purpose != NULL && mn_consent_purpose_label(purpose) != NULL;
}

const char *
mn_consent_purpose_label(const char *purpose)
{
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(labels[i].purpose, purpose) == 0)
			return mn_pick(labels[i].en, labels[i].vi);
	return NULL;
}

/* True when typed text, folded, equals label folded. */
static bool
same_folded(const char *folded, const char *label)
{
	char *f = mn_text_fold(label);
	bool same = f != NULL && folded != NULL && strcmp(f, folded) == 0;

	free(f);
	return same;
}

const char *
mn_consent_purpose_parse(const char *text)
{
	const char *found = NULL;
	char *folded;

	if (text == NULL || *text == '\0')
		return NULL;
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(labels[i].purpose, text) == 0)
			return labels[i].purpose;
	/* Labels in either language, with or without diacritics. */
	if ((folded = mn_text_fold(text)) == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof labels / sizeof *labels && !found; i++)
		if (same_folded(folded, labels[i].en) ||
		    same_folded(folded, labels[i].vi))
			found = labels[i].purpose;
	free(folded);
	return found;
}

void
mn_consent_purpose_choices(char *buf, size_t size)
{
	size_t used = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
		int n = snprintf(buf + used, size - used, "%s%s",
		    i == 0 ? "" : i + 1 == sizeof labels / sizeof *labels ?
		    T(" or ", " hoặc ") : ", ",
		    mn_pick(labels[i].en, labels[i].vi));

		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

static int
bad_purpose(struct mn_error *err)
{
	char choices[400];

	mn_consent_purpose_choices(choices, sizeof choices);
	return mn_fail(err, MN_ERR_INVALID, "purpose",
	    T("purpose: expected %s", "mục đích: cần %s"), choices);
}

#define SELECT_CONSENT "SELECT id, child_id, purpose, granted, source, " \
	"paper_ref, given_by, recorded_by, recorded_at FROM consents "

static void
read_row(sqlite3_stmt *stmt, struct mn_consent *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(stmt, 0);
	c->child_id = sqlite3_column_int64(stmt, 1);
	mn_priv_col(c->purpose, sizeof c->purpose, stmt, 2);
	c->granted = sqlite3_column_int(stmt, 3) != 0;
	mn_priv_col(c->source, sizeof c->source, stmt, 4);
	mn_priv_col(c->paper_ref, sizeof c->paper_ref, stmt, 5);
	mn_priv_col(c->given_by, sizeof c->given_by, stmt, 6);
	mn_priv_col(c->recorded_by, sizeof c->recorded_by, stmt, 7);
	mn_priv_col(c->recorded_at, sizeof c->recorded_at, stmt, 8);
}

/* Reads the record in force without any access check. */
static int
current(sqlite3 *db, int64_t child_id, const char *purpose,
    struct mn_consent *c, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	memset(c, 0, sizeof *c);
	if ((rc = mn_prepare(db, SELECT_CONSENT "WHERE child_id = ? AND "
	    "purpose = ? ORDER BY id DESC LIMIT 1", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, child_id);
	sqlite3_bind_text(stmt, 2, purpose, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		read_row(stmt, c);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MN_OK :
	    mn_db_fail(db, err);
}

int
mn_consent_set(struct mn_ctx *ctx, int64_t child_id, const char *purpose,
    bool granted, const char *paper_ref, const char *given_by,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_consent before;
	char *ref = NULL, *signer = NULL, *old_json = NULL, *new_json = NULL;
	char now[32];
	/* Staff record the paper form; a parent gives it from the account. */
	enum mn_action action = mn_allowed(&ctx->actor,
	    MN_ACT_CONSENT_RECORD) ? MN_ACT_CONSENT_RECORD : MN_ACT_CONSENT_OWN;
	bool by_parent = action == MN_ACT_CONSENT_OWN;
	int rc;

	if ((rc = mn_require_child(ctx, action, child_id, "consent_set",
	    err)) != MN_OK)
		return rc;
	if (!mn_consent_purpose_valid(purpose))
		return bad_purpose(err);
	if ((rc = mn_priv_clean(paper_ref, T("paper form", "phiếu giấy"), 100,
	    !by_parent, &ref, err)) != MN_OK ||
	    (rc = mn_priv_clean(given_by, T("signed by", "người ký"), 100,
	    false, &signer, err)) != MN_OK)
		goto out;
	if (by_parent && (ref[0] != '\0' || signer[0] != '\0')) {
		rc = mn_fail(err, MN_ERR_INVALID, "paper_ref",
		    T("paper form: a parent records consent from their own "
		    "account, without a form reference",
		    "phiếu giấy: phụ huynh ghi nhận đồng ý từ tài khoản của "
		    "mình, không cần số phiếu"));
		goto out;
	}

	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	if ((rc = current(ctx->db, child_id, purpose, &before, err)) != MN_OK)
		goto rollback;
	if ((rc = mn_prepare(ctx->db, "INSERT INTO consents (child_id, "
	    "purpose, granted, source, paper_ref, given_by, recorded_by_id, "
	    "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    &stmt, err)) != MN_OK)
		goto rollback;
	sqlite3_bind_int64(stmt, 1, child_id);
	sqlite3_bind_text(stmt, 2, purpose, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, granted ? 1 : 0);
	sqlite3_bind_text(stmt, 4, by_parent ? "parent_account" :
	    "paper_form", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, signer, -1, SQLITE_STATIC);
	if (ctx->actor.account_id > 0)
		sqlite3_bind_int64(stmt, 7, ctx->actor.account_id);
	sqlite3_bind_text(stmt, 8, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK)
		goto rollback;
	if (before.id != 0)
		old_json = mn_priv_json(ctx->db, "purpose", purpose, "granted",
		    before.granted ? "yes" : "no", NULL);
	new_json = mn_priv_json(ctx->db, "purpose", purpose, "granted",
	    granted ? "yes" : "no", "paper_ref", ref, "given_by", signer,
	    NULL);
	/* On the child, so the audit filtered by child shows it. */
	if ((rc = mn_audit(ctx->db, &ctx->actor, granted ? "consent_grant" :
	    "consent_withdraw", "children", child_id, old_json, new_json,
	    purpose, err)) != MN_OK ||
	    (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto rollback;
	goto out;
rollback:
	mn_tx_rollback(ctx->db);
out:
	free(ref);
	free(signer);
	free(old_json);
	free(new_json);
	return rc;
}

int
mn_consent_get(struct mn_ctx *ctx, int64_t child_id, const char *purpose,
    struct mn_consent *c, struct mn_error *err)
{
	int rc;

	if ((rc = mn_require_child(ctx, MN_ACT_CONSENT_READ, child_id,
	    "consent_read", err)) != MN_OK)
		return rc;
	if (!mn_consent_purpose_valid(purpose))
		return bad_purpose(err);
	return current(ctx->db, child_id, purpose, c, err);
}

int
mn_consent_history(struct mn_ctx *ctx, int64_t child_id,
    int (*fn)(const struct mn_consent *c, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_consent c;
	int rc;

	if ((rc = mn_require_child(ctx, MN_ACT_CONSENT_READ, child_id,
	    "consent_read", err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, SELECT_CONSENT "WHERE child_id = ? "
	    "ORDER BY id DESC", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, child_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_row(stmt, &c);
		if (fn(&c, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

int
mn_consent_require(struct mn_ctx *ctx, int64_t child_id, const char *purpose,
    struct mn_error *err)
{
	struct mn_consent c;
	sqlite3_stmt *stmt;
	char code[32] = "";
	int rc;

	if (!mn_consent_purpose_valid(purpose))
		return bad_purpose(err);
	if ((rc = current(ctx->db, child_id, purpose, &c, err)) != MN_OK)
		return rc;
	if (c.granted)
		return MN_OK;
	if (sqlite3_prepare_v2(ctx->db, "SELECT school_code FROM children "
	    "WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, child_id);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			mn_priv_col(code, sizeof code, stmt, 0);
		sqlite3_finalize(stmt);
	}
	mn_audit(ctx->db, &ctx->actor, "denied", "children", child_id, NULL,
	    NULL, "no consent in force", NULL);
	return mn_fail(err, MN_ERR_DENIED, "consent",
	    T("child %s: no consent in force for %s",
	    "trẻ %s: chưa có sự đồng ý cho mục đích %s"), code,
	    mn_consent_purpose_label(purpose));
}

int
mn_consent_filter(struct mn_ctx *ctx, const char *purpose, int64_t *ids,
    size_t *count, size_t *dropped, struct mn_error *err)
{
	struct mn_consent c;
	char detail[128];
	size_t kept = 0;
	int rc;

	if (!mn_consent_purpose_valid(purpose))
		return bad_purpose(err);
	for (size_t i = 0; i < *count; i++) {
		if ((rc = current(ctx->db, ids[i], purpose, &c, err)) != MN_OK)
			return rc;
		if (c.granted)
			ids[kept++] = ids[i];
	}
	snprintf(detail, sizeof detail, "consent %s: %zu kept, %zu left out",
	    purpose, kept, *count - kept);
	if (dropped != NULL)
		*dropped = *count - kept;
	*count = kept;
	return mn_audit(ctx->db, &ctx->actor, "consent_filter", NULL, 0, NULL,
	    NULL, detail, err);
}
