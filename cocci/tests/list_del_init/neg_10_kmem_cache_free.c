// SPDX-License-Identifier: GPL-2.0-only
/*
 * The entry goes back to its slab cache after the delete.
 */
struct rec {
	struct list_head node;
	int key;
};

bool rec_linked(struct rec *r)
{
	return !list_empty(&r->node);
}

void rec_free(struct kmem_cache *cache, struct rec *r)
{
	list_del(&r->node);
	r->key = 0;
	kmem_cache_free(cache, r);
}

// expect: none
