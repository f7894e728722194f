// SPDX-License-Identifier: GPL-2.0-only
/*
 * One function removes the request with list_del(), another function of
 * the file asks list_empty() whether it is still queued: after the first,
 * the answer is "yes" and the second list_del_init() walks poison.
 */
struct req {
	struct list_head node;
	int done;
};

void req_complete(struct req *r)
{
	list_del(&r->node);
	r->done = 1;
}

void req_cancel(struct req *r)
{
	if (!list_empty(&r->node))
		list_del_init(&r->node);
}

// expect: 14:1-9: list_del without init in req_complete(): list_del() leaves r->node poisoned, but struct req.node is tested with list_empty() at line 20; use list_del_init()
