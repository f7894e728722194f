// SPDX-License-Identifier: GPL-2.0-only
/*
 * The getters of include/node.h: each returns a node with a reference
 * taken and drops the one on the node it is given, which is what makes
 * for_each_node_child() and for_each_node_of_type() hold a reference on
 * their loop variable; and a function that gets and puts its parameter.
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

/* Takes a reference of its own on n and drops it: hands nothing off. */
int node_chip_id(struct node *n)
{
	int id;

	node_get(n);
	while (n->flags < 0 && n->parent) {
		struct node *up = node_get(n->parent);

		node_put(n);
		n = up;
	}
	id = n->flags;
	node_put(n);
	return id;
}

// expect-wrapper: consume node_chip_id
// expect-wrapper: get node_chip_id
// expect-wrapper: consume node_next_child
// expect-wrapper: consume node_find_by_type
// expect-wrapper: rget node_next_child
// expect-wrapper: rget node_find_by_type
