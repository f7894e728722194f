/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test tree header: a tree of reference-counted nodes and its iterators.
 * node_next_child() (lib_node.c) returns the next child with a reference
 * taken and puts the child it is given, so the body of
 * for_each_node_child() holds a reference on its loop variable; the
 * iterators below are known to the rule only from the runner's pass 1
 * over this test tree.
 */
#ifndef _TEST_NODE_H
#define _TEST_NODE_H

struct node {
	struct kref ref;
	struct node *parent, *child, *sibling;
	struct list_head link;
	const char *type;
	int flags;
};

struct node_owner {
	struct node *np;
	struct list_head nodes;
};

void node_release(struct kref *ref);

/* Never given NULL: the getters test first. */
static inline struct node *node_get(struct node *n)
{
	kref_get(&n->ref);
	return n;
}

static inline void node_put(struct node *n)
{
	if (n)
		kref_put(&n->ref, node_release);
}

struct node *node_next_child(struct node *parent, struct node *prev);
struct node *node_find_by_type(struct node *from, const char *type);
bool node_is_type(const struct node *n, const char *type);
int node_setup(struct node *n);

/* The loop variable is the second argument. */
#define for_each_node_child(parent, child) \
	for (child = node_next_child(parent, NULL); child != NULL; \
	     child = node_next_child(parent, child))

/* The first argument, and a while loop. */
#define for_each_node_of_type(dn, type) \
	while ((dn = node_find_by_type(dn, type)) != NULL)

/* Another iterator, with the loop variable in its place: the third. */
#define for_each_child_in(owner, parent, child) \
	for_each_node_child((owner)->np ? (owner)->np : (parent), child)

/* Declares its own variable, which __free() puts: holds nothing here. */
#define for_each_node_child_scoped(parent, child) \
	for (struct node *child __free(node_put) = \
	     node_next_child(parent, NULL); child != NULL; \
	     child = node_next_child(parent, child))

/* Walks a list: the advance takes no reference. */
#define for_each_listed_node(pos, head) \
	for (pos = list_first_entry(head, struct node, link); \
	     &pos->link != (head); \
	     pos = list_next_entry(pos, link))

// expect-wrapper: get node_get
// expect-wrapper: put node_put
// expect-wrapper: putcb node_put/node_release
// expect-wrapper: rget node_get
// expect-wrapper: iter for_each_node_child
// expect-wrapper: iter for_each_node_of_type
// expect-wrapper: iter for_each_child_in
#endif
