// SPDX-License-Identifier: GPL-2.0-only
/*
 * Wrappers from the header and from lib_foo.c, balanced on every path.
 */
#include "include/foo.h"

int foo_wrapped_ok(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);
	int ret = 0;

	foo_get(f);
	if (foo_busy(f)) {
		ret = -EBUSY;
		goto out;
	}
	grab_foo(f);
	foo_use(f);
	drop_foo(f);
out:
	foo_put(f);
	return ret;
}

int foo_wrapped_kref_ok(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	foo_ref_hold(&f->ref);
	foo_use(f);
	foo_ref_drop(&f->ref);
	return 0;
}

// expect: none
