// SPDX-License-Identifier: GPL-2.0-only
/*
 * Each owner's delete (an entry handed in) can come first and leave the
 * entry poisoned for another function that found it on the list: finding
 * it there says it was linked then, not at its delete.  The dequeue calls
 * into the child, whose notify can take the class off the active list,
 * and then deletes it; an RCU walk finds entries a writer already
 * deleted; a _from walk starts at the entry it is given.  Each owner is
 * reported (the sch_drr dequeue of corpus case l04 is the first shape).
 */
struct cls {
	struct list_head alist;
	struct hlist_node hnode;
	unsigned int qlen;
};

struct sched {
	struct list_head active;
	struct hlist_head hash;
};

void cls_notify(struct cls *cl)
{
	list_del(&cl->alist);
}

void cls_unhash(struct cls *cl)
{
	hlist_del_rcu(&cl->hnode);
}

void sched_dequeue(struct sched *q)
{
	struct cls *cl;

	cl = list_first_entry(&q->active, struct cls, alist);
	child_dequeue(cl);
	if (cl->qlen == 0)
		list_del(&cl->alist);
}

void sched_prune(struct sched *q)
{
	struct cls *cl;

	hlist_for_each_entry_rcu(cl, &q->hash, hnode) {
		if (!cl->qlen)
			hlist_del_rcu(&cl->hnode);
	}
}

struct mark {
	struct list_head link;
};

struct list_head marks;
struct mark *resume_at;

void mark_del(struct mark *m)
{
	list_del(&m->link);
}

void marks_drop_from_resume(void)
{
	struct mark *m = resume_at;

	list_for_each_entry_from(m, &marks, link)
		list_del(&m->link);
}

// expect: 24:1-9: list_del without init in cls_notify(): list_del() leaves cl->alist poisoned, but struct cls.alist is deleted again in sched_dequeue() at line 39, and nothing tests it; use list_del_init()
// expect: 29:1-14: list_del without init in cls_unhash(): hlist_del_rcu() leaves cl->hnode poisoned, but struct cls.hnode is deleted again in sched_prune() at line 48, and nothing tests it; use hlist_del_init_rcu()
// expect: 61:1-9: list_del without init in mark_del(): list_del() leaves m->link poisoned, but struct mark.link is deleted again in marks_drop_from_resume() at line 69, and nothing tests it; use list_del_init()
