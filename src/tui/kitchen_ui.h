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

/* A key of a screen that needs a kitchen right. */
struct kui_key_right {
	int action;
	enum mn_kitchen_right right;
};

/*
 * Copies the rows of keys into out (at most max, ended like keys) but
 * drops each action listed in rights that mn_kitchen_may refuses the
 * actor, so the help line shows only keys the actor may use.
 */
void kui_filter_keys(const struct tui *ui, const struct tui_keydef *keys,
    const struct kui_key_right *rights, size_t nrights,
    struct tui_keydef *out, size_t max);

/* Decimals and largest value that kitchen number fields accept. */
#define KUI_DECIMALS 3
#define KUI_NUMBER_MAX 1e9
/* Largest sum of đồng a kitchen form reads; the core has tighter ones. */
#define KUI_MONEY_MAX 1000000000

/*
 * Writes the label of a form row in the interface language without a
 * trailing " (...)" hint, "Đơn giá (đồng)" giving "Đơn giá", for
 * naming the row in a message.  Returns buf.
 */
const char *kui_row_label(const struct tui_form_row *row, char *buf,
    size_t size);

/*
 * Parses a kitchen number with mn_parse_number ("1.000" is a thousand,
 * "1,5" and "1.5" one and a half) from 0 to KUI_NUMBER_MAX; the core
 * checks each field's own range.  Empty text gives NAN when
 * allow_empty.  Errors set err->field to field (the form row) and name
 * label, the field as the form shows it.
 */
int kui_parse_number(const char *text, const char *field, const char *label,
    bool allow_empty, double *value, struct mn_error *err);
/* Parses "a-b", "a-", "-b" or "" into a range (NAN: no bound). */
int kui_parse_range(const char *text, const char *field, const char *label,
    struct mn_range *r, struct mn_error *err);
/* Writes a range as kui_parse_range reads it, "" for no bound. */
void kui_range_text(const struct mn_range *r, char *buf, size_t size);
/* Writes a number for a form field: up to 3 decimals after ',', no
 * grouping, so kui_parse_number reads it back unchanged. */
void kui_plain_number(double value, char *buf, size_t size);

/*
 * Lets the user pick a food of the table with search.  TUI_OK sets
 * *code; TUI_CANCEL when the user goes back.
 */
int kui_pick_food(struct tui *ui, const char *title, int *code);
/*
 * Lets the user pick an active supplier, or "none" (*id 0, name "").
 * TUI_OK sets *id and copies the name into name.
 */
int kui_pick_supplier(struct tui *ui, const char *title, int64_t *id,
    char *name, size_t size);

/*
 * Reopens a kitchen form from its draft; record is the part of the
 * form key after "kitchen:" ("food:90010", "check:2026-12-04").
 */
int kitchen_form_reopen(struct tui *ui, const char *record);

/* Reopen the forms of each kitchen screen; record as above. */
int kitchen_dish_reopen(struct tui *ui, const char *record);
int kitchen_food_reopen(struct tui *ui, const char *record);
int kitchen_supplier_reopen(struct tui *ui, const char *record);
int kitchen_requirement_reopen(struct tui *ui, const char *record);
int kitchen_market_reopen(struct tui *ui, const char *record);
int kitchen_safety_reopen(struct tui *ui, const char *record);
int kitchen_fee_reopen(struct tui *ui, const char *record);

/*
 * Runs a kitchen list screen titled title until Back (TUI_CANCEL) or the
 * end of the session (TUI_END).  Before each round, reload fills the
 * screen's rows, sets the minimum size and returns the list to show.
 * act handles every other action and returns TUI_END to end the
 * session.  title may be a buffer that reload rewrites.  The selection
 * keeps its row when reload returns the same list.
 */
int kui_list_loop(struct tui *ui, const char *title,
    const struct tui_keydef *keys,
    struct tui_list *(*reload)(struct tui *ui, void *arg),
    int (*act)(struct tui *ui, int action, void *arg), void *arg);

/* Minimum size: parents read on phones, staff need 80x24. */
void kui_set_minimum(struct tui *ui);

#endif
