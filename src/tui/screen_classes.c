/*
 * The classes of the current school year.  Enter opens a class: its
 * children (in the core's order, with health warnings) and its teachers
 * in the title.  The principal and the clerk add and edit classes and
 * set their teachers; the core checks each of these.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "tui/draft_kinds.h"
#include "tui/screen_reg.h"
#include "tui/keys.h"

enum {
	ACT_OPEN = TUI_ACT_USER,
	ACT_ADD,
	ACT_EDIT,
	ACT_TEACHERS,
	ACT_VIEW_CHILD,
	ACT_RELOAD,
};

static const struct tui_keydef class_keys[] = {
	{ { TK_ENTER }, "Enter", "Open", "Xem lớp", ACT_OPEN },
	{ { 'n', TK(KEY_IC) }, "n", "New", "Thêm", ACT_ADD },
	{ { 'e' }, "e", "Edit", "Sửa", ACT_EDIT },
	{ { 't' }, "t", "Teachers", "Giáo viên", ACT_TEACHERS },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK(KEY_F(5)), 'r' }, "", NULL, NULL, ACT_RELOAD },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column class_columns[] = {
	{ "Code", "Mã lớp", 8 },
	{ "Name", "Tên lớp", 20 },
	{ "Age group", "Nhóm tuổi", 20 },
	{ "Room", "Phòng", 8 },
	{ "Children", "Sĩ số", 7 },
	{ "Teachers", "Giáo viên", 0 },
};

#define NCOLS ((int)(sizeof class_columns / sizeof class_columns[0]))

struct class_rows {
	struct tui_list list;
	struct mn_class *classes;	/* same order as the list rows */
	char (*teachers)[512];
	int n, cap;
	struct tui *ui;
};

/* Staff members teaching one class, as "Name, Name". */
struct teacher_names {
	const char *code;
	char *buf;
	size_t size, used;
};

static bool
teaches(const struct mn_staff *s, const char *code)
{
	const char *p = s->classes;
	size_t len = strlen(code);

	while ((p = strstr(p, code)) != NULL) {
		bool start = p == s->classes || p[-1] == ',' || p[-1] == ' ';
		bool end = p[len] == '\0' || p[len] == ',' || p[len] == ' ';

		if (start && end)
			return true;
		p += len;
	}
	return false;
}

static int
add_teacher(const struct mn_staff *s, void *arg)
{
	struct teacher_names *t = arg;
	int n;

	if (!teaches(s, t->code) || t->used >= t->size)
		return 0;
	n = snprintf(t->buf + t->used, t->size - t->used, "%s%s",
	    t->used > 0 ? ", " : "", s->full_name);
	if (n > 0)
		t->used += (size_t)n;
	return 0;
}

/*
 * Writes the names of the class's teachers into buf.  Roles that may not
 * read the staff register get "" (the core has no narrower call).
 */
static void
class_teachers(struct tui *ui, const char *code, char *buf, size_t size)
{
	struct teacher_names t = { .code = code, .buf = buf, .size = size };

	buf[0] = '\0';
	if (mn_allowed(&ui->ctx->actor, MN_ACT_STAFF_READ))
		mn_staff_list(ui->ctx, add_teacher, &t, NULL);
}

static int
add_row(const struct mn_class *c, void *arg)
{
	struct class_rows *rows = arg;
	char group[128], count[32];
	const char *cells[NCOLS];

	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 16;
		struct mn_class *grown = realloc(rows->classes,
		    sizeof *grown * cap);
		char (*teachers)[512];

		if (grown == NULL)
			return MN_ERR_NOMEM;
		rows->classes = grown;
		teachers = realloc(rows->teachers, sizeof *teachers * cap);
		if (teachers == NULL)
			return MN_ERR_NOMEM;
		rows->teachers = teachers;
		rows->cap = cap;
	}
	if (mn_age_group_label(rows->ui->ctx, c->age_group, group,
	    sizeof group) != MN_OK)
		snprintf(group, sizeof group, "%s", c->age_group);
	snprintf(count, sizeof count, "%d/%d", c->enrolled, c->capacity);
	class_teachers(rows->ui, c->code, rows->teachers[rows->n],
	    sizeof rows->teachers[0]);
	cells[0] = c->code;
	cells[1] = c->name;
	cells[2] = group;
	cells[3] = c->room;
	cells[4] = count;
	cells[5] = rows->teachers[rows->n];
	if (tui_list_add(&rows->list, cells) != MN_OK)
		return MN_ERR_NOMEM;
	rows->classes[rows->n++] = *c;
	return MN_OK;
}

