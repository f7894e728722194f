// SPDX-License-Identifier: GPL-2.0-only
/*
 * A registration that sets the release of the object only after its
 * init call succeeded leaves nothing its caller can put when it fails:
 * a put would find no release.  Freeing the object there is right; the
 * reference the failed init left is the registration's own business.
 * (A registration that leaves its caller a reference to put: pos_29.)
 */
#include "include/nobj.h"

int widget_start(struct nobj *parent)
{
	struct widget *w;
	int error;

	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;

	error = widget_publish(w, parent, "start");
	if (error) {
		kfree(w);
		return error;
	}

	widget_announce(w);
	return 0;
}

// expect: none
