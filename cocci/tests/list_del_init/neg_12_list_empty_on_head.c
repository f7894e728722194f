// SPDX-License-Identifier: GPL-2.0-only
/*
 * list_empty() on a list head of another structure type: the entries'
 * node field is never tested, so deleting them is not reported.
 */
struct queue {
	struct list_head items;
};

struct qitem {
	struct list_head items;
	int v;
};

bool queue_idle(struct queue *q)
{
	return list_empty(&q->items);
}

void qitem_drop(struct qitem *it)
{
	list_del(&it->items);
	it->v = 0;
}

// expect: none
