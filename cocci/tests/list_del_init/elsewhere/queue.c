// SPDX-License-Identifier: GPL-2.0-only
/*
 * The file that tests the field: whether a connection still waits is
 * asked with list_empty().  wake.c deletes the same field with
 * list_del(); scripts/cocci-test.sh checks that the runner's collecting
 * pass lists this test, that the rule then reports that delete, and that
 * it stays quiet without the list.
 */
#include "conn.h"

struct local {
	struct list_head wait;
};

bool conn_waiting(struct conn *c)
{
	return !list_empty(&c->wait);
}

/* This file's own structure: its test is not listed for other files. */
bool local_waiting(struct local *l)
{
	return !list_empty(&l->wait);
}
