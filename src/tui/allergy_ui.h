/*
 * The screen of a child's allergy links (screen_allergy.c).
 */
#ifndef MN_TUI_ALLERGY_UI_H
#define MN_TUI_ALLERGY_UI_H

#include "core/registers.h"
#include "tui/ui.h"

/*
 * Shows the child's allergies text and links until Esc.  The actors
 * with MN_ACT_ALLERGY_WRITE also add and remove links.  Returns
 * TUI_CANCEL, or TUI_END when the session ends.
 */
int screen_allergy_links(struct tui *ui, const struct mn_child *c);

#endif
