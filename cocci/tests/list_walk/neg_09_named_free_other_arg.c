// SPDX-License-Identifier: GPL-2.0-only
/*
 * The walk passes its cursor to a function named like one that frees,
 * but the file has that function, and it frees its other argument: the
 * cursor lives on.
 */
struct port {
	struct list_head node;
	int id;
};

struct msg {
	int port_id;
};

static void port_msg_complete(struct port *p, struct msg *m)
{
	m->port_id = p->id;
	kfree(m);
}

void ports_flush(struct list_head *ports, struct msg *(*next)(struct port *))
{
	struct port *p;
	struct msg *m;

	list_for_each_entry(p, ports, node) {
		m = next(p);
		if (m)
			port_msg_complete(p, m);
	}
}

// expect: none
