// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference stored in a field of an object the function allocated:
 * freeing that object on an error path, without putting what it held,
 * leaks the reference, whichever came first, the store or the get.
 */
#include "include/nobj.h"

struct note {
	struct widget *owner;
	char *text;
};

struct note *note_new(struct widget *w, const char *text)
{
	struct note *n = kzalloc(sizeof(*n), GFP_KERNEL);

	if (!n)
		return NULL;
	n->owner = w;
	widget_hold(w);
	n->text = kstrdup(text, GFP_KERNEL);
	if (!n->text)
		goto err_free;
	return n;
err_free:
	kfree(n);
	return NULL;
}

struct note *note_find_new(struct nobj *root, const char *name)
{
	struct note *n = kzalloc(sizeof(*n), GFP_KERNEL);
	struct widget *w;

	if (!n)
		return NULL;
	w = widget_find(root, name);
	if (!w) {
		kfree(n);
		return NULL;
	}
	n->owner = w;
	if (note_check(n)) {
		kfree(n);
		return NULL;
	}
	return n;
}

// expect: 21:1-12: [Moderate] kref leak in note_new(): reference on 'w' taken by widget_hold() is stored in 'n', which is freed at line 27 without putting it
// expect: 38:5-16: [Moderate] kref leak in note_find_new(): reference on 'w' taken by widget_find() is stored in 'n', which is freed at line 45 without putting it
