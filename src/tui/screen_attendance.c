/*
 * Attendance of one class on one school day: the class list with a mark
 * and a note per child, saved for the whole class in one call.  Every
 * child starts present.  When another account saved the same class-day
 * first, the differences are shown and the user keeps hers, takes
 * theirs or merges the two.  Also a child's month, opened with 'v'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/attendance.h"
#include "core/dailylog.h"
#include "core/registers.h"
#include "tui/grid.h"

enum {
	ACT_CYCLE = TUI_ACT_USER,
	ACT_PRESENT,
	ACT_EXCUSED,
	ACT_UNEXCUSED,
	ACT_LATE,
	ACT_NOTE,
	ACT_MONTH,
	ACT_DATE,
	ACT_CLASS,
	ACT_MINE,
	ACT_THEIRS,
	ACT_MERGE,
	ACT_PREV,
	ACT_NEXT,
};

static const struct tui_keydef sheet_keys[] = {
	{ { ' ', TK_ENTER }, "Space", "Change", "Đổi", ACT_CYCLE },
	{ { 'n', 'N' }, "n", "Note", "Ghi chú", ACT_NOTE },
	{ { TK(KEY_F(2)) }, "F2", "Save", "Lưu", TUI_ACT_SAVE },
	{ { 'v', 'V' }, "v", "Month", "Tháng", ACT_MONTH },
	{ { 'd', 'D' }, "d", "Day", "Ngày", ACT_DATE },
	{ { 'l', 'L' }, "l", "Class", "Lớp", ACT_CLASS },
	{ { TK_ESC }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ { 'x', 'X' }, "", NULL, NULL, ACT_PRESENT },
	{ { 'p', 'P' }, "", NULL, NULL, ACT_EXCUSED },
	{ { 'k', 'K' }, "", NULL, NULL, ACT_UNEXCUSED },
	{ { 'm', 'M' }, "", NULL, NULL, ACT_LATE },
	{ .name = NULL }
};

static const struct tui_keydef conflict_keys[] = {
	{ { '1' }, "1", "Keep mine", "Giữ bản của tôi", ACT_MINE },
	{ { '2' }, "2", "Take theirs", "Lấy bản của họ", ACT_THEIRS },
	{ { '3' }, "3", "Merge", "Gộp", ACT_MERGE },
	{ { TK_ESC }, "Esc", "Cancel", "Hủy", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

static const struct tui_column conflict_columns[] = {
	{ "Child", "Họ và tên", 26 },
	{ "Yours", "Của bạn", 24 },
	{ "Theirs", "Của người khác", 0 },
};

/* The class-day being edited. */
struct sheet {
	struct class_day cd;
	struct mn_attendance_day att;	/* the marks on screen */
	struct mn_attendance_day base;	/* as loaded, to merge against */
	char **warn;			/* per entry: health warning or NULL */
	bool loaded;
	bool resumed;			/* marks from a draft, not saved */
	int sel, top;
};

/* ---- Loading --------------------------------------------------------- */

static void
free_warnings(struct sheet *s)
{
	if (s->warn == NULL)
		return;
	for (size_t i = 0; i < s->att.count; i++)
		free(s->warn[i]);
	free(s->warn);
	s->warn = NULL;
}

static void
sheet_free(struct sheet *s)
{
	free_warnings(s);
	if (s->loaded) {
		mn_attendance_free(&s->att);
		mn_attendance_free(&s->base);
	}
	s->loaded = false;
}

static int
add_warning(const struct mn_child *c, void *arg)
{
	struct sheet *s = arg;
	char text[1024];

	if (c->allergies[0] == '\0' && c->chronic_conditions[0] == '\0')
		return MN_OK;
	for (size_t i = 0; i < s->att.count; i++) {
		if (s->att.entries[i].child_id != c->id || s->warn[i] != NULL)
			continue;
		if (c->allergies[0] != '\0' && c->chronic_conditions[0] != '\0')
			snprintf(text, sizeof text,
			    T("Allergies: %s; chronic: %s",
			    "Dị ứng: %s; bệnh mãn tính: %s"), c->allergies,
			    c->chronic_conditions);
		else if (c->allergies[0] != '\0')
			snprintf(text, sizeof text, T("Allergies: %s",
			    "Dị ứng: %s"), c->allergies);
		else
			snprintf(text, sizeof text, T("Chronic condition: %s",
			    "Bệnh mãn tính: %s"), c->chronic_conditions);
		s->warn[i] = strdup(text);
	}
	return MN_OK;
}

/*
 * Marks the children with allergies or chronic conditions.  A failure
 * only loses the marks, so it is not reported as an error.
 */
