// SPDX-License-Identifier: GPL-2.0-only
/*
 * A lookup of a device returned as the object it is part of: the
 * converted pointer carries the reference to the caller.
 */
#include "include/of.h"

struct platform_device *board_find_pdev(const char *name)
{
	struct platform_device *pdev;
	struct device *dev;

	dev = bus_find_device_by_name(name);
	if (!dev)
		return NULL;
	pdev = to_platform_device(dev);
	if (!pdev->id) {
		put_device(dev);
		return NULL;
	}
	return pdev;
}

// expect: none
