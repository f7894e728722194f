// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init helper that sets up an embedded object whose count lives in a
 * member of its own (register_virtio_device(&x->vdev) initialises
 * x->vdev.dev): the caller's put of that inner member, on the path where
 * the helper failed, gives the first reference back.
 */
#include "include/nobj.h"

struct gadget {
	struct widget widget;
	int id;
};

int gadget_create(struct nobj *parent, struct gadget **out)
{
	struct gadget *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int error;

	if (!g)
		return -ENOMEM;
	error = widget_publish_named(&g->widget, parent);
	if (error) {
		nobj_drop(&g->widget.nobj);
		return error;
	}
	*out = g;
	return 0;
}

int gadget_link(struct nobj *parent, struct gadget **out)
{
	struct gadget *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int error;

	if (!g)
		return -ENOMEM;
	error = nobj_setup_and_link(&g->widget.nobj, parent, "gadget");
	if (error) {
		nobj_drop(&g->widget.nobj);
		return error;
	}
	*out = g;
	return 0;
}

// expect: none
