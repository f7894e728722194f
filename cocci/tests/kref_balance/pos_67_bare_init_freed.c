// SPDX-License-Identifier: GPL-2.0-only
/*
 * device_initialize() sets a count and allocates nothing: the name comes
 * with dev_set_name(), the parent's reference and the sysfs entry with
 * device_add().  An object freed on a path on which no call was given the
 * device since the init holds nothing yet (a call that only sets a field
 * or prints, dma_set_mask(), dev_err(), does not count): that leak is only
 * Low (the kernel-doc still asks for put_device()).  Freed after dev_set_name(), it
 * leaks the name: High, naming only that return; so does a name set
 * before the init (fsi_slave_init() calls dev_set_name() first).  With
 * the init made through a pointer to the member and the name through the
 * member, the returns are narrowed the same way; that finding was Low
 * before and stays Low, and its second line (the "return g;") is a false
 * positive written down as such: the return of the object is not told
 * apart from a leak of the pointer.
 */
#include "include/of.h"

struct gadget {
	struct device dev;
	void *buf;
	int id;
};

int gadget_claim_id(int id);

struct gadget *gadget_alloc(void)
{
	struct gadget *g = kzalloc(sizeof(*g), GFP_KERNEL);

	if (!g)
		return NULL;
	device_initialize(&g->dev);
	if (dma_set_mask(&g->dev, DMA_BIT_MASK(32))) {
		dev_err(&g->dev, "no 32-bit DMA\n");
		kfree(g);
		return NULL;
	}
	g->buf = kmalloc(64, GFP_KERNEL);
	if (!g->buf) {
		kfree(g);
		return NULL;
	}
	return g;
}

struct gadget *gadget_create(int id)
{
	struct gadget *g = kzalloc(sizeof(*g), GFP_KERNEL);

	if (!g)
		return NULL;
	device_initialize(&g->dev);
	g->buf = kmalloc(64, GFP_KERNEL);
	if (!g->buf) {
		kfree(g);
		return NULL;
	}
	if (dev_set_name(&g->dev, "gadget%d", id))
		goto err_free;
	if (gadget_claim_id(id))
		goto err_free;
	g->id = id;
	return g;

err_free:
	kfree(g->buf);
	kfree(g);
	return NULL;
}

struct gadget *gadget_create_aliased(int id)
{
	struct gadget *g = kzalloc(sizeof(*g), GFP_KERNEL);
	struct device *dev;

	if (!g)
		return NULL;
	dev = &g->dev;
	device_initialize(dev);
	g->buf = kmalloc(64, GFP_KERNEL);
	if (!g->buf) {
		kfree(g);
		return NULL;
	}
	dev_set_name(&g->dev, "gadget%d", id);
	if (gadget_claim_id(id)) {
		kfree(g->buf);
		kfree(g);
		return NULL;
	}
	return g;
}

struct gadget *gadget_create_named_first(int id)
{
	struct gadget *g = kzalloc(sizeof(*g), GFP_KERNEL);

	if (!g)
		return NULL;
	if (dev_set_name(&g->dev, "gadget%d", id)) {
		kfree(g);
		return NULL;
	}
	device_initialize(&g->dev);
	g->buf = kmalloc(64, GFP_KERNEL);
	if (!g->buf) {
		kfree(g);
		return NULL;
	}
	return g;
}

// expect: 33:1-18: [Low] kref leak in gadget_alloc(): reference on 'g' taken by device_initialize() is neither put nor handed off before the return at lines 37, 42
// expect: 53:1-18: [High] kref leak in gadget_create(): reference on 'g' taken by device_initialize() is neither put nor handed off before the return at line 69
// expect: 80:1-18: [Low] kref leak in gadget_create_aliased(): reference on 'dev' taken by device_initialize() is neither put nor handed off before the return at lines 90, 92
// expect: 105:1-18: [High] kref leak in gadget_create_named_first(): reference on 'g' taken by device_initialize() is neither put nor handed off before the return at line 109
