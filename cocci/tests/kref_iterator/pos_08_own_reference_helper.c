// SPDX-License-Identifier: GPL-2.0-only
/*
 * The node found goes to helpers that take a reference of their own on
 * it and drop that one (node_chip_id() of another file, node_flags_of()
 * of this one): the iterator's reference is still kept by the break.
 */
#include "include/node.h"

static int node_flags_of(struct node *n)
{
	int flags;

	node_get(n);
	flags = n->flags;
	node_put(n);
	return flags;
}

int node_primary_chip(void)
{
	struct node *np = NULL;
	int id = -1;

	for_each_node_of_type(np, "lpc") {
		if (!(node_flags_of(np) & 1))
			continue;
		id = node_chip_id(np);
		break;
	}
	return id;
}

// expect: 24:1-22: [High] kref iterator leak in node_primary_chip(): the reference for_each_node_of_type() holds on 'np' is neither put nor handed off where the loop is left: break at line 28
