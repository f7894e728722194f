// SPDX-License-Identifier: GPL-2.0-only
/*
 * The file that tests the field: whether a connection still waits is
 * asked with list_empty().  wake.c deletes the same field with
 * list_del(); scripts/cocci-test.sh checks that the rule reports that
 * delete only with this file's LISTTEST lines (-D collect) given as
 * LIST_TESTED, and stays quiet without them.
 */
struct conn {
	struct list_head wait;
	int id;
};

bool conn_waiting(struct conn *c)
{
	return !list_empty(&c->wait);
}
