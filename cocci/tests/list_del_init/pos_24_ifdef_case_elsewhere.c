// SPDX-License-Identifier: GPL-2.0-only
/*
 * A switch whose case is under #ifdef, in a function that copies its
 * parameter, makes spatch give up a whole file when the rule matches
 * that function's body as one nest.  The delete in the other function
 * must still be found.
 */
struct wq_item {
	struct list_head node;
	int busy;
};

int item_width(void *val, int bytes, int write)
{
	unsigned int last;
	u8 *u8p;
#ifdef CONFIG_64BIT
	u64 *u64p;
#endif

	switch (bytes) {
	case 1:
		u8p = val;
		if (write)
			last = u8p[0];
		break;
#ifdef CONFIG_64BIT
	case 8:
		u64p = val;
		if (write)
			last = u64p[0];
		break;
#endif
	default:
		return -EINVAL;
	}
	return last;
}

void item_retire(struct wq_item *it)
{
	list_del(&it->node);
}

int item_queued(struct wq_item *it)
{
	return !list_empty(&it->node);
}

// expect: 42:1-9: list_del without init in item_retire(): list_del() leaves it->node poisoned, but struct wq_item.node is tested with list_empty() at line 47; use list_del_init()