static void
reload(struct tui *ui, struct class_rows *rows, struct mn_school_year *year)
{
	struct mn_error err;
	int sel = tui_list_selected(&rows->list);
	int64_t keep = sel >= 0 ? rows->classes[sel].id : 0;

	mn_error_clear(&err);
	tui_list_clear(&rows->list);
	rows->n = 0;
	if (reg_current_year(ui, year, &err) != MN_OK ||
	    mn_class_list(ui->ctx, year->id, add_row, rows, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	for (int i = 0; i < rows->list.nshown; i++)
		if (rows->classes[rows->list.shown[i]].id == keep)
			rows->list.sel = i;
}

enum { F_CODE, F_NAME, F_GROUP, F_ROOM, F_CAPACITY, F_ROWS };

/*
 * Reports a conflict on saving the class, err as the core gave it.
 * When someone else saved the class meanwhile, names the stored values
 * and checks the next save against the stored version, so F2 then
 * replaces the stored values on purpose.  An unchanged version means
 * the class has more children than the capacity typed.  The form keeps
 * the user's values either way.
 */
static void
class_conflict(struct tui *ui, struct tui_form *form,
    const struct mn_school_year *year, const char *code,
    const struct mn_error *err)
{
	struct mn_class stored;
	struct mn_error get_err;

	mn_error_clear(&get_err);
	if (mn_class_get(ui->ctx, year->id, code, &stored, &get_err) !=
	    MN_OK) {
		tui_form_failed(ui, form, &get_err);
		return;
	}
	if (stored.version == form->version) {
		tui_form_failed(ui, form, err);
		tui_form_focus(form, "capacity");
		return;
	}
	form->version = stored.version;
	tui_error(ui, T("Class %s was changed by someone else meanwhile "
	    "(stored: %s, room %s, capacity %d); your values are kept: F2 "
	    "saves them over the stored ones, Esc leaves them", "Lớp %s vừa "
	    "được người khác sửa (đã lưu: %s, phòng %s, sĩ số %d); giá trị "
	    "bạn nhập vẫn giữ: F2 lưu đè lên, Esc để bỏ"), code, stored.name,
	    stored.room, stored.capacity);
}

/*
 * Adds a class (old NULL) or edits one; the code is fixed once added.
 * The form keeps a draft under "class_form:YEAR" or
 * "class_form:YEAR/CODE" (YEAR is the school year's name), and an edit
 * saves against form.version, which a reopened draft sets to the
 * version it was read at.
 */
static int
class_form(struct tui *ui, const struct mn_school_year *year,
    const struct mn_class *old)
{
	struct tui_form_row rows[F_ROWS] = {
		{ .id = "code", .en = "Class code", .vi = "Mã lớp" },
		{ .id = "name", .en = "Class name", .vi = "Tên lớp" },
		{ .id = "age_group", .en = "Age group", .vi = "Nhóm tuổi" },
		{ .id = "room", .en = "Room", .vi = "Phòng" },
		{ .id = "capacity", .en = "Capacity", .vi = "Sĩ số tối đa" },
	};
	struct tui_form form = { .rows = rows, .nrows = F_ROWS };
	struct mn_class c;
	struct mn_error err;
	const char *capacity_label = T(rows[F_CAPACITY].en,
	    rows[F_CAPACITY].vi);
	char capacity[16], heading[64], draft_key[MN_DRAFT_KEY_SIZE], *end;
	int rc;

	/* A draft keeps the rows under their ids. */
	tui_field_init(&rows[F_CODE].field, MN_CLASS_CODE_MAX, TUI_SHOW);
	tui_field_init(&rows[F_NAME].field, 60, TUI_SHOW);
	tui_field_init(&rows[F_GROUP].field, 30, TUI_SHOW);
	tui_field_init(&rows[F_ROOM].field, 60, TUI_SHOW);
	tui_field_init(&rows[F_CAPACITY].field, 3, TUI_SHOW);
	form.note = T("Age group: nt-3-12, nt-12-24, nt-24-36 (months), "
	    "mg-3-4, mg-4-5, mg-5-6 (years), or its label such as "
	    "\"Mẫu giáo 5-6 tuổi\".",
	    "Nhóm tuổi: nt-3-12, nt-12-24, nt-24-36 (tháng), mg-3-4, "
	    "mg-4-5, mg-5-6 (tuổi), hoặc tên như \"Mẫu giáo 5-6 tuổi\".");
	snprintf(heading, sizeof heading, T("School year %s", "Năm học %s"),
	    year->name);
	form.heading = heading;
	memset(&c, 0, sizeof c);
	if (old != NULL) {
		c = *old;
		rows[F_CODE].readonly = true;
		tui_field_set(&rows[F_CODE].field, c.code);
		tui_field_set(&rows[F_NAME].field, c.name);
		tui_field_set(&rows[F_GROUP].field, c.age_group);
		tui_field_set(&rows[F_ROOM].field, c.room);
		snprintf(capacity, sizeof capacity, "%d", c.capacity);
		tui_field_set(&rows[F_CAPACITY].field, capacity);
		form.version = c.version;
		snprintf(draft_key, sizeof draft_key, "class_form:%s/%s",
		    year->name, c.code);
	} else
		snprintf(draft_key, sizeof draft_key, "class_form:%s",
		    year->name);
	form.draft_key = draft_key;
	c.school_year_id = year->id;
	reg_enter(ui, old ? T("Edit class", "Sửa lớp") :
	    T("New class", "Thêm lớp"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		long n;

		mn_error_clear(&err);
		reg_field_copy(&rows[F_CODE].field, c.code, sizeof c.code);
		reg_field_copy(&rows[F_NAME].field, c.name, sizeof c.name);
		reg_field_copy(&rows[F_GROUP].field, c.age_group,
		    sizeof c.age_group);
		reg_field_copy(&rows[F_ROOM].field, c.room, sizeof c.room);
		reg_field_copy(&rows[F_CAPACITY].field, capacity,
		    sizeof capacity);
		n = strtol(capacity, &end, 10);
		if (end == capacity || *end != '\0' || n <= 0 || n > 999) {
			mn_fail(&err, MN_ERR_INVALID, capacity_label,
			    T("%s: '%s' is invalid; expected a number of "
			    "children such as 30", "%s: '%s' không hợp lệ; cần "
			    "số trẻ, ví dụ 30"), capacity_label, capacity);
			tui_form_failed(ui, &form, &err);
			continue;
		}
		c.capacity = (int)n;
		c.version = form.version;
		rc = old ? mn_class_update(ui->ctx, &c, &err) :
		    mn_class_add(ui->ctx, &c, &err);
		if (rc == MN_OK) {
			tui_message(ui, T("Class %s saved", "Đã lưu lớp %s"),
			    c.code);
			break;
		}
		if (rc == MN_ERR_CONFLICT)
			class_conflict(ui, &form, year, c.code, &err);
		else
			tui_form_failed(ui, &form, &err);
	}
	reg_leave(ui);
	return rc;
}

/*
 * Replaces the class's teachers by staff codes typed in a form, which
 * keeps a draft under "class_teachers:YEAR/CODE".
 * NOTE: mn_class_set_teachers takes no version, so a reopened draft
 * replaces teachers that someone else set meanwhile.
 */
static int
teachers_form(struct tui *ui, const struct mn_class *c)
{
	struct tui_form_row row = { .id = "teachers", .name = "teachers",
	    .en = "Teachers (staff codes)", .vi = "Giáo viên (mã cán bộ)" };
	struct tui_form form = { .rows = &row, .nrows = 1,
	    .enter_submits = true };
	const char *name = T("Teacher", "Giáo viên");
	struct mn_error err;
	char text[512], heading[320], draft_key[MN_DRAFT_KEY_SIZE];
	int rc;

	snprintf(draft_key, sizeof draft_key, "class_teachers:%s/%s",
	    c->school_year, c->code);
	form.draft_key = draft_key;
	tui_field_init(&row.field, 200, TUI_SHOW);
	snprintf(heading, sizeof heading, "%s (%s)", c->name, c->code);
	form.heading = heading;
	form.note = T("Staff codes separated by commas, such as CB-001, "
	    "CB-002; empty removes every teacher.",
	    "Mã cán bộ, cách nhau bởi dấu phẩy, ví dụ CB-001, CB-002; để "
	    "trống sẽ bỏ hết giáo viên.");
	reg_enter(ui, T("Teachers of the class", "Giáo viên của lớp"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		int64_t ids[32];
		size_t n = 0;
		char *tok, *save = NULL;

		mn_error_clear(&err);
		reg_field_copy(&row.field, text, sizeof text);
		rc = MN_OK;
		for (tok = strtok_r(text, ", ", &save); tok != NULL &&
		    rc == MN_OK; tok = strtok_r(NULL, ", ", &save)) {
			if (n == sizeof ids / sizeof ids[0])
				rc = mn_fail(&err, MN_ERR_INVALID, name,
				    T("%s: at most 32 teachers",
				    "%s: tối đa 32 giáo viên"), name);
			else
				rc = mn_staff_find(ui->ctx, tok, &ids[n++],
				    &err);
		}
		if (rc == MN_OK)
			rc = mn_class_set_teachers(ui->ctx, c->id, ids, n,
			    &err);
		if (rc == MN_OK) {
			tui_message(ui, T("Teachers of %s saved",
			    "Đã lưu giáo viên của lớp %s"), c->code);
			break;
		}
		tui_form_failed(ui, &form, &err);
	}
	reg_leave(ui);
	return rc;
}

static const struct tui_keydef members_keys[] = {
	{ { TK_ENTER }, "Enter", "View child", "Xem trẻ", ACT_VIEW_CHILD },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column member_columns[] = {
	{ "Full name", "Họ và tên", 30 },
	{ "Date of birth", "Ngày sinh", 10 },
	{ "Sex", "Giới tính", 9 },
	{ "Code", "Mã trẻ", 10 },
	{ "Health warning", "Lưu ý sức khỏe", 0 },
};

struct member_rows {
	struct tui_list list;
	int64_t *ids;
	int n, cap;
};

static int
add_member(const struct mn_child *c, void *arg)
{
	struct member_rows *rows = arg;
	char birth[16], warning[1200];
	const char *cells[5];

	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 64;
		int64_t *ids = realloc(rows->ids, sizeof *ids * cap);

		if (ids == NULL)
			return MN_ERR_NOMEM;
		rows->ids = ids;
		rows->cap = cap;
	}
	reg_date_text(&c->birth_date, birth, sizeof birth);
	child_warning(c, warning, sizeof warning);
	cells[0] = c->full_name;
	cells[1] = birth;
	cells[2] = reg_sex_label(c->sex);
	cells[3] = c->school_code;
	cells[4] = warning;
	if (tui_list_add(&rows->list, cells) != MN_OK)
		return MN_ERR_NOMEM;
	rows->ids[rows->n++] = c->id;
	return MN_OK;
}

/* The class screen: its children, with its teachers in the title. */
static int
class_screen(struct tui *ui, const struct mn_class *c, const char *teachers)
{
	struct mn_child_filter filter = { .school_year_id = c->school_year_id,
	    .class_code = c->code };
	struct member_rows rows;
	struct mn_error err;
	char heading[1024];
	int rc = TUI_OK;

	memset(&rows, 0, sizeof rows);
	tui_list_init(&rows.list, member_columns, 5);
	rows.list.empty_en = "No children in this class";
	rows.list.empty_vi = "Lớp chưa có trẻ nào";
	snprintf(heading, sizeof heading, T("Class %s, %s: %d/%d children; "
	    "teachers: %s", "Lớp %s, %s: %d/%d trẻ; giáo viên: %s"), c->code,
	    c->name, c->enrolled, c->capacity, teachers[0] != '\0' ?
	    teachers : "—");
	reg_enter(ui, heading);
	for (;;) {
		int action, row;

		tui_list_clear(&rows.list);
		rows.n = 0;
		mn_error_clear(&err);
		if (mn_child_list(ui->ctx, &filter, add_member, &rows,
		    &err) != MN_OK)
			tui_error(ui, "%s", err.message);
		action = tui_list_run(ui, &rows.list, members_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		row = tui_list_selected(&rows.list);
		if (action == ACT_VIEW_CHILD && row >= 0 &&
		    child_view(ui, rows.ids[row]) == TUI_END) {
			rc = TUI_END;
			break;
		}
	}
	reg_leave(ui);
	tui_list_free(&rows.list);
	free(rows.ids);
	return rc;
}

static int
dispatch(struct tui *ui, struct class_rows *rows,
    const struct mn_school_year *year, int action)
{
	struct mn_error err;
	int row = tui_list_selected(&rows->list);

	if (action == ACT_RELOAD)
		return TUI_OK;
	/* Ask before a form is filled in that could not be saved. */
	mn_error_clear(&err);
	if ((action == ACT_ADD || action == ACT_EDIT ||
	    action == ACT_TEACHERS) && mn_require(ui->ctx->db,
	    &ui->ctx->actor, MN_ACT_CLASS_WRITE, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	if (year->id == 0) {
		tui_error(ui, "%s", T("School year: none is set up yet",
		    "Năm học: chưa có năm học nào"));
		return TUI_OK;
	}
	if (action == ACT_ADD)
		return class_form(ui, year, NULL);
	if (row < 0) {
		tui_error(ui, "%s", T("No class selected",
		    "Chưa chọn lớp nào"));
		return TUI_OK;
	}
	switch (action) {
	case ACT_OPEN:
		return class_screen(ui, &rows->classes[row],
		    rows->teachers[row]);
	case ACT_EDIT:
		return class_form(ui, year, &rows->classes[row]);
	case ACT_TEACHERS:
		return teachers_form(ui, &rows->classes[row]);
	default:
		return TUI_OK;
	}
}

int
screen_class_list(struct tui *ui)
{
	struct class_rows rows;
	struct mn_school_year year;
	char heading[128];
	struct tui_keydef keys[TUI_KEYS_MAX];
	bool may_write = mn_allowed(&ui->ctx->actor, MN_ACT_CLASS_WRITE);
	int rc = TUI_CANCEL;

	tui_keys_copy(class_keys, keys, TUI_KEYS_MAX);
	tui_keys_offer(keys, ACT_ADD, may_write);
	tui_keys_offer(keys, ACT_EDIT, may_write);
	tui_keys_offer(keys, ACT_TEACHERS, may_write);
	memset(&rows, 0, sizeof rows);
	memset(&year, 0, sizeof year);
	rows.ui = ui;
	tui_list_init(&rows.list, class_columns, NCOLS);
	rows.list.empty_en = "No classes in this school year";
	rows.list.empty_vi = "Năm học này chưa có lớp nào";
	reload(ui, &rows, &year);
	heading[0] = '\0';
	reg_enter(ui, heading);
	for (;;) {
		int action;

		if (year.id != 0)
			snprintf(heading, sizeof heading, T("Classes of school "
			    "year %s", "Các lớp năm học %s"), year.name);
		else
			snprintf(heading, sizeof heading, "%s",
			    T("Classes", "Lớp học"));
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &rows.list, keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (dispatch(ui, &rows, &year, action) == TUI_END) {
			rc = TUI_END;
			break;
		}
		/* The search line would hide the outcome: drop the search. */
		if (ui->message[0] != '\0')
			rows.list.search[0] = '\0';
		reload(ui, &rows, &year);
	}
	reg_leave(ui);
	tui_list_free(&rows.list);
	free(rows.classes);
	free(rows.teachers);
	return rc;
}

/*
 * Finds the school year and, when record names one, the class of a
 * draft's record "YEAR" or "YEAR/CODE".  Shows why not and returns
 * false when either is gone or the actor may not edit classes.
 */
static bool
reopen_class(struct tui *ui, const char *record, struct mn_school_year *year,
    struct mn_class *c, bool *has_class)
{
	struct mn_error err;
	const char *slash = strchr(record, '/');
	char name[sizeof year->name];
	int rc;

	snprintf(name, sizeof name, "%.*s", slash != NULL ?
	    (int)(slash - record) : (int)strlen(record), record);
	*has_class = slash != NULL;
	mn_error_clear(&err);
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	rc = mn_require(ui->ctx->db, &ui->ctx->actor, MN_ACT_CLASS_WRITE,
	    &err);
	if (rc == MN_OK)
		rc = mn_school_year_find(ui->ctx, name, year, &err);
	if (rc == MN_OK && *has_class)
		rc = mn_class_get(ui->ctx, year->id, slash + 1, c, &err);
	if (rc != MN_OK)
		tui_error(ui, "%s", err.message);
	return rc == MN_OK;
}

/* Reopens the class form of a draft "class_form:YEAR[/CODE]". */
int
class_form_reopen(struct tui *ui, const char *record)
{
	struct mn_school_year year;
	struct mn_class c;
	bool has_class;

	if (!reopen_class(ui, record, &year, &c, &has_class))
		return TUI_CANCEL;
	return class_form(ui, &year, has_class ? &c : NULL);
}

/* Reopens the teachers form of a draft "class_teachers:YEAR/CODE". */
int
class_teachers_reopen(struct tui *ui, const char *record)
{
	struct mn_school_year year;
	struct mn_class c;
	bool has_class;

	if (!reopen_class(ui, record, &year, &c, &has_class))
		return TUI_CANCEL;
	if (!has_class)
		return TUI_CANCEL;
	return teachers_form(ui, &c);
}

/* Names a draft "YEAR[/CODE]": the class code, or the code typed. */
void
class_form_describe(struct tui *ui, const char *record,
    const struct tui_resume *draft, char *buf, size_t size)
{
	const char *slash = strchr(record, '/');
	const char *code = tui_resume_value(draft, "code");
	int year_len = slash != NULL ? (int)(slash - record) :
	    (int)strlen(record);

	if (slash != NULL)
		snprintf(buf, size, T("class %s, year %.*s",
		    "lớp %s, năm học %.*s"), slash + 1, year_len, record);
	else
		snprintf(buf, size, T("new class%s%s, year %.*s",
		    "lớp mới%s%s, năm học %.*s"), code[0] != '\0' ? " " : "",
		    code, year_len, record);
}
