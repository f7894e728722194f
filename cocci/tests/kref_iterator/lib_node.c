// SPDX-License-Identifier: GPL-2.0-only
/*
 * The getters of include/node.h: each returns a node with a reference
 * taken and drops the one on the node it is given, which is what makes
 * for_each_node_child() and for_each_node_of_type() hold a reference on
 * their loop variable.
 */
#include "include/node.h"

struct node *node_next_child(struct node *parent, struct node *prev)
{
	struct node *next = prev ? prev->sibling : parent->child;

	if (next)
		node_get(next);
	node_put(prev);
	return next;
}

struct node *node_find_by_type(struct node *from, const char *type)
{
	struct node *n = from ? from->sibling : NULL;

	while (n && !node_is_type(n, type))
		n = n->sibling;
	if (n)
		node_get(n);
	node_put(from);
	return n;
}

// expect-wrapper: consume node_next_child
// expect-wrapper: consume node_find_by_type
// expect-wrapper: rget node_next_child
// expect-wrapper: rget node_find_by_type
