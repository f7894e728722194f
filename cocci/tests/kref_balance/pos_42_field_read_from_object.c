// SPDX-License-Identifier: GPL-2.0-only
/*
 * A field set from a call that reads the object (a property of a node),
 * not from one that converts the pointer: nothing is stored, and the
 * error return after it leaks the reference.
 */
#include "include/nobj.h"

struct widget_pdata {
	int level;
	bool quiet;
};

bool widget_read_flag(struct widget *w, const char *name);

int widget_parse(struct nobj *root, struct widget_pdata *pd)
{
	struct widget *w = widget_find(root, "config");

	if (!w)
		return -ENODEV;
	pd->quiet = widget_read_flag(w, "quiet");
	if (pd->quiet && w->level < 0)
		return -EINVAL;
	pd->level = w->level;
	widget_drop(w);
	return 0;
}

// expect: 18:20-31: [High] kref leak in widget_parse(): reference on 'w' taken by widget_find() is neither put nor handed off before the return at line 24
