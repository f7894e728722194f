// SPDX-License-Identifier: GPL-2.0-only
/*
 * A status enum kept beside the list, tested before a delete and set with
 * one, is not a flag named for the list: its deletes elsewhere are not
 * checked.  Nor is a flag whose guarded deletes are all list_del_init()
 * with no count beside them: a second one does no harm.
 */
#include "include/job.h"

int wire_flush(spinlock_t *lock, struct wire_req *req)
{
	if (req->status != W_SENT)
		return 0;
	list_del(&req->link);
	req->status = W_FLUSHED;
	return 1;
}

void wire_teardown(struct wire_req *req)
{
	list_del(&req->link);
}

void job_cancel(struct runner *r, struct job *job)
{
	if (job->queued) {
		job->queued = false;
		list_del_init(&job->node);
	}
}

void job_flush_one(struct runner *r, struct job *job)
{
	list_del_init(&job->node);
}

// expect: none
