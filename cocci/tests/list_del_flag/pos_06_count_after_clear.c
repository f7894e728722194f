// SPDX-License-Identifier: GPL-2.0-only
/*
 * The guarded delete clears the flag between its list_del_init() and the
 * count it drops: still a count dropped with the delete, so the unflagged
 * list_del_init() that drops it too drops it twice.
 */
#include "include/job.h"

void job_cancel(struct runner *r, struct job *job)
{
	if (job->queued) {
		list_del_init(&job->node);
		job->queued = false;
		atomic_dec(&r->pending);
	}
}

void job_cleanup(struct runner *r, struct job *job)
{
	list_del_init(&job->node);
	atomic_dec(&r->pending);
}

// expect: 20:1-14: list flag left set in job_cleanup(): list_del_init() takes job off its list but leaves job->queued set; job_cancel() deletes only under a test of it (line 12), and job_cancel() clears it where it unlinks (line 13)
