// SPDX-License-Identifier: GPL-2.0-only
/*
 * A second delete that does no harm: a list_del_init() after which a
 * guarded delete only finds the entry linked to itself, with no count, or
 * with a count only the guarded delete drops.
 */
#include "include/job.h"

void job_cancel(struct runner *r, struct job *job)
{
	if (job->queued) {
		job->queued = false;
		list_del(&job->node);
	}
}

void job_quiesce(struct runner *r, struct job *job)
{
	list_del_init(&job->node);
}

void wire_flush(struct runner *r, struct wire_req *req)
{
	if (req->listed) {
		req->listed = false;
		list_del_init(&req->link);
		r->queued--;
	}
}

void wire_reset(struct runner *r, struct wire_req *req)
{
	list_del_init(&req->link);
}

// expect: none
