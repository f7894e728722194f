// SPDX-License-Identifier: GPL-2.0-only
/*
 * A constructor that leaves its object to devres gives its caller no
 * reference: an error return after it, with no put, is no leak, also
 * through a function that returns what the constructor made.  (A
 * constructor whose object stays with its caller: pos_22.)
 */
#include "include/nobj.h"

int widget_probe_managed(struct device *dev)
{
	struct widget *w, *v;

	w = widget_alloc_managed(dev);
	if (!w)
		return -ENOMEM;
	if (w->level < 0)
		return -EINVAL;

	v = widget_create_managed(dev, 1);
	if (!v)
		return -ENOMEM;
	if (v->level != 1)
		return -EINVAL;

	widget_announce(w);
	widget_announce(v);
	return 0;
}

// expect: none
