/*
 * Screen entry points.  Each returns TUI_OK or TUI_CANCEL when the user
 * goes back, and TUI_END when the session ends (ui->end gives the reason).
 */
#ifndef MN_TUI_SCREENS_H
#define MN_TUI_SCREENS_H

#include "core/account.h"
#include "core/date.h"
#include "tui/ui.h"

/* Asks login and password until mn_login succeeds; fills acct. */
int screen_login(struct tui *ui, const char *login_hint,
    struct mn_account *acct);
/* Runs the forced password change after a login. */
int screen_password(struct tui *ui);
/* Runs the menu tree from the top level. */
int screen_menu(struct tui *ui);
/* Asks "Đăng xuất?"; on yes sets ui->end and returns TUI_END. */
int screen_logout(struct tui *ui);

int screen_accounts(struct tui *ui);
int screen_child_view(struct tui *ui, int64_t id);
int screen_staff_view(struct tui *ui, int64_t id);

/*
 * The registers: children, classes (with each class's children and
 * teachers), staff, and the school calendar (school years, holidays and
 * make-up days).
 */
int screen_child_list(struct tui *ui);
int screen_class_list(struct tui *ui);
int screen_staff_list(struct tui *ui);
int screen_calendar(struct tui *ui);
int screen_promote(struct tui *ui);

/* Health: weighing grid, child's page, round report, medical room. */
int screen_weighing(struct tui *ui);
int screen_child_health(struct tui *ui);
int screen_round_report(struct tui *ui);
int screen_visit(struct tui *ui);
int screen_medicine(struct tui *ui);
int screen_checkup(struct tui *ui);

/* Nutrition and kitchen. */
int screen_menus(struct tui *ui);
int screen_market(struct tui *ui);
int screen_mealfees(struct tui *ui);
int screen_foodsafety(struct tui *ui);

/* Exports to a file fetched with a one-time code ("Xuất dữ liệu"). */
int screen_export(struct tui *ui);

/* Account forms, called from the account list. */
int account_add_form(struct tui *ui);
int account_edit_form(struct tui *ui, const struct mn_account *acct);
int account_password_form(struct tui *ui, const char *login);
/* Opens the account form of a draft key "account_form:LOGIN". */
int account_form_reopen(struct tui *ui, const char *login);

/* Teachers' daily work: attendance, daily logs and the school's day. */
int screen_attendance(struct tui *ui);
int screen_dailylog(struct tui *ui);
int screen_today(struct tui *ui);
/* A child's month of attendance and daily logs, from a class list. */
int screen_child_month(struct tui *ui, int64_t child_id, const char *name,
    const struct mn_date *day);

/* A class and a school day, as chosen for attendance or daily logs. */
struct class_day {
	int64_t class_id;
	int64_t school_year_id;
	char code[24];
	struct mn_date day;
	int offered;		/* classes the actor could choose from */
};

/*
 * Lets the actor choose a class: the principal any class of the current
 * school year, a teacher only her own.  With one class on offer it is
 * chosen without asking.  Sets cd->day to today when it is unset.
 */
int class_day_pick_class(struct tui *ui, struct class_day *cd);
/* Asks a date (dd/mm/yyyy) into cd->day; TUI_CANCEL keeps the old one. */
int class_day_ask_date(struct tui *ui, struct class_day *cd);
/* Writes "Thứ Sáu 04/12/2026" for day. */
void class_day_label(const struct mn_date *day, char *buf, size_t size);

/* Parents: their children's pages, feedback and announcements. */
int screen_my_children(struct tui *ui);
int screen_feedback(struct tui *ui);
int screen_feedback_inbox(struct tui *ui);
int screen_announcements(struct tui *ui);
/* Privacy registers for staff. */
int screen_consents(struct tui *ui);
int screen_approvals(struct tui *ui);
int screen_audit(struct tui *ui);
/* Parts of the parent's child page (screen_parent_days.c). */
int parent_attendance_view(struct tui *ui, int64_t child_id);
int parent_daily_logs(struct tui *ui, int64_t child_id);
/* The growth chart of a child of sex "M" or "F" (screen_parent_chart.c). */
int parent_growth_chart(struct tui *ui, int64_t child_id, const char *sex);
/* Consent of one child, from the parent's child page. */
int consent_child_view(struct tui *ui, int64_t child_id);

/* textview.c: helpers shared by the screens above. */
int screen_text(struct tui *ui, const char *text,
    const struct tui_keydef *keys);
int screen_choose(struct tui *ui, const char *title,
    const char *const *labels, int n, int *choice);
void screen_set_parent_minimum(struct tui *ui);
const char *screen_decimal(char *buf, size_t size, double value);

#endif
