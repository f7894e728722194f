// SPDX-License-Identifier: GPL-2.0-only
/*
 * Error path with goto cleanup: the label releases the buffer but not the
 * reference taken on the object.
 */
#include "include/foo.h"

int foo_attach_buf(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_find(ctx, id);
	void *buf;
	int ret;

	kref_get(&f->ref);
	buf = kmalloc(64, GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto out;
	}
	ret = foo_fill(f, buf);
	if (ret)
		goto out_free;
	kref_put(&f->ref, foo_release);
	return 0;

out_free:
	kfree(buf);
out:
	return ret;
}

// expect: 14:1-9: [High] kref leak in foo_attach_buf(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 29
