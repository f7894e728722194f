// SPDX-License-Identifier: GPL-2.0-only
/*
 * The function that takes the reference ends in "} /+ comment +/", so
 * scripts/cocci-reduce.py is not sure where it ends and keeps it as it
 * is; the helper of the file it hands the object to stores it, and must
 * be kept too, or the hand-off would look like a leak.
 */
#include "include/foo.h"

struct foo_slot {
	struct foo *f;
};

static struct foo_slot *slot;

static void foo_remember(struct foo *f)
{
	slot->f = f;
}

int foo_adopt(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	if (!f)
		return -1;
	kref_get(&f->ref);
	if (id > 3) {
		foo_put(f);
		return -2;
	}
	foo_remember(f);
	return 0;
} /* foo_adopt */

// expect: none