static void
load_warnings(struct tui *ui, struct sheet *s)
{
	struct mn_child_filter filter = {
		.school_year_id = s->cd.school_year_id,
		.class_code = s->cd.code,
	};
	struct mn_error err;

	s->warn = calloc(s->att.count ? s->att.count : 1, sizeof *s->warn);
	if (s->warn == NULL)
		return;
	mn_error_clear(&err);
	mn_child_list(ui->ctx, &filter, add_warning, s, &err);
}

static bool
same_children(const struct mn_attendance_day *a,
    const struct mn_attendance_day *b)
{
	if (a->count != b->count)
		return false;
	for (size_t i = 0; i < a->count; i++)
		if (a->entries[i].child_id != b->entries[i].child_id)
			return false;
	return true;
}

/* Loads the class-day; on failure the old sheet, if any, stays. */
static int
sheet_load(struct tui *ui, struct sheet *s, const struct class_day *cd,
    struct mn_error *err)
{
	struct mn_attendance_day att, base;
	int rc;

	rc = mn_attendance_load(ui->ctx, cd->class_id, &cd->day, &att, err);
	if (rc != MN_OK)
		return rc;
	if ((rc = mn_attendance_copy(&att, &base, err)) != MN_OK) {
		mn_attendance_free(&att);
		return rc;
	}
	/*
	 * The same children keep their health marks, so a save does not
	 * read the register (and audit a view) again.
	 */
	if (s->loaded && s->warn != NULL && s->cd.class_id == cd->class_id &&
	    same_children(&s->att, &att)) {
		mn_attendance_free(&s->att);
		mn_attendance_free(&s->base);
		s->att = att;
		s->base = base;
		s->cd = *cd;
		s->resumed = false;
		return MN_OK;
	}
	sheet_free(s);
	s->cd = *cd;
	s->att = att;
	s->base = base;
	s->loaded = true;
	s->resumed = false;
	if (s->sel >= (int)att.count)
		s->sel = att.count > 0 ? (int)att.count - 1 : 0;
	load_warnings(ui, s);
	return MN_OK;
}

/* True when the marks on screen differ from those loaded. */
static bool
sheet_changed(const struct sheet *s)
{
	if (!s->loaded)
		return false;
	if (s->resumed || s->att.count != s->base.count)
		return true;
	for (size_t i = 0; i < s->att.count; i++)
		if (s->att.entries[i].mark != s->base.entries[i].mark ||
		    strcmp(s->att.entries[i].note, s->base.entries[i].note) !=
		    0)
			return true;
	return false;
}

/* ---- Drawing --------------------------------------------------------- */

static void
draw_summary(struct tui *ui, const struct sheet *s, int y)
{
	char day[64], line[512], when[32];
	int present, enrolled, x;

	class_day_label(&s->att.day, day, sizeof day);
	mn_attendance_count(&s->att, &present, &enrolled);
	snprintf(line, sizeof line, T("Class %s  %s", "Lớp %s  %s"),
	    s->att.class_code, day);
	x = 1 + tui_text(y, 1, COLS - 2, line, TUI_TITLE);
	snprintf(line, sizeof line, T("Present: %d/%d", "Có mặt: %d/%d"),
	    present, enrolled);
	x += 2;
	if (x < COLS - 1)
		x += tui_text(y, x, COLS - 1 - x, line, TUI_HEADER);
	if (s->resumed)
		snprintf(line, sizeof line, "%s", T("draft, not saved yet",
		    "bản nháp, chưa lưu"));
	else if (sheet_changed(s))
		snprintf(line, sizeof line, "%s", T("not saved yet",
		    "chưa lưu"));
	else if (s->att.saved) {
		grid_local_time(s->att.changed_at, when, sizeof when);
		snprintf(line, sizeof line, T("saved by %s %s",
		    "đã lưu: %s %s"), s->att.changed_by, when);
	} else
		snprintf(line, sizeof line, "%s", T("not taken yet",
		    "chưa điểm danh"));
	x += 2;
	if (x < COLS - 1)
		tui_text(y, x, COLS - 1 - x, line, TUI_NORMAL);
}

/* Column positions of the class list. */
struct cols {
	int no, flag, code, name, mark, note, end;
};

static void
layout(struct cols *c)
{
	int widest = 0;

	c->no = 1;
	c->flag = c->no + 4;
	c->code = c->flag + 2;
	c->name = c->code + 11;
	/* The mark column fits the longest label of the language. */
	for (int m = 0; m < MN_MARK_COUNT; m++) {
		int w = 2 + tui_width(mn_mark_label((enum mn_mark)m));

		if (w > widest)
			widest = w;
	}
	c->mark = c->name + (COLS >= 100 ? 32 : 24);
	c->note = c->mark + widest + 2;
	c->end = COLS - 1;
}

