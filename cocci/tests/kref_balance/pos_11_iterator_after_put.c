// SPDX-License-Identifier: GPL-2.0-only
/*
 * Dropping the list's reference inside list_for_each_entry(): the
 * iterator reads the next pointer out of an object that may be gone.
 */
#include "include/foo.h"

void foo_drop_all(struct foo_ctx *ctx)
{
	struct foo *f;

	list_for_each_entry(f, &ctx->active, node) {
		f->state = 0;
		kref_put(&f->ref, foo_release);
	}
}

// expect: 12:1-20: [Low] kref use after put in foo_drop_all(): 'f' is used after kref_put() at line 14, which may have freed it
