// SPDX-License-Identifier: GPL-2.0-only
/*
 * A function named for the state it tests (_is_complete) or sets
 * (_set_complete) frees nothing: the walk may go on through the cursor.
 */
struct req {
	struct list_head node;
	int seqno;
};

bool req_is_complete(struct req *r);
void req_set_complete(struct req *r);

int queue_count_done(struct list_head *active)
{
	LIST_HEAD(batch);
	struct req *r;
	int n = 0;

	list_splice_init(active, &batch);
	list_for_each_entry(r, &batch, node)
		if (req_is_complete(r))
			n++;
	list_for_each_entry(r, &batch, node)
		req_set_complete(r);
	list_splice(&batch, active);
	return n;
}

// expect: none