static void
draw_header(const struct cols *c, int y)
{
	tui_text(y, 0, COLS, "", TUI_HEADER);
	tui_text(y, c->no, 3, T("No", "STT"), TUI_HEADER);
	tui_text(y, c->code, c->name - c->code - 1, T("Code", "Mã trẻ"),
	    TUI_HEADER);
	tui_text(y, c->name, c->mark - c->name - 1, T("Full name",
	    "Họ và tên"), TUI_HEADER);
	tui_text(y, c->mark, c->note - c->mark - 1, T("Attendance",
	    "Điểm danh"), TUI_HEADER);
	if (c->end > c->note)
		tui_text(y, c->note, c->end - c->note, T("Note", "Ghi chú"),
		    TUI_HEADER);
}

static void
draw_entry(const struct sheet *s, const struct cols *c, int y, int i)
{
	const struct mn_attendance_entry *e = &s->att.entries[i];
	enum tui_style style = TUI_NORMAL;
	enum tui_style mark_style = style;
	char no[16], mark[64];

	if (style == TUI_NORMAL && !mn_mark_is_present(e->mark))
		mark_style = TUI_ERROR;
	snprintf(no, sizeof no, "%3d", i + 1);
	snprintf(mark, sizeof mark, "%s %s", mn_mark_letter(e->mark),
	    mn_mark_label(e->mark));
	tui_text(y, 0, COLS, "", style);
	tui_text(y, c->no, 3, no, style);
	tui_text(y, c->flag, 1, s->warn != NULL && s->warn[i] != NULL ?
	    "!" : "", style == TUI_NORMAL ? TUI_ERROR : style);
	tui_text(y, c->code, c->name - c->code - 1, e->school_code, style);
	tui_text(y, c->name, c->mark - c->name - 1, e->full_name, style);
	tui_text(y, c->mark, c->note - c->mark - 1, mark, mark_style);
	if (c->end > c->note)
		tui_text(y, c->note, c->end - c->note, e->note, style);

	/* As in lists: a move rewrites a few cells, not two whole rows. */
	if (i == s->sel)
		tui_mark_selected(y, c->no, 3, no);
}

/* The line under the list: the selected child's health warning. */
static void
draw_detail(const struct sheet *s, int y)
{
	const char *w;

	if (s->att.count == 0)
		return;
	w = s->warn != NULL ? s->warn[s->sel] : NULL;
	if (w != NULL)
		tui_text(y, 1, COLS - 2, w, TUI_ERROR);
	else if (s->att.entries[s->sel].note[0] != '\0') {
		char line[1024];

		snprintf(line, sizeof line, T("Note: %s", "Ghi chú: %s"),
		    s->att.entries[s->sel].note);
		tui_text(y, 1, COLS - 2, line, TUI_NORMAL);
	}
}

static void
draw_sheet(struct tui *ui, struct sheet *s)
{
	struct cols c;
	int y = tui_body_top(), rows = grid_list_rows();

	layout(&c);
	if (s->sel >= (int)s->att.count)
		s->sel = s->att.count > 0 ? (int)s->att.count - 1 : 0;
	draw_summary(ui, s, y);
	draw_header(&c, y + 1);
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + rows)
		s->top = s->sel - rows + 1;
	for (int i = 0; i < rows && s->top + i < (int)s->att.count; i++)
		draw_entry(s, &c, y + 2 + i, s->top + i);
	if (s->att.count == 0)
		tui_text(y + 3, 2, COLS - 4, T("No child is in this class on "
		    "that day", "Không có trẻ nào trong lớp vào ngày này"),
		    TUI_NORMAL);
	draw_detail(s, LINES - 3);
}

/* ---- Editing --------------------------------------------------------- */

static void
draw_behind(struct tui *ui, void *arg)
{
	draw_sheet(ui, arg);
}

static bool
take_note(struct tui *ui, void *arg, const char *text)
{
	struct sheet *s = arg;
	struct mn_attendance_entry *e = &s->att.entries[s->sel];

	snprintf(e->note, sizeof e->note, "%s", text);
	return true;
}

