// SPDX-License-Identifier: GPL-2.0-only
/*
 * A walk that only takes each entry off the list, where no function of
 * the file deletes the entry it is handed: the other delete walks the
 * list itself and finds its entries linked.  Nothing to report.
 */
struct timer_slot {
	struct list_head link;
	unsigned long expires;
};

struct wheel {
	struct list_head slots;
};

void wheel_expire(struct wheel *w, unsigned long now)
{
	struct timer_slot *s, *tmp;

	list_for_each_entry_safe(s, tmp, &w->slots, link) {
		if (s->expires <= now)
			list_del(&s->link);
	}
}

void wheel_reset(struct wheel *w)
{
	struct timer_slot *s, *tmp;

	list_for_each_entry_safe(s, tmp, &w->slots, link)
		list_del(&s->link);
}

// expect: none
