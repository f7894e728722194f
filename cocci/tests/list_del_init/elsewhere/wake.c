// SPDX-License-Identifier: GPL-2.0-only
/*
 * Deletes a field that only another file (queue.c) tests: after this,
 * conn_waiting() there answers "yes" for a connection that no longer
 * waits.
 */
#include "conn.h"

void conn_wake(struct conn *c)
{
	list_del(&c->wait);
	c->id = 0;
}

// expect-elsewhere: 11:1-9: list_del without init in conn_wake(): list_del() leaves c->wait poisoned, but struct conn.wait is tested with list_empty() in queue.c:17; use list_del_init()
