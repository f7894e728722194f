// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init helper that failed on an object reached from a global (a
 * static widget, a slot of a global table): the object outlives the
 * function, and a teardown the function does not show may put it, so the
 * leak is only Low.  (The same on a local object: pos_29.)
 */
#include "include/nobj.h"

static struct widget *boot_widgets[4];
static struct {
	struct widget *console;
} board;

int boot_widgets_register(struct nobj *parent)
{
	int i, error;

	for (i = 0; i < 4; i++) {
		error = nobj_setup_and_link(&boot_widgets[i]->nobj, parent, "boot");
		if (error)
			return error;
	}
	error = nobj_setup_and_link(&board.console->nobj, parent, "console");
	if (error)
		return error;
	return 0;
}

// expect: 20:10-29: [Low] kref leak in boot_widgets_register(): reference on 'boot_widgets [ i ]' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 22
// expect: 24:9-28: [Low] kref leak in boot_widgets_register(): reference on 'board.console' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 26
