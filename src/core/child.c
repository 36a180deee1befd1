/*
 * The children register: checks, writes with class history and status
 * events, reads limited to the actor's scope and field groups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/reg_util.h"
#include "core/registers.h"
#include "core/text.h"

/* Internal flag for check_child: the age group was accepted before. */
#define SKIP_AGE_CHECK 0x100

#define CHILD_JSON \
	"SELECT json_object('school_code', school_code, 'full_name', " \
	"full_name, 'birth_date', birth_date, 'sex', sex, 'ethnicity', " \
	"ethnicity, 'personal_id', personal_id, 'id_mismatch_reason', " \
	"id_mismatch_reason, 'birth_place', birth_place, 'address', " \
	"address, 'father_name', father_name, 'father_phone', " \
	"father_phone, 'mother_name', mother_name, 'mother_phone', " \
	"mother_phone, 'guardian_name', guardian_name, 'guardian_phone', " \
	"guardian_phone, 'pickup_people', pickup_people, 'class_id', " \
	"class_id, 'enrolment_date', enrolment_date, 'status', status, " \
	"'policies', (SELECT group_concat(category, ',') FROM (SELECT " \
	"category FROM child_policies WHERE child_id = children.id ORDER " \
	"BY category)), 'allergies', allergies, 'chronic_conditions', " \
	"chronic_conditions) FROM children WHERE id = ?1"

static const struct {
	const char *code;
	const char *label;
	bool on_roll;
} statuses[] = {
	{ "enrolled", "Đang học", true },
	{ "transferred_in", "Chuyển đến", true },
	{ "transferred_out", "Chuyển đi", false },
	{ "left", "Thôi học", false },
	{ "graduated", "Hoàn thành chương trình", false },
};
#define NSTATUSES (sizeof statuses / sizeof statuses[0])

const char *
mn_child_status_label(const char *status)
{
	for (size_t i = 0; i < NSTATUSES; i++)
		if (strcmp(statuses[i].code, status) == 0)
			return statuses[i].label;
	return NULL;
}

const char *
mn_child_status_parse(const char *text)
{
	char *folded = mn_text_fold(text != NULL ? text : "");
	const char *code = NULL;

	if (folded == NULL)
		return NULL;
	for (size_t i = 0; i < NSTATUSES && code == NULL; i++) {
		char *label = mn_text_fold(statuses[i].label);

		if (strcmp(statuses[i].code, folded) == 0 ||
		    (label != NULL && strcmp(label, folded) == 0))
			code = statuses[i].code;
		free(label);
	}
	free(folded);
	return code;
}

static bool
status_on_roll(const char *status)
{
	for (size_t i = 0; i < NSTATUSES; i++)
		if (strcmp(statuses[i].code, status) == 0)
			return statuses[i].on_roll;
	return false;
}

unsigned
mn_child_visible_fields(const struct mn_actor *actor)
{
	static const struct {
		unsigned group;
		enum mn_action action;
	} groups[] = {
		{ MN_CHILD_BASIC, MN_ACT_CHILD_FIELDS_BASIC },
		{ MN_CHILD_PERSONAL, MN_ACT_CHILD_FIELDS_PERSONAL },
		{ MN_CHILD_FAMILY, MN_ACT_CHILD_FIELDS_FAMILY },
		{ MN_CHILD_ALLERGY, MN_ACT_CHILD_FIELDS_ALLERGY },
		{ MN_CHILD_CHRONIC, MN_ACT_CHILD_FIELDS_CHRONIC },
		{ MN_CHILD_POLICY, MN_ACT_CHILD_FIELDS_POLICY },
	};
	unsigned v = 0;

	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
		if (mn_allowed(actor, groups[i].action))
			v |= groups[i].group;
	return v;
}

/* Empties the fields of the groups not in visible. */
static void
hide_fields(struct mn_child *c, unsigned visible)
{
	if (!(visible & MN_CHILD_PERSONAL)) {
		c->ethnicity[0] = '\0';
		c->personal_id[0] = '\0';
		c->id_mismatch_reason[0] = '\0';
		c->birth_place[0] = '\0';
		c->address[0] = '\0';
	}
	if (!(visible & MN_CHILD_FAMILY)) {
		c->father_name[0] = c->father_phone[0] = '\0';
		c->mother_name[0] = c->mother_phone[0] = '\0';
		c->guardian_name[0] = c->guardian_phone[0] = '\0';
		c->pickup_people[0] = '\0';
	}
	if (!(visible & MN_CHILD_POLICY))
		c->policies[0] = '\0';
	if (!(visible & MN_CHILD_ALLERGY))
		c->allergies[0] = '\0';
	if (!(visible & MN_CHILD_CHRONIC))
		c->chronic_conditions[0] = '\0';
	c->visible = visible;
}

/* Copies into c the groups the writer may not see, from the stored row. */
static void
keep_hidden(struct mn_child *c, const struct mn_child *old, unsigned visible)
{
	if (!(visible & MN_CHILD_PERSONAL)) {
		memcpy(c->ethnicity, old->ethnicity, sizeof c->ethnicity);
		memcpy(c->personal_id, old->personal_id,
		    sizeof c->personal_id);
		memcpy(c->id_mismatch_reason, old->id_mismatch_reason,
		    sizeof c->id_mismatch_reason);
		memcpy(c->birth_place, old->birth_place,
		    sizeof c->birth_place);
		memcpy(c->address, old->address, sizeof c->address);
	}
	if (!(visible & MN_CHILD_FAMILY)) {
		memcpy(c->father_name, old->father_name,
		    sizeof c->father_name);
		memcpy(c->father_phone, old->father_phone,
		    sizeof c->father_phone);
		memcpy(c->mother_name, old->mother_name,
		    sizeof c->mother_name);
		memcpy(c->mother_phone, old->mother_phone,
		    sizeof c->mother_phone);
		memcpy(c->guardian_name, old->guardian_name,
		    sizeof c->guardian_name);
		memcpy(c->guardian_phone, old->guardian_phone,
		    sizeof c->guardian_phone);
		memcpy(c->pickup_people, old->pickup_people,
		    sizeof c->pickup_people);
	}
	if (!(visible & MN_CHILD_POLICY))
		memcpy(c->policies, old->policies, sizeof c->policies);
	if (!(visible & MN_CHILD_ALLERGY))
		memcpy(c->allergies, old->allergies, sizeof c->allergies);
	if (!(visible & MN_CHILD_CHRONIC))
		memcpy(c->chronic_conditions, old->chronic_conditions,
		    sizeof c->chronic_conditions);
}

