// SPDX-License-Identifier: GPL-2.0-only
/*
 * An open that sleeps until a peer publishes its channel: on a signal it
 * jumps to the error exit from inside the wait loop, past the
 * finish_wait() (rtlx_open() in 6.1).  The DEFINE_WAIT() entry leaves the
 * queue only when a wake-up of that queue ends the sleep, so after a
 * signal it stays on the global queue.  Also a void function that falls
 * off its end with the entry queued, and an add under a test with no
 * remove under the same test (nor any other).
 */
#include <linux/wait.h>
#include <linux/sched/signal.h>

struct chan {
	void *shared;
	int opened;
};

static struct chan chans[4];
static wait_queue_head_t chan_wq[4];

int chan_open(int index)
{
	int ret = 0;

	if (!chans[index].shared) {
		DEFINE_WAIT(wait);

		for (;;) {
			prepare_to_wait(&chan_wq[index], &wait, TASK_INTERRUPTIBLE);
			if (chans[index].shared)
				break;
			if (!signal_pending(current)) {
				schedule();
				continue;
			}
			ret = -ERESTARTSYS;
			goto out_fail;
		}
		finish_wait(&chan_wq[index], &wait);
	}
	chans[index].opened = 1;
	return 0;

out_fail:
	return ret;
}

void chan_wait_once(int index)
{
	DECLARE_WAITQUEUE(wait, current);

	add_wait_queue_exclusive(&chan_wq[index], &wait);
	if (!chans[index].shared) {
		schedule();
		remove_wait_queue(&chan_wq[index], &wait);
	}
}

int chan_poll(int index, bool block)
{
	DEFINE_WAIT(wait);

	if (block)
		prepare_to_wait(&chan_wq[index], &wait, TASK_INTERRUPTIBLE);
	if (!chans[index].shared)
		schedule();
	return chans[index].shared != NULL;
}
// expect: 53:1-25: [Moderate] list wait entry left queued in chan_wait_once(): 'wait' on the stack, queued by add_wait_queue_exclusive(), may still be on its queue when the function returns; finish_wait() or remove_wait_queue() it on every path
// expect: 30:3-18: [Moderate] list wait entry left queued in chan_open(): 'wait' on the stack, queued by prepare_to_wait(), may still be on its queue when the function returns; finish_wait() or remove_wait_queue() it on every path
// expect: 65:2-17: [Moderate] list wait entry left queued in chan_poll(): 'wait' on the stack, queued by prepare_to_wait(), may still be on its queue when the function returns; finish_wait() or remove_wait_queue() it on every path
