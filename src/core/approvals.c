/*
 * Approvals of data use: requests, the principal's decision, and the
 * check every export makes before reading personal data.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <syslog.h>

#include "core/access.h"
#include "core/account.h"
#include "core/approvals.h"
#include "core/audit.h"
#include "core/consent.h"
#include "core/date.h"
#include "core/db.h"
#include "core/privacy.h"
#include "core/text.h"

/* Maximum validity of an approval, in days from today. */
#define MAX_VALID_DAYS 366

/* Status words as the screens and messages show them. */
const char *
mn_approval_status_label(const char *status)
{
	if (strcmp(status, "requested") == 0)
		return T("requested", "chờ duyệt");
	if (strcmp(status, "approved") == 0)
		return T("approved", "đã duyệt");
	if (strcmp(status, "rejected") == 0)
		return T("rejected", "từ chối");
	if (strcmp(status, "expired") == 0)
		return T("expired", "hết hạn");
	return status;
}

static const char *const kinds[] = {
	"children", "staff", "health", "attendance", "growth", "audit", NULL,
};

const char *const *
mn_approval_kinds(void)
{
	return kinds;
}

bool
mn_approval_kind_valid(const char *kind)
{
	for (size_t i = 0; kind != NULL && kinds[i] != NULL; i++)
		if (strcmp(kinds[i], kind) == 0)
			return true;
	return false;
}

static const struct {
	const char *kind, *en, *vi;
	enum mn_action action;	/* what the data is used for (access.c) */
} kind_info[] = {
	{ "children", "Children's register", "Danh sách trẻ",
	    MN_ACT_EXPORT_CHILDREN },
	{ "staff", "Staff register", "Danh sách cán bộ",
	    MN_ACT_EXPORT_STAFF },
	{ "health", "Health records", "Hồ sơ sức khỏe", MN_ACT_HEALTH_READ },
	{ "attendance", "Attendance", "Điểm danh", MN_ACT_EXPORT_ATTENDANCE },
	{ "growth", "Weighing rounds", "Cân đo", MN_ACT_EXPORT_GROWTH },
	{ "audit", "Audit trail values", "Giá trị nhật ký truy cập",
	    MN_ACT_AUDIT_VALUES },
};

#define NKINDS (sizeof kind_info / sizeof kind_info[0])

const char *
mn_approval_kind_label(const char *kind)
{
	for (size_t i = 0; kind != NULL && i < NKINDS; i++)
		if (strcmp(kind_info[i].kind, kind) == 0)
			return T(kind_info[i].en, kind_info[i].vi);
	return kind != NULL ? kind : "";
}

static bool
same_folded(const char *folded, const char *label)
{
	char *f = mn_text_fold(label);
	bool same = f != NULL && strcmp(f, folded) == 0;

	free(f);
	return same;
}

const char *
mn_approval_kind_parse(const char *text)
{
	const char *found = NULL;
	char *folded;

	if (text == NULL || *text == '\0')
		return NULL;
	if (mn_approval_kind_valid(text))
		return text;
	if ((folded = mn_text_fold(text)) == NULL)
		return NULL;
	for (size_t i = 0; i < NKINDS && found == NULL; i++)
		if (same_folded(folded, kind_info[i].kind) ||
		    same_folded(folded, kind_info[i].en) ||
		    same_folded(folded, kind_info[i].vi))
			found = kind_info[i].kind;
	free(folded);
	return found;
}

bool
mn_approval_kind_useful(const struct mn_actor *actor, const char *kind)
{
	for (size_t i = 0; kind != NULL && i < NKINDS; i++)
		if (strcmp(kind_info[i].kind, kind) == 0)
			return mn_allowed(actor, kind_info[i].action);
	return false;
}

static int
bad_kind(struct mn_error *err)
{
	return mn_fail(err, MN_ERR_INVALID, "data",
	    T("data: expected children, staff, health, attendance, growth "
	    "or audit", "dữ liệu: cần children, staff, health, attendance, "
	    "growth hoặc audit"));
}

