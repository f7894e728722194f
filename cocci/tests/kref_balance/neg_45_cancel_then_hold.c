// SPDX-License-Identifier: GPL-2.0-only
/*
 * The timer idiom: the reference is taken only when cancelling found the
 * work idle, so the schedule that follows queues it, and the work (or
 * the cancel of a later call) puts it.  The caller's lock keeps another
 * path from queueing the work in between.
 */
#include "include/nobj.h"

struct pinger {
	struct widget *w;
	struct delayed_work timer;
};

void pinger_arm(struct pinger *p, unsigned long delay)
{
	if (!cancel_delayed_work(&p->timer))
		widget_hold(p->w);
	schedule_delayed_work(&p->timer, delay);
}

// expect: none
