// SPDX-License-Identifier: GPL-2.0-only
/*
 * The entry is deleted twice on one path: the error branch deletes it and
 * the common exit deletes it again.
 */
struct conn {
	struct list_head link;
	int err;
};

void conn_teardown(struct conn *c)
{
	if (c->err) {
		list_del(&c->link);
		goto out;
	}
	c->err = -1;
out:
	list_del(&c->link);
}

// expect: 14:2-10: list_del without init in conn_teardown(): c->link is deleted again at line 19 after this list_del(); use list_del_init()
