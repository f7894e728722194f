// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two puts on one path: the error branch drops the reference and then
 * jumps to the label that drops it again.
 */
#include "include/foo.h"

int foo_start(struct foo *f)
{
	int ret;

	ret = foo_hw_start(f);
	if (ret) {
		kref_put(&f->ref, foo_release);
		goto out;
	}
	return 0;
out:
	kref_put(&f->ref, foo_release);
	return ret;
}

void foo_stop(struct foo *f)
{
	foo_put(f);
	if (f == NULL)
		return;
	foo_put(f);
}

// expect: 19:1-9: [Low] kref double put in foo_start(): 'f' was already put at line 14 by kref_put() on this path
// expect: 28:1-8: [Low] kref double put in foo_stop(): 'f' was already put at line 25 by foo_put() on this path
