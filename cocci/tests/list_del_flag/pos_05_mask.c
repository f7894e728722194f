// SPDX-License-Identifier: GPL-2.0-only
/*
 * A bit cleared in a mask of two, (CMD_LISTED | CMD_RUNNING), is a write
 * of each; a bit given as BIT() or 1 << is the same bit.  A function may
 * both clear and set it.
 */
#include "include/job.h"

void cmd_finish(spinlock_t *lock, struct cmd *c)
{
	spin_lock(lock);
	if (c->state & BIT(CMD_LISTED)) {
		list_del(&c->link);
		c->state &= ~(BIT(CMD_LISTED) | BIT(CMD_RUNNING));
	}
	spin_unlock(lock);
}

void cmd_clear_retry(spinlock_t *lock, struct list_head *head, struct cmd *c,
		     bool again)
{
	spin_lock(lock);
	if (test_bit(CMD_LISTED, &c->state)) {
		list_del(&c->link);
		clear_bit(CMD_LISTED, &c->state);
	}
	if (again) {
		set_bit(CMD_LISTED, &c->state);
		list_add(&c->link, head);
	}
	spin_unlock(lock);
}

void cmd_drop(spinlock_t *lock, struct cmd *c)
{
	spin_lock(lock);
	list_del(&c->link);
	spin_unlock(lock);
}

// expect: 37:1-9: list flag left set in cmd_drop(): list_del() takes c off its list but leaves CMD_LISTED of c->state set; cmd_clear_retry() deletes only under a test of it (line 24), and cmd_clear_retry() clears it where it unlinks (line 25)
