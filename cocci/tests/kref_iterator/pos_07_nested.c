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

// expect: 13:1-20: [High] kref iterator leak in node_find_bad_grandchild(): the reference for_each_node_child() holds on 'child' is neither put nor handed off where the loop is left: return at line 16
// expect: 14:2-21: [High] kref iterator leak in node_find_bad_grandchild(): the reference for_each_node_child() holds on 'grandchild' is neither put nor handed off where the loop is left: return at line 16
// expect: 20:2-21: [High] kref iterator leak in node_find_bad_grandchild(): the reference for_each_node_child() holds on 'grandchild' is neither put nor handed off where the loop is left: break at line 22
