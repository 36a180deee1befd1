/*
 * The children register: the list of the children the actor may see, in
 * the core's order (class code, then Vietnamese name order), with a
 * warning on each child with allergies or chronic conditions.  '/'
 * starts a search: after each letter typed, the list loaded once from
 * the core (mn_child_index_load) is narrowed in memory, ignoring case
 * and diacritics, so a keystroke costs no query and no audit row.  The
 * core decides who sees which children and which fields; this screen
 * shows what it returns and its refusals.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "tui/keys.h"
#include "tui/screen_reg.h"

enum {
	ACT_VIEW = TUI_ACT_USER,
	ACT_ADD,
	ACT_EDIT,
	ACT_STATUS,
	ACT_RELOAD,
	ACT_FIND,
};

static const struct tui_keydef child_keys[] = {
	{ { TK_ENTER }, "Enter", "View", "Xem", ACT_VIEW },
	{ { 'n', TK(KEY_IC) }, "n", "New", "Thêm", ACT_ADD },
	{ { 'e' }, "e", "Edit", "Sửa", ACT_EDIT },
	{ { 's' }, "s", "Status", "Trạng thái", ACT_STATUS },
	{ { '/' }, "/", "Search", "Tìm", ACT_FIND },
	{ { TK(KEY_F(5)), 'r' }, "", NULL, NULL, ACT_RELOAD },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column child_columns[] = {
	{ "Class", "Lớp", 8 },
	{ "Full name", "Họ và tên", 30 },
	{ "Date of birth", "Ngày sinh", 10 },
	{ "Code", "Mã trẻ", 10 },
	{ "Health warning", "Lưu ý sức khỏe", 0 },
};

#define NCOLS ((int)(sizeof child_columns / sizeof child_columns[0]))

struct child_rows {
	struct tui_list list;
	int64_t *ids;		/* same order as the list rows */
	char (*names)[256];
	int n, cap;
	char query[128];	/* search text, or "" */
	struct mn_child_index index;	/* every child the actor may see */
	bool loaded;
	size_t *matches;	/* positions in index of the shown rows */
	char heading[256];	/* title: the query when there is one */
};

static int
add_row(struct child_rows *rows, const struct mn_child_row *c)
{
	char birth[16], warning[1200];
	const char *cells[NCOLS];

	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 64;
		int64_t *ids = realloc(rows->ids, sizeof *ids * cap);
		char (*names)[256];

		if (ids == NULL)
			return MN_ERR_NOMEM;
		rows->ids = ids;
		names = realloc(rows->names, sizeof *names * cap);
		if (names == NULL)
			return MN_ERR_NOMEM;
		rows->names = names;
		rows->cap = cap;
	}
	reg_date_text(&c->birth_date, birth, sizeof birth);
	child_warning_text(c->allergies, c->chronic_conditions, warning,
	    sizeof warning);
	cells[0] = c->class_code;
	cells[1] = c->full_name;
	cells[2] = birth;
	cells[3] = c->school_code;
	cells[4] = warning;
	if (tui_list_add(&rows->list, cells) != MN_OK)
		return MN_ERR_NOMEM;
	rows->ids[rows->n] = c->id;
	snprintf(rows->names[rows->n], sizeof rows->names[0], "%s",
	    c->full_name);
	rows->n++;
	return MN_OK;
}

/*
 * Shows the children matching the search text, keeping the selection on
 * the same child.  With fresh, reads the list from the core first, as
 * after a change; otherwise only the text changed.
 */
