// SPDX-License-Identifier: GPL-2.0-only
/*
 * A completion callback gets the finished buffer from its caller, then
 * reuses the variable for the buffers it takes off the pending queue
 * itself: those are known to be linked, so deleting them while another
 * function deletes the same field is fine.
 */
struct rxbuf {
	struct list_head list;
	int state;
};

struct rxq {
	struct list_head pending;
	struct list_head active;
};

void rxbuf_done(struct rxq *q, void *param)
{
	struct rxbuf *buf = param;

	buf->state = 0;
	list_move_tail(&buf->list, &q->pending);
	while (!list_empty(&q->active)) {
		buf = list_entry(q->active.next, struct rxbuf, list);
		list_del(&buf->list);
		buf->state = 1;
	}
}

void rxbuf_flush(struct rxq *q)
{
	struct rxbuf *buf, *tmp;

	list_for_each_entry_safe(buf, tmp, &q->pending, list) {
		list_del(&buf->list);
		buf->state = 2;
	}
}

// expect: none
