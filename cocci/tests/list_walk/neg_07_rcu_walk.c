// SPDX-License-Identifier: GPL-2.0-only
/*
 * An RCU walk may unlink its cursor with list_del_rcu(): the entry's next
 * pointer stays valid, and the entry is freed after a grace period.
 */
struct peer {
	struct list_head node;
	struct rcu_head rcu;
	int dead;
};

void peers_prune(struct list_head *peers)
{
	struct peer *p;

	list_for_each_entry_rcu(p, peers, node) {
		if (!p->dead)
			continue;
		list_del_rcu(&p->node);
		kfree_rcu(p, rcu);
	}
}

// expect: none
