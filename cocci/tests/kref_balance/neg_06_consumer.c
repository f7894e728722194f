// SPDX-License-Identifier: GPL-2.0-only
/*
 * The reference is passed to functions that consume it: one defined in
 * this file, one in lib_foo.c, one in lib_foo.c that reaches the consumer
 * through another call, and one whose name says that it keeps it.
 */
#include "include/foo.h"

static void foo_finish_async(struct foo_ctx *ctx, struct foo *f)
{
	f->state = 0;
	kref_put(&f->ref, foo_release);
}

void foo_hand_off(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	foo_finish_async(ctx, f);
}

void foo_hand_off_lib(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	foo_retire(ctx, f);
}

void foo_hand_off_lib_locked(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	foo_ctx_retire(ctx, f);
}

int foo_hand_off_register(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	return foo_register(ctx, f);
}

// expect: none
