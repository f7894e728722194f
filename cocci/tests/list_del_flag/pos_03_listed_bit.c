// SPDX-License-Identifier: GPL-2.0-only
/*
 * A bit says whether a request is listed: the abort clears it and deletes
 * only when it was set.  The reaper deletes under RCU without clearing it.
 */
#include "include/job.h"

void wire_add(spinlock_t *lock, struct list_head *head, struct wire_req *req)
{
	spin_lock(lock);
	set_bit(WIRE_REQ_LISTED, &req->flags);
	list_add_rcu(&req->link, head);
	spin_unlock(lock);
}

void wire_abort(spinlock_t *lock, struct wire_req *req)
{
	spin_lock(lock);
	if (test_and_clear_bit(WIRE_REQ_LISTED, &req->flags))
		list_del_rcu(&req->link);
	spin_unlock(lock);
}

void wire_reap(spinlock_t *lock, struct wire_req *req)
{
	spin_lock(lock);
	list_del_rcu(&req->link);
	spin_unlock(lock);
	wire_req_done(req, 0);
}

// expect: 27:1-13: list flag left set in wire_reap(): list_del_rcu() takes req off its list but leaves WIRE_REQ_LISTED of req->flags set; wire_abort() deletes only under a test of it (line 20), and wire_abort() clears it where it unlinks (line 19)
