// SPDX-License-Identifier: GPL-2.0-only
/*
 * A lookup whose device is given back only when the pointer made from it
 * is NULL, and that pointer returned otherwise: the pointer, or a member
 * of it, carries the reference to the caller (a "verify" of the device's
 * type, the object the device belongs to).  Driver data is not such a
 * pointer (pos_49).
 */
#include "include/of.h"

struct board {
	struct device_node *np;
	int engine;
};

struct board *board_verify(struct device *dev);
struct board *board_of(struct device *dev);

struct board *board_find(const char *name)
{
	struct board *b;
	struct device *dev;

	dev = bus_find_device_by_name(name);
	if (!dev)
		return NULL;
	b = board_verify(dev);
	if (!b)
		put_device(dev);
	return b;
}

int *board_find_engine(const char *name)
{
	struct board *b;
	struct device *dev;

	dev = bus_find_device_by_name(name);
	if (!dev)
		return NULL;
	b = board_of(dev);
	if (!b) {
		put_device(dev);
		return NULL;
	}
	return &b->engine;
}

// expect: none
