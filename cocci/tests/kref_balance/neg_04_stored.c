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

int foo_open_file(struct foo_ctx *ctx, struct file *file, int id)
{
	struct foo *f = foo_find(ctx, id);

	file->private_data = f;
	kref_get(&f->ref);
	return 0;
}

// expect: none
