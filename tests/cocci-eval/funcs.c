// SPDX-License-Identifier: GPL-2.0
/* Canned input of tests/t-cocci-eval.sh: shapes scripts/awk/func-range.awk
 * must tell apart. Not compiled. */
#include "local.h"

struct widget {
	struct kref ref;
	struct list_head node;
};

static int widget_probe(struct device *dev);	/* a prototype */

static const struct file_operations widget_fops = {
	.owner = THIS_MODULE,
};

static void widget_release(struct kref *ref)
{
	struct widget *w = container_of(ref, struct widget, ref);

	kfree(w);
}

static int
widget_get_twice(struct widget *w,
		 int flags)
{
	kref_get(&w->ref);
	if (flags)
		goto out;
	kref_get(&w->ref);
out:
	return 0;
}

#define WIDGET_PUT(w) kref_put(&(w)->ref, widget_release)

static inline void __init widget_del(struct widget *w)
{
	list_del(&w->node);
	if (list_empty(&w->node)) {
		pr_info("gone\n");
	}
}

enum {
	WIDGET_A,
};

SYSCALL_DEFINE1(widget, int, x)
{
	return x;
}
