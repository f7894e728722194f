// SPDX-License-Identifier: GPL-2.0-only
/*
 * A get wrapper that returns its argument, called for its effect: the
 * reference is on the argument, which the function keeps track of.
 */
#include "include/foo.h"

void foo_pin(struct foo_ctx *ctx, struct foo *f)
{
	foo_get(f);
	ctx->cur = f;
}

// expect: none
