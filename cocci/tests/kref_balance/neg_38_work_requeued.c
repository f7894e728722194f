// SPDX-License-Identifier: GPL-2.0-only
/*
 * A work function that queues itself again hands its reference to the
 * next run, and one that puts on every path keeps nothing; one that never
 * puts holds no reference of its own.
 */
#include "include/nobj.h"

static void widget_poll(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (widget_busy(w)) {
		schedule_work(&w->work);
		return;
	}
	widget_drop(w);
}

static void widget_retire(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0) {
		widget_drop(w);
		return;
	}
	widget_expire(w);
	widget_drop(w);
}

static void widget_tick(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0)
		return;
	w->level++;
}

// expect: none
