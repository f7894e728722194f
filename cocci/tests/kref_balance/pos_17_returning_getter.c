// SPDX-License-Identifier: GPL-2.0-only
/*
 * Returning getters known by their body: a constructor that hands its
 * initial reference to the caller, and a lookup that returns what another
 * getter gave it.  The caller that bails out between the get and the put
 * leaks the reference, whether the pointer is tested right after the call
 * or not at all.
 */
#include "include/foo.h"

static struct foo *foo_create(struct foo_ctx *ctx, int id)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	kref_init(&f->ref);
	f->id = id;
	return f;
}

static struct foo *foo_by_id(struct foo_ctx *ctx, int id)
{
	struct foo *f;

	f = foo_get(ctx->cur);
	return f;
}

int foo_make_and_check(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_create(ctx, id);

	if (!f)
		return -ENOMEM;
	if (id > 16)
		return -EINVAL;
	foo_put(f);
	return 0;
}

int foo_peek_state(struct foo_ctx *ctx, int id)
{
	struct foo *f;
	int state;

	f = foo_by_id(ctx, id);
	if (ctx->cur->state < 0)
		return -EIO;
	state = f->state;
	foo_put(f);
	return state;
}

// expect: 32:17-27: [High] kref leak in foo_make_and_check(): reference on 'f' taken by foo_create() is neither put nor handed off before the return at line 37
// expect: 47:5-14: [High] kref leak in foo_peek_state(): reference on 'f' taken by foo_by_id() is neither put nor handed off before the return at line 49
