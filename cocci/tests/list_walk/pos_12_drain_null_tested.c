// SPDX-License-Identifier: GPL-2.0-only
/*
 * The path that leaves the entry linked is the one where the entry is
 * NULL, which the first entry of a non-empty list never is: the finding
 * stays Low.
 */
struct conn {
	struct list_head node;
	int id;
};

struct pool {
	struct list_head free_conns;
};

void pool_drain(struct pool *p)
{
	struct conn *c;

	while (!list_empty(&p->free_conns)) {
		c = list_first_entry(&p->free_conns, struct conn, node);
		if (c) {
			list_del(&c->node);
			kfree(c);
		}
	}
}

// expect: 20:1-6: [Low] list walk in pool_drain(): the loop takes 'c' off p->free_conns at line 21, but a path leaves it linked and the loop takes it again; list_del() it on that path
