// SPDX-License-Identifier: GPL-2.0-only
/*
 * The walk unlinks its cursor and goes on: list_for_each_entry() then
 * reads the poisoned next pointer of the entry it just removed.
 */
struct job {
	struct list_head node;
	int done;
};

void jobs_reap(struct list_head *queue)
{
	struct job *j;

	list_for_each_entry(j, queue, node) {
		if (!j->done)
			continue;
		list_del(&j->node);
		j->done = 2;
	}
}

// expect: 15:1-20: [Low] list walk in jobs_reap(): list_del() at line 18 unlinks the cursor 'j' and the walk goes on through its next pointer; use list_for_each_entry_safe()