#define CHILD_SELECT \
	"SELECT c.id, c.school_code, c.full_name, c.birth_date, c.sex, " \
	"c.ethnicity, c.personal_id, c.id_mismatch_reason, c.birth_place, " \
	"c.address, c.father_name, c.father_phone, c.mother_name, " \
	"c.mother_phone, c.guardian_name, c.guardian_phone, " \
	"c.pickup_people, c.class_id, k.code, c.enrolment_date, c.status, " \
	"(SELECT group_concat(category, ',') FROM (SELECT category FROM " \
	"child_policies WHERE child_id = c.id ORDER BY category)), " \
	"c.allergies, c.chronic_conditions, c.version " \
	"FROM children c LEFT JOIN classes k ON k.id = c.class_id "

static void
read_child(sqlite3_stmt *st, struct mn_child *c)
{
	const char *sex;

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	mn_reg_column_text(st, 1, c->school_code, sizeof c->school_code);
	mn_reg_column_text(st, 2, c->full_name, sizeof c->full_name);
	mn_reg_column_date(st, 3, &c->birth_date);
	sex = (const char *)sqlite3_column_text(st, 4);
	c->sex = sex != NULL ? sex[0] : '?';
	mn_reg_column_text(st, 5, c->ethnicity, sizeof c->ethnicity);
	mn_reg_column_text(st, 6, c->personal_id, sizeof c->personal_id);
	mn_reg_column_text(st, 7, c->id_mismatch_reason,
	    sizeof c->id_mismatch_reason);
	mn_reg_column_text(st, 8, c->birth_place, sizeof c->birth_place);
	mn_reg_column_text(st, 9, c->address, sizeof c->address);
	mn_reg_column_text(st, 10, c->father_name, sizeof c->father_name);
	mn_reg_column_text(st, 11, c->father_phone, sizeof c->father_phone);
	mn_reg_column_text(st, 12, c->mother_name, sizeof c->mother_name);
	mn_reg_column_text(st, 13, c->mother_phone, sizeof c->mother_phone);
	mn_reg_column_text(st, 14, c->guardian_name, sizeof c->guardian_name);
	mn_reg_column_text(st, 15, c->guardian_phone,
	    sizeof c->guardian_phone);
	mn_reg_column_text(st, 16, c->pickup_people, sizeof c->pickup_people);
	c->class_id = sqlite3_column_int64(st, 17);
	mn_reg_column_text(st, 18, c->class_code, sizeof c->class_code);
	mn_reg_column_date(st, 19, &c->enrolment_date);
	mn_reg_column_text(st, 20, c->status, sizeof c->status);
	mn_reg_column_text(st, 21, c->policies, sizeof c->policies);
	mn_reg_column_text(st, 22, c->allergies, sizeof c->allergies);
	mn_reg_column_text(st, 23, c->chronic_conditions,
	    sizeof c->chronic_conditions);
	c->version = sqlite3_column_int64(st, 24);
	c->visible = MN_CHILD_ALL;
}

