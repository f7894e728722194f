// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two puts written in a row drop two references the function knows it
 * holds (the lookup's and the list's); nothing between them branches.
 */
#include "include/foo.h"

void foo_unlink(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);

	if (!f)
		return;
	list_del_init(&f->node);
	/* one for the lookup, one for the list: "if" in a comment */
	foo_put(f);
	foo_put(f);
}

// expect: none
