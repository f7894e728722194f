// SPDX-License-Identifier: GPL-2.0-only
/*
 * The walk hands its cursor to a function of the file whose name says
 * nothing, but which passes it on, second argument, to one that frees
 * it: the walk then reads the next pointer of freed memory.
 */
struct req {
	struct list_head pending;
	void *buf;
};

static void req_drop(void *pool, struct req *r)
{
	kfree(r->buf);
	kfree(r);
}

static void req_finish(struct req *r, int err)
{
	if (err)
		req_drop(NULL, r);
}

void reqs_fail_all(struct list_head *pending, int err)
{
	struct req *r;

	list_for_each_entry(r, pending, pending)
		req_finish(r, err);
}

// expect: 28:1-20: [Low] list walk in reqs_fail_all(): req_finish() at line 29 frees the cursor 'r' (its body does), and the walk goes on through its next pointer; use list_for_each_entry_safe()
