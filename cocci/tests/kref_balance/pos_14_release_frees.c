// SPDX-License-Identifier: GPL-2.0-only
/*
 * Release callbacks that free their object through a helper, through an
 * operations table, through what it is part of, by deferring it to RCU,
 * or after waking a waiter: a use after the put may touch freed memory.
 */
#include "include/foo.h"

struct bar_common {
	struct kref ref;
	struct rcu_head rcu;
};

struct bar {
	struct bar_common common;
	struct kref ref;
	struct rcu_head rcu;
	struct completion done;
	const struct bar_ops *ops;
	struct bar_group *group;
	int id;
};

static void bar_free(struct bar *b)
{
	kfree(b);
}

static void bar_release(struct kref *ref)
{
	struct bar *b = container_of(ref, struct bar, ref);

	bar_free(b);
}

static void bar_release_rcu(struct kref *ref)
{
	struct bar *b = container_of(ref, struct bar, common.ref);

	call_rcu(&b->common.rcu, bar_free_rcu);
}

static void bar_release_wake(struct kref *ref)
{
	struct bar *b = container_of(ref, struct bar, ref);

	complete(&b->done);
	kfree(b);
}

static void bar_release_ops(struct kref *ref)
{
	struct bar *b = container_of(ref, struct bar, ref);

	b->ops->destroy(b);
}

/* The group's destruction frees the bar embedded in it. */
static void bar_release_group(struct kref *ref)
{
	struct bar *b = container_of(ref, struct bar, ref);

	bar_group_destroy(b->group);
}

int bar_close(struct bar *b)
{
	kref_put(&b->ref, bar_release);
	return b->id;
}

int bar_close_rcu(struct bar *b)
{
	kref_put(&b->common.ref, bar_release_rcu);
	return b->id;
}

int bar_close_wake(struct bar *b)
{
	kref_put(&b->ref, bar_release_wake);
	return b->id;
}

int bar_close_ops(struct bar *b)
{
	kref_put(&b->ref, bar_release_ops);
	return b->id;
}

int bar_close_group(struct bar *b)
{
	kref_put(&b->ref, bar_release_group);
	return b->id;
}

// expect: 69:8-9: [Low] kref use after put in bar_close(): 'b' is used after kref_put() at line 68, which may have freed it
// expect: 75:8-9: [Low] kref use after put in bar_close_rcu(): 'b' is used after kref_put() at line 74, which may have freed it
// expect: 81:8-9: [Low] kref use after put in bar_close_wake(): 'b' is used after kref_put() at line 80, which may have freed it
// expect: 87:8-9: [Low] kref use after put in bar_close_ops(): 'b' is used after kref_put() at line 86, which may have freed it
// expect: 93:8-9: [Low] kref use after put in bar_close_group(): 'b' is used after kref_put() at line 92, which may have freed it
