// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two deletes of a tested field in one file: both are reported.
 */
struct ev {
	struct list_head q;
	int type;
};

bool ev_queued(struct ev *e)
{
	return !list_empty(&e->q);
}

void ev_consume(struct ev *e)
{
	list_del(&e->q);
	e->type = 0;
}

void ev_drop(struct ev *e, int why)
{
	if (why)
		list_del(&e->q);
	e->type = why;
}

// expect: 17:1-9: list_del without init in ev_consume(): list_del() leaves e->q poisoned, but struct ev.q is tested with list_empty() at line 12; use list_del_init()
// expect: 24:2-10: list_del without init in ev_drop(): list_del() leaves e->q poisoned, but struct ev.q is tested with list_empty() at line 12; use list_del_init()
