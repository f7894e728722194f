// SPDX-License-Identifier: GPL-2.0-only
/*
 * A lookup that returns the driver data of the device it found, where
 * nothing in the file puts the device through the data: the reference on
 * the device is leaked, whatever the data points to.
 */
#include "include/foo.h"

struct foo_info {
	struct foo *owner;
	int mode;
};

struct foo_info *foo_info_find(struct foo_ctx *ctx, int id)
{
	struct foo_info *info;
	struct foo *f;

	f = foo_table_lookup(ctx, id);
	if (!f)
		return ERR_PTR(-ENODEV);
	info = foo_get_drvdata(f);
	if (!info) {
		foo_put(f);
		return ERR_PTR(-EPROBE_DEFER);
	}
	return info;
}

// expect: 19:5-21: [Moderate] kref leak in foo_info_find(): reference on 'f' taken by foo_table_lookup() is neither put nor handed off before the return at line 27
