// SPDX-License-Identifier: GPL-2.0-only
/*
 * A work function that hands its object to a helper which only queues
 * more work says nothing of a reference the work holds: the early return
 * that skips the helper leaks nothing.  (A helper that puts: pos_31.)
 */
#include "include/nobj.h"

static void widget_poll_again(struct widget *w)
{
	schedule_work(&w->work);
}

static void widget_poll(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0)
		return;

	widget_expire(w);
	widget_poll_again(w);
}

void widget_retire(struct widget *w)
{
	cancel_work_sync(&w->work);
	widget_drop(w);
}

// expect: none
