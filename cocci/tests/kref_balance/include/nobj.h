/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test tree header: an embedded reference-counted node (like a kobject)
 * and a widget that embeds one.  Everything is defined in lib_nobj.c.
 */
#ifndef _TEST_NOBJ_H
#define _TEST_NOBJ_H

struct nobj {
	struct kref kref;
	const char *name;
	struct nobj *parent;
	void (*release)(struct nobj *n);
};

struct widget {
	struct nobj nobj;
	struct work_struct work;
	int level;
};

int nobj_setup_and_link(struct nobj *n, struct nobj *parent, const char *name);
struct nobj *nobj_hold(struct nobj *n);
void nobj_drop(struct nobj *n);
struct widget *widget_hold(struct widget *w);
void widget_drop(struct widget *w);
struct widget *widget_find(struct nobj *root, const char *name);
int nobj_register(struct nobj *n, struct nobj *parent);
int nobj_make_current(struct nobj *n);
int nobj_make_current_again(struct nobj *n);
int nobj_make_current_named(struct nobj *n, const char *name);
int widget_add(struct widget *w, struct nobj *parent);
struct widget *devm_widget_find(struct device *dev, struct nobj *root,
				const char *name);
int widget_publish(struct widget *w, struct nobj *parent, const char *name);
void widget_prepare(struct widget *w);
int widget_setup_checked(struct widget *w, int level);
int widget_publish_named(struct widget *w, struct nobj *parent);
struct widget *widget_alloc_managed(struct device *dev);
struct widget *widget_create_managed(struct device *dev, int level);

#endif
