/*
 * Forms: labelled rows, each a one-line field or a row of check boxes.
 * Tab, Shift-Tab, Up, Down and Enter move between rows, F2 or Ctrl-S
 * saves, and Esc cancels after a confirmation when something changed.
 * The caller checks and stores the values.  When the core rejects them,
 * for any reason, the caller reports it with tui_form_failed and runs the
 * form again: a failed save never closes the form or loses its values.
 *
 * A form with a draft_key keeps its values as a draft when the session
 * ends inside it with unsaved changes, and takes a draft's values back
 * when ui->resume carries its key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>

#include "tui/ui.h"

#define NOTE_LINES 6
/* Draft field of form->version; "@" keeps it apart from row names. */
#define VERSION_FIELD "@version"
/* Bytes of the "@where" text that a draft keeps, including the NUL. */
#define WHERE_SIZE 240
/* Draft slots taken by VERSION_FIELD and MN_DRAFT_WHERE, not by rows. */
#define EXTRA_FIELDS 2

static const struct tui_keydef default_keys[] = {
	{ { TK_TAB, TK(KEY_DOWN) }, "Tab", "Next field", "Trường sau",
	    TUI_ACT_NEXT },
	{ { TK(KEY_BTAB), TK(KEY_UP) }, "", NULL, NULL, TUI_ACT_PREV },
	{ { TK_ENTER }, "", NULL, NULL, TUI_ACT_ENTER },
	{ { TK(KEY_F(2)) }, "F2", "Save", "Lưu", TUI_ACT_SAVE },
	{ { TK_ESC }, "Esc", "Cancel", "Hủy", TUI_ACT_BACK },
	{ { TK(KEY_F(1)) }, "F1", "Help", "Trợ giúp", TUI_ACT_HELP },
	{ .name = NULL }
};

/* Moves focus by step (+1 or -1) to the next row that can be edited. */
static void
move_focus(struct tui_form *form, int step)
{
	for (int i = 0; i < form->nrows; i++) {
		form->focus = (form->focus + step + form->nrows) % form->nrows;
		if (!form->rows[form->focus].readonly)
			return;
	}
}

static bool
on_last_row(const struct tui_form *form)
{
	for (int i = form->focus + 1; i < form->nrows; i++)
		if (!form->rows[i].readonly)
			return false;
	return true;
}

static bool
row_named(const struct tui_form_row *row, const char *name)
{
	return (row->name != NULL && strcmp(row->name, name) == 0) ||
	    strcasecmp(row->en, name) == 0 || strcasecmp(row->vi, name) == 0;
}

/*
 * Moves the cursor to the first editable row that a core error names,
 * by field name ("login") or by label, as text validators name fields.
 */
void
tui_form_focus(struct tui_form *form, const char *name)
{
	for (int i = 0; name != NULL && *name != '\0' && i < form->nrows;
	    i++)
		if (!form->rows[i].readonly && row_named(&form->rows[i],
		    name)) {
			form->focus = i;
			return;
		}
}

bool
tui_form_changed(const struct tui_form *form)
{
	for (int i = 0; i < form->nrows; i++)
		if (form->rows[i].field.changed ||
		    form->rows[i].checks.changed)
			return true;
	return false;
}

/*
 * Reports a failed save: the message on the message line and the cursor
 * on the row err names.  The values stay, and the caller runs the form
 * again, so nothing typed is lost whatever the failure (refused,
 * invalid, changed meanwhile, database busy or full).
 */
void
tui_form_failed(struct tui *ui, struct tui_form *form,
    const struct mn_error *err)
{
	tui_error(ui, "%s", err->message[0] != '\0' ? err->message :
	    T("Not saved", "Chưa lưu được"));
	tui_form_focus(form, err->field);
}

/* Clears every field, so typed passwords leave no copy behind. */
void
tui_form_wipe(struct tui_form *form)
{
	for (int i = 0; i < form->nrows; i++)
		tui_field_clear(&form->rows[i].field);
}

