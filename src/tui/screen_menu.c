/*
 * The menu tree, defined by one table.  Each entry names the action of
 * access.h its screen is for, and shows only when mn_allowed grants it,
 * so the menu and the core's access table cannot disagree.  A submenu
 * shows when one of its entries does.  Hiding an entry is presentation
 * only, because every core function checks access itself.
 */
#include <stdio.h>

#include "core/access.h"
#include "core/export_file.h"
#include "tui/screens.h"

#define MENU_MAX	32
/* Not an action: always shown (log out; a submenu, see visible). */
#define ANYONE		(-1)
/* Not an action: shown when one kind of export is allowed. */
#define ANY_EXPORT	(-2)

struct menu_entry {
	int id;
	int parent;		/* 0: top level */
	const char *en, *vi;
	int action;		/* enum mn_action, or one of the above */
	int (*open)(struct tui *ui);	/* NULL: a submenu */
};

enum { MENU_LOGOUT = 99 };

static const struct menu_entry menu[] = {
	{ 1, 0, "Children", "Trẻ em", MN_ACT_CHILD_READ, screen_child_list },
	{ 2, 0, "Classes", "Lớp học", MN_ACT_CLASS_READ, screen_class_list },
	{ 3, 0, "Staff", "Nhân sự", MN_ACT_STAFF_READ, screen_staff_list },
	{ 5, 0, "School calendar", "Lịch năm học", MN_ACT_CALENDAR_WRITE,
	    screen_calendar },
	/* Promotion, as `mamnon promote`. */
	{ 8, 0, "Promotion to a new school year", "Lên lớp năm học mới",
	    MN_ACT_PROMOTE, screen_promote },
	{ 4, 0, "Account management", "Quản lý tài khoản",
	    MN_ACT_ACCOUNT_LIST, screen_accounts },
	{ 10, 0, "Health", "Sức khỏe", ANYONE, NULL },
	{ 11, 10, "Weighing round of a class", "Cân đo theo lớp",
	    MN_ACT_HEALTH_MEASURE, screen_weighing },
	{ 12, 10, "Child's health", "Sức khỏe của trẻ",
	    MN_ACT_HEALTH_SUMMARY, screen_child_health },
	{ 13, 10, "Round report", "Báo cáo đợt cân đo",
	    MN_ACT_HEALTH_SUMMARY, screen_round_report },
	{ 14, 10, "Medical room visit", "Khám tại phòng y tế",
	    MN_ACT_HEALTH_WRITE, screen_visit },
	{ 15, 10, "Medicine from parents", "Thuốc phụ huynh gửi",
	    MN_ACT_HEALTH_WRITE, screen_medicine },
	{ 16, 10, "Periodic check-up", "Khám sức khỏe định kỳ",
	    MN_ACT_HEALTH_WRITE, screen_checkup },
	{ 40, 0, "Attendance", "Điểm danh", MN_ACT_ATTENDANCE_WRITE,
	    screen_attendance },
	{ 41, 0, "Daily log", "Nhật ký lớp", MN_ACT_DAILYLOG_WRITE,
	    screen_dailylog },
	{ 42, 0, "Today's attendance", "Sĩ số hôm nay",
	    MN_ACT_ATTENDANCE_COUNTS, screen_today },
	{ 20, 0, "My children", "Con của tôi", MN_ACT_OWN_CHILDREN,
	    screen_my_children },
	{ 21, 0, "Feedback", "Góp ý", MN_ACT_FEEDBACK_SEND, screen_feedback },
	{ 22, 0, "Announcements", "Thông báo", MN_ACT_ANNOUNCE_WRITE,
	    screen_announcements },
	{ 23, 0, "Parent feedback", "Góp ý phụ huynh",
	    MN_ACT_FEEDBACK_HANDLE, screen_feedback_inbox },
	{ 24, 0, "Parental consent", "Đồng ý của phụ huynh",
	    MN_ACT_CONSENT_RECORD, screen_consents },
	/* Staff see and write their own requests; the principal decides. */
	{ 25, 0, "Data-use approvals", "Phê duyệt dữ liệu",
	    MN_ACT_APPROVAL_LIST, screen_approvals },
	{ 26, 0, "Audit trail", "Nhật ký truy cập", MN_ACT_AUDIT_READ,
	    screen_audit },
	/*
	 * Above "Dinh dưỡng", which stays just above "Đăng xuất".  The
	 * screen lists only the kinds the actor's roles may export.
	 */
	{ 7, 0, "Export data", "Xuất dữ liệu", ANY_EXPORT, screen_export },
	{ 6, 0, "Nutrition", "Dinh dưỡng", ANYONE, NULL },
	{ 61, 6, "Menus", "Thực đơn", MN_ACT_MENU_READ, screen_menus },
	{ 62, 6, "Market list and meal counts", "Phiếu kê chợ, suất ăn",
	    MN_ACT_MARKET_READ, screen_market },
	{ 63, 6, "Meal-fee book", "Sổ tính tiền ăn", MN_ACT_MEAL_FEES,
	    screen_mealfees },
	{ 64, 6, "Food safety", "Kiểm thực, lưu mẫu", MN_ACT_FOOD_SAFETY,
	    screen_foodsafety },
	/* Kitchen reference data; each screen offers only allowed keys. */
	{ 65, 6, "Dishes", "Món ăn", MN_ACT_KITCHEN_PLAN,
	    screen_kitchen_dishes },
	{ 66, 6, "Food table and prices", "Bảng thực phẩm, giá",
	    MN_ACT_KITCHEN_PLAN, screen_kitchen_foods },
	{ 67, 6, "Suppliers", "Nơi cung cấp", MN_ACT_MARKET_READ,
	    screen_kitchen_suppliers },
	{ 68, 6, "Nutrition requirements", "Nhu cầu dinh dưỡng",
	    MN_ACT_KITCHEN_PLAN, screen_kitchen_requirements },
	{ MENU_LOGOUT, 0, "Log out", "Đăng xuất", ANYONE, screen_logout },
};

