// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test tree library file: device-tree lookups that return a referenced
 * node or device, and the puts that give the references back.
 */
#include "include/of.h"

static void of_node_release(struct kref *kref)
{
	struct device_node *np = container_of(kref, struct device_node, kref);

	kfree(np->name);
}

void of_node_put(struct device_node *np)
{
	if (np)
		kref_put(&np->kref, of_node_release);
}

struct device_node *of_find_node_by_path(const char *path)
{
	struct device_node *np = dt_lookup_path(path);

	if (np)
		kref_get(&np->kref);
	return np;
}

static void device_release(struct kref *kref)
{
	struct device *dev = container_of(kref, struct device, kref);

	kfree(dev);
}

void device_initialize(struct device *dev)
{
	kref_init(&dev->kref);
}

void put_device(struct device *dev)
{
	kref_put(&dev->kref, device_release);
}

struct platform_device *of_find_device_by_node(struct device_node *np)
{
	struct platform_device *pdev = dt_bus_lookup(np);

	if (pdev)
		kref_get(&pdev->dev.kref);
	return pdev;
}

struct device *bus_find_device_by_name(const char *name)
{
	struct device *dev = dt_bus_lookup_name(name);

	if (dev)
		kref_get(&dev->kref);
	return dev;
}

/*
 * The next child after prev: the reference on prev is dropped, by a
 * helper the tree does not show (pass 1 over 6.1 takes the real
 * of_get_next_child() for a returning getter only, too).
 */
struct device_node *of_get_next_child(struct device_node *np,
				      struct device_node *prev)
{
	struct device_node *next = dt_next_child(np, prev);

	if (next)
		kref_get(&next->kref);
	dt_release_prev(prev);
	return next;
}

// expect-wrapper: init device_initialize
// expect-wrapper: put of_node_put
// expect-wrapper: put put_device
// expect-wrapper: putcb of_node_put/of_node_release:frees
// expect-wrapper: putcb put_device/device_release:frees
// expect-wrapper: rget bus_find_device_by_name
// expect-wrapper: rget of_find_device_by_node
// expect-wrapper: rget of_find_node_by_path
// expect-wrapper: rget of_get_next_child
