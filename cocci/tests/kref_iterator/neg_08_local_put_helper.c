// SPDX-License-Identifier: GPL-2.0-only
/*
 * A helper of this file puts the child it is given: calling it before
 * the return hands the reference off.
 */
#include "include/node.h"

static void node_fail(struct node *n, int err)
{
	n->flags = err;
	node_put(n);
}

int node_setup_checked(struct node *parent)
{
	struct node *child;
	int rc;

	for_each_node_child(parent, child) {
		rc = node_setup(child);
		if (rc) {
			node_fail(child, rc);
			return rc;
		}
	}
	return 0;
}

// expect: none
