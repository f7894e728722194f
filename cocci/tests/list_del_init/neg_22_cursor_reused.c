// SPDX-License-Identifier: GPL-2.0-only
/*
 * One list_head cursor walks two lists in turn, deleting and freeing
 * each entry: the second loop's delete is of an entry of the other list,
 * not of the one the first loop deleted last.  A delete that goes on to
 * the next turn is not the same entry's either.
 */
struct pool {
	struct list_head free;
	struct list_head busy;
};

static void pool_drain(struct pool *pl)
{
	struct list_head *pos, *n;

	list_for_each_safe(pos, n, &pl->free) {
		list_del(pos);
		kfree(pos);
	}
	list_for_each_safe(pos, n, &pl->busy) {
		list_del(pos);
		kfree(pos);
	}
}

static void pool_trim(struct pool *pl)
{
	struct list_head *pos, *n;

	list_for_each_safe(pos, n, &pl->busy) {
		if (pool_stale(pos)) {
			list_del(pos);
			continue;
		}
		list_del(pos);
		pool_recycle(pos);
	}
}

// expect: none
