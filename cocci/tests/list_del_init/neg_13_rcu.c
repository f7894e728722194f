// SPDX-License-Identifier: GPL-2.0-only
/*
 * An entry freed through call_rcu() after its list_del() is not reported,
 * even though the file tests the field with list_empty().
 */
struct route {
	struct list_head node;
	struct rcu_head rcu;
	int metric;
};

bool route_linked(struct route *r)
{
	return !list_empty(&r->node);
}

void route_remove_deferred(struct route *r)
{
	list_del(&r->node);
	call_rcu(&r->rcu, route_free_rcu);
}

// expect: none