/* Reads the whole stored row without access checks or audit. */
static int
load_child(struct mn_ctx *ctx, int64_t id, struct mn_child *c,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = mn_prepare(ctx->db, CHILD_SELECT "WHERE c.id = ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_child(st, c);
		rc = MN_OK;
	} else if (rc == SQLITE_DONE) {
		rc = mn_fail(err, MN_ERR_NOTFOUND, "child",
		    T("Child not found", "Không tìm thấy trẻ"));
	} else {
		rc = mn_db_fail(ctx->db, err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* MN_OK when the actor may touch this child's record at all. */
static int
check_scope(struct mn_ctx *ctx, const struct mn_child *c,
    enum mn_action action, struct mn_error *err)
{
	if (mn_allowed_all(&ctx->actor, action))
		return MN_OK;
	if (mn_reg_teaches(ctx, c->class_id))
		return MN_OK;
	return mn_reg_denied(ctx, T("this child", "trẻ này"), err);
}

/*
 * Checks that a birth date fits the class's age group by birth year:
 * in school year Y-(Y+1) a group takes Y - birth year between
 * year_offset_min and year_offset_max.  Returns MN_OK, or
 * MN_ERR_INVALID with a warning the principal may override.
 */
static int
check_age_fit(struct mn_ctx *ctx, int64_t class_id,
    const struct mn_date *birth, unsigned flags, struct mn_error *err)
{
	const char *field = T("Date of birth", "Ngày sinh");
	sqlite3_stmt *st = NULL;
	char code[MN_CLASS_CODE_MAX + 1] = "", label[64] = "";
	int rc, offset = 0, lo = 0, hi = 0, start_year = 0;

	rc = mn_prepare(ctx->db, "SELECT k.code, g.label, "
	    "CAST(substr(y.first_day, 1, 4) AS INTEGER), g.year_offset_min, "
	    "g.year_offset_max FROM classes k JOIN age_groups g ON g.code = "
	    "k.age_group JOIN school_years y ON y.id = k.school_year_id "
	    "WHERE k.id = ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, class_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return mn_fail(err, MN_ERR_NOTFOUND, T("Class", "Lớp"),
		    T("Class not found", "Không tìm thấy lớp"));
	}
	mn_reg_column_text(st, 0, code, sizeof code);
	mn_reg_column_text(st, 1, label, sizeof label);
	start_year = sqlite3_column_int(st, 2);
	lo = sqlite3_column_int(st, 3);
	hi = sqlite3_column_int(st, 4);
	sqlite3_finalize(st);
	offset = start_year - birth->year;
	if (offset >= lo && offset <= hi)
		return MN_OK;
	if (flags & MN_REG_OVERRIDE) {
		if (mn_reg_is_principal(&ctx->actor))
			return MN_OK;
		return mn_fail(err, MN_ERR_DENIED, field,
		    T("%s: only the principal may place a child outside "
		    "the class's age group",
		    "%s: chỉ hiệu trưởng được xếp trẻ ngoài nhóm tuổi của "
		    "lớp"), field);
	}
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: born in %d, which does not fit class %s (%s, school "
	    "year from %d); the principal may confirm it as an exception",
	    "%s: sinh năm %d, không hợp với lớp %s (%s, năm học từ %d); "
	    "hiệu trưởng có thể xác nhận ngoại lệ"), field, birth->year, code,
	    label, start_year);
}

/* MN_OK when class_id has room for one more child (other than id). */
static int
check_room(struct mn_ctx *ctx, int64_t class_id, int64_t id,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, count = 0, cap = 0;
	char code[MN_CLASS_CODE_MAX + 1] = "";

	rc = mn_prepare(ctx->db, "SELECT k.code, k.capacity, (SELECT count(*) "
	    "FROM children WHERE class_id = k.id AND id <> ?2) FROM classes "
	    "k WHERE k.id = ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, class_id);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		mn_reg_column_text(st, 0, code, sizeof code);
		cap = sqlite3_column_int(st, 1);
		count = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (count < cap)
		return MN_OK;
	return mn_fail(err, MN_ERR_INVALID, T("Class", "Lớp"),
	    T("Class: %s is full (%d of %d children)",
	    "Lớp: lớp %s đã đủ sĩ số (%d/%d trẻ)"), code, count, cap);
}

static int
check_policies(struct mn_ctx *ctx, char *list, size_t size,
    struct mn_error *err)
{
	const char *field = T("Policy categories", "Đối tượng chính sách");
	sqlite3_stmt *st = NULL;
	char out[128] = "", *save = NULL, *tok, *copy;
	int rc = MN_OK;

	copy = strdup(list);
	if (copy == NULL)
		return mn_fail(err, MN_ERR_NOMEM, field, "out of memory");
	/* Sorted and unique, so the stored list compares equal. */
	rc = mn_prepare(ctx->db, "SELECT group_concat(code, ',') FROM (SELECT "
	    "code FROM policy_categories WHERE instr(',' || ?1 || ',', "
	    "',' || code || ',') > 0 ORDER BY code)", &st, err);
	if (rc != MN_OK) {
		free(copy);
		return rc;
	}
	for (tok = strtok_r(copy, ", ", &save); tok != NULL;
	    tok = strtok_r(NULL, ", ", &save)) {
		if (strlen(tok) != 2 || strspn(tok, "0123456789") != 2 ||
		    strcmp(tok, "01") < 0 || strcmp(tok, "16") > 0) {
			rc = mn_fail(err, MN_ERR_INVALID, field,
			    T("%s: '%s' is not a category code; expected "
			    "codes 01 to 16", "%s: '%s' không phải mã đối "
			    "tượng; cần mã từ 01 đến 16"), field, tok);
			break;
		}
		if (strlen(out) + 4 < sizeof out)
			snprintf(out + strlen(out), sizeof out - strlen(out),
			    "%s%s", out[0] ? "," : "", tok);
	}
	free(copy);
	if (rc == MN_OK) {
		sqlite3_bind_text(st, 1, out, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			mn_reg_column_text(st, 0, list, size);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
check_ethnicity(struct mn_ctx *ctx, const char *code, struct mn_error *err)
{
	const char *field = T("Ethnicity", "Dân tộc");
	sqlite3_stmt *st = NULL;
	bool found;

	if (mn_prepare(ctx->db, "SELECT 1 FROM ethnicities WHERE code = ?1",
	    &st, err) != MN_OK)
		return MN_ERR_DB;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (found)
		return MN_OK;
	return mn_fail(err, MN_ERR_INVALID, field,
	    T("%s: '%s' is not a code of the list; expected 01 (Kinh) to "
	    "55 (foreigner)", "%s: '%s' không có trong danh mục; cần mã "
	    "01 (Kinh) đến 55 (người nước ngoài)"), field, code);
}

/* Cleans and checks every field of c; writes nothing. */
static int
check_child(struct mn_ctx *ctx, struct mn_child *c, unsigned flags,
    struct mn_error *err)
{
	const char *f_code = T("Child code", "Mã trẻ");
	const char *f_birth = T("Date of birth", "Ngày sinh");
	const char *f_id = T("Personal ID", "Mã định danh");
	const char *f_enrol = T("Enrolment date", "Ngày nhập học");
	struct mn_date today;
	char id[sizeof c->personal_id];
	size_t n = 0;
	int rc;

	rc = mn_reg_clean(c->school_code, f_code, 20, c->school_code,
	    sizeof c->school_code, err);
	if (rc != MN_OK)
		return rc;
	if (strspn(c->school_code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
	    "opqrstuvwxyz0123456789-_.") != strlen(c->school_code))
		return mn_fail(err, MN_ERR_INVALID, f_code,
		    T("%s: '%s' is invalid; expected letters without "
		    "accents, digits, '-', '_' or '.'",
		    "%s: '%s' không hợp lệ; cần chữ cái không dấu, chữ số, "
		    "'-', '_' hoặc '.'"), f_code, c->school_code);
	rc = mn_reg_name(c->full_name, T("Full name", "Họ và tên"), true,
	    c->full_name, sizeof c->full_name, err);
	if (rc != MN_OK)
		return rc;

	mn_date_today(&today);
	if (!mn_date_valid(c->birth_date.year, c->birth_date.month,
	    c->birth_date.day))
		return mn_fail(err, MN_ERR_INVALID, f_birth,
		    T("%s: missing or not a real date; expected dd/mm/yyyy",
		    "%s: thiếu hoặc không có thật; cần dạng dd/mm/yyyy"),
		    f_birth);
	if (mn_date_cmp(&c->birth_date, &today) > 0) {
		char b[16];

		mn_date_format(&c->birth_date, b, sizeof b);
		return mn_fail(err, MN_ERR_INVALID, f_birth,
		    T("%s: %s is in the future", "%s: %s là ngày trong "
		    "tương lai"), f_birth, b);
	}
	if (c->sex != 'M' && c->sex != 'F')
		return mn_fail(err, MN_ERR_INVALID, T("Sex", "Giới tính"),
		    T("Sex: expected Nam or Nữ", "Giới tính: cần Nam hoặc "
		    "Nữ"));
	if (c->ethnicity[0] == '\0')
		snprintf(c->ethnicity, sizeof c->ethnicity, "01");
	rc = check_ethnicity(ctx, c->ethnicity, err);
	if (rc != MN_OK)
		return rc;

	/* People write IDs in groups: drop spaces and dots first. */
	for (const char *p = c->personal_id; *p != '\0' && n + 1 < sizeof id;
	    p++)
		if (*p != ' ' && *p != '.')
			id[n++] = *p;
	id[n] = '\0';
	rc = mn_reg_clean(c->id_mismatch_reason, T("ID mismatch reason",
	    "Lý do sai khác mã định danh"), 200, c->id_mismatch_reason,
	    sizeof c->id_mismatch_reason, err);
	if (rc != MN_OK)
		return rc;
	if (id[0] != '\0') {
		rc = mn_reg_personal_id(id, c->birth_date.year, c->sex == 'F',
		    f_id, err);
		if (rc == MN_REG_MISMATCH) {
			/* err already lists what disagrees. */
			if (c->id_mismatch_reason[0] == '\0') {
				if (err != NULL)
					err->status = MN_ERR_INVALID;
				return MN_ERR_INVALID;
			}
			rc = MN_OK;
		} else if (rc == MN_OK) {
			c->id_mismatch_reason[0] = '\0';
		}
		if (rc != MN_OK)
			return rc;
	} else {
		c->id_mismatch_reason[0] = '\0';
	}
	snprintf(c->personal_id, sizeof c->personal_id, "%s", id);

	if ((rc = mn_reg_clean(c->birth_place, T("Place of birth",
	    "Nơi sinh"), 200, c->birth_place, sizeof c->birth_place,
	    err)) != MN_OK ||
	    (rc = mn_reg_clean(c->address, T("Address", "Địa chỉ"), 250,
	    c->address, sizeof c->address, err)) != MN_OK ||
	    (rc = mn_reg_name(c->father_name, T("Father's name",
	    "Họ tên cha"), false, c->father_name, sizeof c->father_name,
	    err)) != MN_OK ||
	    (rc = mn_reg_phone(c->father_phone, T("Father's phone",
	    "SĐT cha"), c->father_phone, sizeof c->father_phone, err))
	    != MN_OK ||
	    (rc = mn_reg_name(c->mother_name, T("Mother's name",
	    "Họ tên mẹ"), false, c->mother_name, sizeof c->mother_name,
	    err)) != MN_OK ||
	    (rc = mn_reg_phone(c->mother_phone, T("Mother's phone",
	    "SĐT mẹ"), c->mother_phone, sizeof c->mother_phone, err))
	    != MN_OK ||
	    (rc = mn_reg_name(c->guardian_name, T("Guardian",
	    "Người giám hộ"), false, c->guardian_name,
	    sizeof c->guardian_name, err)) != MN_OK ||
	    (rc = mn_reg_phone(c->guardian_phone, T("Guardian's phone",
	    "SĐT người giám hộ"), c->guardian_phone,
	    sizeof c->guardian_phone, err)) != MN_OK ||
	    (rc = mn_reg_clean(c->pickup_people, T("People allowed to pick "
	    "up", "Người được đón trẻ"), 250, c->pickup_people,
	    sizeof c->pickup_people, err)) != MN_OK ||
	    (rc = mn_reg_clean(c->allergies, T("Allergies", "Dị ứng"), 250,
	    c->allergies, sizeof c->allergies, err)) != MN_OK ||
	    (rc = mn_reg_clean(c->chronic_conditions, T("Chronic conditions",
	    "Bệnh mãn tính"), 250, c->chronic_conditions,
	    sizeof c->chronic_conditions, err)) != MN_OK)
		return rc;
	rc = check_policies(ctx, c->policies, sizeof c->policies, err);
	if (rc != MN_OK)
		return rc;

	if (c->enrolment_date.year == 0)
		c->enrolment_date = today;
	if (!mn_date_valid(c->enrolment_date.year, c->enrolment_date.month,
	    c->enrolment_date.day) ||
	    mn_date_cmp(&c->enrolment_date, &c->birth_date) < 0)
		return mn_fail(err, MN_ERR_INVALID, f_enrol,
		    T("%s: not a real date, or before the date of birth; "
		    "expected dd/mm/yyyy", "%s: không có thật hoặc trước "
		    "ngày sinh; cần dạng dd/mm/yyyy"), f_enrol);

	/* Enrolment is planned at most a year ahead (the next school year). */
	if (mn_date_to_days(&c->enrolment_date) > mn_date_to_days(&today) + 366)
		return mn_fail(err, MN_ERR_INVALID, f_enrol,
		    T("%s: more than a year in the future; expected a date "
		    "up to one year from today", "%s: xa hơn một năm tới; cần "
		    "ngày không quá một năm kể từ hôm nay"), f_enrol);
	if (c->status[0] == '\0')
		snprintf(c->status, sizeof c->status, "enrolled");
	if (mn_child_status_label(c->status) == NULL)
		return mn_fail(err, MN_ERR_INVALID, T("Status", "Trạng thái"),
		    T("Status: '%s' is unknown; expected Đang học, Chuyển "
		    "đến, Chuyển đi, Thôi học or Hoàn thành chương trình",
		    "Trạng thái: '%s' không hợp lệ; cần Đang học, Chuyển đến, "
		    "Chuyển đi, Thôi học hoặc Hoàn thành chương trình"),
		    c->status);
	if (!status_on_roll(c->status))
		c->class_id = 0;
	if (c->class_id != 0 && !(flags & SKIP_AGE_CHECK)) {
		rc = check_age_fit(ctx, c->class_id, &c->birth_date, flags,
		    err);
		if (rc != MN_OK)
			return rc;
	}
	return MN_OK;
}

/* Binds the row's columns for INSERT and UPDATE (?1 ... ?24). */
static int
bind_child(struct mn_ctx *ctx, sqlite3_stmt *st, const struct mn_child *c)
{
	char sex[2] = { c->sex, '\0' }, now[32];
	char *fold = mn_text_fold(c->full_name);
	char *key = mn_text_name_sortkey(c->full_name);

	if (fold == NULL || key == NULL) {
		free(fold);
		free(key);
		return MN_ERR_NOMEM;
	}
	mn_now_utc(now, sizeof now);
	sqlite3_bind_text(st, 1, c->school_code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, c->full_name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, fold, -1, free);
	sqlite3_bind_text(st, 4, key, -1, free);
	mn_reg_bind_date(st, 5, &c->birth_date);
	sqlite3_bind_text(st, 6, sex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, c->ethnicity, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, c->personal_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, c->id_mismatch_reason, -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, c->birth_place, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, c->address, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, c->father_name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, c->father_phone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 14, c->mother_name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 15, c->mother_phone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 16, c->guardian_name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 17, c->guardian_phone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 18, c->pickup_people, -1, SQLITE_TRANSIENT);
	if (c->class_id != 0)
		sqlite3_bind_int64(st, 19, c->class_id);
	else
		sqlite3_bind_null(st, 19);
	mn_reg_bind_date(st, 20, &c->enrolment_date);
	sqlite3_bind_text(st, 21, c->status, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 22, c->allergies, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 23, c->chronic_conditions, -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 24, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 25, now, -1, SQLITE_TRANSIENT);
	return MN_OK;
}

static int
exec_bound(struct mn_ctx *ctx, const char *sql, int64_t a, const char *b,
    const struct mn_date *day, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = mn_prepare(ctx->db, sql, &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, a);
	if (b != NULL)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	if (day != NULL)
		mn_reg_bind_date(st, 3, day);
	rc = sqlite3_step(st) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}

static int
write_policies(struct mn_ctx *ctx, int64_t id, const char *list,
    struct mn_error *err)
{
	int rc;

	rc = exec_bound(ctx, "DELETE FROM child_policies WHERE child_id = ?1",
	    id, NULL, NULL, err);
	if (rc != MN_OK || list[0] == '\0')
		return rc;
	return exec_bound(ctx, "INSERT INTO child_policies (child_id, "
	    "category) SELECT ?1, code FROM policy_categories WHERE "
	    "instr(',' || ?2 || ',', ',' || code || ',') > 0", id, list, NULL,
	    err);
}

static int
add_status_event(struct mn_ctx *ctx, int64_t id, const char *status,
    const struct mn_date *day, const char *reason, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[32];
	int rc;

	rc = mn_prepare(ctx->db, "INSERT INTO child_status_events (child_id, "
	    "day, status, reason, recorded_by, recorded_at) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6)", &st, err);
	if (rc != MN_OK)
		return rc;
	mn_now_utc(now, sizeof now);
	sqlite3_bind_int64(st, 1, id);
	mn_reg_bind_date(st, 2, day);
	sqlite3_bind_text(st, 3, status, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, ctx->actor.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}

/* Ends the open class stay on day and opens one in class_id (0: none). */
static int
change_class_history(struct mn_ctx *ctx, int64_t id, int64_t class_id,
    const struct mn_date *day, struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = exec_bound(ctx, "UPDATE child_class_history SET to_date = "
	    "max(from_date, ?3) WHERE child_id = ?1 AND to_date IS NULL", id,
	    NULL, day, err);
	if (rc != MN_OK || class_id == 0)
		return rc;
	rc = mn_prepare(ctx->db, "INSERT INTO child_class_history (child_id, "
	    "class_id, from_date) VALUES (?1, ?2, ?3)", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, class_id);
	mn_reg_bind_date(st, 3, day);
	rc = sqlite3_step(st) == SQLITE_DONE ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	return rc;
}

static int
next_school_code(struct mn_ctx *ctx, int year, char *out, size_t size,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char pattern[32];
	int rc, next = 1;

	snprintf(pattern, sizeof pattern, "%04d-[0-9][0-9][0-9][0-9]", year);
	rc = mn_prepare(ctx->db, "SELECT max(CAST(substr(school_code, 6) AS "
	    "INTEGER)) FROM children WHERE school_code GLOB ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, pattern, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		next = sqlite3_column_int(st, 0) + 1;
	sqlite3_finalize(st);
	snprintf(out, size, "%04d-%04d", year, next);
	return MN_OK;
}

static bool
plain_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

/* Reports a duplicate: same personal ID, or same name and birth date. */
static int
check_duplicate(struct mn_ctx *ctx, const struct mn_child *c,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char *fold = mn_text_fold(c->full_name), other[32] = "";
	int rc;

	if (fold == NULL)
		return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	/*
	 * Names match when their NFC forms are equal, because tones tell
	 * names apart (Dung is not Dũng), or when one of them is written
	 * without any diacritics (typed without a Vietnamese keyboard) and
	 * they fold to the same letters.
	 */
	rc = mn_prepare(ctx->db, "SELECT school_code FROM children WHERE id "
	    "<> ?1 AND ((?2 <> '' AND personal_id = ?2) OR (name_fold = ?3 "
	    "AND birth_date = ?4 AND (full_name = ?6 OR ?7 OR "
	    "full_name NOT GLOB '*[^ -~]*')) OR school_code = ?5)", &st,
	    err);
	if (rc != MN_OK) {
		free(fold);
		return rc;
	}
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_text(st, 2, c->personal_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, fold, -1, free);
	mn_reg_bind_date(st, 4, &c->birth_date);
	sqlite3_bind_text(st, 5, c->school_code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, c->full_name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 7, plain_ascii(c->full_name));
	if (sqlite3_step(st) == SQLITE_ROW)
		mn_reg_column_text(st, 0, other, sizeof other);
	sqlite3_finalize(st);
	if (other[0] == '\0')
		return MN_OK;
	return mn_fail(err, MN_ERR_EXISTS, T("Child", "Trẻ"),
	    T("Child: already registered as %s (same code, personal ID, or "
	    "name and date of birth)", "Trẻ: đã có trong danh sách với mã "
	    "%s (trùng mã, mã định danh, hoặc họ tên và ngày sinh)"), other);
}

/* Called inside the caller's transaction. */
int
mn_child_insert_checked(struct mn_ctx *ctx, struct mn_child *c,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	char *json, cls[32];
	int rc;

	snprintf(cls, sizeof cls, "%lld", (long long)c->class_id);
	if (c->school_code[0] == '\0') {
		rc = next_school_code(ctx, c->enrolment_date.year,
		    c->school_code, sizeof c->school_code, err);
		if (rc != MN_OK)
			return rc;
	}
	rc = check_duplicate(ctx, c, err);
	if (rc != MN_OK)
		return rc;
	if (c->class_id != 0) {
		rc = check_room(ctx, c->class_id, 0, err);
		if (rc != MN_OK)
			return rc;
	}
	rc = mn_prepare(ctx->db, "INSERT INTO children (school_code, "
	    "full_name, name_fold, name_key, birth_date, sex, ethnicity, "
	    "personal_id, id_mismatch_reason, birth_place, address, "
	    "father_name, father_phone, mother_name, mother_phone, "
	    "guardian_name, guardian_phone, pickup_people, class_id, "
	    "enrolment_date, status, allergies, chronic_conditions, "
	    "changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	    "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
	    "?22, ?23, ?24, ?25)", &st, err);
	if (rc != MN_OK)
		return rc;
	rc = bind_child(ctx, st, c);
	if (rc == MN_OK && sqlite3_step(st) != SQLITE_DONE)
		rc = mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	if (rc != MN_OK)
		return rc;
	c->id = sqlite3_last_insert_rowid(ctx->db);
	c->version = 1;
	/* A stay starts no earlier than the first day of the class's year. */
	if (c->class_id != 0)
		rc = exec_bound(ctx, "INSERT INTO child_class_history "
		    "(child_id, class_id, from_date) SELECT ?1, k.id, "
		    "max(?3, y.first_day) FROM classes k JOIN school_years y "
		    "ON y.id = k.school_year_id "
		    "WHERE k.id = CAST(?2 AS INTEGER)",
		    c->id, cls, &c->enrolment_date, err);
	if (rc == MN_OK)
		rc = add_status_event(ctx, c->id, c->status,
		    &c->enrolment_date, "", err);
	if (rc == MN_OK)
		rc = write_policies(ctx, c->id, c->policies, err);
	if (rc != MN_OK)
		return rc;
	json = mn_reg_row_json(ctx->db, CHILD_JSON, c->id);
	rc = mn_audit(ctx->db, &ctx->actor, "insert", "children", c->id, NULL,
	    json, c->id_mismatch_reason[0] ? c->id_mismatch_reason : NULL,
	    err);
	free(json);
	return rc;
}

/* True when the actor teaches some class, so has a class to add to. */
static bool
teaches_any_class(struct mn_ctx *ctx)
{
	sqlite3_stmt *st;
	bool found;

	if (!(ctx->actor.roles & MN_ROLE_TEACHER) ||
	    ctx->actor.account_id <= 0 ||
	    sqlite3_prepare_v2(ctx->db, "SELECT 1 FROM class_teachers ct "
	    "JOIN staff s ON s.id = ct.staff_id WHERE s.account_id = ?1",
	    -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, ctx->actor.account_id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/*
 * The same rule mn_child_update and mn_child_check_new apply, asked
 * before a form opens, so it writes no audit row and no message.
 */
bool
mn_child_may_write(struct mn_ctx *ctx, int64_t child_id, int64_t class_id)
{
	if (!mn_allowed(&ctx->actor, MN_ACT_CHILD_WRITE))
		return false;
	if (mn_allowed_all(&ctx->actor, MN_ACT_CHILD_WRITE))
		return true;
	if (!mn_allowed_as(&ctx->actor, MN_ACT_CHILD_WRITE, MN_ROLE_TEACHER))
		return false;
	if (child_id > 0)
		return mn_teaches_child(ctx, child_id);
	if (class_id != 0)
		return mn_reg_teaches(ctx, class_id);
	return teaches_any_class(ctx);
}

int
mn_child_check_new(struct mn_ctx *ctx, struct mn_child *c, unsigned flags,
    struct mn_error *err)
{
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CHILD_WRITE, err);
	if (rc != MN_OK)
		return rc;
	c->id = 0;
	rc = check_child(ctx, c, flags, err);
	if (rc != MN_OK)
		return rc;
	if (!mn_allowed_all(&ctx->actor, MN_ACT_CHILD_WRITE) &&
	    !mn_reg_teaches(ctx, c->class_id))
		return mn_reg_denied(ctx, T("this class", "lớp này"), err);
	return check_duplicate(ctx, c, err);
}

int
mn_child_add(struct mn_ctx *ctx, struct mn_child *c, unsigned flags,
    struct mn_error *err)
{
	int rc;

	rc = mn_child_check_new(ctx, c, flags, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_child_insert_checked(ctx, c, err);
	return mn_reg_finish(ctx, rc, err);
}

int
mn_child_update(struct mn_ctx *ctx, struct mn_child *c, unsigned flags,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	struct mn_child old;
	char *old_json = NULL, *json = NULL;
	unsigned visible = mn_child_visible_fields(&ctx->actor);
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CHILD_WRITE, err);
	if (rc != MN_OK)
		return rc;
	rc = load_child(ctx, c->id, &old, err);
	if (rc != MN_OK)
		return rc;
	rc = check_scope(ctx, &old, MN_ACT_CHILD_WRITE, err);
	if (rc != MN_OK)
		return rc;
	keep_hidden(c, &old, visible);
	/* Class and status change only through their own functions. */
	c->class_id = old.class_id;
	memcpy(c->status, old.status, sizeof c->status);
	if (c->school_code[0] == '\0')
		memcpy(c->school_code, old.school_code, sizeof c->school_code);
	/* An unchanged birth date keeps an accepted age exception. */
	if (mn_date_cmp(&c->birth_date, &old.birth_date) == 0)
		flags |= SKIP_AGE_CHECK;
	rc = check_child(ctx, c, flags, err);
	if (rc != MN_OK)
		return rc;
	rc = check_duplicate(ctx, c, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	old_json = mn_reg_row_json(ctx->db, CHILD_JSON, c->id);
	rc = mn_prepare(ctx->db, "UPDATE children SET school_code = ?1, "
	    "full_name = ?2, name_fold = ?3, name_key = ?4, birth_date = ?5, "
	    "sex = ?6, ethnicity = ?7, personal_id = ?8, "
	    "id_mismatch_reason = ?9, birth_place = ?10, address = ?11, "
	    "father_name = ?12, father_phone = ?13, mother_name = ?14, "
	    "mother_phone = ?15, guardian_name = ?16, guardian_phone = ?17, "
	    "pickup_people = ?18, class_id = ?19, enrolment_date = ?20, "
	    "status = ?21, allergies = ?22, chronic_conditions = ?23, "
	    "changed_by = ?24, changed_at = ?25, version = version + 1 "
	    "WHERE id = ?26 AND version = ?27", &st, err);
	if (rc != MN_OK)
		goto out;
	rc = bind_child(ctx, st, c);
	sqlite3_bind_int64(st, 26, c->id);
	sqlite3_bind_int64(st, 27, c->version);
	if (rc == MN_OK && sqlite3_step(st) != SQLITE_DONE)
		rc = mn_db_fail(ctx->db, err);
	if (rc != MN_OK)
		goto out;
	if (sqlite3_changes(ctx->db) == 0) {
		rc = mn_fail(err, MN_ERR_CONFLICT, "child",
		    T("The record was changed by someone else; reload it and "
		    "try again", "Hồ sơ vừa được người khác sửa; hãy tải lại "
		    "và thử lại"));
		goto out;
	}
	c->version++;
	rc = write_policies(ctx, c->id, c->policies, err);
	if (rc != MN_OK)
		goto out;
	json = mn_reg_row_json(ctx->db, CHILD_JSON, c->id);
	rc = mn_audit(ctx->db, &ctx->actor, "update", "children", c->id,
	    old_json, json, c->id_mismatch_reason[0] ?
	    c->id_mismatch_reason : NULL, err);
out:
	sqlite3_finalize(st);
	free(old_json);
	free(json);
	return mn_reg_finish(ctx, rc, err);
}

int
mn_child_get(struct mn_ctx *ctx, int64_t id, struct mn_child *c,
    struct mn_error *err)
{
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CHILD_READ, err);
	if (rc != MN_OK)
		return rc;
	rc = load_child(ctx, id, c, err);
	if (rc != MN_OK)
		return rc;
	rc = check_scope(ctx, c, MN_ACT_CHILD_READ, err);
	if (rc != MN_OK) {
		memset(c, 0, sizeof *c);
		return rc;
	}
	hide_fields(c, mn_child_visible_fields(&ctx->actor));
	return mn_audit(ctx->db, &ctx->actor, "view", "children", id, NULL,
	    NULL, NULL, err);
}

int
mn_child_find(struct mn_ctx *ctx, const char *school_code, int64_t *id,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CHILD_READ, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_prepare(ctx->db, "SELECT id FROM children WHERE school_code "
	    "= ?1", &st, err);
	if (rc != MN_OK)
		return rc;
	sqlite3_bind_text(st, 1, school_code, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = MN_OK;
	} else {
		rc = mn_fail(err, MN_ERR_NOTFOUND, T("Child code", "Mã trẻ"),
		    T("Child code: '%s' not found", "Mã trẻ: không có '%s'"),
		    school_code);
	}
	sqlite3_finalize(st);
	return rc;
}

int
mn_child_move(struct mn_ctx *ctx, int64_t child_id, int64_t class_id,
    const struct mn_date *day, unsigned flags, struct mn_error *err)
{
	struct mn_child c;
	char *old_json = NULL, *json = NULL, cls[32];
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CHILD_WRITE, err);
	if (rc != MN_OK)
		return rc;
	if (!mn_allowed_all(&ctx->actor, MN_ACT_CHILD_WRITE))
		return mn_reg_denied(ctx, T("moving a child to another class",
		    "chuyển lớp cho trẻ"), err);
	rc = load_child(ctx, child_id, &c, err);
	if (rc != MN_OK)
		return rc;
	if (!status_on_roll(c.status) && class_id != 0)
		return mn_fail(err, MN_ERR_INVALID, T("Status", "Trạng thái"),
		    T("Status: the child is not attending; record a return "
		    "first", "Trạng thái: trẻ không còn đi học; hãy ghi nhận "
		    "trẻ trở lại trước"));
	if (class_id != 0) {
		rc = check_age_fit(ctx, class_id, &c.birth_date, flags, err);
		if (rc == MN_OK)
			rc = check_room(ctx, class_id, child_id, err);
		if (rc != MN_OK)
			return rc;
	}
	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	old_json = mn_reg_row_json(ctx->db, CHILD_JSON, child_id);
	snprintf(cls, sizeof cls, "%lld", (long long)class_id);
	rc = exec_bound(ctx, "UPDATE children SET class_id = nullif(CAST(?2 "
	    "AS INTEGER), 0), version = version + 1 WHERE id = ?1", child_id,
	    cls, NULL, err);
	if (rc == MN_OK)
		rc = change_class_history(ctx, child_id, class_id, day, err);
	if (rc == MN_OK) {
		json = mn_reg_row_json(ctx->db, CHILD_JSON, child_id);
		rc = mn_audit(ctx->db, &ctx->actor, "update", "children",
		    child_id, old_json, json, "class", err);
	}
	free(old_json);
	free(json);
	return mn_reg_finish(ctx, rc, err);
}

int
mn_child_status_write(struct mn_ctx *ctx, int64_t child_id,
    const char *status, const struct mn_date *day, const char *reason,
    struct mn_error *err)
{
	char *old_json, *json;
	int rc;

	old_json = mn_reg_row_json(ctx->db, CHILD_JSON, child_id);
	rc = exec_bound(ctx, "UPDATE children SET status = ?2, version = "
	    "version + 1 WHERE id = ?1", child_id, status, NULL, err);
	if (rc == MN_OK && !status_on_roll(status)) {
		rc = exec_bound(ctx, "UPDATE children SET class_id = NULL "
		    "WHERE id = ?1", child_id, NULL, NULL, err);
		if (rc == MN_OK)
			rc = change_class_history(ctx, child_id, 0, day, err);
	}
	if (rc == MN_OK)
		rc = add_status_event(ctx, child_id, status, day, reason, err);
	json = mn_reg_row_json(ctx->db, CHILD_JSON, child_id);
	if (rc == MN_OK)
		rc = mn_audit(ctx->db, &ctx->actor, "update", "children",
		    child_id, old_json, json, reason, err);
	free(old_json);
	free(json);
	return rc;
}

int
mn_child_set_status(struct mn_ctx *ctx, int64_t child_id, const char *status,
    const struct mn_date *day, const char *reason, struct mn_error *err)
{
	const char *f_reason = T("Reason", "Lý do");
	struct mn_child c;
	char clean[512];
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CHILD_WRITE, err);
	if (rc != MN_OK)
		return rc;
	if (!mn_allowed_all(&ctx->actor, MN_ACT_CHILD_WRITE))
		return mn_reg_denied(ctx, T("changing a child's status",
		    "đổi trạng thái của trẻ"), err);
	if (status == NULL || mn_child_status_label(status) == NULL)
		return mn_fail(err, MN_ERR_INVALID, T("Status", "Trạng thái"),
		    T("Status: '%s' is unknown; expected enrolled, "
		    "transferred_in, transferred_out, left or graduated",
		    "Trạng thái: '%s' không hợp lệ; cần enrolled, "
		    "transferred_in, transferred_out, left hoặc graduated"),
		    status ? status : "");
	if (day == NULL || !mn_date_valid(day->year, day->month, day->day))
		return mn_fail(err, MN_ERR_INVALID, T("Date", "Ngày"),
		    T("Date: missing or not a real date; expected dd/mm/yyyy",
		    "Ngày: thiếu hoặc không có thật; cần dạng dd/mm/yyyy"));
	rc = mn_reg_clean(reason, f_reason, 200, clean, sizeof clean, err);
	if (rc != MN_OK)
		return rc;
	if (clean[0] == '\0')
		return mn_fail(err, MN_ERR_INVALID, f_reason,
		    T("%s: missing; write why the status changes",
		    "%s: bị thiếu; hãy ghi lý do thay đổi trạng thái"),
		    f_reason);
	rc = load_child(ctx, child_id, &c, err);
	if (rc != MN_OK)
		return rc;

	/*
	 * A status change happens after enrolment.  It may be recorded
	 * ahead, as a graduation at the end of the school year is.
	 */
	char shown[16];

	if (mn_date_cmp(day, &c.enrolment_date) < 0 ||
	    mn_date_cmp(day, &c.birth_date) < 0) {
		mn_date_format(&c.enrolment_date, shown, sizeof shown);
		return mn_fail(err, MN_ERR_INVALID, T("Date", "Ngày"),
		    T("Date: before the enrolment date %s; expected that "
		    "date or later", "Ngày: trước ngày nhập học %s; cần từ "
		    "ngày đó trở đi"), shown);
	}
	rc = mn_tx_begin(ctx->db, err);
	if (rc != MN_OK)
		return rc;
	rc = mn_child_status_write(ctx, child_id, status, day, clean, err);
	return mn_reg_finish(ctx, rc, err);
}

int
mn_child_list(struct mn_ctx *ctx, const struct mn_child_filter *filter,
    int (*fn)(const struct mn_child *c, void *arg), void *arg,
    struct mn_error *err)
{
	sqlite3_stmt *st = NULL;
	struct mn_school_year year;
	struct mn_child c;
	struct mn_date today;
	unsigned visible = mn_child_visible_fields(&ctx->actor);
	char *needle = NULL;
	int64_t year_id = filter ? filter->school_year_id : 0;
	int rc;

	rc = mn_require(ctx->db, &ctx->actor, MN_ACT_CHILD_READ, err);
	if (rc != MN_OK)
		return rc;
	if (year_id == 0) {
		mn_date_today(&today);
		rc = mn_school_year_current(ctx, &today, &year, err);
		if (rc != MN_OK)
			return rc;
		year_id = year.id;
	}
	if (filter != NULL && filter->search != NULL &&
	    filter->search[0] != '\0') {
		needle = mn_text_fold(filter->search);
		if (needle == NULL)
			return mn_fail(err, MN_ERR_NOMEM, "", "out of memory");
	}
	/*
	 * Children of the year's classes, and with ?5 those without a
	 * class, sorted by class code, name key (hex, BINARY), birth date.
	 */
	rc = mn_prepare(ctx->db, CHILD_SELECT
	    "WHERE ((k.school_year_id = ?1 AND (?2 IS NULL OR k.code = ?2)) "
	    "    OR (?5 AND c.class_id IS NULL AND ?2 IS NULL)) "
	    "AND (?3 IS NULL OR instr(c.name_fold, ?3) > 0 "
	    "    OR instr(lower(c.school_code), ?3) > 0) "
	    "AND (?4 = 0 OR c.class_id IN (SELECT ct.class_id FROM "
	    "    class_teachers ct JOIN staff s ON s.id = ct.staff_id "
	    "    WHERE s.account_id = ?4)) "
	    "ORDER BY k.code IS NULL, k.code, c.name_key, c.birth_date, "
	    "c.school_code", &st, err);
	if (rc != MN_OK) {
		free(needle);
		return rc;
	}
	sqlite3_bind_int64(st, 1, year_id);
	if (filter != NULL && filter->class_code != NULL)
		sqlite3_bind_text(st, 2, filter->class_code, -1,
		    SQLITE_TRANSIENT);
	if (needle != NULL)
		sqlite3_bind_text(st, 3, needle, -1, free);
	/* A teacher-only actor without an account matches no class (id -1). */
	if (!mn_allowed_all(&ctx->actor, MN_ACT_CHILD_READ))
		sqlite3_bind_int64(st, 4, ctx->actor.account_id ?
		    ctx->actor.account_id : -1);
	else
		sqlite3_bind_int64(st, 4, 0);
	sqlite3_bind_int(st, 5, filter != NULL && filter->with_unplaced &&
	    mn_allowed_all(&ctx->actor, MN_ACT_CHILD_READ));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_child(st, &c);
		hide_fields(&c, visible);
		if (fn(&c, arg) != 0)
			break;
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MN_OK :
	    mn_db_fail(ctx->db, err);
	sqlite3_finalize(st);
	if (rc == MN_OK)
		rc = mn_audit(ctx->db, &ctx->actor, "view", "children", 0,
		    NULL, NULL, filter && filter->class_code ?
		    filter->class_code : "list", err);
	return rc;
}
