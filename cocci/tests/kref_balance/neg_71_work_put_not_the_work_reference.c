// SPDX-License-Identifier: GPL-2.0-only
/*
 * Puts in a work function that say nothing of a reference the queued
 * work holds: one that balances a get the function took itself, one per
 * item of a loop, one in a branch only, one at an error exit only a goto
 * reaches, and a return whose value is the put.  Each early return keeps
 * nothing.
 */
#include "include/nobj.h"

static void widget_timed_out(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (!widget_hold(w))
		return;
	widget_expire(w);
	widget_drop(w);
}

static void widget_flush_batch(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);
	int n = w->level;

	if (n < 0)
		return;
	while (n--)
		widget_drop(w);
}

static void widget_power_on(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0)
		return;
	if (w->level > 9) {
		widget_expire(w);
		widget_drop(w);
	}
}

static void widget_setup_work(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0)
		goto fail;
	if (w->level > 9)
		return;
	widget_expire(w);
	return; /* the queued work held nothing */

fail:
	widget_drop(w);
}

static void widget_setup_commented(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0)
		goto fail;
	widget_expire(w);
	return;

	/* only the failed setup gets here */
fail:
	widget_drop(w);
}

static void widget_requeue_put(struct widget *w)
{
	schedule_work(&w->work);
	widget_drop(w);
}

static void widget_complete(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0)
		return widget_requeue_put(w);
	widget_expire(w);
	widget_drop(w);
}

// expect: none
