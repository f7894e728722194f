// SPDX-License-Identifier: GPL-2.0-only
/*
 * Nobody in the file asks whether the entry is linked and nothing deletes
 * it twice: plain list_del() is fine.
 */
struct msg {
	struct list_head node;
	int len;
};

struct msg *msg_pop(struct list_head *q)
{
	struct msg *m = list_first_entry(q, struct msg, node);

	list_del(&m->node);
	m->len = 0;
	return NULL;
}

// expect: none
