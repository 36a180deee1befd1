/*
 * One child's or staff member's record, shown read-only as a list of
 * label and value rows.  Reading it goes through mn_child_get or
 * mn_staff_get, which check access and write the "view" audit row.  A
 * child's fields outside the actor's groups are not shown at all.
 *
 * NOTE: long values are wrapped for the width at the time the record is
 * opened, so a narrower terminal later cuts them at the right edge.
 */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/registers.h"
#include "tui/screens.h"

#define LABEL_WIDTH	24
#define VALUE_LINES	8

static const struct tui_keydef view_keys[] = {
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column view_columns[] = {
	{ "Field", "Thông tin", LABEL_WIDTH },
	{ "Value", "Nội dung", 0 },
};

/* Adds a row, and continuation rows when the value is long. */
static void
add(struct tui_list *list, const char *en, const char *vi, const char *value)
{
	char lines[VALUE_LINES][256];
	const char *cells[2] = { T(en, vi), value };
	int width = COLS - LABEL_WIDTH - 4, n;

	if (tui_width(value) <= width) {
		tui_list_add(list, cells);
		return;
	}
	n = tui_wrap(value, width, lines, VALUE_LINES);
	for (int i = 0; i < n; i++) {
		cells[1] = lines[i];
		tui_list_add(list, cells);
		cells[0] = "";
	}
}

static void
add_date(struct tui_list *list, const char *en, const char *vi,
    const struct mn_date *d)
{
	char buf[16] = "";

	if (d->year != 0)
		mn_date_format(d, buf, sizeof buf);
	add(list, en, vi, buf);
}

static const char *
sex_label(char sex)
{
	if (sex == 'M')
		return T("male", "nam");
	if (sex == 'F')
		return T("female", "nữ");
	return "";
}

/* Runs the view list until Esc; returns TUI_CANCEL or TUI_END. */
static int
run_view(struct tui *ui, struct tui_list *list, const char *title)
{
	int action;

	tui_enter(ui, title);
	action = tui_list_run(ui, list, view_keys);
	while (action != TUI_ACT_END && action != TUI_ACT_BACK)
		action = tui_list_run(ui, list, view_keys);
	tui_leave(ui);
	return action == TUI_ACT_END ? TUI_END : TUI_CANCEL;
}

static void
add_child_family(struct tui_list *list, const struct mn_child *c)
{
	add(list, "Father", "Họ tên cha", c->father_name);
	add(list, "Father's phone", "Điện thoại cha", c->father_phone);
	add(list, "Mother", "Họ tên mẹ", c->mother_name);
	add(list, "Mother's phone", "Điện thoại mẹ", c->mother_phone);
	add(list, "Guardian", "Người giám hộ", c->guardian_name);
	add(list, "Guardian's phone", "Điện thoại người giám hộ",
	    c->guardian_phone);
	add(list, "Pick-up people", "Người đưa đón", c->pickup_people);
}

static void
add_child_rows(struct tui_list *list, const struct mn_child *c)
{
	const char *status = mn_child_status_label(c->status);

	add(list, "Code", "Mã trẻ", c->school_code);
	add(list, "Full name", "Họ và tên", c->full_name);
	add_date(list, "Date of birth", "Ngày sinh", &c->birth_date);
	add(list, "Sex", "Giới tính", sex_label(c->sex));
	add(list, "Class", "Lớp", c->class_code);
	add_date(list, "Enrolled on", "Ngày nhập học", &c->enrolment_date);
	add(list, "Status", "Tình trạng", status != NULL ? status :
	    c->status);
	if (c->visible & MN_CHILD_PERSONAL) {
		add(list, "Ethnicity code", "Mã dân tộc", c->ethnicity);
		add(list, "Personal ID", "Số định danh", c->personal_id);
		add(list, "Place of birth", "Nơi sinh", c->birth_place);
		add(list, "Address", "Địa chỉ", c->address);
	}
	if (c->visible & MN_CHILD_FAMILY)
		add_child_family(list, c);
	if (c->visible & MN_CHILD_POLICY)
		add(list, "Policies", "Chế độ chính sách", c->policies);
	if (c->visible & MN_CHILD_ALLERGY)
		add(list, "Allergies", "Dị ứng", c->allergies);
	if (c->visible & MN_CHILD_CHRONIC)
		add(list, "Chronic conditions", "Bệnh mạn tính",
		    c->chronic_conditions);
}

/* Shows one child's record; errors go to the message line. */
int
screen_child_view(struct tui *ui, int64_t id)
{
	struct mn_child child;
	struct tui_list list;
	struct mn_error err;
	int rc;

	mn_error_clear(&err);
	memset(&child, 0, sizeof child);
	if (mn_child_get(ui->ctx, id, &child, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_list_init(&list, view_columns, 2);
	add_child_rows(&list, &child);
	rc = run_view(ui, &list, child.full_name);
	tui_list_free(&list);
	return rc;
}

/* Shows one staff member's record; errors go to the message line. */
int
screen_staff_view(struct tui *ui, int64_t id)
{
	struct mn_staff staff;
	struct tui_list list;
	struct mn_error err;
	int rc;

	mn_error_clear(&err);
	memset(&staff, 0, sizeof staff);
	if (mn_staff_get(ui->ctx, id, &staff, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_list_init(&list, view_columns, 2);
	add(&list, "Code", "Mã", staff.staff_code);
	add(&list, "Full name", "Họ và tên", staff.full_name);
	add_date(&list, "Date of birth", "Ngày sinh", &staff.birth_date);
	add(&list, "Sex", "Giới tính", sex_label(staff.sex));
	add(&list, "Position", "Chức vụ", staff.position);
	add(&list, "Qualification", "Trình độ", staff.qualification);
	add(&list, "Training", "Bồi dưỡng", staff.training);
	add(&list, "Phone", "Điện thoại", staff.phone);
	add_date(&list, "Started on", "Ngày vào làm", &staff.start_date);
	add(&list, "Contract", "Loại hợp đồng", staff.contract_type);
	add(&list, "Account", "Tài khoản", staff.account_login);
	add(&list, "Classes", "Lớp", staff.classes);
	rc = run_view(ui, &list, staff.full_name);
	tui_list_free(&list);
	return rc;
}
