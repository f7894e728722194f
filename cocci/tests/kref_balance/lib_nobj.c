// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test tree library file: a node whose first reference is set by a
 * helper two calls below the one drivers use, and a widget whose get and
 * put go through the node embedded in it.
 */
#include "include/nobj.h"

static void nobj_release(struct kref *kref)
{
	struct nobj *n = container_of(kref, struct nobj, kref);

	kfree(n->name);
}

static void nobj_setup_fields(struct nobj *n)
{
	kref_init(&n->kref);
	n->parent = NULL;
}

static void nobj_setup(struct nobj *n)
{
	nobj_setup_fields(n);
	n->name = NULL;
}

int nobj_setup_and_link(struct nobj *n, struct nobj *parent, const char *name)
{
	nobj_setup(n);
	n->name = kstrdup(name, GFP_KERNEL);
	if (!n->name)
		return -ENOMEM;
	n->parent = parent;
	return 0;
}

/* Fails only before its init call: an initput. */
static int nobj_setup_checked(struct nobj *n)
{
	if (!n->name)
		return -EINVAL;
	kref_init(&n->kref);
	n->parent = NULL;
	return 0;
}

/*
 * Passes up the failure of nobj_setup_checked(), which leaves nothing to
 * put, and fails in no other way (set_current_rng() of hw_random): an
 * initput too.
 */
static struct nobj __rcu *nobj_current;

int nobj_make_current(struct nobj *n)
{
	int err;

	err = nobj_setup_checked(n);
	if (err)
		return err;
	rcu_assign_pointer(nobj_current, n);
	return 0;
}

/*
 * Passes up the failure of nobj_setup_checked() too, but the node was set
 * up before that call, or fails in another way after it: init wrappers
 * whose failure leaves the caller a reference.
 */
int nobj_make_current_again(struct nobj *n)
{
	int err;

	nobj_setup_fields(n);
	err = nobj_setup_checked(n);
	if (err)
		return err;
	rcu_assign_pointer(nobj_current, n);
	return 0;
}

int nobj_make_current_named(struct nobj *n, const char *name)
{
	int err;

	err = nobj_setup_checked(n);
	if (err)
		return err;
	n->name = kstrdup(name, GFP_KERNEL);
	if (!n->name)
		return -ENOMEM;
	rcu_assign_pointer(nobj_current, n);
	return 0;
}

struct nobj *nobj_hold(struct nobj *n)
{
	if (n)
		kref_get(&n->kref);
	return n;
}

void nobj_drop(struct nobj *n)
{
	if (n)
		kref_put(&n->kref, nobj_release);
}

struct widget *widget_hold(struct widget *w)
{
	if (w)
		nobj_hold(&w->nobj);
	return w;
}

void widget_drop(struct widget *w)
{
	if (w)
		nobj_drop(&w->nobj);
}

static struct nobj *nobj_find_raw(struct nobj *root, const char *name)
{
	struct nobj *n = root;

	if (n && n->name == name && nobj_hold(n))
		return n;
	return NULL;
}

struct widget *widget_find(struct nobj *root, const char *name)
{
	struct nobj *n;

	n = nobj_find_raw(root, name);
	return n ? container_of(n, struct widget, nobj) : NULL;
}

/*
 * An init helper that puts the node itself when it cannot finish, and a
 * widget helper over it: their callers have nothing to put when they
 * fail.
 */
int nobj_register(struct nobj *n, struct nobj *parent)
{
	nobj_setup_fields(n);
	if (!parent) {
		nobj_drop(n);
		return -EINVAL;
	}
	n->parent = parent;
	return 0;
}

int widget_add(struct widget *w, struct nobj *parent)
{
	return nobj_register(&w->nobj, parent);
}

static void devm_widget_release(struct device *dev, void *res)
{
	widget_drop(*(struct widget **)res);
}

