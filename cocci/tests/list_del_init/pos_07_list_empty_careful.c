// SPDX-License-Identifier: GPL-2.0-only
/*
 * list_empty_careful() counts as a membership test too.
 */
struct waiter {
	struct list_head entry;
	int woken;
};

bool waiter_pending(struct waiter *w)
{
	return !list_empty_careful(&w->entry);
}

void waiter_wake(struct waiter *w)
{
	list_del(&w->entry);
	w->woken = 1;
}

// expect: 17:1-9: list_del without init in waiter_wake(): list_del() leaves w->entry poisoned, but struct waiter.entry is tested with list_empty() at line 12; use list_del_init()
