// SPDX-License-Identifier: GPL-2.0-only
/*
 * A pointer made from a looked-up device and returned, where the device
 * is given back on no path, or on a path that does not test that
 * pointer: nothing says the pointer carries the reference, and the
 * device leaks.
 */
#include "include/of.h"

struct board {
	struct device_node *np;
	int engine;
};

struct board *board_verify(struct device *dev);

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

// expect: 22:7-30: [High] kref leak in board_find_loose(): reference on 'dev' taken by bus_find_device_by_name() is neither put nor handed off before the return at line 30
