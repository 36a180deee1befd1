/*
 * The children, classes and staff registers as searchable read-only
 * lists, filled from the core's registers module.  The core checks role
 * and scope: a teacher sees the children of her own classes, and fields
 * outside the actor's groups come back empty.
 *
 * TODO: edit records from these lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/date.h"
#include "core/registers.h"
#include "tui/screens.h"

enum { ACT_OPEN = TUI_ACT_USER };

/* Keys of a list whose rows open a record. */
static const struct tui_keydef open_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "View", "Xem", ACT_OPEN },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

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
	{ "Children", "Sĩ số", 8 },
	{ "Room", "Phòng", 0 },
};

static const struct tui_column staff_columns[] = {
	{ "Code", "Mã", 8 },
	{ "Full name", "Họ và tên", 30 },
	{ "Position", "Chức vụ", 20 },
	{ "Classes", "Lớp", 0 },
};

#define NCOLS(cols) ((int)(sizeof cols / sizeof cols[0]))

/* State shared with the list callbacks; ids[i] is list row i's record. */
struct fill {
	struct mn_ctx *ctx;
	struct tui_list *list;
	const char *class_code;		/* children of one class, or NULL */
	int64_t *ids;
	int nids, cap;
};

static int
add_row(struct fill *fill, int64_t id, const char *const *cells)
{
	if (fill->nids == fill->cap) {
		int cap = fill->cap ? fill->cap * 2 : 64;
		int64_t *ids = realloc(fill->ids, sizeof *ids * cap);

		if (ids == NULL)
			return MN_ERR_NOMEM;
		fill->ids = ids;
		fill->cap = cap;
	}
	if (tui_list_add(fill->list, cells) != MN_OK)
		return MN_ERR_NOMEM;
	fill->ids[fill->nids++] = id;
	return MN_OK;
}

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
	return add_row(fill, c->id, cells);
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
	return add_row(fill, c->id, cells);
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
	return add_row(fill, s->id, cells);
}

static int
load_children(struct fill *fill, struct mn_error *err)
{
	struct mn_child_filter filter = {
		.class_code = fill->class_code,
		.with_unplaced = fill->class_code == NULL,
	};

	return mn_child_list(fill->ctx, &filter, add_child, fill, err);
}

/* Lists the classes of the school year that contains today. */
static int
load_classes(struct fill *fill, struct mn_error *err)
{
	struct mn_school_year year;
	struct mn_date today;
	int rc;

	mn_date_today(&today);
	rc = mn_school_year_current(fill->ctx, &today, &year, err);
	if (rc == MN_ERR_NOTFOUND) {
		mn_error_clear(err);
		return MN_OK;
	}
	if (rc != MN_OK)
		return rc;
	return mn_class_list(fill->ctx, year.id, add_class, fill, err);
}

static int
load_staff(struct fill *fill, struct mn_error *err)
{
	return mn_staff_list(fill->ctx, add_staff, fill, err);
}

/* A register: its action, columns, loader and record view. */
struct register_def {
	enum mn_action action;
	const struct tui_column *cols;
	int ncols;
	int (*load)(struct fill *fill, struct mn_error *err);
	/* Opens row's record; key is the row's first cell.  NULL: none. */
	int (*view)(struct tui *ui, int64_t id, const char *key);
};

static int run_register(struct tui *ui, const struct register_def *def,
    const char *class_code);
static int view_child(struct tui *ui, int64_t id, const char *key);

static const struct register_def children_def = { MN_ACT_CHILD_READ,
    child_columns, NCOLS(child_columns), load_children, view_child };

static int
view_child(struct tui *ui, int64_t id, const char *key)
{
	return screen_child_view(ui, id);
}

static int
view_staff(struct tui *ui, int64_t id, const char *key)
{
	return screen_staff_view(ui, id);
}

/* Lists the children of the class whose code is key. */
static int
view_class(struct tui *ui, int64_t id, const char *key)
{
	int rc;

	tui_enter(ui, key);
	rc = run_register(ui, &children_def, key);
	tui_leave(ui);
	return rc;
}

static int
run_register(struct tui *ui, const struct register_def *def,
    const char *class_code)
{
	const struct tui_keydef *keys = def->view ? open_keys : record_keys;
	struct tui_list list;
	struct fill fill = {
		.ctx = ui->ctx,
		.list = &list,
		.class_code = class_code,
	};
	struct mn_error err;
	int rc = TUI_CANCEL;

	mn_error_clear(&err);
	if (mn_require(ui->ctx->db, &ui->ctx->actor, def->action, &err) !=
	    MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	tui_list_init(&list, def->cols, def->ncols);
	list.empty_en = "No records yet";
	list.empty_vi = "Chưa có dữ liệu";
	if (def->load(&fill, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	for (;;) {
		int act = tui_list_run(ui, &list, keys);
		int row = tui_list_selected(&list);

		if (act == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (act == TUI_ACT_BACK)
			break;
		if (act != ACT_OPEN || row < 0 || row >= fill.nids)
			continue;
		if (def->view(ui, fill.ids[row], tui_list_cell(&list, row,
		    0)) == TUI_END) {
			rc = TUI_END;
			break;
		}
	}
	tui_list_free(&list);
	free(fill.ids);
	return rc;
}

int
screen_children(struct tui *ui)
{
	return run_register(ui, &children_def, NULL);
}

int
screen_classes(struct tui *ui)
{
	static const struct register_def def = { MN_ACT_CLASS_READ,
	    class_columns, NCOLS(class_columns), load_classes, view_class };

	return run_register(ui, &def, NULL);
}

int
screen_staff(struct tui *ui)
{
	static const struct register_def def = { MN_ACT_STAFF_READ,
	    staff_columns, NCOLS(staff_columns), load_staff, view_staff };

	return run_register(ui, &def, NULL);
}
