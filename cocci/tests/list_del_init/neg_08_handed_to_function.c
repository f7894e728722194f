// SPDX-License-Identifier: GPL-2.0-only
/*
 * After the delete, the entry is handed to a function (which frees it or
 * puts it on another list); the rule does not second-guess the callee.
 */
struct obj {
	struct list_head node;
	int refs;
};

bool obj_linked(struct obj *o)
{
	return !list_empty(&o->node);
}

void obj_retire(struct obj *o)
{
	list_del(&o->node);
	obj_destroy(o);
}

// expect: none
