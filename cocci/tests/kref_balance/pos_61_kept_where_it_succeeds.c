// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference put on the failure path and not where the function ends
 * with "return 0;": most often kept on purpose for state the function
 * does not show (a probe binding what it found), so Low.
 */
#include "include/foo.h"

int foo_bind(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	kref_get(&f->ref);
	if (foo_validate(f) < 0) {
		kref_put(&f->ref, foo_release);
		return -EINVAL;
	}
	f->state = 1;
	return 0;
}

// expect: 13:1-9: [Low] kref leak in foo_bind(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 19
