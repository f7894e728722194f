// SPDX-License-Identifier: GPL-2.0-only
/*
 * A pointer to the member taken before the init call gives the first
 * reference back only where it is put or returned: another failure path
 * that returns without it still leaks.
 */
#include "include/nobj.h"

static void widget_init_nobj(struct nobj *n)
{
	kref_init(&n->kref);
}

struct nobj *widget_new_checked(struct nobj *parent, int level)
{
	struct widget *w = kzalloc(sizeof(*w), GFP_KERNEL);
	struct nobj *n;

	if (!w)
		return NULL;
	n = &w->nobj;
	widget_init_nobj(&w->nobj);
	if (level < 0)
		return NULL;
	if (level > 9) {
		nobj_drop(n);
		return NULL;
	}
	return n;
}

// expect: 22:1-17: [Low] kref leak in widget_new_checked(): reference on 'w' taken by widget_init_nobj() is neither put nor handed off before the return at line 24
// expect-wrapper: init widget_init_nobj
