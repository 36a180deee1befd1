/*
 * The terminfo check of mamnon --ssh, apart from cli_ssh.c because
 * <term.h> defines a macro for every capability name.
 */
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "cli/cli_ops.h"

/* Loads the entry quietly and frees it again; see cli_ops.h. */
bool
cli_terminal_usable(const char *name)
{
	const char *cup;
	int error = 0;
	bool usable;

	if (name == NULL || *name == '\0' || strlen(name) > 64 ||
	    setupterm(name, STDOUT_FILENO, &error) != OK)
		return false;
	cup = tigetstr("cup");
	usable = cup != NULL && cup != (const char *)-1;
	del_curterm(cur_term);
	return usable;
}
