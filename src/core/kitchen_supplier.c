/*
 * The supplier register: who delivers food, with the food-safety
 * certificate number and its expiry (see kitchen_edit.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/kitchen_edit.h"
#include "core/kitchen_priv.h"
#include "core/text.h"
#include "core/validate.h"

/* Cleans in into buf (size bytes), at most max characters, naming field. */
static int
clean_into(const char *in, const char *field, size_t max, char *buf,
    size_t size, struct mn_error *err)
{
	char *clean = NULL;
	int rc;

	if ((rc = mn_text_clean(in, field, max, &clean, err)) != MN_OK)
		return rc;
	if (strlen(clean) >= size) {
		free(clean);
		return mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: too long; expected at most %zu characters",
		    "%s: quá dài; cần không quá %zu ký tự"), field, max);
	}
	snprintf(buf, size, "%s", clean);
	free(clean);
	return MN_OK;
}

int
mn_kitchen_supplier_check(const struct mn_supplier *s,
    struct mn_supplier *out, struct mn_error *err)
{
	struct mn_date expiry;
	int rc;

	memset(out, 0, sizeof *out);
	out->id = s->id;
	out->version = s->version;
	out->active = s->active;
	if ((rc = clean_into(s->name, "name", 200, out->name,
	    sizeof out->name, err)) != MN_OK ||
	    (rc = clean_into(s->address, "address", 300, out->address,
	    sizeof out->address, err)) != MN_OK ||
	    (rc = clean_into(s->supplies, "supplies", 300, out->supplies,
	    sizeof out->supplies, err)) != MN_OK ||
	    (rc = clean_into(s->certificate_no, "certificate_no", 60,
	    out->certificate_no, sizeof out->certificate_no, err)) != MN_OK)
		return rc;
	if (out->name[0] == '\0')
		return mn_fail(err, MN_ERR_INVALID, "name", "%s",
		    T("name: missing; expected the supplier's name, 1 to 200 "
		    "characters", "tên: bị thiếu; cần tên nơi cung cấp, 1 đến "
		    "200 ký tự"));
	if (s->phone[0] != '\0' && (rc = mn_phone_normalise(s->phone,
	    out->phone, sizeof out->phone, "phone", err)) != MN_OK)
		return rc;
	if (s->certificate_expiry[0] != '\0') {
		if ((rc = mn_date_parse_iso(s->certificate_expiry,
		    "certificate_expiry", &expiry, err)) != MN_OK)
			return rc;
		mn_date_format_iso(&expiry, out->certificate_expiry,
		    sizeof out->certificate_expiry);
	}
	if ((out->certificate_no[0] != '\0') !=
	    (out->certificate_expiry[0] != '\0'))
		return mn_fail(err, MN_ERR_INVALID, out->certificate_no[0] ?
		    "certificate_expiry" : "certificate_no", "%s",
		    T("food-safety certificate: give both its number and its "
		    "expiry date, or neither", "giấy chứng nhận an toàn thực "
		    "phẩm: cần cả số và ngày hết hạn, hoặc để trống cả hai"));
	return MN_OK;
}

static int
supplier_not_found(int64_t id, struct mn_error *err)
{
	return mn_fail(err, MN_ERR_NOTFOUND, "supplier",
	    T("supplier %lld not found in the register",
	    "không tìm thấy nơi cung cấp %lld trong danh sách"),
	    (long long)id);
}

static void
bind_supplier(sqlite3_stmt *st, const struct mn_supplier *s)
{
	sqlite3_bind_text(st, 1, s->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->address, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->supplies, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, s->certificate_no, -1, SQLITE_STATIC);
	if (s->certificate_expiry[0] != '\0')
		sqlite3_bind_text(st, 6, s->certificate_expiry, -1,
		    SQLITE_STATIC);
	sqlite3_bind_int(st, 7, s->active ? 1 : 0);
}

