// SPDX-License-Identifier: GPL-2.0-only
/*
 * Release callbacks that free their object through a helper, by deferring
 * it to RCU, or after waking a waiter: a use after the put may touch freed
 * memory.
 */
#include "include/foo.h"

struct bar {
	struct kref ref;
	struct rcu_head rcu;
	struct completion done;
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
	struct bar *b = container_of(ref, struct bar, ref);

	call_rcu(&b->rcu, bar_free_rcu);
}

static void bar_release_wake(struct kref *ref)
{
	struct bar *b = container_of(ref, struct bar, ref);

	complete(&b->done);
	kfree(b);
}

int bar_close(struct bar *b)
{
	kref_put(&b->ref, bar_release);
	return b->id;
}

int bar_close_rcu(struct bar *b)
{
	kref_put(&b->ref, bar_release_rcu);
	return b->id;
}

int bar_close_wake(struct bar *b)
{
	kref_put(&b->ref, bar_release_wake);
	return b->id;
}

// expect: 46:8-9: kref use after put in bar_close(): 'b' is used after kref_put() at line 45, which may have freed it
// expect: 52:8-9: kref use after put in bar_close_rcu(): 'b' is used after kref_put() at line 51, which may have freed it
// expect: 58:8-9: kref use after put in bar_close_wake(): 'b' is used after kref_put() at line 57, which may have freed it
