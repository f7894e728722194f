// SPDX-License-Identifier: GPL-2.0-only
/*
 * The entries are freed while linked, but the head is re-initialised
 * after the walk, or the object that holds it is freed too.
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

void owner_reset(struct owner *o)
{
	struct meta *m, *next;

	list_for_each_entry_safe(m, next, &o->metas, link)
		kfree(m);
	INIT_LIST_HEAD(&o->metas);
}

void owner_gone(struct owner *o)
{
	struct meta *m, *next;

	list_for_each_entry_safe(m, next, &o->metas, link)
		kfree(m);
	kfree(o);
}

// expect: none
