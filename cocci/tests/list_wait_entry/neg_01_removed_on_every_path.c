// SPDX-License-Identifier: GPL-2.0-only
/*
 * Wait loops that take the entry off the queue on every way out: the
 * usual prepare_to_wait()/finish_wait() pair around a loop that breaks,
 * an early exit that removes before returning, an entry given to a
 * helper of the file that removes it, a list_del_init() or list_del()
 * of its entry under the queue's lock, and wait_woken() between the add and the
 * remove, which keeps it queued and is no removal.
 */
#include <linux/wait.h>
#include <linux/sched/signal.h>

struct ring {
	wait_queue_head_t wq;
	int count;
};

static void ring_unwait(struct ring *r, struct wait_queue_entry *w)
{
	remove_wait_queue(&r->wq, w);
}

int ring_wait(struct ring *r)
{
	DEFINE_WAIT(wait);
	int ret = 0;

	for (;;) {
		prepare_to_wait(&r->wq, &wait, TASK_INTERRUPTIBLE);
		if (r->count)
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&r->wq, &wait);
	return ret;
}

int ring_wait_early(struct ring *r)
{
	DECLARE_WAITQUEUE(wait, current);

	add_wait_queue(&r->wq, &wait);
	if (r->count) {
		remove_wait_queue(&r->wq, &wait);
		return 0;
	}
	schedule();
	ring_unwait(r, &wait);
	return 0;
}

long ring_wait_woken(struct ring *r, long timeout)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);

	add_wait_queue(&r->wq, &wait);
	while (!r->count && timeout)
		timeout = wait_woken(&wait, TASK_INTERRUPTIBLE, timeout);
	remove_wait_queue(&r->wq, &wait);
	return timeout;
}
int ring_wait_locked(struct ring *r)
{
	wait_queue_entry_t wait;

	init_waitqueue_entry(&wait, current);
	add_wait_queue(&r->wq, &wait);
	if (r->count) {
		spin_lock(&r->wq.lock);
		list_del_init(&wait.entry);
		spin_unlock(&r->wq.lock);
		return 0;
	}
	schedule();
	remove_wait_queue(&r->wq, &wait);
	return 0;
}
int ring_wait_unlinked(struct ring *r)
{
	DECLARE_WAITQUEUE(wait, current);

	add_wait_queue(&r->wq, &wait);
	if (!r->count)
		schedule();
	spin_lock(&r->wq.lock);
	list_del(&wait.entry);
	spin_unlock(&r->wq.lock);
	return 0;
}
// expect: none
