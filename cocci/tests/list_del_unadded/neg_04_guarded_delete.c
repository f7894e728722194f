// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cleanup functions that delete the entry only when it is on the list:
 * one tests a flag set when it was added, one searches the list for it.
 * The error paths that call them before the entry was added are fine.
 */
struct act {
	struct list_head link;
	int in_hw;
};

struct acts {
	struct list_head list;
};

static void act_free(struct act *a)
{
	if (a->in_hw)
		list_del(&a->link);
	kfree(a);
}

static void act_forget(struct acts *as, struct act *a)
{
	struct act *it;

	list_for_each_entry(it, &as->list, link) {
		if (it == a) {
			list_del(&a->link);
			return;
		}
	}
}

int act_install(struct acts *as, int id)
{
	struct act *a;

	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	if (id < 0) {
		act_forget(as, a);
		act_free(a);
		return -EINVAL;
	}
	a->in_hw = 1;
	list_add(&a->link, &as->list);
	return 0;
}

// expect: none
