// SPDX-License-Identifier: GPL-2.0-only
/*
 * Wipes that do not cover the list member, or clear a pointer's worth
 * of bytes, leave the poisoned entry for the list_empty() test.
 */
struct plane {
	char *name;
	int id;
	struct list_head head;
};

void plane_clear_name(struct plane *pl)
{
	list_del(&pl->head);
	memset(pl, 0, offsetof(struct plane, head));
}

void plane_clear_ptr(struct plane *pl)
{
	list_del(&pl->head);
	memset(pl, 0, sizeof(pl));
}

int plane_linked(struct plane *pl)
{
	return !list_empty(&pl->head);
}

// expect: 14:1-9: list_del without init in plane_clear_name(): list_del() leaves pl->head poisoned, but struct plane.head is tested with list_empty() at line 26; use list_del_init()
// expect: 20:1-9: list_del without init in plane_clear_ptr(): list_del() leaves pl->head poisoned, but struct plane.head is tested with list_empty() at line 26; use list_del_init()
