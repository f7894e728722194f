// SPDX-License-Identifier: GPL-2.0-only
/*
 * A lookup that hands its reference to the caller by returning the object
 * gives it back on that path only: the error return after the get leaks it.
 */
#include "include/foo.h"

struct foo *foo_lookup_live(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	if (!f)
		return NULL;
	kref_get(&f->ref);
	if (f->state < 0)
		return NULL;
	return f;
}

// expect: 14:1-9: [High] kref leak in foo_lookup_live(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 16
