/*
 * The child's add and edit forms.  The record has more fields than an
 * 80x24 terminal shows, so the form has two pages: the child's own data
 * (F2 goes on) and family and health (F2 saves, Esc goes back).  Rows
 * of field groups the actor may not see are left out, and the core
 * keeps the stored values of those groups.  Row names equal the field
 * names in the core's error messages, so an error puts the cursor on
 * its row, on whichever page that row is.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "tui/draft_kinds.h"
#include "tui/keys.h"
#include "tui/screen_reg.h"

enum field_kind {
	K_TEXT,		/* copied to and from a char array of mn_child */
	K_BIRTH,
	K_ENROL,
	K_SEX,
	K_CLASS,
};

struct child_field {
	unsigned group;		/* MN_CHILD_* */
	int page;
	enum field_kind kind;
	const char *id;		/* draft key, never translated */
	const char *en, *vi;	/* label and core field name */
	int max_letters;
	size_t offset, size;	/* K_TEXT: the char array in mn_child */
};

#define AT(member)	offsetof(struct mn_child, member), \
    sizeof(((struct mn_child *)0)->member)

static const struct child_field fields[] = {
	{ MN_CHILD_BASIC, 0, K_TEXT, "school_code", "Child code", "Mã trẻ",
	    20, AT(school_code) },
	{ MN_CHILD_BASIC, 0, K_TEXT, "full_name", "Full name", "Họ và tên",
	    80, AT(full_name) },
	{ MN_CHILD_BASIC, 0, K_BIRTH, "birth_date", "Date of birth",
	    "Ngày sinh", 10, 0, 0 },
	{ MN_CHILD_BASIC, 0, K_SEX, "sex", "Sex", "Giới tính", 3, 0, 0 },
	{ MN_CHILD_PERSONAL, 0, K_TEXT, "ethnicity", "Ethnicity", "Dân tộc",
	    2, AT(ethnicity) },
	{ MN_CHILD_PERSONAL, 0, K_TEXT, "personal_id", "Personal ID",
	    "Mã định danh", 16, AT(personal_id) },
	{ MN_CHILD_PERSONAL, 0, K_TEXT, "id_mismatch_reason",
	    "ID mismatch reason", "Lý do sai khác mã định danh", 200,
	    AT(id_mismatch_reason) },
	{ MN_CHILD_PERSONAL, 0, K_TEXT, "birth_place", "Place of birth",
	    "Nơi sinh", 200, AT(birth_place) },
	{ MN_CHILD_PERSONAL, 0, K_TEXT, "address", "Address", "Địa chỉ", 250,
	    AT(address) },
	{ MN_CHILD_BASIC, 0, K_CLASS, "class", "Class", "Lớp",
	    MN_CLASS_CODE_MAX, 0, 0 },
	{ MN_CHILD_BASIC, 0, K_ENROL, "enrolment_date", "Enrolment date",
	    "Ngày nhập học", 10, 0, 0 },
	{ MN_CHILD_POLICY, 0, K_TEXT, "policies", "Policy categories",
	    "Đối tượng chính sách", 60, AT(policies) },
	{ MN_CHILD_FAMILY, 1, K_TEXT, "father_name", "Father's name",
	    "Họ tên cha", 80, AT(father_name) },
	{ MN_CHILD_FAMILY, 1, K_TEXT, "father_phone", "Father's phone",
	    "SĐT cha", 15, AT(father_phone) },
	{ MN_CHILD_FAMILY, 1, K_TEXT, "mother_name", "Mother's name",
	    "Họ tên mẹ", 80, AT(mother_name) },
	{ MN_CHILD_FAMILY, 1, K_TEXT, "mother_phone", "Mother's phone",
	    "SĐT mẹ", 15, AT(mother_phone) },
	{ MN_CHILD_FAMILY, 1, K_TEXT, "guardian_name", "Guardian",
	    "Người giám hộ", 80, AT(guardian_name) },
	{ MN_CHILD_FAMILY, 1, K_TEXT, "guardian_phone", "Guardian's phone",
	    "SĐT người giám hộ", 15, AT(guardian_phone) },
	{ MN_CHILD_FAMILY, 1, K_TEXT, "pickup_people",
	    "People allowed to pick up", "Người được đón trẻ", 250,
	    AT(pickup_people) },
	{ MN_CHILD_ALLERGY, 1, K_TEXT, "allergies", "Allergies", "Dị ứng",
	    250, AT(allergies) },
	{ MN_CHILD_CHRONIC, 1, K_TEXT, "chronic_conditions",
	    "Chronic conditions", "Bệnh mãn tính", 250,
	    AT(chronic_conditions) },
};

