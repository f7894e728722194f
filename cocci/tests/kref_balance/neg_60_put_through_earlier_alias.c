// SPDX-License-Identifier: GPL-2.0-only
/*
 * A pointer to the member an init wrapper sets up, taken before the init
 * call, is the object: a put through it on the failure path, and a return
 * of it, give the first reference back (__nd_btt_create() sets
 * "dev = &nd_btt->dev" before device_initialize(&nd_btt->dev) and then
 * puts or returns dev).
 */
#include "include/nobj.h"

static void widget_init_nobj(struct nobj *n)
{
	kref_init(&n->kref);
}

struct nobj *widget_new(struct nobj *parent, int level)
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

// expect: none
// expect-wrapper: init widget_init_nobj
