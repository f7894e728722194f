// SPDX-License-Identifier: GPL-2.0-only
/*
 * Failed init helpers followed by a put (the release frees what the
 * helper allocated), and objects handed to their owner on success.
 */
#include "include/nobj.h"

struct widget *widget_new(struct nobj *parent)
{
	struct widget *w = kzalloc(sizeof(*w), GFP_KERNEL);

	if (!w)
		return NULL;
	if (nobj_setup_and_link(&w->nobj, parent, "widget")) {
		nobj_drop(&w->nobj);
		return NULL;
	}
	return w;
}

int widget_plug(struct nobj *parent, struct nobj **slot)
{
	struct nobj *n = kzalloc(sizeof(*n), GFP_KERNEL);
	int ret;

	if (!n)
		return -ENOMEM;
	ret = nobj_setup_and_link(n, parent, "leaf");
	if (ret)
		goto out_put;
	*slot = n;
	return 0;
out_put:
	nobj_drop(n);
	return ret;
}

// expect: none