/* Edits the selected child's note on the line under the list. */
static int
edit_note(struct tui *ui, struct sheet *s)
{
	struct grid_line line = {
		.prompt = T("Note: ", "Ghi chú: "),
		.hint = T("Enter: keep the note  Esc: cancel",
		    "Enter: ghi nhận  Esc: hủy"),
		.draw = draw_behind,
		.accept = take_note,
		.arg = s,
	};
	struct tui_field f;
	int rc;

	tui_field_init(&f, MN_ATT_NOTE_MAX, TUI_SHOW);
	tui_field_set(&f, s->att.entries[s->sel].note);
	rc = grid_edit_line(ui, &line, &f, NULL);
	tui_field_clear(&f);
	return rc;
}

static void
set_mark(struct sheet *s, enum mn_mark mark, bool advance)
{
	if (s->att.count == 0)
		return;
	s->att.entries[s->sel].mark = mark;
	if (advance && s->sel + 1 < (int)s->att.count)
		s->sel++;
}

/* ---- Saving and conflicts -------------------------------------------- */

static void
mark_text(const struct mn_attendance_entry *e, char *buf, size_t size)
{
	if (e == NULL)
		snprintf(buf, size, "%s", "—");
	else if (e->note[0] != '\0')
		snprintf(buf, size, "%s (%s)", mn_mark_label(e->mark), e->note);
	else
		snprintf(buf, size, "%s", mn_mark_label(e->mark));
}

static bool
entry_same(const struct mn_attendance_entry *a,
    const struct mn_attendance_entry *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->mark == b->mark && strcmp(a->note, b->note) == 0;
}

/* Lists the children whose marks differ; returns how many. */
static int
fill_differences(struct tui_list *list, struct sheet *s,
    struct mn_attendance_day *theirs)
{
	char mine_text[1024], their_text[1024];
	int n = 0;

	for (size_t i = 0; i < theirs->count; i++) {
		struct mn_attendance_entry *t = &theirs->entries[i];
		struct mn_attendance_entry *m = mn_attendance_entry(&s->att,
		    t->child_id);
		const char *cells[3];

		if (entry_same(m, t))
			continue;
		mark_text(m, mine_text, sizeof mine_text);
		mark_text(t, their_text, sizeof their_text);
		cells[0] = t->full_name;
		cells[1] = mine_text;
		cells[2] = their_text;
		tui_list_add(list, cells);
		n++;
	}
	for (size_t i = 0; i < s->att.count; i++) {
		struct mn_attendance_entry *m = &s->att.entries[i];
		const char *cells[3];

		if (mn_attendance_entry(theirs, m->child_id) != NULL)
			continue;
		mark_text(m, mine_text, sizeof mine_text);
		cells[0] = m->full_name;
		cells[1] = mine_text;
		cells[2] = T("(not in the class)", "(không còn trong lớp)");
		tui_list_add(list, cells);
		n++;
	}
	return n;
}

/* Replaces the marks on screen and the base with theirs. */
static int
take_theirs(struct sheet *s, struct mn_attendance_day *theirs,
    struct mn_error *err)
{
	struct mn_attendance_day copy;
	int rc;

	if ((rc = mn_attendance_copy(theirs, &copy, err)) != MN_OK)
		return rc;
	mn_attendance_free(&s->att);
	mn_attendance_free(&s->base);
	s->att = *theirs;
	s->base = copy;
	memset(theirs, 0, sizeof *theirs);
	free_warnings(s);
	s->resumed = false;
	return MN_OK;
}

/*
 * Shows what the other account saved and asks what to do.  Returns
 * ACT_MINE, ACT_THEIRS, ACT_MERGE, TUI_ACT_BACK or TUI_ACT_END.
 */
static int
ask_conflict(struct tui *ui, struct sheet *s, struct mn_attendance_day *theirs,
    const char *message)
{
	struct tui_list list;
	int act, n;

	tui_list_init(&list, conflict_columns, 3);
	n = fill_differences(&list, s, theirs);
	if (n == 0) {
		tui_list_free(&list);
		return ACT_MINE;	/* same values: nothing to lose */
	}
	tui_enter(ui, T("Saved by someone else", "Đã có người khác lưu"));
	for (;;) {
		tui_error(ui, "%s", message);
		act = tui_list_run(ui, &list, conflict_keys);
		if (act != TUI_ACT_NONE)
			break;
	}
	tui_leave(ui);
	tui_list_free(&list);
	return act;
}

static void
saved_message(struct tui *ui, const struct sheet *s)
{
	char day[16];
	int present, enrolled;

	mn_date_format(&s->att.day, day, sizeof day);
	mn_attendance_count(&s->att, &present, &enrolled);
	tui_message(ui, T("Saved the attendance of %s on %s: %d of %d "
	    "present", "Đã lưu điểm danh lớp %s ngày %s: có mặt %d/%d"),
	    s->att.class_code, day, present, enrolled);
}

