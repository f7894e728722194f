// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loop: a reference is taken on each entry; the "busy" case moves on to the
 * next entry (overwriting the variable) without dropping it.
 */
#include "include/foo.h"

int foo_scan(struct foo_ctx *ctx, int n)
{
	struct foo *f;
	int i, done = 0;

	for (i = 0; i < n; i++) {
		f = foo_find(ctx, i);
		if (!f)
			continue;
		kref_get(&f->ref);
		if (f->state)
			continue;
		f->state = 1;
		done++;
		kref_put(&f->ref, foo_release);
	}
	return done;
}

// expect: 17:2-10: [High] kref leak in foo_scan(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 24
