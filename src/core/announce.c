/*
 * Announcements to parents and their read receipts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/announce.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/privacy.h"

static bool
class_exists(sqlite3 *db, int64_t class_id)
{
	sqlite3_stmt *stmt;
	bool found = false;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM classes WHERE id = ?", -1,
	    &stmt, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(stmt, 1, class_id);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return found;
}

/* The principal, the clerk and the host address any class. */
static bool
school_wide(const struct mn_ctx *ctx)
{
	return mn_allowed_all(&ctx->actor, MN_ACT_ANNOUNCE_WRITE);
}

/* Checks that the actor may address class_id (0: the whole school). */
static int
class_scope(struct mn_ctx *ctx, int64_t class_id, const char *what,
    struct mn_error *err)
{
	if (class_id != 0 && !class_exists(ctx->db, class_id))
		return mn_fail(err, MN_ERR_NOTFOUND, "class",
		    T("class: no class with id %lld",
		    "lớp: không có lớp mã số %lld"), (long long)class_id);
	if (school_wide(ctx) || (class_id != 0 &&
	    mn_teaches_class(ctx, class_id)))
		return MN_OK;
	mn_audit(ctx->db, &ctx->actor, "denied", "classes", class_id, NULL,
	    NULL, what, NULL);
	return mn_fail(err, MN_ERR_DENIED, "class",
	    T("class: a teacher writes to her own classes only",
	    "lớp: giáo viên chỉ gửi thông báo cho lớp mình"));
}

