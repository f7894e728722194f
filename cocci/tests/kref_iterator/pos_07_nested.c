// SPDX-License-Identifier: GPL-2.0-only
/*
 * A return from the inner of two nested loops keeps both references;
 * a break of the inner loop keeps the grandchild's, which the outer loop
 * only tests.
 */
#include "include/node.h"

int node_find_bad_grandchild(struct node *parent)
{
	struct node *child, *grandchild;

	for_each_node_child(parent, child) {
		for_each_node_child(child, grandchild) {
			if (node_is_type(grandchild, "bad"))
				return -EINVAL;
		}
	}
	for_each_node_child(parent, child) {
		for_each_node_child(child, grandchild) {
			if (grandchild->flags)
				break;
		}
		child->flags = grandchild ? 1 : 0;
	}
	return 0;
}

// expect: 13:1-20: [High] kref iterator leak in node_find_bad_grandchild(): the reference for_each_node_child() holds on 'child' is neither put nor handed off before the return at line 16 leaves the loop
// expect: 14:2-21: [High] kref iterator leak in node_find_bad_grandchild(): the reference for_each_node_child() holds on 'grandchild' is neither put nor handed off before the return at line 16 leaves the loop
// expect: 20:2-21: [Moderate] kref iterator leak in node_find_bad_grandchild(): the reference for_each_node_child() holds on 'grandchild' is neither put nor handed off before the break at line 22 leaves the loop (it is used after the loop)
