// SPDX-License-Identifier: GPL-2.0-only
/*
 * The unlinked entry is returned: the caller owns it now.
 */
struct task_ent {
	struct list_head run;
	int cpu;
};

bool task_ent_queued(struct task_ent *t)
{
	return !list_empty(&t->run);
}

struct task_ent *task_ent_dequeue(struct list_head *rq)
{
	struct task_ent *t = list_first_entry(rq, struct task_ent, run);

	list_del(&t->run);
	return t;
}

// expect: none
