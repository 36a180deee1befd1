/*
 * The growth chart screen: one child's measurements against WHO's
 * curves, drawn from the text lines of core/chart.h.
 */
#ifndef MN_TUI_CHART_H
#define MN_TUI_CHART_H

#include "core/registers.h"
#include "tui/ui.h"

/*
 * True when the chart may use braille: the locale's codeset is UTF-8
 * and the terminal is not a vt100-like or Linux console, whose fonts
 * lack the braille block.
 */
bool tui_chart_braille(void);

/*
 * Shows the child's growth chart, starting with indicator (enum
 * mn_indicator); keys 1-4 switch indicator.  Returns TUI_CANCEL, or
 * TUI_END when the session ends.
 */
int screen_growth_chart(struct tui *ui, const struct mn_child *child,
    int indicator);

#endif
