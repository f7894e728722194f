// SPDX-License-Identifier: GPL-2.0-only
/*
 * job_idle() takes its entry from a global, not from its caller: it may
 * know the entry is linked, so only job_done(), handed its entry, is
 * reported for the other's delete.
 */
struct job {
	struct list_head active;
	struct work_struct work;
};

static struct job *current_job;

void job_idle(struct work_struct *w)
{
	struct job *j;

	j = current_job;
	list_del(&j->active);
}

void job_done(struct job *j)
{
	list_del(&j->active);
}

// expect: 24:1-9: list_del without init in job_done(): list_del() leaves j->active poisoned, but struct job.active is deleted again in job_idle() at line 19, and nothing tests it; use list_del_init()