/* Saves the class; on a conflict lets the user choose.  TUI_END ends. */
static int
save(struct tui *ui, struct sheet *s)
{
	struct mn_error err;

	for (;;) {
		struct mn_attendance_day theirs;
		char message[sizeof err.message];
		int rc, act, kept;

		memset(&theirs, 0, sizeof theirs);
		mn_error_clear(&err);
		rc = mn_attendance_save(ui->ctx, &s->att, &theirs, &err);
		if (rc == MN_OK) {
			struct class_day cd = s->cd;

			/* Reload for the new version and who saved it. */
			if (sheet_load(ui, s, &cd, &err) != MN_OK) {
				tui_error(ui, "%s", err.message);
				return TUI_OK;
			}
			saved_message(ui, s);
			return TUI_OK;
		}
		if (rc != MN_ERR_CONFLICT) {
			tui_error(ui, "%s", err.message);
			return TUI_OK;
		}
		snprintf(message, sizeof message, "%s", err.message);
		act = ask_conflict(ui, s, &theirs, message);
		switch (act) {
		case ACT_MINE:
			s->att.version = theirs.version;
			mn_attendance_free(&theirs);
			continue;
		case ACT_THEIRS:
			rc = take_theirs(s, &theirs, &err);
			mn_attendance_free(&theirs);
			if (rc != MN_OK) {
				tui_error(ui, "%s", err.message);
				return TUI_OK;
			}
			load_warnings(ui, s);
			tui_message(ui, "%s", T("Their marks are shown now; "
			    "nothing of yours was saved", "Đang hiện điểm danh "
			    "của người khác; bản của bạn chưa được lưu"));
			return TUI_OK;
		case ACT_MERGE:
			/* The count and MN_ERR_NOMEM overlap; status tells. */
			mn_error_clear(&err);
			kept = mn_attendance_merge(&s->att, &s->base, &theirs,
			    &err);
			if (err.status == MN_OK) {
				s->resumed = false;
				mn_attendance_free(&s->base);
				if (mn_attendance_copy(&theirs, &s->base, &err)
				    != MN_OK)
					mn_attendance_copy(&s->att, &s->base,
					    &err);
				free_warnings(s);
				load_warnings(ui, s);
				tui_message(ui, T("Merged; where both changed "
				    "a child (%d) yours was kept. Check, then "
				    "press F2 to save", "Đã gộp; trẻ mà cả hai "
				    "cùng sửa (%d) giữ theo bản của bạn. Hãy "
				    "kiểm tra rồi nhấn F2 để lưu"), kept);
			} else
				tui_error(ui, "%s", err.message);
			mn_attendance_free(&theirs);
			return TUI_OK;
		case TUI_ACT_END:
			mn_attendance_free(&theirs);
			return TUI_END;
		default:
			mn_attendance_free(&theirs);
			tui_message(ui, "%s", T("Not saved; press F2 to try "
			    "again", "Chưa lưu; nhấn F2 để thử lại"));
			return TUI_OK;
		}
	}
}

#define LEAVE_QUESTION T("The attendance is not saved. Discard the " \
    "changes?", "Điểm danh chưa được lưu. Bỏ các thay đổi?")

/* Opens a day from the top of the list (grid_open_day's loader). */
static int
load_day(struct tui *ui, void *arg, const struct class_day *cd,
    struct mn_error *err)
{
	struct sheet *s = arg;
	int rc;

	if ((rc = sheet_load(ui, s, cd, err)) != MN_OK)
		return rc;
	s->sel = s->top = 0;
	s->resumed = false;
	return MN_OK;
}

/* ---- Drafts ---------------------------------------------------------- */

#define DRAFT_KIND "attendance"

/*
 * Keeps the marks that differ from those loaded as a draft: one field
 * per child, "MARK|NOTE", and the class-day's version as it was read.
 */
static void
keep_draft(struct tui *ui, void *arg)
{
	const struct sheet *s = arg;
	struct grid_draft d;
	char key[MN_DRAFT_KEY_SIZE], version[24];

	if (!grid_draft_wanted(ui) || !sheet_changed(s))
		return;
	grid_draft_start(&d, ui, &s->cd);
	snprintf(version, sizeof version, "%lld", (long long)s->att.version);
	grid_draft_add(&d, "version", version);
	for (size_t i = 0; i < s->att.count; i++) {
		const struct mn_attendance_entry *e = &s->att.entries[i];
		const struct mn_attendance_entry *b = mn_attendance_entry(
		    (struct mn_attendance_day *)&s->base, e->child_id);
		const char *parts[2] = { mn_mark_name(e->mark), e->note };

		if (!s->resumed && entry_same(e, b))
			continue;
		grid_draft_add_child(&d, e->child_id, parts, 2);
	}
	grid_day_key(key, sizeof key, DRAFT_KIND, s->cd.class_id, &s->cd.day,
	    NULL);
	grid_draft_keep(ui, key, &d);
}

