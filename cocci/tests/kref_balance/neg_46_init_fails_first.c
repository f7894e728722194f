// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init helper that fails only before its init call leaves nothing to
 * put when it fails: freeing the object there is right.  (One that can
 * fail after its init call leaves the first reference: pos_29.)
 */
#include "include/nobj.h"

struct widget *widget_make(int level)
{
	struct widget *w;

	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return NULL;
	if (widget_setup_checked(w, level)) {
		kfree(w);
		return NULL;
	}
	return w;
}

// expect: none
