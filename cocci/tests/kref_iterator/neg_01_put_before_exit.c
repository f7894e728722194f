// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every way out of the loop puts the child first: break, return and
 * goto.
 */
#include "include/node.h"

int node_pick(struct node *parent, int want)
{
	struct node *child;
	int rc = 0;

	for_each_node_child(parent, child) {
		if (child->flags == want) {
			node_put(child);
			break;
		}
		if (child->flags < 0) {
			node_put(child);
			return -EINVAL;
		}
		if (!child->type) {
			rc = -ENOENT;
			node_put(child);
			goto out;
		}
	}
out:
	return rc;
}

// expect: none
