/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test tree header: device-tree nodes found by lookups that take a
 * reference, and platform devices found by their node, with the reference
 * on the device embedded in them.  Everything is defined in lib_of.c.
 */
#ifndef _TEST_OF_H
#define _TEST_OF_H

struct device_node {
	struct kref kref;
	const char *name;
	struct device_node *parent;
};

struct device {
	struct kref kref;
	struct device_node *of_node;
	void (*release)(struct device *dev);
};

struct platform_device {
	struct device dev;
	int id;
};

void of_node_put(struct device_node *np);
struct device_node *of_find_node_by_path(const char *path);
void device_initialize(struct device *dev);
int dev_set_name(struct device *dev, const char *fmt, ...);
void put_device(struct device *dev);
struct platform_device *of_find_device_by_node(struct device_node *np);
struct device *bus_find_device_by_name(const char *name);
struct device_node *of_get_next_child(struct device_node *np,
				      struct device_node *prev);

#define to_platform_device(d) container_of(d, struct platform_device, dev)

#endif
