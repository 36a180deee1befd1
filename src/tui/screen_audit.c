/*
 * The audit trail for the principal and the administrator: the newest
 * rows first, filtered by account, child code, date range and action.
 * Old and new values are shown only when the core returns them, which
 * it does for the principal.  Browsing is itself audited by the core.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/auditlog.h"
#include "core/date.h"
#include "core/parents.h"
#include "core/privacy.h"
#include "tui/screens.h"

/* Rows read per browse; the filter narrows older history. */
#define AUDIT_LIMIT 1000

enum {
	ACT_FILTER = TUI_ACT_USER,
};

static const struct tui_keydef audit_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Open", "Xem",
	    TUI_ACT_SELECT },
	{ { 'f' }, "f", "Filter", "Lọc", ACT_FILTER },
	{ { '/' }, "/", "Search", "Tìm", TUI_ACT_SEARCH },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_keydef read_keys[] = {
	{ { TK_ESC, TK(KEY_LEFT), TK_ENTER }, "Esc", "Back", "Quay lại",
	    TUI_ACT_BACK },
	{ .name = NULL }
};

static const struct tui_column audit_columns[] = {
	{ "Time (UTC)", "Thời điểm (UTC)", 19 },
	{ "Account", "Tài khoản", 12 },
	{ "Action", "Thao tác", 16 },
	{ "Record", "Bản ghi", 16 },
	{ "Detail", "Chi tiết", 0 },
};

#define NCOLS 5

/* The filter as typed, kept between runs of the form. */
struct filter_form {
	struct tui_form_row rows[5];
	char login[64], from[11], to[11], action[32];
	int64_t child_id;
};

struct rows {
	struct tui_list list;
	char **pages;		/* the detail page of each row */
	int n, cap;
};

static void
clear_rows(struct rows *rows)
{
	for (int i = 0; i < rows->n; i++)
		free(rows->pages[i]);
	rows->n = 0;
	tui_list_clear(&rows->list);
}

static int
add_entry(const struct mn_audit_entry *e, void *arg)
{
	struct rows *rows = arg;
	char record[64], at[24], *page = NULL;
	const char *cells[NCOLS];
	size_t size;
	FILE *f;

	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 64;
		char **grown = realloc(rows->pages, sizeof *grown * cap);

		if (grown == NULL)
			return 1;
		rows->pages = grown;
		rows->cap = cap;
	}
	snprintf(at, sizeof at, "%.19s", e->at);
	for (char *p = at; *p != '\0'; p++)
		if (*p == 'T')
			*p = ' ';
	if (e->table_name[0] != '\0' && e->row_id != 0)
		snprintf(record, sizeof record, "%s %lld", e->table_name,
		    (long long)e->row_id);
	else
		snprintf(record, sizeof record, "%s", e->table_name);
	if ((f = open_memstream(&page, &size)) != NULL) {
		fprintf(f, "#%lld %s\n", (long long)e->id, e->at);
		fprintf(f, "%s: %s (%s)\n", T("Account", "Tài khoản"),
		    e->login, e->source);
		fprintf(f, "%s: %s\n", T("Action", "Thao tác"), e->action);
		fprintf(f, "%s: %s\n", T("Record", "Bản ghi"), record);
		if (e->detail != NULL && e->detail[0] != '\0')
			fprintf(f, "%s: %s\n", T("Detail", "Chi tiết"),
			    e->detail);
		if (e->purged)
			fprintf(f, "%s\n", T("Values purged at the end of "
			    "their retention period.", "Giá trị đã được xóa "
			    "khi hết thời hạn lưu."));
		if (e->old_values != NULL)
			fprintf(f, "%s:\n%s\n", T("Old values", "Giá trị cũ"),
			    e->old_values);
		if (e->new_values != NULL)
			fprintf(f, "%s:\n%s\n", T("New values", "Giá trị mới"),
			    e->new_values);
		fclose(f);
	}
	cells[0] = at;
	cells[1] = e->login;
	cells[2] = e->action;
	cells[3] = record;
	cells[4] = e->detail != NULL ? e->detail : "";
	if (tui_list_add(&rows->list, cells) != MN_OK) {
		free(page);
		return 1;
	}
	rows->pages[rows->n++] = page;
	return 0;
}

