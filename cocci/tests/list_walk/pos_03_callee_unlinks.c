// SPDX-License-Identifier: GPL-2.0-only
/*
 * The walk calls a function of the file that, two calls down, unlinks
 * an entry of the cursor's type from the walked list: the walk goes on
 * through an entry that may have been removed.
 */
struct ctx {
	struct list_head active;
	int users;
};

static void ctx_drop(struct ctx *c)
{
	if (--c->users)
		return;
	list_del(&c->active);
}

static void ctx_stop(struct ctx *c)
{
	c->users--;
	ctx_drop(c);
}

void ctx_switch_all(struct list_head *all)
{
	struct ctx *c;

	list_for_each_entry(c, all, active) {
		if (c->users == 0)
			continue;
		ctx_stop(c);
	}
}

// expect: 29:1-20: [Low] list walk in ctx_switch_all(): ctx_stop() at line 32 can unlink struct ctx.active (a function of this file does), and the walk goes on through the cursor 'c'; use the _safe walk
