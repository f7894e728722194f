// SPDX-License-Identifier: GPL-2.0-only
/*
 * Deletes a field that only another file (queue.c) tests: after this,
 * conn_waiting() there answers "yes" for a connection that no longer
 * waits.
 */
struct conn {
	struct list_head wait;
	int id;
};

void conn_wake(struct conn *c)
{
	list_del(&c->wait);
	c->id = 0;
}

// expect-elsewhere: 14:1-9: list_del without init in conn_wake(): list_del() leaves c->wait poisoned, but struct conn.wait is tested with list_empty() in queue.c:16; use list_del_init()
