/*
 * Draws a row of check boxes as a form does, for test_checks_wrap.sh:
 * the row's label at column 3, the boxes from two cells after it, the
 * cursor on the last box.  The bottom line reports the lines the row
 * takes.  Any key ends the program.
 *
 *     checks_app ROW_LABEL BOX_LABEL...
 */
#include <locale.h>
#include <stdio.h>

#include "tui/ui.h"

int
main(int argc, char **argv)
{
	struct tui_checks checks = { .n = 0 };
	int fx, width, cursor_y, cursor_x;

	if (argc < 3 || argc - 2 > TUI_OPTIONS_MAX) {
		fprintf(stderr, "usage: checks_app ROW_LABEL BOX_LABEL...\n");
		return 2;
	}
	for (int i = 2; i < argc; i++)
		checks.labels[checks.n++] = argv[i];
	checks.cursor = checks.n - 1;
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	fx = 3 + tui_width(argv[1]) + 2;
	width = COLS - fx - 1;
	tui_text(2, 3, tui_width(argv[1]), argv[1], TUI_NORMAL);
	cursor_x = tui_checks_draw(&checks, 2, fx, width, true, &cursor_y);
	mvprintw(LINES - 1, 0, "lines %d cursor %d,%d",
	    tui_checks_lines(&checks, width), cursor_y, cursor_x);
	refresh();
	getch();
	endwin();
	return 0;
}
