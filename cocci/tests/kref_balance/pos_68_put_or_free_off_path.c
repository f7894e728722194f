// SPDX-License-Identifier: GPL-2.0-only
/*
 * "if (C) put(x); else kfree(x);" excuses only the paths that go through
 * it.  A return reached without it, after the device was named, still
 * leaks the name: one after an early exit that holds such an if/else,
 * one after a goto to a label past it.
 */
#include "include/of.h"

struct meter {
	struct device dev;
	int id;
};

int meter_check(int id);
int meter_probe_hw(int id);

struct meter *meter_new(int id, bool need_put)
{
	struct meter *m = kzalloc(sizeof(*m), GFP_KERNEL);
	int err;

	if (!m)
		return ERR_PTR(-ENOMEM);
	device_initialize(&m->dev);
	err = meter_check(id);
	if (err) {
		if (need_put)
			put_device(&m->dev);
		else
			kfree(m);
		return ERR_PTR(err);
	}
	err = dev_set_name(&m->dev, "meter%d", id);
	if (err)
		goto out_put;
	if (meter_probe_hw(id)) {
		kfree(m);
		return ERR_PTR(-EIO);
	}
	return m;

out_put:
	put_device(&m->dev);
	return ERR_PTR(err);
}

struct meter *meter_new_skipped(int id, bool need_put)
{
	struct meter *m = kzalloc(sizeof(*m), GFP_KERNEL);
	int err;

	if (!m)
		return ERR_PTR(-ENOMEM);
	device_initialize(&m->dev);
	err = dev_set_name(&m->dev, "meter%d", id);
	if (err)
		goto out_free;
	err = meter_probe_hw(id);
	if (err)
		goto out;
	return m;

out_free:
	if (need_put)
		put_device(&m->dev);
	else
		kfree(m);
out:
	return ERR_PTR(err);
}

// expect: 25:1-18: [High] kref leak in meter_new(): reference on 'm' taken by device_initialize() is neither put nor handed off before the return at line 39
// expect: 55:1-18: [High] kref leak in meter_new_skipped(): reference on 'm' taken by device_initialize() is neither put nor handed off before the return at line 70
