// SPDX-License-Identifier: GPL-2.0-only
/*
 * Early return: the state check bails out before the put at the end.
 */
#include "include/foo.h"

int foo_poke(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	if (f->state < 0)
		return -EIO;
	f->state++;
	kref_put(&f->ref, foo_release);
	return 0;
}

// expect: 11:1-9: [High] kref leak in foo_poke(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 13