int
mn_kitchen_supplier_save(struct mn_ctx *ctx, struct mn_supplier *s,
    struct mn_error *err)
{
	struct mn_supplier c;
	sqlite3_stmt *st;
	char now[32];
	int rc;

	if ((rc = kitchen_require(ctx, MAY_PLAN, "supplier_write",
	    err)) != MN_OK ||
	    (rc = mn_kitchen_supplier_check(s, &c, err)) != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	if ((rc = mn_tx_begin(ctx->db, err)) != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, c.id == 0 ? "INSERT INTO suppliers (name, "
	    "address, phone, supplies, certificate_no, certificate_expiry, "
	    "active, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9)" : "UPDATE suppliers SET name = ?1, address = ?2, "
	    "phone = ?3, supplies = ?4, certificate_no = ?5, "
	    "certificate_expiry = ?6, active = ?7, changed_by = ?8, "
	    "changed_at = ?9, version = version + 1 WHERE id = ?10 AND "
	    "version = ?11", &st, err);
	if (rc == MN_OK) {
		bind_supplier(st, &c);
		sqlite3_bind_text(st, 8, ctx->actor.login, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, now, -1, SQLITE_STATIC);
		if (c.id != 0) {
			sqlite3_bind_int64(st, 10, c.id);
			sqlite3_bind_int64(st, 11, c.version);
		}
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT)
			rc = mn_fail(err, MN_ERR_EXISTS, "name",
			    T("name: '%s' is already in the register; expected "
			    "another name", "tên: '%s' đã có trong danh sách; "
			    "cần tên khác"), c.name);
		else
			rc = rc == SQLITE_DONE ? MN_OK :
			    mn_db_fail(ctx->db, err);
	}
	if (rc == MN_OK && sqlite3_changes(ctx->db) == 0)
		rc = mn_fail(err, MN_ERR_CONFLICT, "version", "%s",
		    T("the supplier was changed by someone else; reload it and "
		    "try again", "nơi cung cấp vừa được người khác sửa; hãy "
		    "tải lại rồi thử lại"));
	if (rc == MN_OK) {
		if (c.id == 0) {
			c.id = sqlite3_last_insert_rowid(ctx->db);
			c.version = 1;
		} else
			c.version++;
		rc = kitchen_audit(ctx, s->id == 0 ? "insert" : "update",
		    "suppliers", c.id, c.name, err);
	}
	if ((rc = kitchen_finish(ctx, rc, err)) == MN_OK) {
		s->id = c.id;
		s->version = c.version;
	}
	return rc;
}

static const char supplier_columns[] = "id, version, name, address, "
    "phone, supplies, certificate_no, certificate_expiry, active";

static void
supplier_from_row(sqlite3_stmt *st, struct mn_supplier *s)
{
	const unsigned char *t;

	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->version = sqlite3_column_int64(st, 1);
#define COPY(col, field) do { \
	t = sqlite3_column_text(st, col); \
	snprintf(s->field, sizeof s->field, "%s", t ? (const char *)t : ""); \
} while (0)
	COPY(2, name);
	COPY(3, address);
	COPY(4, phone);
	COPY(5, supplies);
	COPY(6, certificate_no);
	COPY(7, certificate_expiry);
#undef COPY
	s->active = sqlite3_column_int(st, 8) != 0;
}

int
mn_kitchen_supplier_list(struct mn_ctx *ctx, bool active_only,
    struct mn_supplier **out, size_t *count, struct mn_error *err)
{
	struct mn_supplier *rows = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st;
	char sql[256];
	int rc;

