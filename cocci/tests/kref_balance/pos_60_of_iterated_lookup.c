// SPDX-License-Identifier: GPL-2.0-only
/*
 * A device-tree lookup called as an iterator: each call drops the node
 * the last one returned, and the loop ends on NULL.  Not a node read and
 * forgotten: the finding stays Low.  Only that call's: a lookup into the
 * same variable after the loop, read and forgotten, is Moderate.
 */
#include "include/of.h"

int board_count_children(struct device_node *np)
{
	struct device_node *child = NULL;
	int n = 0;

	do {
		child = of_get_next_child(np, child);
		if (!child)
			break;
		n++;
	} while (child);
	return n;
}

int board_count_and_read(struct device_node *np)
{
	struct device_node *child = NULL;
	int n = 0;

	do {
		child = of_get_next_child(np, child);
		if (!child)
			break;
		n++;
	} while (child);
	child = of_find_node_by_path("/serial");
	if (!child)
		return -ENODEV;
	return child->name ? n : 0;
}

// expect: 16:10-27: [Low] kref leak in board_count_children(): reference on 'child' taken by of_get_next_child() is neither put nor handed off before the return at line 21
// expect: 35:9-29: [Moderate] kref leak in board_count_and_read(): reference on 'child' taken by of_find_node_by_path() is neither put nor handed off before the return at line 38
