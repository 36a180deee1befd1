/*
 * Helpers shared by the register screens: dates as dd/mm/yyyy, sex
 * labels, field copies, the current school year and form errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tui/screen_reg.h"

void
reg_enter(struct tui *ui, const char *title)
{
	tui_enter(ui, title);
}

void
reg_leave(struct tui *ui)
{
	tui_leave(ui);
}

int
reg_help(struct tui *ui, const struct tui_keydef *keys)
{
	return tui_help_box(ui, keys, NULL);
}

void
reg_date_text(const struct mn_date *d, char *buf, size_t size)
{
	if (d->year == 0) {
		if (size > 0)
			buf[0] = '\0';
		return;
	}
	mn_date_format(d, buf, size);
}

int
reg_date_field(const struct tui_field *f, const char *field, bool optional,
    struct mn_date *d, struct mn_error *err)
{
	char *text = tui_field_get(f);
	int rc;

	if (text == NULL)
		return mn_fail(err, MN_ERR_NOMEM, field, "%s",
		    T("Out of memory", "Hết bộ nhớ"));
	memset(d, 0, sizeof *d);
	if (text[strspn(text, " ")] == '\0' && optional)
		rc = MN_OK;
	else
		rc = mn_date_parse(text, field, d, err);
	free(text);
	return rc;
}

int
reg_sex_field(const struct tui_field *f, const char *field, char *sex,
    struct mn_error *err)
{
	char *text = tui_field_get(f);
	char *folded = text != NULL ? mn_text_fold(text) : NULL;
	int rc = MN_OK;

	if (folded == NULL)
		rc = mn_fail(err, MN_ERR_NOMEM, field, "%s",
		    T("Out of memory", "Hết bộ nhớ"));
	else if (strcmp(folded, "nam") == 0 || strcmp(folded, "m") == 0 ||
	    strcmp(folded, "male") == 0)
		*sex = 'M';
	else if (strcmp(folded, "nu") == 0 || strcmp(folded, "f") == 0 ||
	    strcmp(folded, "female") == 0)
		*sex = 'F';
	else
		rc = mn_fail(err, MN_ERR_INVALID, field,
		    T("%s: '%s' is invalid; expected Nam or Nữ",
		    "%s: '%s' không hợp lệ; cần Nam hoặc Nữ"), field, text);
	free(folded);
	free(text);
	return rc;
}

const char *
reg_sex_label(char sex)
{
	if (sex == 'M')
		return T("Male", "Nam");
	if (sex == 'F')
		return T("Female", "Nữ");
	return "";
}

bool
reg_field_copy(const struct tui_field *f, char *buf, size_t size)
{
	char *text = tui_field_get(f);

	if (text == NULL)
		return false;
	snprintf(buf, size, "%s", text);
	free(text);
	return true;
}

int
reg_current_year(struct tui *ui, struct mn_school_year *year,
    struct mn_error *err)
{
	struct mn_date today;
	int rc;

	mn_date_today(&today);
	rc = mn_school_year_current(ui->ctx, &today, year, err);
	if (rc == MN_ERR_NOTFOUND)
		rc = mn_fail(err, rc, T("School year", "Năm học"), "%s",
		    T("School year: none is set up yet; the principal adds "
		    "it under School calendar", "Năm học: chưa có năm học "
		    "nào; hiệu trưởng thêm năm học ở mục Lịch năm học"));
	return rc;
}

void
reg_form_error(struct tui *ui, struct tui_form *form,
    const struct mn_error *err)
{
	tui_error(ui, "%s", err->message);
	tui_form_focus(form, err->field);
}
