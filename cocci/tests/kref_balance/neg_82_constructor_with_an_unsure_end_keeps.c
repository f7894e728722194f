// SPDX-License-Identifier: GPL-2.0-only
/*
 * The object goes to a constructor of the file that ends in
 * "} /+ comment +/" (scripts/cocci-reduce.py is not sure of it and leaves
 * it as it is), which gives it to a helper that stores it: the helper
 * must be kept too, or the constructor would not be seen to keep it and
 * the hand-off would look like a leak.
 */
#include "include/foo.h"

struct foo_box {
	struct foo *f;
};

static void foo_box_fill(struct foo_box *b, struct foo *f)
{
	b->f = f;
}

static struct foo_box *foo_box_create(struct foo *f)
{
	struct foo_box *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (b)
		foo_box_fill(b, f);
	return b;
} /* foo_box_create */

int foo_box_up(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);
	struct foo_box *b;

	if (!f)
		return -1;
	kref_get(&f->ref);
	if (id > 3) {
		foo_put(f);
		return -2;
	}
	b = foo_box_create(f);
	return id;
}

// expect: none
