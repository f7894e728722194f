// SPDX-License-Identifier: GPL-2.0-only
/*
 * A function that returns what a getter found after putting it returns
 * no reference (it only checked that the object exists): it is no
 * returning getter, and its callers have nothing to put.
 */
#include "include/nobj.h"

static struct widget *widget_find_level(struct nobj *root, const char *name,
					int *level)
{
	struct widget *w;

	w = widget_find(root, name);
	if (!w)
		return NULL;
	widget_drop(w);
	*level = w->level;
	return w;
}

int widget_check_level(struct nobj *root, const char *name)
{
	struct widget *w;
	int level;

	w = widget_find_level(root, name, &level);
	if (!w)
		return -ENOENT;
	if (level > 3)
		return -ERANGE;
	return 0;
}

// expect: none