/*
 * Puts a resumed draft's marks on the sheet just loaded.  The version
 * is the one the draft was read at, so a save after someone else's
 * save meets the conflict instead of overwriting it.
 */
static void
apply_draft(struct tui *ui, void *arg)
{
	struct sheet *s = arg;
	char key[MN_DRAFT_KEY_SIZE], buf[4 * MN_ATT_NOTE_MAX + 64];
	char *parts[GRID_PARTS_MAX];
	const char *version;

	grid_day_key(key, sizeof key, DRAFT_KIND, s->cd.class_id, &s->cd.day,
	    NULL);
	if ((version = grid_resume_get(ui, key, "version")) == NULL)
		return;
	s->att.version = strtoll(version, NULL, 10);
	for (size_t i = 0; i < s->att.count; i++) {
		struct mn_attendance_entry *e = &s->att.entries[i];
		enum mn_mark mark;

		if (grid_resume_child(ui, key, e->child_id, buf, sizeof buf,
		    parts) != 2 || mn_mark_parse(parts[0], "mark", &mark,
		    NULL) != MN_OK)
			continue;
		e->mark = mark;
		snprintf(e->note, sizeof e->note, "%s", parts[1]);
	}
	s->resumed = true;
	tui_resume_free(ui);
}

static int
help(struct tui *ui)
{
	return tui_help_box(ui, sheet_keys, T("x: present, p: absent with "
	    "leave, k: absent without leave, m: late (each moves to the next "
	    "child)\nUp, Down, PgUp, PgDn, Home, End: move\n"
	    "Ctrl-S: save\n!: allergies or a chronic condition",
	    "x: có mặt, p: vắng có phép, k: vắng không phép, m: đi muộn "
	    "(rồi chuyển sang trẻ kế tiếp)\nLên, Xuống, PgUp, PgDn, Home, "
	    "End: di chuyển\nCtrl-S: lưu\n!: trẻ có dị ứng hoặc bệnh mãn "
	    "tính"));
}

/* Runs the class list until the user leaves. */
static int
run_sheet(struct tui *ui, void *arg, struct class_day *cd)
{
	struct sheet *s = arg;

	for (;;) {
		int key, act, rc;

		if (!grid_read_key(ui, sheet_keys, draw_behind, s, &key))
			continue;
		if (key == TK_END)
			return TUI_END;
		if (grid_move(&s->sel, (int)s->att.count, key))
			continue;
		act = tui_key_action(sheet_keys, key);
		if (s->att.count == 0 && act >= ACT_CYCLE && act <= ACT_MONTH)
			continue;
		rc = TUI_OK;
		switch (act) {
		case ACT_CYCLE:
			set_mark(s, mn_mark_next(s->att.entries[s->sel].mark),
			    false);
			break;
		case ACT_PRESENT:
			set_mark(s, MN_MARK_PRESENT, true);
			break;
		case ACT_EXCUSED:
			set_mark(s, MN_MARK_EXCUSED, true);
			break;
		case ACT_UNEXCUSED:
			set_mark(s, MN_MARK_UNEXCUSED, true);
			break;
		case ACT_LATE:
			set_mark(s, MN_MARK_LATE, true);
			break;
		case ACT_NOTE:
			rc = edit_note(ui, s);
			break;
		case TUI_ACT_SAVE:
			rc = save(ui, s);
			break;
		case ACT_MONTH:
			rc = screen_child_month(ui,
			    s->att.entries[s->sel].child_id,
			    s->att.entries[s->sel].full_name, &s->att.day);
			break;
		case ACT_DATE:
		case ACT_CLASS:
			rc = grid_change_day(ui, &(struct grid_loader){
			    load_day, s }, cd, &s->cd, act == ACT_CLASS,
			    sheet_changed(s), LEAVE_QUESTION);
			break;
		case TUI_ACT_HELP:
			rc = help(ui);
			break;
		case TUI_ACT_BACK:
			rc = grid_may_leave(ui, sheet_changed(s),
			    LEAVE_QUESTION);
			if (rc == TUI_OK)
				return TUI_OK;
			break;
		default:
			break;
		}
		if (rc == TUI_END)
			return TUI_END;
	}
}

static void
free_sheet(void *arg)
{
	sheet_free(arg);
}

