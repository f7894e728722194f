// SPDX-License-Identifier: GPL-2.0-only
/*
 * A different structure type with the same field name is the one tested
 * with list_empty(): the delete of struct alpha must not be reported.
 */
struct alpha {
	struct list_head node;
	int a;
};

struct beta {
	struct list_head node;
	int b;
};

bool beta_linked(struct beta *b)
{
	return !list_empty(&b->node);
}

void alpha_unlink(struct alpha *a)
{
	list_del(&a->node);
	a->a = 0;
}

// expect: none
