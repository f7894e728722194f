// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init call on an object devres allocated: when it fails, the
 * reference it set is left, but devres frees the object and its release
 * action is what puts it (as mdiobus_free() does for a bus of
 * devm_mdiobus_alloc_size()).  Reported, but only Low.
 */
#include "include/nobj.h"

int widget_probe(struct device *dev, struct nobj *parent)
{
	struct widget *w;
	int error;

	w = devm_kzalloc(dev, sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	error = nobj_setup_and_link(&w->nobj, parent, "probe");
	if (error)
		return error;
	w->level = 1;
	return 0;
}

// expect: 18:9-28: [Low] kref leak in widget_probe(): reference on 'w' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 20
