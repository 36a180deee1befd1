/*
 * Key tables that depend on the actor.
 */
#include "tui/keys.h"

void
tui_keys_copy(const struct tui_keydef *keys, struct tui_keydef *out,
    size_t cap)
{
	size_t i = 0;

	if (cap == 0)
		return;
	for (; i + 1 < cap && keys[i].keys[0] != 0; i++)
		out[i] = keys[i];
	/* A table too long for out is cut, and still ends. */
	out[i] = (struct tui_keydef){ .name = NULL };
}

void
tui_keys_offer(struct tui_keydef *keys, int action, bool allowed)
{
	if (allowed)
		return;
	for (size_t i = 0; keys[i].keys[0] != 0; i++)
		if (keys[i].action == action) {
			keys[i].name = "";
			keys[i].en = NULL;
			keys[i].vi = NULL;
		}
}
