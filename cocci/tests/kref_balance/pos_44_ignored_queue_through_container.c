// SPDX-License-Identifier: GPL-2.0-only
/*
 * The object a lookup returned is part of a larger one, found with
 * container_of(): queueing the larger one's work item hands the reference
 * over to the work.  With the queueing result ignored, nothing puts it
 * when the work is already pending (the bug fixed in vmci_doorbell.c);
 * when a failed queueing puts it, nothing leaks
 * (vmci_dbell_host_context_notify() as fixed).
 */
#include "include/foo.h"

struct foo_job {
	struct foo base;
	struct work_struct work;
	int deferred;
};

int foo_job_kick_blind(struct foo *from)
{
	struct foo *f;
	struct foo_job *job;

	f = foo_lookup_hold(from);
	if (!f)
		return -ENOENT;
	job = container_of(f, struct foo_job, base);
	if (job->deferred) {
		schedule_work(&job->work);
	} else {
		job->deferred = 1;
		drop_foo(f);
	}
	return 0;
}

int foo_job_kick(struct foo *from)
{
	struct foo *f;
	struct foo_job *job;

	f = foo_lookup_hold(from);
	if (!f)
		return -ENOENT;
	job = container_of(f, struct foo_job, base);
	if (job->deferred) {
		if (!schedule_work(&job->work))
			drop_foo(f);
	} else {
		job->deferred = 1;
		drop_foo(f);
	}
	return 0;
}

// expect: 23:5-20: [Moderate] kref leak in foo_job_kick_blind(): reference on 'f' taken by foo_lookup_hold() is handed to a work item at line 28 that may not be queued (already pending, or the condition before it false): nothing puts it then
