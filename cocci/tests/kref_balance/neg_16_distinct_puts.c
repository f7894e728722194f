// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two different put calls on one path drop two different references (the
 * one of the queued work and the caller's), and a consumer that only drops
 * the work's reference is not a put of the caller's one.
 */
#include "include/foo.h"

void foo_shutdown(struct foo *f)
{
	foo_cancel_async(f);
	f->state = -1;
	drop_foo(f);
}

void foo_shutdown_both(struct foo *f)
{
	drop_foo(f);
	foo_put(f);
}

// expect: none
