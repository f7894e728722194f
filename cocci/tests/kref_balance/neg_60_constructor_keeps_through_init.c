// SPDX-License-Identifier: GPL-2.0-only
/*
 * A constructor of this file that gives the object to an init helper of
 * this file, which stores it in a slot of an array member of the new
 * structure, keeps it: the caller puts only when the constructor failed
 * (psb_user_framebuffer_create() and psb_framebuffer_create()).
 */
#include "include/foo.h"

struct foo_frame {
	struct foo_frame_base {
		struct foo *planes[4];
	} base;
	int pitch;
};

static int foo_frame_init(struct foo_frame *fr, struct foo *f, int pitch)
{
	fr->pitch = pitch;
	fr->base.planes[0] = f;
	return 0;
}

static struct foo_frame *foo_frame_create(struct foo *f, int pitch)
{
	struct foo_frame *fr;
	int ret;

	fr = kzalloc(sizeof(*fr), GFP_KERNEL);
	if (!fr)
		return ERR_PTR(-ENOMEM);
	ret = foo_frame_init(fr, f, pitch);
	if (ret) {
		kfree(fr);
		return ERR_PTR(ret);
	}
	return fr;
}

struct foo_frame *foo_frame_from_user(struct foo *from, int pitch)
{
	struct foo *f;
	struct foo_frame *fr;

	f = foo_lookup_hold(from);
	if (!f)
		return ERR_PTR(-ENOENT);
	fr = foo_frame_create(f, pitch);
	if (IS_ERR(fr))
		drop_foo(f);
	return fr;
}

// expect: none
