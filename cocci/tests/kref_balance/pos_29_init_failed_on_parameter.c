// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init helper sets up the caller's object: its first reference is
 * this function's own, and the path where the helper failed must put it
 * even though the object came from the caller.
 */
#include "include/nobj.h"

void widget_register(struct widget *w, struct nobj *parent)
{
	int error;

	error = nobj_setup_and_link(&w->nobj, parent, "widget");
	if (error)
		goto err_out;

	widget_announce(w);
	return;

err_out:
	pr_err("widget: cannot register\n");
}

// expect: 13:9-28: [Moderate] kref leak in widget_register(): reference on 'w' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 22
