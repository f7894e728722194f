// SPDX-License-Identifier: GPL-2.0-only
/*
 * A function that puts the object after queueing a work item of it, on
 * every path, took its reference for itself: the work item takes nothing
 * over, so whether the queueing failed does not matter
 * (fw_download_fetch_firmware() refreshes the request's timeout work and
 * then puts the request it looked up).
 */
#include "include/foo.h"

struct foo_timer {
	struct foo base;
	struct work_struct work;
	int ticks;
};

int foo_timer_refresh(struct foo *from)
{
	struct foo *f;
	struct foo_timer *t;

	f = foo_lookup_hold(from);
	if (!f)
		return -ENOENT;
	t = container_of(f, struct foo_timer, base);
	t->ticks++;
	schedule_work(&t->work);
	drop_foo(f);
	return 0;
}

void foo_poke(struct foo *f)
{
	kref_get(&f->ref);
	f->state = 1;
	schedule_work(&f->work);
	f->id++;
	kref_put(&f->ref, foo_release);
}

// expect: none
