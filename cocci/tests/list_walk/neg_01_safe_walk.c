// SPDX-License-Identifier: GPL-2.0-only
/*
 * The _safe walk may unlink and free its cursor.
 */
struct job {
	struct list_head node;
	int done;
};

void jobs_reap(struct list_head *queue)
{
	struct job *j, *tmp;

	list_for_each_entry_safe(j, tmp, queue, node) {
		if (!j->done)
			continue;
		list_del(&j->node);
		kfree(j);
	}
}

// expect: none
