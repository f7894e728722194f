// SPDX-License-Identifier: GPL-2.0-only
/*
 * The object goes through a helper before the cleanup: one of this file
 * that initialises its entry, and one of another file, which may add it.
 */
struct conn {
	struct list_head node;
	int id;
};

void conn_register(struct conn *c);

static void conn_prepare(struct conn *c, int id)
{
	c->id = id;
	INIT_LIST_HEAD(&c->node);
}

static void conn_free(struct conn *c)
{
	list_del(&c->node);
	kfree(c);
}

int conn_open(int id)
{
	struct conn *c = NULL;

	c = kmalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	conn_prepare(c, id);
	if (id < 0) {
		conn_free(c);
		return -EINVAL;
	}
	return 0;
}

int conn_open_registered(int id)
{
	struct conn *c;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	conn_register(c);
	if (id < 0) {
		conn_free(c);
		return -EINVAL;
	}
	return 0;
}

// expect: none
