// SPDX-License-Identifier: GPL-2.0-only
/*
 * A call only named like a put, on another member of the object an init
 * helper set up (destroy_work_on_stack(&x->w.work)), gives nothing back:
 * the failure path still leaks the first reference.
 */
#include "include/nobj.h"

struct gadget {
	struct widget widget;
	int id;
};

void destroy_work_on_stack(struct work_struct *work);

int gadget_create(struct nobj *parent, struct gadget **out)
{
	struct gadget *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int error;

	if (!g)
		return -ENOMEM;
	error = widget_publish_named(&g->widget, parent);
	if (error) {
		destroy_work_on_stack(&g->widget.work);
		kfree(g);
		return error;
	}
	*out = g;
	return 0;
}

// expect: 23:9-29: [High] kref leak in gadget_create(): reference on 'g' taken by widget_publish_named() is neither put nor handed off before the return at line 27
