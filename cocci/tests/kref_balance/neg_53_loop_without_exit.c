// SPDX-License-Identifier: GPL-2.0-only
/*
 * A lookup, then a loop without exit that returns the object or moves on
 * to the next one, which drops it.  The closing brace of a function that
 * returns a value is never reached, so the reference does not leak there.
 */
#include "include/nobj.h"

struct widget *widget_next(struct nobj *root, struct widget *w);

struct widget *widget_first_ready(struct nobj *root, const char *name)
{
	struct widget *w;

	w = widget_find(root, name);
	if (!w)
		return NULL;
	while (1) {
		if (w->level > 0)
			return w;
		w = widget_next(root, w);
		if (!w)
			return NULL;
	}
}

// expect: none
