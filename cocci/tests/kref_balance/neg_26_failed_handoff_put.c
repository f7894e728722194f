// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hand-offs that can fail, handled: the false branch of queue_work() and
 * the NULL branch of a keeper put the reference back.
 */
#include "include/foo.h"

struct foo_slot {
	struct foo *obj;
};

static struct foo_slot *foo_slot_take(struct foo_ctx *ctx, struct foo *f)
{
	struct foo_slot *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	s->obj = f;
	return s;
}

int foo_kick_checked(struct foo_ctx *ctx, int id)
{
	struct foo *f = ctx->cur;

	kref_get(&f->ref);
	if (!queue_work(system_wq, &f->work)) {
		foo_put(f);
		return -EBUSY;
	}
	return 0;
}

int foo_park(struct foo_ctx *ctx, int id)
{
	struct foo *f = ctx->cur;
	struct foo_slot *s;

	kref_get(&f->ref);
	s = foo_slot_take(ctx, f);
	if (!s) {
		kref_put(&f->ref, foo_release);
		return -ENOMEM;
	}
	return 0;
}

// expect: none
