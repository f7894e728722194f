// SPDX-License-Identifier: GPL-2.0-only
/*
 * Entries spliced to a list on the stack are freed without unlinking:
 * the head goes away with the function.
 */
struct meta {
	struct list_head link;
	int start;
};

struct owner {
	struct list_head metas;
};

void owner_drain(struct owner *o)
{
	struct meta *m, *next;
	LIST_HEAD(gone);

	list_splice_init(&o->metas, &gone);
	list_for_each_entry_safe(m, next, &gone, link)
		kfree(m);
}

// expect: none
