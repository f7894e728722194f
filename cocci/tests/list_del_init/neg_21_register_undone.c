// SPDX-License-Identifier: GPL-2.0-only
/*
 * A register function that links the entry and unlinks it again when a
 * later step fails: its delete undoes its own add, and the unregister
 * function only runs on entries whose register succeeded.  Neither
 * delete is the other function's second one.
 */
struct port {
	struct list_head node;
	int id;
};

struct hub {
	struct list_head ports;
};

int port_announce(struct port *p);

int port_register(struct hub *h, struct port *p)
{
	int err;

	list_add_tail(&p->node, &h->ports);
	err = port_announce(p);
	if (err) {
		list_del(&p->node);
		return err;
	}
	return 0;
}

void port_unregister(struct port *p)
{
	list_del(&p->node);
}

// expect: none
