// SPDX-License-Identifier: GPL-2.0-only
/*
 * wait_woken() is given the entry's address, yet leaves it on the queue:
 * an error return after it, before remove_wait_queue(), leaves the entry
 * queued all the same.
 */
#include <linux/wait.h>
#include <linux/sched/signal.h>

struct port {
	wait_queue_head_t wq;
	int ready;
	int dead;
};

long port_wait_ready(struct port *p, long timeout)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);

	add_wait_queue(&p->wq, &wait);
	while (!p->ready && timeout) {
		timeout = wait_woken(&wait, TASK_INTERRUPTIBLE, timeout);
		if (p->dead)
			return -ENODEV;
	}
	remove_wait_queue(&p->wq, &wait);
	return timeout;
}
// expect: 20:1-15: [Moderate] list wait entry left queued in port_wait_ready(): 'wait' on the stack, queued by add_wait_queue(), may still be on its queue when the function returns; finish_wait() or remove_wait_queue() it on every path
