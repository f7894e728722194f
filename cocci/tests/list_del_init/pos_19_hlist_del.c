// SPDX-License-Identifier: GPL-2.0-only
/*
 * hlist_del() poisons the node's pprev, so hlist_unhashed() keeps saying
 * "hashed" after it: a second unhash test walks poison.
 */
struct sess {
	struct hlist_node hnode;
	int id;
};

void sess_unhash(struct sess *s)
{
	if (!hlist_unhashed(&s->hnode))
		hlist_del_init(&s->hnode);
}

void sess_expire(struct sess *s)
{
	hlist_del(&s->hnode);
	s->id = -1;
}

void sess_expire_rcu(struct sess *s)
{
	hlist_del_rcu(&s->hnode);
	s->id = -2;
}

/*
 * Freed right after its list_del(): not reported.  (It also lets the file
 * through the runner's prefilter, which only looks for "list_del(".)
 */
struct sess_ref {
	struct list_head link;
};

void sess_ref_free(struct sess_ref *x)
{
	list_del(&x->link);
	kfree(x);
}

// expect: 19:1-10: list_del without init in sess_expire(): hlist_del() leaves s->hnode poisoned, but struct sess.hnode is tested with hlist_unhashed() at line 13; use hlist_del_init()
// expect: 25:1-14: list_del without init in sess_expire_rcu(): hlist_del_rcu() leaves s->hnode poisoned, but struct sess.hnode is tested with hlist_unhashed() at line 13; use hlist_del_init_rcu()
