// SPDX-License-Identifier: GPL-2.0-only
/*
 * A cleanup class that only frees memory (__free(kfree)) gives no
 * reference back: the reference taken on the object the variable points
 * to still leaks, as kfree() of a counted object does.
 */
#include "include/foo.h"

int foo_copy_id(struct foo_ctx *ctx)
{
	struct foo *f __free(kfree) = foo_get(ctx->cur);

	if (f->state < 0)
		return -EINVAL;
	return f->id;
}

// expect: 11:31-38: [Low] kref leak in foo_copy_id(): reference on 'f' taken by foo_get() is neither put nor handed off before the return at lines 14, 15