/* Writes 12 base32 characters from 60 random bits. */
static int
new_id(char id[MN_APPROVAL_ID_LEN + 1], struct mn_error *err)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	uint64_t bits = 0;

	if (getrandom(&bits, sizeof bits, 0) != (ssize_t)sizeof bits)
		return mn_fail(err, MN_ERR_IO, "",
		    "getrandom: no random bytes available");
	for (int i = 0; i < MN_APPROVAL_ID_LEN; i++) {
		id[i] = alphabet[bits & 31];
		bits >>= 5;
	}
	id[MN_APPROVAL_ID_LEN] = '\0';
	return MN_OK;
}

/* Copies a typed id in upper case; false when it cannot be an id. */
static bool
normalise_id(const char *in, char out[MN_APPROVAL_ID_LEN + 1])
{
	size_t n = 0;

	for (const char *p = in; *p != '\0'; p++) {
		int ch = toupper((unsigned char)*p);

		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '2' && ch <= '7')) ||
		    n == MN_APPROVAL_ID_LEN)
			return false;
		out[n++] = (char)ch;
	}
	out[n] = '\0';
	return n == MN_APPROVAL_ID_LEN;
}

/* Parses the last day of use: today up to MAX_VALID_DAYS ahead. */
static int
parse_until(const char *text, char out[11], struct mn_error *err)
{
	struct mn_date d, today;
	long days;
	int rc;

	if (text == NULL || *text == '\0')
		return mn_fail(err, MN_ERR_INVALID, "until",
		    T("until: missing; expected the last day of use as "
		    "YYYY-MM-DD", "đến ngày: bị thiếu; cần ngày sử dụng cuối "
		    "cùng dạng YYYY-MM-DD"));
	if (strchr(text, '/') != NULL)
		rc = mn_date_parse(text, "until", &d, err);
	else
		rc = mn_date_parse_iso(text, "until", &d, err);
	if (rc != MN_OK)
		return rc;
	mn_date_today(&today);
	days = mn_date_to_days(&d) - mn_date_to_days(&today);
	if (days < 0 || days > MAX_VALID_DAYS)
		return mn_fail(err, MN_ERR_INVALID, "until",
		    T("until: %04d-%02d-%02d is out of range; expected a day "
		    "from today up to %d days ahead",
		    "đến ngày: %04d-%02d-%02d không hợp lệ; cần từ hôm nay "
		    "đến tối đa %d ngày sau"), d.year, d.month, d.day,
		    MAX_VALID_DAYS);
	mn_date_format_iso(&d, out, 11);
	return MN_OK;
}

/* A new approval row, checked and cleaned by the caller. */
struct new_approval {
	const char *kind, *purpose, *consent, *until, *status, *decided_by;
	const char *class_code;		/* NULL: no class limit */
	int64_t owner_id;		/* 0: a host administrator */
	const char *owner_login, *written_by;
};

