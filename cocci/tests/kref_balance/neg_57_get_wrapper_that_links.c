// SPDX-License-Identifier: GPL-2.0-only
/*
 * A function that takes a reference through a get wrapper and links what
 * it was given into a list of another object keeps that reference for the
 * list, not for its caller: it is no get wrapper (usb_anchor_urb() gets
 * the urb with usb_get_urb() and adds it to the anchor), and a caller
 * that queues work after it leaks nothing.  One that puts the reference
 * again on its own failure path still is a get wrapper (scsi_device_get()).
 */
#include "include/foo.h"

void foo_ctx_track(struct foo *f, struct foo_ctx *ctx)
{
	grab_foo(f);
	list_add_tail(&f->node, &ctx->active);
}

void foo_ctx_park(struct foo_ctx *ctx, struct foo *f)
{
	foo_ctx_track(f, ctx);
	schedule_work(&f->work);
}

int foo_ctx_claim(struct foo *f, struct foo_ctx *ctx)
{
	if (f->state < 0)
		return -ENODEV;
	grab_foo(f);
	if (!ctx->cur) {
		drop_foo(f);
		return -EBUSY;
	}
	return 0;
}

// expect: none
// expect-wrapper: consume foo_ctx_claim
// expect-wrapper: get foo_ctx_claim
