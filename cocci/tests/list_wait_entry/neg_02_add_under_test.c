// SPDX-License-Identifier: GPL-2.0-only
/*
 * An entry queued only when the caller may block, and taken off under the
 * same test (tap_do_read(), vhost_chr_read_iter() in 6.1): the matcher
 * does not follow the two tests together, so an add that is the whole
 * branch of an if is left alone.
 */
#include <linux/wait.h>
#include <linux/sched/signal.h>

struct tq {
	wait_queue_head_t wq;
	void *head;
};

void *tq_pop(struct tq *q);

void *tq_read(struct tq *q, bool noblock, int *err)
{
	DEFINE_WAIT(wait);
	void *item;

	while (1) {
		if (!noblock)
			prepare_to_wait(&q->wq, &wait, TASK_INTERRUPTIBLE);
		item = tq_pop(q);
		if (item)
			break;
		if (noblock) {
			*err = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			*err = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	if (!noblock)
		finish_wait(&q->wq, &wait);
	return item;
}
// expect: none
