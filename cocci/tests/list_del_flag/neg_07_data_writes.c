// SPDX-License-Identifier: GPL-2.0-only
/*
 * A flag named for the list, tested before a delete, but the only write
 * where an entry is unlinked stores data (a copy of another flag): no
 * value says "unlinked", so no flag is known.
 */
#include "include/job.h"

void job_cancel(struct runner *r, struct job *job, bool q)
{
	if (job->queued) {
		list_del(&job->node);
		job->queued = q;
	}
}

void job_timeout(struct runner *r, struct job *job)
{
	list_del(&job->node);
}

// expect: none