/* Draws one row's value from column fx; returns the lines it took. */
static int
draw_value(struct tui *ui, struct tui_form_row *row, int y, int fx,
    bool focus)
{
	int width = COLS - fx - 1, cx, cy = y;

	if (row->checks.n > 0) {
		cx = tui_checks_draw(&row->checks, y, fx, width, focus, &cy);
	} else if (row->readonly) {
		char *text = tui_field_get(&row->field);

		tui_text(y, fx, width, text, TUI_NORMAL);
		free(text);
		return 1;
	} else {
		if (width > row->field.max_letters + 1)
			width = row->field.max_letters + 1;
		cx = tui_field_draw(&row->field, y, fx, width, focus);
	}
	if (focus) {
		ui->cursor_y = cy;
		ui->cursor_x = cx;
	}
	return row->checks.n > 0 ? tui_checks_lines(&row->checks, width) : 1;
}

static void
draw_form(struct tui *ui, struct tui_form *form)
{
	char note[NOTE_LINES][256];
	int top = tui_body_top() + 1, gap, label_w = 0, x0, fx, y, lines = 0;

	if (form->heading != NULL) {
		tui_text_center(top, form->heading, TUI_TITLE);
		top += 2;
	}
	for (int i = 0; i < form->nrows; i++) {
		int w = tui_width(T(form->rows[i].en, form->rows[i].vi));

		if (w > label_w)
			label_w = w;
	}
	x0 = COLS >= TUI_STAFF_COLS ? 3 : 1;
	fx = x0 + label_w + 2;
	for (int i = 0; i < form->nrows; i++)
		lines += form->rows[i].checks.n > 0 ?
		    tui_checks_lines(&form->rows[i].checks, COLS - fx - 1) : 1;
	gap = top + lines + form->nrows < LINES - 2 - NOTE_LINES / 2 ? 2 : 1;
	y = top;
	for (int i = 0; i < form->nrows; i++) {
		struct tui_form_row *row = &form->rows[i];

		tui_text(y, x0, label_w, T(row->en, row->vi),
		    i == form->focus ? TUI_TITLE : TUI_NORMAL);
		y += draw_value(ui, row, y, fx, i == form->focus) - 1 + gap;
	}
	if (form->note == NULL)
		return;
	y++;
	for (int i = 0, n = tui_wrap(form->note, COLS - 2 * x0, note,
	    NOTE_LINES); i < n && y + i < LINES - 2; i++)
		tui_text(y + i, x0, COLS - 2 * x0, note[i], TUI_NORMAL);
}

/*
 * Rows a draft keeps: editable ones, except password fields (stars or
 * hidden), which never leave memory.
 */
static bool
draft_row(const struct tui_form_row *row)
{
	return !row->readonly &&
	    (row->checks.n > 0 || row->field.secret == TUI_SHOW);
}

/*
 * Collects the rows a draft keeps, over every page of a multi-page form,
 * into rows.  Returns their number.
 */
static int
draft_rows(struct tui_form *form, struct tui_form_row **rows)
{
	struct tui_form *pages = form;
	int npages = 1, n = 0;

	if (form->pages != NULL && form->npages > 0) {
		pages = form->pages;
		npages = form->npages;
	}
	for (int p = 0; p < npages; p++)
		for (int i = 0; i < pages[p].nrows; i++)
			if (draft_row(&pages[p].rows[i]) &&
			    n < MN_DRAFT_FIELDS_MAX - EXTRA_FIELDS)
				rows[n++] = &pages[p].rows[i];
	return n;
}

/* The form whose version a draft keeps: the first page of a group. */
static struct tui_form *
version_form(struct tui_form *form)
{
	return form->pages != NULL && form->npages > 0 ? form->pages : form;
}

