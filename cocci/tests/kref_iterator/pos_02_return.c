// SPDX-License-Identifier: GPL-2.0-only
/*
 * An error return from inside the loop: the child's reference goes with
 * it.  The first return puts it, the second does not.
 */
#include "include/node.h"

int node_check_children(struct node *parent)
{
	struct node *child;

	for_each_node_child(parent, child) {
		if (child->flags < 0) {
			node_put(child);
			return -EINVAL;
		}
		if (!child->type)
			return -ENOENT;
	}
	return 0;
}

// expect: 12:1-20: [High] kref iterator leak in node_check_children(): the reference for_each_node_child() holds on 'child' is neither put nor handed off where the loop is left: return at line 18
