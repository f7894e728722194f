// SPDX-License-Identifier: GPL-2.0-only
/*
 * A header whose parameter lines end in comments, above a function with
 * a leak: scripts/cocci-reduce.py blanks the body of the function that
 * names nothing and leaves its whole header, and the next function is
 * still checked.
 */
#include "include/foo.h"

static int
foo_sum(
	int a,		/* first */
	int b)		/* second */
{
	return a + b;
}

int foo_check(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	if (!f)
		return -1;
	kref_get(&f->ref);
	if (f->state < 0)
		return -1;
	foo_put(f);
	return 0;
}

// expect: 24:1-9: [High] kref leak in foo_check(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 26
