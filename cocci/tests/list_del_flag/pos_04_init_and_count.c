// SPDX-License-Identifier: GPL-2.0-only
/*
 * The qedi shape: every guarded delete is list_del_init() and drops the
 * count kept beside the list, clearing the flag first or in between; the
 * unflagged list_del_init() that drops the count too drops it twice when
 * a guarded delete runs later.  A plain list_del() leaves the entry
 * poisoned, which any later delete trips on.  A delete under the test
 * that does not clear the flag leaves it set all the same.
 */
#include "include/job.h"

void job_cancel(struct runner *r, struct job *job)
{
	spin_lock(&r->lock);
	if (likely(job->queued)) {
		job->queued = false;
		list_del_init(&job->node);
		r->queued--;
	}
	spin_unlock(&r->lock);
}

void job_abort(struct runner *r, struct job *job)
{
	spin_lock(&r->lock);
	if (job->queued) {
		list_del_init(&job->node);
		job->queued = false;
		r->queued--;
	}
	spin_unlock(&r->lock);
}

void job_cleanup(struct runner *r, struct job *job)
{
	spin_lock(&r->lock);
	list_del_init(&job->node);
	r->queued--;
	spin_unlock(&r->lock);
}

void job_expire(struct runner *r, struct job *job)
{
	list_del(&job->node);
	job_complete(job);
}

void job_skip(struct runner *r, struct job *job)
{
	if (job->queued)
		list_del(&job->node);
}

void job_park(struct runner *r, struct job *job)
{
	list_del(&job->node);
	list_add(&job->all, &r->done);
}

void job_chill(struct runner *r, struct job *job)
{
	list_del(&job->node);
	job_freeze(job);
}

// expect: 37:1-14: list flag left set in job_cleanup(): list_del_init() takes job off its list but leaves job->queued set; job_cancel() deletes only under a test of it (line 17), and job_abort() clears it where it unlinks (line 28)
// expect: 44:1-9: list flag left set in job_expire(): list_del() takes job off its list but leaves job->queued set; job_cancel() deletes only under a test of it (line 17), and job_abort() clears it where it unlinks (line 28)
// expect: 51:2-10: list flag left set in job_skip(): list_del() takes job off its list but leaves job->queued set; job_cancel() deletes only under a test of it (line 17), and job_abort() clears it where it unlinks (line 28)
// expect: 56:1-9: list flag left set in job_park(): list_del() takes job off its list but leaves job->queued set; job_cancel() deletes only under a test of it (line 17), and job_abort() clears it where it unlinks (line 28)
// expect: 62:1-9: list flag left set in job_chill(): list_del() takes job off its list but leaves job->queued set; job_cancel() deletes only under a test of it (line 17), and job_abort() clears it where it unlinks (line 28)
