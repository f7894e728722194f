// SPDX-License-Identifier: GPL-2.0-only
/*
 * The walk calls a function of the file that unlinks the cursor, but
 * every path from that call leaves the walk and starts it again from
 * the head: the removed entry's next pointer is never read.
 */
struct sess {
	struct list_head link;
	int closing;
};

static void sess_close(struct sess *s)
{
	s->closing = 1;
	list_del(&s->link);
}

void sess_close_all(struct list_head *open)
{
	struct sess *s;

restart:
	list_for_each_entry(s, open, link) {
		if (!s->closing) {
			sess_close(s);
			goto restart;
		}
	}
}

// expect: none
