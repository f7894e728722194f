// SPDX-License-Identifier: GPL-2.0-only
/*
 * list_del_rcu() is left alone (readers may still walk the entry), and an
 * entry freed through call_rcu() is not reported either.
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

void route_remove(struct route *r)
{
	list_del_rcu(&r->node);
	r->metric = 0;
}

void route_remove_deferred(struct route *r)
{
	list_del(&r->node);
	call_rcu(&r->rcu, route_free_rcu);
}

// expect: none
