// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unlinks after which the flag does not matter or is right: the entry is
 * added again by the same member, put by a member, given to a put
 * function, cleared of the other flag of an entry with two (one for each
 * list), or the flag is only ever written with data (no flag value).
 */
#include "include/job.h"

void job_cancel(struct runner *r, struct job *job)
{
	if (job->queued) {
		job->queued = false;
		list_del(&job->node);
	}
}

void job_rotate(struct runner *r, struct job *job)
{
	list_del(&job->node);
	list_add_tail(&job->node, &r->queue);
}

void job_drop(struct runner *r, struct job *job)
{
	list_del(&job->node);
	kref_put(&job->ref, job_release);
}

void wire_flush(struct wire_req *req)
{
	if (req->listed) {
		req->listed = false;
		list_del(&req->link);
	}
}

void wire_drop(struct wire_req *req)
{
	list_del(&req->link);
	wire_req_put(req);
}

void cmd_run(struct cmd *c)
{
	if (c->on_run_queue) {
		c->on_run_queue = false;
		list_del(&c->link);
	}
}

void cmd_done(struct cmd *c)
{
	if (c->on_done_queue) {
		c->on_done_queue = false;
		list_del(&c->link);
	}
}

void cmd_retire(struct cmd *c)
{
	list_del(&c->link);
	c->on_done_queue = false;
}

// expect: none
