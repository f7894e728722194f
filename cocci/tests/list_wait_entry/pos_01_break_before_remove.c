// SPDX-License-Identifier: GPL-2.0-only
/*
 * A service thread queues its wait entry at the top of each turn and
 * takes it off after the sleep; the stop test between the two breaks out
 * of the loop, and the thread returns with the entry still on the
 * device's queue (btmrvl_service_main_thread() in 6.1).  A wake_up() of
 * that queue after the thread is gone writes into its dead stack.
 */
#include <linux/wait.h>
#include <linux/kthread.h>

struct svc {
	wait_queue_head_t wait_q;
	int pending;
	bool removed;
};

void svc_handle(struct svc *s);

int svc_thread(void *data)
{
	struct svc *s = data;
	wait_queue_entry_t wait;

	init_waitqueue_entry(&wait, current);
	for (;;) {
		add_wait_queue(&s->wait_q, &wait);
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop() || s->removed)
			break;
		if (!s->pending)
			schedule();
		set_current_state(TASK_RUNNING);
		remove_wait_queue(&s->wait_q, &wait);
		svc_handle(s);
	}
	return 0;
}
// expect: 27:2-16: [Moderate] list wait entry left queued in svc_thread(): 'wait' on the stack, queued by add_wait_queue(), may still be on its queue when the function returns; finish_wait() or remove_wait_queue() it on every path
