// SPDX-License-Identifier: GPL-2.0-only
/*
 * A release function that only deletes an entry which was ever added:
 * its guard is the field's only list_empty() test, and the object goes
 * away with the function.
 */
struct fence_pt {
	struct fence base;
	struct list_head link;
};

void fence_pt_release(struct fence_pt *pt)
{
	if (!list_empty(&pt->link))
		list_del(&pt->link);
	fence_free(&pt->base);
}

// expect: none
