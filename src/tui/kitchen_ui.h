/*
 * Helpers shared by the nutrition and kitchen screens: numbers written
 * the Vietnamese way, day labels and small one-question forms.
 */
#ifndef MN_TUI_KITCHEN_UI_H
#define MN_TUI_KITCHEN_UI_H

#include "core/date.h"
#include "core/kitchen.h"
#include "tui/ui.h"

/* "8.964.420": whole đồng with '.' between thousands. */
void kui_money(int64_t amount, char *buf, size_t size);
/* "2,25": decimals after ',' and '.' between thousands. */
void kui_number(double value, int decimals, char *buf, size_t size);
/* "Thứ 2 30/11" in the interface language. */
void kui_day_label(const struct mn_date *d, char *buf, size_t size);
/* ISO week "YYYY-Www" of the week starting on monday. */
void kui_week_name(const struct mn_date *monday, char buf[9]);
/* Adds days to d (negative to go back). */
void kui_add_days(struct mn_date *d, long days);
/* The Monday of d's week. */
void kui_monday(struct mn_date *d);

/*
 * Asks one line of text with label, starting from initial.  Returns
 * TUI_OK with a malloc'ed *out, TUI_CANCEL or TUI_END.
 */
int kui_ask(struct tui *ui, const char *title, const char *label_en,
    const char *label_vi, const char *initial, int max_letters, char **out);
/* Asks a date as dd/mm/yyyy until it parses; TUI_OK fills d. */
int kui_ask_date(struct tui *ui, const char *title, struct mn_date *d);

/* Minimum size: parents read on phones, staff need 80x24. */
void kui_set_minimum(struct tui *ui);

#endif
