// SPDX-License-Identifier: GPL-2.0-only
/*
 * The reference belongs to the list the object is added to.
 */
#include "include/foo.h"

void foo_activate(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	list_add_tail(&f->node, &ctx->active);
}

// expect: none
