// SPDX-License-Identifier: GPL-2.0-only
/*
 * A teardown walk takes every hook off the device's list and drops it
 * there, neither freeing it nor handing it on: the hooks belong to the
 * modules that registered them, and each later unregisters its own hook,
 * deleting an entry the walk left poisoned.  The walk is the delete to
 * fix (or to drop); the unregister is reported as well.
 */
struct hook {
	struct list_head node;
	int (*fn)(void *arg);
};

struct hookdev {
	struct list_head hooks;
};

void hook_register(struct hookdev *d, struct hook *h)
{
	list_add_tail(&h->node, &d->hooks);
}

void hook_unregister(struct hook *h)
{
	list_del(&h->node);
}

void hookdev_teardown(struct hookdev *d)
{
	struct hook *h, *tmp;

	list_for_each_entry_safe(h, tmp, &d->hooks, node)
		list_del(&h->node);
}

// expect: 25:1-9: list_del without init in hook_unregister(): list_del() leaves h->node poisoned, but struct hook.node is deleted again in hookdev_teardown() at line 33, and nothing tests it; use list_del_init()
// expect: 33:2-10: list_del without init in hookdev_teardown(): list_del() in a walk that only takes each entry off leaves h->node poisoned, but hook_unregister() deletes struct hook.node of the entry its caller hands it (line 25), and nothing tests it; use list_del_init() or leave the entries to their owners
