// SPDX-License-Identifier: GPL-2.0-only
/*
 * Get/put wrappers defined in a header (include/foo.h) and in another file
 * (lib_foo.c): the leak is found only because the collecting pass saw
 * their bodies.
 */
#include "include/foo.h"

int foo_wrapped(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	foo_get(f);
	if (foo_busy(f))
		return -EBUSY;
	foo_put(f);
	return 0;
}

int foo_wrapped_oddname(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	grab_foo(f);
	if (foo_busy(f))
		return -EBUSY;
	drop_foo(f);
	return 0;
}

// expect: 13:1-8: [High] kref leak in foo_wrapped(): reference on 'f' taken by foo_get() is neither put nor handed off before the return at line 15
// expect: 24:1-9: [High] kref leak in foo_wrapped_oddname(): reference on 'f' taken by grab_foo() is neither put nor handed off before the return at line 26
