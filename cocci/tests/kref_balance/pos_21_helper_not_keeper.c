// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers of this file named like keepers ("add", "attach") are judged by
 * their body: one that takes a reference of its own before linking the
 * object, and one that only reads it, take nothing over from the caller,
 * whose early return after calling them leaks its own reference.
 */
#include "include/foo.h"

static void foo_add_active(struct foo_ctx *ctx, struct foo *f)
{
	kref_get(&f->ref);
	list_add_tail(&f->node, &ctx->active);
}

static int foo_attach_check(struct foo_ctx *ctx, struct foo *f)
{
	return f->state;
}

int foo_activate_one(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_table_lookup(ctx, id);

	if (!f)
		return -ENOENT;
	kref_get(&f->ref);
	foo_add_active(ctx, f);
	if (foo_attach_check(ctx, f) < 0)
		return -EIO;
	foo_put(f);
	return 0;
}

// expect: 27:1-9: [High] kref leak in foo_activate_one(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 30
