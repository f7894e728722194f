// SPDX-License-Identifier: GPL-2.0-only
/*
 * The function takes a reference of its own and drops it; the object is
 * still covered by the caller's reference afterwards.  The same when the
 * reference is taken by a get wrapper whose result is assigned.
 */
#include "include/foo.h"

int foo_sync(struct foo *f)
{
	int ret;

	kref_get(&f->ref);
	ret = foo_flush(f);
	kref_put(&f->ref, foo_release);
	f->state = ret;
	return ret;
}

int foo_attach_parent(struct foo_ctx *ctx)
{
	struct foo *parent;
	int err;

	parent = foo_get(ctx->cur);
	err = foo_flush(parent);
	if (err) {
		foo_put(parent);
		pr_err("attach failed: parent %d\n", parent->id);
		return err;
	}
	ctx->cur = parent;
	return 0;
}

// expect: none
