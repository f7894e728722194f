// SPDX-License-Identifier: GPL-2.0-only
/*
 * A goto to an error label that puts the child; and a goto to a label
 * inside the loop, which does not leave it.
 */
#include "include/node.h"

int node_setup_all(struct node *parent)
{
	struct node *child;
	int rc = 0;

	for_each_node_child(parent, child) {
		if (!child->type)
			goto next;
		rc = node_setup(child);
		if (rc)
			goto err_put;
next:
		child->flags |= 1;
	}
	return 0;

err_put:
	node_put(child);
	return rc;
}

// expect: none
