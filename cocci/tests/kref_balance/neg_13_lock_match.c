// SPDX-License-Identifier: GPL-2.0-only
/*
 * Release callbacks that match the lock state.
 */
#include "include/foo.h"

void foo_end_locked(struct foo *f)
{
	foo_lock(f);
	f->state = 6;
	if (!kref_put(&f->ref, foo_release_locked))
		foo_unlock(f);
}

void foo_end_unlocked(struct foo *f)
{
	foo_lock(f);
	f->state = 7;
	foo_unlock(f);
	kref_put(&f->ref, foo_release);
}

// expect: none
