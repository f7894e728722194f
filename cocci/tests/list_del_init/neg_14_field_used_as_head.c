// SPDX-License-Identifier: GPL-2.0-only
/*
 * One structure type whose field is a list head in one object and an
 * entry in another (a pending-commands head in the adapter): its
 * list_empty() tests are about the head, so deleting it is not reported.
 */
struct adapter {
	struct list_head cmd_q;
	struct list_head free_q;
};

struct cmd {
	struct list_head node;
};

void adapter_queue(struct adapter *a, struct cmd *c)
{
	list_add_tail(&c->node, &a->cmd_q);
}

bool adapter_idle(struct adapter *a)
{
	return list_empty(&a->cmd_q);
}

void adapter_unlink_queues(struct adapter *a)
{
	list_del(&a->cmd_q);
	list_del(&a->free_q);
}

// expect: none
