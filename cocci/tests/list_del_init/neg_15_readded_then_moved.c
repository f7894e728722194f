// SPDX-License-Identifier: GPL-2.0-only
/*
 * Taken off the free list, added to the busy list, then moved back on
 * error: the move is of an entry on a list, not a second delete.  And a
 * second delete through a pointer stepped back to the previous element
 * is of another entry.
 */
struct job {
	struct list_head link;
};

struct pool {
	struct list_head free, busy;
	struct job jobs[4];
};

int pool_run(struct pool *p, int (*start)(struct job *))
{
	struct job *j = list_first_entry_or_null(&p->free, struct job, link);

	if (!j)
		return -1;
	list_del(&j->link);
	list_add_tail(&j->link, &p->busy);
	if (start(j)) {
		list_move(&j->link, &p->free);
		return -1;
	}
	return 0;
}

void pool_unwind(struct pool *p, int n)
{
	struct job *j = &p->jobs[n];

	list_del(&j->link);
	j--;
	list_del(&j->link);
}

// expect: none
