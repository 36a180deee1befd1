/*
 * Code the class grids share: moving over the class list, opening and
 * leaving a class-day, and keeping and reading back a grid's draft.
 * See grid.h for the draft's layout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "tui/grid.h"
#include "tui/draft_kinds.h"

/* ---- Class-day grids ------------------------------------------------- */

int
grid_list_rows(void)
{
	int rows = LINES - 7;

	return rows > 1 ? rows : 1;
}

bool
grid_move(int *sel, int n, int key)
{
	int page = grid_list_rows();

	switch (key) {
	case TK(KEY_UP):
		(*sel)--;
		break;
	case TK(KEY_DOWN):
		(*sel)++;
		break;
	case TK(KEY_PPAGE):
		*sel -= page;
		break;
	case TK(KEY_NPAGE):
		*sel += page;
		break;
	case TK(KEY_HOME):
		*sel = 0;
		break;
	case TK(KEY_END):
		*sel = n - 1;
		break;
	default:
		return false;
	}
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	return true;
}

int
grid_edit_line(struct tui *ui, const struct grid_line *l,
    struct tui_field *f, int *end_key)
{
	int key;

	for (;;) {
		int x;

		if (tui_frame(ui, NULL)) {
			l->draw(ui, l->arg);
			tui_text(LINES - 3, 0, COLS, "", TUI_NORMAL);
			x = 1 + tui_text(LINES - 3, 1, COLS - 2, l->prompt,
			    TUI_TITLE);
			ui->cursor_y = LINES - 3;
			ui->cursor_x = tui_field_draw(f, LINES - 3, x,
			    COLS - 1 - x, true);
			tui_text(LINES - 1, 1, COLS - 2, l->hint, TUI_NORMAL);
		}
		tui_refresh(ui);
		key = tui_key(ui);
		if (key == TK_END)
			return TUI_END;
		if (key == TK_RESIZE || !tui_fits(ui))
			continue;
		if (key == TK_ESC)
			return TUI_CANCEL;
		if (key == TK_ENTER || key == TK_TAB) {
			char *text = tui_field_get(f);
			bool taken;

			if (text == NULL) {
				tui_error(ui, "%s", T("Out of memory",
				    "Hết bộ nhớ"));
				continue;
			}
			taken = l->accept(ui, l->arg, text);
			free(text);
			if (!taken)
				continue;
			if (end_key != NULL)
				*end_key = key;
			return TUI_OK;
		}
		tui_field_key(f, key);
		tui_field_cut_notice(ui, f);
	}
}

int
grid_may_leave(struct tui *ui, bool changed, const char *question)
{
	if (!changed)
		return TUI_OK;
	return tui_confirm(ui, question, false);
}

int
grid_open_day(struct tui *ui, const struct grid_loader *l,
    struct class_day *cd, bool ask)
{
	struct mn_error err;
	int rc;

	for (;;) {
		if (ask && (rc = class_day_ask_date(ui, cd)) != TUI_OK)
			return rc;
		mn_error_clear(&err);
		if (l->load(ui, l->arg, cd, &err) == MN_OK)
			return TUI_OK;
		tui_error(ui, "%s", err.message);
		ask = true;
	}
}

int
grid_change_day(struct tui *ui, const struct grid_loader *l,
    struct class_day *cd, const struct class_day *open, bool pick_class,
    bool changed, const char *question)
{
	int rc;

	if ((rc = grid_may_leave(ui, changed, question)) != TUI_OK)
		return rc == TUI_END ? TUI_END : TUI_OK;
	if (pick_class) {
		if ((rc = class_day_pick_class(ui, cd)) == TUI_OK)
			rc = grid_open_day(ui, l, cd, false);
	} else
		rc = grid_open_day(ui, l, cd, true);
	*cd = *open;
	return rc == TUI_END ? TUI_END : TUI_OK;
}

int
grid_run_day(struct tui *ui, const struct grid_screen *gs,
    struct class_day *cd, bool resume, const char *part)
{
	struct mn_date day = cd->day;
	int rc;