/* Clears the sheet and fills gs with the screen's steps on it. */
static void
init_screen(struct grid_screen *gs, struct sheet *s)
{
	memset(s, 0, sizeof *s);
	*gs = (struct grid_screen){
		.loader = { load_day, s },
		.run = run_sheet,
		.apply_draft = apply_draft,
		.keep_draft = keep_draft,
		.free = free_sheet,
	};
}

int
screen_attendance(struct tui *ui)
{
	struct grid_screen gs;
	struct sheet s;

	init_screen(&gs, &s);
	return grid_screen_start(ui, &gs);
}

/* Opens the sheet of a draft "attendance:CLASS_ID:YYYY-MM-DD". */
int
attendance_reopen(struct tui *ui, const char *record)
{
	struct grid_screen gs;
	struct sheet s;

	init_screen(&gs, &s);
	return grid_reopen_day(ui, &gs, record);
}

/* ---- A child's month ------------------------------------------------- */

static const struct tui_column month_columns[] = {
	{ "Day", "Ngày", 10 },
	{ "Attendance", "Điểm danh", 16 },
	{ "Meals", "Bữa ăn", 20 },
	{ "Nap", "Ngủ", 7 },
	{ "Temp.", "Nh.độ", 5 },
	{ "Notes", "Ghi chú", 0 },
};

