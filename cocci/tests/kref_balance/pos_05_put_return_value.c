// SPDX-License-Identifier: GPL-2.0-only
/*
 * kref_put() return value used the wrong way round: the object is touched
 * in the branch where the put says that it freed it, and after a negated
 * put whose "freed" path falls through.
 */
#include "include/foo.h"

void foo_retire_one(struct foo *f)
{
	if (kref_put(&f->ref, foo_release))
		f->state = -1;
}

void foo_retire_two(struct foo *f)
{
	if (!kref_put(&f->ref, foo_release))
		return;
	list_del(&f->node);
}

// expect: 12:2-3: [Low] kref use after put in foo_retire_one(): 'f' is used after kref_put() at line 11, which may have freed it
// expect: 19:11-12: [Low] kref use after put in foo_retire_two(): 'f' is used after kref_put() at line 17, which may have freed it
