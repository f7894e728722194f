// SPDX-License-Identifier: GPL-2.0-only
/*
 * Queueing whose result is checked (the reference is dropped when the
 * work was already pending), a work item initialised on the path, which
 * cannot be pending yet, and one queued only by the caller that set its
 * "needs work" flag (the work function clears it once it runs).
 */
#include "include/nobj.h"

void widget_kick(struct widget *w)
{
	widget_hold(w);
	if (!schedule_work(&w->work))
		widget_drop(w);
}

void widget_first_kick(struct widget *w, work_func_t fn)
{
	widget_hold(w);
	INIT_WORK(&w->work, fn);
	schedule_work(&w->work);
}

void widget_kick_if(struct widget *w, int event)
{
	if (event == 0) {
		widget_hold(w);
		if (!schedule_work(&w->work))
			widget_drop(w);
	}
}

void widget_request(struct widget *w, unsigned long *flags)
{
	if (test_and_set_bit(0, flags))
		return;
	widget_hold(w);
	schedule_work(&w->work);
}

// expect: none
