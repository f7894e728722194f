// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference whose object is freed outright when publishing it failed,
 * and a use after a put that dropped the reference of the lookup of the
 * function itself (the list still holds one until the second put).
 */
#include "include/foo.h"

static struct foo *foo_fetch(struct foo_ctx *ctx)
{
	struct foo *f = ctx->cur;

	if (!f || !kref_get_unless_zero(&f->ref))
		return NULL;
	return f;
}

struct foo *foo_publish(struct foo_ctx *ctx, int id)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->id = id;
	kref_get(&f->ref);
	if (foo_hash_insert(ctx, f) < 0) {
		kfree(f);
		return NULL;
	}
	foo_put(f);
	return f;
}

void foo_unpublish(struct foo_ctx *ctx)
{
	struct foo *f = foo_fetch(ctx);

	if (!f)
		return;
	foo_put(f);
	list_del(&f->node);
	foo_put(f);
}

// expect: none
