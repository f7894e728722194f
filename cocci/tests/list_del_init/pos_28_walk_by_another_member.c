// SPDX-License-Identifier: GPL-2.0-only
/*
 * The reset walks the classes by their hash member and deletes each
 * one's active-list member: a class the notify callback already took off
 * the active list is still hashed, so the reset deletes it again.  A
 * walk only says that the member it follows is linked.
 */
struct cls {
	struct hlist_node hnode;
	struct list_head alist;
	unsigned int qlen;
};

struct sched {
	struct hlist_head hash;
	struct list_head active;
};

void cls_notify(struct cls *cl)
{
	list_del(&cl->alist);
}

void sched_reset(struct sched *q)
{
	struct cls *cl;

	hlist_for_each_entry(cl, &q->hash, hnode) {
		if (cl->qlen)
			list_del(&cl->alist);
		cl->qlen = 0;
	}
}

// expect: 21:1-9: list_del without init in cls_notify(): list_del() leaves cl->alist poisoned, but struct cls.alist is deleted again in sched_reset() at line 30, and nothing tests it; use list_del_init()
