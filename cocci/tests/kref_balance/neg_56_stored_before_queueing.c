// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference stored in a field before the work is queued belongs to the
 * field, not to the work item: whichever run of the work comes next takes
 * it out and puts it, so a queue_work() that finds the work pending loses
 * nothing (gud_fb_queue_damage() keeps the framebuffer in the device,
 * speakup_paste_selection() publishes the tty with cmpxchg()).
 */
#include "include/nobj.h"

struct painter {
	struct widget *cur;
	struct widget *next;
	struct work_struct work;
};

void painter_show(struct painter *p, struct widget *w)
{
	struct widget *old = NULL;

	if (w != p->cur) {
		old = p->cur;
		widget_hold(w);
		p->cur = w;
	}
	schedule_work(&p->work);
	if (old)
		widget_drop(old);
}

int painter_offer(struct painter *p, struct widget *w)
{
	widget_hold(w);
	if (cmpxchg(&p->next, NULL, w)) {
		widget_drop(w);
		return -EBUSY;
	}
	schedule_work(&p->work);
	return 0;
}

// expect: none
