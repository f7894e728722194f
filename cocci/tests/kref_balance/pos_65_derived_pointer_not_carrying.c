// SPDX-License-Identifier: GPL-2.0-only
/*
 * A pointer made from a looked-up object and returned, where nothing says
 * the pointer carries the object's reference: the object is given back
 * on a path that does not test that pointer, the pointer is a getter's
 * result with a reference of its own, or the function returns an int.
 * The object leaks.
 */
#include "include/of.h"

struct board {
	struct device_node *np;
	int engine;
};

struct board *board_verify(struct device *dev);
int board_check(struct device *dev);

struct board *board_find_loose(const char *name, int strict)
{
	struct board *b;
	struct device *dev;

	dev = bus_find_device_by_name(name);
	if (!dev)
		return NULL;
	b = board_verify(dev);
	if (strict && !b->engine) {
		put_device(dev);
		return NULL;
	}
	return b;
}

struct device_node *board_first_child(const char *path)
{
	struct device_node *np, *child;

	np = of_find_node_by_path(path);
	if (!np)
		return NULL;
	child = of_get_next_child(np, NULL);
	if (!child) {
		of_node_put(np);
		return NULL;
	}
	return child;
}

int board_probe_one(const char *name)
{
	struct device *dev;
	int ret;

	dev = bus_find_device_by_name(name);
	if (!dev)
		return -ENODEV;
	ret = board_check(dev);
	if (!ret)
		put_device(dev);
	return ret;
}


// expect: 24:7-30: [High] kref leak in board_find_loose(): reference on 'dev' taken by bus_find_device_by_name() is neither put nor handed off before the return at line 32
// expect: 39:6-26: [High] kref leak in board_first_child(): reference on 'np' taken by of_find_node_by_path() is neither put nor handed off before the return at line 47
// expect: 55:7-30: [High] kref leak in board_probe_one(): reference on 'dev' taken by bus_find_device_by_name() is neither put nor handed off before the return at line 61
