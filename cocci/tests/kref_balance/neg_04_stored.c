// SPDX-License-Identifier: GPL-2.0-only
/*
 * The reference is stored in a structure, before or after it is taken.
 */
#include "include/foo.h"

void foo_make_current(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	ctx->cur = f;
}

void foo_make_current_rcu(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	foo_get(f);
	rcu_assign_pointer(ctx->cur, f);
}

// expect: none
