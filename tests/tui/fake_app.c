/*
 * fake_app: a small terminal program that the vtdrive self-test drives in
 * place of mamnon, so the driver can be checked on its own.
 *
 *   fake_app           curses screen: a Vietnamese title, a wide and a
 *                      combining character, a one-line input field, the
 *                      name of the last key and the terminal size.  Enter
 *                      shows the line, Esc shows a message, Ctrl-D exits
 *                      with status 3, the line "quit" exits with status 0.
 *   fake_app --plain   raw terminal without curses: asks the terminal for
 *                      its attributes (DA) and the cursor position (DSR),
 *                      shows the replies, then shows the bytes of each
 *                      read in hex; 'w' writes exactly 100 bytes plus
 *                      "\r\nWROTE\r\n", 'q' exits with status 0.
 *   fake_app --env     prints TERM and LANG and exits with status 0.
 *   fake_app --list STYLE
 *                      a menu between a status line and a key-help line,
 *                      both in reverse video.  Up and Down move the
 *                      selection, which STYLE draws as: "reverse" (the
 *                      whole row), "part" (reverse on the label only),
 *                      "marker" (a leading "▸", no attribute), "color"
 *                      (a background colour) or "none" (not drawn).
 *                      Enter shows the chosen label, 'q' exits with 0.
 */
#include <sys/types.h>

#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#define INPUT_MAX 200

static void
show_size(int row, const char *label)
{
	move(row, 0);
	clrtoeol();
	mvprintw(row, 0, "%s: %dx%d", label, COLS, LINES);
}

static void
draw(const wchar_t *input)
{
	erase();
	mvaddwstr(0, 2, L"Đăng nhập");
	show_size(1, "Kích thước");
	mvaddwstr(2, 0, L"Rộng: 中文|");
	/* "e" then U+0301: the terminal keeps both in one cell. */
	mvaddwstr(3, 0, L"Dấu rời: e\u0301|");
	move(4, 0);
	hline('=', 60);
	mvaddwstr(6, 0, L"Tên: ");
	addwstr(input);
}

static int
run_curses(void)
{
	wchar_t input[INPUT_MAX + 1] = L"";
	size_t len = 0;
	wint_t ch;
	int kind;

	initscr();
	raw();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	draw(input);
	for (;;) {
		move(6, 5 + wcswidth(input, INPUT_MAX));
		refresh();
		kind = get_wch(&ch);
		if (kind == ERR)
			continue;
		move(8, 0);
		clrtoeol();
		if (kind == KEY_CODE_YES)
			mvprintw(8, 0, "Phím: %s", keyname((int)ch));
		else if (ch < 0x80)
			mvprintw(8, 0, "Phím: %s", keyname((int)ch));
		else
			mvprintw(8, 0, "Phím: U+%04X", (unsigned)ch);

		if (kind == KEY_CODE_YES && ch == KEY_RESIZE) {
			draw(input);
			show_size(10, "Đổi kích thước");
		} else if (kind == OK && ch == 4) {
			endwin();
			return 3;
		} else if (kind == OK && ch == 27) {
			mvaddwstr(9, 0, L"Đã nhấn Esc");
			clrtoeol();
		} else if ((kind == OK && (ch == '\n' || ch == '\r')) ||
		    (kind == KEY_CODE_YES && ch == KEY_ENTER)) {
			if (wcscmp(input, L"quit") == 0) {
				endwin();
				return 0;
			}
			move(9, 0);
			clrtoeol();
			mvaddwstr(9, 0, L"Bạn nhập: ");
			addwstr(input);
			len = 0;
			input[0] = L'\0';
			move(6, 5);
			clrtoeol();
		} else if ((kind == KEY_CODE_YES && ch == KEY_BACKSPACE) ||
		    (kind == OK && (ch == 127 || ch == 8))) {
			if (len > 0)
				input[--len] = L'\0';
			move(6, 5);
			clrtoeol();
			addwstr(input);
		} else if (kind == OK && ch >= 0x20 && ch != 0x7f &&
		    len < INPUT_MAX) {
			input[len++] = (wchar_t)ch;
			input[len] = L'\0';
			mvaddwstr(6, 5, input);
		}
	}
}

static const wchar_t *const list_items[] = {
	L"Trẻ em", L"Lớp học", L"Nhật ký lớp", L"Nhật ký truy cập",
	L"Lớp học thêm", L"Dinh dưỡng", L"Đăng xuất",
};
#define LIST_COUNT ((int)(sizeof list_items / sizeof list_items[0]))
#define LIST_TOP 2

