// SPDX-License-Identifier: GPL-2.0-only
/*
 * A work function finds its entry from the work item it is handed, by an
 * assignment after the declaration; the entry is the caller's, as much
 * as the one the other function is handed directly.
 */
struct job {
	struct list_head active;
	struct work_struct work;
};

void job_idle(struct work_struct *w)
{
	struct job *j;

	j = container_of(w, struct job, work);
	list_del(&j->active);
}

void job_done(struct job *j)
{
	list_del(&j->active);
}

// expect: 17:1-9: list_del without init in job_idle(): list_del() leaves j->active poisoned, but struct job.active is deleted again in job_done() at line 22, and nothing tests it; use list_del_init()
// expect: 22:1-9: list_del without init in job_done(): list_del() leaves j->active poisoned, but struct job.active is deleted again in job_idle() at line 17, and nothing tests it; use list_del_init()
