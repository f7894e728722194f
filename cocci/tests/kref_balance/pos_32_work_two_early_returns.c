// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two early returns of a work function that skip its put: one finding
 * naming both (the rule once failed on the whole file here, sorting two
 * matches of one container_of()).
 */
#include "include/nobj.h"

static void widget_retry(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0)
		return;
	if (w->level > 9)
		return;

	widget_expire(w);
	widget_drop(w);
}

// expect: 11:20-32: [Moderate] kref leak in widget_retry(): the reference the queued work holds on 'w' is not put before the return at lines 14, 16 (other paths put it with widget_drop())
