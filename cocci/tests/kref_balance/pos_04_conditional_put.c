// SPDX-License-Identifier: GPL-2.0-only
/*
 * Conditional put: only the error branch drops the reference; the
 * "nothing to do" branch returns holding it.
 */
#include "include/foo.h"

int foo_check(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);
	int ret;

	kref_get(&f->ref);
	ret = foo_validate(f);
	if (ret < 0) {
		kref_put(&f->ref, foo_release);
		return ret;
	}
	if (ret > 0)
		return 0;
	f->state = 2;
	kref_put(&f->ref, foo_release);
	return 0;
}

// expect: 13:1-9: [High] kref leak in foo_check(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 20
