// SPDX-License-Identifier: GPL-2.0-only
/*
 * A try-get wrapper and a wrapper taking the struct kref itself.
 */
#include "include/foo.h"

int foo_wrapped_try(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	if (!foo_tryget(f))
		return -ENOENT;
	if (f->state)
		return 0;
	foo_put(f);
	return 1;
}

int foo_wrapped_kref(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	foo_ref_hold(&f->ref);
	if (f->state)
		return -EAGAIN;
	foo_ref_drop(&f->ref);
	return 0;
}

// expect: 11:6-16: [High] kref leak in foo_wrapped_try(): reference on 'f' taken by foo_tryget() is neither put nor handed off before the return at line 14
// expect: 23:1-13: [High] kref leak in foo_wrapped_kref(): reference on 'f' taken by foo_ref_hold() is neither put nor handed off before the return at line 25
