// SPDX-License-Identifier: GPL-2.0-only
/*
 * Iterators that hold no reference the function must drop: a list walk
 * (the advance takes none), and a _scoped one (the variable it declares
 * is put by __free()); and the parent argument of a holding one, which
 * it does not hold.
 */
#include "include/node.h"

struct node *node_first_flagged(struct node_owner *owner)
{
	struct node *n;

	for_each_listed_node(n, &owner->nodes) {
		if (n->flags)
			return n;
	}
	return NULL;
}

int node_any_flagged(struct node *parent)
{
	for_each_node_child_scoped(parent, child) {
		if (child->flags)
			return 1;
	}
	return 0;
}

int node_parent_typed(struct node *parent)
{
	struct node *child;

	for_each_node_child(parent, child) {
		node_put(child);
		if (parent->type)
			return 1;
		break;
	}
	return 0;
}

// expect: none
