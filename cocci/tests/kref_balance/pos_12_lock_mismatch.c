// SPDX-License-Identifier: GPL-2.0-only
/*
 * Release callback against the lock state: foo_release_locked() expects
 * the object locked (it unlocks it), foo_release() expects it unlocked.
 */
#include "include/foo.h"

void foo_finish(struct foo *f)
{
	foo_lock(f);
	f->state = 4;
	foo_unlock(f);
	kref_put(&f->ref, foo_release_locked);
}

void foo_finish_locked(struct foo *f)
{
	foo_lock(f);
	f->state = 5;
	kref_put(&f->ref, foo_release);
}

// expect: 13:1-9: [Moderate] kref lock mismatch in foo_finish(): foo_release_locked() expects 'f' locked, but foo_unlock() at line 12 unlocked it
// expect: 20:1-9: [Moderate] kref lock mismatch in foo_finish_locked(): foo_release() expects 'f' unlocked, but it is still locked by foo_lock() at line 18; use the _locked variant
