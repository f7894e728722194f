// SPDX-License-Identifier: GPL-2.0-only
/*
 * A flag says whether a request is listed: the flush leaves when it is
 * not and clears it with its delete (WRITE_ONCE()).  The teardown moves
 * every request to a private list (a move keeps it listed: no finding)
 * and deletes it there, and the completion takes one off under a test of
 * another member: both leave the flag set.
 */
#include "include/job.h"

void wire_send(spinlock_t *lock, struct list_head *sent, struct wire_req *req)
{
	spin_lock(lock);
	req->listed = true;
	list_add_tail(&req->link, sent);
	spin_unlock(lock);
}

int wire_flush(spinlock_t *lock, struct wire_req *req)
{
	spin_lock(lock);
	if (!req->listed) {
		spin_unlock(lock);
		return 0;
	}
	list_del(&req->link);
	WRITE_ONCE(req->listed, false);
	spin_unlock(lock);
	return 1;
}

void wire_teardown(spinlock_t *lock, struct list_head *sent)
{
	struct wire_req *req, *tmp;
	LIST_HEAD(cancel);

	spin_lock(lock);
	list_for_each_entry_safe(req, tmp, sent, link)
		list_move(&req->link, &cancel);
	spin_unlock(lock);

	list_for_each_entry_safe(req, tmp, &cancel, link) {
		list_del(&req->link);
		wire_req_done(req, -EIO);
	}
}

void wire_complete(spinlock_t *lock, struct wire_req *req)
{
	spin_lock(lock);
	if (req->err)
		list_del(&req->link);
	spin_unlock(lock);
}

// expect: 43:2-10: list flag left set in wire_teardown(): list_del() takes req off its list but leaves req->listed set; wire_flush() deletes only under a test of it (line 26), and wire_flush() clears it where it unlinks (line 27)
// expect: 52:2-10: list flag left set in wire_complete(): list_del() takes req off its list but leaves req->listed set; wire_flush() deletes only under a test of it (line 26), and wire_flush() clears it where it unlinks (line 27)
