// SPDX-License-Identifier: GPL-2.0-only
/*
 * A return in the branch of a NULL test of the object is on the path
 * where the object is NULL, so it holds no reference on it, however the
 * paths before the test went: the get ran only for a valid object.  So
 * it is for an ERR_PTR().
 */
#include "include/foo.h"

int foo_kick(struct foo_ctx *ctx, struct mutex *lock)
{
	struct foo *f;

	mutex_lock(lock);
	f = foo_ctx_pick(ctx);
	if (f)
		kref_get(&f->ref);
	mutex_unlock(lock);

	if (!f)
		return -ENOENT;

	f->state = 1;
	foo_put(f);
	return 0;
}

int foo_kick_logged(struct foo_ctx *ctx, struct mutex *lock)
{
	struct foo *f;

	mutex_lock(lock);
	f = foo_ctx_pick(ctx);
	if (f)
		kref_get(&f->ref);
	mutex_unlock(lock);

	if (f == NULL) {
		pr_debug("foo: nothing to kick\n");
		mutex_lock(lock);
		mutex_unlock(lock);
		return -ENOENT;
	}

	f->state = 1;
	foo_put(f);
	return 0;
}

int foo_kick_checked(struct foo_ctx *ctx, struct mutex *lock)
{
	struct foo *f;

	mutex_lock(lock);
	f = foo_ctx_pick(ctx);
	if (!IS_ERR(f))
		kref_get(&f->ref);
	mutex_unlock(lock);

	if (IS_ERR(f))
		return -ENOENT;

	f->state = 1;
	foo_put(f);
	return 0;
}

// expect: none
