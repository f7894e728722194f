// SPDX-License-Identifier: GPL-2.0-only
/*
 * list_move() after list_del(): list_move() first unlinks the entry, which
 * now holds poison.
 */
struct job {
	struct list_head node;
	int prio;
};

void job_requeue(struct job *j, struct list_head *q)
{
	list_del(&j->node);
	j->prio++;
	list_move_tail(&j->node, q);
}

// expect: 13:1-9: list_del without init in job_requeue(): j->node is deleted again at line 15 after this list_del(); use list_del_init()
