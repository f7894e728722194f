// SPDX-License-Identifier: GPL-2.0-only
/*
 * Entries taken off a shared list are completed while the walk still
 * goes through them: the completion returns the descriptor to its pool,
 * which may reuse it before the walk reads its next pointer.
 */
struct desc {
	struct list_head list;
	int status;
};

void desc_complete(struct desc *d, int how);

void descs_process(struct list_head *done)
{
	struct desc *d;

	list_for_each_entry(d, done, list) {
		if (d->status < 0) {
			desc_complete(d, 1);
			continue;
		}
		desc_complete(d, 0);
	}
}

// expect: 18:1-20: [Low] list walk in descs_process(): desc_complete() at line 20 may free the cursor 'd' (by its name), and the walk goes on through its next pointer; use list_for_each_entry_safe() and unlink the entry first
