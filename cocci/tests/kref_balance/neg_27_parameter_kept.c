// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference on the caller's object kept on the success return and given
 * back on every error return: nothing leaks.
 */
#include "include/foo.h"

int foo_arm(struct foo_ctx *ctx, struct foo *f)
{
	if (!kref_get_unless_zero(&f->ref))
		return -ENOENT;
	if (f->state < 0) {
		kref_put(&f->ref, foo_release);
		return -EIO;
	}
	f->state = 3;
	return 0;
}

// expect: none
