// SPDX-License-Identifier: GPL-2.0-only
/*
 * A loop that looks up an object each turn and puts it at the end of the
 * turn under "if (f)": the return at the top of the next turn is reached
 * from the false branch of that test only, where the lookup had failed
 * (mpi3mr_sastopochg_evt_bh()).  The path that skips a failed lookup
 * with "continue" holds nothing either.
 */
#include "include/foo.h"

void foo_scan_ids(struct foo_ctx *ctx, const int *ids, int n, bool *stop)
{
	struct foo *f;
	int i;

	for (i = 0; i < n; i++) {
		if (*stop)
			return;
		f = foo_table_lookup(ctx, ids[i]);
		if (!f)
			continue;
		switch (f->state) {
		case 1:
			f->id = ids[i];
			break;
		default:
			break;
		}
		if (f)
			foo_put(f);
	}
}

// expect: none
