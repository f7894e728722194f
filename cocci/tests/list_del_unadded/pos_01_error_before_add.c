// SPDX-License-Identifier: GPL-2.0-only
/*
 * A job is allocated zeroed; when the second allocation fails, the
 * common cleanup deletes it from the pending list it was never added
 * to: list_del() writes through the NULL pointers of the zeroed entry.
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
	j->buf = kmalloc(size, GFP_KERNEL);
	if (!j->buf)
		goto fail;
	list_add_tail(&j->pending, &r->jobs);
	return 0;
fail:
	job_destroy(j);
	return -ENOMEM;
}

// expect: 18:1-9: [Moderate] list_del of an entry never added in job_destroy(): job_submit() at line 36 passes an entry it kzalloc()ed at line 27 and never added to a list: ->pending was not initialised; INIT_LIST_HEAD() it after the allocation
