// SPDX-License-Identifier: GPL-2.0-only
/*
 * The child found is returned: its reference goes to the caller.
 */
#include "include/node.h"

struct node *node_child_of_type(struct node *parent, const char *type)
{
	struct node *child;

	for_each_node_child(parent, child) {
		if (node_is_type(child, type))
			return child;
	}
	return NULL;
}

// expect: none