	rc = grid_open_day(ui, &gs->loader, cd, false);
	if (rc == TUI_OK && resume && mn_date_cmp(&cd->day, &day) == 0) {
		gs->apply_draft(ui, gs->loader.arg);
		if (part[0] != '\0' && gs->open_part != NULL)
			rc = gs->open_part(ui, gs->loader.arg, part);
		if (rc != TUI_END)
			rc = TUI_OK;
	}
	if (rc == TUI_OK)
		rc = gs->run(ui, gs->loader.arg, cd);
	if (rc == TUI_END)
		gs->keep_draft(ui, gs->loader.arg);
	gs->free(gs->loader.arg);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

void
grid_draft_dropped(struct tui *ui)
{
	tui_error(ui, "%s", T("The class of this draft is no longer yours; "
	    "the draft was dropped", "Lớp của bản nháp này không còn thuộc "
	    "bạn; bản nháp đã bị bỏ"));
}

int
grid_reopen_day(struct tui *ui, const struct grid_screen *gs,
    const char *record)
{
	struct class_day cd;
	struct mn_date day;
	int64_t class_id;
	char part[32];

	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	if (!grid_day_record(record, &class_id, &day, part, sizeof part) ||
	    !class_day_find(ui, class_id, &cd)) {
		grid_draft_dropped(ui);
		return TUI_OK;
	}
	cd.day = day;
	return grid_run_day(ui, gs, &cd, true, part);
}

void
grid_local_time(const char *utc, char *buf, size_t size)
{
	mn_time_local_short(utc, buf, size);
}

/* ---- Drafts ---------------------------------------------------------- */

bool
grid_draft_wanted(const struct tui *ui)
{
	return ui->ctx->actor.account_id != 0 &&
	    (ui->end == TUI_END_HANGUP || ui->end == TUI_END_SIGNAL ||
	    ui->end == TUI_END_IDLE);
}

void
grid_draft_init(struct grid_draft *d, const struct tui *ui,
    const char *detail)
{
	int depth = ui->depth < TUI_PATH_MAX ? ui->depth : TUI_PATH_MAX;
	char where[240];
	size_t used = 0;

	memset(d, 0, sizeof *d);
	where[0] = '\0';
	for (int i = 0; i <= depth; i++) {
		const char *part = i < depth ? ui->path[i] : detail;
		const char *sep = used > 0 ? " › " : "";

		if (part == NULL || part[0] == '\0')
			continue;
		/* Whole parts only, so no UTF-8 sequence is cut. */
		if (used + strlen(sep) + strlen(part) >= sizeof where)
			break;
		used += (size_t)snprintf(where + used, sizeof where - used,
		    "%s%s", sep, part);
	}
	if (where[0] != '\0')
		grid_draft_add(d, MN_DRAFT_WHERE, where);
}

/* Characters (not bytes) of UTF-8 text. */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

void
grid_draft_add(struct grid_draft *d, const char *name, const char *value)
{
	/* One value over the limit would make mn_draft_save reject all. */
	if (utf8_chars(value) > MN_DRAFT_VALUE_MAX) {
		syslog(LOG_WARNING, "draft field %s: over %d characters, left "
		    "out", name, MN_DRAFT_VALUE_MAX);
		return;
	}
	if (d->n >= MN_DRAFT_FIELDS_MAX) {
		d->full = true;
		return;
	}
	snprintf(d->names[d->n], sizeof d->names[d->n], "%s", name);
	if ((d->values[d->n] = strdup(value)) != NULL)
		d->n++;
}

/*
 * Joins the parts with '|', putting '\' before a '|' or '\' inside a
 * part, so that notes may hold either.  Returns malloc'd text.
 */
static char *
join(const char *const *parts, int n)
{
	size_t len = 1;
	char *text, *p;

	for (int i = 0; i < n; i++)
		len += 2 * strlen(parts[i]) + 1;
	if ((text = malloc(len)) == NULL)
		return NULL;
	p = text;
	for (int i = 0; i < n; i++) {
		if (i > 0)
			*p++ = '|';
		for (const char *s = parts[i]; *s != '\0'; s++) {
			if (*s == '|' || *s == '\\')
				*p++ = '\\';
			*p++ = *s;
		}
	}
	*p = '\0';
	return text;
}

/* Splits text in place at unescaped '|'; returns the number of parts. */
static int
split(char *text, char **parts, int max)
{
	char *r = text, *w = text;
	int n = 0;

	if (max < 1)
		return 0;
	parts[n++] = w;
	for (; *r != '\0'; r++) {
		if (*r == '\\' && r[1] != '\0') {
			*w++ = *++r;
			continue;
		}
		if (*r == '|' && n < max) {
			*w++ = '\0';
			parts[n++] = w;
			continue;
		}
		*w++ = *r;
	}
	*w = '\0';
	return n;
}

void
grid_draft_add_child(struct grid_draft *d, int64_t child_id,
    const char *const *parts, int nparts)
{
	char name[24], *value = join(parts, nparts);

	if (value == NULL)
		return;
	snprintf(name, sizeof name, "c%lld", (long long)child_id);
	grid_draft_add(d, name, value);
	free(value);
}

void
grid_draft_keep(struct tui *ui, const char *key, struct grid_draft *d)
{
	struct mn_draft_field fields[MN_DRAFT_FIELDS_MAX];
	struct mn_error err;

	if (d->full)
		syslog(LOG_WARNING, "draft %s: more than %d fields, the rest "
		    "is lost", key, MN_DRAFT_FIELDS_MAX);
	for (int i = 0; i < d->n; i++) {
		fields[i].name = d->names[i];
		fields[i].value = d->values[i];
	}
	mn_error_clear(&err);
	if (d->n > 0 && mn_draft_save(ui->ctx, key, fields, d->n, &err) !=
	    MN_OK)
		syslog(LOG_WARNING, "draft %s lost: %s", key, err.message);
	for (int i = 0; i < d->n; i++)
		free(d->values[i]);
	d->n = 0;
}

void
grid_day_key(char *buf, size_t size, const char *kind, int64_t class_id,
    const struct mn_date *day, const char *suffix)
{
	char iso[16];

	mn_date_format_iso(day, iso, sizeof iso);
	snprintf(buf, size, "%s:%lld:%s%s%s", kind, (long long)class_id, iso,
	    suffix != NULL ? ":" : "", suffix != NULL ? suffix : "");
}

bool
grid_day_record(const char *record, int64_t *class_id, struct mn_date *day,
    char *suffix, size_t size)
{
	char iso[11], *end;
	long long id;

	id = strtoll(record, &end, 10);
	if (end == record || *end != ':' || id <= 0 || strlen(end + 1) < 10)
		return false;
	memcpy(iso, end + 1, 10);
	iso[10] = '\0';
	if (mn_date_parse_iso(iso, "day", day, NULL) != MN_OK)
		return false;
	end += 11;
	if (*end != '\0' && *end != ':')
		return false;
	if (suffix != NULL)
		snprintf(suffix, size, "%s", *end == ':' ? end + 1 : "");
	*class_id = id;
	return true;
}

const char *
grid_resume_get(const struct tui *ui, const char *key, const char *name)
{
	const struct tui_resume *r = ui->resume;

	if (r == NULL || strcmp(r->key, key) != 0)
		return NULL;
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->names[i], name) == 0)
			return r->values[i];
	return NULL;
}

