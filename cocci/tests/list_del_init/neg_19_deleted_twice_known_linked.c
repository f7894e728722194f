// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two functions delete the same field and leave the entry alive, but
 * each knows the entry is linked: one took it off the front of the list
 * itself, the other asserted with list_is_first() that it is queued.
 */
struct slot {
	struct list_head queue;
	int busy;
};

/* the slot stays in its table: busy until slot_release() */
void slot_claim(struct list_head *free_slots)
{
	struct slot *s = list_first_entry(free_slots, struct slot, queue);

	list_del(&s->queue);
	s->busy = 1;
}

void slot_pop(struct list_head *free_slots, struct slot *s)
{
	WARN_ON(!list_is_first(&s->queue, free_slots));
	list_del(&s->queue);
	s->busy = 1;
}

// expect: none
