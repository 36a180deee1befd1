/*
 * Helpers shared by the register screens (children, classes, staff and
 * the school calendar).  Not for other screens.
 */
#ifndef MN_TUI_SCREEN_REG_H
#define MN_TUI_SCREEN_REG_H

#include "core/registers.h"
#include "tui/screens.h"

/*
 * Shows title on the title line until the matching reg_leave; calls
 * nest.  The title text is read again on each redraw, so a screen may
 * change a buffer it passed.  These and reg_help keep the register
 * screens apart from how the widget kit stores titles.
 */
void reg_enter(struct tui *ui, const char *title);
void reg_leave(struct tui *ui);
/* Shows the help box of a key table. */
int reg_help(struct tui *ui, const struct tui_keydef *keys);

/* Writes "dd/mm/yyyy", or "" for a date whose year is 0 (unknown). */
void reg_date_text(const struct mn_date *d, char *buf, size_t size);
/*
 * Parses a form field as dd/mm/yyyy; an empty field gives year 0 when
 * optional, else MN_ERR_INVALID naming field.
 */
int reg_date_field(const struct tui_field *f, const char *field,
    bool optional, struct mn_date *d, struct mn_error *err);
/* Reads "Nam"/"Nữ" (also M/F, with or without accents) into 'M'/'F'. */
int reg_sex_field(const struct tui_field *f, const char *field, char *sex,
    struct mn_error *err);
/* "Nam", "Nữ" or "" for a sex code. */
const char *reg_sex_label(char sex);
/* Copies a form field into a fixed buffer; false when out of memory. */
bool reg_field_copy(const struct tui_field *f, char *buf, size_t size);
/* Finds the school year of today; fills err when there is none. */
int reg_current_year(struct tui *ui, struct mn_school_year *year,
    struct mn_error *err);
/* Shows err on the message line and moves the cursor to its field. */
void reg_form_error(struct tui *ui, struct tui_form *form,
    const struct mn_error *err);

/*
 * Child forms, from the children list.  Both return TUI_OK after a save,
 * TUI_CANCEL when the user leaves without saving, or TUI_END.
 */
int child_add_form(struct tui *ui);
int child_edit_form(struct tui *ui, int64_t child_id);
/* Writes "! Dị ứng: ..." for a child with allergies or chronic
 * conditions the actor may see, else "". */
void child_warning(const struct mn_child *c, char *buf, size_t size);
/* Reopens a child form kept as a draft ("" for the add form, or an id). */
int child_form_reopen(struct tui *ui, const char *record);
void child_warning_text(const char *allergies, const char *chronic,
    char *buf, size_t size);
/* Shows one child's record (a "view" audit row) and offers edits. */
int child_view(struct tui *ui, int64_t child_id);
/* Asks for a new status, its date and reason, and records it. */
int child_status_form(struct tui *ui, int64_t child_id, const char *name);

#endif
