// SPDX-License-Identifier: GPL-2.0-only
/*
 * The object comes straight from a parameter (container_of() of it, a
 * one-argument accessor of it): the reference taken is kept by the state
 * the caller set up (a bound device, an isolated page) by design.
 */
#include "include/foo.h"

static void foo_work_fn(struct work_struct *w)
{
	struct foo *f = container_of(w, struct foo, work);

	kref_get(&f->ref);
	f->state = 9;
}

int foo_bind(struct device *dev)
{
	struct foo *f;

	f = dev_get_drvdata(dev);
	if (!f)
		return -ENODEV;
	/* Matches the put in foo_unbind(). */
	kref_get(&f->ref);
	return 0;
}

// expect: none
