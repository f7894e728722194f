// SPDX-License-Identifier: GPL-2.0-only
/*
 * The function takes a reference of its own and drops it; the object is
 * still covered by the caller's reference afterwards.
 */
#include "include/foo.h"

int foo_sync(struct foo *f)
{
	int ret;

	kref_get(&f->ref);
	ret = foo_flush(f);
	kref_put(&f->ref, foo_release);
	f->state = ret;
	return ret;
}

// expect: none
