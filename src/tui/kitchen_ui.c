/*
 * Helpers shared by the nutrition and kitchen screens.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/nutrition.h"
#include "tui/kitchen_ui.h"

/* Inserts '.' every three digits of the digits in text. */
static void
group_thousands(const char *digits, bool negative, char *buf, size_t size)
{
	size_t len = strlen(digits), used = 0;

	if (negative && used + 1 < size)
		buf[used++] = '-';
	for (size_t i = 0; i < len && used + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[used++] = '.';
		buf[used++] = digits[i];
	}
	buf[used] = '\0';
}

void
kui_money(int64_t amount, char *buf, size_t size)
{
	char digits[32];
	unsigned long long magnitude = amount < 0 ?
	    (unsigned long long)(-(amount + 1)) + 1 :
	    (unsigned long long)amount;

	snprintf(digits, sizeof digits, "%llu", magnitude);
	group_thousands(digits, amount < 0, buf, size);
}

void
kui_number(double value, int decimals, char *buf, size_t size)
{
	char text[64], whole[64], *dot;
	double r = mn_round_half_up(value, decimals);
	bool negative;

	snprintf(text, sizeof text, "%.*f", decimals, fabs(r));
	/* A value that rounds to zero prints without a sign. */
	negative = r < 0 && strtod(text, NULL) != 0;
	dot = strchr(text, '.');
	if (dot != NULL)
		*dot = '\0';
	group_thousands(text, negative, whole, sizeof whole);
	if (dot != NULL)
		snprintf(buf, size, "%s,%s", whole, dot + 1);
	else
		snprintf(buf, size, "%s", whole);
}

void
kui_day_label(const struct mn_date *d, char *buf, size_t size)
{
	static const char *const en[] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
	};
	static const char *const vi[] = {
		"Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "CN",
	};
	int w = mn_date_weekday(d);

	snprintf(buf, size, "%s %02d/%02d", T(en[w], vi[w]), d->day,
	    d->month);
}

void
kui_week_name(const struct mn_date *monday, char buf[9])
{
	struct mn_date thursday = *monday, jan4;
	long week1;

	kui_add_days(&thursday, 3);
	jan4 = (struct mn_date){ thursday.year, 1, 4 };
	week1 = mn_date_to_days(&jan4) - mn_date_weekday(&jan4);
	snprintf(buf, 9, "%04u-W%02u", (unsigned)thursday.year % 10000u,
	    (unsigned)((mn_date_to_days(monday) - week1) / 7 + 1) % 100u);
}

void
kui_add_days(struct mn_date *d, long days)
{
	mn_date_from_days(mn_date_to_days(d) + days, d);
}

void
kui_monday(struct mn_date *d)
{
	kui_add_days(d, -mn_date_weekday(d));
}

int
kui_ask(struct tui *ui, const char *title, const char *label_en,
    const char *label_vi, const char *initial, int max_letters, char **out)
{
	struct tui_form_row row = { .name = "value", .en = label_en,
	    .vi = label_vi };
	struct tui_form form = { .rows = &row, .nrows = 1,
	    .enter_submits = true, .quiet_cancel = true };
	int rc;

	*out = NULL;
	tui_field_init(&row.field, max_letters, TUI_SHOW);
	if (initial != NULL)
		tui_field_set(&row.field, initial);
	tui_enter(ui, title);
	rc = tui_form_run(ui, &form);
	tui_leave(ui);
	if (rc == TUI_OK && (*out = tui_field_get(&row.field)) == NULL)
		rc = TUI_CANCEL;
	return rc;
}

int
kui_ask_date(struct tui *ui, const char *title, struct mn_date *d)
{
	struct mn_error err;
	char initial[16], *text;
	int rc;

	mn_date_format(d, initial, sizeof initial);
	for (;;) {
		rc = kui_ask(ui, title, "Date (dd/mm/yyyy)",
		    "Ngày (dd/mm/yyyy)", initial, 10, &text);
		if (rc != TUI_OK)
			return rc;
		mn_error_clear(&err);
		rc = mn_date_parse(text, "date", d, &err);
		snprintf(initial, sizeof initial, "%s", text);
		free(text);
		if (rc == MN_OK)
			return TUI_OK;
		tui_error(ui, "%s", err.message);
	}
}

void
kui_set_minimum(struct tui *ui)
{
	if ((ui->ctx->actor.roles & ~MN_ROLE_PARENT) == 0)
		tui_set_minimum(ui, TUI_SMALL_COLS, TUI_SMALL_ROWS);
	else
		tui_set_minimum(ui, TUI_STAFF_COLS, TUI_STAFF_ROWS);
}
