// SPDX-License-Identifier: GPL-2.0-only
/*
 * A getter known by its body whose result is thrown away: the reference
 * it took on the new object can never be put.
 */
#include "include/foo.h"

static struct foo *foo_make_tracked(struct foo_ctx *ctx, int id)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	kref_init(&f->ref);
	f->id = id;
	list_add(&f->node, &ctx->active);
	kref_get(&f->ref);
	return f;
}

void foo_track_default(struct foo_ctx *ctx)
{
	foo_make_tracked(ctx, 0);
}

// expect: 23:1-17: [Moderate] kref leak in foo_track_default(): the reference returned by foo_make_tracked() is dropped: its result is not used, so nothing can put it
