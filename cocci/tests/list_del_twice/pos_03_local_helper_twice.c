// SPDX-License-Identifier: GPL-2.0-only
/*
 * A helper of this file that deletes the job, called on the error path
 * after the normal path already called it.
 */
#include "include/cmd.h"

struct job {
	struct list_head node;
	int state;
};

static void job_unqueue(struct job *j)
{
	list_del(&j->node);
	j->state = 0;
}

int job_run(struct job *j)
{
	int err;

	job_unqueue(j);
	err = job_exec(j);
	if (err)
		goto fail;
	return 0;
fail:
	job_unqueue(j);
	return err;
}

// expect: 23:1-12: list double delete in job_run(): job_unqueue() deletes 'j->node' (list_del() in its body leaves it poisoned), and job_unqueue() at line 29 deletes it again (its body does); delete it once, or leave it empty the first time (list_del_init())
