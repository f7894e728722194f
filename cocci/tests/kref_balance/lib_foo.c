// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test tree library file: out-of-line wrappers with names that say
 * nothing about references.  They are recognised by their bodies.
 */
#include "include/foo.h"

void foo_release(struct kref *ref)
{
	struct foo *f = container_of(ref, struct foo, ref);

	kfree(f);
}

void foo_release_locked(struct kref *ref)
{
	struct foo *f = container_of(ref, struct foo, ref);

	mutex_unlock(&f->lock);
	kfree(f);
}

struct foo *grab_foo(struct foo *f)
{
	kref_get(&f->ref);
	return f;
}

void drop_foo(struct foo *f)
{
	kref_put(&f->ref, foo_release);
}

void foo_ref_hold(struct kref *ref)
{
	kref_get(ref);
}

void foo_ref_drop(struct kref *ref)
{
	kref_put(ref, foo_release);
}

/* Drops the reference it is given on its second parameter. */
void foo_retire(struct foo_ctx *ctx, struct foo *f)
{
	list_del_init(&f->node);
	kref_put(&f->ref, foo_release);
}

/* Calls a wrapper, so it is a wrapper too. */
struct foo *foo_lookup_hold(struct foo *f)
{
	return grab_foo(f);
}

/*
 * Takes a reference on its parameter, but it is a long function doing
 * other work (the reference goes to the hardware queue): not a wrapper.
 */
int foo_setup_queue(struct foo *f, struct foo_ctx *ctx)
{
	int ret;

	kref_get(&f->ref);
	f->state = 1;
	ret = foo_hw_prepare(f);
	if (ret)
		goto fail;
	ret = foo_hw_map(f);
	if (ret)
		goto fail_unprepare;
	ret = foo_hw_start(f);
	if (ret)
		goto fail_unmap;
	foo_hw_ring_doorbell(f);
	return 0;

fail_unmap:
	foo_hw_unmap(f);
fail_unprepare:
	foo_hw_unprepare(f);
fail:
	f->state = 0;
	return ret;
}

/* A file-local get wrapper: its name means nothing outside this file. */
static struct foo *foo_hold_local(struct foo *f)
{
	kref_get(&f->ref);
	return f;
}

struct foo *foo_pick(struct foo_ctx *ctx)
{
	return foo_hold_local(ctx->cur);
}

/* Takes a reference for the work it queues: not a get wrapper. */
void foo_kick_async(struct foo *f)
{
	kref_get(&f->ref);
	schedule_work(&f->work);
}

/*
 * Drops the reference the work item held, if it was still queued: only a
 * consumer, not a put wrapper (the caller's reference is untouched).
 */
void foo_cancel_async(struct foo *f)
{
	if (cancel_work(&f->work))
		kref_put(&f->ref, foo_release);
}

/* Drops the reference through a consumer, under the context's lock. */
void foo_ctx_retire(struct foo_ctx *ctx, struct foo *f)
{
	mutex_lock(&ctx->cur->lock);
	foo_retire(ctx, f);
	mutex_unlock(&ctx->cur->lock);
}

/* Returns the object to its pool's free list: nothing is freed. */
static void pooled_recycle(struct kref *ref)
{
	struct pooled *pl = container_of(ref, struct pooled, ref);

	list_add(&pl->node, &pl->pool->active);
}

void pooled_unref(struct pooled *pl)
{
	kref_put(&pl->ref, pooled_recycle);
}

// expect-wrapper: get foo_hold_local
// expect-wrapper: consume foo_cancel_async
// expect-wrapper: get grab_foo
// expect-wrapper: put drop_foo
// expect-wrapper: kget foo_ref_hold
// expect-wrapper: kput foo_ref_drop
// expect-wrapper: consume foo_retire
// expect-wrapper: consume foo_ctx_retire
// expect-wrapper: get foo_lookup_hold
// expect-wrapper: put pooled_unref
// expect-wrapper: nofree pooled_recycle
// expect-wrapper: putcb pooled_unref/pooled_recycle:keeps
// expect-wrapper: putcb drop_foo/foo_release:frees
// expect-wrapper: rget foo_hold_local
// expect-wrapper: rget grab_foo
// expect-wrapper: rget foo_lookup_hold
// expect-wrapper: rget foo_pick
