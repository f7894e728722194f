// SPDX-License-Identifier: GPL-2.0-only
/*
 * The reference is handed to a consumer on the main path, but the
 * validation failure returns before the hand-off.
 */
#include "include/foo.h"

int foo_hand_over(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	if (f->id != id)
		return -EINVAL;
	foo_retire(ctx, f);
	return 0;
}

// expect: 12:1-9: [High] kref leak in foo_hand_over(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 14
