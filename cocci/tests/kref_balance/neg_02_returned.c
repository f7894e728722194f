// SPDX-License-Identifier: GPL-2.0-only
/*
 * The reference is handed to the caller by returning the object, directly
 * or through an output parameter.
 */
#include "include/foo.h"

struct foo *foo_lookup(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	if (!f)
		return NULL;
	kref_get(&f->ref);
	return f;
}

int foo_lookup_out(struct foo_ctx *ctx, int id, struct foo **out)
{
	struct foo *f = foo_find(ctx, id);

	if (!f)
		return -ENOENT;
	kref_get(&f->ref);
	*out = f;
	return 0;
}

struct foo_ctx *foo_owner(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	return container_of(f, struct foo_ctx, cur);
}

// expect: none
