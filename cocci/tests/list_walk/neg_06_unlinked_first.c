// SPDX-License-Identifier: GPL-2.0-only
/*
 * The entries are unlinked before they are freed.
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
	list_add_tail(&m->link, &o->metas);
	return 0;
}

void owner_trim(struct owner *o)
{
	struct meta *m, *next;

	list_for_each_entry_safe(m, next, &o->metas, link) {
		list_del(&m->link);
		kfree(m);
	}
}

// expect: none
