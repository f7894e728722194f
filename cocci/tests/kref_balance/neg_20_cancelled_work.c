// SPDX-License-Identifier: GPL-2.0-only
/*
 * A put under a successful cancel drops the reference the work item or
 * timer held.  The function itself needed a reference to reach the work
 * item, so the object is still alive afterwards, and a later put drops
 * that other reference, not the same one twice.
 */
#include "include/foo.h"

struct baz {
	struct kref ref;
	struct delayed_work timeout;
	struct timer_list timer;
	int state;
};

void baz_release(struct kref *ref);

void baz_complete(struct baz *z)
{
	if (cancel_delayed_work(&z->timeout))
		kref_put(&z->ref, baz_release);
	z->state = 2;
}

void baz_stop(struct baz *z)
{
	if (del_timer_sync(&z->timer)) {
		z->state = 0;
		kref_put(&z->ref, baz_release);
	}
	z->state = 3;
	kref_put(&z->ref, baz_release);
}

// expect: none
