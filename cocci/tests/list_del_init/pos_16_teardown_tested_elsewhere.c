// SPDX-License-Identifier: GPL-2.0-only
/*
 * A destroy function deletes the entry, but another function of the file
 * tests the same field with list_empty(): a teardown name does not make
 * that safe.
 */
struct conn {
	struct list_head node;
	int id;
};

bool conn_linked(struct conn *c)
{
	return !list_empty(&c->node);
}

void conn_destroy(struct conn *c)
{
	list_del(&c->node);
	c->id = -1;
}

// expect: 19:1-9: list_del without init in conn_destroy(): list_del() leaves c->node poisoned, but struct conn.node is tested with list_empty() at line 14; use list_del_init()
