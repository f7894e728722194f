// SPDX-License-Identifier: GPL-2.0-only
/*
 * Variables declared with a cleanup class that puts (__free(foo_put), as
 * __free(device_node) calls of_node_put()): leaving their scope puts the
 * reference they hold, so no return leaks it, whether the variable got
 * its value in its declaration or later, with the class after the name
 * or before the star.
 */
#include "include/foo.h"

DEFINE_FREE(foo_put, struct foo *, if (_T) foo_put(_T))
DEFINE_FREE(device_node, struct foo *, if (_T) foo_put(_T))

int foo_check_state(struct foo_ctx *ctx)
{
	struct foo *f __free(foo_put) = foo_get(ctx->cur);

	if (f->state < 0)
		return -EINVAL;
	return f->id;
}

int foo_check_id(struct foo_ctx *ctx, int id)
{
	struct foo *f __free(foo_put) = NULL;

	f = foo_get(ctx->cur);
	if (f->id != id)
		return -ENOENT;
	return 0;
}

int foo_check_ready(struct foo_ctx *ctx)
{
	struct foo __free(foo_put) *f = foo_get(ctx->cur);

	if (!f)
		return -ENOENT;
	return f->state;
}

int foo_check_later(struct foo_ctx *ctx)
{
	struct foo __free(device_node) *f = NULL;

	f = foo_get(ctx->cur);
	if (!f)
		return -ENOENT;
	return f->state;
}

// expect: none
