// SPDX-License-Identifier: GPL-2.0-only
/*
 * A device-managed lookup (devm_*()) leaves the reference with devres,
 * which drops it when the device goes: the caller has nothing to put on
 * any path.  (A lookup that leaves the reference with its caller:
 * pos_17.)
 */
#include "include/nobj.h"

int widget_bind(struct device *dev, struct nobj *root)
{
	struct widget *w = devm_widget_find(dev, root, "bind");

	if (!w)
		return -ENODEV;
	if (w->level < 0)
		return -EINVAL;

	widget_announce(w);
	return 0;
}

// expect: none
