// SPDX-License-Identifier: GPL-2.0-only
/*
 * A compare-and-exchange on a flag inside the object stores nothing:
 * the reference is still the function's, and the error return after it
 * leaks it.  The same for a reference taken on a field of the caller's
 * object (req->owner) and dropped on one error return but not another.
 */
#include "include/foo.h"

struct foo_req {
	struct foo *owner;
	int busy;
	int tag;
};

int foo_req_claim(struct foo_req *req, struct foo *f)
{
	if (!kref_get_unless_zero(&f->ref))
		return -ENOENT;
	if (cmpxchg(&f->state, 0, 1)) {
		foo_put(f);
		return -EBUSY;
	}
	if (req->tag < 0)
		return -EINVAL;
	req->owner = f;
	return 0;
}

int foo_req_arm(struct foo_req *req)
{
	kref_get(&req->owner->ref);
	if (req->tag < 0) {
		foo_put(req->owner);
		return -EINVAL;
	}
	if (req->tag > 64)
		return -ERANGE;
	req->busy = 1;
	return 0;
}

// expect: 18:6-26: [Moderate] kref leak in foo_req_claim(): reference on 'f' taken by kref_get_unless_zero() is neither put nor handed off before the return at line 25
// expect: 32:1-9: [Moderate] kref leak in foo_req_arm(): reference on 'req->owner' taken by kref_get() is neither put nor handed off before the return at line 38