	*out = NULL;
	*count = 0;
	snprintf(sql, sizeof sql, "SELECT %s FROM suppliers %s ORDER BY name",
	    supplier_columns, active_only ? "WHERE active = 1" : "");
	if ((rc = kitchen_require(ctx, MAY_SEE_MARKET | MAY_SAFETY,
	    "supplier_list", err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, sql, &st, err)) != MN_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			size_t c = cap ? cap * 2 : 16;
			void *p = realloc(rows, c * sizeof *rows);

			if (p == NULL)
				break;
			rows = p;
			cap = c;
		}
		supplier_from_row(st, &rows[n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(rows);
		return rc == SQLITE_ROW ? mn_fail(err, MN_ERR_NOMEM, "", "%s",
		    T("out of memory", "hết bộ nhớ")) :
		    mn_db_fail(ctx->db, err);
	}
	*out = rows;
	*count = n;
	return MN_OK;
}

int
mn_kitchen_supplier_get(struct mn_ctx *ctx, int64_t id,
    struct mn_supplier *out, struct mn_error *err)
{
	sqlite3_stmt *st;
	char sql[256];
	int rc;

	snprintf(sql, sizeof sql, "SELECT %s FROM suppliers WHERE id = ?",
	    supplier_columns);
	if ((rc = kitchen_require(ctx, MAY_SEE_MARKET | MAY_SAFETY,
	    "supplier_read", err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, sql, &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		supplier_from_row(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return MN_OK;
	return rc == SQLITE_DONE ? supplier_not_found(id, err) :
	    mn_db_fail(ctx->db, err);
}

int
mn_kitchen_supplier_find(struct mn_ctx *ctx, const char *name, int64_t *id,
    struct mn_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = kitchen_require(ctx, MAY_SEE_MARKET | MAY_SAFETY,
	    "supplier_read", err)) != MN_OK ||
	    (rc = mn_prepare(ctx->db, "SELECT id FROM suppliers WHERE "
	    "name = ? AND active = 1", &st, err)) != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return MN_OK;
	if (rc != SQLITE_DONE)
		return mn_db_fail(ctx->db, err);
	return mn_fail(err, MN_ERR_NOTFOUND, "supplier",
	    T("supplier: '%.100s' is not an active supplier of the register; "
	    "expected a name from the register", "nơi cung cấp: '%.100s' "
	    "không có trong danh sách đang giao dịch; cần một tên trong danh "
	    "sách"), name);
}

int
kitchen_supplier_name(struct mn_ctx *ctx, int64_t id,
    const struct mn_date *day, char *name, size_t size,
    struct mn_error *err)
{
	struct mn_date expiry = { 0, 0, 0 };
	sqlite3_stmt *st;
	const char *text;
	int rc, active = 0;

	if ((rc = mn_prepare(ctx->db, "SELECT name, active, "
	    "certificate_expiry FROM suppliers WHERE id = ?", &st,
	    err)) != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(name, size, "%s", sqlite3_column_text(st, 0));
		active = sqlite3_column_int(st, 1);
		text = (const char *)sqlite3_column_text(st, 2);
		if (text == NULL || sscanf(text, "%4d-%2d-%2d", &expiry.year,
		    &expiry.month, &expiry.day) != 3)
			expiry.year = 0;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return supplier_not_found(id, err);
	if (rc != SQLITE_ROW)
		return mn_db_fail(ctx->db, err);
	if (!active)
		return mn_fail(err, MN_ERR_INVALID, "supplier",
		    T("supplier: '%s' is marked inactive; expected an active "
		    "supplier", "nơi cung cấp: '%s' đã ngừng giao dịch; cần "
		    "nơi đang giao dịch"), name);
	if (day != NULL && expiry.year != 0 && mn_date_cmp(&expiry, day) < 0) {
		char shown[16];

		mn_date_format(&expiry, shown, sizeof shown);
		return mn_fail(err, MN_ERR_INVALID, "supplier",
		    T("supplier: the food-safety certificate of '%s' expired "
		    "on %s; record its new certificate in the supplier "
		    "register, or choose another supplier",
		    "nơi cung cấp: giấy chứng nhận an toàn thực phẩm của '%s' "
		    "hết hạn ngày %s; hãy ghi giấy chứng nhận mới trong danh "
		    "sách nơi cung cấp, hoặc chọn nơi khác"), name, shown);
	}
	return MN_OK;
}
