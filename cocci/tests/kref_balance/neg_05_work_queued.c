// SPDX-License-Identifier: GPL-2.0-only
/*
 * The reference travels with queued work; the work function drops it.
 * (Ignoring schedule_work()'s result is a leak when the work is already
 * pending: pos_23_ignored_queue.c.)
 */
#include "include/foo.h"

void foo_kick(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	if (!queue_work(system_wq, &f->work))
		kref_put(&f->ref, foo_release);
}

void foo_kick_later(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	if (!schedule_work(&f->work))
		foo_put(f);
}

// expect: none
