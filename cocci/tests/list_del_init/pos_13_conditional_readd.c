// SPDX-License-Identifier: GPL-2.0-only
/*
 * Re-added only when the retry counter allows it; otherwise it stays off
 * the lists, poisoned, while the completion path tests it.
 */
struct cmd {
	struct list_head node;
	int retries;
};

void cmd_complete(struct cmd *c)
{
	if (list_empty(&c->node))
		return;
	list_del_init(&c->node);
}

void cmd_retry(struct cmd *c, struct list_head *q)
{
	list_del(&c->node);
	if (c->retries-- > 0)
		list_add_tail(&c->node, q);
}

// expect: 20:1-9: list_del without init in cmd_retry(): list_del() leaves c->node poisoned, but struct cmd.node is tested with list_empty() at line 13; use list_del_init()
