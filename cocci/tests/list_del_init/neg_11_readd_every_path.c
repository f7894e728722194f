// SPDX-License-Identifier: GPL-2.0-only
/*
 * Both branches put the entry on a list again.
 */
struct blk {
	struct list_head list;
	int hot;
};

bool blk_listed(struct blk *b)
{
	return !list_empty(&b->list);
}

void blk_sort(struct blk *b, struct list_head *hot, struct list_head *cold)
{
	list_del(&b->list);
	if (b->hot)
		list_add(&b->list, hot);
	else
		list_add_tail(&b->list, cold);
}

// expect: none
