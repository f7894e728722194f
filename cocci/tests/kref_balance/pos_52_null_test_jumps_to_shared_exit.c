// SPDX-License-Identifier: GPL-2.0-only
/*
 * A NULL test whose branch jumps to the shared exit, braced or not: the
 * return there is reached from the other paths too, so it is still
 * checked (the leak on the path where the init call failed, as
 * acpi_cppc_processor_probe() had, is reported).  And a NULL branch that
 * takes a new reference before its return leaks that one.
 */
#include "include/nobj.h"

int widget_create(struct nobj *parent, struct widget **out)
{
	struct widget *w;
	int ret;

	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w) {
		ret = -ENOMEM;
		goto out;
	}
	ret = nobj_setup_and_link(&w->nobj, parent, "widget");
	if (ret)
		goto out_free;
	*out = w;
	return 0;
out_free:
	kfree(w);
out:
	return ret;
}

int widget_copy_name(struct nobj *root, const char *name, char **out)
{
	struct widget *w;
	int ret = 0;

	w = widget_find(root, name);
	if (!w)
		goto out;
	*out = kstrdup(name, GFP_KERNEL);
	if (!*out) {
		ret = -ENOMEM;
		goto out;
	}
	widget_drop(w);
out:
	return ret;
}

int widget_retry(struct nobj *root, const char *name)
{
	struct widget *w;

	w = widget_find(root, name);
	if (!w) {
		w = widget_find(root, "default");
		pr_info("widget: using the default\n");
		return -EAGAIN;
	}
	widget_drop(w);
	return 0;
}

// expect: 21:7-26: [High] kref leak in widget_create(): reference on 'w' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 29
// expect: 37:5-16: [High] kref leak in widget_copy_name(): reference on 'w' taken by widget_find() is neither put nor handed off before the return at line 47
// expect: 56:6-17: [High] kref leak in widget_retry(): reference on 'w' taken by widget_find() is neither put nor handed off before the return at line 58
