// SPDX-License-Identifier: GPL-2.0-only
/*
 * A return under a label inside the branch of a NULL test is reached by
 * the goto to that label too, where the object holds its reference: the
 * leak on that path is reported.
 */
#include "include/foo.h"

int foo_label(struct foo_ctx *ctx, int later)
{
	struct foo *f;

	f = foo_ctx_pick(ctx);
	kref_get(&f->ref);
	if (later)
		goto out;
	if (!f) {
		pr_debug("foo: none\n");
out:
		return -ENOENT;
	}
	foo_put(f);
	return 0;
}

// expect: 14:1-9: [Moderate] kref leak in foo_label(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 20
