// SPDX-License-Identifier: GPL-2.0-only
/*
 * A get wrapper keeps the reference for its caller by design, and a
 * put wrapper's parameter is not used after the put.
 */
#include "include/foo.h"

static struct foo *foo_hold(struct foo *f)
{
	kref_get(&f->ref);
	return f;
}

static void foo_unhold(struct foo *f)
{
	kref_put(&f->ref, foo_release);
}

int foo_balanced(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	foo_hold(f);
	foo_use(f);
	foo_unhold(f);
	return 0;
}

// expect: none
