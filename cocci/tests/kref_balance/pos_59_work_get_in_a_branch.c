// SPDX-License-Identifier: GPL-2.0-only
/*
 * A work function that takes a reference of its own in one branch only
 * (to hand it to a callback there): the put of its body still drops the
 * reference the queued work holds, and the early return leaks it.
 */
#include "include/nobj.h"

static void widget_state_work(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0)
		return;
	if (w->level > 9) {
		widget_hold(w);
		widget_notify(w);
	}
	widget_expire(w);
	widget_drop(w);
}

// expect: 11:20-32: [Moderate] kref leak in widget_state_work(): the reference the queued work holds on 'w' is not put before the return at line 14 (other paths put it with widget_drop())