#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))
#define NPAGES 2

static const struct tui_keydef first_page_keys[] = {
	{ { TK_TAB, TK(KEY_DOWN) }, "Tab", "Next field", "Trường sau",
	    TUI_ACT_NEXT },
	{ { TK(KEY_BTAB), TK(KEY_UP) }, "", NULL, NULL, TUI_ACT_PREV },
	{ { TK_ENTER }, "", NULL, NULL, TUI_ACT_ENTER },
	{ { TK(KEY_F(2)), TK(KEY_NPAGE) }, "F2", "Next page", "Trang sau",
	    TUI_ACT_SAVE },
	{ { TK_ESC }, "Esc", "Cancel", "Hủy", TUI_ACT_BACK },
	{ { TK(KEY_F(1)) }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef last_page_keys[] = {
	{ { TK_TAB, TK(KEY_DOWN) }, "Tab", "Next field", "Trường sau",
	    TUI_ACT_NEXT },
	{ { TK(KEY_BTAB), TK(KEY_UP) }, "", NULL, NULL, TUI_ACT_PREV },
	{ { TK_ENTER }, "", NULL, NULL, TUI_ACT_ENTER },
	{ { TK(KEY_F(2)) }, "F2", "Save", "Lưu", TUI_ACT_SAVE },
	{ { TK_ESC, TK(KEY_PPAGE) }, "Esc", "Previous page", "Trang trước",
	    TUI_ACT_BACK },
	{ { TK(KEY_F(1)) }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/* One child form: its pages, and for each row the field it shows. */
struct child_form {
	struct tui_form pages[NPAGES];
	char draft_key[MN_DRAFT_KEY_SIZE];	/* "child_form:" and the id */
	struct tui_form_row rows[NFIELDS];
	int field_of_row[NFIELDS];
	int npages;
	struct mn_school_year year;
	bool have_year;
	struct mn_child child;		/* values last loaded or saved */
	char class_code[MN_CLASS_CODE_MAX + 1];	/* class when loaded */
};

static char *
member(struct mn_child *c, const struct child_field *f)
{
	return (char *)c + f->offset;
}

/* Lays the visible fields out on their pages. */
static void
build(struct child_form *cf, unsigned visible, const char *heading)
{
	int n = 0;

	for (int page = 0; page < NPAGES; page++) {
		struct tui_form *form = &cf->pages[cf->npages];
		int first = n;

		for (int i = 0; i < NFIELDS; i++) {
			if (fields[i].page != page ||
			    !(fields[i].group & visible))
				continue;
			cf->rows[n].id = fields[i].id;
			cf->rows[n].name = T(fields[i].en, fields[i].vi);
			cf->rows[n].en = fields[i].en;
			cf->rows[n].vi = fields[i].vi;
			tui_field_init(&cf->rows[n].field,
			    fields[i].max_letters, TUI_SHOW);
			cf->field_of_row[n] = i;
			n++;
		}
		if (n == first)
			continue;
		form->rows = &cf->rows[first];
		form->nrows = n - first;
		form->heading = heading;
		cf->npages++;
	}
	for (int p = 0; p < cf->npages; p++) {
		bool last = p == cf->npages - 1;

		cf->pages[p].keys = last ? last_page_keys : first_page_keys;
		cf->pages[p].quiet_cancel = p > 0;
		cf->pages[p].note = p == 0 ? T("Sex: Nam or Nữ.  Ethnicity: "
		    "code, 01 = Kinh.  Class: class code of the current "
		    "school year.  Policy categories: codes 01 to 16 "
		    "separated by commas.  Dates: dd/mm/yyyy.",
		    "Giới tính: Nam hoặc Nữ.  Dân tộc: mã, 01 = Kinh.  Lớp: "
		    "mã lớp của năm học hiện tại.  Đối tượng chính sách: mã "
		    "01 đến 16, cách nhau bởi dấu phẩy.  Ngày: dd/mm/yyyy.") :
		    NULL;
	}
}

/* Writes field f of c as the form shows it. */
static void
field_text(struct mn_child *c, const struct child_field *f, char *buf,
    size_t size)
{
	switch (f->kind) {
	case K_TEXT:
		snprintf(buf, size, "%s", member(c, f));
		break;
	case K_BIRTH:
		reg_date_text(&c->birth_date, buf, size);
		break;
	case K_ENROL:
		reg_date_text(&c->enrolment_date, buf, size);
		break;
	case K_SEX:
		snprintf(buf, size, "%s", reg_sex_label(c->sex));
		break;
	case K_CLASS:
		snprintf(buf, size, "%s", c->class_code);
		break;
	}
}

/* Puts the values of c into the rows. */
static void
fill(struct child_form *cf, struct mn_child *c)
{
	char text[1024];

	for (int r = 0; r < NFIELDS && cf->rows[r].name != NULL; r++) {
		field_text(c, &fields[cf->field_of_row[r]], text,
		    sizeof text);
		tui_field_set(&cf->rows[r].field, text);
		cf->rows[r].field.changed = false;
	}
}

/* Reads the rows into c; the class code goes to c->class_code. */
static int
collect(struct child_form *cf, struct mn_child *c, struct mn_error *err)
{
	int rc = MN_OK;

	for (int r = 0; r < NFIELDS && cf->rows[r].name != NULL &&
	    rc == MN_OK; r++) {
		const struct child_field *f = &fields[cf->field_of_row[r]];
		const struct tui_field *field = &cf->rows[r].field;
		const char *name = cf->rows[r].name;

		switch (f->kind) {
		case K_TEXT:
			if (!reg_field_copy(field, member(c, f), f->size))
				rc = mn_fail(err, MN_ERR_NOMEM, name, "%s",
				    T("Out of memory", "Hết bộ nhớ"));
			break;
		case K_BIRTH:
			rc = reg_date_field(field, name, false,
			    &c->birth_date, err);
			break;
		case K_ENROL:
			rc = reg_date_field(field, name, true,
			    &c->enrolment_date, err);
			break;
		case K_SEX:
			rc = reg_sex_field(field, name, &c->sex, err);
			break;
		case K_CLASS:
			if (!reg_field_copy(field, c->class_code,
			    sizeof c->class_code))
				rc = mn_fail(err, MN_ERR_NOMEM, name, "%s",
				    T("Out of memory", "Hết bộ nhớ"));
			break;
		}
	}
	return rc;
}

/* Turns c->class_code into c->class_id in the current school year. */
static int
resolve_class(struct tui *ui, struct child_form *cf, struct mn_child *c,
    struct mn_error *err)
{
	struct mn_class k;
	int rc;

	c->class_id = 0;
	if (c->class_code[0] == '\0')
		return MN_OK;
	if (!cf->have_year) {
		rc = reg_current_year(ui, &cf->year, err);
		if (rc != MN_OK)
			return rc;
		cf->have_year = true;
	}
	rc = mn_class_get(ui->ctx, cf->year.id, c->class_code, &k, err);
	if (rc == MN_ERR_NOTFOUND)
		return mn_fail(err, MN_ERR_INVALID, T("Class", "Lớp"),
		    T("Class: '%s' is not a class of school year %s; expected "
		    "a class code such as MG5A", "Lớp: '%s' không phải lớp "
		    "của năm học %s; cần mã lớp, ví dụ MG5A"), c->class_code,
		    cf->year.name);
	if (rc == MN_OK)
		c->class_id = k.id;
	return rc;
}

/* The page holding the row named field, or -1. */
static int
page_of(struct child_form *cf, const char *field)
{
	for (int p = 0; p < cf->npages; p++)
		for (int r = 0; r < cf->pages[p].nrows; r++)
			if (strcmp(cf->pages[p].rows[r].name, field) == 0)
				return p;
	return -1;
}

/* True for 12 digits, ignoring the spaces and dots the core drops. */
static bool
is_twelve_digits(const char *id)
{
	int n = 0;

	for (; *id != '\0'; id++) {
		if (*id == ' ' || *id == '.')
			continue;
		if (*id < '0' || *id > '9')
			return false;
		n++;
	}
	return n == 12;
}

/*
 * Asks for the reason an ID disagrees with sex or birth year.  Returns
 * TUI_OK with the reason in buf, TUI_CANCEL or TUI_END.
 */
static int
ask_id_reason(struct tui *ui, const char *message, char *buf, size_t size)
{
	struct tui_form_row row = { .id = "reason", .name = "reason",
	    .en = "ID mismatch reason", .vi = "Lý do sai khác mã định danh" };
	struct tui_form form = { .rows = &row, .nrows = 1,
	    .enter_submits = true, .note = message };
	int rc;

	tui_field_init(&row.field, 200, TUI_SHOW);
	reg_enter(ui, T("Personal ID differs from the record",
	    "Mã định danh khác với hồ sơ"));
	for (;;) {
		rc = tui_form_run(ui, &form);
		if (rc != TUI_OK)
			break;
		if (!reg_field_copy(&row.field, buf, size))
			buf[0] = '\0';
		if (buf[strspn(buf, " ")] == '\0') {
			tui_error(ui, "%s", T("ID mismatch reason: missing; "
			    "write why the ID differs, or press Esc",
			    "Lý do sai khác mã định danh: bị thiếu; hãy ghi "
			    "lý do, hoặc bấm Esc"));
			continue;
		}
		break;
	}
	reg_leave(ui);
	return rc;
}

/* Shows a reason given in the question in the form's reason row. */
static void
fill_reason(struct child_form *cf, const struct mn_child *c)
{
	const char *name = T("ID mismatch reason",
	    "Lý do sai khác mã định danh");

	for (int r = 0; r < NFIELDS && cf->rows[r].name != NULL; r++)
		if (strcmp(cf->rows[r].name, name) == 0)
			tui_field_set(&cf->rows[r].field,
			    c->id_mismatch_reason);
}

/*
 * True when err is the age-group warning that the principal may accept
 * and has not accepted yet.
 */
static bool
may_override(struct tui *ui, const struct mn_error *err, unsigned flags)
{
	return strcmp(err->field, T("Date of birth", "Ngày sinh")) == 0 &&
	    !(flags & MN_REG_OVERRIDE) &&
	    mn_allowed(&ui->ctx->actor, MN_ACT_CHILD_AGE_OVERRIDE);
}

static int
confirm_override(struct tui *ui, const struct mn_error *err)
{
	char question[700];

	snprintf(question, sizeof question, T("%s. Accept this exception?",
	    "%s. Xác nhận ngoại lệ này?"), err->message);
	return tui_confirm(ui, question, false);
}

/*
 * Calls the core to add or update c.  Handles the two questions the core
 * leaves to the user: the ID mismatch reason and the principal's
 * override of the age group.  Returns a core status, or -1 when the
 * session ended during a question.
 */
static int
store(struct tui *ui, struct child_form *cf, struct mn_child *c, bool add,
    struct mn_error *err)
{
	unsigned flags = 0;
	int rc, answer;

	for (;;) {
		mn_error_clear(err);
		rc = add ? mn_child_add(ui->ctx, c, flags, err) :
		    mn_child_update(ui->ctx, c, flags, err);
		if (rc != MN_ERR_INVALID)
			return rc;
		if (strcmp(err->field, T("Personal ID", "Mã định danh")) == 0 &&
		    c->id_mismatch_reason[0] == '\0' &&
		    is_twelve_digits(c->personal_id)) {
			answer = ask_id_reason(ui, err->message,
			    c->id_mismatch_reason,
			    sizeof c->id_mismatch_reason);
			if (answer == TUI_END)
				return -1;
			if (answer != TUI_OK)
				return rc;
			fill_reason(cf, c);
			continue;
		}
		if (c->class_id != 0 && may_override(ui, err, flags)) {
			answer = confirm_override(ui, err);
			if (answer == TUI_END)
				return -1;
			if (answer != TUI_OK)
				return rc;
			flags |= MN_REG_OVERRIDE;
			continue;
		}
		return rc;
	}
}

/*
 * Shows the stored values that differ from the user's after a version
 * conflict, then reloads them into the form if the user agrees.  Either
 * way the next save is checked against the stored version.
 */
static int
conflict(struct tui *ui, struct child_form *cf, struct mn_child *mine)
{
	struct mn_child stored;
	struct mn_error err;
	char text[4096], a[1024], b[1024];
	size_t used;
	int rc, n;

	mn_error_clear(&err);
	if (mn_child_get(ui->ctx, mine->id, &stored, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	n = snprintf(text, sizeof text, "%s", T("Someone else changed this "
	    "record meanwhile.  Stored values (yours in brackets):",
	    "Người khác vừa sửa hồ sơ này.  Giá trị đã lưu (giá trị bạn "
	    "nhập trong ngoặc):"));
	used = n > 0 ? (size_t)n : 0;
	for (int r = 0; r < NFIELDS && cf->rows[r].name != NULL; r++) {
		const struct child_field *f = &fields[cf->field_of_row[r]];

		field_text(&stored, f, a, sizeof a);
		field_text(mine, f, b, sizeof b);
		if (strcmp(a, b) == 0 || used >= sizeof text)
			continue;
		n = snprintf(text + used, sizeof text - used, "\n%s: %s (%s)",
		    cf->rows[r].name, a, b);
		if (n > 0)
			used += (size_t)n;
	}
	if ((rc = tui_msgbox(ui, text)) == TUI_END)
		return TUI_END;
	rc = tui_confirm(ui, T("Load the stored values into the form?  "
	    "No keeps your values, and saving them replaces the stored ones.",
	    "Tải giá trị đã lưu vào biểu mẫu?  Không: giữ giá trị bạn "
	    "nhập, khi lưu sẽ thay giá trị đã lưu."), true);
	if (rc == TUI_END)
		return TUI_END;
	cf->child = stored;
	snprintf(cf->class_code, sizeof cf->class_code, "%s",
	    stored.class_code);
	if (rc == TUI_OK) {
		fill(cf, &stored);
		tui_message(ui, "%s", T("Stored values loaded",
		    "Đã tải giá trị đã lưu"));
	} else
		tui_message(ui, "%s", T("Your values kept; F2 saves them",
		    "Giữ giá trị bạn nhập; bấm F2 để lưu"));
	return TUI_OK;
}

/*
 * Moves an edited child to class_id, the class typed in the form, from
 * today.  Returns a core status, or -1 when the session ended.
 */
static int
move_class(struct tui *ui, struct child_form *cf, const struct mn_child *c,
    int64_t class_id, struct mn_error *err)
{
	struct mn_date today;
	unsigned flags = 0;
	int rc, answer;

	if (strcmp(c->class_code, cf->class_code) == 0)
		return MN_OK;
	mn_date_today(&today);
	for (;;) {
		mn_error_clear(err);
		rc = mn_child_move(ui->ctx, c->id, class_id, &today, flags,
		    err);
		if (rc != MN_ERR_INVALID || class_id == 0 ||
		    !may_override(ui, err, flags))
			break;
		answer = confirm_override(ui, err);
		if (answer == TUI_END)
			return -1;
		if (answer != TUI_OK)
			break;
		flags |= MN_REG_OVERRIDE;
	}
	if (rc == MN_OK)
		snprintf(cf->class_code, sizeof cf->class_code, "%s",
		    c->class_code);
	return rc;
}

/*
 * Gives every page one draft key, so that a session ending inside the
 * form keeps the values of all its pages as a draft for the next login.
 */
static void
set_draft(struct child_form *cf, int64_t child_id)
{
	if (child_id > 0)
		snprintf(cf->draft_key, sizeof cf->draft_key,
		    "child_form:%lld", (long long)child_id);
	else
		snprintf(cf->draft_key, sizeof cf->draft_key, "child_form:");
	for (int p = 0; p < cf->npages; p++) {
		cf->pages[p].draft_key = cf->draft_key;
		cf->pages[p].pages = cf->pages;
		cf->pages[p].npages = cf->npages;
		cf->pages[p].version = cf->child.version;
	}
}

/* Shows err on page p's message line with the cursor on its row. */
static void
show_failure(struct tui *ui, struct child_form *cf, int *page,
    const struct mn_error *err)
{
	int p = page_of(cf, err->field);

	if (p >= 0)
		*page = p;
	tui_form_failed(ui, &cf->pages[*page], err);
}

/*
 * Checks the class typed on the first page before the user fills in the
 * next: it must exist, and the actor must be allowed to put the child
 * there (a teacher adds children to her own classes; only school-wide
 * roles move a child).  Returns MN_OK or a status with err set.
 */
static int
check_class(struct tui *ui, struct child_form *cf, bool add,
    struct mn_error *err)
{
	struct mn_child c = cf->child;
	const char *name = T("Class", "Lớp");
	int rc;

	mn_error_clear(err);
	rc = collect(cf, &c, err);
	if (rc != MN_OK)
		return MN_OK;	/* the save names the bad field */
	if (!add && strcmp(c.class_code, cf->class_code) == 0)
		return MN_OK;
	rc = resolve_class(ui, cf, &c, err);
	if (rc != MN_OK)
		return rc;
	if (mn_allowed_all(&ui->ctx->actor, MN_ACT_CHILD_WRITE) ||
	    (add && c.class_id != 0 &&
	    mn_child_may_write(ui->ctx, 0, c.class_id)))
		return MN_OK;
	if (add && c.class_id == 0)
		return mn_fail(err, MN_ERR_DENIED, name, T("Class: missing; "
		    "write the code of one of your classes", "Lớp: bị thiếu; "
		    "hãy ghi mã một lớp của bạn"));
	if (add)
		return mn_fail(err, MN_ERR_DENIED, name, T("Class: %s is not "
		    "one of your classes; you add children to your own "
		    "classes only", "Lớp: %s không phải lớp của bạn; bạn chỉ "
		    "thêm trẻ vào lớp của mình"), c.class_code);
	return mn_fail(err, MN_ERR_DENIED, name, T("Class: moving the child "
	    "to %s is for the principal or the clerk; write %s again",
	    "Lớp: chuyển trẻ sang %s do hiệu trưởng hoặc văn thư làm; hãy "
	    "ghi lại %s"), c.class_code, cf->class_code);
}

/*
 * Runs the pages until a save succeeds or the user leaves.  A failed
 * save, whatever the reason, keeps the form and its values open on the
 * page of the field the message names.
 */
static int
run(struct tui *ui, struct child_form *cf, bool add)
{
	struct mn_error err;
	struct mn_child c;
	int64_t class_id;
	int page = 0, rc, p;

	for (;;) {
		rc = tui_form_run(ui, &cf->pages[page]);
		if (rc == TUI_END)
			return TUI_END;
		if (rc == TUI_CANCEL) {
			if (page == 0)
				return TUI_CANCEL;
			page--;
			continue;
		}
		if (page + 1 < cf->npages) {
			if (page == 0 && check_class(ui, cf, add, &err) !=
			    MN_OK) {
				show_failure(ui, cf, &page, &err);
				continue;
			}
			page++;
			continue;
		}
		c = cf->child;
		/* A reopened draft saves against the version it was read at. */
		if (!add && cf->pages[0].version != 0)
			c.version = cf->pages[0].version;
		mn_error_clear(&err);
		rc = collect(cf, &c, &err);
		if (rc == MN_OK)
			rc = resolve_class(ui, cf, &c, &err);
		/* mn_child_update puts the stored class back into c. */
		class_id = c.class_id;
		if (rc == MN_OK)
			rc = store(ui, cf, &c, add, &err);
		if (rc == MN_OK && !add) {
			/* Stored: the next save goes against this version. */
			cf->child = c;
			for (p = 0; p < cf->npages; p++)
				cf->pages[p].version = c.version;
			rc = move_class(ui, cf, &c, class_id, &err);
		}
		if (rc == -1)
			return TUI_END;
		if (rc == MN_OK) {
			tui_message(ui, add ? T("Child %s added (code %s)",
			    "Đã thêm trẻ %s (mã %s)") : T("Record of %s saved "
			    "(code %s)", "Đã lưu hồ sơ trẻ %s (mã %s)"),
			    c.full_name, c.school_code);
			return TUI_OK;
		}
		if (rc == MN_ERR_CONFLICT) {
			if (conflict(ui, cf, &c) == TUI_END)
				return TUI_END;
			/* The next save is checked against the reloaded row. */
			for (p = 0; p < cf->npages; p++)
				cf->pages[p].version = cf->child.version;
			page = 0;
			continue;
		}
		show_failure(ui, cf, &page, &err);
	}
}

/*
 * Says why the actor may not add a child (child_id 0) or edit child_id,
 * before any form is filled in; returns false then.  The role check
 * and the scope check are the core's, with its audit row.
 */
static bool
may_open(struct tui *ui, int64_t child_id)
{
	struct mn_error err;

	mn_error_clear(&err);
	if (mn_require(ui->ctx->db, &ui->ctx->actor, MN_ACT_CHILD_WRITE,
	    &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return false;
	}
	if (child_id > 0 && mn_require_child(ui->ctx, MN_ACT_CHILD_WRITE,
	    child_id, "child_edit", &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return false;
	}
	if (child_id == 0 && !mn_child_may_write(ui->ctx, 0, 0)) {
		tui_error(ui, "%s", T("New child: you teach no class yet, so "
		    "there is no class to add a child to", "Thêm trẻ: bạn "
		    "chưa phụ trách lớp nào, nên chưa thêm trẻ được"));
		return false;
	}
	return true;
}

/* The add form; a teacher's must name one of her classes. */
int
child_add_form(struct tui *ui)
{
	struct child_form *cf;
	int rc;

	if (!may_open(ui, 0))
		return TUI_CANCEL;
	if ((cf = calloc(1, sizeof *cf)) == NULL) {
		tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
		return TUI_CANCEL;
	}
	build(cf, mn_child_visible_fields(&ui->ctx->actor), NULL);
	cf->child.visible = mn_child_visible_fields(&ui->ctx->actor);
	set_draft(cf, 0);
	reg_enter(ui, T("New child", "Thêm trẻ"));
	rc = run(ui, cf, true);
	reg_leave(ui);
	free(cf);
	return rc;
}

/* The edit form, opened only when the actor may save it. */
int
child_edit_form(struct tui *ui, int64_t child_id)
{
	struct child_form *cf;
	struct mn_error err;
	char heading[300];
	int rc;

	if (!may_open(ui, child_id))
		return TUI_CANCEL;
	if ((cf = calloc(1, sizeof *cf)) == NULL) {
		tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
		return TUI_CANCEL;
	}
	mn_error_clear(&err);
	if (mn_child_get(ui->ctx, child_id, &cf->child, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		free(cf);
		return TUI_CANCEL;
	}
	snprintf(heading, sizeof heading, "%s (%s)", cf->child.full_name,
	    cf->child.school_code);
	build(cf, cf->child.visible, heading);
	fill(cf, &cf->child);
	snprintf(cf->class_code, sizeof cf->class_code, "%s",
	    cf->child.class_code);
	set_draft(cf, child_id);
	reg_enter(ui, T("Edit child", "Sửa hồ sơ trẻ"));
	rc = run(ui, cf, false);
	reg_leave(ui);
	free(cf);
	return rc;
}

void
child_warning_text(const char *allergies, const char *chronic, char *buf,
    size_t size)
{
	if (allergies[0] != '\0' && chronic[0] != '\0')
		snprintf(buf, size, T("! Allergies: %s; chronic: %s",
		    "! Dị ứng: %s; bệnh mãn tính: %s"), allergies, chronic);
	else if (allergies[0] != '\0')
		snprintf(buf, size, T("! Allergies: %s", "! Dị ứng: %s"),
		    allergies);
	else if (chronic[0] != '\0')
		snprintf(buf, size, T("! Chronic: %s", "! Bệnh mãn tính: %s"),
		    chronic);
	else if (size > 0)
		buf[0] = '\0';
}

void
child_warning(const struct mn_child *c, char *buf, size_t size)
{
	child_warning_text(c->allergies, c->chronic_conditions, buf, size);
}

enum { VIEW_EDIT = TUI_ACT_USER, VIEW_STATUS, VIEW_PAGE };

static const struct tui_keydef view_keys[] = {
	{ { 'e' }, "e", "Edit", "Sửa", VIEW_EDIT },
	{ { 's' }, "s", "Status", "Trạng thái", VIEW_STATUS },
	{ { TK(KEY_NPAGE), TK(KEY_PPAGE), ' ' }, "PgDn", "Other page",
	    "Trang khác", VIEW_PAGE },
	{ { TK_ESC, TK(KEY_LEFT), TK_ENTER }, "Esc", "Back", "Quay lại",
	    TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static void
draw_view(struct mn_child *c, int page)
{
	char text[1024], line[1200];
	int y = tui_body_top(), label_w = 0;
	const char *status = mn_child_status_label(c->status);

	snprintf(line, sizeof line, T("%s (code %s)   page %d/2",
	    "%s (mã %s)   trang %d/2"), c->full_name, c->school_code,
	    page + 1);
	tui_text(y++, 1, COLS - 2, line, TUI_TITLE);
	child_warning(c, text, sizeof text);
	tui_text(y++, 1, COLS - 2, text, TUI_ERROR);
	for (int i = 0; i < NFIELDS; i++)
		if (fields[i].page == page && (fields[i].group & c->visible) &&
		    tui_width(T(fields[i].en, fields[i].vi)) > label_w)
			label_w = tui_width(T(fields[i].en, fields[i].vi));
	if (page == 0) {
		tui_text(y, 2, label_w, T("Status", "Trạng thái"),
		    TUI_HEADER);
		tui_text(y++, label_w + 4, COLS - label_w - 5,
		    status != NULL ? status : c->status, TUI_NORMAL);
	}
	for (int i = 0; i < NFIELDS && y < LINES - 2; i++) {
		if (fields[i].page != page || !(fields[i].group & c->visible))
			continue;
		field_text(c, &fields[i], text, sizeof text);
		tui_text(y, 2, label_w, T(fields[i].en, fields[i].vi),
		    TUI_HEADER);
		tui_text(y++, label_w + 4, COLS - label_w - 5, text,
		    TUI_NORMAL);
	}
}

int
child_view(struct tui *ui, int64_t child_id)
{
	struct mn_child *c = malloc(sizeof *c), *fresh = malloc(sizeof *c);
	struct tui_keydef keys[TUI_KEYS_MAX];
	struct mn_error err;
	int page = 0, key, action, rc = TUI_OK;

	if (c == NULL || fresh == NULL) {
		tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
		free(c);
		free(fresh);
		return TUI_CANCEL;
	}
	mn_error_clear(&err);
	if (mn_child_get(ui->ctx, child_id, c, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		free(c);
		free(fresh);
		return TUI_CANCEL;
	}
	tui_keys_copy(view_keys, keys, TUI_KEYS_MAX);
	tui_keys_offer(keys, VIEW_EDIT, mn_child_may_write(ui->ctx, child_id,
	    0));
	tui_keys_offer(keys, VIEW_STATUS, mn_allowed_all(&ui->ctx->actor,
	    MN_ACT_CHILD_WRITE));
	reg_enter(ui, T("Child's record", "Hồ sơ trẻ"));
	for (;;) {
		if (tui_frame(ui, keys))
			draw_view(c, page);
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END) {
			rc = TUI_END;
			break;
		}
		if (key == TK_RESIZE || !tui_fits(ui))
			continue;
		ui->message[0] = '\0';
		action = tui_key_action(keys, key);
		/* A refused key says so before any form is filled in;
		 * child_edit_form asks the core itself. */
		mn_error_clear(&err);
		if (action == VIEW_STATUS && mn_require(ui->ctx->db,
		    &ui->ctx->actor, MN_ACT_CHILD_WRITE, &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			continue;
		}
		switch (action) {
		case VIEW_PAGE:
			page = !page;
			continue;
		case VIEW_EDIT:
			rc = child_edit_form(ui, child_id);
			break;
		case VIEW_STATUS:
			rc = child_status_form(ui, child_id, c->full_name);
			break;
		case TUI_ACT_HELP:
			if ((rc = reg_help(ui, keys)) == TUI_END)
				goto out;
			continue;
		case TUI_ACT_BACK:
			goto out;
		default:
			continue;
		}
		if (rc == TUI_END)
			break;
		/*
		 * Show what was stored.  mn_child_get clears the record it
		 * fails to read, so a failed read keeps the old copy.
		 */
		mn_error_clear(&err);
		if (mn_child_get(ui->ctx, child_id, fresh, &err) == MN_OK)
			*c = *fresh;
		else
			tui_error(ui, "%s", err.message);
	}
out:
	reg_leave(ui);
	free(c);
	free(fresh);
	return rc;
}

/*
 * Reopens the child form of a draft: the add form for an empty record,
 * else the edit form of that child as stored now.
 */
int
child_form_reopen(struct tui *ui, const char *record)
{
	char *end;
	long long id;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	if (record[0] == '\0')
		return child_add_form(ui);
	id = strtoll(record, &end, 10);
	if (*end != '\0' || id <= 0)
		return TUI_CANCEL;
	return child_edit_form(ui, id);
}

/*
 * Names a child form's draft on the offer's title line: the child's
 * name and code as stored, or for a new child the name in the draft.
 */
void
child_form_describe(struct tui *ui, const char *record,
    const struct tui_resume *draft, char *buf, size_t size)
{
	struct mn_child *c;
	struct mn_error err;
	const char *name;
	char *end;
	long long id;

	buf[0] = '\0';
	if (record[0] == '\0') {
		name = tui_resume_value(draft, "full_name");
		if (name[0] != '\0')
			snprintf(buf, size, T("%s (new)", "%s (trẻ mới)"),
			    name);
		return;
	}
	id = strtoll(record, &end, 10);
	if (*end != '\0' || id <= 0 || (c = malloc(sizeof *c)) == NULL)
		return;
	mn_error_clear(&err);
	if (mn_child_get(ui->ctx, id, c, &err) == MN_OK)
		snprintf(buf, size, "%s (%s)", c->full_name, c->school_code);
	free(c);
}