/* A device-managed lookup: devres drops the reference with the device. */
struct widget *devm_widget_find(struct device *dev, struct nobj *root,
				const char *name)
{
	struct widget **slot, *w;

	slot = devres_alloc(devm_widget_release, sizeof(*slot), GFP_KERNEL);
	if (!slot)
		return NULL;
	w = widget_find(root, name);
	if (w) {
		*slot = w;
		devres_add(dev, slot);
	} else {
		devres_free(slot);
	}
	return w;
}

static void widget_release_node(struct nobj *n)
{
	kfree(container_of(n, struct widget, nobj));
}

/*
 * A registration that gives the node its release only once the node is
 * set up and linked (as __video_register_device() sets vdev->dev.release
 * after device_register()): when it fails, a put by its caller would find
 * no release, so the caller has nothing to put.
 */
int widget_publish(struct widget *w, struct nobj *parent, const char *name)
{
	int error;

	error = nobj_setup_and_link(&w->nobj, parent, name);
	if (error)
		return error;
	w->nobj.release = widget_release_node;
	return 0;
}

/*
 * The release set right after an init that cannot fail: the node can be
 * put from here on, so this is a plain init helper.
 */
void widget_prepare(struct widget *w)
{
	nobj_setup(&w->nobj);
	w->nobj.release = widget_release_node;
}

/*
 * An init helper that fails only before its init call (as
 * pm_genpd_init() does): when it fails there is no reference yet, so it
 * is an initput; nobj_setup_and_link() above, which can fail after its
 * init call, is not.
 */
int widget_setup_checked(struct widget *w, int level)
{
	if (level < 0)
		return -EINVAL;
	nobj_setup(&w->nobj);
	w->level = level;
	return 0;
}

/* Returns what its init call returns: it can fail after the init. */
int widget_publish_named(struct widget *w, struct nobj *parent)
{
	return nobj_setup_and_link(&w->nobj, parent, "widget");
}

static void widget_devres_release(struct device *dev, void *res)
{
	widget_drop(*(struct widget **)res);
}

/*
 * A constructor that leaves the first reference to devres (as
 * ata_host_alloc() does): devres puts it when the device goes, so the
 * caller holds nothing it must put, and neither does the caller of a
 * function that returns what this one made.
 */
struct widget *widget_alloc_managed(struct device *dev)
{
	struct widget **slot;
	struct widget *w;

	slot = devres_alloc(widget_devres_release, sizeof(*slot), GFP_KERNEL);
	if (!slot)
		return NULL;
	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w) {
		devres_free(slot);
		return NULL;
	}
	*slot = w;
	devres_add(dev, slot);
	kref_init(&w->nobj.kref);
	return w;
}

struct widget *widget_create_managed(struct device *dev, int level)
{
	struct widget *w;

	w = widget_alloc_managed(dev);
	if (!w)
		return NULL;
	w->level = level;
	return w;
}

// expect-wrapper: init nobj_setup_fields
// expect-wrapper: init nobj_setup
// expect-wrapper: init nobj_setup_and_link
// expect-wrapper: get nobj_hold
// expect-wrapper: put nobj_drop
// expect-wrapper: putcb nobj_drop/nobj_release:frees
// expect-wrapper: rget nobj_hold
// expect-wrapper: get widget_hold
// expect-wrapper: put widget_drop
// expect-wrapper: rget widget_hold
// expect-wrapper: rget nobj_find_raw
// expect-wrapper: rget widget_find
// expect-wrapper: init nobj_register
// expect-wrapper: initput nobj_register
// expect-wrapper: consume nobj_register
// expect-wrapper: init widget_add
// expect-wrapper: initput widget_add
// expect-wrapper: consume widget_add
// expect-wrapper: init widget_publish
// expect-wrapper: initput widget_publish
// expect-wrapper: init widget_prepare
// expect-wrapper: init nobj_setup_checked
// expect-wrapper: initput nobj_setup_checked
// expect-wrapper: init nobj_make_current
// expect-wrapper: initput nobj_make_current
// expect-wrapper: init nobj_make_current_again
// expect-wrapper: init nobj_make_current_named
// expect-wrapper: init widget_setup_checked
// expect-wrapper: initput widget_setup_checked
// expect-wrapper: init widget_publish_named
