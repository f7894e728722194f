// SPDX-License-Identifier: GPL-2.0-only
/*
 * A put after the object was taken off a list drops the list's reference;
 * the function works on the object with a reference of its own (it had to,
 * to find it), so using it afterwards and dropping that one is fine.
 */
#include "include/foo.h"

void foo_deactivate(struct foo_ctx *ctx, struct foo *f)
{
	mutex_lock(&f->lock);
	list_del_init(&f->node);
	foo_put(f);
	if (f->state)
		f->state = 0;
	mutex_unlock(&f->lock);
	foo_put(f);
}

// expect: none
