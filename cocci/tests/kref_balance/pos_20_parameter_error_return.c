// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference taken on the object the caller passed (or on a field of
 * it) and dropped on every error return but one: that error return leaks
 * it.  The success return keeps it on purpose (for the work that runs
 * later), so only error returns are named.
 */
#include "include/foo.h"

struct foo_req {
	struct foo *owner;
	int tag;
};

int foo_abort(struct foo_ctx *ctx, struct foo *f)
{
	if (kref_get_unless_zero(&f->ref) == 0)
		return -ENOENT;
	if (f->state < 0) {
		kref_put(&f->ref, foo_release);
		return -EIO;
	}
	if (f->id == 0)
		return -EINVAL;
	f->state = 3;
	return 0;
}

int foo_req_start(struct foo_req *req)
{
	struct foo *o = req->owner;

	kref_get(&o->ref);
	if (req->tag < 0) {
		foo_put(o);
		return -EINVAL;
	}
	if (req->tag > 64)
		return -ERANGE;
	o->state = req->tag;
	return 0;
}

// expect: 17:5-25: [Moderate] kref leak in foo_abort(): reference on 'f' taken by kref_get_unless_zero() is neither put nor handed off before the return at line 24
// expect: 33:1-9: [Moderate] kref leak in foo_req_start(): reference on 'o' taken by kref_get() is neither put nor handed off before the return at line 39
