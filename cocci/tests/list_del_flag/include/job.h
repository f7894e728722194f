/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test tree header: jobs queued on a runner, each with a flag that says
 * whether it is still queued, and requests on a wire with a flag, a bit
 * and a status.
 */
#ifndef _TEST_JOB_H
#define _TEST_JOB_H

struct runner {
	spinlock_t lock;
	struct list_head queue;
	struct list_head done;
	int queued;
	atomic_t pending;
};

struct job {
	struct list_head node;
	struct list_head all;
	bool queued;
	void *buf;
	int prio;
	struct kref ref;
};

/* A command on the run queue or the done queue, a flag for each. */
struct cmd {
	struct list_head link;
	bool on_run_queue;
	bool on_done_queue;
	unsigned long state;
};

#define CMD_LISTED 0
#define CMD_RUNNING 1

enum wire_status { W_UNSENT, W_SENT, W_FLUSHED, W_ERROR };

struct wire_req {
	struct list_head link;
	enum wire_status status;
	bool listed;
	unsigned long flags;
	int err;
};

#define WIRE_REQ_LISTED 0

void job_free(struct job *job);
void job_freeze(struct job *job);
void job_release(struct kref *ref);
void job_complete(struct job *job);
void wire_req_put(struct wire_req *req);
void wire_req_done(struct wire_req *req, int err);

#endif
