/*
 * "Con của tôi": a parent's children and, for one child, a page with
 * the child's card, attendance, daily logs, growth classification,
 * medical room visits, the menu of the day and of the week, and the
 * consents.  Every screen fits
 * 40x15.  The core checks that the child is linked to the account on
 * every read, so a code typed in the search box reaches nothing else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/health.h"
#include "core/kitchen.h"
#include "core/parent_view.h"
#include "core/parents.h"
#include "tui/screens.h"

enum {
	ACT_FIND = TUI_ACT_USER,
	ACT_CHART,
};

static const struct tui_keydef children_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Open", "Xem",
	    TUI_ACT_SELECT },
	{ { 'm', '/' }, "m", "Find code", "Tìm mã", ACT_FIND },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "", NULL, NULL, TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef page_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Open", "Xem",
	    TUI_ACT_SELECT },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "", NULL, NULL, TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef read_keys[] = {
	{ { TK_ESC, TK(KEY_LEFT), TK_ENTER }, "Esc", "Back", "Quay lại",
	    TUI_ACT_BACK },
	{ .name = NULL }
};

static const struct tui_keydef growth_keys[] = {
	{ { 'b' }, "b", "Chart", "Biểu đồ", ACT_CHART },
	{ { TK_ESC, TK(KEY_LEFT), TK_ENTER }, "Esc", "Back", "Quay lại",
	    TUI_ACT_BACK },
	{ .name = NULL }
};

static const struct tui_column child_columns[] = {
	{ "Name", "Họ và tên", 0 },
	{ "Class", "Lớp", 8 },
};

static const struct tui_column item_column[] = {
	{ NULL, NULL, 0 },
};

struct child_rows {
	struct tui_list list;
	struct mn_parent_child kids[16];
	int n;
};

static int
add_child(const struct mn_parent_child *child, void *arg)
{
	struct child_rows *rows = arg;
	const char *cells[2] = { child->full_name, child->class_code };

	if (rows->n == (int)(sizeof rows->kids / sizeof rows->kids[0]))
		return 1;
	if (tui_list_add(&rows->list, cells) != MN_OK)
		return 1;
	rows->kids[rows->n++] = *child;
	return 0;
}

/* Formats "YYYY-MM-DD" as "dd/mm/yyyy"; other text is copied. */
static void
show_date(const char *iso, char *buf, size_t size)
{
	struct mn_date d;

	if (mn_date_parse_iso(iso, "date", &d, NULL) == MN_OK)
		mn_date_format(&d, buf, size);
	else
		snprintf(buf, size, "%s", iso);
}

/* Shows text built in a memory stream, then frees it. */
static int
show_stream(struct tui *ui, char *text)
{
	int action = screen_text(ui, text != NULL ? text : "", read_keys);

	free(text);
	return action == TUI_ACT_END ? TUI_END : TUI_OK;
}

