// SPDX-License-Identifier: GPL-2.0-only
/*
 * The stored reference is put before its keeper is freed, or the keeper
 * is handed on, or what is freed is not the keeper: no leak.
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
		goto err_put;
	return n;
err_put:
	widget_drop(n->owner);
	kfree(n);
	return NULL;
}

int note_attach(struct widget *w, struct list_head *head)
{
	struct note *n = kzalloc(sizeof(*n), GFP_KERNEL);
	char *buf = kmalloc(64, GFP_KERNEL);

	if (!n || !buf) {
		kfree(buf);
		kfree(n);
		return -ENOMEM;
	}
	n->owner = widget_hold(w);
	kfree(buf);
	note_link(n, head);
	return 0;
}

// expect: none
