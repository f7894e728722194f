// SPDX-License-Identifier: GPL-2.0-only
/*
 * A teardown frees the entries and leaves them on the head: the head
 * usually goes with its owner, which the rule cannot see from here, so
 * the finding stays Low although the file tests the head elsewhere.
 */
struct meta {
	struct list_head link;
};

struct owner {
	struct list_head metas;
};

bool owner_idle(struct owner *o)
{
	return list_empty(&o->metas);
}

void owner_destroy(struct owner *o)
{
	struct meta *m, *next;

	list_for_each_entry_safe(m, next, &o->metas, link)
		kfree(m);
}

// expect: 24:1-25: [Low] list walk in owner_destroy(): kfree() at line 25 frees 'm' while it is still linked on struct owner.metas, and nothing re-initialises the head after the walk; list_del() it first
