/*
 * Applying an accepted correction request to the child record.  The
 * change goes through the registers core, so the new value is checked
 * like any other edit (names, phone numbers, dates) and the registers
 * core writes the audit row with the old and new record.
 */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/db.h"
#include "core/feedback.h"
#include "core/privacy.h"
#include "core/registers.h"


/* Reads the stored value of a field in mn_correction_fields(). */
void
mn_correction_current(struct mn_ctx *ctx, int64_t child_id,
    const char *field, char *buf, size_t size)
{
	const char *const *f;
	sqlite3_stmt *stmt;
	char sql[128];

	buf[0] = '\0';
	/* The column name comes from the fixed list, never from input. */
	for (f = mn_correction_fields(); *f != NULL; f++)
		if (strcmp(*f, field) == 0)
			break;
	if (*f == NULL)
		return;
	snprintf(sql, sizeof sql, "SELECT %s FROM children WHERE id = ?", *f);
	if (sqlite3_prepare_v2(ctx->db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(stmt, 1, child_id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		mn_priv_col(buf, size, stmt, 0);
	sqlite3_finalize(stmt);
}

#define SET_TEXT(member) \
	snprintf(c.member, sizeof c.member, "%s", value)

/* Parses the sex as M or F, or the Vietnamese words nam and nữ. */
static int
parse_sex(const char *value, char *sex, struct mn_error *err)
{
	if (strcmp(value, "M") == 0 || strcmp(value, "nam") == 0 ||
	    strcmp(value, "Nam") == 0)
		*sex = 'M';
	else if (strcmp(value, "F") == 0 || strcmp(value, "nữ") == 0 ||
	    strcmp(value, "Nữ") == 0)
		*sex = 'F';
	else
		return mn_fail(err, MN_ERR_INVALID, "sex",
		    T("sex: expected M or F", "giới tính: cần nam hoặc nữ"));
	return MN_OK;
}

int
mn_correction_apply(struct mn_ctx *ctx, int64_t child_id, const char *field,
    const char *value, struct mn_error *err)
{
	struct mn_child c;
	int rc;

	if ((rc = mn_child_get(ctx, child_id, &c, err)) != MN_OK)
		return rc;
	if (strcmp(field, "full_name") == 0)
		SET_TEXT(full_name);
	else if (strcmp(field, "birth_date") == 0)
		rc = mn_date_parse(value, "birth_date", &c.birth_date, err);
	else if (strcmp(field, "sex") == 0)
		rc = parse_sex(value, &c.sex, err);
	else if (strcmp(field, "birth_place") == 0)
		SET_TEXT(birth_place);
	else if (strcmp(field, "address") == 0)
		SET_TEXT(address);
	else if (strcmp(field, "father_name") == 0)
		SET_TEXT(father_name);
	else if (strcmp(field, "father_phone") == 0)
		SET_TEXT(father_phone);
	else if (strcmp(field, "mother_name") == 0)
		SET_TEXT(mother_name);
	else if (strcmp(field, "mother_phone") == 0)
		SET_TEXT(mother_phone);
	else if (strcmp(field, "guardian_name") == 0)
		SET_TEXT(guardian_name);
	else if (strcmp(field, "guardian_phone") == 0)
		SET_TEXT(guardian_phone);
	else if (strcmp(field, "pickup_people") == 0)
		SET_TEXT(pickup_people);
	else if (strcmp(field, "allergies") == 0)
		SET_TEXT(allergies);
	else
		rc = mn_fail(err, MN_ERR_INVALID, "field",
		    T("field: '%s' cannot be corrected this way",
		    "trường: không thể sửa '%s' theo cách này"), field);
	if (rc != MN_OK)
		return rc;
	return mn_child_update(ctx, &c, 0, err);
}
