// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference taken on an embedded member (as get_device(&x->dev) does)
 * is a reference on its object: storing the object in the open file's
 * state hands it over (lirc_open() keeps it in fh->rc until release),
 * and the error path puts the member.
 */
#include "include/nobj.h"

struct session {
	struct widget *w;
	int mode;
};

struct widget *session_widget(int mode);

int session_open(struct session *s, int mode)
{
	struct widget *w = session_widget(mode);
	int ret;

	nobj_hold(&w->nobj);
	if (mode < 0) {
		ret = -EINVAL;
		goto out;
	}
	s->w = w;
	s->mode = mode;
	return 0;
out:
	nobj_drop(&w->nobj);
	return ret;
}

// expect: none
