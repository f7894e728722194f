// SPDX-License-Identifier: GPL-2.0-only
/*
 * A break out of the loop when the child is found: the reference the
 * iterator holds on it is kept, and nothing after the loop puts it.
 */
#include "include/node.h"

int node_setup_first(struct node *parent)
{
	struct node *child;
	int rc = -ENODEV;

	for_each_node_child(parent, child) {
		rc = node_setup(child);
		if (rc == 0)
			break;
	}
	return rc;
}

// expect: 13:1-20: [High] kref iterator leak in node_setup_first(): the reference for_each_node_child() holds on 'child' is neither put nor handed off where the loop is left: break at line 16
