// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init helper that puts the object itself when it fails (as
 * i2c_add_adapter() and drm_dp_aux_register() do) leaves its caller
 * nothing to put on that path: freeing the containing object is right.
 * (A helper that does not put on failure: pos_29.)
 */
#include "include/nobj.h"

int widget_create(struct nobj *parent)
{
	struct widget *w;
	int error;

	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;

	error = widget_add(w, parent);
	if (error) {
		kfree(w);
		return error;
	}

	widget_announce(w);
	return 0;
}

// expect: none
