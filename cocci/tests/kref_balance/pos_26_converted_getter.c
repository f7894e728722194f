// SPDX-License-Identifier: GPL-2.0-only
/*
 * A getter that returns the container of what another getter returned
 * (or NULL) hands its caller that reference: an error return between the
 * lookup and the put leaks it.
 */
#include "include/nobj.h"

int widget_set_level(struct nobj *root, const char *name, int level)
{
	struct widget *w = widget_find(root, name);

	if (!w)
		return -ENODEV;
	if (level > 9)
		return -EINVAL;
	w->level = level;
	widget_drop(w);
	return 0;
}

// expect: 11:20-31: [High] kref leak in widget_set_level(): reference on 'w' taken by widget_find() is neither put nor handed off before the return at line 16
