// SPDX-License-Identifier: GPL-2.0-only
/*
 * Calls named like getters that are not believed to return a reference:
 * the result is never put, the function takes its own reference on it,
 * or the file has the body and it takes none.
 */
#include "include/foo.h"

static struct foo *foo_find_local(struct foo_ctx *ctx, int id)
{
	return ctx->cur;
}

int foo_state_peek(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_table_lookup(ctx, id);

	if (!f)
		return -ENOENT;
	if (f->state < 0)
		return -EIO;
	return f->id;
}

int foo_state_hold(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_table_lookup(ctx, id);
	int ret;

	if (!f)
		return -ENOENT;
	kref_get(&f->ref);
	ret = f->id;
	foo_put(f);
	return ret;
}

int foo_state_local(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find_local(ctx, id);

	if (id < 0)
		return -EINVAL;
	foo_put(f);
	return 0;
}

// expect: none