/* True for a name made of ASCII lower-case letters, digits and '_'. */
static bool
is_identifier(const char *name)
{
	return name != NULL && name[0] != '\0' &&
	    name[strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_")] ==
	    '\0';
}

/*
 * The key of a row in a draft: its identifier; else its field name when
 * that is an identifier ("complaint"), not a label some screens
 * translate; else its English label.
 */
static const char *
row_key(const struct tui_form_row *row)
{
	if (row->id != NULL)
		return row->id;
	return is_identifier(row->name) ? row->name : row->en;
}

/* Drafts saved before rows had identifiers used the field name. */
static const char *
old_row_key(const struct tui_form_row *row)
{
	return row->name != NULL ? row->name : row->en;
}

/*
 * Writes the name rows[i] has in a draft, by key (row_key or
 * old_row_key), with "#i" added when an earlier row has the same name.
 */
static void
draft_name(struct tui_form_row **rows, int i,
    const char *(*key)(const struct tui_form_row *), char *buf, size_t size)
{
	for (int k = 0; k < i; k++)
		if (strcmp(key(rows[k]), key(rows[i])) == 0) {
			snprintf(buf, size, "%s#%d", key(rows[i]), i);
			return;
		}
	snprintf(buf, size, "%s", key(rows[i]));
}

/* True when a row a draft keeps differs from what the form opened with. */
static bool
draft_worthy(struct tui_form_row **rows, int n)
{
	for (int i = 0; i < n; i++)
		if (rows[i]->field.changed || rows[i]->checks.changed)
			return true;
	return false;
}

/* Returns the row's value as malloc'd text, or NULL without memory. */
static char *
draft_value(const struct tui_form_row *row)
{
	char *text;

	if (row->checks.n == 0)
		return tui_field_get(&row->field);
	if ((text = malloc(16)) != NULL)
		snprintf(text, 16, "%u", row->checks.checked);
	return text;
}

/*
 * Returns, as malloc'd text, where the form is for the offer at the next
 * login: the titles from the menu down and the form's heading, joined
 * by " › ".  NULL without memory.
 */
static char *
draft_where(const struct tui *ui, const struct tui_form *form)
{
	int depth = ui->depth < TUI_PATH_MAX ? ui->depth : TUI_PATH_MAX;
	char *where = malloc(WHERE_SIZE);
	size_t used = 0;

	if (where == NULL)
		return NULL;
	where[0] = '\0';
	for (int i = 0; i <= depth; i++) {
		const char *part = i < depth ? ui->path[i] : form->heading;
		const char *sep = used > 0 ? " › " : "";

		if (part == NULL || part[0] == '\0')
			continue;
		/* Whole parts only, so no UTF-8 sequence is cut. */
		if (used + strlen(sep) + strlen(part) >= WHERE_SIZE)
			break;
		used += (size_t)snprintf(where + used, WHERE_SIZE - used,
		    "%s%s", sep, part);
	}
	return where;
}

/*
 * Keeps the form's values as a draft when the session ends without the
 * user choosing it (hangup, SIGTERM or SIGINT, idle timeout).  A
 * failure goes to syslog only, because the terminal is gone or closing.
 */
static void
save_draft(struct tui *ui, struct tui_form *form)
{
	struct tui_form_row *rows[MN_DRAFT_FIELDS_MAX];
	struct mn_draft_field fields[MN_DRAFT_FIELDS_MAX];
	char names[MN_DRAFT_FIELDS_MAX][64], *values[MN_DRAFT_FIELDS_MAX];
	struct mn_error err;
	int64_t version = version_form(form)->version;
	int n;

	if (form->draft_key == NULL || ui->ctx->actor.account_id == 0 ||
	    (ui->end != TUI_END_HANGUP && ui->end != TUI_END_SIGNAL &&
	    ui->end != TUI_END_IDLE))
		return;
	n = draft_rows(form, rows);
	if (!draft_worthy(rows, n))
		return;
	for (int i = 0; i < n; i++) {
		draft_name(rows, i, row_key, names[i], sizeof names[i]);
		values[i] = draft_value(rows[i]);
	}
	/* draft_rows leaves the last two slots for the place and version. */
	snprintf(names[n], sizeof names[n], "%s", MN_DRAFT_WHERE);
	values[n++] = draft_where(ui, form);
	if (version != 0) {
		snprintf(names[n], sizeof names[n], "%s", VERSION_FIELD);
		if ((values[n] = malloc(24)) != NULL)
			snprintf(values[n], 24, "%lld", (long long)version);
		n++;
	}
	for (int i = 0; i < n; i++) {
		fields[i].name = names[i];
		fields[i].value = values[i] != NULL ? values[i] : "";
	}
	mn_error_clear(&err);
	if (mn_draft_save(ui->ctx, form->draft_key, fields, n, &err) != MN_OK)
		syslog(LOG_WARNING, "draft %s lost: %s", form->draft_key,
		    err.message);
	for (int i = 0; i < n; i++)
		free(values[i]);
}

static void
set_row(struct tui_form_row *row, const char *value)
{
	if (row->checks.n > 0) {
		row->checks.checked = (unsigned)strtoul(value, NULL, 10) &
		    ((1u << row->checks.n) - 1);
		row->checks.changed = true;
	} else {
		tui_field_set(&row->field, value);
		row->field.changed = true;
	}
}

/* The value a draft keeps under name, or NULL when it keeps none. */
static const char *
resume_find(const struct tui_resume *r, const char *name)
{
	for (int k = 0; k < r->n; k++)
		if (strcmp(r->names[k], name) == 0)
			return r->values[k];
	return NULL;
}

/* Returns the value a draft keeps under id, or "" when it keeps none. */
const char *
tui_resume_value(const struct tui_resume *r, const char *id)
{
	const char *value = r != NULL ? resume_find(r, id) : NULL;

	return value != NULL ? value : "";
}

/*
 * Fills the form, every page of a multi-page one, from ui->resume when
 * it contains this form's draft.  Rows are found by identifier, then,
 * for drafts written before rows had one, by field name.
 */
static void
apply_resume(struct tui *ui, struct tui_form *form)
{
	struct tui_resume *r = ui->resume;
	struct tui_form_row *rows[MN_DRAFT_FIELDS_MAX];
	const char *value;
	char name[64];
	int n;

	if (r == NULL || form->draft_key == NULL ||
	    strcmp(r->key, form->draft_key) != 0)
		return;
	for (int k = 0; k < r->n; k++)
		if (strcmp(r->names[k], VERSION_FIELD) == 0)
			version_form(form)->version = strtoll(r->values[k],
			    NULL, 10);
	n = draft_rows(form, rows);
	for (int i = 0; i < n; i++) {
		draft_name(rows, i, row_key, name, sizeof name);
		if ((value = resume_find(r, name)) == NULL) {
			draft_name(rows, i, old_row_key, name, sizeof name);
			value = resume_find(r, name);
		}
		if (value != NULL)
			set_row(rows[i], value);
	}
	tui_resume_free(ui);
}

static int
run_form(struct tui *ui, struct tui_form *form)
{
	const struct tui_keydef *keys = form->keys ? form->keys : default_keys;
	int key, rc;

	if (form->rows[form->focus].readonly)
		move_focus(form, 1);
	for (;;) {
		if (tui_frame(ui, keys))
			draw_form(ui, form);
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END)
			return TUI_END;
		if (key == TK_RESIZE || !tui_fits(ui))
			continue;
		switch (tui_key_action(keys, key)) {
		case TUI_ACT_NEXT:
			move_focus(form, 1);
			break;
		case TUI_ACT_PREV:
			move_focus(form, -1);
			break;
		case TUI_ACT_ENTER:
			if (form->enter_submits && on_last_row(form))
				return TUI_OK;
			move_focus(form, 1);
			break;
		case TUI_ACT_SAVE:
			return TUI_OK;
		case TUI_ACT_BACK:
			if (form->quiet_cancel || !tui_form_changed(form))
				return TUI_CANCEL;
			rc = tui_confirm(ui, T("Discard the changes?",
			    "Bỏ các thay đổi?"), false);
			if (rc != TUI_CANCEL)
				return rc == TUI_OK ? TUI_CANCEL : TUI_END;
			break;
		case TUI_ACT_HELP:
			rc = tui_help_box(ui, keys, T("Left, Right, Home, "
			    "End: move in the field", "Trái, Phải, Home, End: "
			    "di chuyển trong ô"));
			if (rc == TUI_END)
				return TUI_END;
			break;
		default:
			if (form->rows[form->focus].checks.n > 0) {
				tui_checks_key(&form->rows[form->focus].checks,
				    key);
				break;
			}
			tui_field_key(&form->rows[form->focus].field, key);
			tui_field_cut_notice(ui,
			    &form->rows[form->focus].field);
			break;
		}
	}
}

/*
 * Runs the form until the user saves (TUI_OK), cancels (TUI_CANCEL) or
 * the session ends (TUI_END).  Field contents stay in form->rows.  With
 * a draft_key, an ending session leaves the values as a draft.
 */
int
tui_form_run(struct tui *ui, struct tui_form *form)
{
	int rc;

	apply_resume(ui, form);
	rc = run_form(ui, form);
	if (rc == TUI_END)
		save_draft(ui, form);
	return rc;
}
