// SPDX-License-Identifier: GPL-2.0-only
/*
 * Within one turn of a loop over a bare list_head cursor, an entry
 * deleted on the path and deleted again before the next turn: the second
 * delete is of the same, poisoned, entry.
 */
struct pool {
	struct list_head busy;
};

static void pool_reap(struct pool *pl, int hard)
{
	struct list_head *pos, *n;

	list_for_each_safe(pos, n, &pl->busy) {
		list_del(pos);
		if (hard)
			list_del(pos);
	}
}

// expect: 16:2-10: list_del without init in pool_reap(): list_del() leaves pos poisoned, but list_del() at line 18 uses it again; use list_del_init()
