// SPDX-License-Identifier: GPL-2.0-only
/*
 * The same init wrapper in two loops, on the objects of two lists: once
 * the first loop's call succeeded, its object is in the hierarchy and its
 * teardown puts it.  A failure in the second loop returns with the second
 * loop's object to undo, which that loop puts itself.
 */
#include "include/nobj.h"

struct bank {
	struct list_head list;
	struct nobj *nobj;
};

int banks_publish(struct list_head *mems, struct list_head *caches,
		  struct nobj *parent)
{
	struct bank *m, *c;
	int ret;

	list_for_each_entry(m, mems, list) {
		ret = nobj_setup_and_link(m->nobj, parent, "mem");
		if (ret < 0) {
			nobj_drop(m->nobj);
			return ret;
		}
	}
	list_for_each_entry(c, caches, list) {
		ret = nobj_setup_and_link(c->nobj, parent, "cache");
		if (ret < 0) {
			nobj_drop(c->nobj);
			return ret;
		}
	}
	return 0;
}

// expect: none