static void
draw_list(const char *style, int sel)
{
	for (int i = 0; i < LIST_COUNT; i++) {
		int y = LIST_TOP + i;
		attr_t attr = A_NORMAL;

		move(y, 0);
		clrtoeol();
		if (i == sel && strcmp(style, "marker") == 0)
			mvaddwstr(y, 0, L"\u25b8");
		if (i == sel && (strcmp(style, "reverse") == 0 ||
		    strcmp(style, "part") == 0))
			attr = A_REVERSE;
		else if (i == sel && strcmp(style, "color") == 0)
			attr = COLOR_PAIR(1);
		attron(attr);
		mvaddwstr(y, 2, list_items[i]);
		if (strcmp(style, "reverse") == 0 ||
		    strcmp(style, "color") == 0)
			for (int x = getcurx(stdscr); x < COLS; x++)
				addch(' ');
		attroff(attr);
	}
}

static int
run_list(const char *style)
{
	int sel = 0, ch;

	initscr();
	raw();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	if (has_colors() && start_color() == OK)
		init_pair(1, COLOR_BLACK, COLOR_CYAN);
	attron(A_REVERSE);
	mvaddwstr(0, 0, L"Trường Hoa Sen");
	for (int x = getcurx(stdscr); x < COLS; x++)
		addch(' ');
	mvaddwstr(LINES - 1, 0, L"Enter Chọn  q Thoát");
	for (int x = getcurx(stdscr); x < COLS - 1; x++)
		addch(' ');
	attroff(A_REVERSE);
	mvaddwstr(1, 0, L"Menu chính › Lớp học");
	for (;;) {
		draw_list(style, sel);
		refresh();
		ch = getch();
		if (ch == KEY_UP && sel > 0)
			sel--;
		else if (ch == KEY_DOWN && sel < LIST_COUNT - 1)
			sel++;
		else if (ch == '\r' || ch == '\n' || ch == KEY_ENTER) {
			move(LINES - 3, 0);
			clrtoeol();
			mvprintw(LINES - 3, 0, "Chọn: %ls", list_items[sel]);
		} else if (ch == 'q') {
			endwin();
			return 0;
		}
	}
}

/* Sends a query and stores the reply, up to and including end, in reply. */
static void
query(const char *ask, char end, char *reply, size_t size)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	size_t len = 0;

	reply[0] = '\0';
	if (write(STDOUT_FILENO, ask, strlen(ask)) < 0)
		return;
	while (len + 1 < size && poll(&pfd, 1, 3000) > 0) {
		char c;

		if (read(STDIN_FILENO, &c, 1) != 1)
			break;
		reply[len++] = c;
		reply[len] = '\0';
		if (c == end)
			break;
	}
}

/* Writes s with control characters shown as \e or \xNN. */
static void
print_visible(const char *label, const char *s)
{
	printf("%s: ", label);
	for (; *s != '\0'; s++) {
		if (*s == '\033')
			printf("\\e");
		else if ((unsigned char)*s < 0x20)
			printf("\\x%02x", (unsigned char)*s);
		else
			putchar(*s);
	}
	printf("\r\n");
}

static int
run_plain(void)
{
	struct termios saved, raw;
	char reply[64];
	unsigned char buf[64];
	ssize_t n;

	if (tcgetattr(STDIN_FILENO, &saved) < 0)
		return 1;
	raw = saved;
	cfmakeraw(&raw);
	tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	setvbuf(stdout, NULL, _IONBF, 0);

	query("\033[c", 'c', reply, sizeof reply);
	print_visible("DA", reply);
	query("\033[6n", 'R', reply, sizeof reply);
	print_visible("DSR", reply);
	printf("ready\r\n");

	while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0) {
		if (n == 1 && buf[0] == 'q')
			break;
		if (n == 1 && buf[0] == 'w') {
			char burst[100];

			memset(burst, '-', sizeof burst);
			fwrite(burst, 1, sizeof burst, stdout);
			printf("\r\nWROTE\r\n");
			continue;
		}
		printf("in:");
		for (ssize_t i = 0; i < n; i++)
			printf(" %02x", buf[i]);
		printf("\r\n");
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *term = getenv("TERM"), *lang = getenv("LANG");

	setlocale(LC_ALL, "");
	if (argc > 1 && strcmp(argv[1], "--env") == 0) {
		printf("TERM=%s\nLANG=%s\n", term ? term : "<unset>",
		    lang ? lang : "<unset>");
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "--plain") == 0)
		return run_plain();
	if (argc > 2 && strcmp(argv[1], "--list") == 0)
		return run_list(argv[2]);
	return run_curses();
}
