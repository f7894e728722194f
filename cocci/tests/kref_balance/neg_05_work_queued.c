// SPDX-License-Identifier: GPL-2.0-only
/*
 * The reference travels with queued work; the work function drops it.
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
	schedule_work(&f->work);
}

// expect: none
