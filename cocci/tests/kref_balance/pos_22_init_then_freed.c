// SPDX-License-Identifier: GPL-2.0-only
/*
 * The first reference an init helper set holds even when the helper
 * failed: freeing the object instead of putting it skips its release
 * (the name it allocated leaks), and so does returning without either.
 */
#include "include/nobj.h"

struct widget *widget_create(struct nobj *parent, int level)
{
	struct widget *w = kzalloc(sizeof(*w), GFP_KERNEL);
	int ret;

	if (!w)
		return NULL;
	ret = nobj_setup_and_link(&w->nobj, parent, "widget");
	if (ret) {
		kfree(w);
		return NULL;
	}
	w->level = level;
	return w;
}

int widget_attach(struct nobj *parent, struct nobj **slot)
{
	struct nobj *n = kzalloc(sizeof(*n), GFP_KERNEL);

	if (!n)
		return -ENOMEM;
	if (nobj_setup_and_link(n, parent, "leaf"))
		return -EINVAL;
	*slot = n;
	return 0;
}

// expect: 16:7-26: [High] kref leak in widget_create(): reference on 'w' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 19
// expect: 31:5-24: [High] kref leak in widget_attach(): reference on 'n' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 32