int
mn_announce_post(struct mn_ctx *ctx, int64_t class_id, const char *title,
    const char *body, int64_t *id, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char *t = NULL, *b = NULL, *json = NULL, now[32];
	int64_t new_id;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_ANNOUNCE_WRITE,
	    err)) != MN_OK ||
	    (rc = class_scope(ctx, class_id, "announce_post", err)) != MN_OK)
		return rc;
	if ((rc = mn_priv_clean(title, T("title", "tiêu đề"),
	    MN_ANNOUNCE_TITLE_MAX, true, &t, err)) != MN_OK ||
	    (rc = mn_priv_clean(body, T("message", "nội dung"),
	    MN_ANNOUNCE_BODY_MAX, true, &b, err)) != MN_OK)
		goto out;
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	if ((rc = mn_prepare(ctx->db, "INSERT INTO announcements (class_id, "
	    "title, body, author_id, author, published_at, changed_by, "
	    "changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)", &stmt,
	    err)) != MN_OK)
		goto rollback;
	if (class_id != 0)
		sqlite3_bind_int64(stmt, 1, class_id);
	sqlite3_bind_text(stmt, 2, t, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, b, -1, SQLITE_STATIC);
	if (ctx->actor.account_id > 0)
		sqlite3_bind_int64(stmt, 4, ctx->actor.account_id);
	sqlite3_bind_text(stmt, 5, ctx->actor.login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK)
		goto rollback;
	new_id = sqlite3_last_insert_rowid(ctx->db);
	json = mn_priv_json(ctx->db, "title", t, "body", b, NULL);
	if ((rc = mn_audit(ctx->db, &ctx->actor, "insert", "announcements",
	    new_id, NULL, json, class_id ? "class announcement" :
	    "school announcement", err)) != MN_OK ||
	    (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto rollback;
	if (id != NULL)
		*id = new_id;
	goto out;
rollback:
	mn_tx_rollback(ctx->db);
out:
	free(t);
	free(b);
	free(json);
	return rc;
}

/* Announcements a parent (?1) may read: the school's and their classes'. */
#define PARENT_SCOPE "(an.class_id IS NULL OR an.class_id IN (SELECT " \
	"c.class_id FROM parent_children pc JOIN children c " \
	"ON c.id = pc.child_id WHERE pc.account_id = ?1))"

/* Parent accounts an announcement an.class_id is addressed to. */
#define RECIPIENTS "(SELECT count(DISTINCT pc.account_id) FROM " \
	"parent_children pc JOIN children c ON c.id = pc.child_id " \
	"WHERE an.class_id IS NULL OR c.class_id = an.class_id)"

int
mn_announce_list(struct mn_ctx *ctx,
    int (*fn)(const struct mn_announcement *a, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_announcement a;
	/* A parent sees only what reaches her children. */
	bool parent = !mn_allowed_all(&ctx->actor, MN_ACT_ANNOUNCE_READ);
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_ANNOUNCE_READ,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT an.id, an.class_id, cl.code, "
	    "an.title, an.body, an.author, an.published_at, r.read_at, "
	    "(SELECT count(*) FROM announcement_reads x "
	    "WHERE x.announcement_id = an.id), " RECIPIENTS " "
	    "FROM announcements an LEFT JOIN classes cl ON cl.id = an.class_id "
	    "LEFT JOIN announcement_reads r ON r.announcement_id = an.id "
	    "AND r.account_id = ?1 WHERE ?2 = 0 OR " PARENT_SCOPE
	    " ORDER BY an.published_at DESC, an.id DESC", &stmt, err)) !=
	    MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
	sqlite3_bind_int(stmt, 2, parent ? 1 : 0);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&a, 0, sizeof a);
		a.id = sqlite3_column_int64(stmt, 0);
		a.class_id = sqlite3_column_int64(stmt, 1);
		mn_priv_col(a.class_code, sizeof a.class_code, stmt, 2);
		mn_priv_col(a.title, sizeof a.title, stmt, 3);
		a.body = (const char *)sqlite3_column_text(stmt, 4);
		mn_priv_col(a.author, sizeof a.author, stmt, 5);
		mn_priv_col(a.published_at, sizeof a.published_at, stmt, 6);
		mn_priv_col(a.read_at, sizeof a.read_at, stmt, 7);
		/* A parent does not learn how many other families read it. */
		if (!parent) {
			a.readers = sqlite3_column_int(stmt, 8);
			a.recipients = sqlite3_column_int(stmt, 9);
		}
		if (fn(&a, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

int
mn_announce_mark_read(struct mn_ctx *ctx, int64_t id, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char now[32];
	bool visible;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_OWN_CHILDREN,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT 1 FROM announcements an "
	    "WHERE an.id = ?2 AND " PARENT_SCOPE, &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, ctx->actor.account_id);
	sqlite3_bind_int64(stmt, 2, id);
	visible = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	if (!visible) {
		mn_audit(ctx->db, &ctx->actor, "denied", "announcements", id,
		    NULL, NULL, "announce_read", NULL);
		return mn_fail(err, MN_ERR_DENIED, "announcement",
		    T("announcement %lld does not exist or is not addressed "
		    "to you", "thông báo số %lld không có hoặc không gửi cho "
		    "bạn"), (long long)id);
	}
	mn_now_utc(now, sizeof now);
	if ((rc = mn_prepare(ctx->db, "INSERT OR IGNORE INTO "
	    "announcement_reads (announcement_id, account_id, read_at) "
	    "VALUES (?, ?, ?)", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, ctx->actor.account_id);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

int
mn_announce_receipts(struct mn_ctx *ctx, int64_t id,
    int (*fn)(const struct mn_announce_receipt *r, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_announce_receipt r;
	int64_t class_id = 0;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_ANNOUNCE_WRITE,
	    err)) != MN_OK)
		return rc;
	if ((rc = mn_prepare(ctx->db, "SELECT class_id FROM announcements "
	    "WHERE id = ?", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		class_id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return mn_fail(err, MN_ERR_NOTFOUND, "announcement",
		    T("announcement %lld not found",
		    "không có thông báo số %lld"), (long long)id);
	/* A teacher sees receipts of her classes' announcements only. */
	if (!school_wide(ctx) && (class_id == 0 || !mn_teaches_class(ctx,
	    class_id))) {
		mn_audit(ctx->db, &ctx->actor, "denied", "announcements", id,
		    NULL, NULL, "announce_receipts", NULL);
		return mn_fail(err, MN_ERR_DENIED, "class",
		    T("class: a teacher sees receipts of her own classes only",
		    "lớp: giáo viên chỉ xem được lớp mình"));
	}
	if ((rc = mn_prepare(ctx->db, "SELECT a.login, a.full_name, "
	    "r.read_at FROM accounts a JOIN parent_children pc "
	    "ON pc.account_id = a.id JOIN children c ON c.id = pc.child_id "
	    "LEFT JOIN announcement_reads r ON r.account_id = a.id "
	    "AND r.announcement_id = ?1 WHERE ?2 = 0 OR c.class_id = ?2 "
	    "GROUP BY a.id ORDER BY a.login", &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, class_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		mn_priv_col(r.login, sizeof r.login, stmt, 0);
		mn_priv_col(r.full_name, sizeof r.full_name, stmt, 1);
		mn_priv_col(r.read_at, sizeof r.read_at, stmt, 2);
		if (fn(&r, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}
