// SPDX-License-Identifier: GPL-2.0-only
/*
 * The same flag as pos_01, and unlinks that keep it right: one under the
 * test that clears it, one that clears it after the delete, one that
 * frees the job, one that hands the job back to its caller, one after a
 * test that returns and clears it, and a move, which leaves the job
 * listed.
 */
#include "include/job.h"

void job_cancel(struct runner *r, struct job *job)
{
	spin_lock(&r->lock);
	if (job->queued) {
		job->queued = false;
		list_del(&job->node);
		r->queued--;
	}
	spin_unlock(&r->lock);
}

void job_timeout(struct runner *r, struct job *job)
{
	spin_lock(&r->lock);
	list_del(&job->node);
	job->queued = false;
	spin_unlock(&r->lock);
}

void job_discard(struct runner *r, struct job *job)
{
	spin_lock(&r->lock);
	list_del(&job->node);
	spin_unlock(&r->lock);
	job_free(job);
}

struct job *job_pop(struct runner *r)
{
	struct job *job = list_first_entry(&r->queue, struct job, node);

	list_del_init(&job->node);
	return job;
}

void job_requeue(struct runner *r, struct job *job)
{
	if (!job->queued)
		return;
	list_del(&job->node);
	job->queued = false;
}

void job_defer(struct runner *r, struct job *job)
{
	list_move(&job->node, &r->queue);
}

void job_expire(struct runner *r, struct job *job)
{
	list_move_tail(&job->node, &r->done);
}

// expect: none
