// SPDX-License-Identifier: GPL-2.0-only
/*
 * A cleanup that asserts the entry is linked, deletes it and then wipes
 * the whole object: list_del_init() would be wiped as well, and whoever
 * uses the object again must set it up first.
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

void plane_reset(struct plane *pl)
{
	list_del(&pl->head);
	memset(pl, 0, sizeof(struct plane));
}

// expect: none
