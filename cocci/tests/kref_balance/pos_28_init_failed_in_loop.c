// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init helper called in a loop: the return on its failure path leaks
 * the object it set up, although the same return is reached after the
 * helper succeeded, on the next turn of the loop.
 */
#include "include/nobj.h"

struct child {
	struct list_head list;
	struct nobj *nobj;
};

int widget_link_children(struct list_head *children, struct nobj *parent)
{
	struct child *c;
	int ret;

	list_for_each_entry(c, children, list) {
		c->nobj = kzalloc(sizeof(*c->nobj), GFP_KERNEL);
		if (!c->nobj)
			return -ENOMEM;
		ret = nobj_setup_and_link(c->nobj, parent, "child");
		if (ret < 0)
			return ret;
	}
	return 0;
}

// expect: 23:8-27: [High] kref leak in widget_link_children(): reference on 'c->nobj' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 25
