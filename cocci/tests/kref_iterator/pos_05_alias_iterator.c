// SPDX-License-Identifier: GPL-2.0-only
/*
 * for_each_child_in() is for_each_node_child() with its loop variable
 * in another place; an iterator whose body is one if statement.
 */
#include "include/node.h"

bool node_owner_has_type(struct node_owner *owner, struct node *parent,
			 const char *type)
{
	struct node *child;

	for_each_child_in(owner, parent, child)
		if (child->type == type)
			return true;
	return false;
}

// expect: 13:1-18: [High] kref iterator leak in node_owner_has_type(): the reference for_each_child_in() holds on 'child' is neither put nor handed off where the loop is left: return at line 15
