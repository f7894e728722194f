// SPDX-License-Identifier: GPL-2.0-only
/*
 * A work item the function has just initialised cannot be pending, even
 * when it was initialised before the reference it carries was taken: its
 * queueing cannot fail (dm_set_vblank() allocates a request, sets up its
 * work, holds the stream for it and queues it).
 */
#include "include/nobj.h"

struct poke_req {
	struct widget *w;
	struct work_struct work;
	int event;
};

void poke_work_fn(struct work_struct *work);

int widget_poke_async(struct widget *w, int event)
{
	struct poke_req *req = kzalloc(sizeof(*req), GFP_ATOMIC);

	if (!req)
		return -ENOMEM;
	INIT_WORK(&req->work, poke_work_fn);
	req->event = event;
	widget_hold(w);
	req->w = w;
	schedule_work(&req->work);
	return 0;
}

// expect: none
