// SPDX-License-Identifier: GPL-2.0-only
/*
 * Deleting inside list_for_each_entry_safe() and keeping the entries
 * around (marked, not freed) while another function tests membership.
 */
struct timer_ent {
	struct list_head list;
	int expired;
};

struct timer_base {
	struct list_head pending;
};

bool timer_ent_pending(struct timer_ent *t)
{
	return !list_empty(&t->list);
}

void timer_base_expire(struct timer_base *base)
{
	struct timer_ent *t, *tmp;

	list_for_each_entry_safe(t, tmp, &base->pending, list) {
		list_del(&t->list);
		t->expired = 1;
	}
}

// expect: 25:2-10: list_del without init in timer_base_expire(): list_del() leaves t->list poisoned, but struct timer_ent.list is tested with list_empty() at line 17; use list_del_init()
