/*
 * Key tables that depend on the actor: a screen copies its table and
 * takes out of the help line the keys the core would refuse.
 */
#ifndef MN_TUI_KEYS_H
#define MN_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/ui.h"

/* Upper bound on the entries of one screen's key table, end included. */
#define TUI_KEYS_MAX 16

/* Copies keys, up to and including the end entry, into out (cap). */
void tui_keys_copy(const struct tui_keydef *keys, struct tui_keydef *out,
    size_t cap);

/*
 * Hides the entry of action from the help line when allowed is false.
 * The key stays bound, so pressing it still reaches the screen, which
 * shows the core's refusal instead of doing nothing.
 */
void tui_keys_offer(struct tui_keydef *keys, int action, bool allowed);

#endif