static int
view_card(struct tui *ui, int64_t child_id)
{
	struct mn_parent_card card;
	struct mn_error err;
	char birth[32], *text = NULL;
	size_t size;
	FILE *f;

	mn_error_clear(&err);
	if (mn_parent_card_get(ui->ctx, child_id, &card, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	show_date(card.birth_date, birth, sizeof birth);
	if ((f = open_memstream(&text, &size)) == NULL)
		return TUI_OK;
	fprintf(f, "%s\n", card.full_name);
	fprintf(f, "%s: %s\n", T("Code", "Mã trẻ"), card.school_code);
	fprintf(f, "%s: %s\n", T("Born", "Ngày sinh"), birth);
	fprintf(f, "%s: %s\n", T("Sex", "Giới tính"),
	    strcmp(card.sex, "F") == 0 ? T("girl", "nữ") : T("boy", "nam"));
	if (card.class_code[0] != '\0')
		fprintf(f, "%s: %s (%s)\n", T("Class", "Lớp"),
		    card.class_code, card.class_name);
	else
		fprintf(f, "%s: %s\n", T("Class", "Lớp"),
		    T("none", "chưa xếp lớp"));
	fclose(f);
	return show_stream(ui, text);
}

static const char *const indicator_labels[MN_INDICATOR_COUNT][2] = {
	{ "Weight-for-age", "Cân nặng theo tuổi" },
	{ "Height-for-age", "Chiều cao theo tuổi" },
	{ "Weight-for-height", "Cân nặng theo chiều cao" },
	{ "BMI-for-age", "BMI theo tuổi" },
};

/* Shows the growth text; 'b' opens the chart.  Frees text. */
static int
growth_page(struct tui *ui, int64_t child_id, char *text)
{
	int action, rc = TUI_OK;

	for (;;) {
		struct mn_parent_card card;
		struct mn_error err;

		action = screen_text(ui, text != NULL ? text : "",
		    growth_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action != ACT_CHART)
			break;
		/* The chart's curves depend on the child's sex. */
		mn_error_clear(&err);
		if (mn_parent_card_get(ui->ctx, child_id, &card, &err) !=
		    MN_OK) {
			tui_error(ui, "%s", err.message);
			continue;
		}
		if ((rc = parent_growth_chart(ui, child_id, card.sex)) ==
		    TUI_END)
			break;
	}
	free(text);
	return rc;
}

static int
view_growth(struct tui *ui, int64_t child_id)
{
	struct mn_parent_growth g;
	struct mn_error err;
	char day[32], number[32], *text = NULL;
	size_t size;
	FILE *f;

	mn_error_clear(&err);
	if (mn_parent_growth_get(ui->ctx, child_id, &g, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	if ((f = open_memstream(&text, &size)) == NULL)
		return TUI_OK;
	if (!g.measured) {
		fprintf(f, "%s\n", T("No measurement yet.",
		    "Trẻ chưa được cân đo."));
	} else {
		show_date(g.measured_on, day, sizeof day);
		fprintf(f, "%s: %s\n", T("Measured on", "Ngày cân đo"), day);
		if (g.weight_kg > 0)
			fprintf(f, "%s: %s kg\n", T("Weight", "Cân nặng"),
			    screen_decimal(number, sizeof number,
			    g.weight_kg));
		if (g.height_cm > 0)
			fprintf(f, "%s: %s cm\n", T("Height", "Chiều cao"),
			    screen_decimal(number, sizeof number,
			    g.height_cm));
		for (int i = 0; i < MN_INDICATOR_COUNT; i++) {
			if (g.category[i] == MN_GROWTH_NONE)
				continue;
			fprintf(f, "%s: %s\n", T(indicator_labels[i][0],
			    indicator_labels[i][1]),
			    mn_growth_category_label(i, g.category[i]));
		}
	}
	fclose(f);
	return growth_page(ui, child_id, text);
}

static int
write_visit(const struct mn_parent_visit *v, void *arg)
{
	FILE *f = arg;
	char day[32], when[24], number[32];

	snprintf(when, sizeof when, "%.10s", v->visit_at);
	show_date(when, day, sizeof day);
	fprintf(f, "%s %s\n", day, v->visit_at + (strlen(v->visit_at) > 11 ?
	    11 : strlen(v->visit_at)));
	fprintf(f, "  %s\n", v->complaint);
	if (v->temperature_c > 0)
		fprintf(f, "  %s: %s °C\n", T("Temperature", "Nhiệt độ"),
		    screen_decimal(number, sizeof number, v->temperature_c));
	fprintf(f, "  %s: %s\n", T("Care", "Xử trí"),
	    mn_visit_action_label(v->action));
	if (v->medicine[0] != '\0')
		fprintf(f, "  %s: %s\n", T("Medicine", "Thuốc"), v->medicine);
	fprintf(f, "\n");
	return 0;
}

static int
view_visits(struct tui *ui, int64_t child_id)
{
	struct mn_error err;
	char *text = NULL;
	size_t size;
	long before;
	FILE *f;

	if ((f = open_memstream(&text, &size)) == NULL)
		return TUI_OK;
	mn_error_clear(&err);
	if (mn_parent_visits(ui->ctx, child_id, write_visit, f, &err) !=
	    MN_OK) {
		fclose(f);
		free(text);
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	before = ftell(f);
	if (before == 0)
		fprintf(f, "%s\n", T("No visits to the medical room.",
		    "Trẻ chưa đến phòng y tế lần nào."));
	fclose(f);
	return show_stream(ui, text);
}

/* ISO week "YYYY-Www" of a day: the week of its Thursday. */
static void
iso_week(const struct mn_date *d, char *buf, size_t size)
{
	long days = mn_date_to_days(d);
	long thursday = days - mn_date_weekday(d) + 3;
	struct mn_date t, jan1;

	mn_date_from_days(thursday, &t);
	jan1.year = t.year;
	jan1.month = 1;
	jan1.day = 1;
	snprintf(buf, size, "%04d-W%02d", t.year % 10000,
	    (int)((thursday - mn_date_to_days(&jan1)) / 7 + 1) % 100);
}

static const char *const weekday_labels[7][2] = {
	{ "Monday", "Thứ Hai" }, { "Tuesday", "Thứ Ba" },
	{ "Wednesday", "Thứ Tư" }, { "Thursday", "Thứ Năm" },
	{ "Friday", "Thứ Sáu" }, { "Saturday", "Thứ Bảy" },
	{ "Sunday", "Chủ nhật" },
};

/* Shows the menu of the child's age group: today's, or the week's. */
static int
view_menu(struct tui *ui, int64_t child_id, bool week)
{
	struct mn_parent_card card;
	struct mn_menu_entry *items = NULL;
	struct mn_error err;
	struct mn_date today;
	char wk[16], iso[11], *text = NULL, last_date[11] = "";
	int last_meal = -1, shown = 0, rc;
	size_t count = 0, size;
	FILE *f;

	mn_error_clear(&err);
	if (mn_parent_card_get(ui->ctx, child_id, &card, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	mn_date_today(&today);
	mn_date_format_iso(&today, iso, sizeof iso);
	iso_week(&today, wk, sizeof wk);
	rc = mn_kitchen_menu_week(ui->ctx, wk, strcmp(card.age_level, "nt") ==
	    0 ? MN_GROUP_NHA_TRE : MN_GROUP_MAU_GIAO, &items, &count, &err);
	if (rc == MN_ERR_NOTFOUND && strcmp(err.field, "week") == 0) {
		/* A week not yet approved: show the message as the page. */
		if ((text = strdup(err.message)) == NULL)
			return TUI_OK;
		return show_stream(ui, text);
	}
	if (rc != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	if ((f = open_memstream(&text, &size)) == NULL) {
		free(items);
		return TUI_OK;
	}
	for (size_t i = 0; i < count; i++) {
		const struct mn_menu_entry *e = &items[i];
		struct mn_date d;

		if (!week && strcmp(e->date, iso) != 0)
			continue;
		if (strcmp(e->date, last_date) != 0) {
			char day[32];

			if (mn_date_parse_iso(e->date, "date", &d, NULL) !=
			    MN_OK)
				continue;
			show_date(e->date, day, sizeof day);
			fprintf(f, "%s%s %s\n", shown > 0 ? "\n" : "",
			    T(weekday_labels[mn_date_weekday(&d)][0],
			    weekday_labels[mn_date_weekday(&d)][1]), day);
			snprintf(last_date, sizeof last_date, "%s", e->date);
			last_meal = -1;
		}
		if ((int)e->meal != last_meal) {
			fprintf(f, " %s:\n", mn_meal_label(e->meal));
			last_meal = (int)e->meal;
		}
		fprintf(f, "  - %s\n", e->dish);
		shown++;
	}
	if (shown == 0)
		fprintf(f, "%s\n", week ? T("No menu for this week yet.",
		    "Chưa có thực đơn tuần này.") : T("No menu for today.",
		    "Hôm nay chưa có thực đơn."));
	fclose(f);
	free(items);
	return show_stream(ui, text);
}

enum page_item {
	ITEM_CARD,
	ITEM_ATTENDANCE,
	ITEM_DAILY_LOG,
	ITEM_GROWTH,
	ITEM_VISITS,
	ITEM_MENU_DAY,
	ITEM_MENU_WEEK,
	ITEM_CONSENT,
	ITEM_COUNT
};

static const char *const item_labels[ITEM_COUNT][2] = {
	{ "Child's details", "Thông tin của trẻ" },
	{ "Attendance", "Điểm danh" },
	{ "Daily log", "Nhật ký hằng ngày" },
	{ "Growth", "Tăng trưởng" },
	{ "Medical room visits", "Khám ở phòng y tế" },
	{ "Today's menu", "Thực đơn hôm nay" },
	{ "This week's menu", "Thực đơn tuần này" },
	{ "Consents", "Đồng ý của phụ huynh" },
};

/* The child's page: one entry per view; Esc goes back to the list. */
static int
child_page(struct tui *ui, const struct mn_parent_child *child)
{
	struct tui_list list;
	char title[300];
	int rc = TUI_OK;

	tui_list_init(&list, item_column, 1);
	for (int i = 0; i < ITEM_COUNT; i++) {
		const char *cell[1] = { T(item_labels[i][0],
		    item_labels[i][1]) };

		tui_list_add(&list, cell);
	}
	snprintf(title, sizeof title, "%s", child->full_name);
	tui_enter(ui, title);
	for (;;) {
		int action;

		screen_set_parent_minimum(ui);
		action = tui_list_run(ui, &list, page_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action != TUI_ACT_SELECT)
			continue;
		tui_enter(ui, T(item_labels[tui_list_selected(&list)][0],
		    item_labels[tui_list_selected(&list)][1]));
		switch (tui_list_selected(&list)) {
		case ITEM_CARD:
			rc = view_card(ui, child->child_id);
			break;
		case ITEM_ATTENDANCE:
			rc = parent_attendance_view(ui, child->child_id);
			break;
		case ITEM_DAILY_LOG:
			rc = parent_daily_logs(ui, child->child_id);
			break;
		case ITEM_GROWTH:
			rc = view_growth(ui, child->child_id);
			break;
		case ITEM_VISITS:
			rc = view_visits(ui, child->child_id);
			break;
		case ITEM_MENU_DAY:
			rc = view_menu(ui, child->child_id, false);
			break;
		case ITEM_MENU_WEEK:
			rc = view_menu(ui, child->child_id, true);
			break;
		case ITEM_CONSENT:
			rc = consent_child_view(ui, child->child_id);
			break;
		default:
			break;
		}
		tui_leave(ui);
		if (rc == TUI_END)
			break;
	}
	tui_list_free(&list);
	tui_leave(ui);
	return rc;
}

/*
 * Asks for a school code and opens that child's page when the core
 * finds it among the parent's own children.  Any other code gets the
 * core's refusal, which the core also writes to the audit trail.
 */
static int
find_by_code(struct tui *ui, struct child_rows *rows)
{
	struct tui_form_row field[] = {
		{ .name = "code", .en = "Child code", .vi = "Mã trẻ" },
	};
	struct tui_form form = { .rows = field, .nrows = 1,
	    .enter_submits = true, .quiet_cancel = true };
	struct mn_error err;
	int64_t id = 0;
	char *code;
	int rc;

	tui_field_init(&field[0].field, 31, TUI_SHOW);
	if ((rc = tui_form_run(ui, &form)) != TUI_OK)
		return rc;
	code = tui_field_get(&field[0].field);
	mn_error_clear(&err);
	rc = mn_parent_find_child(ui->ctx, code != NULL ? code : "", &id,
	    &err);
	free(code);
	/* A box, because the message line cuts the refusal on a phone. */
	if (rc != MN_OK)
		return tui_msgbox(ui, err.message);
	for (int i = 0; i < rows->n; i++)
		if (rows->kids[i].child_id == id)
			return child_page(ui, &rows->kids[i]);
	return tui_msgbox(ui, T("child: this child is not linked to your "
	    "account", "trẻ: trẻ này không thuộc tài khoản của bạn"));
}

int
screen_my_children(struct tui *ui)
{
	struct child_rows rows;
	struct mn_error err;
	int rc = TUI_CANCEL;

	memset(&rows, 0, sizeof rows);
	tui_list_init(&rows.list, child_columns, 2);
	rows.list.empty_en = "No child is linked to your account.";
	rows.list.empty_vi = "Chưa có trẻ nào gắn với tài khoản này.";
	mn_error_clear(&err);
	if (mn_parent_children(ui->ctx, add_child, &rows, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	for (;;) {
		int action, row;

		screen_set_parent_minimum(ui);
		action = tui_list_run(ui, &rows.list, children_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == ACT_FIND)
			rc = find_by_code(ui, &rows);
		else if ((row = tui_list_selected(&rows.list)) >= 0)
			rc = child_page(ui, &rows.kids[row]);
		if (rc == TUI_END)
			break;
		rc = TUI_CANCEL;
	}
	tui_list_free(&rows.list);
	return rc;
}
