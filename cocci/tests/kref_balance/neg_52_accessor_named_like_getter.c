// SPDX-License-Identifier: GPL-2.0-only
/*
 * An accessor named like a getter (pci_get_drvdata() and its kin) returns
 * the pointer a driver stored and takes no reference: the put on the
 * remove path drops the probe's reference, and the early return before
 * it leaks nothing.
 */
#include "include/foo.h"

int foo_remove(struct foo_ctx *ctx)
{
	struct foo *f = foo_ctx_get_drvdata(ctx);

	if (f->state < 0)
		return -EBUSY;
	foo_put(f);
	return 0;
}

// expect: none
