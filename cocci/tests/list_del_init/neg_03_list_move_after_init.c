// SPDX-License-Identifier: GPL-2.0-only
/*
 * list_del_init() followed by list_move(): the entry is self-linked, so
 * moving it is fine, and list_del_init() is never reported.
 */
struct job {
	struct list_head node;
	int prio;
};

bool job_queued(struct job *j)
{
	return !list_empty(&j->node);
}

void job_requeue(struct job *j, struct list_head *q)
{
	list_del_init(&j->node);
	j->prio++;
	list_move_tail(&j->node, q);
}

// expect: none
