// SPDX-License-Identifier: GPL-2.0-only
/*
 * The fixed form: the entry is initialised right after the allocation,
 * so deleting it before it was added is harmless; and a second caller
 * adds the entry before anything can fail.
 */
struct job {
	struct list_head pending;
	void *buf;
};

struct runner {
	struct list_head jobs;
};

static void job_destroy(struct job *j)
{
	list_del(&j->pending);
	kfree(j->buf);
	kfree(j);
}

int job_submit(struct runner *r, int size)
{
	struct job *j;

	j = kzalloc(sizeof(*j), GFP_KERNEL);
	if (!j)
		return -ENOMEM;
	INIT_LIST_HEAD(&j->pending);
	j->buf = kmalloc(size, GFP_KERNEL);
	if (!j->buf)
		goto fail;
	list_add_tail(&j->pending, &r->jobs);
	return 0;
fail:
	job_destroy(j);
	return -ENOMEM;
}

int job_submit_empty(struct runner *r)
{
	struct job *j;

	j = kzalloc(sizeof(*j), GFP_KERNEL);
	if (j == NULL)
		return -ENOMEM;
	list_add_tail(&j->pending, &r->jobs);
	if (r->jobs.next == r->jobs.prev)
		job_destroy(j);
	return 0;
}

// expect: none
