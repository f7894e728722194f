// SPDX-License-Identifier: GPL-2.0-only
/*
 * A goto out of the loop to a label that cleans up other things only.
 */
#include "include/node.h"

int node_count_typed(struct node *parent, int *count)
{
	struct node *child;
	int ret = 0;

	*count = 0;
	for_each_node_child(parent, child) {
		if (!child->type) {
			ret = -EINVAL;
			goto out;
		}
		(*count)++;
	}
out:
	if (ret)
		*count = 0;
	return ret;
}

// expect: 13:1-20: [High] kref iterator leak in node_count_typed(): the reference for_each_node_child() holds on 'child' is neither put nor handed off where the loop is left: goto at line 16