int
grid_resume_child(const struct tui *ui, const char *key, int64_t child_id,
    char *buf, size_t size, char **parts)
{
	char name[24];
	const char *value;

	snprintf(name, sizeof name, "c%lld", (long long)child_id);
	if ((value = grid_resume_get(ui, key, name)) == NULL)
		return 0;
	snprintf(buf, size, "%s", value);
	return split(buf, parts, GRID_PARTS_MAX);
}

/* ---- Pieces of the attendance sheet and the daily log ---------------- */

int
grid_screen_start(struct tui *ui, const struct grid_screen *gs)
{
	struct class_day cd;
	int rc;

	memset(&cd, 0, sizeof cd);
	tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
	if ((rc = class_day_pick_class(ui, &cd)) != TUI_OK)
		return rc;
	return grid_run_day(ui, gs, &cd, false, "");
}

bool
grid_read_key(struct tui *ui, const struct tui_keydef *keys,
    void (*draw)(struct tui *, void *), void *arg, int *key)
{
	if (tui_frame(ui, keys))
		draw(ui, arg);
	tui_refresh(ui);
	*key = tui_key(ui);
	if (*key == TK_END)
		return true;
	return *key != TK_RESIZE && tui_fits(ui);
}

void
grid_draft_start(struct grid_draft *d, const struct tui *ui,
    const struct class_day *cd)
{
	char day[16], detail[96];

	mn_date_format(&cd->day, day, sizeof day);
	snprintf(detail, sizeof detail, T("Class %s, %s", "Lớp %s, ngày %s"),
	    cd->code, day);
	grid_draft_init(d, ui, detail);
}

const char *
grid_intake_text(enum mn_intake intake, const char *none)
{
	switch (intake) {
	case MN_INTAKE_ALL:
		return T("all", "hết");
	case MN_INTAKE_PART:
		return T("part", "phần");
	case MN_INTAKE_REFUSED:
		return T("none", "không");
	default:
		return none;
	}
}

void
grid_meals_text(const struct mn_daily_log *log, const char *none,
    char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int m = 0; m < MN_MEAL_COUNT && used < size; m++) {
		int n = snprintf(buf + used, size - used, "%s%s",
		    m > 0 ? "/" : "", grid_intake_text(log->meals[m], none));

		if (n < 0)
			return;
		used += (size_t)n;
	}
}

/* Names a draft "CLASS_ID:YYYY-MM-DD" by its class code and day. */
void
grid_day_describe(struct tui *ui, const char *record,
    const struct tui_resume *draft, char *buf, size_t size)
{
	struct class_day cd;
	struct mn_date day;
	int64_t class_id;
	char part[32], when[16];

	buf[0] = '\0';
	if (!grid_day_record(record, &class_id, &day, part, sizeof part) ||
	    !class_day_find(ui, class_id, &cd))
		return;
	mn_date_format(&day, when, sizeof when);
	snprintf(buf, size, T("class %s, %s", "lớp %s, %s"), cd.code, when);
}