/* Checks that a class with this code exists (in any school year). */
static int
check_class(sqlite3 *db, const char *code, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char shown[80];
	int rc;

	if ((rc = mn_prepare(db, "SELECT 1 FROM classes WHERE code = ?1",
	    &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc != SQLITE_DONE)
		return mn_db_fail(db, err);
	mn_text_safe(code, shown, sizeof shown);
	return mn_fail(err, MN_ERR_INVALID, "class",
	    T("class: no class with code '%s'; leave it empty for no class "
	    "limit", "lớp: không có lớp mã '%s'; để trống nếu không giới "
	    "hạn lớp"), shown);
}

static int
bad_consent(struct mn_error *err)
{
	char choices[400];

	mn_consent_purpose_choices(choices, sizeof choices);
	return mn_fail(err, MN_ERR_INVALID, "consent",
	    T("consent: expected %s, or nothing", "đồng ý: cần %s, hoặc để "
	    "trống"), choices);
}

/* Inserts an approval row and its audit row in one transaction. */
static int
insert_approval(struct mn_ctx *ctx, const struct new_approval *n,
    char id[MN_APPROVAL_ID_LEN + 1], struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char *text = NULL, *json = NULL, day[11], now[32], detail[160];
	const char *consent = NULL;
	int rc;

	if (!mn_approval_kind_valid(n->kind))
		return bad_kind(err);
	if (n->consent != NULL && *n->consent != '\0' &&
	    (consent = mn_consent_purpose_parse(n->consent)) == NULL)
		return bad_consent(err);
	if ((rc = parse_until(n->until, day, err)) != MN_OK)
		return rc;
	if ((rc = mn_priv_clean(n->purpose, T("purpose", "mục đích"),
	    MN_APPROVAL_PURPOSE_MAX, true, &text, err)) != MN_OK)
		return rc;
	if (n->class_code != NULL &&
	    (rc = check_class(ctx->db, n->class_code, err)) != MN_OK)
		goto out;
	if ((rc = new_id(id, err)) != MN_OK)
		goto out;
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	if ((rc = mn_prepare(ctx->db, "INSERT INTO data_approvals (id, "
	    "requested_by_id, requested_by, data_kind, purpose, "
	    "consent_purpose, valid_until, status, decided_by, decided_at, "
	    "created_at, changed_by, changed_at, class_code, written_by) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, "
	    "?13, ?14)", &stmt, err)) != MN_OK)
		goto rollback;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	if (n->owner_id > 0)
		sqlite3_bind_int64(stmt, 2, n->owner_id);
	sqlite3_bind_text(stmt, 3, n->owner_login, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, n->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, text, -1, SQLITE_STATIC);
	if (consent != NULL)
		sqlite3_bind_text(stmt, 6, consent, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, n->status, -1, SQLITE_STATIC);
	if (n->decided_by != NULL) {
		sqlite3_bind_text(stmt, 9, n->decided_by, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 10, now, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(stmt, 11, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 12, ctx->actor.login, -1, SQLITE_STATIC);
	if (n->class_code != NULL)
		sqlite3_bind_text(stmt, 13, n->class_code, -1, SQLITE_STATIC);
	if (n->written_by != NULL)
		sqlite3_bind_text(stmt, 14, n->written_by, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	if (rc != MN_OK)
		goto rollback;
	json = mn_priv_json(ctx->db, "id", id, "data", n->kind, "purpose",
	    text, "consent", consent, "until", day, "status", n->status,
	    "approved_by", n->decided_by, "class", n->class_code, "for",
	    n->owner_login, NULL);
	snprintf(detail, sizeof detail, "approval %s %s for %.60s", id,
	    n->status, n->owner_login);
	if ((rc = mn_audit(ctx->db, &ctx->actor, "insert", "data_approvals",
	    0, NULL, json, detail, err)) != MN_OK ||
	    (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto rollback;
	goto out;
rollback:
	mn_tx_rollback(ctx->db);
out:
	free(text);
	free(json);
	return rc;
}

/* Finds an unlocked staff account by login for a request made for it. */
static int
find_staff(struct mn_ctx *ctx, const char *login, int64_t *id,
    char *out, size_t size, struct mn_error *err)
{
	struct mn_actor who = { .roles = 0 };
	sqlite3_stmt *stmt;
	char shown[80];
	int rc;

	*id = 0;
	if ((rc = mn_prepare(ctx->db, "SELECT a.id, a.login, (SELECT "
	    "group_concat(r.role) FROM account_roles r WHERE r.account_id = "
	    "a.id) FROM accounts a WHERE a.login = ?1 AND a.locked = 0",
	    &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_text(stmt, 2) != NULL &&
	    mn_roles_parse((const char *)sqlite3_column_text(stmt, 2),
	    &who.roles, NULL) == MN_OK &&
	    mn_allowed(&who, MN_ACT_APPROVAL_REQUEST)) {
		*id = sqlite3_column_int64(stmt, 0);
		snprintf(out, size, "%s", sqlite3_column_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
	if (*id > 0)
		return MN_OK;
	mn_text_safe(login, shown, sizeof shown);
	return mn_fail(err, MN_ERR_INVALID, "for",
	    T("for: '%s' is not an unlocked staff account",
	    "cho tài khoản: '%s' không phải tài khoản nhân viên đang hoạt "
	    "động"), shown);
}

static const char *
given(const char *text)
{
	return text != NULL && *text != '\0' ? text : NULL;
}

int
mn_approval_request_form(struct mn_ctx *ctx,
    const struct mn_approval_form *form, char id[MN_APPROVAL_ID_LEN + 1],
    struct mn_error *err)
{
	struct new_approval n = { .status = "requested" };
	char owner[64];
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_APPROVAL_REQUEST,
	    err)) != MN_OK)
		return rc;
	if ((n.kind = mn_approval_kind_parse(given(form->data_kind))) == NULL)
		return bad_kind(err);
	n.purpose = form->purpose;
	n.consent = given(form->consent_purpose);
	n.until = form->until;
	n.class_code = given(form->class_code);
	n.owner_id = ctx->actor.account_id;
	n.owner_login = ctx->actor.login;
	if (given(form->for_login) != NULL &&
	    strcmp(form->for_login, ctx->actor.login) != 0) {
		/* Naming the user is part of granting: a decider's right. */
		if (!mn_allowed(&ctx->actor, MN_ACT_APPROVAL_DECIDE)) {
			mn_access_denied(ctx, "data_approvals", 0,
			    "approval request for another account");
			return mn_fail(err, MN_ERR_DENIED, "for",
			    T("for: only the principal may ask for an "
			    "approval for another account", "cho tài khoản: "
			    "chỉ hiệu trưởng được đề nghị phê duyệt cho tài "
			    "khoản khác"));
		}
		if ((rc = find_staff(ctx, form->for_login, &n.owner_id,
		    owner, sizeof owner, err)) != MN_OK)
			return rc;
		n.owner_login = owner;
		n.written_by = ctx->actor.login;
	}
	return insert_approval(ctx, &n, id, err);
}

int
mn_approval_request(struct mn_ctx *ctx, const char *data_kind,
    const char *purpose, const char *consent_purpose, const char *until,
    char id[MN_APPROVAL_ID_LEN + 1], struct mn_error *err)
{
	struct mn_approval_form form = { .data_kind = data_kind,
	    .purpose = purpose, .consent_purpose = consent_purpose,
	    .until = until };

	return mn_approval_request_form(ctx, &form, id, err);
}

/* A hash with real cost, checked when the login names no principal. */
static const char *
dummy_hash(void)
{
	static char *hash;

	if (hash == NULL && mn_password_hash("mamnon-approval-dummy", &hash,
	    NULL) != MN_OK)
		hash = NULL;
	return hash;
}

/* Verifies that login is an unlocked principal with this password. */
static bool
principal_verified(sqlite3 *db, const char *login, const char *password)
{
	struct mn_actor signer = { .roles = 0 };
	sqlite3_stmt *stmt;
	char *hash = NULL;
	bool ok;

	/* The signer's roles must grant the decision in the access table. */
	if (sqlite3_prepare_v2(db, "SELECT a.password_hash, (SELECT "
	    "group_concat(r.role) FROM account_roles r WHERE r.account_id = "
	    "a.id) FROM accounts a WHERE a.login = ? AND a.locked = 0", -1,
	    &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, login, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) == SQLITE_ROW &&
		    sqlite3_column_text(stmt, 1) != NULL &&
		    mn_roles_parse((const char *)sqlite3_column_text(stmt, 1),
		    &signer.roles, NULL) == MN_OK &&
		    mn_allowed(&signer, MN_ACT_APPROVAL_DECIDE))
			hash = strdup((const char *)sqlite3_column_text(stmt,
			    0));
		sqlite3_finalize(stmt);
	}
	/* Same work whether or not the account exists. */
	ok = mn_password_verify(password ? password : "",
	    hash ? hash : dummy_hash()) && hash != NULL;
	free(hash);
	return ok;
}

int
mn_approval_add_signed(struct mn_ctx *ctx, const char *data_kind,
    const char *purpose, const char *consent_purpose, const char *until,
    const char *principal_login, const char *principal_password,
    char id[MN_APPROVAL_ID_LEN + 1], struct mn_error *err)
{
	struct mn_approval_form form = { .data_kind = data_kind,
	    .purpose = purpose, .consent_purpose = consent_purpose,
	    .until = until };

	return mn_approval_add_signed_form(ctx, &form, principal_login,
	    principal_password, id, err);
}

int
mn_approval_add_signed_form(struct mn_ctx *ctx,
    const struct mn_approval_form *form, const char *principal_login,
    const char *principal_password, char id[MN_APPROVAL_ID_LEN + 1],
    struct mn_error *err)
{
	struct new_approval n = { .status = "approved" };
	char detail[128], shown[40], owner[64];
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_APPROVAL_REQUEST,
	    err)) != MN_OK)
		return rc;
	if (principal_login == NULL || !principal_verified(ctx->db,
	    principal_login, principal_password)) {
		mn_text_safe(principal_login ? principal_login : "", shown,
		    sizeof shown);
		snprintf(detail, sizeof detail, "approval: principal '%s' not "
		    "verified", shown);
		mn_audit(ctx->db, &ctx->actor, "denied", "data_approvals", 0,
		    NULL, NULL, detail, NULL);
		syslog(LOG_AUTH | LOG_WARNING, "approval by %s refused: wrong "
		    "password or not a principal (asked by %s)", shown,
		    ctx->actor.login);
		return mn_fail(err, MN_ERR_AUTH, "principal",
		    T("principal: wrong login or password, or the account is "
		    "not an unlocked principal account",
		    "hiệu trưởng: sai tên đăng nhập hoặc mật khẩu, hoặc tài "
		    "khoản không phải hiệu trưởng đang hoạt động"));
	}
	if ((n.kind = mn_approval_kind_parse(given(form->data_kind))) == NULL)
		return bad_kind(err);
	n.purpose = form->purpose;
	n.consent = given(form->consent_purpose);
	n.until = form->until;
	n.class_code = given(form->class_code);
	n.decided_by = principal_login;
	n.owner_id = ctx->actor.account_id;
	n.owner_login = ctx->actor.login;
	/* The principal signed it, so she may name the account it is for. */
	if (given(form->for_login) != NULL) {
		if ((rc = find_staff(ctx, form->for_login, &n.owner_id, owner,
		    sizeof owner, err)) != MN_OK)
			return rc;
		n.owner_login = owner;
		n.written_by = ctx->actor.login;
	}
	return insert_approval(ctx, &n, id, err);
}

#define SELECT_APPROVAL "SELECT id, requested_by, data_kind, purpose, " \
	"consent_purpose, valid_until, CASE WHEN status = 'approved' AND " \
	"valid_until < ?1 THEN 'expired' ELSE status END, decided_by, " \
	"decided_at, use_count, last_used_at, created_at, version, " \
	"requested_by_id, class_code, decision_note, written_by " \
	"FROM data_approvals "

static void
read_row(sqlite3_stmt *stmt, struct mn_approval *a, int64_t *owner)
{
	memset(a, 0, sizeof *a);
	mn_priv_col(a->id, sizeof a->id, stmt, 0);
	mn_priv_col(a->requested_by, sizeof a->requested_by, stmt, 1);
	mn_priv_col(a->data_kind, sizeof a->data_kind, stmt, 2);
	mn_priv_col(a->purpose, sizeof a->purpose, stmt, 3);
	mn_priv_col(a->consent_purpose, sizeof a->consent_purpose, stmt, 4);
	mn_priv_col(a->valid_until, sizeof a->valid_until, stmt, 5);
	mn_priv_col(a->status, sizeof a->status, stmt, 6);
	mn_priv_col(a->decided_by, sizeof a->decided_by, stmt, 7);
	mn_priv_col(a->decided_at, sizeof a->decided_at, stmt, 8);
	a->use_count = sqlite3_column_int64(stmt, 9);
	mn_priv_col(a->last_used_at, sizeof a->last_used_at, stmt, 10);
	mn_priv_col(a->created_at, sizeof a->created_at, stmt, 11);
	a->version = sqlite3_column_int64(stmt, 12);
	a->account_id = sqlite3_column_int64(stmt, 13);
	mn_priv_col(a->class_code, sizeof a->class_code, stmt, 14);
	mn_priv_col(a->decision_note, sizeof a->decision_note, stmt, 15);
	mn_priv_col(a->written_by, sizeof a->written_by, stmt, 16);
	if (owner != NULL)
		*owner = a->account_id;
}

int
mn_approval_list(struct mn_ctx *ctx,
    int (*fn)(const struct mn_approval *a, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_approval a;
	char today[11];
	bool all = mn_allowed_all(&ctx->actor, MN_ACT_APPROVAL_LIST);
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_APPROVAL_LIST,
	    err)) != MN_OK)
		return rc;
	mn_priv_today(today, sizeof today);
	if ((rc = mn_prepare(ctx->db, SELECT_APPROVAL "WHERE ?2 = 1 OR "
	    "requested_by_id = ?3 ORDER BY created_at DESC, id", &stmt,
	    err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, today, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, all ? 1 : 0);
	sqlite3_bind_int64(stmt, 3, ctx->actor.account_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_row(stmt, &a, NULL);
		if (fn(&a, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

/* Reads one approval by normalised id; MN_ERR_NOTFOUND when none. */
static int
load(sqlite3 *db, const char *id, struct mn_approval *a, int64_t *owner,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	char today[11];
	int rc;

	mn_priv_today(today, sizeof today);
	if ((rc = mn_prepare(db, SELECT_APPROVAL "WHERE id = ?2", &stmt,
	    err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, today, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		read_row(stmt, a, owner);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc == SQLITE_DONE)
		return MN_ERR_NOTFOUND;
	return mn_db_fail(db, err);
}

/* Runs an UPDATE on one approval: ?1 id, ?2 actor login, ?3 text. */
static int
update_approval(sqlite3 *db, const char *sql, const char *id,
    const char *login, const char *text, struct mn_error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = mn_prepare(db, sql, &stmt, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, login, -1, SQLITE_STATIC);
	if (text != NULL)
		sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? MN_OK : mn_db_fail(db, err);
	sqlite3_finalize(stmt);
	return rc;
}

int
mn_approval_decide(struct mn_ctx *ctx, const char *approval_id, bool approve,
    struct mn_error *err)
{
	return mn_approval_decide_note(ctx, approval_id, approve, NULL, err);
}

int
mn_approval_decide_note(struct mn_ctx *ctx, const char *approval_id,
    bool approve, const char *note, struct mn_error *err)
{
	struct mn_approval a;
	char id[MN_APPROVAL_ID_LEN + 1], detail[64], *old_json, *new_json;
	char *text = NULL;
	const char *status = approve ? "approved" : "rejected";
	sqlite3_stmt *stmt_decide;
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_APPROVAL_DECIDE,
	    err)) != MN_OK)
		return rc;
	if (approval_id == NULL || !normalise_id(approval_id, id))
		return mn_fail(err, MN_ERR_NOTFOUND, "approval",
		    T("approval: unknown ID", "phê duyệt: mã không tồn tại"));
	/* NULL: no note (mn_approval_decide).  A rejection needs a reason. */
	if (note != NULL && (rc = mn_priv_clean(note, T("reason", "lý do"),
	    MN_APPROVAL_PURPOSE_MAX, !approve, &text, err)) != MN_OK)
		return rc;
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		goto out;
	rc = load(ctx->db, id, &a, NULL, err);
	if (rc == MN_ERR_NOTFOUND)
		rc = mn_fail(err, MN_ERR_NOTFOUND, "approval",
		    T("approval: unknown ID %s", "phê duyệt: không có mã %s"),
		    id);
	else if (rc == MN_OK && strcmp(a.status, "requested") != 0)
		rc = mn_fail(err, MN_ERR_INVALID, "approval",
		    T("approval %s is already %s", "phê duyệt %s đã ở trạng "
		    "thái %s"), id, mn_approval_status_label(a.status));
	if (rc != MN_OK)
		goto rollback;
	if ((rc = mn_prepare(ctx->db, "UPDATE data_approvals SET "
	    "status = ?3, decided_by = ?2, decided_at = strftime("
	    "'%Y-%m-%dT%H:%M:%SZ', 'now'), decision_note = ?4, "
	    "version = version + 1, changed_by = ?2, changed_at = strftime("
	    "'%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1 AND version = ?5 "
	    "AND status = 'requested'", &stmt_decide, err)) != MN_OK)
		goto rollback;
	sqlite3_bind_text(stmt_decide, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt_decide, 2, ctx->actor.login, -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(stmt_decide, 3, status, -1, SQLITE_STATIC);
	if (text != NULL && *text != '\0')
		sqlite3_bind_text(stmt_decide, 4, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt_decide, 5, a.version);
	rc = sqlite3_step(stmt_decide) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	if (rc == MN_OK && sqlite3_changes(ctx->db) == 0)
		rc = mn_fail(err, MN_ERR_CONFLICT, "approval",
		    T("approval %s was changed meanwhile; reload the list",
		    "phê duyệt %s vừa được thay đổi; hãy tải lại danh sách"),
		    id);
	sqlite3_finalize(stmt_decide);
	if (rc != MN_OK)
		goto rollback;
	old_json = mn_priv_json(ctx->db, "status", a.status, NULL);
	new_json = mn_priv_json(ctx->db, "status", status, "note", text,
	    NULL);
	snprintf(detail, sizeof detail, "approval %s %s", id, status);
	rc = mn_audit(ctx->db, &ctx->actor, "update", "data_approvals", 0,
	    old_json, new_json, detail, err);
	free(old_json);
	free(new_json);
	if (rc != MN_OK || (rc = mn_tx_commit(ctx->db, err)) != MN_OK)
		goto rollback;
	goto out;
rollback:
	mn_tx_rollback(ctx->db);
out:
	free(text);
	return rc;
}

int
mn_approval_list_usable(struct mn_ctx *ctx, const char *data_kind,
    int (*fn)(const struct mn_approval *a, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *stmt;
	struct mn_approval a;
	char today[11];
	int rc;

	if ((rc = mn_require(ctx->db, &ctx->actor, MN_ACT_APPROVAL_LIST,
	    err)) != MN_OK)
		return rc;
	if (!mn_approval_kind_valid(data_kind))
		return bad_kind(err);
	mn_priv_today(today, sizeof today);
	if ((rc = mn_prepare(ctx->db, SELECT_APPROVAL "WHERE status = "
	    "'approved' AND valid_until >= ?1 AND data_kind = ?2 AND "
	    "requested_by_id = ?3 ORDER BY created_at DESC, id", &stmt,
	    err)) != MN_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, today, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, data_kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, ctx->actor.account_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_row(stmt, &a, NULL);
		if (fn(&a, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(stmt);
	return rc;
}

/* Writes why an approval cannot be used now into buf; false when it can. */
static bool
refused(struct mn_ctx *ctx, const struct mn_approval *a, int64_t owner,
    const char *kind, const char *class_code, char *buf, size_t size)
{
	char shown[80];

	if (strcmp(a->status, "rejected") == 0)
		snprintf(buf, size, T("approval %s was rejected by the "
		    "principal", "phê duyệt %s đã bị hiệu trưởng từ chối"),
		    a->id);
	else if (strcmp(a->status, "requested") == 0)
		snprintf(buf, size, T("approval %s is not approved yet; ask "
		    "the principal", "phê duyệt %s chưa được duyệt; hãy đề "
		    "nghị hiệu trưởng"), a->id);
	else if (strcmp(a->status, "expired") == 0)
		snprintf(buf, size, T("approval %s expired after %s; ask the "
		    "principal for a new one", "phê duyệt %s đã hết hạn sau "
		    "ngày %s; hãy xin phê duyệt mới"), a->id, a->valid_until);
	else if (owner > 0 ? owner != ctx->actor.account_id :
	    !(ctx->actor.roles & MN_ROLE_HOST))
		snprintf(buf, size, T("approval %s was given to another "
		    "account", "phê duyệt %s được cấp cho tài khoản khác"),
		    a->id);
	else if (strcmp(a->data_kind, kind) != 0)
		snprintf(buf, size, T("approval %s covers %s data, not %s",
		    "phê duyệt %s dành cho dữ liệu %s, không phải %s"), a->id,
		    a->data_kind, kind);
	else if (a->class_code[0] != '\0' && class_code == NULL)
		snprintf(buf, size, T("approval %s covers class %s only, not "
		    "more than one class", "phê duyệt %s chỉ dành cho lớp %s, "
		    "không cho nhiều lớp"), a->id, a->class_code);
	else if (a->class_code[0] != '\0' &&
	    strcmp(a->class_code, class_code) != 0) {
		mn_text_safe(class_code, shown, sizeof shown);
		snprintf(buf, size, T("approval %s covers class %s only, not "
		    "%s", "phê duyệt %s chỉ dành cho lớp %s, không phải "
		    "lớp %s"),
		    a->id, a->class_code, shown);
	} else
		return false;
	return true;
}

int
mn_approval_use(struct mn_ctx *ctx, const char *approval_id,
    const char *data_kind, struct mn_approval *out, struct mn_error *err)
{
	return mn_approval_use_class(ctx, approval_id, data_kind, NULL, out,
	    err);
}

int
mn_approval_use_class(struct mn_ctx *ctx, const char *approval_id,
    const char *data_kind, const char *class_code, struct mn_approval *out,
    struct mn_error *err)
{
	struct mn_approval a;
	struct mn_error local = { 0 };
	char id[MN_APPROVAL_ID_LEN + 1], shown[40], buf[256], detail[320];
	bool own_tx = sqlite3_get_autocommit(ctx->db) != 0;
	int64_t owner = 0;
	int rc;

	if (err == NULL)
		err = &local;
	if (!mn_approval_kind_valid(data_kind))
		return bad_kind(err);
	if (own_tx && (rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	mn_text_safe(approval_id ? approval_id : "", shown, sizeof shown);
	if (approval_id == NULL || *approval_id == '\0') {
		/* The command line adds the option that names one. */
		rc = mn_fail(err, MN_ERR_DENIED, "approval",
		    T("approval: missing; exporting %s data needs the "
		    "principal's approval", "phê duyệt: bị thiếu; xuất dữ liệu "
		    "%s cần phê duyệt của hiệu trưởng"), data_kind);
	} else if (!normalise_id(approval_id, id) ||
	    (rc = load(ctx->db, id, &a, &owner, err)) == MN_ERR_NOTFOUND) {
		rc = mn_fail(err, MN_ERR_DENIED, "approval",
		    T("approval: unknown ID '%s'",
		    "phê duyệt: không có mã '%s'"), shown);
	} else if (rc == MN_OK && refused(ctx, &a, owner, data_kind,
	    class_code != NULL && *class_code != '\0' ? class_code : NULL,
	    buf, sizeof buf)) {
		rc = mn_fail(err, MN_ERR_DENIED, "approval", "%s", buf);
		if (strcmp(a.status, "expired") == 0)
			update_approval(ctx->db, "UPDATE data_approvals SET "
			    "status = 'expired', version = version + 1, "
			    "changed_by = ?2, changed_at = strftime("
			    "'%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1 AND "
			    "status = 'approved'", id, ctx->actor.login, NULL,
			    NULL);
	} else if (rc == MN_OK) {
		rc = update_approval(ctx->db, "UPDATE data_approvals SET "
		    "use_count = use_count + 1, last_used_at = strftime("
		    "'%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
		    id, ctx->actor.login, NULL, err);
		snprintf(detail, sizeof detail,
		    "approval %s used for %s: %.200s",
		    id, data_kind, a.purpose);
		if (rc == MN_OK)
			rc = mn_audit(ctx->db, &ctx->actor, "approval_use",
			    "data_approvals", 0, NULL, NULL, detail, err);
		if (rc == MN_OK && out != NULL)
			*out = a;
	}
	if (rc == MN_ERR_DENIED) {
		snprintf(detail, sizeof detail, "approval '%s' for %s refused: "
		    "%.200s", shown, data_kind, err->message);
		mn_audit(ctx->db, &ctx->actor, "denied", "data_approvals", 0,
		    NULL, NULL, detail, NULL);
	}
	if (own_tx) {
		/* A refusal commits too, so its audit row stays. */
		if (rc == MN_OK || rc == MN_ERR_DENIED) {
			int crc = mn_tx_commit(ctx->db, rc == MN_OK ? err :
			    &local);

			if (crc != MN_OK) {
				mn_tx_rollback(ctx->db);
				if (rc == MN_OK)
					rc = crc;
			}
		} else {
			mn_tx_rollback(ctx->db);
		}
	}
	return rc;
}

int
mn_approval_check(struct mn_ctx *ctx, const char *approval_id,
    const char *data_kind, struct mn_error *err)
{
	return mn_approval_use(ctx, approval_id, data_kind, NULL, err);
}
