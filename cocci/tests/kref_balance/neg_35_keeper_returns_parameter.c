// SPDX-License-Identifier: GPL-2.0-only
/*
 * A helper that takes a reference on its parameter, stores it in the
 * context and returns the parameter for chaining: the stored pointer owns
 * the reference, so the caller's copy of the result is no getter's.
 */
#include "include/foo.h"

static struct foo *foo_pin_current(struct foo_ctx *ctx, struct foo *f)
{
	kref_get(&f->ref);
	ctx->cur = f;
	return f;
}

int foo_select(struct foo_ctx *ctx, struct foo *f, int id)
{
	struct foo *cur = foo_pin_current(ctx, f);

	if (cur->id != id)
		return -EINVAL;
	cur->state = 1;
	return 0;
}

// expect: none
