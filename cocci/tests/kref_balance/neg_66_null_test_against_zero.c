// SPDX-License-Identifier: GPL-2.0-only
/*
 * Old code tests a returned pointer against 0, not NULL: the return on
 * the "== 0" branch holds nothing, and a put under "!= 0" covers the
 * rest.
 */
#include "include/foo.h"

static struct foo *foo_create(struct foo_ctx *ctx, int id)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	kref_init(&f->ref);
	return f;
}

int foo_use_zero(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_create(ctx, id);

	if (f == 0)
		return -ENXIO;
	f->state = 1;
	foo_put(f);
	return 0;
}

int foo_use_zero_first(struct foo_ctx *ctx, int id)
{
	struct foo *f;

	f = foo_create(ctx, id);
	if (0 == f)
		return -ENXIO;
	f->state = 2;
	foo_put(f);
	return 0;
}

int foo_use_nonzero(struct foo_ctx *ctx, int id)
{
	struct foo *f = foo_create(ctx, id);

	if (f != 0) {
		f->state = 3;
		foo_put(f);
	}
	return 0;
}

int foo_shared_exit_nonzero(struct foo_ctx *ctx, int id)
{
	struct foo *f;
	int ret = -ENOENT;

	f = foo_create(ctx, id);
	if (!f)
		goto out;
	ret = -EIO;
	if (f->state < 0)
		goto out;
	ret = f->id;
out:
	if (f != 0)
		foo_put(f);
	return ret;
}

// expect: none
