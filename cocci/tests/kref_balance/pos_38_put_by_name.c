// SPDX-License-Identifier: GPL-2.0-only
/*
 * A callee pass 1 knows nothing of, named like a put, drops the reference
 * it is given: through a double pointer (drm_master_put(&m)), or through
 * a put wrapper of another file (free_mdio_bitbang()).  A function of
 * this file is judged by its body: one named like a put that puts
 * nothing leaves the reference with its caller.
 */
#include "include/nobj.h"

void widget_unref(struct widget **w);
void widget_free_tree(struct widget *w);

static void widget_release_name(struct widget *w)
{
	w->level = 0;
}

int widget_rename(struct nobj *root, const char *name, int level)
{
	struct widget *w = widget_find(root, name);

	if (!w)
		return -ENOENT;
	if (level < 0) {
		widget_unref(&w);
		return -EINVAL;
	}
	if (level > 9) {
		widget_free_tree(w);
		return -ERANGE;
	}
	w->level = level;
	widget_drop(w);
	return 0;
}

int widget_reset(struct nobj *root, const char *name, int level)
{
	struct widget *w = widget_find(root, name);

	if (!w)
		return -ENOENT;
	if (level < 0) {
		widget_release_name(w);
		return -EINVAL;
	}
	w->level = level;
	widget_drop(w);
	return 0;
}

// expect: 40:20-31: [High] kref leak in widget_reset(): reference on 'w' taken by widget_find() is neither put nor handed off before the return at line 46
