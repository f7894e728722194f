// SPDX-License-Identifier: GPL-2.0-only
/*
 * Variables declared with a cleanup class that puts (__free(foo), as
 * __free(device_node) calls of_node_put()): leaving their scope puts the
 * reference they hold, so no return leaks it, whether the variable got
 * its value in its declaration or later.
 */
#include "include/foo.h"

DEFINE_FREE(foo, struct foo *, if (_T) foo_put(_T))

int foo_check_state(struct foo_ctx *ctx)
{
	struct foo *f __free(foo) = foo_get(ctx->cur);

	if (f->state < 0)
		return -EINVAL;
	return f->id;
}

int foo_check_id(struct foo_ctx *ctx, int id)
{
	struct foo *f __free(foo) = NULL;

	f = foo_get(ctx->cur);
	if (f->id != id)
		return -ENOENT;
	return 0;
}

int foo_check_ready(struct foo_ctx *ctx)
{
	struct foo __free(foo) *f = foo_get(ctx->cur);

	if (!f)
		return -ENOENT;
	return f->state;
}

// expect: none
