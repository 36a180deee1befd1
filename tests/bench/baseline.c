/*
 * The smallest ncurses program that opens the screen and waits: the
 * baseline the login screen's start time and memory are measured beside.
 */
#include <curses.h>
#include <locale.h>

int
main(void)
{
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	mvaddstr(0, 0, "ready");
	refresh();
	while (getch() != 'q')
		;
	endwin();
	return 0;
}
