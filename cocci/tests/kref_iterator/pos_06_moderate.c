// SPDX-License-Identifier: GPL-2.0-only
/*
 * Moderate: before the return the child goes to a function of another
 * file named like one that drops a reference, or the value returned
 * comes from a function given the child (it may be the child itself).
 */
#include "include/node.h"

void node_release_quirks(struct node *n);
struct node *node_match(struct node *n, const char *type);

int node_apply_quirks(struct node *parent)
{
	struct node *child;

	for_each_node_child(parent, child) {
		node_release_quirks(child);
		if (child->flags < 0)
			return -EINVAL;
	}
	for_each_node_child(parent, child) {
		if (child->flags & 8)
			return node_setup(child);
	}
	return 0;
}

struct node *node_child_matching(struct node *parent, const char *type)
{
	struct node *child, *hit;

	for_each_node_child(parent, child) {
		hit = node_match(child, type);
		if (hit)
			return hit;
	}
	return NULL;
}

// expect: 16:1-20: [Moderate] kref iterator leak in node_apply_quirks(): the reference for_each_node_child() holds on 'child' is neither put nor handed off where the loop is left: return at line 19 (node_release_quirks() may drop it)
// expect: 21:1-20: [Moderate] kref iterator leak in node_apply_quirks(): the reference for_each_node_child() holds on 'child' is neither put nor handed off where the loop is left: return at line 23 (the value returned comes from node_setup(), which was given it)
// expect: 32:1-20: [Moderate] kref iterator leak in node_child_matching(): the reference for_each_node_child() holds on 'child' is neither put nor handed off where the loop is left: return at line 35 (the value returned comes from node_match(), which was given it)
