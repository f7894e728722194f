// SPDX-License-Identifier: GPL-2.0-only
/*
 * list_del_rcu() poisons the back pointer and leaves the forward one: a
 * list_empty() test of the entry still says "linked".  Readers under RCU
 * are why list_del_init_rcu() exists; it is the fix here.
 */
struct route {
	struct list_head node;
	int metric;
};

bool route_linked(struct route *r)
{
	return !list_empty(&r->node);
}

void route_remove(struct route *r)
{
	list_del_rcu(&r->node);
	r->metric = 0;
}

/*
 * Freed right after its list_del(): not reported.  (It also lets the file
 * through the runner's prefilter, which only looks for "list_del(".)
 */
struct route_ref {
	struct list_head link;
};

void route_ref_free(struct route_ref *x)
{
	list_del(&x->link);
	kfree(x);
}

// expect: 19:1-13: list_del without init in route_remove(): list_del_rcu() leaves r->node poisoned, but struct route.node is tested with list_empty() at line 14; use list_del_init_rcu()
