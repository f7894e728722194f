// SPDX-License-Identifier: GPL-2.0-only
/*
 * A keeper handed on and then cleared before the shared exit frees it
 * (sc_alloc(): "ret = sc; sc = NULL; out: kfree(sc);"): the kfree() on
 * that path frees nothing, so the reference stored in the keeper is not
 * lost with it.
 */
#include "include/nobj.h"

struct lease {
	struct widget *owner;
	int id;
};

int lease_check(struct widget *w);

struct lease *lease_alloc(struct widget *w, int id)
{
	struct lease *l, *ret = NULL;

	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		goto out;
	widget_hold(w);
	l->owner = w;
	if (lease_check(w)) {
		widget_drop(w);
		goto out;
	}
	l->id = id;
	ret = l;
	l = NULL;
out:
	kfree(l);
	return ret;
}

// expect: none
