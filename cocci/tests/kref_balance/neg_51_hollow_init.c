// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init that only sets a count, on an object that owns nothing yet: a
 * char device before cdev_add(), a configfs group whose literal name fits
 * its inline buffer.  Freeing the object on an error path, without a put,
 * leaks nothing.
 */
#include "include/hollow.h"

struct gizmo *gizmo_probe(int devt)
{
	struct gizmo *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int err;

	if (!g)
		return ERR_PTR(-ENOMEM);
	cdev_init(&g->cdev, NULL);
	config_group_init_type_name(&g->group, "gizmo", NULL);
	g->buf = kmalloc(64, GFP_KERNEL);
	if (!g->buf) {
		kfree(g);
		return ERR_PTR(-ENOMEM);
	}
	err = cdev_add(&g->cdev, devt, 1);
	if (err) {
		kfree(g->buf);
		kfree(g);
		return ERR_PTR(err);
	}
	return g;
}

// expect: none
