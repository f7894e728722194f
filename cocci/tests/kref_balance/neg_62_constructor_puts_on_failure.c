// SPDX-License-Identifier: GPL-2.0-only
/*
 * A constructor of this file that keeps the object it is given (stores it
 * in what it builds, through an init helper) and puts it when it fails
 * consumes it on every path: its caller owns nothing after a failed call
 * either (rpc_create_xprt() and rpc_new_client(), which takes the object
 * after another parameter).
 */
#include "include/foo.h"

struct foo_client {
	struct foo *backing;
	int flags;
	int retries;
	int timeout;
	int proto;
	char name[16];
};

static void foo_client_attach(struct foo_client *c, struct foo *f)
{
	c->backing = f;
}

static struct foo_client *foo_client_new(int flags, struct foo *f)
{
	struct foo_client *c;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		goto out_put;
	if (flags < 0)
		goto out_free;
	c->flags = flags;
	c->retries = 3;
	c->timeout = 60;
	c->proto = flags & 0xf;
	if (c->proto > 8)
		goto out_free;
	snprintf(c->name, sizeof(c->name), "client%d", f->id);
	/*
	 * From here the client owns the caller's reference: a constructor
	 * longer than a wrapper, as rpc_new_client() is.
	 */
	foo_client_attach(c, f);
	return c;
out_free:
	kfree(c);
out_put:
	foo_put(f);
	return ERR_PTR(-ENOMEM);
}

static struct foo *foo_backing_alloc(int id)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->id = id;
	kref_init(&f->ref);
	return f;
}

struct foo_client *foo_client_create(int id, int flags)
{
	struct foo *f;
	struct foo_client *c;

	f = foo_backing_alloc(id);
	if (!f)
		return ERR_PTR(-ENOMEM);
	c = foo_client_new(flags, f);
	if (IS_ERR(c))
		return c;
	c->flags |= 1;
	return c;
}

// expect: none
