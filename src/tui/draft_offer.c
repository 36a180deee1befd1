/*
 * Drafts at login: each draft of the account is offered with where its
 * form was and its date ("Nhân sự › Sửa hồ sơ cán bộ", then "Có bản
 * nháp chưa lưu từ DD/MM/YYYY HH:MM. Mở lại?").  Yes reopens
 * its form, which fills itself in from ui->resume (see form.c).  After
 * either reply the stored draft is deleted, and a session that ends in
 * the reopened form saves a new one.  A session that ends during the
 * question keeps the draft for the next login.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "core/drafts.h"
#include "core/text.h"
#include "tui/draft_kinds.h"

/* Drafts offered at one login; older ones wait for the next login. */
#define OFFER_MAX 8

/*
 * The screens that can reopen a draft, from draft_kinds.def.  A form
 * key is "KIND:RECORD" or "KIND"; reopen gets RECORD ("" when absent)
 * and opens the form whose draft_key is that same key.
 */
struct draft_kind {
	const char *kind;
	const char *en, *vi;	/* names the form on the title line */
	int (*reopen)(struct tui *ui, const char *record);
};

static const struct draft_kind kinds[] = {
#define DRAFT_KIND(kind, en, vi, reopen) { #kind, en, vi, reopen },
#define DRAFT_DESCRIBE(kind, describe)
#include "tui/draft_kinds.def"
#undef DRAFT_KIND
#undef DRAFT_DESCRIBE
};

/* Kinds that name their record for the title line (DRAFT_DESCRIBE). */
static const struct {
	const char *kind;
	void (*describe)(struct tui *ui, const char *record,
	    const struct tui_resume *draft, char *buf, size_t size);
} describers[] = {
#define DRAFT_KIND(kind, en, vi, reopen)
#define DRAFT_DESCRIBE(kind, describe) { #kind, describe },
#include "tui/draft_kinds.def"
#undef DRAFT_KIND
#undef DRAFT_DESCRIBE
};

#define DESCRIBER_COUNT ((int)(sizeof describers / sizeof describers[0]))

#define KIND_COUNT ((int)(sizeof kinds / sizeof kinds[0]))

/* Returns the kind of form_key and sets *record, or NULL if unknown. */
static const struct draft_kind *
find_kind(const char *form_key, const char **record)
{
	size_t len = strcspn(form_key, ":");

	*record = form_key[len] == ':' ? form_key + len + 1 : "";
	for (int i = 0; i < KIND_COUNT; i++)
		if (strlen(kinds[i].kind) == len &&
		    strncmp(kinds[i].kind, form_key, len) == 0)
			return &kinds[i];
	return NULL;
}

void
tui_resume_free(struct tui *ui)
{
	struct tui_resume *r = ui->resume;

	if (r == NULL)
		return;
	for (int i = 0; i < r->n; i++) {
		free(r->names[i]);
		free(r->values[i]);
	}
	free(r);
	ui->resume = NULL;
}

static int
add_value(const char *name, const char *value, void *arg)
{
	struct tui_resume *r = arg;

	if (r->n >= MN_DRAFT_FIELDS_MAX)
		return MN_OK;
	r->names[r->n] = strdup(name);
	r->values[r->n] = strdup(value);
	if (r->names[r->n] == NULL || r->values[r->n] == NULL) {
		free(r->names[r->n]);
		free(r->values[r->n]);
		return MN_ERR_NOMEM;
	}
	r->n++;
	return MN_OK;
}

/* Reads the draft into ui->resume; returns false after showing why not. */
static bool
load_resume(struct tui *ui, const struct mn_draft *d)
{
	struct mn_error err;

	tui_resume_free(ui);
	ui->resume = calloc(1, sizeof *ui->resume);
	if (ui->resume == NULL) {
		tui_error(ui, "%s", T("Out of memory", "Hết bộ nhớ"));
		return false;
	}
	memcpy(ui->resume->key, d->form_key, sizeof ui->resume->key);
	ui->resume->key[sizeof ui->resume->key - 1] = '\0';
	mn_error_clear(&err);
	if (mn_draft_load(ui->ctx, d->form_key, add_value, ui->resume, &err) !=
	    MN_OK) {
		tui_resume_free(ui);
		tui_error(ui, "%s", err.message[0] != '\0' ? err.message :
		    T("Out of memory", "Hết bộ nhớ"));
		return false;
	}
	return true;
}

