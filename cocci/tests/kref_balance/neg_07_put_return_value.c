// SPDX-License-Identifier: GPL-2.0-only
/*
 * kref_put() return value used the right way: the object is only touched
 * where the put says that it did not free it.
 */
#include "include/foo.h"

void foo_release_one(struct foo *f)
{
	if (kref_put(&f->ref, foo_release))
		return;
	f->state = 1;
}

void foo_release_two(struct foo *f)
{
	if (!kref_put(&f->ref, foo_release)) {
		f->state = 2;
		foo_wake(f);
	}
}

void foo_release_three(struct foo *f, struct foo_ctx *ctx)
{
	if (kref_put(&f->ref, foo_release)) {
		ctx->cur = NULL;
		return;
	}
	f->state = 3;
}

// expect: none
