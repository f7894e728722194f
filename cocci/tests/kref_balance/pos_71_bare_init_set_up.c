// SPDX-License-Identifier: GPL-2.0-only
/*
 * What counts as setting up the device of a bare init before the object
 * is freed (High), and what does not (Low): a device allocated alone and
 * freed at once holds nothing (the kfree() is no set-up call); a helper
 * given the whole object may name it; a node stored in the device is put
 * by its release; a name set through a pointer to the member taken before
 * an init through the member; an init of a nested member keeps its tier.
 */
#include "include/of.h"

struct holder {
	struct platform_device pdev;
	int id;
};

int holder_name(struct holder *h, int id);
int holder_check(int id);

struct device *bare_device_new(int id)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return NULL;
	device_initialize(dev);
	if (holder_check(id)) {
		kfree(dev);
		return NULL;
	}
	return dev;
}

struct holder *holder_new_named_by_helper(int id)
{
	struct holder *h = kzalloc(sizeof(*h), GFP_KERNEL);

	if (!h)
		return NULL;
	device_initialize(&h->pdev.dev);
	if (holder_name(h, id) || holder_check(id)) {
		kfree(h);
		return NULL;
	}
	return h;
}

struct platform_device *pdev_new_with_node(const char *path, int id)
{
	struct platform_device *pdev = kzalloc(sizeof(*pdev), GFP_KERNEL);

	if (!pdev)
		return NULL;
	device_initialize(&pdev->dev);
	pdev->dev.of_node = of_find_node_by_path(path);
	if (holder_check(id)) {
		kfree(pdev);
		return NULL;
	}
	return pdev;
}

struct platform_device *pdev_new_named_via_pointer(int id)
{
	struct platform_device *pdev = kzalloc(sizeof(*pdev), GFP_KERNEL);
	struct device *dev;

	if (!pdev)
		return NULL;
	dev = &pdev->dev;
	device_initialize(&pdev->dev);
	dev_set_name(dev, "pdev%d", id);
	if (holder_check(id)) {
		kfree(pdev);
		return NULL;
	}
	return pdev;
}

struct holder *holder_new_nested(int id)
{
	struct holder *h = kzalloc(sizeof(*h), GFP_KERNEL);

	if (!h)
		return NULL;
	device_initialize(&h->pdev.dev);
	if (holder_check(id)) {
		kfree(h);
		return NULL;
	}
	return h;
}

// expect: 26:1-18: [Low] kref leak in bare_device_new(): reference on 'dev' taken by device_initialize() is neither put nor handed off before the return at line 29
// expect: 40:1-18: [High] kref leak in holder_new_named_by_helper(): reference on 'h' taken by device_initialize() is neither put nor handed off before the return at line 43
// expect: 54:1-18: [High] kref leak in pdev_new_with_node(): reference on 'pdev' taken by device_initialize() is neither put nor handed off before the return at line 58
// expect: 71:1-18: [High] kref leak in pdev_new_named_via_pointer(): reference on 'pdev' taken by device_initialize() is neither put nor handed off before the return at line 75
// expect: 86:1-18: [High] kref leak in holder_new_nested(): reference on 'h' taken by device_initialize() is neither put nor handed off before the return at line 89
