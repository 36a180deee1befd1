/*
 * Announcements.  A parent reads the school's and their children's
 * classes' announcements (40x15); opening one records the read
 * receipt.  Staff see every announcement with its reader count, post a
 * new one to the school or a class, and see who has read one (80x24).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/announce.h"
#include "core/date.h"
#include "core/registers.h"
#include "tui/draft_kinds.h"
#include "tui/keys.h"
#include "tui/screens.h"

enum {
	ACT_POST = TUI_ACT_USER,
};

static const struct tui_keydef parent_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Read", "Đọc",
	    TUI_ACT_SELECT },
	{ { TK_ESC, TK(KEY_LEFT) }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ .name = NULL }
};

static const struct tui_keydef staff_keys[] = {
	{ { TK_ENTER, TK(KEY_RIGHT) }, "Enter", "Open", "Xem",
	    TUI_ACT_SELECT },
	{ { 'n', TK(KEY_IC) }, "n", "Post", "Đăng mới", ACT_POST },
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

static const struct tui_column parent_columns[] = {
	{ "", "", 1 },
	{ "Date", "Ngày", 10 },
	{ "Title", "Tiêu đề", 0 },
};

static const struct tui_column staff_columns[] = {
	{ "Date", "Ngày", 10 },
	{ "To", "Gửi tới", 12 },
	{ "Read", "Đã đọc", 8 },
	{ "By", "Người đăng", 12 },
	{ "Title", "Tiêu đề", 0 },
};

/* One announcement kept for opening it from the list. */
struct item {
	int64_t id;
	char *text;		/* what the reader page shows */
};

struct rows {
	struct tui_list list;
	struct item *items;
	int n, cap;
	bool parent;
};

/* The school's day of a stored UTC time: a post at 01:00 local is today. */
static void
show_day(const char *utc, char *buf, size_t size)
{
	mn_time_local_day(utc, buf, size);
}

static int
add_item(const struct mn_announcement *a, void *arg)
{
	struct rows *rows = arg;
	char day[16], when[24], to[64], readers[32], *text = NULL;
	const char *cells[5];
	size_t size;
	FILE *f;

	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 32;
		struct item *grown = realloc(rows->items,
		    sizeof *grown * cap);

		if (grown == NULL)
			return 1;
		rows->items = grown;
		rows->cap = cap;
	}
	show_day(a->published_at, day, sizeof day);
	mn_time_local(a->published_at, when, sizeof when);
	if (a->class_id == 0)
		snprintf(to, sizeof to, "%s", T("whole school", "toàn trường"));
	else
		snprintf(to, sizeof to, "%s %s", T("class", "lớp"),
		    a->class_code);
	if ((f = open_memstream(&text, &size)) != NULL) {
		fprintf(f, "%s\n%s, %s\n\n%s\n", a->title, when, to,
		    a->body != NULL ? a->body : "");
		fclose(f);
	}
	if (rows->parent) {
		cells[0] = a->read_at[0] == '\0' ? "*" : "";
		cells[1] = day;
		cells[2] = a->title;
	} else {
		snprintf(readers, sizeof readers, "%d/%d", a->readers,
		    a->recipients);
		cells[0] = day;
		cells[1] = to;
		cells[2] = readers;
		cells[3] = a->author;
		cells[4] = a->title;
	}
	if (tui_list_add(&rows->list, cells) != MN_OK) {
		free(text);
		return 1;
	}
	rows->items[rows->n].id = a->id;
	rows->items[rows->n].text = text;
	rows->n++;
	return 0;
}

static void
clear_rows(struct rows *rows)
{
	for (int i = 0; i < rows->n; i++)
		free(rows->items[i].text);
	rows->n = 0;
	tui_list_clear(&rows->list);
}

