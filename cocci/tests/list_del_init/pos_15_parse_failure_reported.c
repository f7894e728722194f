// SPDX-License-Identifier: GPL-2.0-only
/*
 * spatch cannot parse item_hidden() (an attribute list it does not know),
 * so the list_del() there is not checked: the runner must name the
 * function in a warning.  item_visible() is still checked.
 */
struct item {
	struct list_head node;
	int v;
};

bool item_linked(struct item *it)
{
	return !list_empty(&it->node);
}

void item_hidden(struct item *it)
{
	int tmp __attribute__((cleanup(free_tmp), vector_size(16)));

	list_del(&it->node);
	it->v = tmp;
}

void item_visible(struct item *it)
{
	list_del(&it->node);
	it->v = 0;
}

// expect: 27:1-9: list_del without init in item_visible(): list_del() leaves it->node poisoned, but struct item.node is tested with list_empty() at line 14; use list_del_init()
// expect-parse: warning: 17: function item_hidden() not checked: spatch could not parse it (line 19)
