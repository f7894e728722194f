// SPDX-License-Identifier: GPL-2.0-only
/*
 * kref_get_unless_zero(): the failure branch is fine, the success path
 * has an early return that forgets the put.
 */
#include "include/foo.h"

int foo_try_use(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	if (!f || !kref_get_unless_zero(&f->ref))
		return -ENOENT;
	if (f->state == 3)
		return -EBUSY;
	foo_use(f);
	kref_put(&f->ref, foo_release);
	return 0;
}

// expect: 12:12-32: [High] kref leak in foo_try_use(): reference on 'f' taken by kref_get_unless_zero() is neither put nor handed off before the return at line 15
