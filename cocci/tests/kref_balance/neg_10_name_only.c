// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers named like get/put that do not touch the kref (they lock and
 * unlock, like z3fold's get_z3fold_header()/put_z3fold_header()): calling
 * them is neither a get nor a put, and nothing is reported.
 */
#include "include/foo.h"

int foo_peek(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);
	int state;

	foo_get_locked(f);
	state = f->state;
	put_foo_header(f);
	put_foo_header(f);
	return state;
}

// expect: none
