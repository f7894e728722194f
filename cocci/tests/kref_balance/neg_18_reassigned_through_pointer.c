// SPDX-License-Identifier: GPL-2.0-only
/*
 * A call given the variable's address stores a new object in it: what is
 * used after the put, or put again, is that new object, not the one that
 * was put.  And a function that takes a reference on its own parameter
 * keeps it for the caller, even on a path that returns early.
 */
#include "include/foo.h"

int foo_copy_all(struct foo_ctx *ctx, int n)
{
	struct foo *f = NULL;
	int i, err;

	for (i = 0; i < n; i++) {
		err = foo_next(ctx, &f);
		if (err)
			return err;
		foo_use(f);
		foo_put(f);
	}
	return 0;
}

void foo_put_first_two(struct foo_ctx *ctx, struct foo *f)
{
	foo_put(f);
	if (foo_next(ctx, &f))
		return;
	foo_put(f);
}

void foo_hold_if_live(struct foo *f)
{
	if (!f->id)
		return;
	kref_get(&f->ref);
}

// expect: none
