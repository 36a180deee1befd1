/*
 * The children, classes and staff registers.  The core has no functions
 * to read these registers yet, so each screen checks access and shows an
 * empty list that says so; it never invents rows.
 *
 * TODO: fill the lists from the core's children, classes and staff
 * modules once they exist.
 */
#include "core/access.h"
#include "tui/screens.h"

static const struct tui_keydef record_keys[] = {
	{ { TK_ENTER }, "Enter", "Open", "Chọn", TUI_ACT_SELECT },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column child_columns[] = {
	{ "Full name", "Họ và tên", 40 },
	{ "Date of birth", "Ngày sinh", 10 },
	{ "Class", "Lớp", 0 },
};

static const struct tui_column class_columns[] = {
	{ "Class", "Lớp", 30 },
	{ "Age group", "Độ tuổi", 16 },
	{ "Teachers", "Giáo viên", 0 },
};

static const struct tui_column staff_columns[] = {
	{ "Full name", "Họ và tên", 40 },
	{ "Position", "Chức vụ", 0 },
};

static int
run_register(struct tui *ui, enum mn_action action,
    const struct tui_column *cols, int ncols)
{
	struct tui_list list;
	struct mn_error err;
	const char *title = ui->title;
	int rc = TUI_CANCEL;

	mn_error_clear(&err);
	if (mn_require(ui->ctx->db, &ui->ctx->actor, action, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	tui_list_init(&list, cols, ncols);
	list.empty_en = "No records yet";
	list.empty_vi = "Chưa có dữ liệu";
	for (;;) {
		int act;

		ui->title = title;
		act = tui_list_run(ui, &list, record_keys);
		if (act == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (act == TUI_ACT_BACK)
			break;
	}
	tui_list_free(&list);
	return rc;
}

int
screen_children(struct tui *ui)
{
	return run_register(ui, MN_ACT_CHILD_READ, child_columns, 3);
}

int
screen_classes(struct tui *ui)
{
	return run_register(ui, MN_ACT_CLASS_READ, class_columns, 3);
}

int
screen_staff(struct tui *ui)
{
	return run_register(ui, MN_ACT_STAFF_READ, staff_columns, 2);
}
