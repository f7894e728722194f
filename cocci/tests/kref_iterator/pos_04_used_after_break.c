// SPDX-License-Identifier: GPL-2.0-only
/*
 * A search loop: the node found is used after the loop, but never put
 * (nor stored).  Moderate: after the loop it goes to a function, which
 * may keep it.
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
	node_setup(np);
	return np->flags;
}

// expect: 13:1-22: [Moderate] kref iterator leak in node_find_display(): the reference for_each_node_of_type() holds on 'np' is neither put nor handed off where the loop is left: break at line 15 (after the loop it goes to node_setup())
