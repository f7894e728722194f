// SPDX-License-Identifier: GPL-2.0-only
/*
 * A pointer to the member taken before an init through the member: a put
 * through the member on one path excuses that path only.  The other path
 * frees the object after dev_set_name() and reaches the same return: a
 * leak of the name.
 */
#include "include/of.h"

struct probe {
	struct device dev;
	int id;
};

int probe_hw(int id);

struct probe *probe_table[8];

int probe_register(int id, bool fast)
{
	struct probe *pr = kzalloc(sizeof(*pr), GFP_KERNEL);
	struct device *dev;
	int err;

	if (!pr)
		return -ENOMEM;
	dev = &pr->dev;
	device_initialize(&pr->dev);
	err = dev_set_name(dev, "probe%d", id);
	if (err) {
		put_device(&pr->dev);
		return err;
	}
	err = probe_hw(id);
	if (err && fast)
		kfree(pr);
	else if (err)
		put_device(&pr->dev);
	else
		probe_table[id] = pr;
	return err;
}

// expect: 28:1-18: [High] kref leak in probe_register(): reference on 'pr' taken by device_initialize() is neither put nor handed off before the return at line 41
