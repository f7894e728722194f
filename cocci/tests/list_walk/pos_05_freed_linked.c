// SPDX-License-Identifier: GPL-2.0-only
/*
 * The entries are freed but stay on the object's list, which another
 * function adds to and tests later: it finds freed entries.
 */
struct meta {
	struct list_head link;
	int start;
};

struct owner {
	struct list_head metas;
};

int owner_add(struct owner *o, int start)
{
	struct meta *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->start = start;
	list_add_tail(&m->link, &o->metas);
	return 0;
}

int owner_resume(struct owner *o)
{
	struct meta *m, *next;

	if (list_empty(&o->metas))
		return 0;
	list_for_each_entry_safe(m, next, &o->metas, link)
		kfree(m);
	return 0;
}

// expect: 32:1-25: [Moderate] list walk in owner_resume(): kfree() at line 33 frees 'm' while it is still linked on struct owner.metas, which this file tests with list_empty(), and nothing re-initialises the head after the walk; list_del() it first