static const struct tui_keydef month_keys[] = {
	{ { TK_ENTER }, "Enter", "Day", "Xem ngày", TUI_ACT_SELECT },
	{ { TK(KEY_LEFT), '<' }, "←", "Earlier", "Tháng trước", ACT_PREV },
	{ { TK(KEY_RIGHT), '>' }, "→", "Later", "Tháng sau", ACT_NEXT },
	{ { TK_ESC }, "Esc", "Back", "Quay lại", TUI_ACT_BACK },
	{ { TK(KEY_F(1)), '?' }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/* "T6 04/12": the month view's narrow day column. */
static void
short_day(const struct mn_date *d, char *buf, size_t size)
{
	static const char *const en[7] = { "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat", "Sun" };
	static const char *const vi[7] = { "T2", "T3", "T4", "T5", "T6",
	    "T7", "CN" };
	int wd = mn_date_weekday(d);

	if (wd < 0 || wd > 6)
		wd = 0;
	snprintf(buf, size, "%s %02d/%02d", T(en[wd], vi[wd]), d->day,
	    d->month);
}

/* Joins the log's notes: symptoms, medicine, behaviour, learning. */
static void
log_notes(const struct mn_daily_log *log, char *buf, size_t size,
    const char *sep)
{
	const struct {
		const char *en, *vi, *text;
	} part[] = {
		{ "Symptoms", "Triệu chứng", log->symptoms },
		{ "Medicine", "Thuốc", log->medicine },
		{ "Behaviour", "Hành vi", log->behaviour },
		{ "Learning", "Học tập", log->learning },
	};
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof part / sizeof part[0]; i++) {
		int n;

		if (part[i].text[0] == '\0')
			continue;
		n = snprintf(buf + used, size - used, "%s%s: %s",
		    used > 0 ? sep : "", T(part[i].en, part[i].vi),
		    part[i].text);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

struct month {
	struct mn_child_month cm;
	struct mn_daily_log *logs;	/* per day of the month */
	int rows[31];			/* list row -> day index */
	int nrows;
};

static int
load_month(struct tui *ui, struct month *m, int64_t child_id, int year,
    int month, struct tui_list *list, struct mn_error *err)
{
	struct mn_date today;
	int rc;

	mn_date_today(&today);
	tui_list_clear(list);
	m->nrows = 0;
	rc = mn_attendance_child_month(ui->ctx, child_id, year, month, &m->cm,
	    err);
	if (rc != MN_OK)
		return rc;
	for (int d = 0; d < m->cm.days; d++) {
		struct mn_child_day *cday = &m->cm.day[d];
		struct mn_daily_log *log = &m->logs[d];
		char day[64], mark[256], meals[64], nap[16], temp[16];
		char notes[2048];
		const char *cells[6];

		memset(log, 0, sizeof *log);
		log->nap_minutes = -1;
		if (!cday->school_day || mn_date_cmp(&cday->day, &today) > 0)
			continue;
		if (cday->has_log && mn_dailylog_get(ui->ctx, child_id,
		    &cday->day, log, err) != MN_OK) {
			memset(log, 0, sizeof *log);
			log->nap_minutes = -1;
		}
		short_day(&cday->day, day, sizeof day);
		if (!cday->marked)
			snprintf(mark, sizeof mark, "%s",
			    T("not taken", "chưa điểm danh"));
		else
			mark_text(&(struct mn_attendance_entry){
			    .mark = cday->mark }, mark, sizeof mark);
		grid_meals_text(log, "-", meals, sizeof meals);
		if (log->nap_minutes >= 0)
			snprintf(nap, sizeof nap, T("%d min", "%d ph"),
			    log->nap_minutes);
		else
			nap[0] = '\0';
		if (log->temperature > 0)
			snprintf(temp, sizeof temp, "%.1f", log->temperature);
		else
			temp[0] = '\0';
		if (cday->marked && cday->note[0] != '\0')
			snprintf(notes, sizeof notes, "%s", cday->note);
		else
			log_notes(log, notes, sizeof notes, "; ");
		cells[0] = day;
		cells[1] = mark;
		cells[2] = cday->has_log ? meals : "";
		cells[3] = nap;
		cells[4] = temp;
		cells[5] = notes;
		if (tui_list_add(list, cells) != MN_OK)
			break;
		m->rows[m->nrows++] = d;
	}
	return MN_OK;
}

/* Shows one day in full: mark, note and the whole daily log. */
static int
show_day(struct tui *ui, const struct month *m, int d)
{
	const struct mn_child_day *cday = &m->cm.day[d];
	const struct mn_daily_log *log = &m->logs[d];
	char text[6000], day[64], mark[256], notes[4096];
	size_t used;

	class_day_label(&cday->day, day, sizeof day);
	if (cday->marked)
		mark_text(&(struct mn_attendance_entry){ .mark = cday->mark },
		    mark, sizeof mark);
	else
		snprintf(mark, sizeof mark, "%s", T("not taken",
		    "chưa điểm danh"));
	log_notes(log, notes, sizeof notes, "\n");
	used = (size_t)snprintf(text, sizeof text, "%s\n%s: %s%s%s\n", day,
	    T("Attendance", "Điểm danh"), mark, cday->note[0] ? " — " : "",
	    cday->note);
	for (int i = 0; i < MN_MEAL_COUNT && used < sizeof text; i++) {
		int n = snprintf(text + used, sizeof text - used, "%s: %s\n",
		    mn_meal_label((enum mn_meal)i),
		    mn_intake_label(log->meals[i]));

		if (n < 0)
			break;
		used += (size_t)n;
	}
	if (used < sizeof text)
		snprintf(text + used, sizeof text - used, "%s", notes);
	return tui_msgbox(ui, text);
}

int
screen_child_month(struct tui *ui, int64_t child_id, const char *name,
    const struct mn_date *day)
{
	struct tui_list list;
	struct month m;
	struct mn_error err;
	char title[512];
	int year = day->year, month = day->month, rc = TUI_OK;

	memset(&m, 0, sizeof m);
	if ((m.logs = calloc(31, sizeof *m.logs)) == NULL) {
		tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
		return TUI_OK;
	}
	tui_list_init(&list, month_columns, 6);
	list.empty_en = "No school day in this month so far";
	list.empty_vi = "Tháng này chưa có ngày học nào";
	title[0] = '\0';
	tui_enter(ui, title);
	for (bool reload = true;;) {
		int act, row;

		if (reload) {
			mn_error_clear(&err);
			if (load_month(ui, &m, child_id, year, month, &list,
			    &err) != MN_OK) {
				tui_error(ui, "%s", err.message);
				memset(&m.cm, 0, sizeof m.cm);
			}
			snprintf(title, sizeof title, T("%s, %02d/%d: present "
			    "%d, absent P %d K %d, late %d",
			    "%s, %02d/%d: có mặt %d, vắng P %d K %d, "
			    "muộn %d"), name, month, year,
			    m.cm.present, m.cm.excused, m.cm.unexcused,
			    m.cm.late);
			reload = false;
		}
		act = tui_list_run(ui, &list, month_keys);
		row = tui_list_selected(&list);
		if (act == TUI_ACT_END) {
			rc = TUI_END;
			break;
		}
		if (act == TUI_ACT_BACK)
			break;
		if (act == ACT_PREV || act == ACT_NEXT) {
			month += act == ACT_PREV ? -1 : 1;
			if (month < 1) {
				month = 12;
				year--;
			} else if (month > 12) {
				month = 1;
				year++;
			}
			reload = true;
			continue;
		}
		if (act == TUI_ACT_SELECT && row >= 0 && row < m.nrows &&
		    show_day(ui, &m, m.rows[row]) == TUI_END) {
			rc = TUI_END;
			break;
		}
	}
	tui_leave(ui);
	tui_list_free(&list);
	free(m.logs);
	return rc;
}
