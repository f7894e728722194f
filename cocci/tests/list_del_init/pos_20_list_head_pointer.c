// SPDX-License-Identifier: GPL-2.0-only
/*
 * A bare struct list_head pointer deleted, then tested on the same path:
 * list_empty() on it is false after list_del().
 */
static int drain_one(struct list_head *entry, int force)
{
	list_del(entry);
	if (force)
		return 1;
	return list_empty(entry);
}

// expect: 8:1-9: list_del without init in drain_one(): list_del() leaves entry poisoned, but list_empty() at line 11 uses it again; use list_del_init()
