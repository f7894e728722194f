// SPDX-License-Identifier: GPL-2.0-only
/*
 * The main path puts the entry on the new list; the error path returns
 * with the entry off every list and poisoned, while the rest of the file
 * tests the node with list_empty().
 */
struct buf {
	struct list_head list;
	int len;
};

bool buf_idle(struct buf *b)
{
	return list_empty(&b->list);
}

int buf_move(struct buf *b, struct list_head *to)
{
	list_del(&b->list);
	if (b->len < 0)
		return -EINVAL;
	list_add(&b->list, to);
	return 0;
}

// expect: 19:1-9: list_del without init in buf_move(): list_del() leaves b->list poisoned, but struct buf.list is tested with list_empty() at line 14; use list_del_init()