static void
refresh_rows(struct tui *ui, struct child_rows *rows, bool fresh)
{
	struct mn_child_filter filter = { .with_unplaced = true };
	struct mn_error err;
	int sel = tui_list_selected(&rows->list);
	int64_t keep = sel >= 0 && sel < rows->n ? rows->ids[sel] : 0;
	size_t found;

	mn_error_clear(&err);
	if (fresh || !rows->loaded) {
		mn_child_index_free(&rows->index);
		free(rows->matches);
		rows->matches = NULL;
		rows->loaded = false;
		if (mn_child_index_load(ui->ctx, &filter, &rows->index,
		    &err) != MN_OK) {
			tui_error(ui, "%s", err.message);
			return;
		}
		rows->matches = malloc((rows->index.count + 1) *
		    sizeof *rows->matches);
		if (rows->matches == NULL) {
			mn_child_index_free(&rows->index);
			tui_error(ui, "%s", T("out of memory", "hết bộ nhớ"));
			return;
		}
		rows->loaded = true;
	}
	tui_list_clear(&rows->list);
	rows->n = 0;
	found = mn_child_index_search(&rows->index, rows->query,
	    rows->matches);
	for (size_t i = 0; i < found; i++)
		if (add_row(rows, &rows->index.rows[rows->matches[i]]) !=
		    MN_OK) {
			tui_error(ui, "%s", T("out of memory", "hết bộ nhớ"));
			break;
		}
	for (int i = 0; i < rows->list.nshown; i++)
		if (rows->ids[rows->list.shown[i]] == keep)
			rows->list.sel = i;
}

/* Reads the list again from the core, after a change or on request. */
static void
reload(struct tui *ui, struct child_rows *rows)
{
	refresh_rows(ui, rows, true);
}

enum { ST_STATUS, ST_DATE, ST_REASON, ST_ROWS };

/*
 * Records a status change with its date and reason.  A failed save keeps
 * the form open; Esc leaves it.
 */
int
child_status_form(struct tui *ui, int64_t child_id, const char *name)
{
	struct tui_form_row rows[ST_ROWS] = {
		{ .id = "status", .en = "Status", .vi = "Trạng thái" },
		{ .id = "date", .en = "Date", .vi = "Ngày" },
		{ .id = "reason", .en = "Reason", .vi = "Lý do" },
	};
	struct tui_form form = { .rows = rows, .nrows = ST_ROWS,
	    .heading = name, .enter_submits = true };
	struct mn_error err;
	struct mn_date day, today;
	char date[16], reason[512], status_text[128];
	int rc;

	for (int i = 0; i < ST_ROWS; i++)
		rows[i].name = T(rows[i].en, rows[i].vi);
	form.note = T("Status: Đang học (enrolled), Chuyển đến (transferred "
	    "in), Chuyển đi (transferred out), Thôi học (left) or Hoàn thành "
	    "chương trình (graduated).  Date: dd/mm/yyyy.",
	    "Trạng thái: Đang học, Chuyển đến, Chuyển đi, Thôi học hoặc "
	    "Hoàn thành chương trình.  Ngày: dd/mm/yyyy.");
	tui_field_init(&rows[ST_STATUS].field, 40, TUI_SHOW);
	tui_field_init(&rows[ST_DATE].field, 10, TUI_SHOW);
	tui_field_init(&rows[ST_REASON].field, 200, TUI_SHOW);
	mn_date_today(&today);
	mn_date_format(&today, date, sizeof date);
	tui_field_set(&rows[ST_DATE].field, date);
	reg_enter(ui, T("Change status", "Đổi trạng thái"));
	while ((rc = tui_form_run(ui, &form)) == TUI_OK) {
		const char *code;

		mn_error_clear(&err);
		reg_field_copy(&rows[ST_STATUS].field, status_text,
		    sizeof status_text);
		reg_field_copy(&rows[ST_REASON].field, reason, sizeof reason);
		code = mn_child_status_parse(status_text);
		if (code == NULL)
			rc = mn_fail(&err, MN_ERR_INVALID, rows[ST_STATUS].name,
			    T("Status: '%s' is unknown; expected Đang học, "
			    "Chuyển đến, Chuyển đi, Thôi học or Hoàn thành "
			    "chương trình", "Trạng thái: '%s' không hợp lệ; "
			    "cần Đang học, Chuyển đến, Chuyển đi, Thôi học "
			    "hoặc Hoàn thành chương trình"), status_text);
		else
			rc = reg_date_field(&rows[ST_DATE].field,
			    rows[ST_DATE].name, false, &day, &err);
		if (rc == MN_OK)
			rc = mn_child_set_status(ui->ctx, child_id, code, &day,
			    reason, &err);
		if (rc == MN_OK) {
			tui_message(ui, T("Status of %s: %s",
			    "Trạng thái của %s: %s"), name,
			    mn_child_status_label(code));
			break;
		}
		/* Refused or not: the form stays open with its values. */
		tui_form_failed(ui, &form, &err);
	}
	reg_leave(ui);
	return rc;
}

