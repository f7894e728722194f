// SPDX-License-Identifier: GPL-2.0-only
/*
 * The container of a getter's result, put on every path; and an accessor
 * that returns the container of a pointer it only borrowed (no getter
 * behind it), whose result the caller does not put.
 */
#include "include/nobj.h"

static struct widget *widget_parent(struct widget *w)
{
	struct nobj *n = w->nobj.parent;

	return n ? container_of(n, struct widget, nobj) : NULL;
}

int widget_copy_level(struct nobj *root, const char *name)
{
	struct widget *w = widget_find(root, name);
	struct widget *p;

	if (!w)
		return -ENODEV;
	p = widget_parent(w);
	if (!p) {
		widget_drop(w);
		return -EINVAL;
	}
	w->level = p->level;
	widget_drop(w);
	return 0;
}

// expect: none
