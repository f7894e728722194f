// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loops that drain a queue through functions that unlink the entry: one
 * of this file (its body unlinks), one of another file (it may), and a
 * loop that leaves on the path that does not unlink.
 */
struct item {
	struct list_head link;
	int busy;
};

struct queue {
	struct list_head items;
};

static void item_drop(struct item *it)
{
	list_del(&it->link);
	kfree(it);
}

void item_give_back(struct item *it, int status);

void queue_flush(struct queue *q)
{
	struct item *it;

	while (!list_empty(&q->items)) {
		it = list_first_entry(&q->items, struct item, link);
		item_drop(it);
	}
}

void queue_abort(struct queue *q)
{
	struct item *it;

	while (!list_empty(&q->items)) {
		it = list_first_entry(&q->items, struct item, link);
		item_give_back(it, -5);
	}
}

int queue_take_idle(struct queue *q)
{
	struct item *it;

	while (!list_empty(&q->items)) {
		it = list_first_entry(&q->items, struct item, link);
		if (it->busy)
			return -16;
		list_del(&it->link);
		kfree(it);
	}
	return 0;
}

// expect: none
