// SPDX-License-Identifier: GPL-2.0-only
/*
 * list_del() followed by INIT_LIST_HEAD(): re-initialised by hand.
 */
struct entry {
	struct list_head list;
	int v;
};

bool entry_linked(struct entry *e)
{
	return !list_empty(&e->list);
}

void entry_unlink(struct entry *e)
{
	list_del(&e->list);
	INIT_LIST_HEAD(&e->list);
	e->v = 0;
}

// expect: none
