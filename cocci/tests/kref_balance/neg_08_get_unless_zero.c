// SPDX-License-Identifier: GPL-2.0-only
/*
 * kref_get_unless_zero(): nothing to drop when it fails, the success path
 * returns the object or puts it.
 */
#include "include/foo.h"

struct foo *foo_tryfind(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	if (!kref_get_unless_zero(&f->ref))
		return NULL;
	return f;
}

int foo_tryuse(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	if (!f || !kref_get_unless_zero(&f->ref))
		return -ENOENT;
	foo_use(f);
	kref_put(&f->ref, foo_release);
	return 0;
}

// expect: none
