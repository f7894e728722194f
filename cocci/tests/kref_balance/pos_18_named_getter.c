// SPDX-License-Identifier: GPL-2.0-only
/*
 * A lookup the tree has no body for, named like a getter, whose result the
 * function puts on its way out: the early return between them leaks the
 * reference (name fallback, so Moderate).
 */
#include "include/foo.h"

int foo_route(struct foo_ctx *ctx, int id)
{
	struct foo *f;
	int ret = 0;

	f = foo_table_lookup(ctx, id);
	if (!f)
		return -ENOENT;
	if (f->state < 0)
		return -EIO;
	ret = f->id;
	foo_put(f);
	return ret;
}

// expect: 14:5-21: [Moderate] kref leak in foo_route(): reference on 'f' taken by foo_table_lookup() is neither put nor handed off before the return at line 18
