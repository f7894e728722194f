// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loop over a stale list: entries are unlinked with list_del(), and the
 * sanity-check branch skips to the next entry without freeing this one
 * (the shape of free_pages_work() in 6.1 mm/z3fold.c).
 */
struct hdr {
	struct list_head buddy;
	unsigned long flags;
};

struct pool {
	struct list_head stale;
};

bool hdr_queued(struct hdr *h)
{
	return !list_empty(&h->buddy);
}

void pool_free_stale(struct pool *pool)
{
	while (!list_empty(&pool->stale)) {
		struct hdr *h = list_first_entry(&pool->stale, struct hdr, buddy);

		list_del(&h->buddy);
		if (WARN_ON(!(h->flags & 1)))
			continue;
		free_hdr_page(h);
	}
}

// expect: 26:2-10: list_del without init in pool_free_stale(): list_del() leaves h->buddy poisoned, but struct hdr.buddy is tested with list_empty() at line 18; use list_del_init()
