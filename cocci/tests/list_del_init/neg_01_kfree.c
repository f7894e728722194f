// SPDX-License-Identifier: GPL-2.0-only
/*
 * The entry is freed right after list_del(): the poison never matters.
 */
struct req {
	struct list_head node;
	int done;
};

bool req_queued(struct req *r)
{
	return !list_empty(&r->node);
}

void req_free(struct req *r)
{
	list_del(&r->node);
	kfree(r);
}

// expect: none
