// SPDX-License-Identifier: GPL-2.0-only
/*
 * The object itself stored with cmpxchg() (the slot keeps the
 * reference), and a flag of it set with cmpxchg() before a put on every
 * error return.
 */
#include "include/foo.h"

int foo_publish(struct foo_ctx *ctx, struct foo *f)
{
	kref_get(&f->ref);
	if (cmpxchg(&ctx->cur, NULL, f)) {
		foo_put(f);
		return -EBUSY;
	}
	return 0;
}

int foo_mark(struct foo *f)
{
	if (!kref_get_unless_zero(&f->ref))
		return -ENOENT;
	if (cmpxchg(&f->state, 0, 1)) {
		foo_put(f);
		return -EBUSY;
	}
	f->id++;
	foo_put(f);
	return 0;
}

// expect: none