static void
reload(struct tui *ui, struct rows *rows, const struct filter_form *ff)
{
	struct mn_audit_filter filter = {
		.login = ff->login[0] != '\0' ? ff->login : NULL,
		.child_id = ff->child_id,
		.from = ff->from[0] != '\0' ? ff->from : NULL,
		.to = ff->to[0] != '\0' ? ff->to : NULL,
		.action = ff->action[0] != '\0' ? ff->action : NULL,
		.with_values = mn_allowed(&ui->ctx->actor,
		    MN_ACT_AUDIT_VALUES),
		.limit = AUDIT_LIMIT,
	};
	struct mn_error err;

	clear_rows(rows);
	mn_error_clear(&err);
	if (mn_audit_browse(ui->ctx, &filter, add_entry, rows, &err) !=
	    MN_OK)
		tui_error(ui, "%s", err.message);
}

/* Reads "dd/mm/yyyy" (or "") into iso "YYYY-MM-DD" (or ""). */
static int
parse_day(const char *text, const char *field, char iso[11],
    struct mn_error *err)
{
	struct mn_date d;
	int rc;

	iso[0] = '\0';
	if (text == NULL || text[0] == '\0')
		return MN_OK;
	if ((rc = mn_date_parse(text, field, &d, err)) != MN_OK)
		return rc;
	mn_date_format_iso(&d, iso, 11);
	return MN_OK;
}

/* Runs the filter form until its values are valid or it is cancelled. */
static int
ask_filter(struct tui *ui, struct filter_form *ff)
{
	struct tui_form form = { .heading = T("Filter the audit trail",
	    "Lọc nhật ký truy cập"), .rows = ff->rows, .nrows = 5,
	    .enter_submits = true, .note = T("Leave a field empty to take "
	    "every value. Dates are dd/mm/yyyy.", "Để trống một trường để "
	    "lấy mọi giá trị. Ngày dạng dd/mm/yyyy.") };
	int rc;

	for (;;) {
		char *v[5];
		struct mn_error err;
		struct filter_form next = *ff;

		if ((rc = tui_form_run(ui, &form)) != TUI_OK)
			return rc;
		for (int i = 0; i < 5; i++)
			v[i] = tui_field_get(&ff->rows[i].field);
		mn_error_clear(&err);
		snprintf(next.login, sizeof next.login, "%s", v[0] ? v[0] :
		    "");
		snprintf(next.action, sizeof next.action, "%s", v[4] ? v[4] :
		    "");
		next.child_id = 0;
		rc = MN_OK;
		if (v[1] != NULL && v[1][0] != '\0')
			rc = mn_parent_find_child(ui->ctx, v[1],
			    &next.child_id, &err);
		if (rc == MN_OK)
			rc = parse_day(v[2], "from", next.from, &err);
		if (rc == MN_OK)
			rc = parse_day(v[3], "to", next.to, &err);
		for (int i = 0; i < 5; i++)
			free(v[i]);
		if (rc == MN_OK) {
			*ff = next;
			return TUI_OK;
		}
		tui_error(ui, "%s", err.message);
		tui_form_focus(&form, err.field);
	}
}

static void
init_filter(struct filter_form *ff)
{
	static const char *const labels[5][3] = {
		{ "login", "Account", "Tài khoản" },
		{ "child", "Child code", "Mã trẻ" },
		{ "from", "From", "Từ ngày" },
		{ "to", "To", "Đến ngày" },
		{ "action", "Action", "Thao tác" },
	};
	static const int widths[5] = { 32, 31, 10, 10, 31 };

	memset(ff, 0, sizeof *ff);
	for (int i = 0; i < 5; i++) {
		ff->rows[i].name = labels[i][0];
		ff->rows[i].en = labels[i][1];
		ff->rows[i].vi = labels[i][2];
		tui_field_init(&ff->rows[i].field, widths[i], TUI_SHOW);
	}
}

int
screen_audit(struct tui *ui)
{
	struct filter_form *ff = malloc(sizeof *ff);
	struct rows rows;
	int rc = TUI_CANCEL;

	if (ff == NULL)
		return TUI_CANCEL;
	init_filter(ff);
	memset(&rows, 0, sizeof rows);
	tui_list_init(&rows.list, audit_columns, NCOLS);
	rows.list.empty_en = "No audit rows match the filter.";
	rows.list.empty_vi = "Không có dòng nhật ký nào khớp bộ lọc.";
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	reload(ui, &rows, ff);
	for (;;) {
		int action, row;

		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
		action = tui_list_run(ui, &rows.list, audit_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == ACT_FILTER) {
			if ((rc = ask_filter(ui, ff)) == TUI_END)
				break;
			if (rc == TUI_OK)
				reload(ui, &rows, ff);
			continue;
		}
		if ((row = tui_list_selected(&rows.list)) < 0)
			continue;
		action = screen_text(ui, rows.pages[row] != NULL ?
		    rows.pages[row] : "", read_keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
	}
	clear_rows(&rows);
	tui_list_free(&rows.list);
	free(rows.pages);
	free(ff);
	return rc;
}
