// SPDX-License-Identifier: GPL-2.0-only
/*
 * The same loop, but the conditional put at the end of the turn is of
 * another object: the object looked up this turn is put only when it is
 * stale, and the return at the top of the next turn leaks it.
 */
#include "include/foo.h"

void foo_scan_pairs(struct foo_ctx *ctx, const int *ids, int n, bool *stop)
{
	struct foo *f, *prev = NULL;
	int i;

	for (i = 0; i < n; i++) {
		if (*stop)
			return;
		f = foo_table_lookup(ctx, ids[i]);
		if (!f)
			continue;
		if (f->state < 0) {
			foo_put(f);
			continue;
		}
		if (prev)
			foo_put(prev);
		prev = ctx->cur;
	}
}

// expect: 17:6-22: [Moderate] kref leak in foo_scan_pairs(): reference on 'f' taken by foo_table_lookup() is neither put nor handed off before the return at lines 16, 28
