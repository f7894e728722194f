// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hand-offs that can fail: queue_work() takes the reference over only
 * when it returns true, and a keeper that returns NULL kept nothing.  The
 * branch that knows the hand-off failed still owns the reference.
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
		f->state = 0;
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
	if (!s)
		return -ENOMEM;
	return 0;
}

// expect: 27:1-9: [Moderate] kref leak in foo_kick_checked(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 30
// expect: 40:1-9: [Moderate] kref leak in foo_park(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 43