#define MENU_COUNT ((int)(sizeof menu / sizeof menu[0]))

/* Entries that a second action shows as well, by menu id. */
static const struct {
	int id;
	enum mn_action action;
} also_shown[] = {
	/* Parents read the announcements that staff write. */
	{ 22, MN_ACT_OWN_CHILDREN },
};

static const struct tui_keydef menu_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Open", "Chọn",
	    TUI_ACT_SELECT },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column menu_column[] = {
	{ NULL, NULL, 0 },
};

static bool
visible(const struct mn_actor *actor, const struct menu_entry *e)
{
	if (e->open == NULL) {
		/* A submenu: shown when one of its entries is. */
		for (size_t i = 0; i < sizeof menu / sizeof menu[0]; i++)
			if (menu[i].parent == e->id &&
			    visible(actor, &menu[i]))
				return true;
		return false;
	}
	if (e->action == ANYONE)
		return true;
	if (e->action == ANY_EXPORT) {
		for (int k = 0; k < MN_EXPORT_KIND_COUNT; k++)
			if (mn_export_kind_allowed(actor, k))
				return true;
		return false;
	}
	for (size_t i = 0; i < sizeof also_shown / sizeof also_shown[0]; i++)
		if (also_shown[i].id == e->id &&
		    mn_allowed(actor, also_shown[i].action))
			return true;
	return mn_allowed(actor, (enum mn_action)e->action);
}

/* Parents use phones, so a menu without staff work fits the login size. */
static void
set_menu_minimum(struct tui *ui)
{
	if (!mn_allowed(&ui->ctx->actor, MN_ACT_CLASS_READ))
		tui_set_minimum(ui, TUI_SMALL_COLS, TUI_SMALL_ROWS);
	else
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
}

/*
 * Asks before logging out.  Yes has the focus when the user chose the
 * menu entry, No when Esc at the main menu asked, so that Esc then
 * Enter does not end the session by accident; 'c' answers yes either
 * way.
 */
static int
ask_logout(struct tui *ui, bool default_yes)
{
	int rc = tui_confirm(ui, T("Log out?", "Đăng xuất?"), default_yes);

	if (rc == TUI_OK) {
		ui->end = TUI_END_LOGOUT;
		return TUI_END;
	}
	return rc;
}

int
screen_logout(struct tui *ui)
{
	return ask_logout(ui, true);
}

/* Fills the list with the entries under parent the actor may see. */
static int
fill(struct tui *ui, struct tui_list *list, int parent, int *ids)
{
	int n = 0;

	tui_list_clear(list);
	for (int i = 0; i < MENU_COUNT && n < MENU_MAX; i++) {
		const char *cell[1];

		if (menu[i].parent != parent ||
		    !visible(&ui->ctx->actor, &menu[i]))
			continue;
		cell[0] = T(menu[i].en, menu[i].vi);
		if (tui_list_add(list, cell) != MN_OK)
			break;
		ids[n++] = i;
	}
	return n;
}

/* Runs one level of the tree; Esc returns to the level above. */
static int
run_level(struct tui *ui, int parent, const char *title)
{
	struct tui_list list;
	int ids[MENU_MAX], action, rc = TUI_CANCEL;

	tui_enter(ui, title);
	tui_list_init(&list, menu_column, 1);
	fill(ui, &list, parent, ids);
	for (;;) {
		const struct menu_entry *e;
		int row;

		set_menu_minimum(ui);
		action = tui_list_run(ui, &list, menu_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK) {
			if (parent != 0)
				break;
			if ((rc = ask_logout(ui, false)) == TUI_END)
				break;
			continue;
		}
		if ((row = tui_list_selected(&list)) < 0)
			continue;
		e = &menu[ids[row]];
		if (e->open != NULL) {
			tui_enter(ui, T(e->en, e->vi));
			rc = e->open(ui);
			tui_leave(ui);
		} else
			rc = run_level(ui, e->id, T(e->en, e->vi));
		if (rc == TUI_END)
			break;
	}
	tui_list_free(&list);
	tui_leave(ui);
	return rc;
}

int
screen_menu(struct tui *ui)
{
	ui->depth = 0;
	return run_level(ui, 0, T("Main menu", "Menu chính"));
}
