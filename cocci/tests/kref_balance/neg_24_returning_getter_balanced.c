// SPDX-License-Identifier: GPL-2.0-only
/*
 * Callers of a returning getter that are right: a NULL or ERR_PTR result
 * holds nothing (also when a shared exit tests it again), a conditional
 * put covers the NULL case, the object is
 * returned or stored, and a name-only lookup whose result is never put is
 * no getter at all.
 */
#include "include/foo.h"

static struct foo *foo_create(struct foo_ctx *ctx, int id)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	kref_init(&f->ref);
	return f;
}

int foo_use_checked(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_create(ctx, id);

	if (IS_ERR(f))
		return PTR_ERR(f);
	f->state = 1;
	foo_put(f);
	return 0;
}

int foo_use_maybe(struct foo_ctx *ctx, int id)
{
	struct foo *f, *g;

	f = foo_create(ctx, id);
	g = foo_create(ctx, id + 1);
	if (!f || !g) {
		if (f)
			foo_put(f);
		return -ENOMEM;
	}
	f->state = g->state;
	foo_put(g);
	foo_put(f);
	return 0;
}

void foo_use_if_there(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_create(ctx, id);

	if (f) {
		f->state = 2;
		foo_put(f);
	}
}

struct foo *foo_make(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_create(ctx, id);

	if (id < 0)
		return f;
	ctx->cur = f;
	return NULL;
}

int foo_state_of(struct foo_ctx *ctx, int id)
{
	struct foo *f = bar_find_entry(ctx, id);

	if (id < 0)
		return -EINVAL;
	return f->state;
}

int foo_reply(struct foo_ctx *ctx, int id)
{
	struct foo *f;
	int ret = 0;

	f = foo_create(ctx, id);
	if (!f) {
		ret = -ENOENT;
		goto reply;
	}
	if (f->state < 0)
		ret = -EIO;
reply:
	ctx->cur = NULL;
	if (!f)
		return ret;
	foo_put(f);
	return ret;
}

int foo_shared_exit(struct foo_ctx *ctx, int id)
{
	struct foo *f;
	int ret = -ENOENT;

	f = foo_create(ctx, id);
	if (!f)
		goto out;
	ret = -EIO;
	if (f->state < 0)
		goto out;
	ret = f->id;
out:
	if (f)
		foo_put(f);
	return ret;
}

// expect: none
