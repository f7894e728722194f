// SPDX-License-Identifier: GPL-2.0-only
/*
 * An object reached from a parameter through a chain of accessors, each
 * step from the one before, is still the caller's: however the steps
 * are ordered in the rule's sets, the whole chain is followed.
 */
#include "include/foo.h"

int foo_attach(struct device *dev)
{
	struct foo_ctx *ctx = dev_get_drvdata(dev);
	struct foo *a = ctx->cur;
	struct foo *b = foo_peer(a);
	struct foo *c = foo_peer(b);
	struct foo *d = foo_peer(c);
	struct foo *e = foo_peer(d);

	/* Matches the put in foo_detach(). */
	kref_get(&e->ref);
	if (e->state < 0)
		return -EINVAL;
	return 0;
}

// expect: none
