// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init helper that succeeded has added the object to its parent: the
 * object lives in the hierarchy until whoever removes it puts it, here
 * through a pointer stored before the call (a per-CPU or global slot,
 * a field of a list entry).  Returns on the path where the helper
 * succeeded are no leak, even when a later step fails.
 */
#include "include/nobj.h"

static struct widget *current_widget;

int widget_publish(struct nobj *parent, int level)
{
	struct widget *w = kzalloc(sizeof(*w), GFP_KERNEL);
	int ret;

	if (!w)
		return -ENOMEM;
	current_widget = w;
	ret = nobj_setup_and_link(&w->nobj, parent, "widget");
	if (ret) {
		current_widget = NULL;
		nobj_drop(&w->nobj);
		return ret;
	}
	w->level = level;
	return 0;
}

struct child {
	struct list_head list;
	struct nobj *nobj;
};

int widget_add_children(struct list_head *children, struct nobj *parent)
{
	struct child *c;
	int ret;

	list_for_each_entry(c, children, list) {
		c->nobj = kzalloc(sizeof(*c->nobj), GFP_KERNEL);
		if (!c->nobj)
			return -ENOMEM;
		ret = nobj_setup_and_link(c->nobj, parent, "child");
		if (ret < 0) {
			nobj_drop(c->nobj);
			return ret;
		}
		ret = widget_level_file(c->nobj);
		if (ret < 0)
			return ret;
	}
	return 0;
}

// expect: none
