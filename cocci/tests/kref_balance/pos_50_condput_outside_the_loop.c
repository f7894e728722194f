// SPDX-License-Identifier: GPL-2.0-only
/*
 * A return before the get that is not reached past the conditional put:
 * the put comes after the loop, so each turn's object is still held when
 * the next turn returns.
 */
#include "include/foo.h"

int foo_last_of(struct foo_ctx *ctx, const int *ids, int n, bool *stop)
{
	struct foo *f = NULL;
	int i, last = -1;

	for (i = 0; i < n; i++) {
		if (*stop)
			return -EINTR;
		f = foo_table_lookup(ctx, ids[i]);
		if (!f)
			continue;
		last = f->id;
	}
	if (f)
		foo_put(f);
	return last;
}

// expect: 17:6-22: [Moderate] kref leak in foo_last_of(): reference on 'f' taken by foo_table_lookup() is neither put nor handed off before the return at line 16
