// SPDX-License-Identifier: GPL-2.0-only
/*
 * The cursor is unlinked, then the walk stops: nothing reads it again.
 */
struct job {
	struct list_head node;
	int id;
};

struct job *jobs_take(struct list_head *queue, int id)
{
	struct job *j;

	list_for_each_entry(j, queue, node) {
		if (j->id != id)
			continue;
		list_del(&j->node);
		return j;
	}
	list_for_each_entry(j, queue, node) {
		if (j->id == -id) {
			list_del_init(&j->node);
			kfree(j);
			break;
		}
	}
	return NULL;
}

// expect: none
