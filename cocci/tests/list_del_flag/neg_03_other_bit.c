// SPDX-License-Identifier: GPL-2.0-only
/*
 * A flags word whose bits are different states: the abort tests one bit
 * before its delete, the reaper sets another one with its own delete,
 * and a lookup compares a member with a key (a variable, no state) before
 * its delete and clears it with it: no state is both tested before a
 * delete and set with one.
 */
#include "include/job.h"

#define WIRE_REQ_DEAD 1

void wire_abort(spinlock_t *lock, struct wire_req *req)
{
	spin_lock(lock);
	if (test_bit(WIRE_REQ_LISTED, &req->flags))
		list_del(&req->link);
	spin_unlock(lock);
}

void wire_reap(spinlock_t *lock, struct wire_req *req)
{
	spin_lock(lock);
	list_del(&req->link);
	set_bit(WIRE_REQ_DEAD, &req->flags);
	spin_unlock(lock);
}

void wire_take(spinlock_t *lock, struct wire_req *req, int err)
{
	if (req->err != err)
		return;
	list_del(&req->link);
	req->err = 0;
}

void wire_drop(spinlock_t *lock, struct wire_req *req)
{
	list_del(&req->link);
}

// expect: none
