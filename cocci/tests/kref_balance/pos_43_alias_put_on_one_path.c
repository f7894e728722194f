// SPDX-License-Identifier: GPL-2.0-only
/*
 * A pointer to the member an init wrapper sets up, taken before the init
 * call, is the object: a put through it on a failure path, and a return
 * of it, give the first reference back (__nd_btt_create() sets
 * "dev = &nd_btt->dev" before device_initialize(&nd_btt->dev) and then
 * puts or returns dev).  Another failure path that returns without it
 * still leaks.
 */
#include "include/nobj.h"

static void widget_init_nobj(struct nobj *n)
{
	kref_init(&n->kref);
}

struct nobj *widget_new_aliased(struct nobj *parent, int level)
{
	struct widget *w = kzalloc(sizeof(*w), GFP_KERNEL);
	struct nobj *n;

	if (!w)
		return NULL;
	n = &w->nobj;
	n->parent = parent;
	widget_init_nobj(&w->nobj);
	if (level < 0) {
		nobj_drop(n);
		return NULL;
	}
	w->level = level;
	return n;
}

struct nobj *widget_new_aliased_checked(struct nobj *parent, int level)
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

// expect: 43:1-17: [Low] kref leak in widget_new_aliased_checked(): reference on 'w' taken by widget_init_nobj() is neither put nor handed off before the return at line 45
// expect-wrapper: init widget_init_nobj
