/*
 * Reopen functions of the forms that keep drafts, declared from the
 * table in draft_kinds.def.  Each returns TUI_OK or TUI_CANCEL when the
 * user leaves the reopened form, or TUI_END when the session ends.
 * Describe functions name a draft's record for a person to read.
 */
#ifndef MN_TUI_DRAFT_KINDS_H
#define MN_TUI_DRAFT_KINDS_H

#include <stddef.h>

#include "tui/ui.h"

#define DRAFT_KIND(kind, en, vi, reopen) \
	int reopen(struct tui *ui, const char *record);
#define DRAFT_DESCRIBE(kind, describe) \
	void describe(struct tui *ui, const char *record, \
	    const struct tui_resume *draft, char *buf, size_t size);
#include "tui/draft_kinds.def"
#undef DRAFT_KIND
#undef DRAFT_DESCRIBE

#endif
