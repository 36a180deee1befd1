/*
 * The children, classes and staff registers as searchable read-only
 * lists, filled from the core's registers module.  The core checks role
 * and scope: a teacher sees the children of her own classes, and fields
 * outside the actor's groups come back empty.
 *
 * TODO: open a record for viewing and editing from these lists.
 */
#include <stdio.h>
#include <string.h>

#include "core/access.h"
#include "core/date.h"
#include "core/registers.h"
#include "tui/screens.h"

static const struct tui_keydef record_keys[] = {
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column child_columns[] = {
	{ "Code", "Mã", 12 },
	{ "Full name", "Họ và tên", 30 },
	{ "Date of birth", "Ngày sinh", 10 },
	{ "Class", "Lớp", 8 },
	{ "Status", "Tình trạng", 0 },
};

static const struct tui_column class_columns[] = {
	{ "Code", "Mã lớp", 8 },
	{ "Name", "Tên lớp", 24 },
	{ "Age group", "Độ tuổi", 22 },
	{ "Children", "Sĩ số", 7 },
	{ "Room", "Phòng", 0 },
};

static const struct tui_column staff_columns[] = {
	{ "Code", "Mã", 8 },
	{ "Full name", "Họ và tên", 30 },
	{ "Position", "Chức vụ", 20 },
	{ "Classes", "Lớp", 0 },
};

#define NCOLS(cols) ((int)(sizeof cols / sizeof cols[0]))

struct fill {
	struct mn_ctx *ctx;
	struct tui_list *list;
};

static void
format_date(const struct mn_date *d, char *buf, size_t size)
{
	if (d->year == 0)
		buf[0] = '\0';
	else
		mn_date_format(d, buf, size);
}

static int
add_child(const struct mn_child *c, void *arg)
{
	struct fill *fill = arg;
	const char *status = mn_child_status_label(c->status);
	char born[16];
	const char *cells[5];

	format_date(&c->birth_date, born, sizeof born);
	cells[0] = c->school_code;
	cells[1] = c->full_name;
	cells[2] = born;
	cells[3] = c->class_code;
	cells[4] = status != NULL ? status : c->status;
	return tui_list_add(fill->list, cells);
}

static int
add_class(const struct mn_class *c, void *arg)
{
	struct fill *fill = arg;
	char age[128], count[32];
	const char *cells[5];

	if (mn_age_group_label(fill->ctx, c->age_group, age, sizeof age) !=
	    MN_OK)
		snprintf(age, sizeof age, "%s", c->age_group);
	snprintf(count, sizeof count, "%d/%d", c->enrolled, c->capacity);
	cells[0] = c->code;
	cells[1] = c->name;
	cells[2] = age;
	cells[3] = count;
	cells[4] = c->room;
	return tui_list_add(fill->list, cells);
}

static int
add_staff(const struct mn_staff *s, void *arg)
{
	struct fill *fill = arg;
	const char *cells[4];

	cells[0] = s->staff_code;
	cells[1] = s->full_name;
	cells[2] = s->position;
	cells[3] = s->classes;
	return tui_list_add(fill->list, cells);
}

static int
load_children(struct tui *ui, struct tui_list *list, struct mn_error *err)
{
	struct mn_child_filter filter = { .with_unplaced = true };
	struct fill fill = { ui->ctx, list };

	return mn_child_list(ui->ctx, &filter, add_child, &fill, err);
}

/* Lists the classes of the school year that contains today. */
static int
load_classes(struct tui *ui, struct tui_list *list, struct mn_error *err)
{
	struct fill fill = { ui->ctx, list };
	struct mn_school_year year;
	struct mn_date today;
	int rc;

	mn_date_today(&today);
	rc = mn_school_year_current(ui->ctx, &today, &year, err);
	if (rc == MN_ERR_NOTFOUND) {
		mn_error_clear(err);
		return MN_OK;
	}
	if (rc != MN_OK)
		return rc;
	return mn_class_list(ui->ctx, year.id, add_class, &fill, err);
}

static int
load_staff(struct tui *ui, struct tui_list *list, struct mn_error *err)
{
	struct fill fill = { ui->ctx, list };

	return mn_staff_list(ui->ctx, add_staff, &fill, err);
}

static int
run_register(struct tui *ui, enum mn_action action,
    const struct tui_column *cols, int ncols,
    int (*load)(struct tui *, struct tui_list *, struct mn_error *))
{
	struct tui_list list;
	struct mn_error err;
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
	if (load(ui, &list, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	for (;;) {
		int act = tui_list_run(ui, &list, record_keys);

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
	return run_register(ui, MN_ACT_CHILD_READ, child_columns,
	    NCOLS(child_columns), load_children);
}

int
screen_classes(struct tui *ui)
{
	return run_register(ui, MN_ACT_CLASS_READ, class_columns,
	    NCOLS(class_columns), load_classes);
}

int
screen_staff(struct tui *ui)
{
	return run_register(ui, MN_ACT_STAFF_READ, staff_columns,
	    NCOLS(staff_columns), load_staff);
}
