// SPDX-License-Identifier: GPL-2.0-only
/*
 * The same lookup, converted, but only a field of the object is returned:
 * nothing carries the reference on the device to the caller.
 */
#include "include/of.h"

int board_pdev_id(const char *name)
{
	struct platform_device *pdev;
	struct device *dev;

	dev = bus_find_device_by_name(name);
	if (!dev)
		return -ENODEV;
	pdev = to_platform_device(dev);
	if (!pdev->id) {
		put_device(dev);
		return -EINVAL;
	}
	return pdev->id;
}

// expect: 13:7-30: [High] kref leak in board_pdev_id(): reference on 'dev' taken by bus_find_device_by_name() is neither put nor handed off before the return at line 21
