// SPDX-License-Identifier: GPL-2.0-only
/*
 * A work function owns the reference its queuer took on the object: an
 * early return that skips the put the other paths do leaks it.
 */
#include "include/nobj.h"

static void widget_timeout(struct work_struct *work)
{
	struct widget *w = container_of(work, struct widget, work);

	if (w->level < 0)
		return;

	widget_expire(w);
	widget_drop(w);
}

// expect: 10:20-32: [Moderate] kref leak in widget_timeout(): the reference the queued work holds on 'w' is not put before the return at line 13 (other paths put it with widget_drop())