/*
 * Writes the title line of a draft's offer: the form's name and, after
 * ": ", its record as the kind's describe function names it (which may
 * name a new record from the draft's values), else the record as the
 * form key holds it.
 */
static void
offer_title(struct tui *ui, const struct draft_kind *kind,
    const char *record, char *title, size_t size)
{
	char name[200] = "";

	for (int i = 0; i < DESCRIBER_COUNT; i++)
		if (strcmp(describers[i].kind, kind->kind) == 0)
			describers[i].describe(ui, record, ui->resume, name,
			    sizeof name);
	if (name[0] == '\0')
		mn_text_safe(record, name, sizeof name);
	snprintf(title, size, "%s%s%s", T(kind->en, kind->vi),
	    name[0] != '\0' ? ": " : "", name);
}

/*
 * Asks about one draft, naming the form on the title line and where it
 * was (MN_DRAFT_WHERE) above the question.  Returns TUI_END when the
 * session ends.
 */
static int
offer(struct tui *ui, const struct mn_draft *d)
{
	const struct draft_kind *kind;
	const char *record, *where;
	struct mn_error err;
	char question[512], title[256];
	bool reopen = false;
	int rc;

	kind = find_kind(d->form_key, &record);
	if (kind == NULL)
		syslog(LOG_WARNING, "draft %s of %s dropped: no screen opens "
		    "it", d->form_key, ui->ctx->actor.login);
	/* A draft that cannot be read is deleted, not offered forever. */
	if (kind != NULL && load_resume(ui, d)) {
		where = tui_resume_value(ui->resume, MN_DRAFT_WHERE);
		snprintf(question, sizeof question, T("%s%sUnsaved draft from "
		    "%s. Open it again?", "%s%sCó bản nháp chưa lưu từ %s. Mở "
		    "lại?"), where, where[0] != '\0' ? "\n" : "",
		    d->saved_local);
		/* The title line names the form, since there may be several. */
		offer_title(ui, kind, record, title, sizeof title);
		ui->depth = 0;
		tui_enter(ui, T("Unsaved draft", "Bản nháp chưa lưu"));
		tui_enter(ui, title);
		tui_frame(ui, NULL);
		rc = tui_confirm(ui, question, true);
		ui->depth = 0;
		if (rc == TUI_END) {
			/* The draft stays for the next login. */
			tui_resume_free(ui);
			return TUI_END;
		}
		reopen = rc == TUI_OK;
		if (!reopen)
			tui_resume_free(ui);
	}
	mn_error_clear(&err);
	if (mn_draft_delete(ui->ctx, d->form_key, &err) != MN_OK)
		tui_error(ui, "%s", err.message);
	if (!reopen)
		return TUI_OK;
	/* The form's name heads the path, as a menu entry would. */
	ui->depth = 0;
	tui_enter(ui, T(kind->en, kind->vi));
	rc = kind->reopen(ui, record);
	ui->depth = 0;
	tui_resume_free(ui);
	return rc == TUI_END ? TUI_END : TUI_OK;
}

/*
 * Offers the logged-in account's drafts, newest first.  Returns TUI_OK
 * when the menu may open, TUI_END when the session ends.
 */
int
tui_drafts_offer(struct tui *ui)
{
	struct mn_draft drafts[OFFER_MAX];
	struct mn_error err;
	int n = 0;

	mn_error_clear(&err);
	if (mn_draft_list(ui->ctx, drafts, OFFER_MAX, &n, &err) != MN_OK) {
		tui_error(ui, "%s", err.message);
		return TUI_OK;
	}
	for (int i = 0; i < n; i++)
		if (offer(ui, &drafts[i]) == TUI_END)
			return TUI_END;
	return TUI_OK;
}
