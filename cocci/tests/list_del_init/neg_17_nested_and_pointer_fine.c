// SPDX-License-Identifier: GPL-2.0-only
/*
 * Right: a nested member deleted with init, a nested member used as a
 * list head, an hlist node deleted with init, and a list_head pointer
 * re-added before it is looked at again.
 */
struct waiter_links {
	struct list_head pending;
	struct list_head children;
};

struct waiter {
	struct waiter_links links;
	struct hlist_node hnode;
	int state;
};

bool waiter_pending(struct waiter *w)
{
	return !list_empty(&w->links.pending) || !list_empty(&w->links.children) ||
	       !hlist_unhashed(&w->hnode);
}

void waiter_wake(struct waiter *w)
{
	list_del_init(&w->links.pending);
	hlist_del_init(&w->hnode);
	w->state = 1;
}

void waiter_adopt(struct waiter *w, struct waiter *child)
{
	list_add(&child->links.pending, &w->links.children);
}

void waiter_orphan(struct waiter *w)
{
	list_del(&w->links.children);
}

static int requeue_one(struct list_head *entry, struct list_head *q)
{
	list_del(entry);
	list_add_tail(entry, q);
	return list_empty(entry);
}

// expect: none
