// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cleanup classes that give no reference back: one that only frees
 * memory (__free(kfree)) or only unlocks; and the cleanup of a class that
 * puts drops the one reference the variable holds, not one more taken on
 * what it points to.
 */
#include "include/foo.h"

DEFINE_FREE(foo_put, struct foo *, if (_T) foo_put(_T))
DEFINE_FREE(foo_unlock, struct foo *, if (_T) mutex_unlock(&_T->lock))

int foo_copy_id(struct foo_ctx *ctx)
{
	struct foo *f __free(kfree) = foo_get(ctx->cur);

	if (f->state < 0)
		return -EINVAL;
	return f->id;
}

int foo_locked_id(struct foo_ctx *ctx)
{
	struct foo *f __free(foo_unlock) = foo_get(ctx->cur);

	if (f->state < 0)
		return -EINVAL;
	return f->id;
}

int foo_activate(struct foo_ctx *ctx)
{
	struct foo *f __free(foo_put) = foo_get(ctx->cur);

	if (!f)
		return -ENOENT;
	kref_get(&f->ref);
	if (f->state < 0)
		return -EINVAL;
	list_add(&f->node, &ctx->active);
	return 0;
}

// expect: 15:31-38: [Low] kref leak in foo_copy_id(): reference on 'f' taken by foo_get() is neither put nor handed off before the return at lines 18, 19
// expect: 24:36-43: [Low] kref leak in foo_locked_id(): reference on 'f' taken by foo_get() is neither put nor handed off before the return at lines 27, 28
// expect: 37:1-9: [Moderate] kref leak in foo_activate(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 39
