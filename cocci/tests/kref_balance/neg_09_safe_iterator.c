// SPDX-License-Identifier: GPL-2.0-only
/*
 * Dropping references inside list_for_each_entry_safe(): the iterator
 * already holds the next entry, each object is put once.
 */
#include "include/foo.h"

void foo_drop_all_safe(struct foo_ctx *ctx)
{
	struct foo *f, *tmp;

	list_for_each_entry_safe(f, tmp, &ctx->active, node) {
		list_del_init(&f->node);
		f->state = 0;
		kref_put(&f->ref, foo_release);
	}
}

// expect: none
