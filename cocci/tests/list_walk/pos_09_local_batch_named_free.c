// SPDX-License-Identifier: GPL-2.0-only
/*
 * Finished requests are moved under the lock onto a list of the
 * function itself, then completed outside it; the completion gives each
 * request back to its pool, and the walk without _safe then reads the
 * next pointer of a request that may already be reused.
 */
struct req {
	struct list_head node;
	int done;
};

struct queue {
	spinlock_t lock;
	struct list_head pending;
};

void req_complete(struct req *r, int status);

void queue_reap(struct queue *q)
{
	LIST_HEAD(finished);
	struct req *r, *tmp;

	spin_lock(&q->lock);
	list_for_each_entry_safe(r, tmp, &q->pending, node) {
		if (r->done)
			list_move_tail(&r->node, &finished);
	}
	spin_unlock(&q->lock);

	list_for_each_entry(r, &finished, node)
		req_complete(r, 0);
}

// expect: 32:1-20: [Moderate] list walk in queue_reap(): req_complete() at line 33 may free the cursor 'r' of &finished, a list head of this function (by its name), and the walk goes on through its next pointer; use list_for_each_entry_safe() and unlink the entry first
