// SPDX-License-Identifier: GPL-2.0-only
/*
 * A helper that sets the release right after an init that cannot fail
 * leaves its caller a node to put: freeing the widget on a later error
 * skips the release.  (A helper whose init can fail before the release
 * is set: neg_43.)
 */
#include "include/nobj.h"

struct widget *widget_open(struct nobj *parent)
{
	struct widget *w;

	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return NULL;

	widget_prepare(w);
	if (!parent->name) {
		kfree(w);
		return NULL;
	}

	return w;
}

// expect: 18:1-15: [High] kref leak in widget_open(): reference on 'w' taken by widget_prepare() is neither put nor handed off before the return at line 21
