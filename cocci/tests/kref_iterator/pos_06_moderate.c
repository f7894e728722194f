// SPDX-License-Identifier: GPL-2.0-only
/*
 * Moderate: before the return the child goes to a function of another
 * file named like one that drops a reference, or the return itself
 * passes it to a function, which may keep it.
 */
#include "include/node.h"

void node_release_quirks(struct node *n);

int node_apply_quirks(struct node *parent)
{
	struct node *child;

	for_each_node_child(parent, child) {
		node_release_quirks(child);
		if (child->flags < 0)
			return -EINVAL;
	}
	for_each_node_child(parent, child) {
		if (child->flags & 8)
			return node_setup(child);
	}
	return 0;
}

// expect: 15:1-20: [Moderate] kref iterator leak in node_apply_quirks(): the reference for_each_node_child() holds on 'child' is neither put nor handed off before the return at line 18 leaves the loop (node_release_quirks() may drop it)
// expect: 20:1-20: [Moderate] kref iterator leak in node_apply_quirks(): the reference for_each_node_child() holds on 'child' is neither put nor handed off before the return at line 22 leaves the loop (the return passes it to node_setup())
