// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference stored in an object the function allocated, put at the
 * shared exit under a test that it is valid ("if (x && !IS_ERR(x))
 * put(x)") before the object is freed: the path that skips the put is
 * the one where the lookup failed and there is nothing to put
 * (acrn_irqfd_assign()).
 */
#include "include/foo.h"

struct foo_watch {
	struct foo *target;
	struct list_head node;
};

static struct foo *foo_open_target(struct foo_ctx *ctx, int id)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	f->id = id;
	kref_init(&f->ref);
	return f;
}

int foo_watch_add(struct foo_ctx *ctx, int id, struct list_head *watches)
{
	struct foo_watch *w;
	struct foo *f = NULL;
	int ret;

	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	if (id < 0) {
		ret = -EINVAL;
		goto out;
	}
	f = foo_open_target(ctx, id);
	if (IS_ERR(f)) {
		ret = PTR_ERR(f);
		goto fail;
	}
	w->target = f;
	if (f->state) {
		ret = -EBUSY;
		goto fail;
	}
	list_add_tail(&w->node, watches);
	return 0;
fail:
	if (f && !IS_ERR(f))
		foo_put(f);
out:
	kfree(w);
	return ret;
}

// expect: none
