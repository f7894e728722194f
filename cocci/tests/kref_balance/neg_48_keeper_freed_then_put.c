// SPDX-License-Identifier: GPL-2.0-only
/*
 * An error path that frees the object it stored a reference in, then
 * drops that reference through the variable it came from: the usual
 * "kfree(r); out_put: put(w)" ladder leaks nothing, nor does one that
 * puts a member of the object ("put_device(&x->dev)").
 */
#include "include/nobj.h"

struct request {
	struct widget *owner;
	int len;
};

int request_queue_one(struct request *r);

int request_send(struct nobj *root, const char *name, int len)
{
	struct request *r;
	struct widget *w;
	int ret = -ENOMEM;

	w = widget_find(root, name);
	if (!w)
		return -ENOENT;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		goto out_put;
	r->owner = w;
	r->len = len;
	ret = request_queue_one(r);
	if (ret)
		goto out_free;
	return 0;
out_free:
	kfree(r);
out_put:
	widget_drop(w);
	return ret;
}
struct session {
	struct widget *w;
	int id;
};

int session_queue_one(struct session *s);

int session_start(struct nobj *root, const char *name, int id)
{
	struct session *s;
	struct widget *w;
	int ret = -ENOMEM;

	w = widget_find(root, name);
	if (!w)
		return -ENOENT;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		goto out_put;
	s->w = w;
	s->id = id;
	ret = session_queue_one(s);
	if (ret)
		goto out_free;
	return 0;
out_free:
	kfree(s);
out_put:
	nobj_drop(&w->nobj);
	return ret;
}

// expect: none
