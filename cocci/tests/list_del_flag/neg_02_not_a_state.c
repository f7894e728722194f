// SPDX-License-Identifier: GPL-2.0-only
/*
 * Members tested before a delete that are no state of the list: one set
 * only where the job is added, never with a delete; a buffer pointer set
 * to an allocation; the list member itself (list_empty()).
 */
#include "include/job.h"

void job_queue(struct runner *r, struct job *job)
{
	job->prio = 1;
	list_add(&job->node, &r->queue);
}

void job_drop_low(struct runner *r, struct job *job)
{
	if (job->prio)
		return;
	list_del(&job->node);
}

void job_fill(struct runner *r, struct job *job)
{
	if (!job->buf)
		return;
	list_del(&job->all);
	job->buf = kzalloc(64, GFP_KERNEL);
}

void job_unlink(struct runner *r, struct job *job)
{
	if (!list_empty(&job->node))
		list_del_init(&job->node);
}

void job_sweep(struct runner *r, struct job *job)
{
	list_del(&job->node);
	list_del(&job->all);
}

// expect: none
