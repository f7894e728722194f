// SPDX-License-Identifier: GPL-2.0-only
/*
 * A pointer to the member taken before the init call, the init made
 * through the pointer, and the put on the failure path made through the
 * member ("dev = &stdev->dev; device_initialize(dev); ...
 * put_device(&stdev->dev)" in stdev_create()): the first reference is
 * given back.
 */
#include "include/of.h"

struct switchboard {
	struct device dev;
	int minor;
};

int switchboard_minor_alloc(void);

struct switchboard *switchboard_create(void)
{
	struct switchboard *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	struct device *dev;
	int minor;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	dev = &sb->dev;
	device_initialize(dev);
	minor = switchboard_minor_alloc();
	if (minor < 0)
		goto err_put;
	dev_set_name(dev, "switchboard%d", minor);
	sb->minor = minor;
	return sb;

err_put:
	put_device(&sb->dev);
	return ERR_PTR(minor);
}

// expect: none
