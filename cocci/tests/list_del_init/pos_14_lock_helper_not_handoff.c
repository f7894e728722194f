// SPDX-License-Identifier: GPL-2.0-only
/*
 * Passing the entry to a helper that only unlocks it is not a hand-off:
 * the poisoned entry stays reachable (the shape of a z3fold_page_isolate()
 * that would use list_del() instead of list_del_init()).
 */
struct zpage {
	struct list_head buddy;
	spinlock_t page_lock;
};

bool zpage_on_list(struct zpage *z)
{
	return !list_empty(&z->buddy);
}

static void zpage_unlock(struct zpage *z)
{
	spin_unlock(&z->page_lock);
}

bool zpage_isolate(struct zpage *z)
{
	spin_lock(&z->page_lock);
	if (!list_empty(&z->buddy))
		list_del(&z->buddy);
	zpage_unlock(z);
	return true;
}

// expect: 26:2-10: list_del without init in zpage_isolate(): list_del() leaves z->buddy poisoned, but struct zpage.buddy is tested with list_empty() at line 14; use list_del_init()
