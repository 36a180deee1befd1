/*
 * Helpers shared by the health screens (weighing grid, child's page,
 * growth chart, round report, medical room): choosing a class and a
 * child, reading decimals typed with a comma or a point, and a
 * scrolling page of text lines.
 */
#ifndef MN_TUI_HEALTH_UI_H
#define MN_TUI_HEALTH_UI_H

#include "core/health.h"
#include "core/registers.h"
#include "tui/ui.h"

/*
 * Sets the screen title until the matching hui_leave, which gets the
 * value hui_enter returned.
 */
const char *hui_enter(struct tui *ui, const char *title);
void hui_leave(struct tui *ui, const char *saved);

/* Shows the help box of a key table. */
int hui_help(struct tui *ui, const struct tui_keydef *keys);

/*
 * Lets the user choose a class of the current school year (a teacher:
 * her own classes).  Returns TUI_OK with *out filled, TUI_CANCEL or
 * TUI_END.
 */
int hui_pick_class(struct tui *ui, struct mn_class *out);
/*
 * Fills out with the class class_id of the current school year when the
 * actor may pick it; false otherwise.
 */
bool hui_find_class(struct tui *ui, int64_t class_id, struct mn_class *out);

/*
 * Writes the code of the first class (in code order) of the current
 * school year that a class-scoped actor teaches, or "" for anyone else.
 */
void hui_own_class(struct tui *ui, char *code, size_t size);

/* Lets the user choose a child of class_code; as hui_pick_class. */
int hui_pick_child(struct tui *ui, const char *class_code,
    struct mn_child *out);

/* Chooses a class, then one of its children. */
int hui_pick_class_child(struct tui *ui, struct mn_child *out);

/*
 * Parses a decimal such as "12,5" or "12.5" (either separator, so the
 * locale does not matter).  "" gives 0 and true.  Returns false for any
 * other text.
 */
bool hui_parse_decimal(const char *text, double *out);

/* Formats x with one decimal and the interface's decimal separator. */
void hui_decimal(double x, char *buf, size_t size);

/* Formats a z-score with two decimals and a sign, or "-" for NAN. */
void hui_z(double z, char *buf, size_t size);

/* Formats a stored "YYYY-MM-DD" as dd/mm/yyyy (unchanged if not ISO). */
void hui_date(const char *iso, char *buf, size_t size);
/* Formats a stored "YYYY-MM-DD HH:MM" as "dd/mm/yyyy HH:MM". */
void hui_time(const char *iso, char *buf, size_t size);

/* Writes today's date as YYYY-MM-DD. */
void hui_today_iso(char buf[11]);

/* Short label of a category for a grid cell, "" for normal and none. */
const char *hui_category_short(int indicator, int category);

/*
 * Joins the short labels of a measurement's categories ("nhẹ cân, thấp
 * còi"), each label once; "" when every indicator is normal or none.
 */
void hui_categories(const int category[MN_INDICATOR_COUNT], char *buf,
    size_t size);

/* Copies text and pads it with blanks to width display cells. */
void hui_pad(const char *text, int width, char *buf, size_t size);

/* Short name of an indicator: "CN/T", "CC/T", "CN/CC", "BMI/T". */
const char *hui_indicator_short(int indicator);

/* Shows a child's health page until Esc (screen_child_health.c). */
int health_child_page(struct tui *ui, const struct mn_child *c);

/*
 * Medical room forms for one child (screen_medical.c).  Each runs until
 * the core accepts the values or the user cancels, showing the core's
 * message with the cursor on the field it names.
 */
int health_visit_form(struct tui *ui, const struct mn_child *c);
int health_checkup_form(struct tui *ui, const struct mn_child *c);
int health_medicine_form(struct tui *ui, const struct mn_child *c);
/* Logs a dose of one of the child's medicine requests. */
int health_dose_form(struct tui *ui, const struct mn_child *c);
int health_injury_form(struct tui *ui, const struct mn_child *c);
int health_vaccination_form(struct tui *ui, const struct mn_child *c);

/* Labels of the core's injury kinds, severities and vaccine sources. */
const char *health_injury_kind_label(int kind);
const char *health_severity_label(int severity);
const char *health_vaccine_source_label(int source);

/* One line of a text page. */
struct hui_line {
	char text[320];
	enum tui_style style;
};

struct hui_page {
	struct hui_line *lines;
	int count, cap;
	int top;
};

/* Appends a formatted line; lines that do not fit memory are dropped. */
void hui_add(struct hui_page *page, enum tui_style style, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));
void hui_page_free(struct hui_page *page);

/*
 * Shows the page with Up/Down/PgUp/PgDn/Home/End scrolling until a key
 * of the table fires; returns its action or TUI_ACT_END.  header lines
 * stay at the top while the rest scrolls.
 */
int hui_page_run(struct tui *ui, struct hui_page *page, int header,
    const struct tui_keydef *keys);

#endif
