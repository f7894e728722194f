/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test tree header: struct foo and its reference helpers.  The wrappers
 * are defined here, not in the files that call them, so the checking run
 * only knows them from the collecting pass over the whole test tree.
 */
#ifndef _TEST_FOO_H
#define _TEST_FOO_H

struct foo {
	struct kref ref;
	struct list_head node;
	struct work_struct work;
	struct mutex lock;
	int state;
	int id;
};

struct foo_ctx {
	struct foo *cur;
	struct list_head active;
};

/* Objects of a pool: their release puts them back on the free list. */
struct pooled {
	struct kref ref;
	struct list_head node;
	struct foo_ctx *pool;
	int state;
};

void pooled_unref(struct pooled *pl);

void foo_release(struct kref *ref);
void foo_release_locked(struct kref *ref);

static inline struct foo *foo_get(struct foo *f)
{
	if (f)
		kref_get(&f->ref);
	return f;
}

static inline void foo_put(struct foo *f)
{
	if (f)
		kref_put(&f->ref, foo_release);
}

static inline bool foo_tryget(struct foo *f)
{
	return kref_get_unless_zero(&f->ref);
}

/* Named like reference helpers, but they only lock: not wrappers. */
static inline struct foo *foo_get_locked(struct foo *f)
{
	mutex_lock(&f->lock);
	return f;
}

static inline void put_foo_header(struct foo *f)
{
	mutex_unlock(&f->lock);
}

/* Takes a reference and keeps it in the context: not a get wrapper. */
static inline void foo_ctx_set(struct foo *f, struct foo_ctx *ctx)
{
	kref_get(&f->ref);
	ctx->cur = f;
}

// expect-wrapper: get foo_get
// expect-wrapper: put foo_put
// expect-wrapper: putcb foo_put/foo_release
// expect-wrapper: tryget foo_tryget
// expect-wrapper: rget foo_get
#endif
