// SPDX-License-Identifier: GPL-2.0-only
/*
 * The child found is handed to a function that keeps it, as another
 * type: the reference goes with it.
 */
#include "include/node.h"

struct node_handle;
struct node_handle *to_node_handle(struct node *n);
void owner_set_handle(struct node_owner *owner, struct node_handle *h);

void node_owner_adopt(struct node_owner *owner, struct node *parent)
{
	struct node *child;

	for_each_node_child(parent, child) {
		if (child->flags & 16) {
			owner_set_handle(owner, to_node_handle(child));
			return;
		}
	}
}

// expect: none
