// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every error path goes through a label that drops the reference.
 */
#include "include/foo.h"

int foo_attach_buf_ok(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);
	void *buf;
	int ret;

	kref_get(&f->ref);
	buf = kmalloc(64, GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto out_put;
	}
	ret = foo_fill(f, buf);
	kfree(buf);
out_put:
	kref_put(&f->ref, foo_release);
	return ret;
}

// expect: none
