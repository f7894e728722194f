// SPDX-License-Identifier: GPL-2.0-only
/*
 * A constructor of this file that keeps the object it is given only when
 * it succeeds (it stores it through an init helper and puts nothing when
 * it fails): its caller still owns the object after a failed call, and
 * returning then without a put leaks it.
 */
#include "include/foo.h"

struct foo_view {
	struct foo *src;
	int width;
};

static void foo_view_bind(struct foo_view *v, struct foo *f)
{
	v->src = f;
}

static struct foo_view *foo_view_new(int width, struct foo *f)
{
	struct foo_view *v;

	if (width <= 0)
		return ERR_PTR(-EINVAL);
	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return ERR_PTR(-ENOMEM);
	v->width = width;
	foo_view_bind(v, f);
	return v;
}

static struct foo *foo_source_alloc(int id)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->id = id;
	kref_init(&f->ref);
	return f;
}

struct foo_view *foo_view_create(int id, int width)
{
	struct foo *f;
	struct foo_view *v;

	f = foo_source_alloc(id);
	if (!f)
		return ERR_PTR(-ENOMEM);
	v = foo_view_new(width, f);
	if (IS_ERR(v))
		return v;
	return v;
}

// expect: 50:5-21: [Moderate] kref leak in foo_view_create(): reference on 'f' taken by foo_source_alloc() is neither put nor handed off before the return at line 55
