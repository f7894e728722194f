// SPDX-License-Identifier: GPL-2.0-only
/*
 * Nothing tests the entry, but two functions take it off its list and
 * leave it alive: a callback that runs after the other one deleted it
 * deletes a poisoned entry.
 */
struct job {
	struct list_head active;
	unsigned int pending;
};

struct runner {
	struct list_head busy;
};

void job_kick(struct runner *r, struct job *j)
{
	list_add_tail(&j->active, &r->busy);
}

void job_idle(struct job *j)
{
	list_del(&j->active);
}

void job_done(struct runner *r, struct job *j)
{
	j->pending--;
	if (!j->pending)
		list_del(&j->active);
}

// expect: 23:1-9: list_del without init in job_idle(): list_del() leaves j->active poisoned, but struct job.active is deleted again in job_done() at line 30, and nothing tests it; use list_del_init()
// expect: 30:2-10: list_del without init in job_done(): list_del() leaves j->active poisoned, but struct job.active is deleted again in job_idle() at line 23, and nothing tests it; use list_del_init()
