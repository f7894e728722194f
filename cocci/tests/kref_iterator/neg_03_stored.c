// SPDX-License-Identifier: GPL-2.0-only
/*
 * The child found is stored in the owner, or handed to a function that
 * keeps it (list_add_tail), before the loop is left.
 */
#include "include/node.h"

int node_owner_bind(struct node_owner *owner, struct node *parent)
{
	struct node *child;

	for_each_node_child(parent, child) {
		if (child->flags & 2) {
			owner->np = child;
			return 0;
		}
		if (child->flags & 4) {
			list_add_tail(&child->link, &owner->nodes);
			break;
		}
	}
	return -ENODEV;
}

// expect: none
