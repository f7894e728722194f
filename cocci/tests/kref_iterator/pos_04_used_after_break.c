// SPDX-License-Identifier: GPL-2.0-only
/*
 * A search loop: the node found is used after the loop, but never put
 * (nor stored).  Moderate: code after the loop has the object.
 */
#include "include/node.h"

int node_find_display(void)
{
	struct node *np = NULL;

	for_each_node_of_type(np, "display") {
		if (np->flags & 1)
			break;
	}
	if (!np)
		return -ENODEV;
	return np->flags;
}

// expect: 12:1-22: [Moderate] kref iterator leak in node_find_display(): the reference for_each_node_of_type() holds on 'np' is neither put nor handed off before the break at line 14 leaves the loop (it is used after the loop)
