// SPDX-License-Identifier: GPL-2.0-only
/*
 * A cleanup that asserts the entry is linked, deletes it and then wipes
 * the whole object: nothing poisoned is left for a later list_empty()
 * (whoever uses the object again must initialise it first).
 */
struct plane {
	struct list_head head;
	char *name;
};

void plane_cleanup(struct plane *pl)
{
	BUG_ON(list_empty(&pl->head));
	list_del(&pl->head);
	kfree(pl->name);
	memset(pl, 0, sizeof(*pl));
}

// expect: none
