// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib_foo.c has a static get wrapper foo_hold_local(); this file has its
 * own static function of that name which takes no reference, and calls
 * to foo_kick_async() hand the reference to queued work.
 */
#include "include/foo.h"

static void foo_hold_local(struct foo *f)
{
	f->state++;
}

int foo_touch(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	foo_hold_local(f);
	if (f->state > 3)
		return -EBUSY;
	return 0;
}

int foo_kick(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	foo_kick_async(f);
	return 0;
}

// expect: none
