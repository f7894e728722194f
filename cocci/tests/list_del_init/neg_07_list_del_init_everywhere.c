// SPDX-License-Identifier: GPL-2.0-only
/*
 * The file already uses list_del_init() where it tests list_empty().
 */
struct client {
	struct list_head link;
	int id;
};

void client_detach(struct client *c)
{
	if (!list_empty(&c->link))
		list_del_init(&c->link);
	c->id = -1;
}

// expect: none
