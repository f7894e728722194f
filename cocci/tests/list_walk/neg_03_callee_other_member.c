// SPDX-License-Identifier: GPL-2.0-only
/*
 * The callee unlinks another member of the entry than the one walked.
 */
struct ctx {
	struct list_head active;
	struct list_head pending;
	int users;
};

static void ctx_unqueue(struct ctx *c)
{
	list_del_init(&c->pending);
}

void ctx_flush(struct list_head *all)
{
	struct ctx *c;

	list_for_each_entry(c, all, active)
		ctx_unqueue(c);
}

// expect: none
