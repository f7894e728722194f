// SPDX-License-Identifier: GPL-2.0-only
/*
 * A function that returns nothing does reach its closing brace: a loop
 * left with a break while holding the reference leaks it there.
 */
#include "include/foo.h"

void foo_wait_ready(struct foo_ctx *ctx, int id)
{
	struct foo *f;

	for (;;) {
		f = foo_table_lookup(ctx, id);
		if (!f)
			return;
		if (f->state > 0)
			break;
		foo_put(f);
	}
}

// expect: 13:6-22: [Moderate] kref leak in foo_wait_ready(): reference on 'f' taken by foo_table_lookup() is neither put nor handed off before the return at line 20
