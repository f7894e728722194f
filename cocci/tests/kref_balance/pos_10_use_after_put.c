// SPDX-License-Identifier: GPL-2.0-only
/*
 * Use after put: the lock inside the object is released after the last
 * reference may be gone (kref_put_mutex() exists for this), and a wrapper
 * put is followed by a field access.
 */
#include "include/foo.h"

void foo_close(struct foo *f)
{
	mutex_lock(&f->lock);
	f->state = 0;
	kref_put(&f->ref, foo_release);
	mutex_unlock(&f->lock);
}

int foo_done(struct foo *f)
{
	foo_put(f);
	return f->id;
}

// expect: 14:15-16: [Low] kref use after put in foo_close(): 'f' is used after kref_put() at line 13, which may have freed it
// expect: 20:8-9: [Low] kref use after put in foo_done(): 'f' is used after foo_put() at line 19, which may have freed it
