// SPDX-License-Identifier: GPL-2.0-only
/*
 * The same function tests list_empty() before deleting: a second call on
 * the same entry sees a poisoned, non-empty node and deletes it again.
 */
struct item {
	struct list_head lru;
	unsigned long flags;
};

void item_unlink(struct item *it)
{
	if (!list_empty(&it->lru))
		list_del(&it->lru);
	it->flags = 0;
}

// expect: 14:2-10: list_del without init in item_unlink(): list_del() leaves it->lru poisoned, but struct item.lru is tested with list_empty() at line 13; use list_del_init()
