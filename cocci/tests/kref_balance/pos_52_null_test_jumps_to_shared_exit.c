// SPDX-License-Identifier: GPL-2.0-only
/*
 * A NULL test whose branch jumps to the shared exit: the return there is
 * reached from the other paths too, so it is still checked (the leak on
 * the path where the init call failed, as acpi_cppc_processor_probe()
 * had, is reported).
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

// expect: 20:7-26: [High] kref leak in widget_create(): reference on 'w' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 28
