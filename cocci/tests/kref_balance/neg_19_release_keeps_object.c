// SPDX-License-Identifier: GPL-2.0-only
/*
 * Release callbacks that do not free their object: one wakes the owner,
 * which waits for the last reference to go and frees the object itself;
 * one returns the object to a pool.  Using the object after a put that
 * can only reach them is not a use after free, also through a put
 * wrapper defined in another file (lib_foo.c).
 */
#include "include/foo.h"

struct waited {
	struct kref ref;
	struct completion done;
	struct list_head node;
	void *buf;
	int id;
};

static void waited_release(struct kref *ref)
{
	struct waited *w = container_of(ref, struct waited, ref);

	kfree(w->buf);
	list_del(&w->node);
	complete(&w->done);
}

void waited_destroy(struct waited *w)
{
	kref_put(&w->ref, waited_release);
	wait_for_completion(&w->done);
	pr_debug("waited %d gone\n", w->id);
	kfree(w);
}

void pooled_finish(struct pooled *pl)
{
	pooled_unref(pl);
	pl->state = 0;
}

// expect: none
