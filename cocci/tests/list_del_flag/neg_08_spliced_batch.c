// SPDX-License-Identifier: GPL-2.0-only
/*
 * A batch taken whole off another list (list_splice_init() into a head
 * of the function's own) and deleted there: the function that moved the
 * jobs to that list cleared their flag, as the cifs invalidation worker
 * relies on.
 */
#include "include/job.h"

void job_cancel(struct runner *r, struct job *job)
{
	if (job->queued) {
		job->queued = false;
		list_del(&job->node);
	}
}

void job_kill_all(struct runner *r)
{
	struct job *job, *tmp;

	list_for_each_entry_safe(job, tmp, &r->queue, node) {
		list_move(&job->node, &r->done);
		job->queued = false;
	}
}

void job_reap_worker(struct runner *r)
{
	struct job *job, *tmp;
	LIST_HEAD(batch);

	spin_lock(&r->lock);
	list_splice_init(&r->done, &batch);
	spin_unlock(&r->lock);

	list_for_each_entry_safe(job, tmp, &batch, node) {
		list_del(&job->node);
		job_complete(job);
	}
}

// expect: none
