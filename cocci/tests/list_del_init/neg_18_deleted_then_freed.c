// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two functions delete the same field, but each frees the entry or puts
 * it on another list right away: no poisoned entry stays reachable.
 */
struct req {
	struct list_head link;
	int tag;
};

void req_abort(struct req *rq)
{
	list_del(&rq->link);
	kfree(rq);
}

void req_retire(struct req *rq, struct list_head *done)
{
	list_del(&rq->link);
	list_add(&rq->link, done);
}

void req_finish(struct req *rq)
{
	rq->tag = 0;
	list_del(&rq->link);
	kmem_cache_free(req_cache, rq);
}

// expect: none
