// SPDX-License-Identifier: GPL-2.0-only
/*
 * An error path that frees the object it stored a reference in, then
 * drops that reference through the variable it came from: the usual
 * "kfree(r); out_put: put(w)" ladder leaks nothing.
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
// expect: none
