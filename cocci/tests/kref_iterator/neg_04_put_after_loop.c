// SPDX-License-Identifier: GPL-2.0-only
/*
 * The search loop breaks with the node found, and the code after the
 * loop puts it once it is done with it.
 */
#include "include/node.h"

int node_display_flags(void)
{
	struct node *np = NULL;
	int flags;

	for_each_node_of_type(np, "display") {
		if (np->flags & 1)
			break;
	}
	if (!np)
		return -ENODEV;
	flags = np->flags;
	node_put(np);
	return flags;
}

// expect: none