static void
reload(struct tui *ui, struct rows *rows)
{
	struct mn_error err;
	int sel = rows->list.sel;

	clear_rows(rows);
	mn_error_clear(&err);
	if (mn_announce_list(ui->ctx, add_item, rows, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	if (sel < rows->list.nshown)
		rows->list.sel = sel;
}

/* Appends the read receipts of one announcement to a page of text. */
static int
add_receipt(const struct mn_announce_receipt *r, void *arg)
{
	FILE *f = arg;
	char day[24];

	if (r->read_at[0] != '\0')
		mn_time_local(r->read_at, day, sizeof day);
	fprintf(f, "%s %s: %s\n", r->login, r->full_name, r->read_at[0] !=
	    '\0' ? day : T("not read", "chưa đọc"));
	return 0;
}

static int
open_item(struct tui *ui, struct rows *rows, int row)
{
	struct item *it = &rows->items[row];
	struct mn_error err;
	char *text = NULL;
	size_t size;
	FILE *f;
	int action;

	mn_error_clear(&err);
	if (rows->parent) {
		if (mn_announce_mark_read(ui->ctx, it->id, &err) != MN_OK)
			tui_error(ui, "%s", err.message);
		action = screen_text(ui, it->text != NULL ? it->text : "",
		    read_keys);
		return action == TUI_ACT_END ? TUI_END : TUI_OK;
	}
	if ((f = open_memstream(&text, &size)) == NULL)
		return TUI_OK;
	fprintf(f, "%s\n%s\n", it->text != NULL ? it->text : "",
	    T("Read receipts:", "Phụ huynh đã đọc:"));
	if (mn_announce_receipts(ui->ctx, it->id, add_receipt, f, &err) !=
	    MN_OK)
		fprintf(f, "%s\n", err.message);
	fclose(f);
	action = screen_text(ui, text != NULL ? text : "", read_keys);
	free(text);
	return action == TUI_ACT_END ? TUI_END : TUI_OK;
}

struct class_choice {
	int64_t ids[64];
	char codes[64][MN_CLASS_CODE_MAX + 1];
	char labels[64][64];
	const char *names[64];
	int n;
};

static int
add_class(const struct mn_class *c, void *arg)
{
	struct class_choice *k = arg;

	if (k->n == 64)
		return 1;
	k->ids[k->n] = c->id;
	snprintf(k->codes[k->n], sizeof k->codes[k->n], "%s", c->code);
	snprintf(k->labels[k->n], sizeof k->labels[k->n], "%s %s",
	    T("Class", "Lớp"), c->code);
	k->names[k->n] = k->labels[k->n];
	k->n++;
	return 0;
}

/*
 * Asks where to post: the whole school (class_id 0, code "") or one
 * class this year.
 */
static int
choose_audience(struct tui *ui, int64_t *class_id, char *code, size_t size)
{
	struct class_choice *k = calloc(1, sizeof *k);
	struct mn_school_year year;
	struct mn_error err;
	struct mn_date today;
	int choice = 0, rc;

	if (k == NULL)
		return TUI_CANCEL;
	k->names[0] = T("Whole school", "Toàn trường");
	k->n = 1;
	mn_date_today(&today);
	mn_error_clear(&err);
	if (mn_school_year_current(ui->ctx, &today, &year, &err) == MN_OK)
		mn_class_list(ui->ctx, year.id, add_class, k, &err);
	rc = screen_choose(ui, T("Post to", "Gửi tới"), k->names, k->n,
	    &choice);
	if (rc == TUI_OK) {
		*class_id = k->ids[choice];
		snprintf(code, size, "%s", k->codes[choice]);
	}
	free(k);
	return rc;
}

/*
 * Writes an announcement to the school (class_id 0) or to the class
 * with code.  The form keeps a draft under "announcement:" or
 * "announcement:CODE".
 */
static int
post_form(struct tui *ui, int64_t class_id, const char *code)
{
	struct tui_form_row rows[] = {
		{ .name = "title", .en = "Title", .vi = "Tiêu đề" },
		{ .name = "body", .en = "Text", .vi = "Nội dung" },
	};
	struct tui_form form = { .rows = rows, .nrows = 2,
	    .enter_submits = true };
	struct mn_error err;
	char draft_key[MN_DRAFT_KEY_SIZE];
	int64_t id;
	int rc;

	snprintf(draft_key, sizeof draft_key, "announcement:%s", code);
	form.draft_key = draft_key;
	tui_field_init(&rows[0].field, MN_ANNOUNCE_TITLE_MAX, TUI_SHOW);
	tui_field_init(&rows[1].field, 500, TUI_SHOW);
	for (;;) {
		char *head, *body;

		if ((rc = tui_form_run(ui, &form)) != TUI_OK)
			return rc;
		head = tui_field_get(&rows[0].field);
		body = tui_field_get(&rows[1].field);
		mn_error_clear(&err);
		rc = mn_announce_post(ui->ctx, class_id, head != NULL ? head :
		    "", body != NULL ? body : "", &id, &err);
		free(head);
		free(body);
		if (rc == MN_OK) {
			tui_message(ui, "%s", T("Announcement posted",
			    "Đã đăng thông báo"));
			return TUI_OK;
		}
		tui_form_failed(ui, &form, &err);
	}
}

static int
post(struct tui *ui)
{
	char code[MN_CLASS_CODE_MAX + 1] = "";
	int64_t class_id = 0;
	int rc;

	if ((rc = choose_audience(ui, &class_id, code, sizeof code)) !=
	    TUI_OK)
		return rc;
	return post_form(ui, class_id, code);
}

/*
 * Reopens the announcement form of a draft: to the school for an empty
 * record, else to the class of that code in the current school year.
 */
int
announcement_reopen(struct tui *ui, const char *record)
{
	struct mn_school_year year;
	struct mn_class c;
	struct mn_error err;
	struct mn_date today;

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	if (record[0] == '\0')
		return post_form(ui, 0, "");
	mn_date_today(&today);
	mn_error_clear(&err);
	if (mn_school_year_current(ui->ctx, &today, &year, &err) != MN_OK ||
	    mn_class_get(ui->ctx, year.id, record, &c, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_CANCEL;
	}
	return post_form(ui, c.id, c.code);
}

int
screen_announcements(struct tui *ui)
{
	struct tui_keydef keys[TUI_KEYS_MAX];
	struct rows rows;
	int rc = TUI_CANCEL;

	memset(&rows, 0, sizeof rows);
	/* Staff who may write see every announcement; parents their own. */
	rows.parent = !mn_allowed(&ui->ctx->actor, MN_ACT_ANNOUNCE_WRITE);
	tui_keys_copy(rows.parent ? parent_keys : staff_keys, keys,
	    TUI_KEYS_MAX);
	if (rows.parent)
		tui_list_init(&rows.list, parent_columns, 3);
	else
		tui_list_init(&rows.list, staff_columns, 5);
	rows.list.empty_en = "No announcements.";
	rows.list.empty_vi = "Chưa có thông báo nào.";
	reload(ui, &rows);
	for (;;) {
		int action, row;

		screen_set_parent_minimum(ui);
		action = tui_list_run(ui, &rows.list, keys);
		if (action == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (action == TUI_ACT_BACK)
			break;
		if (action == ACT_POST && !rows.parent)
			rc = post(ui);
		else if ((row = tui_list_selected(&rows.list)) >= 0)
			rc = open_item(ui, &rows, row);
		if (rc == TUI_END)
			break;
		rc = TUI_CANCEL;
		reload(ui, &rows);
	}
	clear_rows(&rows);
	tui_list_free(&rows.list);
	free(rows.items);
	return rc;
}
