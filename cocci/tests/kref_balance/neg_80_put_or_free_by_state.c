// SPDX-License-Identifier: GPL-2.0-only
/*
 * An object disposed of on both branches of a shared exit, by a put or by
 * kfree(), as a flag the function keeps says ("if (need_put)
 * put_device(&client->dev); else kfree(client);" in
 * i2c_new_client_device()): the path on which the device was set up puts
 * it.  Which branch a path takes is the flag's, which the matcher does not
 * follow, so a path through it is no leak.  Also the other order of the
 * branches, braced, with the release callback for the state
 * (sdebug_add_host_helper() tests "sdbg_host->dev.release").
 */
#include "include/of.h"

struct sensor {
	struct device dev;
	int addr;
};

int sensor_check_addr(int addr);
void sensor_release(struct device *dev);
int sensor_probe_hw(int addr);

struct sensor *sensor_new(int addr)
{
	struct sensor *s = kzalloc(sizeof(*s), GFP_KERNEL);
	bool need_put = false;
	int err;

	if (!s)
		return ERR_PTR(-ENOMEM);
	s->addr = addr;
	err = sensor_check_addr(addr);
	if (err)
		goto out_err;
	device_initialize(&s->dev);
	need_put = true;
	err = dev_set_name(&s->dev, "sensor-%d", addr);
	if (err)
		goto out_err;
	err = sensor_probe_hw(addr);
	if (err)
		goto out_err;
	return s;

out_err:
	if (need_put)
		put_device(&s->dev);
	else
		kfree(s);
	return ERR_PTR(err);
}

struct sensor *sensor_new_inited(int addr)
{
	struct sensor *s = kzalloc(sizeof(*s), GFP_KERNEL);
	int err;

	if (!s)
		return ERR_PTR(-ENOMEM);
	err = sensor_check_addr(addr);
	if (err)
		goto out_err;
	device_initialize(&s->dev);
	s->dev.release = sensor_release;
	err = dev_set_name(&s->dev, "sensor-%d", addr);
	if (err)
		goto out_err;
	return s;

out_err:
	if (!s->dev.release) {
		kfree(s);
	} else {
		put_device(&s->dev);
	}
	return ERR_PTR(err);
}

// expect: none
