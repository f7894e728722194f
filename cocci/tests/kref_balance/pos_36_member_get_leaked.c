// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference taken on an embedded member, put on one error path and
 * forgotten on another: the leak is reported on the object.
 */
#include "include/nobj.h"

struct session {
	struct widget *w;
	int mode;
};

int session_start(struct nobj *n, struct session *s, int mode)
{
	struct widget *w = container_of(n, struct widget, nobj);

	nobj_hold(&w->nobj);
	if (mode < 0) {
		nobj_drop(&w->nobj);
		return -EINVAL;
	}
	if (mode > 3)
		return -ERANGE;
	s->w = w;
	s->mode = mode;
	return 0;
}

// expect: 17:1-10: [Moderate] kref leak in session_start(): reference on 'w' taken by nobj_hold() is neither put nor handed off before the return at line 23
