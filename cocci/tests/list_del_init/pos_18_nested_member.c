// SPDX-License-Identifier: GPL-2.0-only
/*
 * The entry is a member of a member: the file tests
 * &w->links.pending with list_empty() and deletes it without init.
 */
struct waiter_links {
	struct list_head pending;
	struct list_head done;
};

struct waiter {
	struct waiter_links links;
	int state;
};

bool waiter_pending(struct waiter *w)
{
	return !list_empty(&w->links.pending);
}

void waiter_wake(struct waiter *w)
{
	list_del(&w->links.pending);
	w->state = 1;
}

// expect: 23:1-9: list_del without init in waiter_wake(): list_del() leaves w->links.pending poisoned, but struct waiter.links.pending is tested with list_empty() at line 18; use list_del_init()
