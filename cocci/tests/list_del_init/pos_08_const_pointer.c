// SPDX-License-Identifier: GPL-2.0-only
/*
 * The test goes through a const pointer, the delete through a plain one:
 * same structure type.
 */
struct node_info {
	struct list_head sib;
	int id;
};

bool node_linked(const struct node_info *n)
{
	return !list_empty(&n->sib);
}

void node_detach(struct node_info *n)
{
	list_del(&n->sib);
	n->id = -1;
}

// expect: 18:1-9: list_del without init in node_detach(): list_del() leaves n->sib poisoned, but struct node_info.sib is tested with list_empty() at line 13; use list_del_init()
