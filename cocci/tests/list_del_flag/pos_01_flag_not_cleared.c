// SPDX-License-Identifier: GPL-2.0-only
/*
 * A flag says whether a job is queued: job_cancel() trusts it before its
 * delete and clears it there, and job_queue() sets it.  The flush and the
 * timeout take jobs off without clearing it, so a later job_cancel()
 * deletes them again and drops the count twice.
 */
#include "include/job.h"

void job_queue(struct runner *r, struct job *job)
{
	spin_lock(&r->lock);
	job->queued = true;
	list_add_tail(&job->node, &r->queue);
	r->queued++;
	spin_unlock(&r->lock);
}

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

void job_flush(struct runner *r)
{
	struct job *job, *tmp;

	spin_lock(&r->lock);
	list_for_each_entry_safe(job, tmp, &r->queue, node) {
		list_del_init(&job->node);
		r->queued--;
		job_complete(job);
	}
	spin_unlock(&r->lock);
}

void job_timeout(struct runner *r, struct job *job)
{
	spin_lock(&r->lock);
	list_del(&job->node);
	r->queued--;
	spin_unlock(&r->lock);
}

// expect: 36:2-15: list flag left set in job_flush(): list_del_init() takes job off its list but leaves job->queued set; job_cancel() deletes only under a test of it (line 24), and job_cancel() clears it where it unlinks (line 23)
// expect: 46:1-9: list flag left set in job_timeout(): list_del() takes job off its list but leaves job->queued set; job_cancel() deletes only under a test of it (line 24), and job_cancel() clears it where it unlinks (line 23)
