// SPDX-License-Identifier: GPL-2.0-only
/*
 * The walk frees its cursor and goes on through the freed entry.
 */
struct job {
	struct list_head node;
	int done;
};

void jobs_free(struct list_head *queue)
{
	struct job *j;

	list_for_each_entry(j, queue, node)
		kfree(j);
	INIT_LIST_HEAD(queue);
}

// expect: 14:1-20: [Low] list walk in jobs_free(): kfree() at line 15 frees the cursor 'j' and the walk goes on through its next pointer; use list_for_each_entry_safe()
