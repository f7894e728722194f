// SPDX-License-Identifier: GPL-2.0-only
/*
 * The same function deletes the entry and later asks list_empty() about
 * it, which answers "still linked".
 */
struct slot {
	struct list_head link;
	int busy;
};

int slot_release(struct slot *s)
{
	list_del(&s->link);
	s->busy = 0;
	if (list_empty(&s->link))
		return 0;
	return -EBUSY;
}

// expect: 13:1-9: list_del without init in slot_release(): list_del() leaves s->link poisoned, but struct slot.link is tested with list_empty() at line 15; use list_del_init()
