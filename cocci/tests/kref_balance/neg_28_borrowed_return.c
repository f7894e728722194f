// SPDX-License-Identifier: GPL-2.0-only
/*
 * Not returning getters: a lookup that drops the reference it took before
 * returning the object (the caller borrows it), and a caller that drops a
 * getter's reference through a put wrapper written with &(f->ref).
 */
#include "include/foo.h"

static struct foo *foo_peek_at(struct foo_ctx *ctx)
{
	struct foo *f = ctx->cur;

	kref_get(&f->ref);
	f->state++;
	kref_put(&f->ref, foo_release);
	return f;
}

static struct foo *foo_new(int id)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	kref_init(&f->ref);
	return f;
}

static void foo_unref_paren(struct foo *f)
{
	if (f)
		kref_put(&(f->ref), foo_release);
}

int foo_borrow(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_peek_at(ctx);

	if (id < 0)
		return -EINVAL;
	return f->state;
}

int foo_make_tmp(int id)
{
	struct foo *f = foo_new(id);

	if (!f)
		return -ENOMEM;
	if (f->state < 0) {
		foo_unref_paren(f);
		return -EIO;
	}
	foo_unref_paren(f);
	return 0;
}

// expect: none