static int
dispatch(struct tui *ui, struct child_rows *rows, int action)
{
	struct mn_error err;
	int row = tui_list_selected(&rows->list);

	/*
	 * Ask before a form is filled in that could not be saved; the add
	 * and edit forms ask the core themselves, scope included.
	 */
	mn_error_clear(&err);
	if (action == ACT_STATUS && mn_require(ui->ctx->db, &ui->ctx->actor,
	    MN_ACT_CHILD_WRITE, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	if (action == ACT_ADD)
		return child_add_form(ui);
	if (action == ACT_RELOAD)
		return TUI_OK;
	if (row < 0) {
		tui_error(ui, "%s", T("No child selected",
		    "Chưa chọn trẻ nào"));
		return TUI_OK;
	}
	switch (action) {
	case ACT_VIEW:
		return child_view(ui, rows->ids[row]);
	case ACT_EDIT:
		return child_edit_form(ui, rows->ids[row]);
	case ACT_STATUS:
		return child_status_form(ui, rows->ids[row],
		    rows->names[row]);
	default:
		return TUI_OK;
	}
}

static void
set_heading(struct child_rows *rows)
{
	if (rows->query[0] == '\0')
		snprintf(rows->heading, sizeof rows->heading, "%s",
		    T("Children", "Trẻ em"));
	else
		snprintf(rows->heading, sizeof rows->heading, T("Children "
		    "matching \"%s\" (Esc shows all)", "Trẻ em khớp \"%s\" "
		    "(Esc: xem tất cả)"), rows->query);
}

/* Draws the rows while a search is typed, as tui_list_run draws them. */
static void
draw_found(struct tui *ui, struct child_rows *rows)
{
	const struct tui_list *l = &rows->list;
	int widths[NCOLS], used = 0, y = tui_body_top(), x;
	int visible = tui_body_rows() - 1;
	char line[160];

	for (int c = 0; c < NCOLS; c++) {
		int w = tui_width(T(child_columns[c].en, child_columns[c].vi));

		for (int i = 0; i < l->nshown && i < visible; i++) {
			int cw = tui_width(tui_list_cell(l, l->shown[i], c));

			if (cw > w)
				w = cw;
		}
		if (child_columns[c].max_width > 0 &&
		    w > child_columns[c].max_width)
			w = child_columns[c].max_width;
		widths[c] = w;
		used += w + 2;
	}
	widths[NCOLS - 1] += COLS - 2 - used;
	if (widths[NCOLS - 1] < 1)
		widths[NCOLS - 1] = 1;
	for (int i = -1; i < l->nshown && i < visible; i++, y++) {
		x = 1;
		for (int c = 0; c < NCOLS && x < COLS; c++) {
			const char *text = i < 0 ? T(child_columns[c].en,
			    child_columns[c].vi) :
			    tui_list_cell(l, l->shown[i], c);

			tui_text(y, x, widths[c] < COLS - x ? widths[c] :
			    COLS - x, text, i < 0 ? TUI_HEADER : TUI_NORMAL);
			x += widths[c] + 2;
		}
	}
	if (l->nshown == 0)
		tui_text(y + 1, 2, COLS - 4, T("No child matches",
		    "Không có trẻ nào khớp"), TUI_NORMAL);
	snprintf(line, sizeof line, "/%s", rows->query);
	tui_text(LINES - 2, 1, COLS - 2, line, TUI_TITLE);
	ui->cursor_y = LINES - 2;
	ui->cursor_x = 1 + tui_width(line);
}

static const struct tui_keydef find_keys[] = {
	{ { TK_ENTER }, "Enter", "Keep", "Giữ kết quả", TUI_ACT_SELECT },
	{ { TK_ESC }, "Esc", "Show all", "Xem tất cả", TUI_ACT_BACK },
	{ .name = NULL }
};

/*
 * Reads search text letter by letter and narrows the list after each
 * change.  Enter or a navigation key keeps the result; Esc drops the
 * search.  Returns TUI_OK or TUI_END.
 */
static int
find(struct tui *ui, struct child_rows *rows)
{
	int key;

	for (;;) {
		size_t len = strlen(rows->query);

		if (tui_frame(ui, find_keys))
			draw_found(ui, rows);
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END)
			return TUI_END;
		if (key == TK_RESIZE || !tui_fits(ui))
			continue;
		if (key == TK_ENTER || key == TK(KEY_UP) ||
		    key == TK(KEY_DOWN) || key == TK(KEY_NPAGE) ||
		    key == TK(KEY_PPAGE))
			return TUI_OK;
		if (key == TK_ESC) {
			rows->query[0] = '\0';
		} else if (key == TK(KEY_BACKSPACE) || key == 127 ||
		    key == 8) {
			if (len == 0)
				continue;
			while (len > 0 &&
			    (rows->query[--len] & 0xC0) == 0x80)
				;
			rows->query[len] = '\0';
		} else if (key >= ' ') {
			char mb[MB_LEN_MAX];
			int n = wctomb(mb, (wchar_t)key);

			if (n <= 0 || len + (size_t)n >= sizeof rows->query)
				continue;
			memcpy(rows->query + len, mb, (size_t)n);
			rows->query[len + (size_t)n] = '\0';
		} else
			continue;
		ui->message[0] = '\0';
		rows->list.sel = 0;
		refresh_rows(ui, rows, false);
		set_heading(rows);
		if (key == TK_ESC)
			return TUI_OK;
	}
}

int
screen_child_list(struct tui *ui)
{
	struct tui_keydef keys[TUI_KEYS_MAX];
	struct child_rows rows;
	int rc = TUI_CANCEL;

	memset(&rows, 0, sizeof rows);
	tui_list_init(&rows.list, child_columns, NCOLS);
	rows.list.empty_en = "No children";
	rows.list.empty_vi = "Không có trẻ nào";
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	/* Offer only what the core allows: teachers edit, not re-class. */
	tui_keys_copy(child_keys, keys, TUI_KEYS_MAX);
	tui_keys_offer(keys, ACT_ADD, mn_child_may_write(ui->ctx, 0, 0));
	tui_keys_offer(keys, ACT_EDIT, mn_allowed(&ui->ctx->actor,
	    MN_ACT_CHILD_WRITE));
	tui_keys_offer(keys, ACT_STATUS, mn_allowed_all(&ui->ctx->actor,
	    MN_ACT_CHILD_WRITE));
	reload(ui, &rows);
	set_heading(&rows);
	reg_enter(ui, rows.heading);
	for (;;) {
		int action;

		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &rows.list, keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK && rows.query[0] != '\0') {
			rows.query[0] = '\0';
			set_heading(&rows);
		} else if (action == TUI_ACT_BACK) {
			break;
		} else if (action == ACT_FIND) {
			if (find(ui, &rows) == TUI_END) {
				rc = TUI_END;
				break;
			}
			continue;
		} else if (dispatch(ui, &rows, action) == TUI_END) {
			rc = TUI_END;
			break;
		} else if (ui->message[0] != '\0' && !ui->message_error) {
			/* A saved child may no longer match: show all. */
			rows.query[0] = '\0';
			set_heading(&rows);
		}
		reload(ui, &rows);
	}
	reg_leave(ui);
	tui_list_free(&rows.list);
	mn_child_index_free(&rows.index);
	free(rows.matches);
	free(rows.ids);
	free(rows.names);
	return rc;
}
