// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference taken for a work item whose queueing result is ignored:
 * when the work is already pending, schedule_work() returns false and
 * nothing will put the reference.  The same when the queueing is only
 * tried under a condition while the reference was taken regardless.
 */
#include "include/nobj.h"

struct kicker {
	struct widget *w;
	struct work_struct work;
	int pending_event;
};

void kicker_fire(struct kicker *k)
{
	if (!k->w)
		return;
	widget_hold(k->w);
	schedule_work(&k->work);
}

void widget_poke(struct widget *w, int event)
{
	widget_hold(w);
	if (event == 0 && !schedule_work(&w->work))
		widget_drop(w);
	w->level = event;
}

// expect: 20:1-12: [Moderate] kref leak in kicker_fire(): reference on 'k->w' taken by widget_hold() is handed to a work item at line 21 that may not be queued (already pending, or the condition before it false): nothing puts it then
// expect: 26:1-12: [Moderate] kref leak in widget_poke(): reference on 'w' taken by widget_hold() is handed to a work item at line 27 that may not be queued (already pending, or the condition before it false): nothing puts it then
