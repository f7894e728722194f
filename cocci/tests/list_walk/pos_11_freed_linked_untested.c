// SPDX-License-Identifier: GPL-2.0-only
/*
 * The entries are freed and left on the head, but nothing in the file
 * tests the head again: Low.
 */
struct meta {
	struct list_head link;
};

struct owner {
	struct list_head metas;
};

void owner_restart(struct owner *o)
{
	struct meta *m, *next;

	list_for_each_entry_safe(m, next, &o->metas, link)
		kfree(m);
}

// expect: 18:1-25: [Low] list walk in owner_restart(): kfree() at line 19 frees 'm' while it is still linked on struct owner.metas, and nothing re-initialises the head after the walk; list_del() it first
