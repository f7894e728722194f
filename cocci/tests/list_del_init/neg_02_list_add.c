// SPDX-License-Identifier: GPL-2.0-only
/*
 * list_del() followed by list_add() on every path (the shape of the LRU
 * update in 6.1 z3fold_alloc()).
 */
struct page_ent {
	struct list_head lru;
};

void page_touch(struct page_ent *p, struct list_head *lru)
{
	if (!list_empty(&p->lru))
		list_del(&p->lru);
	list_add(&p->lru, lru);
}

// expect: none
