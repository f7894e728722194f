// SPDX-License-Identifier: GPL-2.0-only
/*
 * The put of a work function at a shared exit that the main path falls
 * into (only its error paths jump to the label): an early return before
 * it still leaks the reference the queued work holds.
 */
#include "include/nobj.h"

static void widget_expire_work(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0)
		return;
	if (w->level > 9)
		goto out;
	widget_expire(w);
out:
	widget_drop(w);
}

// expect: 11:20-32: [Moderate] kref leak in widget_expire_work(): the reference the queued work holds on 'w' is not put before the return at line 14 (other paths put it with widget_drop())
