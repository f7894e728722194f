// SPDX-License-Identifier: GPL-2.0-only
/*
 * A configfs group named at run time, or by a literal too long for its
 * inline buffer, holds a name its release frees: freeing the object
 * without a put leaks it.  Still reported, as for any init.
 */
#include "include/hollow.h"

struct gizmo *gizmo_make(const char *name)
{
	struct gizmo *g = kzalloc(sizeof(*g), GFP_KERNEL);

	if (!g)
		return ERR_PTR(-ENOMEM);
	config_group_init_type_name(&g->group, name, NULL);
	g->buf = kmalloc(64, GFP_KERNEL);
	if (!g->buf) {
		kfree(g);
		return ERR_PTR(-ENOMEM);
	}
	return g;
}

struct gizmo *gizmo_make_long(void)
{
	struct gizmo *g = kzalloc(sizeof(*g), GFP_KERNEL);

	if (!g)
		return ERR_PTR(-ENOMEM);
	config_group_init_type_name(&g->group, "gizmo-with-a-long-name", NULL);
	g->buf = kmalloc(64, GFP_KERNEL);
	if (!g->buf) {
		kfree(g);
		return ERR_PTR(-ENOMEM);
	}
	return g;
}

// expect: 15:1-28: [High] kref leak in gizmo_make(): reference on 'g' taken by config_group_init_type_name() is neither put nor handed off before the return at line 19
// expect: 30:1-28: [High] kref leak in gizmo_make_long(): reference on 'g' taken by config_group_init_type_name() is neither put nor handed off before the return at line 34
